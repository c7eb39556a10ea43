"""Unit-name matching, Vietnamese dates, and settings from TOML and the environment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kehoach_bot.config import ConfigError, load_settings
from kehoach_bot.domain.deadlines import BeforePolicy
from kehoach_bot.domain.vietnamese import format_date, normalize_name


def test_three_spellings_of_one_office_match() -> None:
    names = [
        "Phòng Lao động- Thương binh và Xã hội",
        "phòng lao động - thương binh và xã hội",
        "Phòng Lao động – Thương binh và Xã hội.",
    ]
    assert len({normalize_name(n) for n in names}) == 1


def test_vietnamese_date() -> None:
    assert format_date(date(2024, 7, 20)) == "20/07/2024"


def test_defaults_work_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = load_settings(environ={})
    assert settings.timezone == "Asia/Ho_Chi_Minh"
    assert settings.resolved_database_url.endswith("data/kehoach.db")
    assert settings.deadlines.before is BeforePolicy.EXCLUSIVE
    assert settings.telegram.token is None


def test_environment_overrides_token_and_url(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[telegram]\ntoken = "from-file"\n[database]\nurl = "sqlite:///x.db"\n')
    env = {"KEHOACH_BOT_TOKEN": "from-env", "KEHOACH_DATABASE_URL": "sqlite:///y.db"}
    settings = load_settings(path, environ=env)
    assert settings.telegram.token == "from-env"
    assert settings.database_url == "sqlite:///y.db"


def test_example_config_is_valid_and_complete() -> None:
    example = Path(__file__).resolve().parents[2] / "config.example.toml"
    settings = load_settings(example, environ={})
    assert settings.reminders.lead_days == (7, 3, 1, 0)
    assert settings.deadlines.working_day_shift is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[app]\ntimezone = "Mars/Olympus"', "Múi giờ"),
        ('[deadlines]\nbefore_policy = "maybe"', "before_policy"),
        ("[reminders]\nhour = 25", "hour"),
        ("not toml ===", "không đọc được"),
    ],
)
def test_bad_config_is_explained(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_settings(path, environ={})


def test_missing_explicit_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Không tìm thấy"):
        load_settings(tmp_path / "missing.toml", environ={})

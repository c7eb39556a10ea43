"""Settings from a TOML file (optional) and the environment; nothing is read at import time."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kehoach_bot.domain.deadlines import BeforePolicy, DeadlinePolicy
from kehoach_bot.domain.reminders import MAX_WEEKLY
from kehoach_bot.texts import board_vi, chase_vi, guards_vi
from kehoach_bot.texts import errors_vi as t

ENV_TOKEN = "KEHOACH_BOT_TOKEN"
ENV_DATABASE_URL = "KEHOACH_DATABASE_URL"
ENV_CONFIG = "KEHOACH_CONFIG"
DEFAULT_CONFIG = Path("config.toml")


class ConfigError(ValueError):
    """The configuration file is unreadable or holds a wrong value."""


@dataclass(frozen=True, slots=True)
class TelegramSettings:
    """How the bot talks to Telegram."""

    token: str | None = None
    username: str | None = None  # the bot's @name, for invite links printed offline
    base_url: str | None = None
    base_file_url: str | None = None
    admins: tuple[int, ...] = ()
    max_file_mb: int = 20
    undo_minutes: int = 10  # how long an officer may take an answer back
    # A person's updates beyond `per_person_burst` in a window of this many seconds are dropped
    # (0 seconds: no limit).
    per_person_burst: int = 6
    per_person_window_seconds: int = 3
    mode: str = "polling"  # or "webhook" behind a reverse proxy
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str = ""


@dataclass(frozen=True, slots=True)
class ReminderSettings:
    """When reminders go out."""

    lead_days: tuple[int, ...] = (7, 3, 1, 0)
    hour: int = 8
    until_hour: int = 17
    max_weekly: int = MAX_WEEKLY  # weekly overdue reminders before the chase hands over
    horizon_days: int = 400
    tick_seconds: int = 30
    digest_hour: int = 8
    batch: int = 200
    overall_per_second: int = 29
    group_per_minute: int = 20


@dataclass(frozen=True, slots=True)
class BoardSettings:
    """The coordinator's board: a small web server inside the bot's process."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8080
    public_url: str = ""  # e.g. "https://bang.example.gov.vn"; empty: http://host:port
    link_minutes: int = 10  # how long a one-time sign-in link stays valid
    session_hours: int = 12  # how long a sign-in lasts

    @property
    def base_url(self) -> str:
        """The address the links the bot sends start with (no trailing slash)."""
        return self.public_url.rstrip("/") or f"http://{self.host}:{self.port}"

    @property
    def secure(self) -> bool:
        """True when the board is reached over https (its cookie is then Secure)."""
        return self.base_url.startswith("https://")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the application needs to start."""

    data_dir: Path = Path("data")
    database_url: str | None = None
    timezone: str = "Asia/Ho_Chi_Minh"
    deadlines: DeadlinePolicy = field(default_factory=DeadlinePolicy)
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    telegram: TelegramSettings = field(default_factory=TelegramSettings)
    board: BoardSettings = field(default_factory=BoardSettings)

    @property
    def tz(self) -> ZoneInfo:
        """The local timezone of the agencies."""
        return ZoneInfo(self.timezone)

    @property
    def resolved_database_url(self) -> str:
        """The configured URL, or an SQLite file in the data folder."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'kehoach.db').as_posix()}"


def load_settings(path: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read the TOML file (if any) and apply environment overrides for secrets and the URL."""
    env = dict(os.environ) if environ is None else environ
    if path is None and env.get(ENV_CONFIG):
        path = Path(env[ENV_CONFIG])
    explicit = path is not None
    path = path or DEFAULT_CONFIG
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(t.CONFIG_UNREADABLE.format(path=path, reason=exc)) from exc
    elif explicit:
        raise ConfigError(t.CONFIG_NOT_FOUND.format(path=path))
    settings = _from_dict(raw, base=path.parent if explicit else Path.cwd())
    return _apply_env(settings, env)


def _section(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        raise ConfigError(t.CONFIG_SECTION_NOT_TABLE.format(name=name))
    return value


def _from_dict(raw: dict[str, Any], base: Path) -> Settings:
    app = _section(raw, "app")
    database = _section(raw, "database")
    deadlines = _section(raw, "deadlines")
    reminders = _section(raw, "reminders")
    telegram = _section(raw, "telegram")
    board = _board(_section(raw, "board"))
    timezone = str(app.get("timezone", "Asia/Ho_Chi_Minh"))
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(t.CONFIG_BAD_TIMEZONE.format(timezone=timezone)) from exc
    data_dir = Path(str(app.get("data_dir", "data")))
    try:
        before = BeforePolicy(str(deadlines.get("before_policy", "exclusive")))
    except ValueError as exc:
        raise ConfigError(t.CONFIG_BAD_BEFORE_POLICY) from exc
    lead_days = tuple(int(d) for d in reminders.get("lead_days", (7, 3, 1, 0)))
    if any(d < 0 for d in lead_days):
        raise ConfigError(t.CONFIG_NEGATIVE_LEAD_DAYS)
    hour = int(reminders.get("hour", 8))
    if not 0 <= hour <= 23:
        raise ConfigError(t.CONFIG_BAD_HOUR.format(key="hour"))
    return Settings(
        data_dir=data_dir if data_dir.is_absolute() else base / data_dir,
        database_url=database.get("url") or None,
        timezone=timezone,
        deadlines=DeadlinePolicy(
            before=before, working_day_shift=bool(deadlines.get("working_day_shift", True))
        ),
        reminders=ReminderSettings(
            lead_days=lead_days,
            hour=hour,
            horizon_days=int(reminders.get("horizon_days", 400)),
            until_hour=_hour(reminders.get("until_hour", 17), "until_hour"),
            max_weekly=_weeks(reminders.get("max_weekly", MAX_WEEKLY)),
            tick_seconds=_positive(reminders.get("tick_seconds", 30), "tick_seconds"),
            digest_hour=_hour(reminders.get("digest_hour", 8), "digest_hour"),
            batch=_positive(reminders.get("batch", 200), "batch"),
            overall_per_second=_positive(
                reminders.get("overall_per_second", 29), "overall_per_second"
            ),
            group_per_minute=_positive(reminders.get("group_per_minute", 20), "group_per_minute"),
        ),
        telegram=TelegramSettings(
            token=telegram.get("token") or None,
            username=str(telegram.get("username", "")).lstrip("@") or None,
            base_url=telegram.get("base_url") or None,
            base_file_url=telegram.get("base_file_url") or None,
            admins=tuple(int(a) for a in telegram.get("admins", ())),
            max_file_mb=_file_limit(telegram.get("max_file_mb", 20)),
            undo_minutes=_positive(telegram.get("undo_minutes", 10), "undo_minutes"),
            per_person_burst=_positive(telegram.get("per_person_burst", 6), "per_person_burst"),
            per_person_window_seconds=_not_negative(
                telegram.get("per_person_window_seconds", 3), "per_person_window_seconds"
            ),
            mode=_mode(telegram),
            webhook_url=str(telegram.get("webhook_url", "")),
            webhook_listen=str(telegram.get("webhook_listen", "127.0.0.1")),
            webhook_port=int(telegram.get("webhook_port", 8443)),
            webhook_secret=str(telegram.get("webhook_secret", "")),
        ),
        board=board,
    )


def _board(board: dict[str, Any]) -> BoardSettings:
    enabled = board.get("enabled", False)
    if not isinstance(enabled, bool):
        raise ConfigError(board_vi.CONFIG_BAD_ENABLED)
    host = board.get("host", "127.0.0.1")
    if not isinstance(host, str) or not host.strip():
        raise ConfigError(board_vi.CONFIG_BAD_HOST)
    port = board.get("port", 8080)
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise ConfigError(board_vi.CONFIG_BAD_PORT)
    public_url = board.get("public_url", "")
    if not isinstance(public_url, str) or (
        public_url and not public_url.startswith(("https://", "http://"))
    ):
        raise ConfigError(board_vi.CONFIG_BAD_PUBLIC_URL)
    return BoardSettings(
        enabled=enabled,
        host=host.strip(),
        port=port,
        public_url=public_url.strip().rstrip("/"),
        link_minutes=_board_positive(board.get("link_minutes", 10), "link_minutes", 24 * 60),
        session_hours=_board_positive(board.get("session_hours", 12), "session_hours", 24 * 30),
    )


def _board_positive(value: Any, key: str, most: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= most:
        raise ConfigError(board_vi.CONFIG_BAD_NUMBER.format(key=key, most=most))
    return value


def _hour(value: Any, key: str) -> int:
    if not isinstance(value, int) or not 0 <= value <= 23:
        raise ConfigError(t.CONFIG_BAD_HOUR.format(key=key))
    return value


def _positive(value: Any, key: str) -> int:
    if not isinstance(value, int) or value < 1:
        raise ConfigError(t.CONFIG_NOT_POSITIVE.format(key=key))
    return value


def _not_negative(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(guards_vi.CONFIG_NEGATIVE.format(key=key))
    return value


def _weeks(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 52:
        raise ConfigError(chase_vi.CONFIG_BAD_MAX_WEEKLY)
    return value


def _file_limit(value: Any) -> int:
    # The Bot API lets bots download files up to 20 MB.
    if not isinstance(value, int) or not 1 <= value <= 20:
        raise ConfigError(t.CONFIG_BAD_MAX_FILE_MB)
    return value


def _mode(telegram: dict[str, Any]) -> str:
    mode = str(telegram.get("mode", "polling"))
    if mode not in ("polling", "webhook"):
        raise ConfigError(t.CONFIG_BAD_MODE)
    if mode == "webhook" and not telegram.get("webhook_url"):
        raise ConfigError(t.CONFIG_WEBHOOK_URL_NEEDED)
    return mode


def _apply_env(settings: Settings, env: dict[str, str]) -> Settings:
    from dataclasses import replace

    if env.get(ENV_TOKEN):
        settings = replace(settings, telegram=replace(settings.telegram, token=env[ENV_TOKEN]))
    if env.get(ENV_DATABASE_URL):
        settings = replace(settings, database_url=env[ENV_DATABASE_URL])
    return settings

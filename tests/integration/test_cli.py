"""The command line end to end: loading, listings, and bad input refused without any change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Plan, PlanRevision
from kehoach_bot.plans.bundled import bundled_plan_files
from tests.auxil.cli import CliResult
from tests.auxil.plan_texts import BROKEN_PLAN
from tests.auxil.snapshot import snapshot

Cli = Callable[..., CliResult]


def seed_text(name: str) -> str:
    return dict(bundled_plan_files())[name]


def test_loading_the_seeds_again_changes_nothing(cli: Cli, engine: Engine) -> None:
    before = snapshot(engine)
    result = cli("load-plans")
    assert result.code == 0, result.err
    assert result.out.count("không đổi") == 5
    assert snapshot(engine) == before


def test_reloading_a_changed_plan_updates_it_and_keeps_history(
    cli: Cli,
    engine: Engine,
    tmp_path: Path,
) -> None:
    text = seed_text("la-gi-81.toml")
    changed = tmp_path / "la-gi-81.toml"
    # The admin corrects the date and drops the follow-up obligation.
    cut = text.index('[[obligations]]\ncode = "theo-doi-don-doc"')
    end = text.index("[[tasks]]", cut)
    changed.write_text(
        text[:cut].replace("2024-07-20", "2024-07-31") + text[end:], encoding="utf-8"
    )
    first = cli("load-plans", str(changed))
    assert first.code == 0, first.err
    assert "cập nhật, phiên bản 2" in first.out
    again = cli("load-plans", str(changed))
    assert "không đổi, phiên bản 2" in again.out
    with session_scope(engine) as session:
        plan = session.exec(select(Plan).where(Plan.code == "la-gi-81")).one()
        revisions = session.exec(select(PlanRevision).where(PlanRevision.plan_id == plan.id)).all()
        assert [r.version for r in revisions] == [1, 2]
        assert "2024-07-20" in revisions[0].content
        dropped = session.exec(
            select(Obligation).where(Obligation.code == "theo-doi-don-doc")
        ).one()
        assert dropped.active is False
    calendar = cli("calendar", "--plan", "la-gi-81", "--json").json()
    assert {e["due"] for e in calendar} == {"2024-07-31"}
    assert {e["last_day"] for e in calendar} == {"2024-07-30"}


def test_units_and_plans_listings(cli: Cli) -> None:
    units = {u["code"]: u for u in cli("units", "--json").json()}
    labour = units["BS-PLDTBXH"]
    assert "Phòng Lao động- Thương binh và Xã hội" in labour["aliases"]
    assert "Phòng LĐTBXH" in labour["aliases"] or labour["short_name"] == "Phòng LĐTBXH"
    assert units["GL-UBNDHUYEN"]["successors"] == ["GL-UBNDXA"]
    assert units["GL-UBNDHUYEN"]["active"] is False
    assert len(units["DN-SONGANH"]["members"]) == 10
    plans = {p["code"]: p for p in cli("plans", "--json").json()}
    assert plans["gia-lai-743"]["number"] == "743/KH-UBND"
    assert plans["binh-son-35"]["obligations"] == 4
    assert plans["binh-son-35"]["tasks"] == 26
    table = cli("units")
    assert table.code == 0 and "Phòng Lao động - Thương binh và Xã hội huyện Bình Sơn" in table.out


def test_text_calendar_is_vietnamese(cli: Cli) -> None:
    result = cli("calendar", "--from", "20/10/2024", "--to", "20/10/2024", "--plan", "binh-son-35")
    assert result.code == 0
    assert "trước ngày 20/10/2024" in result.out and "19/10/2024" in result.out
    # Loaded long after: history, until an admin tracks the plan from an earlier day.
    assert "không theo dõi" in result.out and "quá hạn" not in result.out
    moved = cli("plan", "tracked-from", "binh-son-35", "01/01/2024", "--by", "Quản trị")
    assert moved.code == 0, moved.err
    assert "theo dõi từ 01/01/2024" in moved.out
    result = cli("calendar", "--from", "20/10/2024", "--to", "20/10/2024", "--plan", "binh-son-35")
    assert "đang thực hiện quá hạn" in result.out and "không theo dõi" not in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "tracked-from", "khong-co", "01/01/2025"], "Không có kế hoạch mã 'khong-co'"),
        (["plan", "tracked-from", "binh-son-35", "31/02/2025"], "không có ngày 31"),
        (["plan", "tracked-from", "binh-son-35", "01/01/1900"], "từ 01/01/2000"),
        (["plan", "tracked-from", "binh-son-35"], "NGÀY"),
    ],
)
def test_bad_tracked_from_is_refused_and_changes_nothing(
    cli: Cli, engine: Engine, args: list[str], message: str
) -> None:
    before = snapshot(engine)
    result = cli(*args)
    assert result.code != 0
    assert message in result.err
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calendar", "--plan", "khong-co"], "Không có kế hoạch mã 'khong-co'"),
        (["calendar", "--unit", "KHONG-CO"], "Không có đơn vị mã 'KHONG-CO'"),
        (["calendar", "--from", "2025-03-01", "--to", "2025-01-01"], "sau --to"),
        (["calendar", "--from", "31/02/2025"], "tháng 2 năm 2025 không có ngày 31"),
        (["calendar", "--to", "2025-13-01"], "tháng 13 không tồn tại"),
        (["calendar", "--to", "hôm qua"], "không đúng dạng ngày"),
        (["unit", "merge", "KHONG-CO", "--into", "DN-SNV"], "Không có đơn vị mã 'KHONG-CO'"),
        (["unit", "merge", "DN-SXD", "--into", "KHONG-CO"], "KHONG-CO"),
        (["unit", "undo", "DN-SXD"], "không có sáp nhập"),
        # Sở Nội vụ took over from Sở LĐTBXH on 1/3/2025: it did not exist as such before.
        (
            ["unit", "merge", "DN-SNV", "--into", "DN-SYT", "--on", "2025-01-01"],
            "sớm hơn ngày đơn vị DN-SNV bắt đầu hoạt động (01/03/2025",
        ),
        (["unit", "merge", "DN-SXD", "--into", "DN-SNV", "--on", "2025-01-01"], "DN-SNV"),
        (["unit", "undo", "KHONG-CO"], "Không có đơn vị mã 'KHONG-CO'"),
        (
            ["unit", "merge", "DN-SLDTBXH", "--into", "DN-SNV", "--on", "2025-02-30"],
            "không có ngày 30",
        ),
        (
            ["unit", "split", "DN-SLDTBXH", "--into", "DN-SNV", "--route", "sai"],
            "KẾ_HOẠCH:NGHĨA_VỤ",
        ),
        (["unit", "merge", "DN-SLDTBXH"], "thiếu tham số bắt buộc"),
        (
            [
                "unit",
                "add",
                "--code",
                "BS-PNV",
                "--name",
                "x",
                "--kind",
                "phong",
                "--locality",
                "q",
            ],
            "đã có",
        ),
        (
            ["unit", "add", "--code", "X", "--name", "x", "--kind", "sao", "--locality", "q"],
            "lựa chọn không hợp lệ",
        ),
        (["load-plans", "/khong/co/tep.toml"], "không tìm thấy tệp"),
    ],
)
def test_bad_input_is_refused_clearly_and_changes_nothing(
    cli: Cli,
    engine: Engine,
    args: list[str],
    message: str,
) -> None:
    before = snapshot(engine)
    result = cli(*args)
    assert result.code != 0
    assert message in result.err, result.err
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("content", "messages"),
    [
        (BROKEN_PLAN, ["obligations[1].responsible: không có đơn vị mã 'KHONG-CO'"]),
        (BROKEN_PLAN.replace('title = "Báo cáo"\n', ""), ["obligations[1].title: thiếu"]),
        (
            BROKEN_PLAN.replace("day = 15", "day = 31").replace("month = 12", "month = 2"),
            ["31/2 không tồn tại"],
        ),
        ("tiêu đề = không phải TOML", ["cú pháp TOML"]),
    ],
)
def test_bad_plan_files_are_refused_whole(
    cli: Cli,
    engine: Engine,
    tmp_path: Path,
    content: str,
    messages: list[str],
) -> None:
    good = tmp_path / "tot.toml"
    good.write_text(
        seed_text("la-gi-81.toml").replace("2024-07-20", "2024-07-25"), encoding="utf-8"
    )
    bad = tmp_path / "hong.toml"
    bad.write_text(content, encoding="utf-8")
    before = snapshot(engine)
    result = cli("load-plans", str(good), str(bad))
    assert result.code == 1
    assert "hong.toml" in result.err
    for message in messages:
        assert message in result.err, result.err
    assert snapshot(engine) == before  # the good file was not loaded either


def test_binary_file_is_refused(cli: Cli, engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "anh.toml"
    path.write_bytes(b"\xff\xd8\xff\xe0" * 100)
    before = snapshot(engine)
    result = cli("load-plans", str(path))
    assert result.code == 1 and "không phải văn bản UTF-8" in result.err
    assert snapshot(engine) == before


def test_run_without_a_token_explains_how_to_get_one(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KEHOACH_BOT_TOKEN", raising=False)
    result = cli("run")
    assert result.code == 1
    assert "@BotFather" in result.err and "KEHOACH_BOT_TOKEN" in result.err
    assert "python bot.py calendar" in result.err


def test_invite_from_the_command_line(cli: Cli, engine: Engine) -> None:
    result = cli("invite", "--unit", "GL-SNV", "--role", "cán bộ", "--hours", "24")
    assert result.code == 0, result.err
    assert "/start " in result.out and "Mã mời cán bộ cho GL-SNV" in result.out
    # Typed without accents, or as the English value older scripts use.
    assert "Mã mời đầu mối" in cli("invite", "--unit", "GL-SNV", "--role", "dau moi").out
    assert "Mã mời quản trị viên" in cli("invite", "--unit", "GL-SNV", "--role", "admin").out
    bad = cli("invite", "--unit", "GL-SONGANH", "--role", "officer")
    assert bad.code == 1 and "nhóm đơn vị" in bad.err
    bad_hours = cli("invite", "--unit", "GL-SNV", "--role", "officer", "--hours", "0")
    assert bad_hours.code == 1 and "Thời hạn lời mời" in bad_hours.err


def test_status_reports_the_outbox_and_the_planning(cli: Cli) -> None:
    result = cli("status")
    assert result.code == 0
    assert "Hàng đợi tin gửi đi — chờ gửi: 0" in result.out
    assert "Bot chưa kiểm tra hạn lần nào" in result.out
    assert "chưa được xếp ngày nhắc" in result.out

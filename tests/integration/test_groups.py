"""Named groups' members: lists matched to the directory, all-or-nothing changes, previews that
cannot save something else, occurrences handed from the group to its members, and the flag."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, col, delete, select

from kehoach_bot.config import Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import (
    AuditLog,
    GroupMember,
    Obligation,
    Occurrence,
    Reply,
    Unit,
    UnitAlias,
)
from kehoach_bot.domain.status import State
from kehoach_bot.services import group_changes, group_lists, group_previews, group_status, units
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.digests import plan_digests
from kehoach_bot.services.errors import InvalidInput, NotFound, ServiceError
from kehoach_bot.services.group_changes import MemberChange
from kehoach_bot.services.group_lists import LineOutcome
from kehoach_bot.services.group_previews import MemberAction
from kehoach_bot.services.people import identify
from kehoach_bot.telegram.render import coordinator as render_coordinator
from kehoach_bot.texts import groups_vi
from tests.auxil.cli import CliResult
from tests.auxil.snapshot import snapshot
from tests.conftest import NOW

Cli = Callable[..., CliResult]
LOCALITIES = [
    "DN-CUJUT",
    "DN-DAKGLONG",
    "DN-DAKMIL",
    "DN-DAKRLAP",
    "DN-DAKSONG",
    "DN-GIANGHIA",
    "DN-KRONGNO",
    "DN-TUYDUC",
]


def options(settings: Settings) -> dict[str, Any]:
    return {
        "actor": "Quản trị",
        "now": NOW,
        "policy": settings.deadlines,
        "until": horizon(settings, NOW),
    }


def members(session: Session, group: str) -> list[str]:
    group_id = units.get_unit(session, group).id
    return sorted(
        session.exec(
            select(Unit.code)
            .join(GroupMember, col(GroupMember.member_id) == col(Unit.id))
            .where(GroupMember.group_id == group_id)
        ).all()
    )


def rows(session: Session, unit: str, obligation: str) -> list[Occurrence]:
    return list(
        session.exec(
            select(Occurrence)
            .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
            .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
            .where(Unit.code == unit, Obligation.code == obligation)
            .order_by(col(Occurrence.due_date))
        ).all()
    )


def remove(session: Session, settings: Settings, group: str, codes: str) -> None:
    group_changes.save(
        session, MemberChange(group, MemberAction.REMOVE, codes, ""), **options(settings)
    )


# --- Matching a pasted list ---------------------------------------------------------------------


def test_a_pasted_list_is_matched_line_by_line(engine: Engine, settings: Settings) -> None:
    with session_scope(engine) as session:
        remove(session, settings, "DN-UBNDHUYEN", "DN-CUJUT DN-DAKRLAP")
        for code in ("DN-TTYT1", "DN-TTYT2"):  # two units answering to the same name
            units.add_unit(
                session,
                code=code,
                name="Trung tâm Y tế huyện",
                kind="don_vi",
                locality="dak-nong",
                **options(settings),
            )
    before = snapshot(engine)
    pasted = "\n".join(
        [
            "UBND huyện Cu Jut",  # no accents
            "Huyện Đắk R'lấp",  # an alias from the directory
            "1. Ủy ban nhân dân thành phố Gia Nghĩa",  # already a member
            "UBND TP Gia Nghia",  # the same unit again
            "",
            "Xã Đắk Wil",  # in no directory
            "Trung tâm Y tế huyện",
            "DN-SONGANH",
            "UBND các huyện, thành phố",
            "DN-KHONGCO",
            "xa dak wil",
        ]
    )
    with session_scope(engine) as session:
        found = group_previews.preview(session, "DN-UBNDHUYEN", MemberAction.PASTE, pasted)
    assert snapshot(engine) == before  # a preview writes nothing
    assert [(line.number, line.outcome) for line in found.lines] == [
        (1, LineOutcome.MATCHED),
        (2, LineOutcome.MATCHED),
        (3, LineOutcome.MEMBER),
        (4, LineOutcome.DUPLICATE),
        (5, LineOutcome.BLANK),
        (6, LineOutcome.NEW),
        (7, LineOutcome.AMBIGUOUS),
        (8, LineOutcome.GROUP),
        (9, LineOutcome.SELF),
        (10, LineOutcome.UNKNOWN_CODE),
        (11, LineOutcome.DUPLICATE),
    ]
    lines = found.lines
    assert [u.code for u in found.add] == ["DN-CUJUT", "DN-DAKRLAP"]
    assert lines[2].unit is not None and lines[2].unit.code == "DN-GIANGHIA"
    assert (lines[3].first, lines[10].first) == (3, 6)
    new = lines[5].new
    assert new is not None
    # Never invent a name: the new unit is named exactly as the line; its kind from "Xã".
    assert (new.code, new.name, new.kind) == ("DN-DAKWIL", "Xã Đắk Wil", "ubnd_xa")
    assert [c.code for c in lines[6].candidates] == ["DN-TTYT1", "DN-TTYT2"]
    assert len(found.problems) == 7 and not found.ready
    with session_scope(engine) as session, pytest.raises(InvalidInput, match="7 dòng cần sửa"):
        group_changes.save(
            session,
            MemberChange("DN-UBNDHUYEN", MemberAction.PASTE, pasted, found.token),
            **options(settings),
        )
    assert snapshot(engine) == before


def test_the_group_locality_wins_and_other_localities_are_named(engine: Engine) -> None:
    with session_scope(engine) as session:
        local = group_previews.preview(session, "DN-UBNDHUYEN", MemberAction.PASTE, "Sở Y tế")
        outside = group_previews.preview(session, "BS-UBNDXA", MemberAction.PASTE, "DN-SYT")
    assert local.lines[0].unit is not None
    assert (local.lines[0].unit.code, local.lines[0].unit.locality) == ("DN-SYT", "")
    assert outside.lines[0].unit is not None
    assert (outside.lines[0].unit.code, outside.lines[0].unit.locality) == ("DN-SYT", "dak-nong")


# --- Saving ------------------------------------------------------------------------------------


def test_members_take_over_open_periods_and_the_group_keeps_its_history(
    engine: Engine, settings: Settings
) -> None:
    with session_scope(engine) as session:
        shared = rows(session, "BS-UBNDXA", "bao-cao-hang-nam")
        assert [o.state for o in shared] == [State.OPEN.value] * len(shared) and shared
        # The 2024 report was sent by the group as a whole before anyone filled it in.
        delivered = shared[0]
        delivered.state, delivered.submitted_at = State.DONE.value, NOW
        assert delivered.id is not None
        session.add(Reply(occurrence_id=delivered.id, kind="submitted", created_at=NOW))
        periods = [o.period_key for o in shared]
    pasted = "Xã Bình Hòa\nThị trấn Châu Ổ"
    with session_scope(engine) as session:
        found = group_previews.preview(session, "BS-UBNDXA", MemberAction.PASTE, pasted)
        assert found.ready and [n.code for n in found.create] == ["BS-BINHHOA", "BS-CHAUO"]
        saved = group_changes.save(
            session,
            MemberChange("BS-UBNDXA", MemberAction.PASTE, pasted, found.token),
            **options(settings),
        )
    assert saved.after == ("BS-BINHHOA", "BS-CHAUO") and saved.created == saved.after
    assert saved.sync.created > 0
    with session_scope(engine) as session:
        assert members(session, "BS-UBNDXA") == ["BS-BINHHOA", "BS-CHAUO"]
        commune = units.get_unit(session, "BS-BINHHOA")
        assert (commune.name, commune.kind, commune.locality) == (
            "Xã Bình Hòa",
            "ubnd_xa",
            units.get_unit(session, "BS-UBNDXA").locality,
        )
        for code in ("BS-BINHHOA", "BS-CHAUO"):
            own = rows(session, code, "bao-cao-hang-nam")
            assert {o.period_key for o in own} >= set(periods[1:])
        group_rows = rows(session, "BS-UBNDXA", "bao-cao-hang-nam")
        assert not [o for o in group_rows if o.state == State.OPEN.value]
        kept = session.get(Occurrence, delivered.id)
        assert kept is not None and kept.state == State.DONE.value
        entry = session.exec(select(AuditLog).where(AuditLog.action == "group_paste")).one()
        assert (entry.actor, entry.entity_id) == ("Quản trị", "BS-UBNDXA")
        assert entry.before == {"members": []}
        assert entry.after == {"members": ["BS-BINHHOA", "BS-CHAUO"]}


def test_a_stale_preview_cannot_save_something_else(engine: Engine, settings: Settings) -> None:
    with session_scope(engine) as session:
        remove(session, settings, "DN-UBNDHUYEN", "DN-CUJUT DN-TUYDUC")
        found = group_previews.preview(session, "DN-UBNDHUYEN", MemberAction.ADD, "DN-CUJUT")
    with session_scope(engine) as session:  # meanwhile, someone else adds Tuy Đức
        group_changes.save(
            session,
            MemberChange("DN-UBNDHUYEN", MemberAction.ADD, "DN-TUYDUC", ""),
            **options(settings),
        )
    before = snapshot(engine)
    with session_scope(engine) as session, pytest.raises(InvalidInput, match="đã thay đổi"):
        group_changes.save(
            session,
            MemberChange("DN-UBNDHUYEN", MemberAction.ADD, "DN-CUJUT", found.token),
            **options(settings),
        )
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("group", "action", "text", "error", "message"),
    [
        ("KHONG-CO", MemberAction.ADD, "DN-SNV", NotFound, "Không có đơn vị mã 'KHONG-CO'"),
        ("DN-SYT", MemberAction.ADD, "DN-SNV", InvalidInput, "không phải là nhóm"),
        ("DN-UBNDHUYEN", MemberAction.ADD, "DN-UBNDHUYEN", InvalidInput, "chính nó"),
        ("DN-UBNDHUYEN", MemberAction.ADD, "DN-CUJUT", InvalidInput, "đã là thành viên"),
        ("DN-UBNDHUYEN", MemberAction.ADD, "DN-SNV KHONG-CO", NotFound, "KHONG-CO"),
        ("DN-UBNDHUYEN", MemberAction.ADD, "DN-SNV, dn-snv", InvalidInput, "hai lần"),
        ("DN-UBNDHUYEN", MemberAction.ADD, "DN-SONGANH", InvalidInput, "là một nhóm"),
        ("DN-UBNDHUYEN", MemberAction.ADD, " , ", InvalidInput, "Chưa có mã"),
        ("DN-UBNDHUYEN", MemberAction.REMOVE, "DN-CUJUT DN-SNV", InvalidInput, "không phải là"),
        ("DN-UBNDHUYEN", MemberAction.PASTE, "", InvalidInput, "Danh sách trống"),
        ("DN-UBNDHUYEN", MemberAction.PASTE, "\n  \n\n", InvalidInput, "đều trống"),
        ("DN-UBNDHUYEN", MemberAction.PASTE, "x" * 301, InvalidInput, "Dòng 1 dài quá"),
        ("DN-UBNDHUYEN", MemberAction.PASTE, "Huyện Cư Jút", InvalidInput, "không có gì"),
    ],
)
def test_bad_changes_are_refused_whole(
    engine: Engine,
    settings: Settings,
    group: str,
    action: MemberAction,
    text: str,
    error: type[ServiceError],
    message: str,
) -> None:
    before = snapshot(engine)
    with session_scope(engine) as session, pytest.raises(error, match=message):
        group_changes.save(session, MemberChange(group, action, text, ""), **options(settings))
    assert snapshot(engine) == before


def test_csv_files_one_name_per_row_header_and_bom_optional() -> None:
    text = '\ufeffTên đơn vị\nXã Bình Hòa\n"Thị trấn Châu Ổ, huyện Bình Sơn"\n'
    assert group_lists.csv_names(text) == "Xã Bình Hòa\nThị trấn Châu Ổ, huyện Bình Sơn"
    assert group_lists.csv_names("DN-CUJUT\nDN-DAKMIL\n") == "DN-CUJUT\nDN-DAKMIL"
    with pytest.raises(InvalidInput, match="Dòng 2 của tệp CSV có nhiều cột"):
        group_lists.csv_names("Mã\nDN-CUJUT,Cư Jút\n")


# --- The flag ----------------------------------------------------------------------------------


def test_dated_obligations_of_empty_groups_are_flagged(engine: Engine) -> None:
    with session_scope(engine) as session:
        flagged = {(u.plan, u.obligation, u.group) for u in group_status.unfilled_groups(session)}
        only = group_status.unfilled_groups(session, ["binh-son-35"])
    assert ("binh-son-35", "bao-cao-hang-nam", "BS-UBNDXA") in flagged
    # Gia Lai's districts were replaced by the communes' group, which is still empty.
    assert ("gia-lai-743", "gui-so-y-te", "GL-UBNDXA") in flagged
    assert ("la-gi-81", "ke-hoach-thuc-hien", "LG-UBNDXA") in flagged
    assert not [f for f in flagged if f[0] == "dak-nong-33"]  # its members are known
    assert not [f for f in flagged if f[0] == "binh-luc-92"]  # undated: nothing stands in
    assert {u.plan for u in only} == {"binh-son-35"}


def test_digests_name_the_groups_without_members(engine: Engine, settings: Settings) -> None:
    with session_scope(engine) as session:
        admin = identify(session, 1, (1,))
        found = {d.plan: d for d in plan_digests(session, admin, today=NOW.date(), now=NOW)}
    assert [u.group for u in found["binh-son-35"].unfilled] == ["BS-UBNDXA"]
    assert not [d for d in found.values() if d.plan == "dak-nong-33" and d.unfilled]
    text = "\n".join(render_coordinator.digest(found["binh-son-35"], NOW.date()))
    weekly = render_coordinator.weekly(found["binh-son-35"], NOW.date())
    for shown in (text, weekly):
        assert groups_vi.DIGEST_UNFILLED in shown and "(BS-UBNDXA)" in shown


# --- The command line --------------------------------------------------------------------------


def test_plans_listing_flags_groups_without_members(cli: Cli) -> None:
    table = cli("plans")
    assert table.code == 0
    assert "Chưa có danh sách đơn vị" in table.out
    assert "binh-son-35/bao-cao-hang-nam: BS-UBNDXA" in table.out
    listed = {p["code"]: p for p in cli("plans", "--json").json()}
    assert listed["binh-son-35"]["unfilled_groups"] == [
        {
            "obligation": "bao-cao-hang-nam",
            "group": "BS-UBNDXA",
            "group_name": "UBND các xã, thị trấn huyện Bình Sơn",
        }
    ]
    assert listed["dak-nong-33"]["unfilled_groups"] == []


def test_group_import_previews_then_saves_with_yes(
    cli: Cli, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "xa.csv"
    path.write_text("\ufeffTên đơn vị\nXã Bình Hòa\nThị trấn Châu Ổ\n", encoding="utf-8")
    before = snapshot(engine)
    shown = cli("unit", "group-import", "BS-UBNDXA", str(path))
    assert shown.code == 0, shown.err
    assert "tạo đơn vị mới BS-BINHHOA" in shown.out and "--yes" in shown.out
    assert snapshot(engine) == before
    saved = cli("unit", "group-import", "BS-UBNDXA", str(path), "--yes", "--by", "Quản trị")
    assert saved.code == 0, saved.err
    assert "Đã lưu nhóm BS-UBNDXA: 2 thành viên" in saved.out
    with session_scope(engine) as session:
        assert members(session, "BS-UBNDXA") == ["BS-BINHHOA", "BS-CHAUO"]
    assert "BS-UBNDXA" not in cli("plans").out
    again = cli("unit", "group-import", "BS-UBNDXA", str(path), "--yes")
    assert again.code == 0 and "đã là thành viên" in again.out


def test_group_add_and_remove_from_the_command_line(cli: Cli, engine: Engine) -> None:
    removed = cli("unit", "group-remove", "DN-UBNDHUYEN", "DN-CUJUT", "DN-DAKMIL")
    assert removed.code == 0, removed.err
    assert "Đã lưu nhóm DN-UBNDHUYEN: 6 thành viên" in removed.out
    added = cli("unit", "group-add", "dn-ubndhuyen", "dn-cujut")  # any letter case
    assert added.code == 0, added.err
    with session_scope(engine) as session:
        assert "DN-CUJUT" in members(session, "DN-UBNDHUYEN")
        assert "DN-DAKMIL" not in members(session, "DN-UBNDHUYEN")
        assert rows(session, "DN-CUJUT", "huyen-6-thang")
        left = rows(session, "DN-DAKMIL", "huyen-6-thang")
        assert not [o for o in left if o.state == State.OPEN.value]


@pytest.mark.parametrize(
    ("args", "content", "message"),
    [
        (["group-add", "KHONG-CO", "DN-SNV"], None, "Không có đơn vị mã 'KHONG-CO'"),
        (["group-add", "DN-UBNDHUYEN", "DN-CUJUT"], None, "đã là thành viên"),
        (["group-add", "DN-UBNDHUYEN", "DN-SNV", "KHONG-CO"], None, "KHONG-CO"),
        (["group-remove", "DN-UBNDHUYEN", "DN-SNV"], None, "không phải là thành viên"),
        (["group-import", "BS-UBNDXA"], "Xã Bình Hòa\n\nXã Bình Hòa\n", "2 dòng cần sửa"),
        (["group-import", "BS-UBNDXA"], "", "Danh sách trống"),
        (["group-import", "BS-UBNDXA"], "Tên,Mã\nXã A,BS-A\n", "nhiều cột"),
        (["group-import", "DN-SYT"], "Xã Bình Hòa\n", "không phải là nhóm"),
        (["group-import", "BS-UBNDXA", "/khong/co.csv"], None, "Không đọc được tệp"),
    ],
)
def test_bad_command_lines_are_refused_clearly_and_change_nothing(
    cli: Cli,
    engine: Engine,
    tmp_path: Path,
    args: list[str],
    content: str | None,
    message: str,
) -> None:
    if content is not None:
        path = tmp_path / "list.csv"
        path.write_text(content, encoding="utf-8")
        args = [*args, str(path), "--yes"]
    before = snapshot(engine)
    result = cli("unit", *args)
    assert result.code == 1
    assert message in result.err, result.err
    assert snapshot(engine) == before


def test_loading_the_seeds_into_an_older_database_adds_the_members(
    cli: Cli, engine: Engine, settings: Settings
) -> None:
    # A database loaded before the directory listed Đắk Nông's localities: the group stood in.
    with session_scope(engine) as session:
        ids = list(session.exec(select(Unit.id).where(col(Unit.code).in_(LOCALITIES))).all())
        session.exec(delete(Occurrence).where(col(Occurrence.unit_id).in_(ids)))
        session.exec(delete(GroupMember).where(col(GroupMember.member_id).in_(ids)))
        session.exec(delete(UnitAlias).where(col(UnitAlias.unit_id).in_(ids)))
        session.exec(delete(Unit).where(col(Unit.id).in_(ids)))
        group = units.get_unit(session, "DN-UBNDHUYEN")
        assert group.id is not None
        group_status.sync_for_groups(
            session,
            [group.id],
            policy=settings.deadlines,
            until=horizon(settings, NOW),
            now=datetime(2024, 1, 1, tzinfo=UTC),
        )
        periods = [o.period_key for o in rows(session, "DN-UBNDHUYEN", "huyen-6-thang")]
        assert periods
    result = cli("load-plans")
    assert result.code == 0, result.err
    with session_scope(engine) as session:
        assert members(session, "DN-UBNDHUYEN") == LOCALITIES
        for code in LOCALITIES:
            assert [o.period_key for o in rows(session, code, "huyen-6-thang")] == periods
        shared = rows(session, "DN-UBNDHUYEN", "huyen-6-thang")
        assert not [o for o in shared if o.state == State.OPEN.value]

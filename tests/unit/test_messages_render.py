"""The coordinator's and admin's messages, rendered: every audit action reads as a sentence, the
status table groups by report and period, captions and decisions say who and when."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import kehoach_bot
from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import ExtensionStatus, SuccessionKind
from kehoach_bot.services import audit
from kehoach_bot.services.audit_story import Actor, ActorKind, StoryEntry, Subject
from kehoach_bot.services.extension_decisions import Decision
from kehoach_bot.services.file_facts import OpenedFile
from kehoach_bot.services.group_previews import MemberAction
from kehoach_bot.services.names import PersonName
from kehoach_bot.services.obligations import Field
from kehoach_bot.services.replies import ExtensionView, StoredFile
from kehoach_bot.services.review import ReviewDecision
from kehoach_bot.services.tracking import OccurrenceView, StatusTable
from kehoach_bot.telegram.render import audit as render_audit
from kehoach_bot.telegram.render import coordinator as render
from kehoach_bot.telegram.render.pages import PAGE_LIMIT, paginate
from kehoach_bot.texts import messages_vi as m

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AT = datetime(2026, 11, 25, 2, 12, tzinfo=UTC)  # 09:12 in Hà Nội
SERVICES = Path(kehoach_bot.__file__).parent / "services"
# Actions written from a value rather than a literal: each form, and every value it can take.
COMPUTED_ACTIONS: dict[str, list[str]] = {
    'f"obligation_{field.value}"': [f"obligation_{f.value}" for f in Field],
    'f"group_{planned.action.value}"': [f"group_{a.value}" for a in MemberAction],
    'f"unit_{kind}"': [f"unit_{k.value}" for k in SuccessionKind],
    "decision.value": [d.value for d in ReviewDecision],
    "REFUSED": [audit.REFUSED],
}


RECORD_CALL = re.compile(r"\brecord\(\n(.*?)\n\s*\)", re.DOTALL)  # audit.record(…), one per line


def _actions_in_services() -> set[str]:
    """Every action string the services write to the audit log, read from their source."""
    found: set[str] = set()
    for path in SERVICES.glob("*.py"):
        calls = RECORD_CALL.findall(path.read_text(encoding="utf-8"))
        for expression in (e for call in calls for e in re.findall(r"\baction=(.+?),?\n", call)):
            literals = re.findall(r'^"([a-z_]+)"|(?<= )"([a-z_]+)"', expression)
            if literals:
                found.update(a or b for a, b in literals)
            elif expression in COMPUTED_ACTIONS:
                found.update(COMPUTED_ACTIONS[expression])
            else:
                pytest.fail(f"{path.name}: an audit action nobody lists: {expression}")
    return found


def test_every_action_the_services_write_has_a_sentence() -> None:
    actions = _actions_in_services()
    assert {"reply_submitted", "extension_refuse", "unit_merge", "obligation_schedule"} <= actions
    assert sorted(actions - set(m.AUDIT_ACTIONS)) == []


def entry(action: str, **changes: Any) -> StoryEntry:
    base: dict[str, Any] = dict(
        at=AT,
        action=action,
        actor=Actor(ActorKind.PERSON, "Nguyễn Thị Lan", "Sở Nội vụ tỉnh Gia Lai"),
        subject=Subject("occurrence", "Báo cáo kết quả", "Sở Nội vụ tỉnh Gia Lai", "năm 2026"),
    )
    base.update(changes)
    return StoryEntry(**base)


@pytest.mark.parametrize("action", sorted(m.AUDIT_ACTIONS))
def test_each_template_renders_without_raw_keys(action: str) -> None:
    text = render_audit.sentence(
        entry(action, before={"members": ["A"]}, after={"members": ["A", "B"]}), TZ
    )
    assert "{" not in text and action not in text and "tg:" not in text
    assert text.startswith("Nguyễn Thị Lan (Sở Nội vụ tỉnh Gia Lai) ")


def test_sentences_name_people_reports_and_dates_the_vietnamese_way() -> None:
    lines = render_audit.audit_log(
        [
            entry("reply_submitted", after={"state": "done", "file": "bc.pdf"}),
            entry(
                "obligation_schedule",
                subject=Subject("obligation", "Báo cáo năm", plan="gia-lai-743"),
                actor=Actor(ActorKind.SERVER, "root"),
                before={"schedule": "hằng năm, trước ngày 25/11"},
                after={"schedule": "hằng năm, trước ngày 30/11"},
            ),
            entry(
                "unit_merge",
                subject=Subject("unit", "Sở Lao động"),
                after={"successors": ["GL-SNV"], "ended_on": "2025-03-01"},
                units={"GL-SNV": "Sở Nội vụ tỉnh Gia Lai"},
            ),
            entry("refused", actor=Actor(ActorKind.UNKNOWN_PERSON), after={"reason": "Không"}),
        ],
        TZ,
    )
    text = "\n".join(lines)
    assert (
        "• 25/11/2026 09:12 — Nguyễn Thị Lan (Sở Nội vụ tỉnh Gia Lai) đã nộp báo cáo "
        "«Báo cáo kết quả» — Sở Nội vụ tỉnh Gia Lai, năm 2026 (tệp «bc.pdf»)"
    ) in text
    assert (
        "quản trị trên máy chủ (root) đã sửa hạn của nghĩa vụ «Báo cáo năm» (gia-lai-743) "
        "từ hằng năm, trước ngày 25/11 thành hằng năm, trước ngày 30/11"
    ) in text
    assert "đã ghi nhận sáp nhập Sở Lao động vào Sở Nội vụ tỉnh Gia Lai từ 01/03/2025" in text
    assert "một người dùng chưa đăng ký bị từ chối: Không" in text


def test_an_unknown_action_still_reads_as_a_sentence() -> None:
    text = render_audit.sentence(entry("something_new_v9"), TZ)
    assert text == (
        "Nguyễn Thị Lan (Sở Nội vụ tỉnh Gia Lai) đã thay đổi "
        "«Báo cáo kết quả» — Sở Nội vụ tỉnh Gia Lai, năm 2026"
    )
    gone = render_audit.sentence(entry("something_new_v9", subject=Subject("thing")), TZ)
    assert gone == "Nguyễn Thị Lan (Sở Nội vụ tỉnh Gia Lai) đã thực hiện một thay đổi"


def view(**changes: Any) -> OccurrenceView:
    base: dict[str, Any] = dict(
        id=7,
        plan="gia-lai-743",
        plan_title="Kế hoạch 743",
        obligation_id=1,
        obligation="bao-cao",
        title="Báo cáo kết quả thực hiện Chương trình 99",
        quote="",
        unit_id=3,
        unit="GL-SNV",
        unit_name="Sở Nội vụ",
        period="năm 2026",
        period_key="2026",
        due=date(2026, 11, 25),
        wording="truoc_ngay",
        last_day=date(2026, 11, 24),
        remind_by=date(2026, 11, 24),
        extended_to=None,
        state=State.OPEN,
        status=Status.OPEN_ON_TIME,
        due_soon=False,
        submitted_on=None,
        recipient_name="Sở Y tế",
        via_name=None,
        recipient_id=1,
        via_id=None,
        recipient_code="GL-SYT",
        via_code=None,
        needs_review=False,
        tracked_from=None,
    )
    base.update(changes)
    return OccurrenceView(**base)


def test_the_status_table_groups_by_report_and_period_then_by_category() -> None:
    late = view(id=1, unit_name="Sở Xây dựng", status=Status.OPEN_OVERDUE)
    other = view(id=2, unit_name="Sở Tài chính", title="Báo cáo đột xuất về bão")
    waiting = view(id=3, unit_name="Sở Công thương")
    done = view(
        id=4,
        unit="GL-SNV",
        state=State.DONE,
        status=Status.DONE_ON_TIME,
        submitted_on=date(2026, 11, 20),
    )
    table = StatusTable(
        plan="gia-lai-743",
        plan_title="Kế hoạch 743/KH-UBND " + "rất dài " * 40,
        period="năm 2026",
        counts={
            Status.DONE_ON_TIME: 1,
            Status.DONE_LATE: 0,
            Status.OPEN_ON_TIME: 2,
            Status.OPEN_OVERDUE: 1,
        },
        missing=[late, other, waiting],
        done=[done],
        total=4,
        missing_total=3,
    )
    pages, keyboard = render.status_table(table, date(2026, 11, 27), {55: "GL-SNV"})
    text = "\n".join(pages)
    assert text.startswith("📊 Tình hình «Kế hoạch 743/KH-UBND rất dài")
    assert "…» — năm 2026" in text.splitlines()[0]
    first = text.index("📄 Báo cáo kết quả thực hiện Chương trình 99 — năm 2026")
    second = text.index("📄 Báo cáo đột xuất về bão — năm 2026")
    assert first < text.index("Sở Xây dựng — hạn cuối 24/11/2026 (quá 3 ngày)") < second
    assert text.index("⏰ Đang thực hiện quá hạn (1):") < text.index("⏳ Đang thực hiện trong hạn")
    assert "• Sở Nội vụ — đã nộp 20/11/2026" in text
    assert text.count("📄 ") == 2
    assert keyboard is not None
    label = keyboard.inline_keyboard[0][0].text
    assert label.startswith("📎 Sở Nội vụ — Báo cáo kết quả") and len(label) <= render.BUTTON_LIMIT


def decision(status: ExtensionStatus, reason: str = "", by: PersonName | None = None) -> Decision:
    extension = ExtensionView(9, 7, date(2026, 12, 30), "chờ số liệu", status)
    approved = status is ExtensionStatus.APPROVED
    report = view(extended_to=date(2026, 12, 30) if approved else None)
    return Decision(extension, report, by, AT, reason)


def test_a_decided_card_says_until_when_and_by_whom_or_why_not() -> None:
    lan = PersonName("Trần Văn Hùng", "Sở Y tế")
    approved = render.decided_card(decision(ExtensionStatus.APPROVED, by=lan))
    assert approved.startswith("📅 Sở Nội vụ xin gia hạn")
    assert approved.endswith("\n\n✅ Đã duyệt đến 30/12/2026 — Trần Văn Hùng (Sở Y tế)")
    refused = render.decided_card(decision(ExtensionStatus.REFUSED, "thiếu số liệu", lan))
    assert refused.endswith("❌ Đã từ chối — thiếu số liệu")
    nobody = render.decision_line(decision(ExtensionStatus.REFUSED), fallback="Hùng")
    assert nobody == "❌ Đã từ chối — Hùng"
    alert = render.already_decided(decision(ExtensionStatus.APPROVED, by=lan), TZ)
    assert alert == (
        "Đề nghị này đã được duyệt đến 30/12/2026 — Trần Văn Hùng (Sở Y tế), lúc 25/11/2026 09:12."
    )
    assert len(alert) <= 200  # an alert under a button shows at most 200 characters


def test_the_unit_reads_the_reason_of_a_refusal() -> None:
    refused = decision(ExtensionStatus.REFUSED)
    text = render.extension_decision(refused.extension, refused.view, "thiếu số liệu quý IV")
    assert text.endswith("Hạn cuối vẫn là 24/11/2026.\nLý do: thiếu số liệu quý IV")
    assert "Lý do" not in render.extension_decision(refused.extension, refused.view)


def test_a_file_caption_gives_unit_report_period_time_and_sender_within_1024() -> None:
    opened = OpenedFile(
        StoredFile(5, "bc.pdf", "files/bc.pdf"),
        "Sở Nội vụ",
        "Báo cáo kết quả",
        "năm 2026",
        AT,
        PersonName("Lan", "Sở Nội vụ"),
    )
    assert render.file_caption(opened, TZ) == (
        "📎 Sở Nội vụ\nBáo cáo kết quả\nKỳ: năm 2026\nNộp lúc 25/11/2026 09:12 — Lan (Sở Nội vụ)"
    )
    huge = OpenedFile(opened.stored, "Đ" * 900, "B" * 5000, "k" * 200, AT, PersonName("N" * 200))
    assert len(render.file_caption(huge, TZ)) <= 1024


def test_a_line_longer_than_a_page_goes_on_to_the_next_page_whole() -> None:
    note = "".join(str(i % 10) for i in range(PAGE_LIMIT * 2 + 10))
    pages = paginate([note, "cuối"], "Tiêu đề")
    assert all(len(p) <= PAGE_LIMIT for p in pages)
    joined = "\n".join(pages).replace("…", "").replace("\n", "")
    assert joined == "Tiêu đề" + note + "cuối"  # nothing dropped
    assert pages[1].endswith("…")  # the reader sees it goes on

"""Pure pieces of the bot: callback data, paging, reminder text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach_bot.domain.status import State, Status
from kehoach_bot.domain.stored import ExtensionStatus, MessageKind
from kehoach_bot.services.delivery import Ready
from kehoach_bot.services.outbox import Claimed
from kehoach_bot.services.replies import ExtensionView
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.telegram.callbacks import MAX_ID, Action, decode, encode
from kehoach_bot.telegram.render import cards
from kehoach_bot.telegram.render import pages as paging
from kehoach_bot.telegram.render.outbound import render_outbound

TWO_IDS = (Action.FIELD, Action.GROUP_MODE, Action.PICK, Action.PAGE)
NO_IDS = (Action.CANCEL, Action.READ_PLAN)


@given(st.sampled_from(NO_IDS), st.integers(0, MAX_ID))
def test_callbacks_without_an_id_round_trip_and_refuse_one(action: Action, extra: int) -> None:
    parsed = decode(encode(action))
    assert parsed is not None and parsed.action is action and parsed.ids == ()
    assert decode(encode(action, extra)) is None


@given(
    st.sampled_from([a for a in Action if a not in (*NO_IDS, Action.CONFIRM, *TWO_IDS)]),
    st.integers(0, MAX_ID),
)
def test_callback_round_trip_fits_telegram(action: Action, target: int) -> None:
    data = encode(action, target)
    assert len(data.encode()) <= 64
    parsed = decode(data)
    assert parsed is not None and parsed.action is action and parsed.target == target


@given(st.sampled_from(TWO_IDS), st.integers(0, MAX_ID), st.integers(0, MAX_ID))
def test_two_id_callbacks_round_trip(action: Action, first: int, second: int) -> None:
    data = encode(action, first, second)
    assert len(data.encode()) <= 64
    parsed = decode(data)
    assert parsed is not None and parsed.ids == (first, second)
    assert decode(encode(action, first)) is None


@given(
    st.sampled_from([a for a in Action if a not in (*NO_IDS, Action.CONFIRM)]),
    st.integers(MAX_ID + 1, 10**12 - 1),
)
def test_an_id_beyond_the_integer_columns_names_nothing(action: Action, too_large: int) -> None:
    assert decode(encode(action, too_large)) is None
    assert decode(encode(action, too_large, 1)) is None


@given(st.integers(0, 10**12 - 1))
def test_a_preview_token_keeps_all_twelve_digits(token: int) -> None:
    parsed = decode(encode(Action.CONFIRM, token))
    assert parsed is not None and parsed.target == token


@pytest.mark.parametrize(
    "data",
    [
        "",
        "k1:d",
        "k1:d:1:2",
        "k1:zz:1",
        "k2:d:1",
        "k1:d:-1",
        "k1:d:1;DROP",
        "k1:fe:1",
        "x" * 65,
        None,
    ],
)
def test_tampered_callback_data_is_rejected(data: str | None) -> None:
    assert decode(data) is None


@given(st.lists(st.text(min_size=0, max_size=5000), max_size=40))
def test_pages_stay_under_the_limit_and_keep_every_line(lines: list[str]) -> None:
    pages = paging.paginate(lines, "Tiêu đề")
    assert all(len(p) <= paging.PAGE_LIMIT for p in pages)
    joined = "\n".join(pages)
    assert joined.startswith("Tiêu đề")
    for line in lines:
        assert line[: paging.PAGE_LIMIT - 1] in joined


def view(**changes: object) -> OccurrenceView:
    base = dict(
        id=7,
        plan="binh-son-35",
        plan_title="Kế hoạch Bình Sơn",
        obligation_id=1,
        obligation="bao-cao-hang-nam",
        title="Báo cáo hằng năm",
        quote="…trước ngày 20/10…",
        unit_id=3,
        unit="BS-PNV",
        unit_name="Phòng Nội vụ huyện Bình Sơn",
        period="năm 2024",
        period_key="2024",
        due=date(2024, 10, 20),
        wording="truoc_ngay",
        last_day=date(2024, 10, 19),
        remind_by=date(2024, 10, 18),
        extended_to=None,
        state=State.OPEN,
        status=Status.OPEN_ON_TIME,
        due_soon=True,
        submitted_on=None,
        recipient_name="UBND huyện Bình Sơn",
        via_name="Phòng LĐTBXH",
        recipient_id=1,
        via_id=2,
        recipient_code="BS-UBND",
        via_code="BS-PLDTBXH",
        needs_review=False,
        tracked_from=None,
    )
    base.update(changes)
    return OccurrenceView(**base)  # type: ignore[arg-type]


def test_reminder_names_plan_report_period_wording_and_last_day() -> None:
    text, keyboard = cards.reminder(view(), date(2024, 10, 1))
    for fragment in (
        "Kế hoạch Bình Sơn",
        "Báo cáo hằng năm",
        "năm 2024",
        "trước ngày 20/10/2024",
        "Thứ Bảy, 19/10/2024",
        "UBND huyện Bình Sơn (qua Phòng LĐTBXH)",
    ):
        assert fragment in text
    labels = [b.text for row in keyboard.inline_keyboard for b in row]
    assert labels == ["✅ Đã nộp", "⏳ Đang làm", "⚠️ Vướng mắc", "📅 Xin gia hạn"]


def test_reminder_shows_the_working_day_shift_and_extensions() -> None:
    shifted, _ = cards.reminder(
        view(wording="cham_nhat", due=date(2026, 12, 5), last_day=date(2026, 12, 7)),
        date(2024, 10, 1),
    )
    assert "chậm nhất ngày 05/12/2026" in shifted and "Thứ Hai, 07/12/2026" in shifted
    assert "ngày làm việc kế tiếp" in shifted
    extended, _ = cards.reminder(view(extended_to=date(2024, 11, 1)), date(2024, 10, 1))
    assert "01/11/2024 (đã gia hạn)" in extended


def _ready(kind: MessageKind, text: str) -> Ready:
    row = Claimed(1, 42, kind, "stage", 7, 9, text)
    decided = ExtensionView(9, 7, date(2024, 11, 1), "chờ số liệu", ExtensionStatus.REFUSED)
    return Ready(row, view(), decided if kind is MessageKind.EXTENSION_DECISION else None)


def test_outbound_notices_carry_the_reason_the_kind_and_the_whole_note() -> None:
    refused, _ = render_outbound(
        _ready(MessageKind.EXTENSION_DECISION, "thiếu chữ ký"), date(2024, 10, 1)
    )
    assert "thiếu chữ ký" in refused
    withdrawn, _ = render_outbound(_ready(MessageKind.WITHDRAWN, "submitted"), date(2024, 10, 1))
    assert "rút lại câu trả lời «đã nộp»" in withdrawn
    note = "vướng " * 300
    stuck_row = _ready(MessageKind.STUCK, "")
    stuck, _ = render_outbound(
        Ready(stuck_row.row, stuck_row.view, None, note.strip()), date(2024, 10, 1)
    )
    assert note.strip() in stuck


def test_overdue_cards_say_how_late_and_a_short_plan_name() -> None:
    late = view(status=Status.OPEN_OVERDUE, plan_number="743/KH-UBND")
    text, _ = cards.reminder(late, date(2024, 10, 29))
    assert text.startswith("⏰ Quá hạn 10 ngày") and "Kế hoạch: KH số 743/KH-UBND" in text
    unnumbered, _ = cards.reminder(
        view(plan_title="Kế hoạch " + "rất dài " * 30), date(2024, 10, 1)
    )
    plan_line = next(x for x in unnumbered.splitlines() if x.startswith("Kế hoạch:"))
    assert len(plan_line) < 90 and plan_line.endswith("…")

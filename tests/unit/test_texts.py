"""The text modules are keyed by stored values; every status and role has its words."""

from __future__ import annotations

from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.status import Status
from kehoach_bot.texts import bot_vi, vi


def test_every_category_and_role_has_its_vietnamese_words() -> None:
    assert set(vi.STATUS_SHORT) == {s.value for s in Status}
    assert vi.STATUS_SHORT[Status.NOT_TRACKED] == "không theo dõi"
    assert set(bot_vi.HELP) == {r.value for r in Role}
    assert set(bot_vi.COMMANDS) == {None, Role.COORDINATOR.value, Role.ADMIN.value}
    # Enum members find their words (a StrEnum hashes as its value).
    assert vi.STATUS_SHORT[Status.OPEN_OVERDUE] == "đang thực hiện quá hạn"
    assert bot_vi.HELP[Role.OFFICER]

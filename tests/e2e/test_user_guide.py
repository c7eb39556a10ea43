"""The README's user guide is a transcript of this journey through the real bot over HTTP: an
admin, an officer and a coordinator each do their daily job by buttons, without typing a code.

Run with KEHOACH_WRITE_GUIDE=1 to write the transcript into the README after a change of wording;
otherwise the test fails when the README and the bot disagree.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Any

from tests.auxil.fake_telegram import Call, FakeTelegram
from tests.e2e.conftest import ADMIN, BotEnv

OFFICER, COORDINATOR = 1301, 1302
NAMES = {ADMIN: "Quản trị", OFFICER: "Lan (Sở Nội vụ)", COORDINATOR: "Hùng (Sở Y tế)"}
README = Path(__file__).resolve().parents[2] / "README.md"
START, END = "<!-- transcript:start -->", "<!-- transcript:end -->"
_CODE = re.compile(r"start=[A-Za-z0-9_-]+")


class Transcript:
    """What each person did and what the bot answered, as a reader of the guide sees it."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.lines: list[str] = []
        self._seen = 0
        self._actor = ADMIN

    def did(self, who: int, what: str) -> None:
        """A person's action."""
        self._actor = who
        self.lines.append(f"\n**{NAMES[who]}** — {what}\n")

    async def answered(self, who: int, fragment: str, *also: tuple[int, str]) -> Call:
        """Wait for the bot's answer holding `fragment` (and each of `also`: a chat and a
        fragment), then write down everything it said: to the person acting first, so that the
        order of messages to different chats, which is not fixed, never changes the guide."""
        seen = {id(c) for c in self.fake.calls[: self._seen]}
        found = None
        for chat, text in ((who, fragment), *also):

            def wanted(c: Call, chat: int = chat, text: str = text) -> bool:
                return (
                    id(c) not in seen
                    and c.method in ("sendMessage", "editMessageText")
                    and int(c.params.get("chat_id", 0)) == chat
                    and text in str(c.params.get("text", ""))
                )

            call = await self.fake.wait_for(wanted)
            found = found or call
        await asyncio.sleep(0.3)  # the toasts that come with it
        calls = self.fake.calls[self._seen :]
        self._seen = len(self.fake.calls)
        mine = [c for c in calls if int(c.params.get("chat_id", self._actor)) == self._actor]
        for call in mine + [c for c in calls if c not in mine]:
            self._write(call)
        assert found is not None
        return found

    def _write(self, call: Call) -> None:
        text = _CODE.sub("start=…", str(call.params.get("text", "")))
        if call.method == "answerCallbackQuery":
            if text:
                self.lines.append(f"> 💬 {text}\n")
            return
        if call.method not in ("sendMessage", "editMessageText"):
            return
        edited = "✏️ *(sửa tại chỗ tin trước)*\n" if call.method == "editMessageText" else ""
        chat = int(call.params.get("chat_id", 0))
        if chat != self._actor:
            edited = f"📨 *gửi {NAMES.get(chat, chat)}*\n" + edited
        quoted = "\n".join(f"> {line}" if line else ">" for line in text.splitlines())
        self.lines.append(f"{edited}{quoted}\n")
        labels = _labels(call)
        if labels:
            self.lines.append(">\n> " + " ".join(f"`[{label}]`" for label in labels) + "\n")

    def markdown(self) -> str:
        """The transcript as the README shows it."""
        return "".join(self.lines).strip() + "\n"


def _labels(call: Call) -> list[str]:
    markup: dict[str, Any] = call.params.get("reply_markup") or {}
    return [str(b["text"]) for row in markup.get("inline_keyboard", []) for b in row]


def _button(call: Call, label: str) -> str:
    markup: dict[str, Any] = call.params["reply_markup"]
    for row in markup["inline_keyboard"]:
        for item in row:
            if item["text"] == label:
                return str(item["callback_data"])
    raise AssertionError(f"no button {label!r} in {_labels(call)}")


def _link(call: Call) -> str:
    match = re.search(r"\?start=([A-Za-z0-9_-]+)", str(call.params["text"]))
    assert match, call.params["text"]
    return match.group(1)


async def _invite(log: Transcript, search: str, unit: str, role: str) -> str:
    fake = log.fake
    log.did(ADMIN, "gõ `/moi`")
    fake.send_text(ADMIN, "/moi", name="Quản trị")
    await log.answered(ADMIN, "Mời người vào đơn vị nào?")
    log.did(ADMIN, f"gõ vài chữ của tên đơn vị: «{search}»")
    fake.send_text(ADMIN, search, name="Quản trị")
    found = await log.answered(ADMIN, f"Kết quả tìm «{search}»")
    log.did(ADMIN, f"bấm `[{unit}]`")
    fake.press(ADMIN, _button(found, unit), name="Quản trị")
    roles = await log.answered(ADMIN, "với vai trò nào?")
    log.did(ADMIN, f"bấm `[{role}]`")
    fake.press(ADMIN, _button(roles, role), name="Quản trị")
    await log.answered(ADMIN, "?start=", (ADMIN, "Đã chọn:"))
    return _link(next(c for c in reversed(fake.calls) if "?start=" in str(c.params.get("text"))))


async def test_a_day_of_work_by_buttons_alone_is_the_readme_user_guide(bot: BotEnv) -> None:
    fake = bot.fake
    log = Transcript(fake)
    code = await _invite(log, "noi vu gia lai", "Sở Nội vụ (GL-SNV)", "Cán bộ")
    log.did(OFFICER, "mở đường dẫn mời, Telegram gửi `/start` kèm mã")
    fake.send_text(OFFICER, f"/start {code}", name="Lan")
    await log.answered(OFFICER, "Bạn đã tham gia")
    code = await _invite(log, "y te gia lai", "Sở Y tế (GL-SYT)", "Đầu mối")
    log.did(COORDINATOR, "mở đường dẫn mời")
    fake.send_text(COORDINATOR, f"/start {code}", name="Hùng")
    await log.answered(COORDINATOR, "Bạn đã tham gia")

    log.did(OFFICER, "gõ `/viec`")
    fake.send_text(OFFICER, "/viec", name="Lan")
    owed = await log.answered(OFFICER, "Các báo cáo còn phải nộp")
    log.did(OFFICER, "bấm `[1]`")
    fake.press(OFFICER, _button(owed, "1"), name="Lan")
    card = await log.answered(OFFICER, "Hạn cuối còn đúng hạn")
    log.did(OFFICER, "bấm `[✅ Đã nộp]`")
    fake.press(OFFICER, _button(card, "✅ Đã nộp"), message_id=501, name="Lan")
    await log.answered(OFFICER, "Gửi tệp báo cáo")
    log.did(OFFICER, "gửi tệp `Bao cao Y te 2026.pdf`")
    fake.send_document(OFFICER, b"%PDF-1.4 bao cao", "Bao cao Y te 2026.pdf")
    await log.answered(OFFICER, "Đã ghi nhận", (COORDINATOR, "đã nộp:"))

    log.did(COORDINATOR, "gõ `/tinhhinh`")
    fake.send_text(COORDINATOR, "/tinhhinh", name="Hùng")
    plans = await log.answered(COORDINATOR, "Chọn kế hoạch")
    log.did(COORDINATOR, "bấm `[gia-lai-743 · 743/KH-UBND]`")
    fake.press(COORDINATOR, _button(plans, "gia-lai-743 · 743/KH-UBND"), name="Hùng")
    periods = await log.answered(COORDINATOR, "chọn kỳ báo cáo")
    log.did(COORDINATOR, "bấm `[năm 2026]`")
    fake.press(COORDINATOR, _button(periods, "năm 2026"), name="Hùng")
    await log.answered(COORDINATOR, "Tình hình", (COORDINATOR, "Đã chọn:"))

    log.did(ADMIN, "gõ `/nhatky`")
    fake.send_text(ADMIN, "/nhatky", name="Quản trị")
    await log.answered(ADMIN, "đã nộp")

    transcript = log.markdown()
    readme = README.read_text(encoding="utf-8")
    block = f"{START}\n{transcript}{END}"
    if os.environ.get("KEHOACH_WRITE_GUIDE"):
        README.write_text(re.sub(f"{START}.*?{END}", lambda _: block, readme, flags=re.S))
    assert block in README.read_text(encoding="utf-8"), "run with KEHOACH_WRITE_GUIDE=1"

"""Handler tests without a network: a `BaseRequest` that answers the Bot API itself, and updates.

The idea of python-telegram-bot's own `tests/auxil/networking.py` (`OfflineRequest`), taken one
step further: instead of refusing every call, `OfflineRequest` records it (method and decoded
parameters) and answers with a plausible `result`, so that the real Application can run a
handler through `process_update` and a test can read what the bot said. Updates are built from
dicts with `Update.de_json`, as Telegram would send them.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from telegram import Bot, Update
from telegram.request import BaseRequest, RequestData

BOT_ID = 7000000002
BOT_USERNAME = "kehoach_offline_bot"
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Kế hoạch",
    "username": BOT_USERNAME,
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
_MESSAGE_METHODS = {"sendMessage", "editMessageText", "sendDocument", "sendPhoto"}


@dataclass(frozen=True)
class Call:
    """One Bot API call the bot made: the method, its decoded parameters, uploaded files."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The text of a message, of an edit or of a button's answer ('' when there is none)."""
        return str(self.params.get("text", ""))

    @property
    def chat_id(self) -> int | None:
        """The chat the call is addressed to, if any."""
        value = self.params.get("chat_id")
        return None if value is None else int(value)

    def callback_data(self) -> list[str]:
        """The callback data of every inline button under the message, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [
            str(button["callback_data"])
            for row in markup.get("inline_keyboard", [])
            for button in row
            if "callback_data" in button
        ]

    def button_texts(self) -> list[str]:
        """The labels of every inline button under the message, row by row."""
        markup = self.params.get("reply_markup") or {}
        return [str(button["text"]) for row in markup.get("inline_keyboard", []) for button in row]


class OfflineRequest(BaseRequest):
    """Answers every Bot API call in memory and records it; serves registered files on GET."""

    def __init__(self, now: datetime) -> None:
        self.calls: list[Call] = []
        self.files: dict[str, bytes] = {}  # file_id → content, for getFile and the download
        self._now = int(now.timestamp())
        self._message_ids = itertools.count(5000)

    @property
    def read_timeout(self) -> float | None:
        """Nothing is read from a socket; PTB only asks."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Record the call and answer it as the Bot API would (200 and a JSON `result`)."""
        last = unquote(urlsplit(url).path).rsplit("/", 1)[-1]
        if method == "GET":  # a file download: …/file/bot<token>/documents/<file_id>
            content = self.files.get(last)
            if content is None:
                return 404, _error(404, "Not Found")
            return 200, content
        params = dict(request_data.parameters) if request_data is not None else {}
        files = _uploaded(request_data)
        self.calls.append(Call(last, params, files))
        return 200, json.dumps({"ok": True, "result": self._result(last, params, files)}).encode()

    # --- what tests read ------------------------------------------------------------------

    def sent(self, *methods: str) -> list[Call]:
        """Calls of the given methods (sendMessage when none is named), in order."""
        wanted = set(methods or ("sendMessage",))
        return [c for c in self.calls if c.method in wanted]

    def since(self, start: int) -> list[Call]:
        """Calls recorded after the first `start` ones."""
        return self.calls[start:]

    # --- answers --------------------------------------------------------------------------

    def _result(self, method: str, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in _MESSAGE_METHODS:
            return self._message(method, params, files)
        if method == "getFile":
            file_id = str(params["file_id"])
            return {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_size": len(self.files.get(file_id, b"")),
                "file_path": f"documents/{file_id}",
            }
        return True  # answerCallbackQuery, setMyCommands, deleteMessage, …

    def _message(self, method: str, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        chat_id = int(params.get("chat_id", 0))
        message: dict[str, Any] = {
            "message_id": int(params.get("message_id") or next(self._message_ids)),
            "date": self._now,
            "chat": chat(chat_id, "private" if chat_id > 0 else "group"),
            "from": BOT_USER,
        }
        if "text" in params:
            message["text"] = params["text"]
        if method == "sendPhoto":
            name, content = next(iter(files.items()), ("anh", b""))
            size = {"file_id": f"photo-{name}", "file_unique_id": f"photo-{name}"}
            message["photo"] = [size | {"width": 1, "height": 1, "file_size": len(content)}]
        if method == "sendDocument":
            name, content = next(iter(files.items()), ("tep", b""))
            message["document"] = {
                "file_id": f"sent-{name}",
                "file_unique_id": f"sent-{name}",
                "file_size": len(content),
            }
        return message


def _uploaded(request_data: RequestData | None) -> dict[str, bytes]:
    if request_data is None or not request_data.contains_files:
        return {}
    files: dict[str, bytes] = {}
    for name, part in request_data.multipart_data.items():
        content = part[1]
        files[name] = content if isinstance(content, bytes) else content.read()
    return files


def _error(code: int, description: str) -> bytes:
    return json.dumps({"ok": False, "error_code": code, "description": description}).encode()


# --- updates as Telegram sends them ---------------------------------------------------------

_update_ids = itertools.count(1)
_incoming_ids = itertools.count(100)


def user(user_id: int, name: str = "Cán bộ") -> dict[str, Any]:
    """A Telegram user object."""
    return {"id": user_id, "is_bot": False, "first_name": name}


def chat(chat_id: int, kind: str = "private") -> dict[str, Any]:
    """A chat object; a group gets a title, as Telegram gives it."""
    return {"id": chat_id, "type": kind, **({"title": "Nhóm"} if kind != "private" else {})}


def text_update(
    bot: Bot,
    user_id: int,
    text: str,
    *,
    now: datetime,
    name: str = "Cán bộ",
    chat_id: int | None = None,
    chat_type: str = "private",
) -> Update:
    """A user writes `text` (a command when it starts with '/') in a private chat or a group."""
    message: dict[str, Any] = {
        "message_id": next(_incoming_ids),
        "date": int(now.timestamp()),
        "chat": chat(user_id if chat_id is None else chat_id, chat_type),
        "from": user(user_id, name),
        "text": text,
    }
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return Update.de_json({"update_id": next(_update_ids), "message": message}, bot)


def callback_update(
    bot: Bot, user_id: int, data: str, *, now: datetime, name: str = "Cán bộ"
) -> Update:
    """A user presses an inline button carrying `data` under one of the bot's messages."""
    query = {
        "id": str(next(_update_ids) + 10_000),
        "from": user(user_id, name),
        "chat_instance": "ci",
        "data": data,
        "message": {
            "message_id": next(_incoming_ids),
            "date": int(now.timestamp()),
            "chat": chat(user_id),
            "from": BOT_USER,
            "text": "…",
        },
    }
    return Update.de_json({"update_id": next(_update_ids), "callback_query": query}, bot)


def document_update(
    bot: Bot,
    request: OfflineRequest,
    user_id: int,
    content: bytes,
    file_name: str,
    *,
    now: datetime,
    caption: str = "",
    name: str = "Cán bộ",
) -> Update:
    """A user sends a document; its bytes are registered for getFile and the download."""
    file_id = f"doc{next(_incoming_ids)}"
    request.files[file_id] = content
    message: dict[str, Any] = {
        "message_id": next(_incoming_ids),
        "date": int(now.timestamp()),
        "chat": chat(user_id),
        "from": user(user_id, name),
        "document": {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file_name,
            "mime_type": "application/pdf",
            "file_size": len(content),
        },
    }
    if caption:
        message["caption"] = caption
    return Update.de_json({"update_id": next(_update_ids), "message": message}, bot)

"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests over real HTTP.

It answers getMe, getUpdates (with offsets and a short long-poll), sendMessage, editMessageText,
answerCallbackQuery, sendDocument, sendPhoto, getFile and file downloads, setMyCommands,
deleteWebhook; it records every call, lets tests inject updates, and can answer the next calls
with 429/403/500.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

BOT_ID = 7000000001
BOT_USERNAME = "kehoach_test_bot"
_RAW_KEYS = {"text", "caption", "callback_query_id", "file_id", "url", "secret_token", "filename"}


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    at: float = field(default_factory=time.monotonic)  # when the server received it


@dataclass
class Fault:
    """An error to answer instead of success."""

    method: str
    status: int
    description: str
    retry_after: int | None = None
    chat_id: int | None = None  # only calls for this chat fail
    delay: float = 0.0  # answer this late (a timeout for a client that waits less)


class FakeTelegram:
    """The server, its recorded calls and its queue of updates."""

    def __init__(self, token: str, *, enforce_limits: bool = False) -> None:
        self.token = token
        # Telegram's limits, enforced like Telegram does (a 429) when asked: 30/s overall,
        # 1/s per chat, 20/min per group. Violations are counted for the benchmarks.
        self.enforce_limits = enforce_limits
        self.violations = {"overall": 0, "chat": 0, "group": 0}
        self._sends: list[tuple[float, int]] = []
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.faults: list[Fault] = []
        self._condition = threading.Condition()
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # --- life cycle -----------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """What the bot uses as `telegram.base_url`."""
        return f"http://127.0.0.1:{self._server.server_port}/bot"

    @property
    def base_file_url(self) -> str:
        """What the bot uses as `telegram.base_file_url`."""
        return f"http://127.0.0.1:{self._server.server_port}/file/bot"

    def start(self) -> None:
        """Serve in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving and release the port."""
        with self._condition:
            self._condition.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # --- what tests do --------------------------------------------------------------------

    def _push(self, kind: str, payload: dict[str, Any]) -> int:
        with self._condition:
            update_id = next(self._ids)
            self.updates.append({"update_id": update_id, kind: payload})
            self._condition.notify_all()
        return update_id

    @staticmethod
    def user(user_id: int, name: str = "Cán bộ") -> dict[str, Any]:
        """A Telegram user object."""
        return {"id": user_id, "is_bot": False, "first_name": name}

    @staticmethod
    def chat(chat_id: int, kind: str = "private") -> dict[str, Any]:
        """A chat object."""
        return {"id": chat_id, "type": kind, **({"title": "Nhóm"} if kind != "private" else {})}

    def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        name: str = "Cán bộ",
        chat_type: str = "private",
    ) -> int:
        """A user writes to the bot."""
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(chat_id or user_id, chat_type),
            "from": self.user(user_id, name),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return self._push("message", message)

    def press(self, user_id: int, data: str, *, message_id: int = 1, name: str = "Cán bộ") -> int:
        """A user presses an inline button carrying `data`."""
        return self._push(
            "callback_query",
            {
                "id": str(next(self._ids) + 10_000),
                "from": self.user(user_id, name),
                "chat_instance": "ci",
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": self.chat(user_id),
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
                    "text": "…",
                },
            },
        )

    def send_document(
        self,
        user_id: int,
        content: bytes,
        file_name: str,
        *,
        caption: str = "",
        reported_size: int | None = None,
    ) -> int:
        """A user sends a document; `reported_size` lets a test claim a size without the bytes."""
        file_id = f"doc{next(self._ids)}"
        self.files[file_id] = content
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self.chat(user_id),
            "from": self.user(user_id),
            "document": {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_name": file_name,
                "mime_type": "application/pdf",
                "file_size": len(content) if reported_size is None else reported_size,
            },
            **({"caption": caption} if caption else {}),
        }
        return self._push("message", message)

    def fail(
        self,
        method: str,
        status: int,
        description: str,
        retry_after: int | None = None,
        chat_id: int | None = None,
        delay: float = 0.0,
    ) -> None:
        """Answer the next call of `method` (to `chat_id`, if given) with an error, or late."""
        with self._condition:
            self.faults.append(Fault(method, status, description, retry_after, chat_id, delay))

    def sent(self, method: str = "sendMessage") -> list[Call]:
        """Calls of one method so far."""
        with self._condition:
            return [c for c in self.calls if c.method == method]

    def messages_to(self, chat_id: int) -> list[str]:
        """Texts the bot sent to a chat."""
        return [
            str(c.params.get("text", ""))
            for c in self.sent()
            if int(c.params["chat_id"]) == chat_id
        ]

    async def wait_for(self, predicate: Callable[[Call], bool], timeout: float = 10.0) -> Call:
        """The first recorded call matching `predicate`, waiting for it if needed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._condition:
                calls = list(self.calls)
            for call in calls:
                if predicate(call):
                    return call
            await asyncio.sleep(0.02)
        raise AssertionError(
            f"no matching call within {timeout}s; calls: {[c.method for c in self.calls]}"
        )

    async def wait_text(
        self, chat_id: int, fragment: str, timeout: float = 10.0, *, after: Call | None = None
    ) -> Call:
        """The first message to `chat_id` containing `fragment` (sent after `after`, if given)."""
        since = after.at if after is not None else float("-inf")
        return await self.wait_for(
            lambda c: (
                c.at > since
                and c.method in ("sendMessage", "editMessageText")
                and int(c.params.get("chat_id", 0)) == chat_id
                and fragment in str(c.params.get("text", ""))
            ),
            timeout,
        )

    async def wait_answer(self, timeout: float = 10.0, after: int = 0) -> Call:
        """The next answerCallbackQuery after the first `after` ones."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            answers = self.sent("answerCallbackQuery")
            if len(answers) > after:
                return answers[after]
            await asyncio.sleep(0.02)
        raise AssertionError("no answerCallbackQuery")

    # --- the HTTP side --------------------------------------------------------------------

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _reply(self, status: int, payload: dict[str, Any]) -> None:
                body = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot stopped long polling: nobody is listening any more

            def do_GET(self) -> None:
                prefix = f"/file/bot{fake.token}/"
                path = unquote(urlsplit(self.path).path)
                if not path.startswith(prefix):
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                content = fake.files.get(self.path[len(prefix) :].split("/")[-1])
                if content is None:
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def do_POST(self) -> None:
                prefix = f"/bot{fake.token}/"
                path = urlsplit(self.path).path
                if not path.startswith(prefix):
                    self._reply(
                        401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                    )
                    return
                method = path[len(prefix) :]
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                params, files = fake._parse(self.headers.get("Content-Type", ""), body)
                status, payload = fake._answer(method, params, files)
                self._reply(status, payload)

        return Handler

    def _parse(
        self, content_type: str, body: bytes
    ) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if content_type.startswith("multipart/form-data"):
            message = BytesParser(policy=default_policy).parsebytes(
                b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
            )
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                raw = part.get_payload(decode=True)
                payload = raw if isinstance(raw, bytes) else b""
                if part.get_filename():
                    files[str(name)] = (str(part.get_filename()), payload)
                else:
                    params[str(name)] = self._decode(str(name), payload.decode())
        elif body:
            for key, values in parse_qs(body.decode(), keep_blank_values=True).items():
                params[key] = self._decode(key, values[-1])
        return params, files

    @staticmethod
    def _decode(key: str, value: str) -> Any:
        if key in _RAW_KEYS:
            return value
        try:
            return json.loads(value)
        except ValueError:
            return value

    def _answer(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> tuple[int, dict[str, Any]]:
        with self._condition:
            fault = next(
                (
                    f
                    for f in self.faults
                    if f.method == method
                    and (f.chat_id is None or str(f.chat_id) == str(params.get("chat_id")))
                ),
                None,
            )
            if fault is not None:
                self.faults.remove(fault)
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        if fault is not None and fault.status != 200:
            error: dict[str, Any] = {
                "ok": False,
                "error_code": fault.status,
                "description": fault.description,
            }
            if fault.retry_after is not None:
                error["parameters"] = {"retry_after": fault.retry_after}
            return fault.status, error
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._updates(params)}
        if self.enforce_limits and method in ("sendMessage", "sendDocument", "sendPhoto"):
            broken = self._limit(int(params.get("chat_id", 0)))
            if broken:
                with self._condition:
                    self.violations[broken] += 1
                return 429, {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                }
        with self._condition:
            self.calls.append(Call(method, params, files))
            self._condition.notify_all()
        return 200, {"ok": True, "result": self._result(method, params, files)}

    def _limit(self, chat_id: int) -> str | None:
        """Which limit this send would break, if any; records the send otherwise."""
        now = time.monotonic()
        with self._condition:
            recent = [(t, c) for t, c in self._sends if now - t < 60]
            self._sends = recent
            if sum(1 for t, _ in recent if now - t < 1) >= 30:
                return "overall"
            if any(c == chat_id and now - t < 1 for t, c in recent):
                return "chat"
            if chat_id < 0 and sum(1 for _, c in recent if c == chat_id) >= 20:
                return "group"
            self._sends.append((now, chat_id))
        return None

    def _updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), 0.5)
        deadline = time.monotonic() + wait
        with self._condition:
            while True:
                pending = [u for u in self.updates if u["update_id"] >= offset]
                remaining = deadline - time.monotonic()
                if pending or remaining <= 0:
                    return pending
                self._condition.wait(remaining)

    def _result(
        self, method: str, params: dict[str, Any], files: dict[str, tuple[str, bytes]]
    ) -> Any:
        bot = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Kế hoạch",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        if method == "getMe":
            return bot
        if method in ("sendMessage", "editMessageText", "sendDocument", "sendPhoto"):
            chat_id = int(params.get("chat_id", 0))
            message: dict[str, Any] = {
                "message_id": int(params.get("message_id") or next(self._message_ids)),
                "date": int(time.time()),
                "chat": self.chat(chat_id, "private" if chat_id > 0 else "group"),
                "from": bot,
            }
            if "text" in params:
                message["text"] = params["text"]
            if method == "sendPhoto":
                _, content = next(iter(files.values()), ("anh", b""))
                file_id = f"photo{next(self._ids)}"
                self.files[file_id] = content
                size = {"file_id": file_id, "file_unique_id": file_id, "width": 1, "height": 1}
                message["photo"] = [size | {"file_size": len(content)}]
            if method == "sendDocument":
                name, content = next(iter(files.values()), ("tep", b""))
                file_id = f"sent{next(self._ids)}"
                self.files[file_id] = content
                message["document"] = {
                    "file_id": file_id,
                    "file_unique_id": file_id,
                    "file_name": name,
                    "file_size": len(content),
                }
            return message
        if method == "getFile":
            file_id = str(params["file_id"])
            content = self.files.get(file_id, b"")
            return {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_size": len(content),
                "file_path": f"documents/{file_id}",
            }
        return True

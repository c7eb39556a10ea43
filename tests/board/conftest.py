"""The board over a fresh seeded database: people joined through the services, a runtime with
the board enabled and a clock the test moves, and aiohttp's test client on the real app."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from datetime import date

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import Engine
from sqlmodel import col, select

from kehoach_bot.board.app import make_app
from kehoach_bot.config import BoardSettings, Settings
from kehoach_bot.db.engine import session_scope
from kehoach_bot.db.models import Obligation, Occurrence, Plan, Unit
from kehoach_bot.domain.roles import Role
from kehoach_bot.domain.stored import ReplyKind
from kehoach_bot.runtime import Runtime
from kehoach_bot.services import answers, people
from kehoach_bot.services.replies import Attachment
from tests.conftest import NOW
from tests.e2e.conftest import Clock

TOKEN = "123456:BOARD-TEST-TOKEN-never-shown"
ADMIN = 900
COORDINATOR = 501  # Sở Y tế Gia Lai: coordinates gia-lai-743
OFFICER = 502  # Sở Nội vụ Gia Lai: owes gia-lai-743's reports
OTHER_OFFICER = 503  # Sở Giáo dục và Đào tạo Gia Lai
PLAN = "gia-lai-743"
OTHER_PLAN = "dak-nong-33"


@dataclass
class BoardEnv:
    """The runtime the board runs on, its clock, and helpers to set the scene."""

    runtime: Runtime
    clock: Clock

    @property
    def engine(self) -> Engine:
        """The test's fresh seeded database."""
        return self.runtime.engine

    def join(self, user_id: int, unit: str, role: Role, name: str) -> None:
        """Bind a person to a unit through the invite services."""
        with session_scope(self.engine) as session:
            code = people.issue_invite(
                session, unit_code=unit, role=role, hours=72, actor="test", now=self.clock()
            ).code
            people.accept_invite(
                session,
                code=code,
                telegram_user_id=user_id,
                chat_id=user_id,
                full_name=name,
                now=self.clock(),
            )

    def occurrence(self, unit: str, obligation: str, due: date) -> int:
        """The id of one unit's period of one obligation of the plan."""
        with session_scope(self.engine) as session:
            found = session.exec(
                select(Occurrence.id)
                .join(Obligation, col(Obligation.id) == col(Occurrence.obligation_id))
                .join(Plan, col(Plan.id) == col(Obligation.plan_id))
                .join(Unit, col(Unit.id) == col(Occurrence.unit_id))
                .where(
                    Plan.code == PLAN,
                    Obligation.code == obligation,
                    Unit.code == unit,
                    Occurrence.due_date == due,
                )
            ).one()
        assert found is not None
        return found

    def submit(self, user_id: int, occurrence_id: int) -> None:
        """The officer answers «Đã nộp» through the officer's service."""
        answers.answer(
            self.runtime, user_id=user_id, occurrence_id=occurrence_id, kind=ReplyKind.SUBMITTED
        )

    def submit_file(self, user_id: int, occurrence_id: int, content: bytes, name: str) -> None:
        """Store the bytes under the data folder, then the officer answers «Đã nộp» with them as
        the file named `name`."""
        digest = hashlib.sha256(content).hexdigest()
        relative = f"files/{occurrence_id}/{digest[:12]}.bin"
        stored = self.runtime.settings.data_dir / relative
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(content)
        answers.answer(
            self.runtime,
            user_id=user_id,
            occurrence_id=occurrence_id,
            kind=ReplyKind.SUBMITTED,
            attachment=Attachment(name, relative, len(content), digest),
        )


def board_settings(settings: Settings) -> Settings:
    """The test settings with a token, an admin and the board on."""
    return replace(
        settings,
        telegram=replace(settings.telegram, token=TOKEN, admins=(ADMIN,)),
        board=BoardSettings(enabled=True, host="127.0.0.1", port=0),
    )


@pytest.fixture
def env(engine: Engine, settings: Settings) -> Iterator[BoardEnv]:
    """A coordinator of gia-lai-743, two officers, and a submission by one of them."""
    clock = Clock(NOW)
    runtime = Runtime(board_settings(settings), engine, clock)
    made = BoardEnv(runtime, clock)
    made.join(COORDINATOR, "GL-SYT", Role.COORDINATOR, "Đầu mối Sở Y tế")
    made.join(OFFICER, "GL-SNV", Role.OFFICER, "Cán bộ Sở Nội vụ")
    made.join(OTHER_OFFICER, "GL-SGDDT", Role.OFFICER, "Cán bộ Sở GD&ĐT")
    made.submit(OFFICER, made.occurrence("GL-SNV", "gui-so-y-te", date(2026, 11, 25)))
    try:
        yield made
    finally:
        runtime.answers.shutdown(wait=True)
        runtime.background.shutdown(wait=True)


Client = TestClient[web.Request, web.Application]


@pytest.fixture
async def client(env: BoardEnv) -> AsyncIterator[Client]:
    """aiohttp's test client on the real board application."""
    async with TestClient(TestServer(make_app(env.runtime))) as made:
        yield made

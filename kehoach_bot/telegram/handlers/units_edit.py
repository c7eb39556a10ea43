"""An admin adds a unit or another name for one; records a merger or a split (previewed)."""

from __future__ import annotations

from datetime import date

from telegram import Update

from kehoach_bot.domain.vietnamese import BadDate, format_date, parse_date
from kehoach_bot.services import administration
from kehoach_bot.services.administration import SuccessionRequest, UndoRequest
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.telegram.answer import reply_pages, say
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.handlers.previews import hold
from kehoach_bot.telegram.render.admin import undo as render_undo
from kehoach_bot.texts import bot_vi as t


async def add_unit(update: Update, context: BotContext) -> None:
    """/themdonvi CODE KIND LOCALITY Name…"""
    args = context.args or []
    if len(args) < 4:
        await reply_pages(update, [t.UNIT_ADD_USAGE])
        return
    runtime = context.runtime
    code, name = await runtime.answer(
        administration.add_unit,
        runtime,
        user_id=user_id(update),
        code=args[0],
        kind=args[1],
        locality=args[2],
        name=" ".join(args[3:]),
    )
    await reply_pages(update, [t.UNIT_ADDED.format(code=code, name=name)])


async def add_alias(update: Update, context: BotContext) -> None:
    """/bietdanh CODE Another name"""
    args = context.args or []
    if len(args) < 2:
        await reply_pages(update, [t.ALIAS_USAGE])
        return
    runtime = context.runtime
    alias = " ".join(args[1:])
    code = await runtime.answer(
        administration.add_alias, runtime, user_id=user_id(update), code=args[0], alias=alias
    )
    await reply_pages(update, [t.ALIAS_ADDED.format(code=code, alias=alias)])


def succession_request(args: list[str], split: bool, today: date) -> SuccessionRequest:
    """Read /sapnhap and /chiatach arguments; InvalidInput with the usage when they are wrong."""
    usage = t.SPLIT_USAGE if split else t.MERGE_USAGE
    if len(args) < 2:
        raise InvalidInput(usage)
    rest = args[2:]
    default = "all"
    if split and rest and not _is_date(rest[0]):
        default, rest = rest[0], rest[1:]
    if len(rest) > 1:
        raise InvalidInput(usage)
    try:
        effective = parse_date(rest[0]) if rest else today
    except BadDate as exc:
        raise InvalidInput(str(exc)) from exc
    into = tuple(c for c in args[1].split(",") if c)
    return SuccessionRequest(args[0], into, default, effective, "split" if split else "merge")


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except BadDate:
        return False
    return True


async def merge(update: Update, context: BotContext) -> None:
    """/sapnhap OLD NEW [DATE]: preview, then save."""
    await _succession(update, context, split=False)


async def split(update: Update, context: BotContext) -> None:
    """/chiatach OLD NEW1,NEW2 [all|NEW] [DATE]: preview, then save."""
    await _succession(update, context, split=True)


async def _succession(update: Update, context: BotContext, *, split: bool) -> None:
    runtime = context.runtime
    request = succession_request(context.args or [], split, runtime.today())
    result = await runtime.answer(
        administration.preview_succession, runtime, user_id=user_id(update), request=request
    )
    await say(
        update,
        t.SUCCESSION_PREVIEW.format(
            old=result.old,
            successors=", ".join(result.successors),
            date=format_date(request.on),
            transferred=result.sync.transferred,
            created=result.sync.created,
        ),
        hold(context, request),
    )


async def undo(update: Update, context: BotContext) -> None:
    """/hoantac UNIT: preview giving a unit back the periods a succession moved, then save."""
    args = context.args or []
    if len(args) != 1:
        await say(update, t.UNDO_USAGE)
        return
    runtime = context.runtime
    request = UndoRequest(args[0])
    result = await runtime.answer(
        administration.preview_undo, runtime, user_id=user_id(update), request=request
    )
    await say(update, render_undo(result, saved=False), hold(context, request))

"""Admins' edits through the bot: obligations, plan files, units — always previewed, then saved."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from kehoach_bot.domain.vietnamese import BadDate, format_date, parse_date
from kehoach_bot.plans.files import MAX_FILE_BYTES, PlanFileError
from kehoach_bot.services import obligations, succession, units
from kehoach_bot.services.bootstrap import horizon
from kehoach_bot.services.errors import InvalidInput, ServiceError
from kehoach_bot.services.obligations import Field, ProposedChange
from kehoach_bot.services.plans import PlanFilesError, load_plans
from kehoach_bot.services.replies import Forbidden
from kehoach_bot.telegram import render
from kehoach_bot.telegram.callbacks import Action, Callback, encode
from kehoach_bot.telegram.context import BotContext, BotServices, admin_only, reply_pages, say
from kehoach_bot.texts import bot_vi as t

FIELDS = list(Field)
PENDING = "pending_admin"  # what waits for «Lưu»: kept on the server, never in a button
EDITING = "editing"  # which obligation field the next text message is the value of


def _admin(context: BotContext, update: Update) -> bool:
    user = update.effective_user
    return user is not None and context.services.identify(user.id).is_admin


def _data(context: BotContext) -> dict[str, Any]:
    assert context.user_data is not None
    return context.user_data


def _actor(update: Update) -> str:
    return f"tg:{update.effective_user.id}" if update.effective_user else "tg:?"


def confirm_keyboard() -> InlineKeyboardMarkup:
    """Save or cancel what was just previewed."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t.BUTTON_SAVE, callback_data=encode(Action.CONFIRM)),
                InlineKeyboardButton(t.BUTTON_CANCEL, callback_data=encode(Action.CANCEL)),
            ]
        ]
    )


@admin_only
async def list_obligations(update: Update, context: BotContext) -> None:
    """/nghiavu PLAN: the plan's obligations with their codes."""
    args = context.args or []
    if len(args) != 1:
        await reply_pages(update, [t.OBLIGATIONS_USAGE])
        return
    try:
        with context.services.session() as session:
            found = obligations.list_obligations(session, args[0])
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    lines = [
        t.OBLIGATION_LINE.format(
            code=o.code,
            title=o.title,
            schedule=o.schedule,
            wording=o.wording,
            responsible=", ".join(o.responsible),
            recipient=o.recipient or "—",
            via=o.via or "—",
            inactive="" if o.active else t.OBLIGATION_INACTIVE,
        )
        for o in found
    ]
    await reply_pages(
        update, render.paginate(lines, t.OBLIGATIONS_TITLE.format(plan=args[0], count=len(found)))
    )


@admin_only
async def edit(update: Update, context: BotContext) -> None:
    """/sua PLAN OBLIGATION: show it and offer the fields to change."""
    args = context.args or []
    if len(args) != 2:
        await reply_pages(update, [t.EDIT_USAGE])
        return
    try:
        with context.services.session() as session:
            o = obligations.find_obligation(session, args[0], args[1])
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    obligations.FIELD_TEXT[f].capitalize(),
                    callback_data=encode(Action.FIELD, o.id, i),
                )
            ]
            for i, f in enumerate(FIELDS)
        ]
    )
    text = t.EDIT_CHOOSE.format(
        plan=o.plan,
        code=o.code,
        title=o.title,
        schedule=o.schedule,
        wording=o.wording,
        responsible=", ".join(o.responsible),
        recipient=o.recipient or "—",
        via=o.via or "—",
        lead_days=o.value_of(Field.LEAD_DAYS),
    )
    await say(update, text, keyboard)


async def _choose_field(update: Update, context: BotContext, parsed: Callback) -> None:
    query = update.callback_query
    assert query is not None
    if not _admin(context, update):
        raise Forbidden(t.NOT_ALLOWED)
    obligation_id, index = parsed.ids
    if not 0 <= index < len(FIELDS):
        raise InvalidInput(t.BAD_CALLBACK)
    with context.services.session() as session:
        summary = obligations.get_obligation(session, obligation_id)
    field = FIELDS[index]
    _data(context)[EDITING] = {"obligation": obligation_id, "field": field.value}
    await query.answer()
    await say(
        update,
        t.EDIT_ASK.format(
            field=obligations.FIELD_TEXT[field],
            current=summary.value_of(field),
            hint=t.EDIT_HINTS[field.value],
        ),
    )


async def value_text(update: Update, context: BotContext) -> bool:
    """If the admin is editing a field, treat this text as its new value; True when handled."""
    editing = _data(context).get(EDITING)
    message = update.effective_message
    if not editing or message is None or message.text is None or not _admin(context, update):
        return False
    field = Field(editing["field"])
    try:
        with context.services.session() as session:
            change = obligations.propose_change(
                session, int(editing["obligation"]), field, message.text
            )
    except ServiceError as exc:
        await message.reply_text(str(exc))
        return True
    _data(context).pop(EDITING, None)
    _data(context)[PENDING] = {"kind": "obligation", "change": asdict(change)}
    await message.reply_text(
        t.EDIT_PREVIEW.format(
            field=obligations.FIELD_TEXT[field], before=change.before, after=change.after
        ),
        reply_markup=confirm_keyboard(),
    )
    return True


async def plan_file(update: Update, context: BotContext) -> bool:
    """A .toml plan file from an admin: preview what loading it would change; True when handled."""
    message = update.effective_message
    document = message.document if message else None
    if message is None or document is None or not _admin(context, update):
        return False
    name = document.file_name or ""
    if not name.lower().endswith(".toml"):
        return False
    if (document.file_size or 0) > MAX_FILE_BYTES:
        await message.reply_text(
            t.FILE_TOO_BIG.format(
                size=render.human_size(document.file_size or 0), max_mb=MAX_FILE_BYTES // 1_000_000
            )
        )
        return True
    raw = await (await document.get_file()).download_as_bytearray()
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        await message.reply_text(t.PLAN_NOT_TOML)
        return True
    services = context.services
    try:
        results = services.preview(
            lambda session: _load(services, session, name, text, _actor(update))
        )
    except (PlanFilesError, PlanFileError) as exc:
        errors = exc.errors if isinstance(exc, PlanFilesError) else [exc]
        problems = "\n".join(f"• {p}" for e in errors for p in e.problems)
        await reply_pages(
            update, render.paginate([problems], t.PLAN_PROBLEMS.format(name=name, problems=""))
        )
        return True
    result = results[0]
    _data(context)[PENDING] = {"kind": "plan", "name": name, "text": text}
    await message.reply_text(
        t.PLAN_PREVIEW.format(
            name=name,
            code=result.code,
            status=t.LOAD_STATUS[result.status],
            obligations=result.obligations,
            tasks=result.tasks,
            created=result.sync.created,
            updated=result.sync.updated,
            removed=result.sync.removed,
        ),
        reply_markup=confirm_keyboard(),
    )
    return True


def _load(services: BotServices, session: Any, name: str, text: str, actor: str) -> list[Any]:
    now = services.now()
    return load_plans(
        session,
        [(name, text)],
        actor=actor,
        now=now,
        policy=services.settings.deadlines,
        until=horizon(services.settings, now),
    )


@admin_only
async def add_unit(update: Update, context: BotContext) -> None:
    """/themdonvi CODE KIND LOCALITY Name…"""
    args = context.args or []
    if len(args) < 4:
        await reply_pages(update, [t.UNIT_ADD_USAGE])
        return
    services = context.services
    try:
        with services.session() as session:
            unit = units.add_unit(
                session,
                code=args[0],
                kind=args[1],
                locality=args[2],
                name=" ".join(args[3:]),
                actor=_actor(update),
                now=services.now(),
                policy=services.settings.deadlines,
                until=horizon(services.settings, services.now()),
            )
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    await reply_pages(update, [t.UNIT_ADDED.format(code=unit.code, name=unit.name)])


@admin_only
async def add_alias(update: Update, context: BotContext) -> None:
    """/bietdanh CODE Another name"""
    args = context.args or []
    if len(args) < 2:
        await reply_pages(update, [t.ALIAS_USAGE])
        return
    services = context.services
    alias = " ".join(args[1:])
    try:
        with services.session() as session:
            unit = units.add_alias(
                session, code=args[0], alias=alias, actor=_actor(update), now=services.now()
            )
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    await reply_pages(update, [t.ALIAS_ADDED.format(code=unit.code, alias=alias)])


def _succession_args(args: list[str], split: bool, today: date) -> dict[str, Any]:
    """Read /sapnhap and /chiatach arguments; raise InvalidInput with the usage."""
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
    into = [c for c in args[1].split(",") if c]
    return {
        "old": args[0],
        "into": into,
        "default": default,
        "on": effective.isoformat(),
        "kind": "split" if split else "merge",
    }


def _is_date(text: str) -> bool:
    try:
        parse_date(text)
    except BadDate:
        return False
    return True


@admin_only
async def merge(update: Update, context: BotContext) -> None:
    """/sapnhap OLD NEW [DATE]: preview, then save."""
    await _succession(update, context, split=False)


@admin_only
async def split(update: Update, context: BotContext) -> None:
    """/chiatach OLD NEW1,NEW2 [all|NEW] [DATE]: preview, then save."""
    await _succession(update, context, split=True)


async def _succession(update: Update, context: BotContext, *, split: bool) -> None:
    services = context.services
    try:
        request = _succession_args(context.args or [], split, services.today())
        result = services.preview(
            lambda session: _record_succession(services, session, request, _actor(update))
        )
    except ServiceError as exc:
        await reply_pages(update, [str(exc)])
        return
    _data(context)[PENDING] = {"kind": "succession", "request": request}
    await say(
        update,
        t.SUCCESSION_PREVIEW.format(
            old=result.old,
            successors=", ".join(result.successors),
            date=format_date(date.fromisoformat(request["on"])),
            transferred=result.sync.transferred,
            created=result.sync.created,
        ),
        confirm_keyboard(),
    )


def _record_succession(
    services: BotServices, session: Any, request: dict[str, Any], actor: str
) -> succession.SuccessionResult:
    now = services.now()
    return succession.split(
        session,
        old=request["old"],
        into=request["into"],
        routes={},
        default=request["default"],
        effective_on=date.fromisoformat(request["on"]),
        actor=actor,
        now=now,
        policy=services.settings.deadlines,
        until=horizon(services.settings, now),
        kind=request["kind"],
    )


async def _confirm(update: Update, context: BotContext, parsed: Callback) -> None:
    """«Lưu»: carry out what this admin previewed last."""
    query = update.callback_query
    assert query is not None
    if not _admin(context, update):
        raise Forbidden(t.NOT_ALLOWED)
    pending = _data(context).pop(PENDING, None)
    if pending is None:
        await query.answer(t.NOTHING_TO_CONFIRM, show_alert=True)
        return
    services, actor = context.services, _actor(update)
    now = services.now()
    until = horizon(services.settings, now)
    with services.session() as session:
        if pending["kind"] == "obligation":
            raw = pending["change"]
            change = ProposedChange(
                raw["obligation_id"], Field(raw["field"]), raw["value"], raw["before"], raw["after"]
            )
            report = obligations.apply_change(
                session,
                change,
                actor=actor,
                now=now,
                policy=services.settings.deadlines,
                until=until,
            )
            text = t.EDIT_SAVED.format(
                field=obligations.FIELD_TEXT[change.field],
                after=change.after,
                created=report.created,
                updated=report.updated,
                removed=report.removed,
            )
        elif pending["kind"] == "plan":
            result = _load(services, session, pending["name"], pending["text"], actor)[0]
            text = t.PLAN_SAVED.format(
                code=result.code, status=t.LOAD_STATUS[result.status], version=result.version
            )
        else:
            done = _record_succession(services, session, pending["request"], actor)
            text = t.SUCCESSION_SAVED.format(old=done.old, successors=", ".join(done.successors))
    await query.answer()
    await say(update, text)


ACTIONS: dict[Action, Callable[[Update, BotContext, Callback], Awaitable[None]]] = {
    Action.FIELD: _choose_field,
    Action.CONFIRM: _confirm,
}

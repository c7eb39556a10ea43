"""An admin adds a unit or another name for one; records a merger or a split (previewed)."""

from __future__ import annotations

from datetime import date

from telegram import Update

from kehoach_bot.domain.vietnamese import BadDate, format_date, parse_date
from kehoach_bot.services import administration, choices
from kehoach_bot.services.administration import SuccessionRequest, UndoRequest
from kehoach_bot.services.choices import Choice
from kehoach_bot.services.errors import InvalidInput, NotFound
from kehoach_bot.telegram import pickers
from kehoach_bot.telegram.answer import reply_pages, say
from kehoach_bot.telegram.context import BotContext
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.handlers.previews import hold
from kehoach_bot.telegram.render.admin import undo as render_undo
from kehoach_bot.texts import bot_vi as t
from kehoach_bot.texts import errors_vi
from kehoach_bot.texts import pickers_vi as picker_texts


async def add_unit(update: Update, context: BotContext) -> None:
    """/themdonvi CODE KIND LOCALITY Name…; step by step (code, kind and locality buttons, name)
    for what is not typed."""
    args = context.args or []
    runtime = context.runtime
    if len(args) >= 4:
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
        return
    if not args:
        await runtime.answer(administration.may_add_unit, runtime, user_id=user_id(update))
        prompt = picker_texts.ASK_NEW_UNIT_CODE
        await pickers.ask_text(update, context, command="themdonvi", args=(), prompt=prompt)
        return
    code = args[0]
    if len(args) == 1:
        kinds = await runtime.answer(
            choices.unit_kinds, runtime, user_id=user_id(update), code=code
        )
        await pickers.ask(
            update,
            context,
            command="themdonvi",
            args=args,
            prompt=picker_texts.CHOOSE_UNIT_KIND.format(code=code),
            options=kinds,
            empty=t.UNIT_ADD_USAGE,
        )
        return
    if len(args) == 2:
        kind = args[1]
        places = await runtime.answer(
            choices.localities, runtime, user_id=user_id(update), code=code, kind=kind
        )
        await pickers.ask(
            update,
            context,
            command="themdonvi",
            args=args,
            prompt=picker_texts.CHOOSE_LOCALITY.format(code=code, kind=kind),
            options=places,
            empty=picker_texts.NO_LOCALITIES.format(code=code, kind=kind),
        )
        return
    prompt = picker_texts.ASK_UNIT_NAME.format(code=code)
    await pickers.ask_text(update, context, command="themdonvi", args=args, prompt=prompt)


async def add_alias(update: Update, context: BotContext) -> None:
    """/bietdanh CODE Another name; the unit picked from buttons and the name asked for when
    not typed."""
    args = context.args or []
    runtime = context.runtime
    if len(args) < 2:
        units = await runtime.answer(
            choices.admin_units, runtime, user_id=user_id(update), which="all"
        )
        if not args:
            await pickers.ask(
                update,
                context,
                command="bietdanh",
                args=(),
                prompt=picker_texts.CHOOSE_ALIAS_UNIT,
                options=units,
                empty=picker_texts.NO_UNITS,
            )
            return
        _known(args[0], units)
        prompt = picker_texts.ASK_ALIAS.format(unit=pickers.chosen_label(context, args[0]))
        await pickers.ask_text(update, context, command="bietdanh", args=args, prompt=prompt)
        return
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
    runtime, args = context.runtime, context.args or []
    if len(args) < 2:
        await _pick_succession(update, context, args, split=split)
        return
    if len(args) == 2 and pickers.resumed(context):  # picked: the date of the decision, typed
        into = ", ".join(pickers.chosen_label(context, code) for code in args[1].split(","))
        prompt = picker_texts.ASK_SUCCESSION_DATE.format(
            old=pickers.chosen_label(context, args[0]), into=into
        )
        await pickers.ask_text(
            update, context, command="chiatach" if split else "sapnhap", args=args, prompt=prompt
        )
        return
    request = succession_request(args, split, runtime.today())
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
    runtime = context.runtime
    if not args:
        ended = await runtime.answer(
            choices.admin_units, runtime, user_id=user_id(update), which="ended"
        )
        await pickers.ask(
            update,
            context,
            command="hoantac",
            args=(),
            prompt=picker_texts.CHOOSE_UNDO,
            options=ended,
            empty=picker_texts.NO_ENDED_UNITS,
        )
        return
    if len(args) != 1:
        await say(update, t.UNDO_USAGE)
        return
    request = UndoRequest(args[0])
    result = await runtime.answer(
        administration.preview_undo, runtime, user_id=user_id(update), request=request
    )
    await say(update, render_undo(result, saved=False), hold(context, request))


def _known(code: str, units: list[Choice]) -> None:
    """NotFound unless `code` is among the units the admin may pick."""
    if code not in {u.value for u in units}:
        raise NotFound(errors_vi.UNIT_NOT_FOUND.format(code=code[:64]))


async def _pick_succession(
    update: Update, context: BotContext, args: list[str], *, split: bool
) -> None:
    """The ended unit, then its successor (one for a merger, ticked ones for a split)."""
    runtime = context.runtime
    command = "chiatach" if split else "sapnhap"
    units = await runtime.answer(
        choices.admin_units, runtime, user_id=user_id(update), which="active"
    )
    if not args:
        prompt = picker_texts.CHOOSE_SPLIT if split else picker_texts.CHOOSE_MERGED
        await pickers.ask(
            update,
            context,
            command=command,
            args=(),
            prompt=prompt,
            options=units,
            empty=picker_texts.NO_UNITS,
        )
        return
    _known(args[0], units)
    old = pickers.chosen_label(context, args[0])
    template = picker_texts.CHOOSE_SPLIT_INTO if split else picker_texts.CHOOSE_MERGE_INTO
    await pickers.ask(
        update,
        context,
        command=command,
        args=args,
        prompt=template.format(old=old),
        options=[u for u in units if u.value != args[0]],
        empty=picker_texts.NO_UNITS,
        multi=split,
    )

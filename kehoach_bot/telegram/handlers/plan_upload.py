"""An admin sends a .toml plan file: preview what loading it would change, then «Lưu»."""

from __future__ import annotations

from telegram import Update

from kehoach_bot.plans.reading import MAX_FILE_BYTES, PlanFileError
from kehoach_bot.services import administration
from kehoach_bot.services.plans import PlanFilesError
from kehoach_bot.telegram.answer import reply_pages, say
from kehoach_bot.telegram.context import BotContext, PlanUpload
from kehoach_bot.telegram.handlers.admin import user_id
from kehoach_bot.telegram.handlers.previews import hold
from kehoach_bot.telegram.render.pages import human_size, paginate
from kehoach_bot.texts import bot_vi as t


async def plan_file(update: Update, context: BotContext) -> bool:
    """A .toml plan file: preview it; False when the document is not a plan file."""
    message = update.effective_message
    document = message.document if message else None
    if message is None or document is None:
        return False
    name = document.file_name or ""
    if not name.lower().endswith(".toml"):
        return False
    if (document.file_size or 0) > MAX_FILE_BYTES:
        await say(
            update,
            t.FILE_TOO_BIG.format(
                size=human_size(document.file_size or 0), max_mb=MAX_FILE_BYTES // 1_000_000
            ),
        )
        return True
    runtime = context.runtime
    # Who may load plans is checked before anything is downloaded.
    await runtime.answer(administration.plans, runtime, user_id=user_id(update))
    raw = await (await document.get_file()).download_as_bytearray()
    try:
        text = bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        await say(update, t.PLAN_NOT_TOML)
        return True
    try:
        result = await runtime.answer(
            administration.preview_plan_file, runtime, user_id=user_id(update), name=name, text=text
        )
    except (PlanFilesError, PlanFileError) as exc:
        errors = exc.errors if isinstance(exc, PlanFilesError) else [exc]
        problems = "\n".join(f"• {p}" for e in errors for p in e.problems)
        await reply_pages(
            update, paginate([problems], t.PLAN_PROBLEMS.format(name=name, problems=""))
        )
        return True
    await say(
        update,
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
        keyboard=hold(context, PlanUpload(name, text)),
    )
    return True

"""`extract`: read a plan's own text (.docx, .pdf, .txt) and draft its plan file for an admin."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kehoach_bot.cli.context import Context
from kehoach_bot.cli.outputs import write_bytes
from kehoach_bot.plans.extract.documents import MAX_BYTES
from kehoach_bot.services import console
from kehoach_bot.services.errors import InvalidInput
from kehoach_bot.services.extraction import Drafted, draft_plan
from kehoach_bot.texts import extract_draft_vi as t


def cmd_extract(ctx: Context, args: argparse.Namespace) -> int:
    """Print the draft plan file (or write it to --out), or with --json what was found."""
    source = Path(args.file)
    try:
        if source.stat().st_size > MAX_BYTES:
            raise InvalidInput(t.FILE_TOO_BIG.format(name=source.name, mb=MAX_BYTES >> 20))
        content = source.read_bytes()
    except FileNotFoundError:
        raise InvalidInput(t.FILE_NOT_FOUND.format(path=source)) from None
    except IsADirectoryError:
        raise InvalidInput(t.FILE_IS_DIRECTORY.format(path=source)) from None
    except OSError as exc:
        raise InvalidInput(t.FILE_UNREADABLE.format(path=source, reason=exc.strerror)) from None
    console.prepare(ctx.runtime)
    drafted = draft_plan(ctx.runtime, user_id=None, name=source.name, content=content)
    if args.json:
        ctx.print(json.dumps(drafted.json, ensure_ascii=False, indent=2))
    elif args.out:
        out = Path(args.out)
        write_bytes(out, drafted.toml.encode("utf-8"))
        ctx.print(summary(drafted, out))
    else:
        ctx.print(drafted.toml)
    return 0


def summary(drafted: Drafted, out: Path) -> str:
    """What was drafted, in a few lines: where the file went, how many duties, the doubts."""
    plan = drafted.plan
    warnings = [*plan.warnings, *(w for o in plan.obligations for w in o.warnings)]
    lines = [
        t.WRITTEN.format(
            path=out, obligations=len(plan.obligations), tasks=len(plan.tasks), code=drafted.code
        )
    ]
    if warnings:
        lines.append(t.WARNINGS.format(count=len(dict.fromkeys(warnings))))
        lines += [f"  ⚠ {w}" for w in dict.fromkeys(warnings)]
    return "\n".join(lines)

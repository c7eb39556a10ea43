"""Argument parsing for `python bot.py …`: every word argparse prints is Vietnamese."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, NoReturn

from kehoach_bot.domain.roles import Role, parse_role
from kehoach_bot.domain.schedule_text import plain_text
from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.plans.unit_directories import UNIT_KINDS
from kehoach_bot.services.succession import ALL_SUCCESSORS
from kehoach_bot.texts import cli_vi as t
from kehoach_bot.texts import vi


def parse_day(value: str) -> date:
    """A date written YYYY-MM-DD or DD/MM/YYYY; impossible dates like 31/02 are refused."""
    try:
        return parse_date(value)
    except BadDate as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def parse_route(value: str) -> tuple[str, str]:
    """PLAN:OBLIGATION=UNIT → ("PLAN:OBLIGATION", "UNIT")."""
    ref, sep, unit = value.partition("=")
    if not sep or ":" not in ref or not unit.strip():
        raise argparse.ArgumentTypeError(vi.BAD_ROUTE.format(value=value))
    return ref.strip(), unit.strip()


def parse_role_arg(value: str) -> Role:
    """A role typed in Vietnamese ("cán bộ", "dau moi", "quản trị") or as its stored value."""
    role = parse_role(value)
    if role is None:
        raise argparse.ArgumentTypeError(t.BAD_ROLE.format(value=value))
    return role


def parse_whole_number(value: str) -> int:
    """A whole number such as 72; the range is the service's to check."""
    try:
        return int(value.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t.BAD_NUMBER.format(value=value)) from None


def parse_default_successor(value: str) -> str:
    """`--default`: "tất-cả" (or the older "all") = every successor, otherwise one unit code."""
    key = plain_text(value).replace("-", "").replace("_", "").replace(" ", "")
    return ALL_SUCCESSORS if key in ("tatca", ALL_SUCCESSORS) else value.strip()


def _translate(message: str) -> str:
    return t.ARGPARSE_MESSAGES.get(message, message) if message else message


def _translate_plural(singular: str, plural: str, n: int) -> str:
    found = t.ARGPARSE_PLURALS.get((singular, plural))
    return found if found is not None else (singular if n == 1 else plural)


@contextmanager
def _argparse_in_vietnamese() -> Iterator[None]:
    """Let argparse speak Vietnamese while one of our parsers works.

    argparse has no per-parser translation: it looks each message up through its module-level
    `_` and `ngettext` (gettext's functions) when it needs it. We point those two names at our
    table for the duration of a parse and put gettext's back afterwards, so no other code in the
    process is affected. A parse runs once, at start-up, in the main thread.
    """
    ours: dict[str, Callable[..., str]] = {"_": _translate, "ngettext": _translate_plural}
    saved = {name: getattr(argparse, name) for name in ours}
    for name, function in ours.items():
        setattr(argparse, name, function)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)


class VietnameseHelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with a Vietnamese "Cách dùng:" line."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """The usage line, headed in Vietnamese."""
        super().add_usage(usage, actions, groups, t.USAGE_PREFIX if prefix is None else prefix)


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, usage and errors are Vietnamese; errors exit with code 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", VietnameseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = t.POSITIONALS_TITLE
        self._optionals.title = t.OPTIONALS_TITLE
        self.add_argument(
            "-h", "--help", action="help", default=argparse.SUPPRESS, help=t.HELP_HELP
        )

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """argparse's parse, with its messages in Vietnamese."""
        with _argparse_in_vietnamese():
            return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        """argparse's parse, with its messages in Vietnamese (unknown arguments are found here)."""
        with _argparse_in_vietnamese():
            return super().parse_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """Print the problem, the usage and where to read more, then exit with code 2."""
        sys.stderr.write(f"{vi.ERROR_PREFIX}: {message}\n")
        self.print_usage(sys.stderr)
        sys.stderr.write(t.HINT_HELP.format(prog=self.prog) + "\n")
        raise SystemExit(2)


def build_parser() -> VietnameseParser:
    """The full command-line grammar."""
    parser = VietnameseParser(prog="python bot.py", description=t.DESCRIPTION, epilog=t.EPILOG)
    parser.add_argument("--config", metavar=t.M_CONFIG, help=t.CONFIG)
    sub = parser.add_subparsers(
        title=t.COMMANDS_TITLE,
        dest="command",
        required=True,
        metavar=t.M_COMMAND,
        parser_class=VietnameseParser,
    )

    sub.add_parser("run", help=t.RUN)
    sub.add_parser("status", help=t.STATUS)
    sub.add_parser("migrate", help=t.MIGRATE)
    backup = sub.add_parser("backup", help=t.BACKUP)
    backup.add_argument("directory", metavar=t.M_DIRECTORY, help=t.BACKUP_DIRECTORY)
    restore = sub.add_parser("restore", help=t.RESTORE)
    restore.add_argument("directory", metavar=t.M_DIRECTORY, help=t.RESTORE_DIRECTORY)

    invite = sub.add_parser("invite", help=t.INVITE)
    invite.add_argument("--unit", required=True, metavar=t.M_UNIT, help=t.INVITE_UNIT)
    invite.add_argument(
        "--role", required=True, type=parse_role_arg, metavar=t.M_ROLE, help=t.INVITE_ROLE
    )
    invite.add_argument(
        "--hours", type=parse_whole_number, default=72, metavar=t.M_HOURS, help=t.INVITE_HOURS
    )
    invite.add_argument("--by", metavar=t.M_PERSON, help=t.BY)
    board_link = sub.add_parser("board-link", help=t.BOARD_LINK)
    board_link.add_argument(
        "--telegram-id",
        required=True,
        type=parse_whole_number,
        metavar=t.M_TELEGRAM_ID,
        help=t.BOARD_LINK_TELEGRAM_ID,
    )
    board_link.add_argument("--by", metavar=t.M_PERSON, help=t.BY)

    load = sub.add_parser("load-plans", help=t.LOAD_PLANS)
    load.add_argument("files", nargs="*", metavar=t.M_FILE, help=t.LOAD_FILES)

    extract = sub.add_parser("extract", help=t.EXTRACT)
    extract.add_argument("file", metavar=t.M_PLAN_TEXT, help=t.EXTRACT_FILE)
    extract.add_argument("--out", metavar=t.M_PLAN_FILE, help=t.EXTRACT_OUT)
    extract.add_argument("--json", action="store_true", help=t.EXTRACT_JSON)
    load.add_argument("--by", metavar=t.M_PERSON, help=t.BY)

    cal = sub.add_parser("calendar", help=t.CALENDAR)
    cal.add_argument("--from", dest="start", type=parse_day, metavar=t.M_DAY, help=t.CALENDAR_FROM)
    cal.add_argument("--to", dest="end", type=parse_day, metavar=t.M_DAY, help=t.CALENDAR_TO)
    cal.add_argument("--plan", metavar=t.M_PLAN, help=t.CALENDAR_PLAN)
    cal.add_argument("--unit", metavar=t.M_UNIT, help=t.CALENDAR_UNIT)
    cal.add_argument("--json", action="store_true", help=t.JSON)

    request = sub.add_parser("request", help=t.REQUEST)
    request.add_argument(
        "--unit", action="append", required=True, metavar=t.M_UNIT, help=t.REQUEST_UNIT
    )
    request.add_argument("--title", required=True, metavar=t.M_TITLE, help=t.REQUEST_TITLE)
    request.add_argument(
        "--due", required=True, type=parse_day, metavar=t.M_DAY, help=t.REQUEST_DUE
    )
    request.add_argument("--plan", metavar=t.M_PLAN, help=t.REQUEST_PLAN)
    request.add_argument("--from", dest="recipient", metavar=t.M_UNIT, help=t.REQUEST_FROM)
    request.add_argument("--by", metavar=t.M_PERSON, help=t.REQUEST_BY)

    export = sub.add_parser("export", help=t.EXPORT)
    export.add_argument("--plan", required=True, metavar=t.M_PLAN, help=t.EXPORT_PLAN)
    export.add_argument("--period", metavar=t.M_PERIOD, help=t.EXPORT_PERIOD)
    export.add_argument("--from", dest="start", type=parse_day, metavar=t.M_DAY, help=t.EXPORT_FROM)
    export.add_argument("--to", dest="end", type=parse_day, metavar=t.M_DAY, help=t.EXPORT_TO)
    export.add_argument("--out", required=True, metavar=t.M_EXPORT_FILE, help=t.EXPORT_OUT)

    chart = sub.add_parser("chart", help=t.CHART)
    chart.add_argument("--plan", required=True, metavar=t.M_PLAN, help=t.CHART_PLAN)
    chart.add_argument("--period", metavar=t.M_PERIOD, help=t.CHART_PERIOD)
    chart.add_argument("--out", required=True, metavar=t.M_CHART_FILE, help=t.CHART_OUT)

    files = sub.add_parser("files", help=t.FILES)
    files.add_argument("--plan", required=True, metavar=t.M_PLAN, help=t.FILES_PLAN)
    files.add_argument("--period", required=True, metavar=t.M_PERIOD, help=t.FILES_PERIOD)
    files.add_argument("--out", required=True, metavar=t.M_ZIP_FILE, help=t.FILES_OUT)

    synthesis = sub.add_parser("synthesis", help=t.SYNTHESIS)
    synthesis.add_argument("--plan", required=True, metavar=t.M_PLAN, help=t.SYNTHESIS_PLAN)
    synthesis.add_argument("--period", metavar=t.M_PERIOD, help=t.SYNTHESIS_PERIOD)
    synthesis.add_argument("--office", metavar=t.M_UNIT, help=t.SYNTHESIS_OFFICE)
    synthesis.add_argument("--out", required=True, metavar=t.M_DOCX_FILE, help=t.SYNTHESIS_OUT)

    units = sub.add_parser("units", help=t.UNITS)
    units.add_argument("--json", action="store_true", help=t.JSON)

    plans = sub.add_parser("plans", help=t.PLANS)
    plans.add_argument("--json", action="store_true", help=t.JSON)

    plan = sub.add_parser("plan", help=t.PLAN)
    plan_sub = plan.add_subparsers(
        title=t.ACTIONS_TITLE,
        dest="plan_command",
        required=True,
        metavar=t.M_ACTION,
        parser_class=VietnameseParser,
    )
    tracked = plan_sub.add_parser("tracked-from", help=t.TRACKED_FROM)
    tracked.add_argument("code", metavar=t.M_PLAN, help=t.TRACKED_PLAN)
    tracked.add_argument("day", type=parse_day, metavar=t.M_DAY, help=t.DAY)
    tracked.add_argument("--by", metavar=t.M_PERSON, help=t.BY)

    _add_unit_commands(sub.add_parser("unit", help=t.UNIT))
    return parser


def _add_unit_commands(unit: VietnameseParser) -> None:
    """`unit merge`, `split`, `undo`, `add` and the group commands."""
    unit_sub = unit.add_subparsers(
        title=t.ACTIONS_TITLE,
        dest="unit_command",
        required=True,
        metavar=t.M_ACTION,
        parser_class=VietnameseParser,
    )
    merge = unit_sub.add_parser("merge", help=t.MERGE)
    merge.add_argument("old", metavar=t.M_OLD, help=t.OLD_UNIT)
    merge.add_argument("--into", required=True, metavar=t.M_NEW, help=t.MERGE_INTO)
    merge.add_argument("--on", type=parse_day, metavar=t.M_DAY, help=t.EFFECTIVE_ON)
    merge.add_argument("--by", metavar=t.M_PERSON, help=t.BY)
    merge.set_defaults(route=[], default=ALL_SUCCESSORS)

    split = unit_sub.add_parser("split", help=t.SPLIT)
    split.add_argument("old", metavar=t.M_OLD, help=t.OLD_UNIT)
    split.add_argument("--into", required=True, action="append", metavar=t.M_NEW, help=t.SPLIT_INTO)
    split.add_argument(
        "--route",
        action="append",
        type=parse_route,
        default=[],
        metavar=t.M_ROUTE,
        help=t.SPLIT_ROUTE,
    )
    split.add_argument(
        "--default",
        type=parse_default_successor,
        default=ALL_SUCCESSORS,
        metavar=t.M_DEFAULT,
        help=t.SPLIT_DEFAULT,
    )
    split.add_argument("--on", type=parse_day, metavar=t.M_DAY, help=t.EFFECTIVE_ON)
    split.add_argument("--by", metavar=t.M_PERSON, help=t.BY)

    undo = unit_sub.add_parser("undo", help=t.UNDO)
    undo.add_argument("code", metavar=t.M_UNIT, help=t.UNDO_UNIT)
    undo.add_argument("--by", metavar=t.M_PERSON, help=t.BY)

    kinds = [k for k in UNIT_KINDS if k != "nhom"]
    add = unit_sub.add_parser("add", help=t.ADD)
    add.add_argument("--code", required=True, metavar=t.M_CODE, help=t.ADD_CODE)
    add.add_argument("--name", required=True, metavar=t.M_NAME, help=t.ADD_NAME)
    add.add_argument(
        "--kind",
        required=True,
        choices=kinds,
        metavar=t.M_KIND,
        help=t.ADD_KIND.format(
            kinds=", ".join(t.ADD_KIND_ITEM.format(code=k, name=UNIT_KINDS[k]) for k in kinds)
        ),
    )
    add.add_argument("--locality", required=True, metavar=t.M_LOCALITY, help=t.ADD_LOCALITY)
    add.add_argument("--short", default="", metavar=t.M_SHORT, help=t.ADD_SHORT)
    add.add_argument("--parent", metavar=t.M_PARENT, help=t.ADD_PARENT)
    add.add_argument("--group", action="append", default=[], metavar=t.M_GROUP, help=t.ADD_GROUP)
    add.add_argument("--alias", action="append", default=[], metavar=t.M_ALIAS, help=t.ADD_ALIAS)
    add.add_argument("--by", metavar=t.M_PERSON, help=t.BY)
    _add_group_commands(unit_sub)


def _add_group_commands(unit_sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    """`unit group-add`, `group-remove`, `group-import`: the members of a named group."""
    for name, summary in (("group-add", t.GROUP_ADD), ("group-remove", t.GROUP_REMOVE)):
        change = unit_sub.add_parser(name, help=summary)
        change.add_argument("group", metavar=t.M_GROUP, help=t.GROUP_CODE)
        change.add_argument("units", nargs="+", metavar=t.M_UNITS, help=t.GROUP_UNITS)
        change.add_argument("--by", metavar=t.M_PERSON, help=t.BY)
    imported = unit_sub.add_parser("group-import", help=t.GROUP_IMPORT)
    imported.add_argument("group", metavar=t.M_GROUP, help=t.GROUP_CODE)
    imported.add_argument("file", metavar=t.M_CSV, help=t.GROUP_FILE)
    imported.add_argument("--yes", action="store_true", help=t.GROUP_YES)
    imported.add_argument("--by", metavar=t.M_PERSON, help=t.BY)

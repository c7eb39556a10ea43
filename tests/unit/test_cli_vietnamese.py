"""`python bot.py …` speaks Vietnamese: every --help, every usage line and every argparse error."""

from __future__ import annotations

import argparse
import ast
import gettext
import inspect
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kehoach_bot.cli.args import build_parser, parse_default_successor
from kehoach_bot.cli.render import status_text
from kehoach_bot.domain.roles import ROLE_TEXT, Role, parse_role
from kehoach_bot.services.health import DeliveryHealth
from kehoach_bot.texts import cli_vi

ROOT = Path(__file__).resolve().parents[2]

# Words argparse and our own help used to print; argparse's messages add theirs below.
OUR_OLD_WORDS = re.findall(
    r"\w+",
    """
usage positional arguments options show help message exit error required invalid choice
expected argument outbox tick config directory file files code name kind locality short parent
group alias title due hours unit plan start end day old into route default all yes by the to of
and or for with print
""",
)


def _argparse_messages() -> tuple[set[str], set[tuple[str, str]]]:
    """Every message argparse asks gettext for: `_("…")` and `ngettext("…", "…", n)` calls."""
    singles: set[str] = set()
    plurals: set[tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if node.func.id == "_" and texts and isinstance(texts[0], str):
            singles.add(texts[0])
        elif node.func.id == "ngettext":
            plurals.add((str(texts[0]), str(texts[1])))
    return singles, plurals


ARGPARSE_SINGLES, ARGPARSE_PLURALS = _argparse_messages()
_PLACEHOLDER = re.compile(r"%\(\w+\)[sr]")
ENGLISH = {
    w.casefold()
    for text in [*ARGPARSE_SINGLES, *(p for pair in ARGPARSE_PLURALS for p in pair)]
    for w in re.findall(r"[A-Za-z]{3,}", _PLACEHOLDER.sub(" ", text))
} | set(OUR_OLD_WORDS)


def _commands(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    """The parser and every sub-command parser below it, with the words that reach it."""
    yield [], parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                for path, found in _commands(child):
                    yield [name, *path], found


COMMAND_PATHS = [path for path, _ in _commands(build_parser())]
# Typed as they are: command names and the values an option chooses from (unit kinds).
TYPED = {word for path in COMMAND_PATHS for word in path} | {
    str(choice)
    for _, parser in _commands(build_parser())
    for action in parser._actions
    if action.choices and not isinstance(action, argparse._SubParsersAction)
    for choice in action.choices
}


def english_words(text: str) -> list[str]:
    """English words in `text`, leaving out what is typed: names, --flags, files, 'quoted'."""
    found = []
    quoted = re.compile(r"'[^'\n]*'")  # what the person typed, echoed back, or a name in code
    for token in re.findall(r"[\w.-]+", quoted.sub("", text)):
        token = token.rstrip(".")
        if not token or token in TYPED or token[0] in "-_" or "." in token:
            continue
        found += [w for w in re.split(r"[-_]", token) if w.casefold() in ENGLISH]
    return found


def parse(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of argparse on `argv` (help and errors both exit)."""
    with pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(argv)
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out, captured.err


def test_the_checker_sees_what_argparse_prints_in_english() -> None:
    english = "usage: bot [-h]\n\npositional arguments:\n  show this help message and exit"
    assert english_words(english) == ["usage", "positional", "arguments", "show", "this", "help",
                                      "message", "and", "exit"]  # fmt: skip
    assert english_words("Outbox — chờ gửi; --by NGƯỜI; unit merge; config.toml") == ["Outbox"]
    assert english_words("in dạng JSON: --json, tệp TOML, UTF-8, GL-SNV") == []


def test_the_walk_reaches_nested_commands() -> None:
    assert ["unit", "group-add"] in COMMAND_PATHS and ["plan", "tracked-from"] in COMMAND_PATHS
    assert len(COMMAND_PATHS) == 28


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "python bot.py")
def test_every_help_is_vietnamese(path: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = parse([*path, "--help"], capsys)
    assert code == 0 and not err
    assert out.startswith(f"{cli_vi.USAGE_PREFIX}python bot.py")
    assert cli_vi.HELP_HELP in out
    assert english_words(out) == []


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "python bot.py")
def test_every_argument_is_explained_and_named_in_vietnamese(path: list[str]) -> None:
    parser = dict((tuple(p), found) for p, found in _commands(build_parser()))[tuple(path)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            assert action.metavar, path
            continue
        assert action.help, (path, action.dest)
        if action.nargs != 0:  # takes a value: its placeholder is ours, not argparse's DEST
            assert action.metavar, (path, action.dest)


def test_the_top_help_says_command_names_stay_as_typed(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = parse(["--help"], capsys)
    assert "giữ nguyên dạng" in " ".join(out.split())


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["invite", "--unit", "GL-SNV", "--role", "boss"], "không có vai trò 'boss'"),
        (["invite", "--unit", "GL-SNV"], "thiếu tham số bắt buộc: --role"),
        (["unit", "merge"], "thiếu tham số bắt buộc: CŨ, --into"),
        (["unit"], "thiếu tham số bắt buộc: VIỆC"),
        ([], "thiếu tham số bắt buộc: LỆNH"),
        (["lich"], "lựa chọn không hợp lệ: 'lich' (chọn một trong: 'run', 'status'"),
        (["unit", "gop"], "tham số VIỆC: lựa chọn không hợp lệ: 'gop'"),
        (["units", "thua"], "tham số không nhận ra: thua"),
        (["calendar", "--plan"], "tham số --plan: cần một giá trị"),
        (["calendar", "--json=1"], "tùy chọn này không nhận giá trị"),
        (["calendar", "--to", "hôm qua"], "không đúng dạng ngày"),
        (["invite", "--unit", "X", "--role", "cán bộ", "--hours", "ba"], "không phải là một số"),
        (["unit", "group-add", "UBND-XA"], "thiếu tham số bắt buộc: ĐƠN_VỊ"),
        (
            ["unit", "add", "--code", "X", "--name", "x", "--kind", "sao", "--locality", "q"],
            "tham số --kind: lựa chọn không hợp lệ: 'sao'",
        ),
    ],
)
def test_errors_are_vietnamese(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = parse(argv, capsys)
    assert code == 2 and not out
    assert expected in err
    assert err.startswith("Lỗi: ") and "\nCách dùng: python bot.py" in err
    assert "--help" in err.splitlines()[-1]
    assert english_words(err) == []


def test_argparse_is_left_as_it_was_after_our_parse(capsys: pytest.CaptureFixture[str]) -> None:
    parse(["invite", "--role", "boss"], capsys)
    build_parser().parse_args(["units"])
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext
    with pytest.raises(SystemExit):
        argparse.ArgumentParser(prog="khac").parse_args(["--x"])
    assert "unrecognized arguments" in capsys.readouterr().err


def test_every_argparse_message_has_its_vietnamese() -> None:
    assert ARGPARSE_SINGLES - {"subcommands"} and ARGPARSE_PLURALS
    assert ARGPARSE_SINGLES - set(cli_vi.ARGPARSE_MESSAGES) == set()
    assert ARGPARSE_PLURALS - set(cli_vi.ARGPARSE_PLURALS) == set()
    positional = re.compile(r"%[sr]")
    pairs = [*cli_vi.ARGPARSE_MESSAGES.items()]
    pairs += [(one, vi) for (one, _), vi in cli_vi.ARGPARSE_PLURALS.items()]
    for english, vietnamese in pairs:
        # argparse fills the translation with its own values: the same marks (names may go unused).
        assert set(_PLACEHOLDER.findall(vietnamese)) <= set(_PLACEHOLDER.findall(english))
        assert len(positional.findall(vietnamese)) == len(positional.findall(english)), english
        assert english_words(_PLACEHOLDER.sub("", vietnamese)) == [], vietnamese


def test_python_bot_py_itself_speaks_vietnamese() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "bot.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
        )

    helped = run("--help")
    assert helped.returncode == 0 and helped.stdout.startswith("Cách dùng: python bot.py")
    assert english_words(helped.stdout) == []
    refused = run("invite", "--unit", "GL-SNV", "--role", "boss")
    assert refused.returncode == 2 and "không có vai trò 'boss'" in refused.stderr
    assert english_words(refused.stderr) == []


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("cán bộ", Role.OFFICER),
        ("can bo", Role.OFFICER),
        ("canbo", Role.OFFICER),
        ("  CÁN   BỘ ", Role.OFFICER),
        ("Cán-bộ", Role.OFFICER),
        ("đầu mối", Role.COORDINATOR),
        ("dau moi", Role.COORDINATOR),
        ("ĐẦU MỐI", Role.COORDINATOR),
        ("đơn vị đầu mối", Role.COORDINATOR),
        ("quản trị", Role.ADMIN),
        ("quan tri", Role.ADMIN),
        ("Quản trị viên", Role.ADMIN),
        ("officer", Role.OFFICER),
        ("Coordinator", Role.COORDINATOR),
        ("ADMIN", Role.ADMIN),
    ],
)
def test_roles_are_typed_in_vietnamese(typed: str, role: Role) -> None:
    assert parse_role(typed) is role


@pytest.mark.parametrize("typed", ["", "boss", "cán", "bộ", "quản", "mối đầu", "officers"])
def test_anything_else_is_no_role(typed: str) -> None:
    assert parse_role(typed) is None


def test_each_role_as_shown_reads_back() -> None:
    assert {parse_role(text) for text in ROLE_TEXT.values()} == set(Role)


def test_invite_takes_the_role_in_vietnamese() -> None:
    args = build_parser().parse_args(["invite", "--unit", "GL-SNV", "--role", "đầu mối"])
    assert args.role is Role.COORDINATOR and args.hours == 72


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("tất-cả", "all"), ("tat ca", "all"), ("all", "all"), (" DN-SNV", "DN-SNV")],
)
def test_the_default_successor_is_typed_in_vietnamese(typed: str, meant: str) -> None:
    assert parse_default_successor(typed) == meant
    args = build_parser().parse_args(["unit", "split", "A", "--into", "B", "--default", typed])
    assert args.default == meant


def test_status_names_the_outbox_and_the_last_check_in_vietnamese() -> None:
    found = DeliveryHealth(
        counts={"pending": 2},
        last_tick=datetime(2026, 11, 24, 3, 0, tzinfo=UTC),
        last_tick_info={
            "digests": 1,
            "examined": 12,
            "enqueued": 3,
            "without_recipient": 0,
            "extended": {"created": 4, "updated": 0, "transferred": 0, "removed": 0},
        },
        upcoming=[(date(2026, 11, 25), 5)],
    )
    text = status_text(found, ZoneInfo("Asia/Ho_Chi_Minh"))
    assert "Hàng đợi tin gửi đi — chờ gửi: 2" in text
    assert "Lần kiểm tra hạn gần nhất: 10:00:00 24/11/2026" in text
    assert "kỳ báo cáo đã xét: 12, lời nhắc đưa vào hàng đợi: 3" in text
    assert "mở thêm kỳ báo cáo (mới: 4, cập nhật: 0" in text
    assert english_words(text) == []

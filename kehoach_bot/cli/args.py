"""Argument parsing for `python bot.py …`, with Vietnamese help and errors."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import NoReturn

from kehoach_bot.domain.vietnamese import BadDate, parse_date
from kehoach_bot.plans.unit_directories import UNIT_KINDS
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


class VietnameseParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are Vietnamese and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        """Print the problem in Vietnamese and exit with code 2."""
        for english, vietnamese in vi.ARGPARSE.items():
            message = message.replace(english, vietnamese)
        sys.stderr.write(f"{vi.ERROR_PREFIX}: {message}\n{vi.HINT_HELP}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = VietnameseParser(
        prog="python bot.py",
        description="kehoach-bot: nhắc hạn báo cáo của các Kế hoạch và thu thập tình trạng.",
    )
    parser.add_argument("--config", help="tệp cấu hình TOML (mặc định: config.toml nếu có)")
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="LỆNH", parser_class=VietnameseParser
    )

    sub.add_parser("run", help="chạy bot Telegram (cần mã bot)")
    sub.add_parser("status", help="outbox, lần chạy tick gần nhất, các lời nhắc sắp tới")
    sub.add_parser("migrate", help="cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất")
    backup = sub.add_parser(
        "backup", help="sao lưu cơ sở dữ liệu và tệp báo cáo vào THƯ_MỤC mới (bot vẫn chạy được)"
    )
    backup.add_argument("directory", metavar="THƯ_MỤC", help="thư mục mới hoặc trống")
    restore = sub.add_parser(
        "restore", help="khôi phục từ bản sao lưu trong THƯ_MỤC (dừng bot trước khi khôi phục)"
    )
    restore.add_argument("directory", metavar="THƯ_MỤC", help="thư mục do lệnh backup tạo")

    invite = sub.add_parser("invite", help="tạo đường dẫn mời dùng một lần")
    invite.add_argument("--unit", required=True, metavar="MÃ_ĐƠN_VỊ")
    invite.add_argument("--role", required=True, choices=["officer", "coordinator", "admin"])
    invite.add_argument("--hours", type=int, default=72, metavar="SỐ_GIỜ")
    invite.add_argument("--by", help="người tạo (ghi vào nhật ký)")

    load = sub.add_parser("load-plans", help="nạp tệp kế hoạch (không chỉ tệp: nạp 5 kế hoạch mẫu)")
    load.add_argument("files", nargs="*", metavar="TỆP", help="tệp kế hoạch .toml")
    load.add_argument("--by", help="người thực hiện (ghi vào nhật ký)")

    cal = sub.add_parser("calendar", help="lịch các kỳ báo cáo")
    cal.add_argument("--from", dest="start", type=parse_day, metavar="NGÀY")
    cal.add_argument("--to", dest="end", type=parse_day, metavar="NGÀY")
    cal.add_argument("--plan", metavar="MÃ_KẾ_HOẠCH")
    cal.add_argument("--unit", metavar="MÃ_ĐƠN_VỊ")
    cal.add_argument("--json", action="store_true", help="in JSON")

    request = sub.add_parser("request", help="yêu cầu báo cáo đột xuất gửi các đơn vị")
    request.add_argument("--unit", action="append", required=True, metavar="MÃ_ĐƠN_VỊ")
    request.add_argument("--title", required=True, metavar="NỘI_DUNG")
    request.add_argument("--due", required=True, type=parse_day, metavar="NGÀY")
    request.add_argument("--plan", metavar="MÃ_KẾ_HOẠCH")
    request.add_argument(
        "--from",
        dest="recipient",
        metavar="MÃ_ĐƠN_VỊ",
        help="đơn vị đầu mối nhận báo cáo (người theo dõi)",
    )
    request.add_argument(
        "--by", help="họ tên người yêu cầu (ghi vào nhật ký, hiện trên thẻ yêu cầu)"
    )

    units = sub.add_parser("units", help="danh bạ đơn vị")
    units.add_argument("--json", action="store_true", help="in JSON")

    plans = sub.add_parser("plans", help="danh sách kế hoạch")
    plans.add_argument("--json", action="store_true", help="in JSON")

    plan = sub.add_parser("plan", help="sửa một kế hoạch: ngày bắt đầu theo dõi")
    plan_sub = plan.add_subparsers(
        dest="plan_command", required=True, metavar="VIỆC", parser_class=VietnameseParser
    )
    tracked = plan_sub.add_parser(
        "tracked-from",
        help="theo dõi kế hoạch từ NGÀY: các kỳ có hạn cuối trước ngày đó là lịch sử, không nhắc",
    )
    tracked.add_argument("code", metavar="MÃ_KẾ_HOẠCH")
    tracked.add_argument("day", type=parse_day, metavar="NGÀY")
    tracked.add_argument("--by", help="người thực hiện (ghi vào nhật ký)")

    unit = sub.add_parser("unit", help="thêm đơn vị; ghi nhận sáp nhập, chia tách")
    unit_sub = unit.add_subparsers(
        dest="unit_command", required=True, metavar="VIỆC", parser_class=VietnameseParser
    )
    merge = unit_sub.add_parser("merge", help="đơn vị CŨ sáp nhập vào đơn vị MỚI")
    merge.add_argument("old", metavar="CŨ")
    merge.add_argument("--into", required=True, metavar="MỚI")
    merge.add_argument(
        "--on", type=parse_day, metavar="NGÀY", help="ngày hiệu lực (mặc định hôm nay)"
    )
    merge.add_argument("--by", help="người thực hiện (ghi vào nhật ký)")
    merge.set_defaults(route=[], default="all")

    split = unit_sub.add_parser("split", help="đơn vị CŨ chia tách cho nhiều đơn vị kế thừa")
    split.add_argument("old", metavar="CŨ")
    split.add_argument("--into", required=True, action="append", metavar="MỚI")
    split.add_argument(
        "--route",
        action="append",
        type=parse_route,
        default=[],
        metavar="KẾ_HOẠCH:NGHĨA_VỤ=MỚI",
        help="nghĩa vụ này giao cho đơn vị kế thừa này",
    )
    split.add_argument(
        "--default",
        default="all",
        metavar="all|MỚI",
        help="nghĩa vụ còn lại: all = mọi đơn vị kế thừa (mặc định), hoặc một mã",
    )
    split.add_argument("--on", type=parse_day, metavar="NGÀY")
    split.add_argument("--by")

    undo = unit_sub.add_parser(
        "undo", help="hoàn tác sáp nhập, chia tách hay giải thể ghi nhầm: đơn vị hoạt động lại"
    )
    undo.add_argument("code", metavar="MÃ_ĐƠN_VỊ")
    undo.add_argument("--by", help="người thực hiện (ghi vào nhật ký)")
    add = unit_sub.add_parser("add", help="thêm đơn vị mới")
    add.add_argument("--code", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--kind", required=True, choices=[k for k in UNIT_KINDS if k != "nhom"])
    add.add_argument("--locality", required=True)
    add.add_argument("--short", default="")
    add.add_argument("--parent")
    add.add_argument("--group", action="append", default=[], help="thêm vào nhóm đơn vị")
    add.add_argument("--alias", action="append", default=[])
    add.add_argument("--by")
    _add_group_commands(unit_sub)
    return parser


def _add_group_commands(unit_sub: argparse._SubParsersAction[VietnameseParser]) -> None:
    """`unit group-add`, `group-remove`, `group-import`: the members of a named group."""
    for name, summary in (
        ("group-add", "thêm đơn vị vào NHÓM đơn vị (ví dụ UBND các xã, thị trấn), lưu ngay"),
        ("group-remove", "bớt đơn vị khỏi NHÓM đơn vị, lưu ngay"),
    ):
        change = unit_sub.add_parser(name, help=summary)
        change.add_argument("group", metavar="NHÓM", help="mã nhóm đơn vị")
        change.add_argument("units", nargs="+", metavar="ĐƠN_VỊ", help="mã các đơn vị")
        change.add_argument("--by", help="người thực hiện (ghi vào nhật ký)")
    imported = unit_sub.add_parser(
        "group-import",
        help=(
            "nhập thành viên của NHÓM từ tệp CSV (mỗi dòng một tên hoặc mã đơn vị, dòng tiêu đề "
            "tùy chọn, UTF-8): in bản xem trước; chỉ lưu khi có --yes"
        ),
    )
    imported.add_argument("group", metavar="NHÓM", help="mã nhóm đơn vị")
    imported.add_argument("file", metavar="TỆP.csv")
    imported.add_argument(
        "--yes", action="store_true", help="lưu đúng bản xem trước (không có: chỉ xem trước)"
    )
    imported.add_argument("--by", help="người thực hiện (ghi vào nhật ký)")

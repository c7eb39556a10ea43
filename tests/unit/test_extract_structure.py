"""The layout of a plan's text: header, sections, sentences, "Nơi nhận", and tasks with their units.

Checked on the five seed texts against their curated plan files, and on small synthetic texts for
the layouts the seeds lack (task tables, row per line and flattened one cell per line).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kehoach_bot.plans.extract.sentences import split_sentences
from kehoach_bot.plans.extract.structure import PlanText, parse_structure
from kehoach_bot.plans.extract.tasks import TaskText, split_units
from tests.auxil.seed_texts import TEXTS

REPO = Path(__file__).resolve().parents[2]
SEEDS = TEXTS
DATA = REPO / "kehoach_bot" / "plans" / "data"


def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("–", "-")
    plain = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return " ".join(re.sub(r"\s*-\s*", "-", plain.lower()).split())


def _names() -> dict[str, set[str]]:
    """Every directory name, short name and alias (folded) → unit codes."""
    names: dict[str, set[str]] = {}
    for path in (DATA / "units").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for unit in data.get("units", []) + data.get("groups", []):
            for name in (unit["name"], unit.get("short", ""), *unit.get("aliases", [])):
                if name:
                    names.setdefault(_fold(name), set()).add(unit["code"])
    return names


NAMES = _names()


def _codes(written: tuple[str, ...], prefix: str, *, loose: bool = False) -> set[str]:
    """The directory codes the names stand for; `loose` also takes a name that only starts or
    ends like an alias (the later matching step's job, tolerated here)."""
    codes: set[str] = set()
    for name in written:
        folded = _fold(name)
        for alias, found in NAMES.items():
            same = alias == folded
            near = loose and (alias.startswith(folded) or folded.endswith(alias))
            if same or near:
                codes |= {code for code in found if code.startswith(prefix)}
    return codes


def _seed(number: str) -> PlanText:
    paths = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not paths:
        pytest.fail(f"seed {number} not found under {SEEDS}")
    return parse_structure(paths[0].read_text(encoding="utf-8"))


def _curated(code: str) -> dict[str, Any]:
    return tomllib.loads((DATA / f"{code}.toml").read_text(encoding="utf-8"))


def _tasks(plan: PlanText) -> dict[str, TaskText]:
    return {task.ref: task for task in plan.tasks}


def _found(ref: str, mine: dict[str, TaskText]) -> bool:
    """The curated task is found at its ref, or finer (its items) or coarser (its section)."""
    return ref in mine or any(r.startswith(f"{ref}.") or ref.startswith(f"{r}.") for r in mine)


# --- headers -----------------------------------------------------------------------------------


def test_header_with_number_date_and_issuer_from_table_cells() -> None:
    header = _seed("002").header
    assert header.number == "743/KH-UBND"
    assert header.issued_on == date(2025, 3, 28)
    assert header.issuer == "Ủy ban nhân dân tỉnh Gia Lai"
    assert header.title is None  # the source page lost its title: not invented


def test_header_with_a_blank_number_and_date_keeps_what_is_written() -> None:
    header = _seed("001").header
    assert header.number == "/KH-UBND"  # "Số: /KH-UBND", as the curated file keeps it
    assert header.issued_on is None  # "ngày tháng năm 2021": no day, no date
    assert header.issuer == "Ủy ban nhân dân huyện Bình Lục"
    assert header.title is not None and "92-KL/TW" in header.title
    assert header.title.startswith("Kế hoạch triển khai, thực hiện Kết luận số 92-KL/TW")


@pytest.mark.parametrize(
    ("seed", "code", "issuer", "in_title"),
    [
        ("000", "binh-son-35", "UBND huyện", "35-CTr/HU ngày 03/4/2024"),
        ("003", "la-gi-81", "Thị ủy La Gi", "81-CTr/TU"),
        ("004", "dak-nong-33", "UBND tỉnh Đắk Nông", "Trung ương 5, Khóa XI"),
    ],
)
def test_header_without_number_or_date(seed: str, code: str, issuer: str, in_title: str) -> None:
    header = _seed(seed).header
    curated = _curated(code)
    assert curated["number"] == "" and header.number is None
    assert header.issued_on is None
    assert header.issuer == issuer
    assert _codes((issuer,), "", loose=True) & {curated["issuer"]}
    assert header.title is not None and in_title in header.title
    assert "\n" not in header.title


def test_uppercase_issuer_lines_become_the_body_name() -> None:
    text = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 12/KH-UBND\nGia Lai, ngày 31 tháng 2 năm 2025\n"
    text += "KẾ HOẠCH\nThực hiện Chương trình số 1\nI. MỤC ĐÍCH\n"
    header = parse_structure(text).header
    assert header.issuer == "Ủy ban nhân dân tỉnh Gia Lai"
    assert header.number == "12/KH-UBND"
    assert header.issued_on is None  # 31/2 cannot exist
    assert header.title == "Kế hoạch thực hiện Chương trình số 1"


def test_party_issuer_under_its_parent_committee() -> None:
    text = "ĐẢNG BỘ TỈNH BÌNH THUẬN\nTHỊ ỦY LA GI\nLa Gi, ngày 5 tháng 6 năm 2024\nKẾ HOẠCH\nVề x\n"
    header = parse_structure(text).header
    assert header.issuer == "Thị ủy La Gi"
    assert header.issued_on == date(2024, 6, 5)


# --- recipients, sections, sentences ------------------------------------------------------------


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_recipients_block_is_kept_apart(seed: str) -> None:
    plan = _seed(seed)
    assert len(plan.recipients_block) >= 5
    assert any(item.startswith("Lưu") for item in plan.recipients_block)
    quoted = {clause.text for clause in plan.clauses}
    assert not any(
        item in text for item in plan.recipients_block[:3] for text in quoted if text == item
    )
    assert not any(
        clause.text.startswith("- ") or "Lưu: VT" in clause.text for clause in plan.clauses
    )


def test_recipients_of_seed_000_as_written() -> None:
    block = _seed("000").recipients_block
    assert block[0] == "UBND tỉnh (báo cáo)"
    assert block[1] == "Sở Lao động- TB&XH (b/cáo)"
    assert "UBND các xã, thị trấn" in block


def test_sections_of_seed_000_and_the_duty_sentence_kept_whole() -> None:
    plan = _seed("000")
    refs = [section.ref for section in plan.sections]
    assert refs[:4] == ["", "I", "I.1", "I.2"]
    assert {"III.6.đ", "III.8.c", "IV.4"} <= set(refs)
    quote = (
        "Yêu cầu Thủ trưởng các cơ quan, đơn vị; Chủ tịch UBND các xã, thị trấn định kỳ hàng năm "
        "(trước ngày 20/10) gửi báo cáo kết quả triển khai thực hiện Nghị quyết 42-NQ/TW và Chương "
        "trình 35-CTr/HU về UBND huyện (thông qua Phòng Lao động- Thương binh và Xã hội) để "
        "theo dõi, tổng hợp báo cáo cho Sở Lao động- Thương binh và Xã hội đúng thời gian quy định."
    )
    assert any(c.ref == "IV.4" and c.text == quote for c in plan.clauses)
    closing = [c for c in plan.clauses if c.text.startswith("Trong quá trình triển khai thực hiện")]
    assert closing and closing[0].ref == "IV"  # the closing paragraph belongs to the section


def test_page_break_continuation_joins_its_paragraph() -> None:
    plan = _seed("000")
    section = next(s for s in plan.sections if s.ref == "III.3")
    assert any("đẩy mạnh, khuyến khích tổ chức" in p.text for p in section.paragraphs)


def test_footnotes_are_no_paragraphs() -> None:
    plan = _seed("003")
    assert not any("⁽" in c.text[:2] for c in plan.clauses)
    section = next(s for s in plan.sections if s.ref == "III.1")
    assert "chính sách, pháp luật của Nhà nước" in section.paragraphs[1].text


def test_missing_roman_headings_are_numbered_on_when_numbers_restart() -> None:
    refs = [section.ref for section in _seed("002").sections]
    assert refs[:4] == ["", "1", "2", "II"]
    assert "IV.1" in refs and "IV.3" in refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Theo Kế hoạch số 43/KH-UBND ngày 20.7.2024 của UBND TP. Hồ Chí Minh. Các sở báo cáo.",
            [
                "Theo Kế hoạch số 43/KH-UBND ngày 20.7.2024 của UBND TP. Hồ Chí Minh.",
                "Các sở báo cáo.",
            ],
        ),
        ("Ông Nguyễn V. An ký. Bà B nhận.", ["Ông Nguyễn V. An ký.", "Bà B nhận."]),
        (
            "Tỷ lệ đạt 95,2%. Số lao động 1.000 người.",
            ["Tỷ lệ đạt 95,2%.", "Số lao động 1.000 người."],
        ),
        (
            'Phong trào "Đền ơn đáp nghĩa." Tiếp tục.',
            ['Phong trào "Đền ơn đáp nghĩa."', "Tiếp tục."],
        ),
        ("Xem xét, chỉ đạo./. Trên đây", ["Xem xét, chỉ đạo./.", "Trên đây"]),
        ("nhà ở, giáo dục... v.v. và khác.", ["nhà ở, giáo dục... v.v. và khác."]),
        (
            "Gửi trước ngày 20/10; báo cáo Sở Y tế; Sở Nội vụ.",
            ["Gửi trước ngày 20/10; báo cáo Sở Y tế; Sở Nội vụ."],
        ),
    ],
)
def test_sentence_splitting_traps(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


# --- tasks from the seeds ----------------------------------------------------------------------


def test_every_task_of_seed_000_with_its_lead_and_coordinating_units() -> None:
    mine = _tasks(_seed("000"))
    curated = _curated("binh-son-35")["tasks"]
    assert isinstance(curated, list) and len(curated) == 26
    for task in curated:
        assert task["ref"] in mine, task["ref"]
        found = mine[task["ref"]]
        assert _codes(found.lead, "BS-") == set(task["lead"]), (task["ref"], found.lead)
        assert _codes(found.coordinating, "BS-") == set(task["coordinating"]), (
            task["ref"],
            found.coordinating,
        )
        assert len(found.lead) == len(task["lead"]), found.lead  # each name matched one unit
        assert (found.timeline or "") == task["timeline"], task["ref"]


def test_seed_000_lead_names_as_written() -> None:
    mine = _tasks(_seed("000"))
    assert mine["III.5.d"].lead == (
        "Phòng Lao động- Thương binh và Xã hội",
        "Phòng Nông nghiệp và Phát triển nông thôn",
        "Văn phòng HĐND&UBND huyện",
    )
    assert mine["III.1.a"].coordinating == (
        "Các phòng, ban ngành huyện",
        "Trung tâm Truyền thông – Văn hoá – Thể thao",
        "UBND các xã, thị trấn",
    )
    assert mine["III.1.a"].text.startswith("Tập trung tuyên truyền")
    assert "Cơ quan chủ trì" not in mine["III.1.a"].text


@pytest.mark.parametrize(
    ("seed", "code"), [("001", "binh-luc-92"), ("003", "la-gi-81"), ("004", "dak-nong-33")]
)
def test_every_curated_task_is_found(seed: str, code: str) -> None:
    mine = _tasks(_seed(seed))
    tasks = _curated(code)["tasks"]
    assert isinstance(tasks, list)
    missing = [task["ref"] for task in tasks if not _found(task["ref"], mine)]
    assert missing == []


@pytest.mark.parametrize(
    ("seed", "code", "refs"),
    [
        (
            "001",
            "binh-luc-92",
            ["IV.1", "IV.2", "IV.3", "IV.4", "IV.5", "IV.6", "IV.7", "IV.8", "IV.10", "IV.11"],
        ),
        ("002", "gia-lai-743", ["IV.2", "IV.3", "III.1.1"]),
        ("003", "la-gi-81", ["IV.3", "IV.4", "IV.5"]),  # IV.1: groups ("Các cấp ủy") to expand
        ("004", "dak-nong-33", ["VI.1", "VI.2", "VI.3", "VI.4", "VI.6"]),
    ],
)
def test_lead_units_of_the_assigned_tasks(seed: str, code: str, refs: list[str]) -> None:
    mine = _tasks(_seed(seed))
    curated = {task["ref"]: task for task in _curated(code)["tasks"]}
    prefix = str(_curated(code)["issuer"]).split("-")[0] + "-"
    for ref in refs:
        assert set(curated[ref]["lead"]) <= _codes(mine[ref].lead, prefix, loose=True), (
            ref,
            mine[ref].lead,
        )


def test_sentence_tasks_with_timeline_from_the_sentence() -> None:
    mine = _tasks(_seed("003"))
    assert mine["IV.1"].timeline == "Trước ngày 20/7/2024"
    assert mine["IV.2"].timeline == "Định kỳ"
    assert mine["IV.5"].lead == ("Văn phòng Thị ủy",)


# --- synthetic layouts -------------------------------------------------------------------------

_BLOCK_TEXT = """III. NHIỆM VỤ
1. Tuyên truyền
- Tổ chức tuyên truyền về chính sách xã hội.
- Đơn vị chủ trì: Sở Y tế; Sở Nội vụ.
- Phối hợp: UBND các xã, thị trấn, Đài Phát thanh.
- Thời hạn hoàn thành: Quý II/2025.
2. Kiểm tra
Chủ trì: Sở Tư pháp
Thời gian: Hằng năm
"""


def test_block_of_lead_coordinating_and_timeline() -> None:
    tasks = _tasks(parse_structure(_BLOCK_TEXT))
    first = tasks["III.1"]
    assert first.lead == ("Sở Y tế", "Sở Nội vụ")
    assert first.coordinating == ("UBND các xã, thị trấn", "Đài Phát thanh")
    assert first.timeline == "Quý II/2025"
    assert first.text == "Tổ chức tuyên truyền về chính sách xã hội."
    assert tasks["III.2"].lead == ("Sở Tư pháp",)
    assert tasks["III.2"].timeline == "Hằng năm"


_ROW_TABLE = """II. NHIỆM VỤ CỤ THỂ
TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành
1 | Rà soát chính sách | Sở Nội vụ | Sở Tài chính; Sở Y tế | Năm 2025
2 | Báo cáo kết quả | Sở Y tế
III. TỔ CHỨC THỰC HIỆN
"""


def test_task_table_one_row_per_line() -> None:
    tasks = _tasks(parse_structure(_ROW_TABLE))
    assert tasks["II.1"] == TaskText(
        "II.1",
        "NHIỆM VỤ CỤ THỂ",
        "Rà soát chính sách",
        "Năm 2025",
        ("Sở Nội vụ",),
        ("Sở Tài chính", "Sở Y tế"),
    )
    assert tasks["II.2"].lead == ("Sở Y tế",)
    assert tasks["II.2"].coordinating == () and tasks["II.2"].timeline is None


_FLAT_TABLE = """II. NHIỆM VỤ CỤ THỂ
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
1
Rà soát, đề xuất sửa đổi chính sách trợ giúp xã hội
Sở Nội vụ
Sở Tài chính, Sở Y tế
Năm 2025
2
Xây dựng cơ sở dữ liệu
Sở Khoa học và Công nghệ
Các sở, ngành
3
Tổng hợp, báo cáo
Sở Y tế
UBND các xã, phường
Trước ngày 15/12 hằng năm
III. TỔ CHỨC THỰC HIỆN
Giao Sở Y tế chủ trì, phối hợp với Sở Nội vụ theo dõi việc thực hiện.
"""


def test_task_table_flattened_one_cell_per_line() -> None:
    tasks = _tasks(parse_structure(_FLAT_TABLE))
    assert tasks["II.1"].lead == ("Sở Nội vụ",)
    assert tasks["II.1"].coordinating == ("Sở Tài chính", "Sở Y tế")
    assert tasks["II.1"].timeline == "Năm 2025"
    assert tasks["II.2"].text == "Xây dựng cơ sở dữ liệu"
    assert tasks["II.2"].coordinating == ("Các sở, ngành",)
    assert tasks["II.2"].timeline is None  # the trailing cell is missing
    assert tasks["II.3"].timeline == "Trước ngày 15/12 hằng năm"
    assert tasks["II.3"].coordinating == ("UBND các xã, phường",)


def test_sentence_giving_lead_and_coordinating_units() -> None:
    plan = parse_structure(_FLAT_TABLE)
    section = next(s for s in plan.sections if s.ref == "III")
    assert section.paragraphs[0].text.startswith("Giao Sở Y tế")
    text = "IV. TỔ CHỨC THỰC HIỆN\n"
    text += "1. Giao Sở Y tế chủ trì, phối hợp với Sở Nội vụ, Sở Tài chính theo dõi.\n"
    text += "2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức thành viên tham gia giám sát.\n"
    tasks = _tasks(parse_structure(text))
    assert tasks["IV.1"].lead == ("Sở Y tế",)
    assert tasks["IV.1"].coordinating == ("Sở Nội vụ", "Sở Tài chính")
    assert tasks["IV.2"].lead == ("Ủy ban MTTQ Việt Nam tỉnh và các tổ chức thành viên",)


@pytest.mark.parametrize(
    ("written", "units"),
    [
        ("Sở Y tế; Sở Nội vụ; UBND các xã", ("Sở Y tế", "Sở Nội vụ", "UBND các xã")),
        ("UBND các xã, thị trấn", ("UBND các xã, thị trấn",)),
        ("Phòng Y tế, Trung tâm y tế huyện", ("Phòng Y tế", "Trung tâm y tế huyện")),
        ("Sở Lao động - Thương binh và Xã hội", ("Sở Lao động - Thương binh và Xã hội",)),
        (
            "Các Phòng: Lao động- Thương binh và Xã hội; Giáo dục và Đào tạo.",
            ("Phòng Lao động- Thương binh và Xã hội", "Phòng Giáo dục và Đào tạo"),
        ),
        (
            "Các Sở, Ban, ngành liên quan, Ủy ban nhân dân các huyện, thành phố",
            ("Các Sở, Ban, ngành liên quan", "Ủy ban nhân dân các huyện, thành phố"),
        ),
        ("", ()),
    ],
)
def test_split_units(written: str, units: tuple[str, ...]) -> None:
    assert split_units(written) == units


def test_text_without_structure_changes_nothing() -> None:
    plan = parse_structure("")
    assert plan.header.number is None and plan.header.title is None and plan.header.issuer is None
    assert plan.tasks == () and plan.recipients_block == ()
    plain = parse_structure("Các đơn vị gửi báo cáo về Sở Y tế trước ngày 20/10 hằng năm.")
    assert [c.text for c in plain.clauses] == [
        "Các đơn vị gửi báo cáo về Sở Y tế trước ngày 20/10 hằng năm."
    ]


def test_the_programme_issued_with_a_decision_is_read_after_its_signature() -> None:
    """Quyết định 435/QĐ-UBND Kon Tum: the programme follows "Nơi nhận" and the signature."""
    plan = parse_structure(
        "\n".join(
            [
                "QUYẾT ĐỊNH:",
                "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.",
                "Nơi nhận:",
                "- Như điều 2;",
                "- Thường trực Tỉnh ủy (b/c);",
                "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp",
                "CHƯƠNG TRÌNH HÀNH ĐỘNG",
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Nâng cao nhận thức của cấp ủy, chính quyền.",
                "II. TỔ CHỨC THỰC HIỆN",
                "1. Các sở, ban, ngành định kỳ hàng năm (trước ngày 15/11) báo cáo kết quả thực "
                "hiện về Sở Lao động - Thương binh và Xã hội để tổng hợp báo cáo chung.",
            ]
        )
    )
    assert "Thường trực Tỉnh ủy (b/c)" in plan.recipients_block
    texts = [p.text for s in plan.sections for p in s.paragraphs] + [
        s.heading for s in plan.sections
    ]
    assert any("trước ngày 15/11" in text for text in texts)
    assert any(s.heading.startswith("TỔ CHỨC THỰC HIỆN") for s in plan.sections)

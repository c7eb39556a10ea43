"""`python bot.py chart`: the PNG opened with Pillow and its numbers and colours checked against
the database; drawn safely in threads, without a missing glyph; bad input refused in Vietnamese."""

from __future__ import annotations

import colorsys
import io
import json
import warnings
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine

from kehoach_bot.domain.status import Status
from kehoach_bot.exports.chart import COLOURS, META_COUNTS, META_UNITS, to_png
from kehoach_bot.exports.chart_data import BAR_CATEGORIES, DECIDED, MAX_UNITS
from kehoach_bot.runtime import Runtime
from kehoach_bot.services.exports import CATEGORIES, PeriodCounts, PlanTable, TableRow, plan_table
from kehoach_bot.texts.vi import STATUS_SHORT
from tests.auxil.cli import CliResult
from tests.auxil.snapshot import snapshot

Cli = Callable[..., CliResult]
OFFICER = 7301
PLAN = "gia-lai-743"
KEYS = [s.value for s in BAR_CATEGORIES]


# What each colour must mean, as a range of hue in degrees: green, amber, blue, red.
HUES = {
    Status.DONE_ON_TIME: (90, 150),
    Status.DONE_LATE: (30, 55),
    Status.OPEN_ON_TIME: (195, 240),
    Status.OPEN_OVERDUE: (-15, 10),
}


def hue(colour: str) -> float:
    """The hue of "#rrggbb" in degrees, reds near 0 given as small negatives."""
    degrees = colorsys.rgb_to_hsv(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))[0]
    return degrees * 360 - (360 if degrees > 0.9 else 0)


def test_the_colours_mean_what_they_say() -> None:
    for status, (low, high) in HUES.items():
        assert low <= hue(COLOURS[status]) <= high, (status, COLOURS[status])


def load(source: Path | bytes) -> Image.Image:
    """The picture read whole into memory, its file closed."""
    with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
        image.load()  # the pixels stay in memory once the file is closed
    return image


def colour_pixels(image: Image.Image) -> Counter[Status]:
    """How many pixels of the picture have exactly each category's colour."""
    wanted = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)): s for s, c in COLOURS.items()}
    found: Counter[Status] = Counter()
    for count, rgb in image.convert("RGB").getcolors(maxcolors=1 << 20) or []:
        if rgb in wanted:
            found[wanted[rgb]] += count
    return found


def test_the_chart_matches_the_database(
    cli: Cli, runtime: Runtime, submitted: int, tmp_path: Path
) -> None:
    out = tmp_path / "bieu-do.png"
    result = cli("chart", "--plan", PLAN, "--out", str(out))
    assert result.code == 0, result.err
    assert f"Đã vẽ biểu đồ kế hoạch {PLAN}" in result.out
    image = load(out)
    assert image.format == "PNG"
    assert image.width == 1080 and image.height > 1000
    drawn = json.loads(image.info[META_COUNTS])
    table = plan_table(runtime, plan_code=PLAN, period=None, date_from=None, date_to=None)
    expected = [
        {"period": p.period, "period_key": p.period_key} | {k: p.counts[Status(k)] for k in KEYS}
        for p in table.periods
        if any(p.counts[s] for s in BAR_CATEGORIES)
    ]
    assert drawn == expected and len(drawn) > 1
    # The calendar (another path to the same occurrences) agrees on the year 2026.
    calendar = cli("calendar", "--plan", PLAN, "--json").json()
    statuses = Counter(e["status"] for e in calendar if e["period"] == "năm 2026")
    year = next(p for p in drawn if p["period"] == "năm 2026")
    assert {k: year[k] for k in KEYS} == {k: statuses.get(k, 0) for k in KEYS}
    assert year["done_on_time"] == 1
    # Each unit's rate is its share of on-time reports among those decided: GL-SNV's one
    # submission; the reports not due yet are in no rate.
    units = json.loads(image.info[META_UNITS])
    decided = [r for r in table.rows if r.status in DECIDED]
    everyone = {r.unit for r in decided}
    assert len(units["shown"]) + units["left_out"] == len(everyone)
    assert len(units["shown"]) == min(MAX_UNITS, len(everyone))
    for shown in units["shown"]:
        mine = [r for r in decided if r.unit == shown["unit"]]
        on_time = sum(r.status is Status.DONE_ON_TIME for r in mine)
        assert shown["overall"] == on_time / len(mine) and shown["decided"] == len(mine)
    assert {u["unit"] for u in units["shown"]} >= {"GL-SNV"}
    # The colour of each category present in the data is painted, the others are not.
    totals = Counter({s: sum(p[s.value] for p in drawn) for s in BAR_CATEGORIES})
    painted = colour_pixels(image)
    for status in BAR_CATEGORIES:
        if totals[status]:
            assert painted[status] > 300, (status, painted)
        else:
            assert painted[status] == 0, (status, painted)
    assert totals[Status.DONE_ON_TIME] and totals[Status.OPEN_ON_TIME]


def test_one_period_only(cli: Cli, submitted: int, tmp_path: Path) -> None:
    out = tmp_path / "nam-2026.PNG"
    result = cli("chart", "--plan", PLAN, "--period", "Năm 2026", "--out", str(out))
    assert result.code == 0, result.err
    with Image.open(out) as image:
        drawn = json.loads(image.info[META_COUNTS])
    assert [p["period"] for p in drawn] == ["năm 2026"]
    assert drawn[0]["done_on_time"] == 1


def vietnamese_table(units: int, periods: int) -> PlanTable:
    """Every category and long Vietnamese names over many periods and units."""
    statuses = [*CATEGORIES, Status.DONE_ON_TIME]
    rows = tuple(
        TableRow(
            unit=f"XA-{u:03d}",
            unit_name=f"Ủy ban nhân dân xã Ia Khươl, huyện Chư Păh, tỉnh Gia Lai số {u}",
            report="Báo cáo kết quả thực hiện",
            period=f"tháng {p + 1}/2026",
            period_key=f"2026-{p + 1:02d}",
            status=statuses[(u + p) % len(statuses)],
            deadline_text="trước ngày 25",
            due=date(2026, p + 1, 25),
            last_day=date(2026, p + 1, 25),
            submitted_at=None,
            days_late=None,
            extended_to=None,
            notes=(),
            files=(),
        )
        for p in range(periods)
        for u in range(units)
    )
    counted = Counter(r.status for r in rows)
    return PlanTable(
        plan="thu",
        plan_number="",
        plan_title="Kế hoạch thực hiện Nghị quyết số 42-NQ/TW về tiếp tục đổi mới, nâng cao "
        "chất lượng chính sách xã hội, đáp ứng yêu cầu sự nghiệp xây dựng đất nước",
        today=date(2026, 11, 24),
        rows=rows,
        counts={s: counted[s] for s in CATEGORIES},
        periods=tuple(
            PeriodCounts(
                f"tháng {p + 1}/2026",
                f"2026-{p + 1:02d}",
                dict(Counter(r.status for r in rows if r.period_key == f"2026-{p + 1:02d}")),
            )
            for p in range(periods)
        ),
    )


def test_many_units_and_periods_draw_every_letter_the_same_in_threads() -> None:
    table = vietnamese_table(units=45, periods=12)
    assert all(STATUS_SHORT[s.value] for s in BAR_CATEGORIES)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a glyph missing from the font would warn
        alone = to_png(table)
        with ThreadPoolExecutor(4) as pool:
            drawn = list(pool.map(lambda _: to_png(table), range(4)))
    assert all(d == alone for d in drawn)  # thread-safe and deterministic
    image = load(alone)
    assert image.width == 1080
    assert "Software" not in image.info
    units = json.loads(image.info[META_UNITS])
    assert len(units["shown"]) == MAX_UNITS and units["left_out"] > 0
    # The picture grows with the units it shows, not with the units it leaves out.
    fewer = load(to_png(vietnamese_table(units=5, periods=12)))
    assert fewer.height < image.height


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "khong-co", "--out", "{dir}/a.png"), "Không có kế hoạch mã 'khong-co'"),
        (("--plan", PLAN, "--period", "năm 2031", "--out", "{dir}/a.png"), "Các kỳ của kế"),
        (("--plan", PLAN, "--out", "{dir}/a.jpg"), "chỉ hỗ trợ tệp .png"),
        (("--plan", PLAN, "--out", "{dir}/a.xlsx"), "Không vẽ được biểu đồ vào tệp 'a.xlsx'"),
        (("--plan", PLAN, "--out", "/proc/x.png"), "Không ghi được tệp /proc/x.png"),
        (("--plan", PLAN, "--out", "{dir}/khong/co/a.png"), "Không ghi được tệp"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_without_a_file(
    cli: Cli, engine: Engine, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = snapshot(engine)
    result = cli("chart", *(a.format(dir=tmp_path) for a in args))
    assert result.code == 1
    assert result.err.startswith("Lỗi: ") and message in result.err, result.err
    assert list(tmp_path.rglob("*")) == []
    assert not Path("/proc/x.png").exists()
    assert snapshot(engine) == before

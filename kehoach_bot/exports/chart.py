"""The compliance chart of a plan as a PNG: bars of the four categories per period, and a heat
map of the on-time rate of the units that lag most.

Object-oriented matplotlib only (a Figure on its own Agg canvas, never pyplot), so the bot can
draw in worker threads. The font is the DejaVu Sans that matplotlib ships inside its own package
(it has every Vietnamese letter), given to each text explicitly: no machine setting can change it.
The numbers drawn are also written into the PNG's text chunks, for tests and for anyone checking.
"""

from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ticker import MaxNLocator

from kehoach_bot.domain.status import Status
from kehoach_bot.domain.vietnamese import format_date, shorten
from kehoach_bot.exports.chart_data import BAR_CATEGORIES, ChartData, chart_data
from kehoach_bot.services.exports import PlanTable
from kehoach_bot.texts import charts_vi as t
from kehoach_bot.texts.vi import STATUS_SHORT

FONT_FILE = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
COLOURS = {
    Status.DONE_ON_TIME: "#2e7d32",  # green: done on time
    Status.DONE_LATE: "#f9a825",  # amber: done, but late
    Status.OPEN_ON_TIME: "#1565c0",  # blue: still in progress, within the deadline
    Status.OPEN_OVERDUE: "#c62828",  # red: still open past the deadline
}
# Dark words on the light amber, white on the others.
LABEL_COLOURS = {Status.DONE_LATE: "#212121"}
RATE_MAP = matplotlib.colormaps["RdYlGn"].with_extremes(bad="#eeeeee")
META_COUNTS = "kehoach:counts"
META_UNITS = "kehoach:units"
WIDTH_INCHES = 10.8
DPI = 100  # 10.8 inches × 100 = 1080 px, a phone screen's width
BARS_HEIGHT = 6.5
ROW_HEIGHT = 0.48
UNIT_NAME_LIMIT = 32
PLAN_NAME_LIMIT = 70
_NUMBERED = re.compile(r"^\d+.*/")


def to_png(table: PlanTable) -> bytes:
    """The compliance chart of a plan's table, as PNG bytes (1080 px wide)."""
    data = chart_data(table)
    rates_height = ROW_HEIGHT * len(data.units) + 2.2 if data.units else 0.0
    figure = Figure(
        figsize=(WIDTH_INCHES, BARS_HEIGHT + rates_height + 1.2 if data.periods else 3.0),
        dpi=DPI,
        layout="constrained",
    )
    FigureCanvasAgg(figure)
    figure.suptitle(
        t.TITLE.format(plan=_plan_name(data), date=format_date(data.today)),
        fontproperties=_font(20),
    )
    if not data.periods:
        figure.text(0.5, 0.4, t.NOTHING_TRACKED, ha="center", fontproperties=_font(16))
    elif data.units:
        bars, rates = figure.subplots(2, 1, height_ratios=[BARS_HEIGHT, rates_height], squeeze=True)
        _draw_bars(bars, data)
        _draw_rates(rates, data)
    else:
        _draw_bars(figure.add_subplot(), data)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata=_metadata(data))
    return out.getvalue()


@cache
def _font(size: float) -> FontProperties:
    return FontProperties(fname=FONT_FILE, size=size)


def _plan_name(data: ChartData) -> str:
    """The plan's number when it has one ("KH số 743/KH-UBND"), else its title shortened."""
    if _NUMBERED.match(data.plan_number):
        return t.PLAN_NUMBER.format(number=data.plan_number)
    return shorten(data.plan_title, PLAN_NAME_LIMIT)


def _draw_bars(ax: Axes, data: ChartData) -> None:
    """Stacked bars of the four categories per period, each part with its count."""
    x = np.arange(len(data.periods))
    bottom = np.zeros(len(data.periods))
    highest = max(p.total for p in data.periods)
    for status in BAR_CATEGORIES:
        values = np.array([p.counts[status] for p in data.periods])
        total = int(values.sum())
        label = t.LEGEND_ITEM.format(status=STATUS_SHORT[status.value], count=total)
        bars = ax.bar(x, values, 0.7, bottom=bottom, color=COLOURS[status], label=label)
        if total:
            # A count is written inside its part when the part is tall enough to hold it.
            inside = [str(v) if v and v >= highest * 0.05 else "" for v in values]
            ax.bar_label(
                bars,
                labels=inside,
                label_type="center",
                color=LABEL_COLOURS.get(status, "white"),
                fontproperties=_font(13),
            )
        bottom = bottom + values
    ax.bar_label(
        bars, labels=[str(p.total) for p in data.periods], padding=3, fontproperties=_font(13)
    )
    ax.set_title(t.BARS_TITLE, loc="left", fontproperties=_font(16))
    ax.set_ylabel(t.BARS_AXIS, fontproperties=_font(14))
    ax.set_ylim(0, highest * 1.12)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="y", labelsize=13)
    many = len(data.periods) > 4
    ax.set_xticks(
        x,
        labels=[p.period for p in data.periods],
        rotation=35 if many else 0,
        ha="right" if many else "center",
        rotation_mode="anchor",
        fontproperties=_font(13),
    )
    ax.spines[["top", "right"]].set_visible(False)
    # Only the categories that have a bar get a line in the legend.
    handles, labels = ax.get_legend_handles_labels()
    present = [
        (h, lb)
        for h, lb, s in zip(handles, labels, BAR_CATEGORIES, strict=True)
        if any(p.counts[s] for p in data.periods)
    ]
    ax.legend(
        [h for h, _ in present],
        [lb for _, lb in present],
        loc="upper left",
        ncols=2,
        frameon=False,
        prop=_font(13),
        bbox_to_anchor=(0.0, -0.22 if many else -0.08),
    )


def _draw_rates(ax: Axes, data: ChartData) -> None:
    """Units × periods: each cell the unit's on-time rate, "—" where nothing is decided yet."""
    columns = [p.period for p in data.periods] + [t.OVERALL]
    grid = np.ma.masked_invalid(
        np.array(
            [[np.nan if r is None else r for r in u.rates] + [u.overall] for u in data.units],
            dtype=float,
        )
    )
    ax.imshow(grid, cmap=RATE_MAP, vmin=0.0, vmax=1.0, aspect="auto", interpolation="nearest")
    size = 13 if len(columns) <= 8 else 11 if len(columns) <= 14 else 9
    for row, unit in enumerate(data.units):
        for column, rate in enumerate([*unit.rates, unit.overall]):
            ax.text(
                column,
                row,
                t.NO_RATE if rate is None else t.RATE_CELL.format(percent=round(rate * 100)),
                ha="center",
                va="center",
                color="white" if rate is not None and (rate < 0.2 or rate > 0.8) else "#212121",
                fontproperties=_font(size),
            )
    ax.axvline(len(columns) - 1.5, color="white", linewidth=4)
    ax.set_yticks(
        range(len(data.units)),
        labels=[shorten(u.unit_name, UNIT_NAME_LIMIT) for u in data.units],
        fontproperties=_font(13),
    )
    many = len(columns) > 5
    ax.xaxis.tick_top()
    ax.set_xticks(
        range(len(columns)),
        labels=columns,
        rotation=35 if many else 0,
        ha="left" if many else "center",
        rotation_mode="anchor",
        fontproperties=_font(12),
    )
    ax.tick_params(length=0)
    ax.spines[:].set_visible(False)
    ax.set_title(t.RATES_TITLE, loc="left", fontproperties=_font(16))
    others = [t.OTHERS.format(count=data.units_left_out)] if data.units_left_out else []
    ax.set_xlabel("\n".join([*others, t.RATES_NOTE]), fontproperties=_font(12))


def _metadata(data: ChartData) -> dict[str, Any]:
    """The drawn numbers as JSON text chunks; nothing that changes from one run to the next."""
    counts = [
        {"period": p.period, "period_key": p.period_key}
        | {s.value: p.counts[s] for s in BAR_CATEGORIES}
        for p in data.periods
    ]
    units = {
        "shown": [
            {"unit": u.unit, "rates": list(u.rates), "overall": u.overall, "decided": u.decided}
            for u in data.units
        ],
        "left_out": data.units_left_out,
    }
    return {
        "Software": None,
        META_COUNTS: json.dumps(counts, ensure_ascii=True),
        META_UNITS: json.dumps(units, ensure_ascii=True),
    }

"""The board's pages as HTML: pure functions of the services' results, every value escaped."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape
from urllib.parse import quote, urlencode

from kehoach_bot.domain.status import Status
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services.board import CellDetail, Home, UnitPage
from kehoach_bot.services.board_grid import GridItem, PlanGrid
from kehoach_bot.services.tracking import OccurrenceView
from kehoach_bot.texts import board_admin_vi as ta
from kehoach_bot.texts import board_vi as t

# The filter's words in the address (?tinh-trang=qua-han) and the marks they stand for.
SLUGS: dict[str, str] = {
    "dung-han": Status.DONE_ON_TIME.value,
    "nop-qua-han": Status.DONE_LATE.value,
    "trong-han": Status.OPEN_ON_TIME.value,
    "qua-han": Status.OPEN_OVERDUE.value,
    "khong-theo-doi": Status.NOT_TRACKED.value,
    "sap-den-han": "due_soon",
    "cho-quyet-dinh": "needs_review",
}
SLUG_OF = {mark: slug for slug, mark in SLUGS.items()}
# The CSS class of each status category and mark (colours in static/board.css).
CSS: dict[str, str] = {
    Status.DONE_ON_TIME.value: "s-done",
    Status.DONE_LATE.value: "s-late",
    Status.OPEN_ON_TIME.value: "s-open",
    Status.OPEN_OVERDUE.value: "s-overdue",
    Status.NOT_TRACKED.value: "s-untracked",
    "due_soon": "s-soon",
    "needs_review": "s-review",
}
LEGEND = tuple(SLUGS.values())


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def frame(title: str, body: str, *, name: str | None = None) -> str:
    """A whole page: head, navigation (when signed in), the body."""
    nav = ""
    if name is not None:
        nav = (
            f'<nav><a href="/">{_e(t.NAV_HOME)}</a> · <a href="/don-vi">{_e(t.NAV_UNIT)}</a>'
            f'<span class="who">{_e(t.SIGNED_IN_AS.format(name=name))}</span></nav>'
        )
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)} — {_e(t.SITE_TITLE)}</title>"
        '<link rel="stylesheet" href="/static/board.css"></head>'
        f"<body>{nav}<main><h1>{_e(title)}</h1>{body}</main></body></html>"
    )


def refusal(message: str) -> str:
    """A page that says why the request was refused."""
    return frame(t.REFUSED_TITLE, f'<p class="refusal">{_e(message)}</p>')


def home_page(found: Home) -> str:
    """`/`: the plans the person follows and their units."""
    parts = [f'<p class="asof">{_e(t.AS_OF.format(date=format_date(found.today)))}</p>']
    if found.plans or found.is_admin or not found.units:
        heading = t.HOME_ALL_PLANS if found.is_admin else t.HOME_PLANS
        parts.append(f"<h2>{_e(heading)}</h2>")
        if found.is_admin:  # the flags page: groups, reviews, ended units
            parts.append(f'<p><a href="/quan-tri">{_e(ta.FLAGS_LINK)}</a></p>')
        if found.plans:
            links = "".join(
                f'<li><a href="/ke-hoach/{quote(code)}">{_e(code)}</a> — {_e(title)}'
                f' · <a href="/ke-hoach/{quote(code)}/tai-ve">{_e(ta.DOWNLOADS_LINK)}</a></li>'
                for code, title in found.plans
            )
            parts.append(f'<ul class="plans">{links}</ul>')
        else:
            parts.append(f"<p>{_e(t.HOME_NO_PLANS)}</p>")
    if found.units:
        lines = "".join(
            f"<li>{_e(t.HOME_UNIT_LINE.format(unit_name=u.unit_name, owed=u.owed))}</li>"
            for u in found.units
        )
        parts.append(
            f'<h2>{_e(t.HOME_UNITS)}</h2><ul class="units">{lines}</ul>'
            f'<p><a href="/don-vi">{_e(t.HOME_UNIT_LINK)}</a></p>'
        )
    return frame(t.HOME_TITLE, "".join(parts), name=found.full_name)


def grid_page(grid: PlanGrid) -> str:
    """`/ke-hoach/<code>`: counts, legend and filter, then the grid units × periods."""
    title = f"{grid.plan_number} — {grid.plan}" if grid.plan_number else grid.plan
    counts = {**{s.value: n for s, n in grid.counts.items()}}
    counts["due_soon"], counts["needs_review"] = grid.due_soon, grid.needs_review
    base = f"/ke-hoach/{quote(grid.plan)}"
    chips = [
        f'<a class="chip all{" on" if grid.mark is None else ""}" href="{_e(_query(base, grid))}">'
        f"{_e(t.GRID_ALL)} <b>{grid.total}</b></a>"
    ]
    for mark in LEGEND:
        on = " on" if grid.mark == mark else ""
        href = _query(base, grid, SLUG_OF[mark])
        chips.append(
            f'<a class="chip {CSS[mark]}{on}" data-mark="{mark}" '
            f'href="{_e(href)}">{_e(t.CATEGORY[mark])} '
            f'<b class="n">{counts.get(mark, 0)}</b></a>'
        )
    parts = [
        f'<p class="plan-title">{_e(grid.plan_title)}</p>',
        f'<p class="asof">{_e(t.AS_OF.format(date=format_date(grid.today)))} · '
        f"{_e(t.GRID_COUNTS.format(total=grid.total))}</p>",
        f'<div class="counts" aria-label="{_e(t.GRID_FILTER)}">{"".join(chips)}</div>',
        _filter_form(grid, base),
    ]
    if grid.narrowed:
        what = []
        if grid.search:
            what.append(t.FILTER_SEARCHED.format(value=grid.search))
        if grid.period:
            what.append(t.FILTER_PERIOD_IS.format(value=grid.period))
        if grid.kind:
            what.append(t.FILTER_KIND_IS.format(value=t.UNIT_KINDS.get(grid.kind, grid.kind)))
        parts.append(
            f'<p class="narrowed">'
            f"{_e(t.FILTER_SHOWING.format(what=', '.join(what), units=grid.unit_total))} · "
            f'{_e(t.FILTER_COUNTS_FOLLOW)} <a href="{base}">{_e(t.FILTER_CLEAR)}</a></p>'
        )
    if grid.mark is not None:
        parts.append(
            f'<p class="filtered">'
            f"{_e(t.GRID_FILTERED.format(label=t.CATEGORY[grid.mark], units=grid.unit_total))}</p>"
        )
    if not grid.rows:
        parts.append(f"<p>{_e(t.GRID_EMPTY if grid.mark else t.GRID_NONE_MATCH)}</p>")
    else:
        pager = _pager(grid, base)
        parts.extend((pager, _table(grid), pager))
    return frame(title, "".join(parts), name=grid.viewer)


def _query(base: str, grid: PlanGrid, slug: str | None = None, page: int = 1) -> str:
    """The grid's address with the current search, period and kind, a status filter and a
    page (the first page has none)."""
    pairs = [("tim", grid.search), ("ky", grid.period), ("loai", grid.kind)]
    if slug:
        pairs.append(("tinh-trang", slug))
    if page > 1:
        pairs.append(("trang", str(page)))
    kept = [(k, v) for k, v in pairs if v]
    return f"{base}?{urlencode(kept)}" if kept else base


def _pager(grid: PlanGrid, base: str) -> str:
    """Where this page stands and links to the pages beside it, keeping every filter."""
    if grid.pages <= 1:
        return ""
    slug = SLUG_OF[grid.mark] if grid.mark is not None else None
    first = (grid.page - 1) * grid.per_page + 1
    last = first + len(grid.rows) - 1
    where = t.GRID_PAGE.format(
        page=grid.page, pages=grid.pages, first=first, last=last, units=grid.unit_total
    )
    links = [f'<span class="where">{_e(where)}</span>']
    if grid.page > 1:
        href = _query(base, grid, slug, grid.page - 1)
        links.insert(0, f'<a rel="prev" href="{_e(href)}">{_e(t.GRID_PREVIOUS)}</a>')
    if grid.page < grid.pages:
        href = _query(base, grid, slug, grid.page + 1)
        links.append(f'<a rel="next" href="{_e(href)}">{_e(t.GRID_NEXT)}</a>')
    return f'<nav class="pager" aria-label="{_e(t.GRID_PAGES)}">{"".join(links)}</nav>'


def _options(chosen: str, choices: Iterable[tuple[str, str]]) -> str:
    found = [f'<option value="">{_e(t.FILTER_ANY)}</option>']
    for value, label in choices:
        selected = " selected" if value == chosen else ""
        found.append(f'<option value="{_e(value)}"{selected}>{_e(label)}</option>')
    return "".join(found)


def _filter_form(grid: PlanGrid, base: str) -> str:
    """The search and filters, sent by GET: the page works without any script."""
    periods = [(p.key, p.label) for p in grid.all_periods]
    if grid.period and grid.period not in {key for key, _ in periods}:
        periods.insert(0, (grid.period, grid.period))  # typed in the address: kept as written
    kinds = [(k, t.UNIT_KINDS.get(k, k)) for k in grid.kinds]
    status = (
        f'<input type="hidden" name="tinh-trang" value="{_e(SLUG_OF[grid.mark])}">'
        if grid.mark is not None
        else ""
    )
    return (
        f'<form class="filters" method="get" action="{base}" role="search">'
        f'<label>{_e(t.FILTER_SEARCH)} <input type="search" name="tim" value="{_e(grid.search)}" '
        f'placeholder="{_e(t.FILTER_SEARCH_HINT)}" maxlength="100"></label>'
        f'<label>{_e(t.FILTER_PERIOD)} <select name="ky">{_options(grid.period, periods)}'
        "</select></label>"
        f'<label>{_e(t.FILTER_KIND)} <select name="loai">{_options(grid.kind, kinds)}'
        f"</select></label>{status}"
        f'<button type="submit">{_e(t.FILTER_APPLY)}</button></form>'
    )


def _table(grid: PlanGrid) -> str:
    head = "".join(
        f'<th scope="col">{_e(p.label)}<small>{_e(format_date(p.first_due))}</small></th>'
        for p in grid.periods
    )
    body = []
    for row in grid.rows:
        group = f'<small class="group">{_e(t.GRID_GROUP)}</small>' if row.is_group else ""
        cells = "".join(
            f"<td>{''.join(_item(grid.plan, i) for i in cell)}</td>" for cell in row.cells
        )
        body.append(
            f'<tr data-unit="{_e(row.unit)}"><th scope="row">{_e(row.unit_name)}'
            f"<small>{_e(row.unit)}</small>{group}</th>{cells}</tr>"
        )
    return (
        '<div class="grid-wrap"><table class="grid">'
        f'<thead><tr><th scope="col" class="corner">{_e(t.GRID_UNIT)}</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def _item(plan: str, item: GridItem) -> str:
    classes = [CSS[item.status.value]]
    marks = []
    if item.due_soon:
        classes.append(CSS["due_soon"])
        marks.append(t.CATEGORY["due_soon"])
    if item.needs_review:
        classes.append(CSS["needs_review"])
        marks.append(t.CATEGORY["needs_review"])
    lines = [t.GRID_DUE.format(wording=item.wording, date=format_date(item.due))]
    if item.extended_to:
        lines.append(t.GRID_EXTENDED.format(date=format_date(item.extended_to)))
    if item.submitted_on:
        lines.append(t.GRID_SUBMITTED.format(date=format_date(item.submitted_on)))
    label = " · ".join([t.CATEGORY[item.status.value], *marks])
    return (
        f'<a class="cell {" ".join(classes)}" data-status="{item.status.value}" '
        f'href="{cell_href(plan, item.occurrence_id)}" '
        f'title="{_e(item.title)}"><span class="what">{_e(label)}</span>'
        f'<span class="when">{_e(" · ".join(lines))}</span></a>'
    )


def cell_href(plan: str, occurrence_id: int) -> str:
    """The address of a cell's details."""
    return f"/ke-hoach/{quote(plan)}/o/{occurrence_id}"


def file_href(reply_id: int) -> str:
    """The address of a submitted file's download."""
    return f"/tep/{reply_id}"


def _when(at: datetime) -> str:
    return f"{at:%H:%M} {format_date(at.date())}"


def cell_page(found: CellDetail) -> str:
    """`/ke-hoach/<code>/o/<id>`: a unit's report for one period, its answers and files,
    extensions and the messages the bot sent about it."""
    status = t.CATEGORY[found.status.value]
    marks = [t.CATEGORY["due_soon"]] if found.due_soon else []
    if found.needs_review:
        marks.append(t.CATEGORY["needs_review"])
    facts = [
        (t.CELL_UNIT, f"{found.unit_name} ({found.unit})"),
        (t.CELL_REPORT, found.title),
        (t.CELL_PERIOD, found.period),
        (t.CELL_DUE, f"{found.wording} {format_date(found.due)}"),
        (t.CELL_LAST_DAY, format_date(found.deadline)),
    ]
    if found.extended_to:
        facts.append((t.CELL_EXTENDED, format_date(found.extended_to)))
    if found.submitted_on:
        facts.append((t.CELL_SUBMITTED, format_date(found.submitted_on)))
    listed = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    badge = (
        f'<dt>{_e(t.CELL_STATUS)}</dt><dd><span class="cell {CSS[found.status.value]}" '
        f'data-status="{found.status.value}">{_e(" · ".join([status, *marks]))}</span></dd>'
    )
    parts = [
        f'<p><a href="/ke-hoach/{quote(found.plan)}">{_e(t.CELL_BACK)}</a></p>',
        f'<p class="asof">{_e(t.AS_OF.format(date=format_date(found.today)))}</p>',
        f'<dl class="facts">{listed}{badge}</dl>',
        f"<h2>{_e(t.CELL_ANSWERS)}</h2>",
    ]
    unknown = t.CELL_UNKNOWN_PERSON
    answers = (
        (
            _e(_when(a.at)),
            _e(a.by or unknown),
            _e(t.ANSWER_KIND[a.kind.value]),
            _e(a.note),
            _file(a.reply_id, a.file_name, found.may_download),
        )
        for a in found.answers
    )
    parts.append(_listing(t.CELL_ANSWER_HEADERS, list(answers), "answers", t.CELL_NO_ANSWERS))
    parts.append(f"<h2>{_e(t.CELL_EXTENSIONS)}</h2>")
    asked = (
        (
            _e(_when(x.asked_at)),
            _e(x.asked_by or unknown),
            _e(format_date(x.proposed)),
            _e(x.reason),
            _e(
                t.EXTENSION_STATUS[x.status.value]
                + (f" ({_when(x.decided_at)})" if x.decided_at else "")
            ),
            _e(x.decided_by),
        )
        for x in found.extensions
    )
    parts.append(
        _listing(t.CELL_EXTENSION_HEADERS, list(asked), "extensions", t.CELL_NO_EXTENSIONS)
    )
    parts.append(f"<h2>{_e(t.CELL_REMINDERS)}</h2>")
    sent = (
        (
            _e(_when(r.at)),
            _e(t.MESSAGE_KIND.get(r.kind.value, r.kind.value)),
            _e(r.stage),
            _e(r.to or unknown),
            f'<span data-delivery="{r.status.value}">'
            + _e(
                t.CELL_ATTEMPTS.format(
                    status=t.DELIVERY_STATUS[r.status.value], attempts=r.attempts
                )
                if r.attempts > 1
                else t.DELIVERY_STATUS[r.status.value]
            )
            + "</span>",
        )
        for r in found.reminders
    )
    parts.append(_listing(t.CELL_REMINDER_HEADERS, list(sent), "reminders", t.CELL_NO_REMINDERS))
    title = f"{found.unit_name} — {found.period}"
    return frame(title, "".join(parts), name=found.viewer)


def _file(reply_id: int, name: str | None, may_download: bool) -> str:
    if name is None:
        return ""
    if not may_download:
        return _e(t.CELL_FILE_HIDDEN.format(name=name))
    return (
        f'<a class="download" href="{file_href(reply_id)}" download>'
        f"{_e(t.CELL_DOWNLOAD.format(name=name))}</a>"
    )


def unit_page(found: UnitPage) -> str:
    """`/don-vi`: what the person's units owe, then their submissions."""
    parts = [
        f'<p class="asof">{_e(", ".join(found.units))} · '
        f"{_e(t.AS_OF.format(date=format_date(found.today)))}</p>",
        f"<h2>{_e(t.UNIT_OWED)}</h2>",
    ]
    if found.owed:
        parts.append(_rows(t.UNIT_HEADERS, (_owed_cells(v) for v in found.owed), "owed"))
    else:
        parts.append(f"<p>{_e(t.UNIT_NOTHING_OWED)}</p>")
    parts.append(f"<h2>{_e(t.UNIT_HISTORY)}</h2>")
    if found.history:
        lines = (
            (
                f"{h.at:%H:%M} {format_date(h.at.date())}",
                h.title,
                h.period,
                h.unit_name,
                h.file_name or "",
            )
            for h in found.history
        )
        parts.append(_rows(t.HISTORY_HEADERS, ((_e(c) for c in line) for line in lines), "hist"))
    else:
        parts.append(f"<p>{_e(t.UNIT_NO_HISTORY)}</p>")
    return frame(t.UNIT_TITLE, "".join(parts), name=found.full_name)


def _owed_cells(view: OccurrenceView) -> Iterable[str]:
    status = f'<span class="cell {CSS[view.status.value]}">{_e(t.CATEGORY[view.status.value])}'
    if view.due_soon:
        status += f" · {_e(t.CATEGORY['due_soon'])}"
    return (
        _e(view.title),
        _e(view.plan_number or view.plan),
        _e(view.period),
        _e(f"{view.wording_text} {format_date(view.due)}"),
        status + "</span>",
    )


def _listing(headers: tuple[str, ...], rows: list[tuple[str, ...]], name: str, none: str) -> str:
    """The rows as a table, or a line saying there are none."""
    return _rows(headers, rows, name) if rows else f"<p>{_e(none)}</p>"


def _rows(headers: tuple[str, ...], rows: Iterable[Iterable[str]], name: str) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    # Each cell carries its column's name: on a phone the rows are stacked as cards (board.css).
    body = "".join(
        "<tr>"
        + "".join(f'<td data-label="{_e(h)}">{c}</td>' for h, c in zip(headers, row, strict=True))
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="grid-wrap"><table class="list {name}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )

"""The admin's flags page, a plan's downloads page and the Mini App's entry page, as HTML: pure
functions of the services' results, every value escaped."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import quote

from kehoach_bot.board.pages import frame
from kehoach_bot.domain.vietnamese import format_date
from kehoach_bot.services.board_admin import AdminFlags, Downloads
from kehoach_bot.texts import board_admin_vi as t

MINI_SCRIPT = "/static/mini.js"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(headers: tuple[str, ...], rows: Iterable[Iterable[str]], name: str) -> str:
    """A list table; the cells are HTML already escaped by the caller."""
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="grid-wrap"><table class="list {name}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def _section(
    heading: str,
    todo: str,
    headers: tuple[str, ...],
    rows: Iterable[Iterable[str]],
    names: tuple[str, str],
) -> str:
    """One kind of flag: its heading, what settles it, and its table (CSS names: table, section)."""
    return (
        f'<section class="flags {names[1]}"><h2>{_e(heading)}</h2>'
        f'<p class="todo">{_e(todo)}</p>{_table(headers, rows, names[0])}</section>'
    )


def flags_page(found: AdminFlags) -> str:
    """`/quan-tri`: each kind of flag with the command that settles it in the bot."""
    parts = [f"<p>{_e(t.FLAGS_READ_ONLY)}</p>"]
    if found.empty:
        parts.append(f'<p class="none">{_e(t.FLAGS_NONE)}</p>')
    if found.unfilled:
        unfilled = (
            (_e(g.plan), _e(g.obligation), _e(g.group_name), _e(g.group)) for g in found.unfilled
        )
        parts.append(
            _section(
                t.GROUPS_HEADING.format(count=len(found.unfilled)),
                t.GROUPS_DO,
                t.GROUPS_HEADERS,
                unfilled,
                ("unfilled", "groups"),
            )
        )
    if found.to_review or found.undated:
        rows = [
            (_e(f.plan), _e(f.title), _e(f.schedule_text), _e(f.note), _e(t.REVIEW_DECIDE))
            for f in found.to_review
        ] + [
            (
                _e(f.plan),
                _e(f.title),
                _e(f.schedule_text),
                _e(f.note),
                _e(t.REVIEW_UNDATED.format(plan=f.plan, obligation=f.code)),
            )
            for f in found.undated
        ]
        parts.append(
            _section(
                t.REVIEW_HEADING.format(count=len(rows)),
                t.REVIEW_DO,
                t.REVIEW_HEADERS,
                rows,
                ("review", "review"),
            )
        )
    if found.ended:
        ended = [
            (
                _e(o.plan),
                _e(t.ENDED_ROLE.get(o.role, o.role)),
                _e(o.obligation or ""),
                f"{_e(o.unit_name)} <small>{_e(o.unit)}</small>",
                _e(format_date(o.ended_on) if o.ended_on else t.NO_DATE),
            )
            for o in found.ended
        ]
        parts.append(
            _section(
                t.ENDED_HEADING.format(count=len(found.ended)),
                t.ENDED_DO,
                t.ENDED_HEADERS,
                ended,
                ("ended", "ended"),
            )
        )
    return frame(t.FLAGS_TITLE, "".join(parts), name=found.full_name)


def downloads_page(found: Downloads) -> str:
    """`/ke-hoach/<code>/tai-ve`: the whole plan's table and chart, then each period's outputs."""
    base = f"/ke-hoach/{quote(found.plan, safe='')}"
    parts = [
        f'<p class="plan-title">{_e(found.plan_title)}</p>',
        f'<p><a href="{base}">{_e(t.DOWNLOADS_BACK)}</a></p>',
    ]
    if not found.periods:
        parts.append(f"<p>{_e(t.DOWNLOADS_NONE)}</p>")
    else:
        parts.append(
            f'<h2>{_e(t.DOWNLOADS_WHOLE)}</h2><ul class="downloads">'
            f'<li><a download href="{base}/xuat.xlsx">{_e(t.DOWNLOADS_XLSX)}</a></li>'
            f'<li><a download href="{base}/bieu-do.png">{_e(t.DOWNLOADS_PNG)}</a></li></ul>'
            f"<h2>{_e(t.DOWNLOADS_PERIODS)}</h2>"
        )
        rows = []
        for period in found.periods:
            key = quote(period.key, safe="")
            docx = f'<a download href="{base}/tong-hop/{key}.docx">{_e(t.DOWNLOADS_DOCX)}</a>'
            files = (
                f'<a download href="{base}/tep/{key}.zip">'
                f"{_e(t.DOWNLOADS_ZIP.format(files=period.files))}</a>"
                if period.files
                else _e(t.DOWNLOADS_NO_FILES)
            )
            rows.append((_e(period.label), docx, files))
        parts.append(_table(t.DOWNLOADS_HEADERS, rows, "periods"))
    title = t.DOWNLOADS_TITLE.format(plan=found.plan_number or found.plan)
    return frame(title, "".join(parts), name=found.full_name)


def mini_page() -> str:
    """`/mini`: the Mini App's entry; its script posts Telegram's initData to sign in."""
    body = (
        f'<p id="mini-wait">{_e(t.MINI_WAIT)}</p><p>{_e(t.MINI_OUTSIDE)}</p>'
        f'<script src="{MINI_SCRIPT}"></script>'
    )
    return frame(t.MINI_TITLE, body)

"""The five seed plans in a fresh database, seen through `bot.py calendar --json`."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from tests.auxil.cli import run_cli
from tests.conftest import NOW

Entries = list[dict[str, Any]]


@pytest.fixture
def entries(empty_url: str, monkeypatch: pytest.MonkeyPatch) -> Entries:
    """The full 2024–2027 calendar of a database created by this very command."""
    result = run_cli(
        ["calendar", "--from", "2024-01-01", "--to", "2027-12-31", "--json"],
        url=empty_url,
        now=NOW,
        monkeypatch=monkeypatch,
    )
    assert result.code == 0, result.err
    data: Entries = result.json()
    return data


def by(entries: Entries, plan: str, obligation: str) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in entries:
        if e["plan"] == plan and e["obligation"] == obligation:
            found[e["unit"]].append(e)
    return found


def test_every_entry_has_the_documented_keys(entries: Entries) -> None:
    keys = {
        "plan",
        "obligation",
        "title",
        "unit",
        "unit_name",
        "period",
        "due",
        "last_day",
        "wording",
        "status",
        "due_soon",
    }
    statuses = {"open_on_time", "open_overdue", "done_on_time", "done_late", "not_tracked"}
    assert entries
    for e in entries:
        assert keys <= e.keys()
        assert e["status"] in statuses
        assert isinstance(e["due_soon"], bool)


def test_la_gi_one_off_for_the_units_the_plan_names(entries: Entries) -> None:
    units = by(entries, "la-gi-81", "ke-hoach-thuc-hien")
    assert set(units) == {"LG-CAPUY", "LG-UBND", "LG-UBNDXA", "LG-BTGTU", "LG-MTTQ", "LG-DOANTHE"}
    for (entry,) in units.values():
        assert (entry["due"], entry["last_day"], entry["wording"]) == (
            "2024-07-20",
            "2024-07-19",
            "trước ngày",
        )
        # Loaded on NOW, long after it: history, not chased.
        assert entry["status"] == "not_tracked"


def test_binh_son_yearly_20_10_by_offices_and_communes(entries: Entries) -> None:
    units = by(entries, "binh-son-35", "bao-cao-hang-nam")
    assert "BS-UBNDXA" in units and "BS-PNV" in units and "BS-BHXH" in units
    assert "BS-PLDTBXH" not in units  # it collects the reports: it does not send one to itself
    for code, rows in units.items():
        # The district's offices ended with it on 1/7/2025; communes and BHXH go on.
        ended = code.startswith("BS-P") or code == "BS-VP"
        years = range(2024, 2025) if ended else range(2024, 2028)
        assert [r["due"] for r in rows] == [f"{y}-10-20" for y in years], code
        assert [r["period"] for r in rows] == [f"năm {y}" for y in years]
    # 20/10/2024 is a Sunday: "trước ngày" leaves Saturday 19/10 as the last on-time day.
    assert {rows[0]["last_day"] for rows in units.values()} == {"2024-10-19"}


def test_undated_obligations_stay_out_of_the_calendar(entries: Entries) -> None:
    assert not by(entries, "binh-son-35", "bao-cao-len-so")
    assert not [e for e in entries if e["plan"] == "binh-luc-92"]


def test_gia_lai_three_yearly_deadlines_2025_to_2027(entries: Entries) -> None:
    to_health = by(entries, "gia-lai-743", "gui-so-y-te")
    to_ministry = by(entries, "gia-lai-743", "bao-cao-bo-y-te")
    to_province = by(entries, "gia-lai-743", "bao-cao-ubnd-tinh")
    assert set(to_ministry) == {"GL-SYT"}
    assert [r["due"] for r in to_ministry["GL-SYT"]] == ["2025-12-05", "2026-12-05", "2027-12-05"]
    assert "GL-SYT" not in to_health  # Sở Y tế receives these
    for units, month_day in ((to_health, "11-25"), (to_province, "12-15")):
        assert units
        for rows in units.values():
            assert [r["due"] for r in rows] == [f"{y}-{month_day}" for y in (2025, 2026, 2027)]
    # District tasks passed to communes on 1/7/2025, as the plan says.
    assert "GL-UBNDXA" in to_health and "GL-UBNDHUYEN" not in to_health
    # Both dates of one flow are kept and flagged for an admin.
    assert all(r["needs_review"] for rows in to_health.values() for r in rows)
    assert all(r["needs_review"] for rows in to_province.values() for r in rows)


def test_dak_nong_30_6_and_31_12_until_2025_only(entries: Entries) -> None:
    six = {"DN-SGDDT", "DN-STTTT", "DN-SYT", "DN-SXD", "DN-SNNPTNT", "DN-BHXH"}
    half = by(entries, "dak-nong-33", "so-nganh-6-thang")
    year = by(entries, "dak-nong-33", "so-nganh-hang-nam")
    # Sở LĐTBXH reports for 2024; from 1/3/2025 its successor Sở Nội vụ does.
    assert set(half) == set(year) == six | {"DN-SLDTBXH", "DN-SNV"}
    for code in six:
        assert [r["due"] for r in half[code]] == ["2024-06-30", "2025-06-30"]
        assert [r["period"] for r in half[code]] == [
            "6 tháng đầu năm 2024",
            "6 tháng đầu năm 2025",
        ]
        assert [r["due"] for r in year[code]] == ["2024-12-31", "2025-12-31"]
    assert [r["due"] for r in half["DN-SLDTBXH"]] == ["2024-06-30"]
    assert [r["due"] for r in year["DN-SLDTBXH"]] == ["2024-12-31"]
    assert [r["due"] for r in half["DN-SNV"]] == ["2025-06-30"]
    assert [r["due"] for r in year["DN-SNV"]] == ["2025-12-31"]
    districts = by(entries, "dak-nong-33", "huyen-hang-nam")
    assert set(districts) == DAK_NONG_LOCALITIES
    for rows in districts.values():
        # District-level localities ended on 1/7/2025: the 2025 report is owed by no one.
        assert [r["due"] for r in rows] == ["2024-12-31"]
    assert not [e for e in entries if e["plan"] == "dak-nong-33" and e["due"] > "2025-12-31"]
    # 30/6/2024 is a Sunday; 31/12/2025 a Wednesday.
    assert half["DN-SYT"][0]["last_day"] == "2024-06-29"
    assert year["DN-SYT"][1]["last_day"] == "2025-12-30"


DAK_NONG_LOCALITIES = {
    "DN-GIANGHIA",
    "DN-CUJUT",
    "DN-DAKGLONG",
    "DN-DAKMIL",
    "DN-DAKRLAP",
    "DN-DAKSONG",
    "DN-KRONGNO",
    "DN-TUYDUC",
}


def test_dak_nong_half_year_2024_has_a_row_per_locality_and_per_named_so(entries: Entries) -> None:
    rows = [e for e in entries if e["plan"] == "dak-nong-33" and e["due"] == "2024-06-30"]
    sos = {"DN-SLDTBXH", "DN-SGDDT", "DN-STTTT", "DN-SYT", "DN-SXD", "DN-SNNPTNT", "DN-BHXH"}
    assert sorted(e["unit"] for e in rows) == sorted(DAK_NONG_LOCALITIES | sos)
    assert {e["unit"] for e in rows if e["obligation"] == "huyen-6-thang"} == DAK_NONG_LOCALITIES
    assert {e["unit"] for e in rows if e["obligation"] == "so-nganh-6-thang"} == sos
    assert {e["period"] for e in rows} == {"6 tháng đầu năm 2024"}
    names = {e["unit"]: e["unit_name"] for e in rows}
    assert names["DN-GIANGHIA"] == "Ủy ban nhân dân thành phố Gia Nghĩa"
    assert names["DN-DAKRLAP"] == "Ủy ban nhân dân huyện Đắk R'lấp"
    assert "DN-UBNDHUYEN" not in names  # the group no longer stands in for its members


def test_every_last_day_follows_the_written_policy(entries: Entries) -> None:
    for e in entries:
        if e["wording"] == "trước ngày":
            assert e["last_day"] < e["due"]
        else:
            assert e["last_day"] >= e["due"]


def test_due_soon_marks_reports_within_three_days(entries: Entries) -> None:
    # On 24/11/2026 Gia Lai's "trước ngày 25/11/2026" has its last on-time day today.
    soon = [e for e in entries if e["due_soon"]]
    assert soon and {e["due"] for e in soon} == {"2026-11-25"}
    assert {e["status"] for e in soon} == {"open_on_time"}


def test_a_fresh_install_chases_nothing_from_before_its_first_day(entries: Entries) -> None:
    # Installed on 24/11/2026: everything due earlier is history, the coming periods are tracked.
    assert not [e for e in entries if e["status"] == "open_overdue"]
    history = [e for e in entries if e["last_day"] < "2026-11-24"]
    assert history and {e["status"] for e in history} == {"not_tracked"}
    coming = [e for e in entries if e["last_day"] >= "2026-11-24"]
    assert coming and {e["status"] for e in coming} == {"open_on_time"}


def test_the_2025_reorganisation_takes_effect_on_its_dates(
    entries: Entries, empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    units = run_cli(["units", "--json"], url=empty_url, now=NOW, monkeypatch=monkeypatch).json()
    ended = {u["code"]: u["ended_on"] for u in units if u["ended_on"]}
    assert ended["DN-SLDTBXH"] == ended["QN-SLDTBXH"] == ended["HN-SLDTBXH"] == "2025-03-01"
    assert ended["BS-UBND"] == ended["BL-UBND"] == ended["DN-CUJUT"] == "2025-07-01"
    successors = {u["code"]: u["successors"] for u in units}
    assert successors["DN-SLDTBXH"] == ["DN-SNV"] and successors["HN-SLDTBXH"] == ["HN-SNV"]
    # No unit owes a period whose last on-time day is on or after its end.
    for e in entries:
        assert not (e["unit"] in ended and e["last_day"] >= ended[e["unit"]]), e
    # Đắk Nông: Sở LĐTBXH is the "qua" office and a reporting unit until 1/3/2025 only.
    dak_nong = [e for e in entries if e["plan"] == "dak-nong-33"]
    before = [e for e in dak_nong if e["last_day"] < "2025-03-01"]
    after = [e for e in dak_nong if e["last_day"] >= "2025-03-01"]
    assert before and after
    assert {e["via"] for e in before} == {"DN-SLDTBXH"}
    assert "DN-SLDTBXH" in {e["unit"] for e in before}
    assert {e["via"] for e in after} == {"DN-SNV"}
    assert "DN-SLDTBXH" not in {e["unit"] for e in after} | {e["via"] for e in after}
    assert "DN-SNV" in {e["unit"] for e in after if e["obligation"] == "so-nganh-hang-nam"}


def test_plans_whose_offices_ended_with_no_successor_need_a_decision(
    empty_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = run_cli(["plans", "--json"], url=empty_url, now=NOW, monkeypatch=monkeypatch).json()
    flagged = {p["code"]: p["needs_decision"] for p in plans}
    # The district UBND that issued Bình Sơn's and Bình Lục's plans ended on 1/7/2025.
    assert {"role": "issuer", "unit": "BS-UBND"} in [
        {"role": f["role"], "unit": f["unit"]} for f in flagged["binh-son-35"]
    ]
    assert any(f["role"] == "issuer" and f["unit"] == "BL-UBND" for f in flagged["binh-luc-92"])
    # Sở LĐTBXH has a successor: Đắk Nông's plan is not flagged for it.
    assert not [f for f in flagged["dak-nong-33"] if f["unit"] == "DN-SLDTBXH"]
    text = run_cli(["plans"], url=empty_url, now=NOW, monkeypatch=monkeypatch).out
    assert "Cần quyết định" in text and "cơ quan ban hành" in text

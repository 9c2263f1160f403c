"""The simulation of the sample ledgers (``sample_data/simulation``): reproducible, well-formed.

The committed FEC and budget files must be what ``python -m
sample_data.simulation`` writes from ``sample_data/recyclerie/ledger.toml``,
byte for byte; the FEC files are checked with plain Python
(:mod:`tests.sample_data.plain_files`).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from sample_data.simulation import generate_all
from sample_data.simulation.spec import load_case
from tests.sample_data.plain_files import (
    CASE,
    FEC_FILES,
    SAMPLE,
    budget_csv,
    by_heading,
    cents,
    fec,
    signed,
)

AMOUNT = re.compile(r"^\d+,\d{2}$")
GENERATED = (
    "recyclerie/FEC_2025.txt",
    "recyclerie/FEC_2026_01-10.txt",
    "recyclerie/budget_2026.xlsx",
    "recyclerie/budget_2026.csv",
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate_all(out)
    return out


def _relative(files: list[Path], base: Path) -> list[str]:
    return sorted(str(p.relative_to(base)) for p in files)


# -- the simulation -------------------------------------------------------------------


def test_generator_is_deterministic_and_reads_only_the_cases_specs(
    generated: Path, tmp_path: Path
) -> None:
    """A second run, from a copy of the specs and section files alone, writes the same bytes."""
    source = tmp_path / "cases"
    for case in ("recyclerie", "scic-energie", "blank"):
        keep = shutil.ignore_patterns("FEC_*", "budget_*", "dossier.json", "README.md")
        shutil.copytree(SAMPLE / case, source / case, ignore=keep)
    again = generate_all(tmp_path / "b", source)
    first = sorted(p for p in generated.rglob("*") if p.is_file())
    assert _relative(first, generated) == _relative(again, tmp_path / "b")
    assert len(again) == 7
    for a, b in zip(first, sorted(again), strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs"


@pytest.mark.parametrize("name", GENERATED)
def test_committed_files_are_up_to_date(generated: Path, name: str) -> None:
    assert (SAMPLE / name).read_bytes() == (generated / name).read_bytes(), (
        f"sample_data/{name} is stale: run `python -m sample_data.simulation`"
    )


def test_the_spec_refuses_an_unknown_key(tmp_path: Path) -> None:
    (tmp_path / "ledger.toml").write_text(
        (CASE / "ledger.toml")
        .read_text("utf-8")
        .replace('kind = "supplier"', 'kind = "supplier"\nsaison = "elec"', 1),
        "utf-8",
    )
    with pytest.raises(TypeError, match="saison"):
        load_case(tmp_path)


def test_the_spec_reads_as_the_readme_tells() -> None:
    case = load_case(CASE)
    assert (case.year_1, case.year_2, case.dates["cutoff"]) == (2025, 2026, dt.date(2026, 10, 31))
    assert case.budget.balancing_account == "748110"
    assert {s.account for s in case.lines if s.kind == "grant"} == {
        "741120",
        "741210",
        "741310",
        "741410",
        "741510",
        "741710",
        "741810",
    }
    assert case.cvn_pairs == {"864000": "875000", "861000": "871000"}
    region = case.line("741210")
    assert region is not None
    assert region.instalments(year_2=True, actual=False)[0][:2] == (4, 15)
    assert region.instalments(year_2=True, actual=True)[0][:2] == (6, 16)


# -- the FEC files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", FEC_FILES)
def test_fec_format(name: str) -> None:
    path = SAMPLE / name
    assert path.stat().st_size < 2_000_000
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    rows = fec(path)
    assert 2_000 < len(rows) < 10_000
    for row in rows:
        for column in ("EcritureDate", "PieceDate", "ValidDate"):
            assert re.fullmatch(r"\d{8}", row[column]), row
            dt.date.fromisoformat(row[column])
        assert AMOUNT.match(row["Debit"]), row
        assert AMOUNT.match(row["Credit"]), row
        assert (cents(row["Debit"]) == 0) != (cents(row["Credit"]) == 0), row
        assert re.fullmatch(r"\d{6}", row["CompteNum"]), row
        assert row["JournalCode"] in {"AN", "AC", "VE", "BQ", "OD", "PA"}
        assert row["ValidDate"] >= row["EcritureDate"]
        assert row["PieceDate"] <= row["EcritureDate"]
        assert bool(row["CompAuxNum"]) == bool(row["CompAuxLib"])
        assert bool(row["EcritureLet"]) == bool(row["DateLet"])


@pytest.mark.parametrize("name", FEC_FILES)
def test_every_entry_balances(name: str) -> None:
    totals: dict[str, int] = defaultdict(int)
    dates: dict[str, set[str]] = defaultdict(set)
    for row in fec(SAMPLE / name):
        totals[row["EcritureNum"]] += signed(row)
        dates[row["EcritureNum"]].add(row["EcritureDate"])
    assert len(totals) > 1_000
    unbalanced = {num: total for num, total in totals.items() if total != 0}
    assert not unbalanced
    assert all(len(d) == 1 for d in dates.values()), "one date per EcritureNum"


@pytest.mark.parametrize("name", FEC_FILES)
def test_lettered_groups_balance(name: str) -> None:
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for row in fec(SAMPLE / name):
        if row["EcritureLet"]:
            groups[(row["CompteNum"], row["EcritureLet"])] += signed(row)
    assert len(groups) > 300
    assert all(total == 0 for total in groups.values())


def test_fec_2025_covers_the_calendar_year() -> None:
    rows = fec(CASE / "FEC_2025.txt")
    dates = {row["EcritureDate"] for row in rows}
    assert min(dates) == "20250101"
    assert max(dates) == "20251231"
    opening = [row for row in rows if row["JournalCode"] == "AN"]
    assert opening
    assert {row["EcritureDate"] for row in opening} == {"20250101"}
    assert all(row["CompteNum"][0] in "12345" for row in opening)


def test_fec_2025_totals_match_the_narrative() -> None:
    headings = by_heading(fec(CASE / "FEC_2025.txt"))
    charges = sum(v for k, v in headings.items() if "60" <= k <= "68")
    income = -sum(v for k, v in headings.items() if "70" <= k <= "78")
    assert 1_000_000_00 <= charges <= 1_200_000_00
    assert 1_000_000_00 <= income <= 1_200_000_00
    assert 0.60 <= headings["64"] / charges <= 0.65
    assert 0.55 <= -headings["74"] / income <= 0.70
    assert -headings["79"] > 0
    # voluntary contributions in kind: uses equal sources
    assert headings["86"] == -headings["87"] > 50_000_00
    result = income - headings.get("79", 0) - charges - headings.get("69", 0)
    assert 0 < result < 50_000_00


def test_fec_2026_stops_at_the_end_of_october() -> None:
    rows = fec(CASE / "FEC_2026_01-10.txt")
    dates = [row["EcritureDate"] for row in rows]
    assert min(dates) == "20260101"
    assert max(dates) <= "20261031"
    assert max(dates) >= "20261030"
    assert max(row["ValidDate"] for row in rows) <= "20261106"


def test_fec_2026_opens_with_the_2025_closing_balances() -> None:
    closing: dict[tuple[str, str], int] = defaultdict(int)
    result = 0
    for row in fec(CASE / "FEC_2025.txt"):
        account = row["CompteNum"]
        if account[0] in "12345":
            closing[(account, row["CompAuxNum"])] += signed(row)
        elif account[0] in "67":
            result -= signed(row)
    closing[("120000" if result >= 0 else "129000", "")] -= result
    opening: dict[tuple[str, str], int] = defaultdict(int)
    for row in fec(CASE / "FEC_2026_01-10.txt"):
        if row["JournalCode"] == "AN":
            opening[(row["CompteNum"], row["CompAuxNum"])] += signed(row)
    assert {k: v for k, v in closing.items() if v} == dict(opening)


# -- the budget -------------------------------------------------------------------------


def _xlsx_rows() -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(CASE / "budget_2026.xlsx", read_only=True)
    try:
        assert wb.sheetnames[0] == "Budget"
        return list(wb["Budget"].iter_rows(values_only=True))
    finally:
        wb.close()


def test_budget_xlsx_is_balanced() -> None:
    rows = _xlsx_rows()
    header = rows[0]
    assert header[:5] == ("Compte", "Libellé", "Rubrique", "Code analytique", "Financeur")
    assert header[5] == "Janvier"
    assert header[16] == "Décembre"
    assert header[17] == "Total"
    charges = income = 0
    for row in rows[1:]:
        account, _label, heading, code, funder = row[:5]
        assert isinstance(account, str)
        assert re.fullmatch(r"\d{6}", account)
        assert heading == account[:2]
        assert code in {"RECY", "ACI", "STRUCT"}
        assert bool(funder) == account.startswith("74")
        months = [round(float(str(v)) * 100) for v in row[5:17]]
        total = round(float(str(row[17])) * 100)
        assert sum(months) == total
        if account.startswith(("6", "86")):
            charges += total
        else:
            assert account.startswith(("7", "87"))
            income += total
    assert charges == income
    assert 1_000_000_00 < charges < 1_300_000_00


def test_budget_csv_matches_the_xlsx() -> None:
    rows = budget_csv()
    xlsx = _xlsx_rows()
    assert tuple(rows[0]) == xlsx[0]
    assert len(rows) == len(xlsx)
    for text_row, cell_row in zip(rows[1:], xlsx[1:], strict=True):
        assert text_row[:5] == [v or "" for v in cell_row[:5]]
        assert [cents(v) for v in text_row[5:]] == [
            round(float(str(v)) * 100) for v in cell_row[5:]
        ]
    contributions = {row[0]: cents(row[17]) for row in rows[1:] if row[0][:2] in {"86", "87"}}
    assert sum(v for k, v in contributions.items() if k.startswith("86")) == sum(
        v for k, v in contributions.items() if k.startswith("87")
    )

"""The simulation of the sample ledgers (``sample_data/simulation``): reproducible, well-formed.

The committed FEC and budget files of each case with accounts (the recyclerie
and the SCIC) must be what ``python -m sample_data.simulation`` writes from
its ``ledger.toml``, byte for byte; the FEC files are checked with plain
Python (:mod:`tests.sample_data.plain_files`).
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
    LEDGER_CASES,
    SAMPLE,
    SCIC,
    budget_csv,
    by_heading,
    cents,
    fec,
    signed,
)

AMOUNT = re.compile(r"^\d+,\d{2}$")
GENERATED = tuple(
    f"{case}/{name}"
    for case in LEDGER_CASES
    for name in ("FEC_2025.txt", "FEC_2026_01-10.txt", "budget_2026.xlsx", "budget_2026.csv")
)
SIZES = {"recyclerie": (2_000, 10_000, 1_000, 300), "scic-energie": (3_000, 6_000, 1_000, 300)}
"""Per case: FEC rows (low, high), entries (more than), lettered groups (more than)."""


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate_all(out)
    return out


def _relative(files: list[Path], base: Path) -> list[str]:
    return sorted(str(p.relative_to(base)) for p in files)


def _case(name: str) -> str:
    return name.split("/", maxsplit=1)[0]


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
    assert len(again) == 11  # 4 files for each case with accounts, 3 dossiers
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


def test_the_spec_refuses_an_unknown_table(tmp_path: Path) -> None:
    (tmp_path / "ledger.toml").write_text(
        (SCIC / "ledger.toml").read_text("utf-8").replace("\n[vat]\n", "\n[tva]\n", 1), "utf-8"
    )
    with pytest.raises(ValueError, match="unknown tables"):
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
    assert case.vat is None and not case.analytic_column
    assert [(loan.account, loan.interest_account) for loan in case.loans] == [("164000", "661100")]


def test_the_scic_spec_reads_as_its_readme_tells() -> None:
    case = load_case(SCIC)
    assert (case.year_1, case.year_2, case.dates["cutoff"]) == (2025, 2026, dt.date(2026, 10, 31))
    assert case.budget.balancing_account == ""  # a cooperative's budget shows its result
    assert {s.account for s in case.lines if s.kind == "grant"} == {"741210", "741410"}
    assert case.cvn_pairs == {"864000": "875000"}
    assert [(loan.account, loan.per_year, loan.method) for loan in case.loans] == [
        ("164100", 12, "annuity"),
        ("164200", 12, "annuity"),
        ("168100", 4, "constant"),
    ]
    assert case.vat is not None and case.vat.payable == "445510"
    assert case.allocation == {"106100": 0.15, "106300": 0.75, "110000": 0.10}
    assert case.analytic_column == "CodeAnalytique"
    assert set(case.analytic_codes) == {
        "PROD",
        "ACCOMP",
        "SOBRIETE",
        "EPARGNE",
        "ETUDES",
        "EOLIEN",
        "STRUCT",
    }
    assert case.factor_months == {"701100": (5, 6, 7, 8), "701200": (5, 6, 7, 8)}


# -- the FEC files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", FEC_FILES)
def test_fec_format(name: str) -> None:
    path = SAMPLE / name
    low, high, _, _ = SIZES[_case(name)]
    assert path.stat().st_size < 2_000_000
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    rows = fec(path)
    assert low < len(rows) < high
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
    assert len(totals) > SIZES[_case(name)][2]
    unbalanced = {num: total for num, total in totals.items() if total != 0}
    assert not unbalanced
    assert all(len(d) == 1 for d in dates.values()), "one date per EcritureNum"


@pytest.mark.parametrize("name", FEC_FILES)
def test_lettered_groups_balance(name: str) -> None:
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for row in fec(SAMPLE / name):
        if row["EcritureLet"]:
            groups[(row["CompteNum"], row["EcritureLet"])] += signed(row)
    assert len(groups) > SIZES[_case(name)][3]
    assert all(total == 0 for total in groups.values())


@pytest.mark.parametrize("case", LEDGER_CASES)
def test_fec_2025_covers_the_calendar_year(case: str) -> None:
    rows = fec(SAMPLE / case / "FEC_2025.txt")
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


def test_scic_fec_2025_totals_match_its_readme() -> None:
    """The table « Chiffres 2025 » of sample_data/scic-energie/README.md, to the cent."""
    headings = by_heading(fec(SCIC / "FEC_2025.txt"))
    charges = sum(v for k, v in headings.items() if "60" <= k <= "68")
    income = -sum(v for k, v in headings.items() if "70" <= k <= "78")
    assert (charges, income) == (479_767_94, 493_567_40)
    assert income - charges == 13_799_46  # README: résultat 2025
    assert -headings["70"] == 442_267_40  # sales of electricity and services: 90 % of income
    # 64, by hand from effectif_2025.csv: gross 11 × 14 958,33 + (14 958,33 + 4 800) in
    # December = 184 299,96 €; employer rates 21,5 % + 6,2 % + 1,2 % rounded on each month's
    # gross: 11 × (3 216,04 + 927,42 + 179,50) + (4 248,04 + 1 225,02 + 237,10) = 53 262,72 €;
    # mutuelle 12 × 180 €; paid-leave provision 650 €; occupational health 620 €.
    assert headings["64"] == 184_299_96 + 53_262_72 + 2_160_00 + 650_00 + 620_00
    assert headings["68"] == 90_000_00 + 9_300_00 + 4_800_00 + 2_400_00 + 2_000_00
    assert headings["86"] == -headings["87"] == 21_384_00  # 1 800 h × 11,88 €


@pytest.mark.parametrize("case", LEDGER_CASES)
def test_fec_2026_stops_at_the_end_of_october(case: str) -> None:
    rows = fec(SAMPLE / case / "FEC_2026_01-10.txt")
    dates = [row["EcritureDate"] for row in rows]
    assert min(dates) == "20260101"
    assert max(dates) <= "20261031"
    assert max(dates) >= "20261030"
    assert max(row["ValidDate"] for row in rows) <= "20261106"


@pytest.mark.parametrize("case", LEDGER_CASES)
def test_fec_2026_opens_with_the_2025_closing_balances(case: str) -> None:
    closing: dict[tuple[str, str], int] = defaultdict(int)
    result = 0
    for row in fec(SAMPLE / case / "FEC_2025.txt"):
        account = row["CompteNum"]
        if account[0] in "12345":
            closing[(account, row["CompAuxNum"])] += signed(row)
        elif account[0] in "67":
            result -= signed(row)
    closing[("120000" if result >= 0 else "129000", "")] -= result
    opening: dict[tuple[str, str], int] = defaultdict(int)
    for row in fec(SAMPLE / case / "FEC_2026_01-10.txt"):
        if row["JournalCode"] == "AN":
            opening[(row["CompteNum"], row["CompAuxNum"])] += signed(row)
    assert {k: v for k, v in closing.items() if v} == dict(opening)


# -- what a SCIC adds: analytic codes, VAT, loans, reserves -------------------------------


@pytest.mark.parametrize("name", ["FEC_2025.txt", "FEC_2026_01-10.txt"])
def test_every_scic_charge_and_income_row_has_an_analytic_code(name: str) -> None:
    codes = set(load_case(SCIC).analytic_codes)
    for row in fec(SCIC / name):
        if row["CompteNum"][0] in "678":
            assert row["CodeAnalytique"] in codes, row
        else:
            assert row["CodeAnalytique"] == "", row


def test_the_scic_vat_is_declared_every_month_and_its_accounts_clear() -> None:
    """Collected and deductible VAT are cleared by each monthly return (445710, 4456x at zero)."""
    balance: dict[tuple[str, str], int] = defaultdict(int)
    returns = set()
    for name in ("FEC_2025.txt", "FEC_2026_01-10.txt"):
        for row in fec(SCIC / name):
            if row["JournalCode"] == "AN":
                continue
            month = row["EcritureDate"][:6]
            if row["CompteNum"] in {"445710", "445660", "445620"}:
                balance[(month, row["CompteNum"])] += signed(row)
            if row["EcritureLib"].startswith("Déclaration de TVA"):
                returns.add(month)
    assert returns == {f"2025{m:02d}" for m in range(1, 13)} | {
        f"2026{m:02d}" for m in range(1, 11)
    }
    assert {k: v for k, v in balance.items() if v} == {}


def test_the_scic_crowdlending_is_repaid_by_quarters_of_constant_capital() -> None:
    # 80 000 € over 5 years in 20 quarters: 4 000 € of capital each; the first quarter's
    # interest is 80 000 × 5 % / 4 = 1 000 €, the second 76 000 × 5 % / 4 = 950 € (by hand).
    rows = [
        r
        for r in fec(SCIC / "FEC_2025.txt")
        if r["CompteNum"] in {"168100", "661600"} and r["JournalCode"] == "BQ"
    ]
    paid = [(r["EcritureDate"][:6], r["CompteNum"], signed(r)) for r in rows]
    assert paid == [
        ("202506", "168100", -80_000_00),
        ("202509", "168100", 4_000_00),
        ("202509", "661600", 1_000_00),
        ("202512", "168100", 4_000_00),
        ("202512", "661600", 950_00),
    ]


def test_the_scic_general_assembly_allocates_the_surplus_to_its_reserves() -> None:
    # 2025 result 13 799,46 € shared 15 / 75 / 10 % in cents, largest remainder (by hand):
    # 206 991,9 + 1 034 959,5 + 137 994,6 cents; the floors leave 2 cents, which go to the
    # largest remainders 0,9 (106100) and 0,6 (110000).
    rows = [r for r in fec(SCIC / "FEC_2026_01-10.txt") if r["PieceRef"] == "AG-2026"]
    allocated = {r["CompteNum"]: signed(r) for r in rows}
    assert allocated == {
        "120000": 13_799_46,
        "106100": -2_069_92,
        "106300": -10_349_59,
        "110000": -1_379_95,
    }
    assert sum(allocated.values()) == 0


# -- the budget -------------------------------------------------------------------------


def _xlsx_rows(case: Path) -> list[tuple[object, ...]]:
    wb = openpyxl.load_workbook(case / "budget_2026.xlsx", read_only=True)
    try:
        assert wb.sheetnames[0] == "Budget"
        return list(wb["Budget"].iter_rows(values_only=True))
    finally:
        wb.close()


@pytest.mark.parametrize(
    ("case", "result", "low", "high"),
    [
        (CASE, 0, 1_000_000_00, 1_300_000_00),  # balanced on the foundation grant
        (SCIC, 19_620_49, 450_000_00, 550_000_00),  # README: excédent prévisionnel 2026
    ],
)
def test_budget_xlsx_totals(case: Path, result: int, low: int, high: int) -> None:
    rows = _xlsx_rows(case)
    header = rows[0]
    assert header[:5] == ("Compte", "Libellé", "Rubrique", "Code analytique", "Financeur")
    assert header[5] == "Janvier"
    assert header[16] == "Décembre"
    assert header[17] == "Total"
    codes = set(load_case(case).analytic_codes)
    charges = income = 0
    for row in rows[1:]:
        account, _label, heading, code, funder = row[:5]
        assert isinstance(account, str)
        assert re.fullmatch(r"\d{6}", account)
        assert heading == account[:2]
        assert code in codes
        assert bool(funder) == account.startswith("74")
        months = [round(float(str(v)) * 100) for v in row[5:17]]
        total = round(float(str(row[17])) * 100)
        assert sum(months) == total
        if account.startswith(("6", "86")):
            charges += total
        else:
            assert account.startswith(("7", "87"))
            income += total
    assert income - charges == result
    assert low < charges < high


@pytest.mark.parametrize("case", [CASE, SCIC])
def test_budget_csv_matches_the_xlsx(case: Path) -> None:
    rows = budget_csv(case)
    xlsx = _xlsx_rows(case)
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

"""The sample cases under ``sample_data/``: reproducible, well-formed and coherent.

The generator is loaded from its file (``sample_data`` is not a package). The
FEC files are parsed with plain Python so that these tests do not depend on
essdiag's own FEC reader.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from essdiag.dossier import read_dossier_json
from essdiag.identity import luhn_valid
from essdiag.ledger.fec import FEC_COLUMNS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data"
FEC_FILES = ("recyclerie/FEC_2025.txt", "recyclerie/FEC_2026_01-10.txt")
DOSSIERS = ("recyclerie", "scic-energie", "blank")
AMOUNT = re.compile(r"^\d+,\d{2}$")


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("essdiag_sample_generate", SAMPLE / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def generated(generator: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generator.generate_all(out)
    return out


def _cents(text: str) -> int:
    units, cents = text.split(",")
    return int(units) * 100 + int(cents)


def _fec(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "the file ends with a newline"
    header = tuple(lines[0].split("\t"))
    assert header == FEC_COLUMNS
    rows = []
    for number, line in enumerate(lines[1:-1], start=2):
        fields = line.split("\t")
        assert len(fields) == len(FEC_COLUMNS), f"line {number}: {len(fields)} fields"
        rows.append(dict(zip(FEC_COLUMNS, fields, strict=True)))
    return rows


def _signed(row: dict[str, str]) -> int:
    return _cents(row["Debit"]) - _cents(row["Credit"])


def _by_heading(rows: list[dict[str, str]]) -> dict[str, int]:
    """Year activity by 2-digit heading, debit positive, opening entries left out."""
    out: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["JournalCode"] != "AN":
            out[row["CompteNum"][:2]] += _signed(row)
    return out


def _relative(files: list[Path], base: Path) -> list[str]:
    return sorted(str(p.relative_to(base)) for p in files)


# -- the generator --------------------------------------------------------------------


def test_generator_is_deterministic(generator: ModuleType, tmp_path: Path) -> None:
    first = generator.generate_all(tmp_path / "a")
    second = generator.generate_all(tmp_path / "b")
    assert _relative(first, tmp_path / "a") == _relative(second, tmp_path / "b")
    assert len(first) == 7
    for a, b in zip(sorted(first), sorted(second), strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs"


@pytest.mark.parametrize(
    "name",
    [
        "recyclerie/FEC_2025.txt",
        "recyclerie/FEC_2026_01-10.txt",
        "recyclerie/budget_2026.xlsx",
        "recyclerie/budget_2026.csv",
    ],
)
def test_committed_files_are_up_to_date(generated: Path, name: str) -> None:
    assert (SAMPLE / name).read_bytes() == (generated / name).read_bytes(), (
        f"sample_data/{name} is stale: run `python sample_data/generate.py`"
    )


@pytest.mark.parametrize("case", DOSSIERS)
def test_committed_dossier_identities_are_up_to_date(generated: Path, case: str) -> None:
    committed = json.loads((SAMPLE / case / "dossier.json").read_text(encoding="utf-8"))
    fresh = json.loads((generated / case / "dossier.json").read_text(encoding="utf-8"))
    assert committed["identity"] == fresh["identity"]


def test_luhn_helpers_match_essdiag(generator: ModuleType) -> None:
    for prefix in ("84127963", "90563218", "00000000", "12345678"):
        siren = generator.fictional_siren(prefix)
        assert luhn_valid(siren)
        assert luhn_valid(generator.head_office_siret(siren))
        assert not luhn_valid(siren[:-1] + str((int(siren[-1]) + 1) % 10))


# -- the FEC files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", FEC_FILES)
def test_fec_format(name: str) -> None:
    path = SAMPLE / name
    assert path.stat().st_size < 2_000_000
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    rows = _fec(path)
    assert 2_000 < len(rows) < 10_000
    for row in rows:
        for column in ("EcritureDate", "PieceDate", "ValidDate"):
            assert re.fullmatch(r"\d{8}", row[column]), row
            dt.date.fromisoformat(row[column])
        assert AMOUNT.match(row["Debit"]), row
        assert AMOUNT.match(row["Credit"]), row
        assert (_cents(row["Debit"]) == 0) != (_cents(row["Credit"]) == 0), row
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
    for row in _fec(SAMPLE / name):
        totals[row["EcritureNum"]] += _signed(row)
        dates[row["EcritureNum"]].add(row["EcritureDate"])
    assert len(totals) > 1_000
    unbalanced = {num: total for num, total in totals.items() if total != 0}
    assert not unbalanced
    assert all(len(d) == 1 for d in dates.values()), "one date per EcritureNum"


@pytest.mark.parametrize("name", FEC_FILES)
def test_lettered_groups_balance(name: str) -> None:
    groups: dict[tuple[str, str], int] = defaultdict(int)
    for row in _fec(SAMPLE / name):
        if row["EcritureLet"]:
            groups[(row["CompteNum"], row["EcritureLet"])] += _signed(row)
    assert len(groups) > 300
    assert all(total == 0 for total in groups.values())


def test_fec_2025_covers_the_calendar_year() -> None:
    rows = _fec(SAMPLE / "recyclerie/FEC_2025.txt")
    dates = {row["EcritureDate"] for row in rows}
    assert min(dates) == "20250101"
    assert max(dates) == "20251231"
    opening = [row for row in rows if row["JournalCode"] == "AN"]
    assert opening
    assert {row["EcritureDate"] for row in opening} == {"20250101"}
    assert all(row["CompteNum"][0] in "12345" for row in opening)


def test_fec_2025_totals_match_the_narrative() -> None:
    headings = _by_heading(_fec(SAMPLE / "recyclerie/FEC_2025.txt"))
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
    rows = _fec(SAMPLE / "recyclerie/FEC_2026_01-10.txt")
    dates = [row["EcritureDate"] for row in rows]
    assert min(dates) == "20260101"
    assert max(dates) <= "20261031"
    assert max(dates) >= "20261030"
    assert max(row["ValidDate"] for row in rows) <= "20261106"


def test_fec_2026_opens_with_the_2025_closing_balances() -> None:
    closing: dict[tuple[str, str], int] = defaultdict(int)
    result = 0
    for row in _fec(SAMPLE / "recyclerie/FEC_2025.txt"):
        account = row["CompteNum"]
        if account[0] in "12345":
            closing[(account, row["CompAuxNum"])] += _signed(row)
        elif account[0] in "67":
            result -= _signed(row)
    closing[("120000" if result >= 0 else "129000", "")] -= result
    opening: dict[tuple[str, str], int] = defaultdict(int)
    for row in _fec(SAMPLE / "recyclerie/FEC_2026_01-10.txt"):
        if row["JournalCode"] == "AN":
            opening[(row["CompteNum"], row["CompAuxNum"])] += _signed(row)
    assert {k: v for k, v in closing.items() if v} == dict(opening)


def _budget_csv() -> list[list[str]]:
    with (SAMPLE / "recyclerie/budget_2026.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def _ytd_budget_and_actual(accounts: tuple[str, ...]) -> tuple[int, int]:
    budget = sum(
        sum(_cents(v) for v in row[5:15]) for row in _budget_csv()[1:] if row[0] in accounts
    )
    actual = sum(
        _signed(row)
        for row in _fec(SAMPLE / "recyclerie/FEC_2026_01-10.txt")
        if row["JournalCode"] != "AN" and row["CompteNum"] in accounts
    )
    return budget, abs(actual)


@pytest.mark.parametrize(
    ("accounts", "low", "high"),
    [
        (("606110", "606120"), 0.14, 0.22),  # energy +18 %
        (("741310",), -0.101, -0.099),  # Département grant cut by 10 %
        (("707100",), 0.04, 0.08),  # shop sales +6 %
        (("615500",), 0.30, 0.80),  # truck repair in June
        (("741110",), -0.07, -0.02),  # aide au poste, posts filled at 96 %
        (("613200",), -0.001, 0.001),  # rent: no deviation
    ],
)
def test_deliberate_2026_deviations(accounts: tuple[str, ...], low: float, high: float) -> None:
    budget, actual = _ytd_budget_and_actual(accounts)
    assert budget > 0
    assert low <= actual / budget - 1 <= high


DELIBERATE = {"606110", "606120", "741310", "707100", "615500", "741110", "641110"}


def test_other_2026_lines_only_carry_noise() -> None:
    budget: dict[str, int] = defaultdict(int)
    for row in _budget_csv()[1:]:
        budget[row[0]] += sum(_cents(v) for v in row[5:15])
    actual: dict[str, int] = defaultdict(int)
    for row in _fec(SAMPLE / "recyclerie/FEC_2026_01-10.txt"):
        if row["JournalCode"] != "AN" and row["CompteNum"][0] in "67":
            actual[row["CompteNum"]] += _signed(row)
    for account, planned in budget.items():
        if account in DELIBERATE or planned == 0 or account[0] not in "67":
            continue
        done = actual[account] if account[0] == "6" else -actual[account]
        assert abs(done / planned - 1) < 0.06, account
    unplanned = {a for a, v in actual.items() if v and budget.get(a, 0) == 0}
    assert not unplanned


# -- the budget -------------------------------------------------------------------------


def test_budget_xlsx_is_balanced() -> None:
    wb = openpyxl.load_workbook(SAMPLE / "recyclerie/budget_2026.xlsx", read_only=True)
    try:
        assert wb.sheetnames[0] == "Budget"
        rows = list(wb["Budget"].iter_rows(values_only=True))
    finally:
        wb.close()
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
        months = [round(float(v) * 100) for v in row[5:17]]
        total = round(float(row[17]) * 100)
        assert sum(months) == total
        if account.startswith(("6", "86")):
            charges += total
        else:
            assert account.startswith(("7", "87"))
            income += total
    assert charges == income
    assert 1_000_000_00 < charges < 1_300_000_00


def test_budget_csv_matches_the_xlsx() -> None:
    rows = _budget_csv()
    wb = openpyxl.load_workbook(SAMPLE / "recyclerie/budget_2026.xlsx", read_only=True)
    try:
        xlsx = list(wb["Budget"].iter_rows(values_only=True))
    finally:
        wb.close()
    assert tuple(rows[0]) == xlsx[0]
    assert len(rows) == len(xlsx)
    for text_row, cell_row in zip(rows[1:], xlsx[1:], strict=True):
        assert text_row[:5] == [v or "" for v in cell_row[:5]]
        assert [_cents(v) for v in text_row[5:]] == [round(float(v) * 100) for v in cell_row[5:]]
    contributions = {row[0]: _cents(row[17]) for row in rows[1:] if row[0][:2] in {"86", "87"}}
    assert sum(v for k, v in contributions.items() if k.startswith("86")) == sum(
        v for k, v in contributions.items() if k.startswith("87")
    )


# -- the dossiers -----------------------------------------------------------------------


@pytest.mark.parametrize("case", DOSSIERS)
def test_dossiers_load_without_issues(case: str) -> None:
    raw = (SAMPLE / case / "dossier.json").read_bytes()
    dossier, issues = read_dossier_json(raw, file=f"{case}/dossier.json")
    assert issues == []
    assert dossier is not None
    identity = dossier.identity
    if case == "blank":
        assert identity.name == "Nouvelle structure"
        assert identity.siren is None
        return
    assert identity.siren is not None
    assert identity.siret is not None
    assert luhn_valid(identity.siren)
    assert luhn_valid(identity.siret)
    assert identity.siret.startswith(identity.siren)
    assert identity.territory.departement == identity.territory.commune[:2]
    assert identity.address.postcode[:2] == identity.territory.departement
    assert identity.esus


def test_case_identities() -> None:
    recyclerie, _ = read_dossier_json((SAMPLE / "recyclerie/dossier.json").read_bytes())
    scic, _ = read_dossier_json((SAMPLE / "scic-energie/dossier.json").read_bytes())
    assert recyclerie is not None
    assert scic is not None
    assert recyclerie.identity.legal_form == "association"
    assert recyclerie.identity.naf == "38.32Z"
    assert recyclerie.identity.rna.startswith("W")
    assert (recyclerie.identity.headcount, recyclerie.identity.fte) == (25, 21.5)
    assert (recyclerie.identity.volunteers, recyclerie.identity.members) == (45, 180)
    assert recyclerie.identity.territory.region == "84"
    assert scic.identity.legal_form == "scic"
    assert scic.identity.naf == "35.11Z"
    assert (scic.identity.headcount, scic.identity.fte) == (6, 5.2)
    assert scic.identity.members >= 400
    assert scic.identity.territory.region == "53"

"""FEC reader, canonical ledger, balances, storage and generic CSV/XLSX actuals."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.dossier import new_dossier
from essdiag.errors import EssdiagError
from essdiag.ledger import (
    LEDGER_COLUMNS,
    ColumnMapping,
    LedgerSection,
    account_balances,
    apply_mapping,
    ledger_from_parquet,
    ledger_to_parquet,
    load_ledgers,
    monthly_activity,
    read_fec,
    read_table,
    store_ledger,
    suggest_mapping,
)
from essdiag.ledger.fec import cents_from_text
from essdiag.periods import FiscalYear
from essdiag.store import Workspace

CASE = Path(__file__).resolve().parents[1] / "sample_data" / "recyclerie"
HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
    "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
    "ValidDate\tMontantdevise\tIdevise"
)


def row(j: str, n: str, d: str, acc: str, label: str, debit: str, credit: str) -> str:  # noqa: PLR0917 - one argument per FEC field written
    return "\t".join(
        [j, "J", n, d, acc, "Lib é", "", "", "P", d, label, debit, credit, "", "", d, "", ""]
    )


SMALL = (
    "\n".join(
        [
            HEADER,
            row("AN", "AN1", "20260101", "512000", "Report « banque »", "1000,00", "0,00"),
            row("AN", "AN1", "20260101", "102000", "Report", "0,00", "1000,00"),
            row("AC", "000123", "20260115", "606100", 'Facture "EDF" – janvier', "120,50", "0,00"),
            row("AC", "000123", "20260115", "401000", "Facture", "0,00", "120,50"),
            row("VE", "VE1", "20260220", "411000", "Vente", "80,00", "0,00"),
            row("VE", "VE1", "20260220", "706000", "Vente", "0,00", "80,00"),
        ]
    )
    + "\n"
)


def test_canonical_columns_and_types() -> None:
    result = read_fec(SMALL.encode(), file="f.txt")
    ledger = result.ledger
    assert ledger is not None and result.issues == []
    assert tuple(ledger.columns) == LEDGER_COLUMNS
    assert str(ledger["date"].dtype) == "datetime64[ns]"
    assert ledger["debit_cents"].dtype == "int64"
    assert ledger["entry"].tolist()[2] == "000123"  # leading zeros kept
    assert ledger["label"].tolist()[2] == 'Facture "EDF" – janvier'  # quotes kept as text
    assert ledger["opening"].tolist() == [True, True, False, False, False, False]
    assert ledger["analytic"].isna().all()


@pytest.mark.parametrize(
    ("encoding", "sep", "decimal"),
    [
        ("utf-8", "\t", ","),
        ("utf-8-sig", "\t", ","),
        ("iso8859_15", "|", ","),
        ("cp1252", "\t", "."),
    ],
)
def test_encodings_separators_and_decimal_marks_read_the_same(
    encoding: str, sep: str, decimal: str
) -> None:
    source = SMALL.replace("–", "€") if encoding == "iso8859_15" else SMALL
    text = source.replace("\t", sep)
    if decimal == ".":
        text = text.replace(",00", ".00").replace("120,50", "120.50")
    got = read_fec(text.encode(encoding), file="f.txt").ledger
    want = read_fec(source.encode()).ledger
    assert got is not None and want is not None
    pd.testing.assert_frame_equal(got, want)


def test_montant_and_sens_form() -> None:
    lines = SMALL.splitlines()
    head = lines[0].replace("Debit\tCredit", "Montant\tSens")
    body = []
    for line in lines[1:]:
        f = line.split("\t")
        debit, credit = f[11], f[12]
        f[11], f[12] = (debit, "D") if debit != "0,00" else (credit, "C")
        body.append("\t".join(f))
    got = read_fec(("\n".join([head, *body]) + "\n").encode()).ledger
    want = read_fec(SMALL.encode()).ledger
    assert got is not None and want is not None
    pd.testing.assert_frame_equal(got, want)


def test_balances_keep_openings_activity_leaves_them_out() -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    year = (date(2026, 1, 1), date(2026, 12, 31))
    with_opening = account_balances(ledger, *year).set_index("account")
    assert with_opening.loc["512000", "balance_cents"] == 100000
    without = account_balances(ledger, *year, include_opening=False)
    assert "512000" not in set(without["account"])
    activity = monthly_activity(ledger, *year)
    assert activity[["month", "account", "amount_cents"]].values.tolist() == [
        ["2026-01", "606100", 12050],
        ["2026-02", "706000", 8000],
    ]
    january = account_balances(ledger, date(2026, 1, 1), date(2026, 1, 31))
    assert set(january["account"]) == {"512000", "102000", "606100", "401000"}
    assert list(january.columns) == ["account", "debit_cents", "credit_cents", "balance_cents"]


def test_sample_fec_totals_match_a_plain_python_sum() -> None:
    # Independent check: Σ debit and Σ credit of the whole file with Decimal.
    from decimal import Decimal

    text = (CASE / "FEC_2025.txt").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    debit = sum(Decimal(r[11].replace(",", ".")) for r in rows)
    credit = sum(Decimal(r[12].replace(",", ".")) for r in rows)
    result = read_fec((CASE / "FEC_2025.txt").read_bytes(), fiscal_year=FiscalYear(label_year=2025))
    assert result.issues == []
    assert result.lines_kept == len(rows)
    ledger = result.ledger
    assert ledger is not None
    assert int(ledger["debit_cents"].sum()) == int(debit * 100)
    assert int(ledger["credit_cents"].sum()) == int(credit * 100)
    assert debit == credit  # the file balances


def test_issue_locations() -> None:
    text = SMALL.replace("20260220\t706000", "20260231\t706000")
    result = read_fec(text.encode(), file="x.txt")
    codes = {(i.code, i.line, i.column) for i in result.issues}
    assert ("fec_date", 7, "EcritureDate") in codes
    assert ("fec_unbalanced", 6, "EcritureNum") in codes
    assert result.set_aside == 1
    date_issue = next(i for i in result.issues if i.code == "fec_date")
    assert (
        date_issue.message == "Date invalide « 20260231 » (attendu AAAAMMJJ) : ligne mise de côté."
    )
    assert date_issue.where() == "x.txt, ligne 7, colonne EcritureDate"


def test_many_bad_lines_are_counted_not_all_listed() -> None:
    body = [row("OD", f"E{i}", "2026XX01", "606000", "x", "1,00", "0,00") for i in range(500)]
    result = read_fec(("\n".join([HEADER, *body]) + "\n").encode())
    assert result.ledger is None
    listed = [i for i in result.issues if i.code == "fec_date"]
    assert len(listed) == 200
    more = next(i for i in result.issues if i.code == "more_issues")
    assert more.params == {"more": 300, "code": "fec_date"}


@pytest.mark.parametrize(
    ("text", "cents", "ok"),
    [
        ("1 234,56", 123456, True),
        ("-0,5", -50, True),
        ("", 0, True),
        ("12.30", 1230, True),
        ("12,300", 1230, True),
        ("12,345", 0, False),
        ("1e3", 0, False),
        ("abc", 0, False),
        ("99999999999,99", 9999999999999, True),
    ],
)
def test_amounts_are_exact_cents(text: str, cents: int, ok: bool) -> None:
    import pyarrow as pa

    got, valid = cents_from_text(pa.array([text, "0,01"]))
    assert (int(got[0]), bool(valid[0])) == (cents, ok)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_reading_arbitrary_bytes_never_raises(data: bytes) -> None:
    try:
        result = read_fec(data, file="f.txt")
    except EssdiagError:  # the library's own error is the only one allowed
        return
    assert result.ledger is None or set(result.ledger.columns) == set(LEDGER_COLUMNS)
    raw, _issues = read_table(data, file="t.csv")
    assert raw is None or isinstance(raw, pd.DataFrame)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["606100", "706000", "411000", "401000"]),
            st.integers(min_value=0, max_value=10**9),
            st.integers(min_value=1, max_value=28),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_amounts_round_trip_exactly(lines: list[tuple[str, int, int]]) -> None:
    body = [
        row("OD", f"E{i}", f"202603{day:02d}", acc, "x", f"{c // 100},{c % 100:02d}", "0,00")
        for i, (acc, c, day) in enumerate(lines)
    ]
    ledger = read_fec(("\n".join([HEADER, *body]) + "\n").encode()).ledger
    assert ledger is not None
    assert ledger["debit_cents"].tolist() == [c for _, c, _ in lines]


def test_parquet_round_trip_and_workspace_storage(tmp_path: Path) -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    pd.testing.assert_frame_equal(ledger_from_parquet(ledger_to_parquet(ledger)), ledger)
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    info = ws.create(new_dossier("Asso"), author="t")
    section = store_ledger(
        ws,
        info.id,
        LedgerSection(),
        ledger,
        original=SMALL.encode(),
        name="FEC.txt",
        kind="fec",
        fiscal_year=2026,
        lines_read=6,
        issues=0,
    )
    (record,) = section.imports
    assert record.first_date == "2026-01-01" and record.last_date == "2026-02-20"
    assert ws.attachment_bytes(record.original_id) == SMALL.encode()
    kinds = {a.kind for a in ws.attachments(info.id)}
    assert kinds == {"ledger-parquet", "ledger-original"}
    pd.testing.assert_frame_equal(load_ledgers(ws, section, 2026), ledger)
    # A second import of the same year replaces the first in the section.
    again = store_ledger(
        ws, info.id, section, ledger, original=b"x", name="FEC2.txt", kind="fec",
        fiscal_year=2026, lines_read=6, issues=0,
    )  # fmt: skip
    assert [i.name for i in again.imports] == ["FEC2.txt"]


def test_generic_csv_with_mapping() -> None:
    data = (
        "Date;Compte;Libellé;Débit;Crédit;Code analytique\n"
        "31/01/2026;606100;EDF;120,50;;ACI\n"
        "15/02/2026;706000;Vente;;80,00;RECY\n"
    ).encode("cp1252")
    raw, issues = read_table(data, file="r.csv")
    assert raw is not None and issues == []
    mapping = suggest_mapping(list(raw.columns))
    assert (mapping.debit, mapping.credit, mapping.analytic) == (
        "Débit",
        "Crédit",
        "Code analytique",
    )
    ledger, issues = apply_mapping(raw, mapping)
    assert ledger is not None and issues == []
    assert ledger["analytic"].tolist() == ["ACI", "RECY"]
    act = monthly_activity(ledger, date(2026, 1, 1), date(2026, 12, 31))
    assert act["amount_cents"].tolist() == [12050, 8000]


def test_generic_xlsx_single_amount_natural_sign() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Compte", "Montant"])
    ws.append([pd.Timestamp("2026-03-31").to_pydatetime(), 606100, 99.9])
    ws.append([pd.Timestamp("2026-03-31").to_pydatetime(), "706000", 50])
    buf = io.BytesIO()
    wb.save(buf)
    raw, _ = read_table(buf.getvalue())
    assert raw is not None
    ledger, issues = apply_mapping(
        raw, ColumnMapping(date="Date", account="Compte", amount="Montant")
    )
    assert ledger is not None and issues == []
    assert ledger["debit_cents"].tolist() == [9990, 0]
    assert ledger["credit_cents"].tolist() == [0, 5000]


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000))
def test_reading_arbitrary_workbooks_and_budgets_never_raises(data: bytes) -> None:
    from essdiag.budget.template import read_budget

    for blob in (data, b"PK\x03\x04" + data):
        raw, _issues = read_table(blob, file="t.xlsx")
        assert raw is None or isinstance(raw, pd.DataFrame)
        section, _issues = read_budget(blob, fiscal_year=FiscalYear(label_year=2026))
        assert section is None or section.lines


def test_benchmark_generator_writes_a_clean_fec(tmp_path: Path) -> None:
    from benchmarks.fec_bench import generate_fec

    path = tmp_path / "FEC.txt"
    size = generate_fec(path, lines=2000)
    assert 120 * 2000 < size < 170 * 2000  # about 143 bytes a line, as in the 1M-line run
    result = read_fec(path, file=path.name, fiscal_year=FiscalYear(label_year=2026))
    assert result.issues == []
    assert result.lines_kept == 2000

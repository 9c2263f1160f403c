"""The budget template (``essdiag.budget.template``): XLSX and CSV in, XLSX out, the edited table."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget import BudgetLine, BudgetSection
from essdiag.budget.checks import balance_check, totals_by_heading
from essdiag.budget.phasing import even
from essdiag.budget.section import Phasing
from essdiag.budget.template import (
    TEMPLATE_COLUMNS,
    budget_table,
    lines_from_table,
    read_budget,
    write_budget_xlsx,
)
from essdiag.periods import FiscalYear

CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
CORPUS = Path(__file__).resolve().parents[1] / "data" / "ledger"


def test_sample_budget_reads_from_xlsx_and_csv_alike_and_is_balanced() -> None:
    fy = FiscalYear(label_year=2026)
    xlsx, issues = read_budget((CASE / "budget_2026.xlsx").read_bytes(), fiscal_year=fy)
    csv, issues_csv = read_budget((CASE / "budget_2026.csv").read_bytes(), fiscal_year=fy)
    assert xlsx is not None and csv is not None
    assert issues == [] and issues_csv == []
    assert xlsx == csv
    # The workbook's own "Synthèse" sheet gives the totals: 1 131 361,80 € each side.
    balance = balance_check(xlsx)
    assert balance.charges + balance.in_kind_uses == pytest.approx(1_131_361.80)
    assert balance.income + balance.in_kind_sources == pytest.approx(1_131_361.80)
    assert balance.balanced
    by_heading = totals_by_heading(xlsx).set_index("heading")["amount"]
    assert by_heading["64"] == pytest.approx(678_968.0)  # Synthèse: 64 Charges de personnel
    assert by_heading["74"] == pytest.approx(653_598.8)


def test_template_round_trip_and_header() -> None:
    fy = FiscalYear(label_year=2026, start_month=9)
    section = BudgetSection(
        fiscal_year=2026,
        start_month=9,
        lines=[
            BudgetLine(account="606100", label="=1+1 électricité", months=even(1200.0)),
            BudgetLine(account="741000", funder="Région", analytic="ACI", months=even(1200.0)),
        ],
    )
    data = write_budget_xlsx(section, fy)
    ws = openpyxl.load_workbook(io.BytesIO(data))["Budget"]
    header = [c.value for c in ws[1]]
    assert header[:5] == list(TEMPLATE_COLUMNS[:5])
    assert header[5] == "Septembre" and header[-2] == "Août"
    assert ws["B2"].value == "'=1+1 électricité"  # never a formula
    back, issues = read_budget(data, fiscal_year=fy)
    assert back is not None
    assert [ln.months for ln in back.lines] == [ln.months for ln in section.lines]
    assert issues == []


def test_edited_table_back_to_lines_with_row_numbers_on_bad_rows() -> None:
    # Was a crash on the budget page: the editor's rows were validated with a
    # wrong call (issues_from_validation without its model) when a row was bad.
    fy = FiscalYear(label_year=2026)
    section = BudgetSection(
        fiscal_year=2026,
        lines=[
            BudgetLine(account="606", label="Énergie", months=[10.0] * 12),
            BudgetLine(account="74", funder="Région", months=[20.0] * 12),
        ],
    )
    table = budget_table(section, fy)
    lines, issues = lines_from_table(table)
    assert issues == []
    assert [(ln.account, ln.total, ln.funder) for ln in lines] == [
        ("606", 120.0, ""),
        ("74", 240.0, "Région"),
    ]
    table.loc[1, "Compte"] = "abc"
    lines, issues = lines_from_table(table)
    assert [ln.account for ln in lines] == ["606"]
    assert issues and {i.line for i in issues} == {2}
    assert all("{" not in i.message for i in issues)


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000))
def test_reading_arbitrary_budgets_never_raises(data: bytes) -> None:
    for blob in (data, b"PK\x03\x04" + data):
        section, _issues = read_budget(blob, fiscal_year=FiscalYear(label_year=2026))
        assert section is None or section.lines


def test_issues_keep_raw_amounts_for_the_readers_translator() -> None:
    data = (
        "Compte;Libellé;Rubrique;Code analytique;Financeur;"
        + ";".join(TEMPLATE_COLUMNS[5:17])
        + ";Total\n606;Énergie;;;;"
        + ";".join(["100,00"] * 12)
        + ";1 000,00\n"
    ).encode()
    section, issues = read_budget(data, file="b.csv", fiscal_year=FiscalYear(label_year=2026))
    assert section is not None
    total = next(i for i in issues if i.code == "budget_total")
    assert total.params == {"total": 1000.0, "sum": 1200.0}  # raw amounts (Money)
    assert total.message == (
        "Le total 1\u202f000,00\xa0€ ne fait pas la somme des mois (1\u202f200,00\xa0€) ; "
        "les mois sont retenus."
    )
    gap = next(i for i in issues if i.code == "budget_unbalanced")
    assert gap.params == {"gap": -1200.0}
    assert gap.message == (
        "Le budget n'est pas équilibré : produits − charges = −1\u202f200,00\xa0€ "
        "(contributions en nature comprises)."
    )


SCIC = CASE.parent / "scic-energie"


def test_a_flat_line_read_from_the_template_is_even_and_a_seasonal_one_keeps_its_weights() -> None:
    # budget_2026.csv of the SCIC, row 4: 606300 « Petit équipement et outillage », 12 × 221,00 €.
    fy = FiscalYear(label_year=2026)
    section, issues = read_budget((SCIC / "budget_2026.csv").read_bytes(), fiscal_year=fy)
    assert section is not None
    assert [i.code for i in issues] == ["budget_unbalanced"]  # the SCIC plans a surplus
    tools = next(ln for ln in section.lines if ln.account == "606300" and ln.analytic == "PROD")
    assert tools.months == [221.0] * 12 and tools.phasing is Phasing.EVEN
    # The recyclerie's electricity (row 2): winter 1 485,15 €, August 563,33 € — custom weights.
    recy, _issues = read_budget((CASE / "budget_2026.csv").read_bytes(), fiscal_year=fy)
    assert recy is not None
    power = recy.lines[0]
    assert (power.account, power.months[0], power.months[7]) == ("606110", 1485.15, 563.33)
    assert power.phasing is Phasing.CUSTOM
    # Salaries split by largest remainder: 4 months at 8 333,59 €, 8 at 8 333,58 € — even.
    wages = next(ln for ln in recy.lines if ln.months[:5] == [8333.59] * 4 + [8333.58])
    assert wages.phasing is Phasing.EVEN
    kinds = {ln.phasing for ln in (*section.lines, *recy.lines)}
    assert kinds == {Phasing.EVEN, Phasing.CUSTOM}


def test_the_edited_table_keeps_an_unchanged_lines_phasing_and_reads_a_changed_one() -> None:
    fy = FiscalYear(label_year=2026)
    seasonal = [100.0] * 6 + [50.0] * 6
    section = BudgetSection(
        fiscal_year=2026,
        lines=[
            BudgetLine(account="606", months=seasonal, phasing=Phasing.SEASONAL),
            BudgetLine(account="613", months=[10.0] * 12, phasing=Phasing.CUSTOM),
            BudgetLine(account="625", months=[10.0] * 12, phasing=Phasing.EVEN),
        ],
    )
    table = budget_table(section, fy)
    table.loc[2, "Mars"] = 40.0
    lines, issues = lines_from_table(table, section.lines)
    assert issues == []
    assert [ln.phasing for ln in lines] == [Phasing.SEASONAL, Phasing.CUSTOM, Phasing.CUSTOM]
    # Without the lines it was made from, the table says what its months are.
    fresh, _issues = lines_from_table(budget_table(section, fy))
    assert [ln.phasing for ln in fresh] == [Phasing.CUSTOM, Phasing.EVEN, Phasing.EVEN]

"""The XLSX variance report (``essdiag.report.variance_xlsx``), reopened."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from essdiag.budget import BudgetLine, BudgetSection, Materiality
from essdiag.budget.analysis import VarianceReport, analyse
from essdiag.budget.section import VarianceComment
from essdiag.budget.template import read_budget
from essdiag.ledger import read_fec
from essdiag.periods import FiscalYear
from essdiag.report.variance_xlsx import variance_xlsx
from essdiag.xlsx import EUR_FORMAT

CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
FY = FiscalYear(label_year=2026)


@pytest.fixture(scope="module")
def report() -> VarianceReport:
    budget, _ = read_budget((CASE / "budget_2026.xlsx").read_bytes(), fiscal_year=FY)
    ledger = read_fec((CASE / "FEC_2026_01-10.txt").read_bytes()).ledger
    assert budget is not None and ledger is not None
    return analyse(budget, FY, ledger, through="2026-10", level="account")


def test_variance_workbook_has_one_sheet_per_level_with_french_formats(
    report: VarianceReport,
) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(variance_xlsx(report, organisation="Ressourcerie")))
    assert wb.sheetnames == [
        "Synthèse",
        "Rubriques",
        "Comptes",
        "Analytique",
        "Financeurs",
        "Atterrissage",
        "Cumul mensuel",
    ]
    ws = wb["Comptes"]
    header = [c.value for c in ws[3]]
    assert header[:6] == ["Nature", "Clé", "Libellé", "Budget", "Réalisé", "Écart"]
    first = [c.value for c in ws[4]]
    assert first[1] == report.table.iloc[0]["key"]
    assert first[8] == "À expliquer"
    assert ws.cell(row=4, column=4).number_format == EUR_FORMAT
    assert ws.cell(row=4, column=7).number_format == "0.0 %"
    total_variance = sum(
        (r[5] or 0) for r in ws.iter_rows(min_row=4, values_only=True) if r[0] is not None
    )
    assert total_variance == pytest.approx(report.table["variance"].sum(), abs=0.05)


def test_text_that_looks_like_a_formula_stays_text() -> None:
    section = BudgetSection(
        fiscal_year=2026,
        lines=[BudgetLine(account="606", label='=HYPERLINK("http://x")', months=[10.0] * 12)],
    )
    ledger = read_fec(
        b"JournalCode\tEcritureNum\tEcritureDate\tCompteNum\tEcritureLib\tDebit\tCredit\n"
        b"AC\t1\t20260105\t606100\t+cmd\t15,00\t0,00\n"
        b"AC\t1\t20260105\t401000\t-x\t0,00\t15,00\n"
    ).ledger
    assert ledger is not None
    rep = analyse(section, FY, ledger, through="2026-01", level="account")
    wb = openpyxl.load_workbook(io.BytesIO(variance_xlsx(rep)))
    cells = [c for row in wb["Comptes"].iter_rows() for c in row]
    assert any(c.value == '\'=HYPERLINK("http://x")' for c in cells)
    assert all(c.data_type != "f" for c in cells)


def test_every_level_sheet_uses_the_dossier_thresholds_and_comments() -> None:
    # Was a bug: the sheets of the other levels used the default thresholds.
    section = BudgetSection(
        fiscal_year=2026,
        lines=[BudgetLine(account="606", analytic="A", months=[100.0] * 12)],
        materiality=Materiality(absolute=10, relative=0.05),
        comments=[VarianceComment(level="analytic", key="A", period="2026-01", text="Hiver froid")],
    )
    ledger = read_fec(
        b"JournalCode\tEcritureNum\tEcritureDate\tCompteNum\tEcritureLib\tDebit\tCredit\n"
        b"AC\t1\t20260105\t606100\tx\t150,00\t0,00\n"
        b"AC\t1\t20260105\t401000\tx\t0,00\t150,00\n"
    ).ledger
    assert ledger is not None
    rep = analyse(section, FY, ledger, through="2026-01", period_kind="month", level="account")
    assert bool(rep.table_at("analytic").iloc[0]["flagged"])  # 50 € ≥ 10 €, 50 % ≥ 5 %
    wb = openpyxl.load_workbook(io.BytesIO(variance_xlsx(rep)))
    row = [c.value for c in wb["Analytique"][4]]
    assert row[1] == "A" and row[8] == "À expliquer" and "Hiver froid" in row


def test_the_workbook_is_written_in_the_readers_language(report: VarianceReport) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(variance_xlsx(report, lang="en")))
    assert wb.sheetnames[:3] == ["Summary", "Headings", "Accounts"]
    summary = {r[0]: r[1] for r in wb["Summary"].iter_rows(min_row=4, values_only=True)}
    assert summary["Actuals up to month"] == "October 2026"
    months = list(wb["Monthly cumulative"].iter_rows(min_row=4, values_only=True))
    assert months[0][0] == "January 2026" and months[-1][2] is None  # no actual in December

"""Exports reopened: the XLSX variance report and the CERFA 15059 table (XLSX, DOCX)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from docx import Document

from essdiag.budget import BudgetLine, BudgetSection, Materiality
from essdiag.budget.analysis import VarianceReport, analyse
from essdiag.budget.cerfa15059 import cerfa15059_table
from essdiag.budget.section import VarianceComment
from essdiag.budget.template import read_budget
from essdiag.ledger import read_fec
from essdiag.periods import FiscalYear
from essdiag.report.cerfa15059 import cerfa15059_docx, cerfa15059_xlsx
from essdiag.report.variance_xlsx import variance_xlsx
from essdiag.xlsx import EUR_FORMAT

CASE = Path(__file__).resolve().parents[1] / "sample_data" / "recyclerie"
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
    assert header[:6] == ["Nature", "Clé", "Libellé", "Budget", "Réalisé", "Écart (€)"]
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


def test_cerfa15059_table_xlsx_and_docx(report: VarianceReport) -> None:
    table = cerfa15059_table(
        report.attributed,
        report.period,
        analytic="ACI",
        materiality=Materiality(absolute=5000, relative=0.1),
    )
    codes = list(table["code"])
    assert codes.index("TC") < codes.index("70")  # charges first, then income
    grants = table[table["code"].str.startswith("74:")]
    assert grants["budget"].sum() == pytest.approx(
        float(table.set_index("code").loc["74", "budget"])
    )
    charges = table[(table["section"] == "charges") & ~table["total"] & (table["code"] != "86")]
    assert charges["budget"].sum() == pytest.approx(
        float(table.set_index("code").loc["TC", "budget"])
    )
    # The Département grant of the ACI is 10 % short: a significant gap to explain.
    dept = table[table["code"] == "74:Département de la Drôme"].iloc[0]
    assert bool(dept["flagged"]) and dept["variance"] == pytest.approx(-7600.0)

    wb = openpyxl.load_workbook(
        io.BytesIO(
            cerfa15059_xlsx(table, organisation="Ressourcerie", project="ACI", period="2026")
        )
    )
    ws = wb["CERFA 15059"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Cerfa n° 15059" in t for t in texts)
    assert "Écart significatif : explication à rédiger." in texts

    doc = Document(io.BytesIO(cerfa15059_docx(table, organisation="Ressourcerie", project="ACI")))
    assert "Cerfa n° 15059" in doc.paragraphs[0].text
    assert len(doc.tables) == 2
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    dept_row = next(r for r in rows if "Département de la Drôme" in r[0])
    assert dept_row[4] == "Écart significatif : explication à rédiger."
    assert pd.notna(dept_row[1])


def test_cerfa15059_for_a_funder_covers_its_projects(report: VarianceReport) -> None:
    # The Département funds the ACI only (budget line 741310, code ACI): same table as ACI.
    by_funder = cerfa15059_table(report.attributed, report.period, funder="Département de la Drôme")
    by_project = cerfa15059_table(report.attributed, report.period, analytic="ACI")
    pd.testing.assert_frame_equal(by_funder.drop(columns="explanation"),
                                  by_project.drop(columns="explanation"))  # fmt: skip
    whole = cerfa15059_table(report.attributed, report.period)
    total = whole.set_index("code").loc["TC", "budget"]
    assert total > by_project.set_index("code").loc["TC", "budget"]


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

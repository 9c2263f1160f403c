"""The CERFA 15059 report (``essdiag.report.cerfa15059``) as XLSX and DOCX, reopened."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
from docx import Document

from essdiag.budget import Materiality
from essdiag.budget.analysis import VarianceReport, analyse
from essdiag.budget.cerfa15059 import cerfa15059_table
from essdiag.budget.views import cerfa15059_view
from essdiag.report.cerfa15059 import cerfa15059_docx, cerfa15059_xlsx
from tests.budget.recyclerie import FY, sample_files


@pytest.fixture(scope="module")
def report() -> VarianceReport:
    budget, ledger, _ = sample_files()
    return analyse(budget, FY, ledger, through="2026-10", level="account")


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
            cerfa15059_xlsx(
                cerfa15059_view(table, export=True),
                organisation="Ressourcerie",
                project="ACI",
                period="2026",
            )
        )
    )
    ws = wb["CERFA 15059"]
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("Cerfa n° 15059" in t for t in texts)
    assert "Écart significatif : explication à rédiger." in texts

    doc = Document(
        io.BytesIO(
            cerfa15059_docx(
                cerfa15059_view(table, export=True), organisation="Ressourcerie", project="ACI"
            )
        )
    )
    assert "Cerfa n° 15059" in doc.paragraphs[0].text
    assert len(doc.tables) == 2
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    dept_row = next(r for r in rows if "Département de la Drôme" in r[0])
    assert dept_row[4] == "Écart significatif : explication à rédiger."
    assert pd.notna(dept_row[1])

"""The CERFA 15059 report (``essdiag.report.cerfa15059``) as XLSX and DOCX, reopened."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

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
from tests.conftest import skip_or_fail


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


def _funder_files() -> tuple[bytes, bytes, str]:
    """The Département's CERFA 15059 of the recyclerie sample, January to October 2026."""
    from essdiag.report.cerfa15059 import cerfa_files
    from essdiag.samples import load_sample

    _, ledger, _last = sample_files()
    dossier = load_sample("recyclerie")
    return cerfa_files(
        dossier,
        ledgers={2026: ledger},
        through="2026-10",
        period="ytd",
        level="heading",
        scope="funder:Département de la Drôme",
    )


def test_the_funder_report_names_funder_action_and_period_as_people_write_it() -> None:
    docx, xlsx, stem = _funder_files()
    assert stem == "cerfa15059_Département_de_la_Drôme_2026-YTD-10"
    doc = Document(io.BytesIO(docx))
    head = [p.text.replace("\u202f", " ").replace("\xa0", " ") for p in doc.paragraphs[:8]]
    assert "Financeur : Département de la Drôme" in head
    assert any(t.startswith("Action / projet : ") and "ACI" in t for t in head)
    assert "Période : janvier – octobre 2026" in head  # not « 2026-YTD-10 »
    assert "Compte rendu qualitatif de l'action" in [p.text for p in doc.paragraphs]
    # One row per statement: the Département once, with its gap to explain.
    rows = [[c.text for c in r.cells] for t in doc.tables for r in t.rows]
    dept = [r for r in rows if r[0].strip() == "Département de la Drôme"]
    assert len(dept) == 1
    assert dept[0][4] == "Écart significatif : explication à rédiger."
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))["CERFA 15059"]
    assert ws["A5"].value == "Période : janvier – octobre 2026"


def test_the_docx_renders_to_a_readable_page(tmp_path: Path) -> None:
    if shutil.which("libreoffice") is None or shutil.which("pdftoppm") is None:
        skip_or_fail("libreoffice and poppler-utils render the DOCX (.ci/run installs them)")
    docx, _xlsx, _stem = _funder_files()
    source = tmp_path / "cerfa.docx"
    source.write_bytes(docx)
    subprocess.run(
        ["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "cerfa.pdf"
    assert pdf.stat().st_size > 5_000
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(tmp_path / "page")], check=True, timeout=60
    )
    pages = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(pages) <= 4  # a landscape report of a few pages, not one cell per page
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, timeout=60
    ).stdout.decode()
    assert "Département de la Drôme" in text
    assert "janvier – octobre 2026" in text
    assert "68 400,00" in text.replace("\u202f", " ").replace("\xa0", " ")
    keep = os.environ.get("ESSDIAG_KEEP_RENDER")  # a folder to look at the pages in
    if keep:
        for page in pages:
            shutil.copy(page, Path(keep) / page.name)

"""The digest (DOCX) and the diagnosis (DOCX, XLSX) of the sample cases open and say what they must."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from essdiag.i18n import translator
from essdiag.report.watch_docx import diagnosis_docx, digest_docx
from essdiag.report.watch_xlsx import diagnosis_xlsx
from essdiag.samples import load_sample


def text_of(raw: bytes) -> str:
    doc = Document(io.BytesIO(raw))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_diagnosis_follows_the_chain(case: str) -> None:
    d = load_sample(case)
    text = text_of(
        diagnosis_docx(
            d.watch,
            d.funding,
            d.identity.territory,
            translator("fr"),
            today=date(2026, 11, 30),
            organisation=d.identity.name,
        )
    )
    for heading in (
        "1. Territoire",
        "2. Besoins retenus",
        "3. Écosystème",
        "5. SWOT",
        "6. Orientations",
        "7. Plan d'actions",
    ):
        assert heading in text
    assert d.watch.diagnosis.orientations[0].actions[0] in text
    assert "illustratives" in text


def test_the_digest_in_english() -> None:
    d = load_sample("recyclerie")
    text = text_of(digest_docx(d.watch, translator("en"), organisation="X", min_relevance=3))
    assert text.startswith("Watch digest — X") and "Relevance: High" in text


def test_the_workbook_has_a_sheet_per_table_numbers_as_numbers() -> None:
    d = load_sample("recyclerie")
    wb = load_workbook(
        io.BytesIO(diagnosis_xlsx(d.watch, d.funding, d.identity.territory, translator("fr")))
    )
    assert {"Besoins", "Veille", "Acteurs", "SWOT", "Orientations", "Plan d'actions"} <= set(
        wb.sheetnames
    )
    sheet = wb["Écarts 1"]
    values = [c.value for row in sheet.iter_rows(min_row=4) for c in row]
    assert any(isinstance(v, float) for v in values)

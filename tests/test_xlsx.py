"""Shared XLSX writing: formats and formula-injection guard, checked by reopening the file."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from essdiag.xlsx import EUR_FORMAT, new_workbook, safe_text, write_table


def test_safe_text_guards_formula_starts() -> None:
    assert safe_text("=SUM(A1:A2)") == "'=SUM(A1:A2)"
    assert safe_text("-12") == "'-12"
    assert safe_text("@cmd") == "'@cmd"
    assert safe_text("Subvention Région") == "Subvention Région"


def test_write_table_round_trip() -> None:
    wb, buf = new_workbook()
    write_table(
        wb,
        "Écarts",
        ["Compte", "Montant", "Part", "Date"],
        [['=HYPERLINK("http://x")', 1234.5, 0.25, date(2026, 3, 31)], ["606100", None, None, None]],
        money_columns=[1],
        percent_columns=[2],
        title="Test",
    )
    wb.close()
    sheet = load_workbook(io.BytesIO(buf.getvalue()))["Écarts"]
    assert sheet["A1"].value == "Test"
    assert sheet["A4"].value == '\'=HYPERLINK("http://x")'
    assert sheet["A4"].data_type == "s"
    assert sheet["B4"].value == 1234.5 and sheet["B4"].number_format == EUR_FORMAT
    assert sheet["D4"].value.date() == date(2026, 3, 31)
    assert sheet["A5"].value == "606100"

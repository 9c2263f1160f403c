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


def test_a_view_becomes_a_sheet_with_its_formats() -> None:
    import pandas as pd
    from openpyxl import load_workbook

    from essdiag.figures import Column, View
    from essdiag.i18n import translator
    from essdiag.xlsx import write_view

    view = View(
        (Column("name", "Financeur"), Column("amount", "Montant", "EUR"), Column("s", "Part", "%")),
        pd.DataFrame({"name": ["=cmd"], "amount": [-12.5], "s": [0.25]}),
        title="Financeurs",
    )
    wb, buf = new_workbook()
    write_view(wb, "Mix", view, translator("fr"))
    wb.close()
    ws = load_workbook(io.BytesIO(buf.getvalue()))["Mix"]
    assert ws["A1"].value == "Financeurs"
    assert [c.value for c in ws[3]] == ["Financeur", "Montant", "Part"]
    assert [c.value for c in ws[4]] == ["'=cmd", -12.5, 0.25]  # text neutralised, numbers kept
    assert ws["B4"].number_format == EUR_FORMAT

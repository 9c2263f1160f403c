"""CERFA 15059 "compte rendu financier" table as XLSX and DOCX.

The table of :func:`essdiag.budget.cerfa15059.cerfa15059_table` (forecast,
actual, gap by heading, explanations of significant gaps) laid out like the
form's annex, for one project or the whole structure. Text cells are guarded
against formula injection (:func:`essdiag.xlsx.safe_text`).
"""

from __future__ import annotations

import io
import math

import pandas as pd

from essdiag.i18n import translator
from essdiag.xlsx import EUR_FORMAT, PERCENT_FORMAT, new_workbook, safe_text

__all__ = ["cerfa15059_docx", "cerfa15059_xlsx"]


def _title(organisation: str, project: str, period: str) -> list[str]:
    _ = translator("fr")
    return [
        _("Compte rendu financier de l'action subventionnée (Cerfa n° 15059)"),
        _("Structure : {name}", name=organisation or "—"),
        _("Action / projet : {project}", project=project or _("ensemble de la structure")),
        _("Période : {period}", period=period),
    ]


def cerfa15059_xlsx(
    table: pd.DataFrame, *, organisation: str = "", project: str = "", period: str = ""
) -> bytes:
    """The CERFA 15059 table as an XLSX workbook (one sheet, French formats)."""
    _ = translator("fr")
    wb, buf = new_workbook()
    ws = wb.add_worksheet("CERFA 15059")
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": EUR_FORMAT})
    money_b = wb.add_format({"num_format": EUR_FORMAT, "bold": True, "top": 1})
    pct = wb.add_format({"num_format": PERCENT_FORMAT})
    wrap = wb.add_format({"text_wrap": True})
    r = 0
    for line in _title(organisation, project, period):
        ws.write_string(r, 0, safe_text(line), bold if r == 0 else None)
        r += 1
    r += 1
    headers = [
        _("Rubrique"),
        _("Intitulé"),
        _("Prévision"),
        _("Réalisation"),
        _("Écart (€)"),
        _("Écart (%)"),
        _("Explication de l'écart"),
    ]
    for section, title in (("charges", _("CHARGES")), ("produits", _("PRODUITS"))):
        ws.write_string(r, 0, title, bold)
        r += 1
        ws.write_row(r, 0, headers, head)
        r += 1
        for rec in table[table["section"] == section].itertuples(index=False):
            total = bool(rec.total)
            code = "" if total or ":" in str(rec.code) else str(rec.code)
            ws.write_string(r, 0, safe_text(code))
            ws.write_string(r, 1, safe_text(_(str(rec.label)).strip()), bold if total else None)
            for c, v in ((2, rec.budget), (3, rec.actual), (4, rec.variance)):
                ws.write_number(r, c, float(v), money_b if total else money)
            p = float(rec.variance_pct)
            if not math.isnan(p):
                ws.write_number(r, 5, p, pct)
            note = str(rec.explanation)
            if bool(rec.flagged) and not note:
                note = _("Écart significatif : explication à rédiger.")
            ws.write_string(r, 6, safe_text(note), wrap)
            r += 1
        r += 1
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 5, 14)
    ws.set_column(6, 6, 60)
    wb.close()
    return buf.getvalue()


def _money(value: float) -> str:
    return translator("fr").money(value)


def cerfa15059_docx(
    table: pd.DataFrame, *, organisation: str = "", project: str = "", period: str = ""
) -> bytes:
    """The CERFA 15059 table as a Word document (one table per section)."""
    from docx import Document
    from docx.shared import Pt

    _ = translator("fr")
    doc = Document()
    title, *rest = _title(organisation, project, period)
    doc.add_heading(title, level=1)
    for line in rest:
        doc.add_paragraph(line)
    for section, name in (("charges", _("Charges")), ("produits", _("Produits"))):
        doc.add_heading(name, level=2)
        part = table[table["section"] == section]
        grid = doc.add_table(rows=1, cols=5)
        grid.style = "Table Grid"
        for cell, text in zip(
            grid.rows[0].cells,
            [_("Intitulé"), _("Prévision"), _("Réalisation"), _("Écart"), _("Explication")],
            strict=True,
        ):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for rec in part.itertuples(index=False):
            cells = grid.add_row().cells
            p = float(rec.variance_pct)
            gap = _money(float(rec.variance))
            if not math.isnan(p):
                gap += f" ({translator('fr').percent(p)})"
            note = str(rec.explanation)
            if bool(rec.flagged) and not note:
                note = _("Écart significatif : explication à rédiger.")
            values = [
                _(str(rec.label)).strip(),
                _money(float(rec.budget)),
                _money(float(rec.actual)),
                gap,
                note,
            ]
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(9)
                    run.bold = bool(rec.total)
    doc.add_paragraph(
        _(
            "Les écarts signalés dépassent les seuils de significativité retenus dans le "
            "dossier ; le formulaire Cerfa n° 15059 demande de les expliquer."
        )
    )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

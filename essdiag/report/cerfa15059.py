"""CERFA 15059 "compte rendu financier" table as XLSX and DOCX.

The view of :func:`essdiag.budget.views.cerfa15059_view` (forecast, actual,
gap by heading, explanations of significant gaps; ``export=True``) laid out
like the form's annex, for one project or the whole structure: the same view
the screen shows, its cells written section by section. Text cells are
guarded against formula injection (:func:`essdiag.xlsx.safe_text`).
"""

from __future__ import annotations

import io

from essdiag.figures import View, format_cell
from essdiag.i18n import translator
from essdiag.xlsx import EUR_FORMAT, PERCENT_FORMAT, new_workbook, safe_text

__all__ = ["cerfa15059_docx", "cerfa15059_xlsx"]

_SECTIONS = ("charges", "produits")


def _title(organisation: str, project: str, period: str) -> list[str]:
    _ = translator("fr")
    return [
        _("Compte rendu financier de l'action subventionnée (Cerfa n° 15059)"),
        _("Structure : {name}", name=organisation or "—"),
        _("Action / projet : {project}", project=project or _("ensemble de la structure")),
        _("Période : {period}", period=period),
    ]


def _part(view: View, section: str) -> View:
    return view.rows_where(view.frame["section"] == section)


def cerfa15059_xlsx(
    view: View, *, organisation: str = "", project: str = "", period: str = ""
) -> bytes:
    """The CERFA 15059 view as an XLSX workbook (one sheet, French formats)."""
    _ = translator("fr")
    wb, buf = new_workbook()
    ws = wb.add_worksheet("CERFA 15059")
    bold = wb.add_format({"bold": True})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": EUR_FORMAT})
    money_total = wb.add_format({"num_format": EUR_FORMAT, "bold": True, "top": 1})
    pct = wb.add_format({"num_format": PERCENT_FORMAT})
    wrap = wb.add_format({"text_wrap": True})
    r = 0
    for line in _title(organisation, project, period):
        ws.write_string(r, 0, safe_text(line), bold if r == 0 else None)
        r += 1
    r += 1
    for section, title in zip(_SECTIONS, (_("CHARGES"), _("PRODUITS")), strict=True):
        ws.write_string(r, 0, title, bold)
        r += 1
        ws.write_row(r, 0, view.headers(_), head)
        r += 1
        part = _part(view, section)
        for row, total in zip(part.cells(_), part.frame["total"], strict=True):
            for c, (value, column) in enumerate(zip(row, view.columns, strict=True)):
                if column.unit == "EUR":
                    ws.write_number(r, c, float(value), money_total if total else money)
                elif column.unit == "%":
                    if value is not None:
                        ws.write_number(r, c, float(value), pct)
                else:
                    style = {"title": bold if total else None, "note": wrap}.get(column.key)
                    ws.write_string(r, c, safe_text(str(value or "")), style)
            r += 1
        r += 1
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 5, 14)
    ws.set_column(6, 6, 60)
    wb.close()
    return buf.getvalue()


def cerfa15059_docx(
    view: View, *, organisation: str = "", project: str = "", period: str = ""
) -> bytes:
    """The CERFA 15059 view as a Word document (one table per section)."""
    from docx import Document
    from docx.shared import Pt

    _ = translator("fr")
    doc = Document()
    title, *rest = _title(organisation, project, period)
    doc.add_heading(title, level=1)
    for line in rest:
        doc.add_paragraph(line)
    columns = {c.key: c for c in view.columns}
    for section, name in zip(_SECTIONS, (_("Charges"), _("Produits")), strict=True):
        doc.add_heading(name, level=2)
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
        part = _part(view, section).frame
        for rec in part.to_dict("records"):

            def shown(key: str, rec: dict[str, object] = rec) -> str:
                return format_cell(rec[key], columns[key], _)

            gap = shown("variance")
            if shown("variance_pct") != "–":
                gap += f" ({shown('variance_pct')})"
            values = [shown("title"), shown("budget"), shown("actual"), gap, shown("note")]
            for cell, text in zip(grid.add_row().cells, values, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.font.size = Pt(9)
                    run.bold = bool(rec["total"])
    doc.add_paragraph(
        _(
            "Les écarts signalés dépassent les seuils de significativité retenus dans le "
            "dossier ; le formulaire Cerfa n° 15059 demande de les expliquer."
        )
    )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

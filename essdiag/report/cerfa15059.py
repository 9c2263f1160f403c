"""CERFA 15059 "compte rendu financier" as XLSX and DOCX, ready to send to a funder.

The view of :func:`essdiag.budget.views.cerfa15059_view` (forecast, actual,
gap by heading, explanations of significant gaps; ``export=True``) laid out
like the form's annex: who reports (the organisation), to whom (the funder),
on what (the action), over which period written as people write it
(« janvier – octobre 2026 »), the table section by section with the
explanation of each significant gap (the ones written on the variance
screen: one explanation per gap), then the qualitative account the form asks
for. Text cells are guarded against formula injection
(:func:`essdiag.xlsx.safe_text`).

:func:`cerfa_files` builds both files from a dossier for the screens' cache.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd

from essdiag.budget.analysis import BudgetDossier, ScopeKind, VarianceReport, dossier_report
from essdiag.budget.cerfa15059 import cerfa15059_table
from essdiag.budget.views import cerfa15059_view
from essdiag.figures import View, format_cell
from essdiag.i18n import N_, Translator, translator
from essdiag.xlsx import EUR_FORMAT, PERCENT_FORMAT, new_workbook, safe_text

__all__ = [
    "CerfaHeader",
    "cerfa15059_docx",
    "cerfa15059_xlsx",
    "cerfa_files",
    "dossier_cerfa_table",
]

_SECTIONS = ("charges", "produits")


@dataclass(frozen=True)
class CerfaHeader:
    """Who reports to whom, on what, over which period, and the qualitative account.

    Attributes:
        organisation: the organisation's name.
        funder: the funder the report goes to ("" for a report of the whole).
        action: the action (project, analytic code) reported on.
        period: the period as people write it (« janvier – octobre 2026 »).
        narrative: the qualitative account of the action.
        version: the budget compared (« Budget initial 2026 »).
    """

    organisation: str = ""
    funder: str = ""
    action: str = ""
    period: str = ""
    narrative: str = ""
    version: str = ""


def _lines(header: CerfaHeader, tr: Translator) -> list[str]:
    _ = tr
    return [
        _("Compte rendu financier de l'action subventionnée (Cerfa n° 15059)"),
        _("Structure : {name}", name=header.organisation or "—"),
        _("Financeur : {funder}", funder=header.funder or _("tous financeurs")),
        _("Action / projet : {project}", project=header.action or _("ensemble de la structure")),
        _("Période : {period}", period=header.period or "—"),
        *([_("Budget de référence : {v}", v=header.version)] if header.version else []),
    ]


def _part(view: View, section: str) -> View:
    return view.rows_where(view.frame["section"] == section)


_NARRATIVE_TITLE = N_("Compte rendu qualitatif de l'action")
_NARRATIVE_HINT = N_(
    "Décrivez les actions menées, les publics touchés, les résultats obtenus au regard des "
    "objectifs de la convention, et les écarts éventuels avec le projet initial."
)


def cerfa15059_xlsx(
    view: View,
    *,
    organisation: str = "",
    project: str = "",
    period: str = "",
    header: CerfaHeader | None = None,
    lang: str = "fr",
) -> bytes:
    """The CERFA 15059 view as an XLSX workbook (one sheet, French formats)."""
    _ = translator(lang)
    header = header or CerfaHeader(organisation=organisation, action=project, period=period)
    wb, buf = new_workbook()
    ws = wb.add_worksheet("CERFA 15059")
    bold = wb.add_format({"bold": True})
    title = wb.add_format({"bold": True, "font_size": 13})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": EUR_FORMAT})
    money_total = wb.add_format({"num_format": EUR_FORMAT, "bold": True, "top": 1})
    pct = wb.add_format({"num_format": PERCENT_FORMAT})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    r = 0
    for line in _lines(header, _):
        ws.write_string(r, 0, safe_text(line), title if r == 0 else None)
        r += 1
    r += 1
    for section, name in zip(_SECTIONS, (_("CHARGES"), _("PRODUITS")), strict=True):
        ws.write_string(r, 0, name, bold)
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
    ws.write_string(r, 0, _(_NARRATIVE_TITLE), bold)
    ws.merge_range(r + 1, 0, r + 8, 6, safe_text(header.narrative or _(_NARRATIVE_HINT)), wrap)
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 48)
    ws.set_column(2, 5, 14)
    ws.set_column(6, 6, 60)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    wb.close()
    return buf.getvalue()


def _set_widths(table: Any, widths_cm: list[float]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)  # the cells: what Word reads


def cerfa15059_docx(  # noqa: PLR0912 - a branch per part of the form
    view: View,
    *,
    organisation: str = "",
    project: str = "",
    period: str = "",
    header: CerfaHeader | None = None,
    lang: str = "fr",
) -> bytes:
    """The CERFA 15059 view as a Word document (landscape A4, one table per section)."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    _ = translator(lang)
    header = header or CerfaHeader(organisation=organisation, action=project, period=period)
    doc = Document()
    page = doc.sections[0]
    page.orientation = WD_ORIENT.LANDSCAPE
    page.page_width, page.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(page, side, Cm(1.6))
    doc.styles["Normal"].font.size = Pt(10)
    title, *rest = _lines(header, _)
    doc.add_heading(title, level=1)
    for line in rest:
        doc.add_paragraph(line).paragraph_format.space_after = Pt(2)
    columns = {c.key: c for c in view.columns}
    widths = [9.0, 3.2, 3.2, 5.0, 6.1]
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
            cells = grid.add_row().cells
            for k, (cell, text) in enumerate(zip(cells, values, strict=True)):
                cell.text = text
                paragraph = cell.paragraphs[0]
                if k in (1, 2, 3):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in paragraph.runs:
                    run.font.size = Pt(9)
                    run.bold = bool(rec["total"])
        _set_widths(grid, widths)
    doc.add_paragraph(
        _(
            "Les écarts signalés dépassent les seuils de significativité retenus dans le "
            "dossier ; le formulaire Cerfa n° 15059 demande de les expliquer."
        )
    )
    doc.add_heading(_(_NARRATIVE_TITLE), level=2)
    if header.narrative:
        for paragraph in header.narrative.split("\n"):
            doc.add_paragraph(paragraph)
    else:
        hint = doc.add_paragraph(_(_NARRATIVE_HINT))
        for run in hint.runs:
            run.italic = True
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


class _Dossier(BudgetDossier, Protocol):
    """What :func:`cerfa_files` reads of a dossier: its budget and its identity's name."""

    @property
    def identity(self) -> Any: ...


def _table_of(report: VarianceReport) -> pd.DataFrame:
    """The CERFA 15059 table of a report's scope (an action, a funder's actions, or the whole)."""
    kind, name = report.scope.kind, report.scope.name
    return cerfa15059_table(
        report.attributed,
        report.period,
        analytic=name if kind is ScopeKind.ACTION else None,
        funder=name if kind is ScopeKind.FUNDER else None,
        materiality=report.materiality,
        comments=list(report.comments),
        version=report.version_id,
    )


def dossier_cerfa_table(
    dossier: BudgetDossier, *, ledgers: Mapping[int, pd.DataFrame], **choices: str
) -> pd.DataFrame:
    """The CERFA 15059 table of a scope, for the screen (``essdiag.ui.cache.computed``).

    ``choices`` are those of :func:`essdiag.budget.analysis.dossier_report`
    (through, period, level, version, scope). The same table :func:`cerfa_files`
    writes: kept per revision and choices, not rebuilt on every rerun.
    """
    return _table_of(dossier_report(dossier, ledgers=ledgers, **choices))


def cerfa_files(
    dossier: _Dossier,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    lang: str = "fr",
    **choices: str,
) -> tuple[bytes, bytes, str]:
    """The DOCX and XLSX of the scope's CERFA 15059, and their file name's stem.

    For ``essdiag.ui.cache.computed`` (built once per revision and choices;
    ``choices`` as for :func:`dossier_cerfa_table`).
    """
    report = dossier_report(dossier, ledgers=ledgers, **choices)
    tr = translator(lang)
    kind, name = report.scope.kind, report.scope.name
    table = _table_of(report)
    funders = sorted(set(report.attributed.loc[report.attributed["funder"] != "", "funder"]))
    codes = sorted(set(report.attributed["analytic"]) - {""})
    funder = name if kind is ScopeKind.FUNDER else (", ".join(funders) if len(funders) == 1 else "")
    action = (
        name if kind is ScopeKind.ACTION else ", ".join(codes) if kind is ScopeKind.FUNDER else ""
    )
    header = CerfaHeader(
        organisation=dossier.identity.name,
        funder=funder,
        action=action,
        period=report.period.title(tr),
        narrative=dossier.budget.narrative(report.scope.key, report.period.key),
        version=tr.fill(report.version.name, report.version.name_params) if report.version else "",
    )
    view = cerfa15059_view(table, export=True)
    slug = "".join(ch if ch.isalnum() else "_" for ch in (name or "structure"))
    stem = f"cerfa15059_{slug}_{report.period.key}"
    return (
        cerfa15059_docx(view, header=header, lang=lang),
        cerfa15059_xlsx(view, header=header, lang=lang),
        stem,
    )

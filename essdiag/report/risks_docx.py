"""DOCX export of the risk map: matrix, map, top risks, register, follow-up, continuity.

A document the director can hand to the board or put in a portfolio: the
same views as the screen (:mod:`essdiag.risks.views`,
:mod:`essdiag.risks.follow`), headers and cells written by the views, with
the map drawn as a table whose cells carry their band's word and colour.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.risks.follow import continuity_view, overdue_actions_view
from essdiag.risks.matrix import band_ranges, current_matrix
from essdiag.risks.scoring import risk_score
from essdiag.risks.section import RiskSection
from essdiag.risks.views import heatmap_view, top_risks_view

__all__ = ["risk_map_docx"]


def _shade(cell: Any, colour: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), colour.lstrip("#"))
    tc_pr.append(shd)


def _table(doc: Any, view: View, tr: Translator) -> Any:
    """A view as a Word table: its headers, then its cells as the screen writes them."""
    headers = view.headers(tr)
    rows = view.display(tr).values.tolist()
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def risk_map_docx(
    section: RiskSection, tr: Translator, *, today: date, organisation: str = ""
) -> bytes:
    """The risk map as DOCX bytes, situation at ``today``."""
    from docx import Document

    doc = Document()
    title = tr("Cartographie des risques")
    doc.add_heading(f"{title} — {organisation}" if organisation else title, level=0)
    matrix = current_matrix(section)
    active = section.active_risks()
    doc.add_paragraph(
        tr(
            "Situation au {date} : {n} risques suivis, matrice {size}×{size} (version {version}). "
            "Score = probabilité × gravité ; le risque résiduel tient compte des mesures en place.",
            date=tr.date(today),
            n=len(active),
            size=matrix.size,
            version=matrix.version,
        )
    )

    doc.add_heading(tr("Carte des risques résiduels"), level=1)
    cells = heatmap_view(section, "residual").frame
    n = matrix.size
    grid = doc.add_table(rows=n + 1, cols=n + 1)
    grid.style = "Table Grid"
    grid.cell(0, 0).text = tr("Probabilité \\ Gravité")
    for j, level in enumerate(matrix.impact, start=1):
        grid.cell(0, j).text = f"{j}. {tr(level.label)}"
    for row in cells.itertuples():
        r = 1 + (n - int(row.likelihood))
        if int(row.impact) == 1:
            grid.cell(
                r, 0
            ).text = (
                f"{int(row.likelihood)}. {tr(matrix.likelihood[int(row.likelihood) - 1].label)}"
            )
        cell = grid.cell(r, int(row.impact))
        cell.text = f"{tr(str(row.band))} ({int(row.score)})" + (
            f"\n{row.risks}" if row.risks else ""
        )
        _shade(cell, str(row.colour))
    doc.add_paragraph(tr("Zones de criticité"))
    for band, low, high in band_ranges(matrix):
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(f"{tr(band.label)} ({low}–{high})").bold = True
        if band.guidance:
            item.add_run(f" : {tr(band.guidance)}")

    doc.add_heading(tr("Risques prioritaires"), level=1)
    top = top_risks_view(section, 10)
    _table(doc, top.select(("id", "title", "owner", "inherent", "residual", "band")), tr)

    _register(doc, section, tr)

    doc.add_heading(tr("Actions en retard"), level=1)
    late = overdue_actions_view(section, today)
    if late.empty:
        doc.add_paragraph(tr("Aucune action en retard."))
    else:
        _table(doc, late.select(("id", "action", "action_owner", "due_on", "days_late")), tr)

    _continuity(doc, section, tr)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _register(doc: Any, section: RiskSection, tr: Translator) -> None:
    doc.add_heading(tr("Registre des risques"), level=1)
    for risk in section.risks:
        s = risk_score(risk, section)
        doc.add_heading(f"{risk.id} — {risk.title}", level=2)
        lines = [
            (tr("Catégorie"), tr(risk.category.label)),
            (tr("Responsable"), risk.owner or "–"),
            (tr("Cause"), risk.cause or "–"),
            (tr("Conséquence"), risk.consequence or "–"),
            (tr("Score brut"), f"{s.inherent} ({tr(s.inherent_band)})"),
            (tr("Mesures existantes"), " ; ".join(risk.controls) or "–"),
            (
                tr("Score résiduel"),
                f"{s.residual} ({tr(s.residual_band or '')})" if s.residual is not None else "–",
            ),
            (tr("Traitement"), tr(risk.treatment.label) if risk.treatment else "–"),
            (tr("Prochaine revue"), tr.date(risk.review_on) if risk.review_on else "–"),
        ]
        if risk.funder:
            lines.append((tr("Financeur concerné"), risk.funder))
        if risk.skill:
            lines.append((tr("Compétence concernée"), risk.skill))
        for label, value in lines:
            p = doc.add_paragraph()
            p.add_run(f"{label} : ").bold = True
            p.add_run(value)
        for action in risk.actions:
            due = tr.date(action.due_on) if action.due_on else tr("sans échéance")
            doc.add_paragraph(
                f"{action.title} — {action.owner or '–'} — {due}", style="List Bullet"
            )


_NOT_LINES = ("id", "activity", "worst_band")
"""Columns of a continuity sheet that are not one of its lines (the heading holds two)."""


def _continuity(doc: Any, section: RiskSection, tr: Translator) -> None:
    doc.add_heading(tr("Continuité des activités critiques"), level=1)
    view = continuity_view(section)
    if view.empty:
        doc.add_paragraph(tr("Aucune fiche de continuité."))
    lines = view.select(c.key for c in view.columns if c.key not in _NOT_LINES)
    labels = lines.headers(tr)
    for sheet_id, activity, texts in zip(
        view.values("id"), view.values("activity"), lines.display(tr).values.tolist(), strict=True
    ):
        doc.add_heading(f"{sheet_id} — {activity}", level=2)
        for label, text in zip(labels, texts, strict=True):
            p = doc.add_paragraph()
            p.add_run(f"{label} : ").bold = True
            p.add_run(str(text) or "–")

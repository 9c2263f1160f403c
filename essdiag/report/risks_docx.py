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
from essdiag.risks.columns import joined
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


_PAGE_CM = 16.0
"""Width of the text on an A4 page with Word's default margins."""
_TABLE_POINTS = 9
"""Size of the tables' text: a register's columns fit the page."""


def _widths(headers: list[str], rows: list[list[str]], numeric: list[bool]) -> list[float]:
    """Column widths in cm: each as wide as its longest word, the rest of the page shared by
    the text columns after the length of what they hold (numbers stay narrow)."""
    texts = [[h, *(r[i] for r in rows)] for i, h in enumerate(headers)]
    least = [0.45 + 0.2 * max(len(w) for t in col for w in (t.split() or [""])) for col in texts]
    spare = max(_PAGE_CM - sum(least), 0.0)
    share = [0.0 if numeric[i] else sum(map(len, col)) / len(col) for i, col in enumerate(texts)]
    total = sum(share) or 1.0
    return [low + spare * part / total for low, part in zip(least, share, strict=True)]


def _grid_widths(grid: Any, n: int) -> None:
    """The map's grid: the likelihood levels' column wider, the n cells sharing the rest."""
    from docx.shared import Cm

    first = 3.4
    widths = [first] + [(_PAGE_CM - first) / n] * n
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)
    for r in grid.rows:
        for cell, width in zip(r.cells, widths, strict=True):
            cell.width = Cm(width)


def _table(doc: Any, view: View, tr: Translator) -> Any:
    """A view as a Word table: its headers, then its cells as the screen writes them.

    Numbers are aligned to the right; columns share the page by what they hold.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    headers = view.headers(tr)
    rows = view.display(tr).values.tolist()
    numeric = [c.numeric for c in view.columns]
    widths = _widths(headers, rows, numeric)
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads; Word reads the cells'
    for r in table.rows:
        for cell, width, right in zip(r.cells, widths, numeric, strict=True):
            cell.width = Cm(width)
            paragraph = cell.paragraphs[0]
            if right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(_TABLE_POINTS)
    return table


def risk_map_docx(
    section: RiskSection, tr: Translator, *, today: date, organisation: str = ""
) -> bytes:
    """The risk map as DOCX bytes, situation at ``today``, in the reader's language (``tr``)."""
    from docx import Document

    _ = tr
    doc = Document()
    title = _("Cartographie des risques")
    doc.add_heading(f"{title} — {organisation}" if organisation else title, level=0)
    matrix = current_matrix(section)
    active = section.active_risks()
    doc.add_paragraph(
        _(
            "Situation au {date} : {n} risques suivis, matrice {size}×{size} (version {version}). "
            "Score = probabilité × gravité ; le risque résiduel tient compte des mesures en place.",
            date=tr.date(today),
            n=len(active),
            size=matrix.size,
            version=matrix.version,
        )
    )

    doc.add_heading(_("Carte des risques résiduels"), level=1)
    cells = heatmap_view(section, "residual").frame
    n = matrix.size
    grid = doc.add_table(rows=n + 1, cols=n + 1)
    grid.style = "Table Grid"
    grid.cell(0, 0).text = _("Probabilité \\ Gravité")
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
    _grid_widths(grid, n)
    doc.add_paragraph(_("Zones de criticité"))
    for band, low, high in band_ranges(matrix):
        item = doc.add_paragraph(style="List Bullet")
        words = f"{tr(band.label)} ({low}–{high})"
        if band.guidance:
            item.add_run(_("{label} :", label=words)).bold = True
            item.add_run(" " + _(band.guidance))
        else:
            item.add_run(words).bold = True

    doc.add_heading(_("Risques prioritaires"), level=1)
    top = top_risks_view(section, 10)
    _table(doc, top.select(("id", "title", "owner", "inherent", "residual", "band")), tr)

    _register(doc, section, tr)

    doc.add_heading(_("Actions en retard"), level=1)
    late = overdue_actions_view(section, today)
    if late.empty:
        doc.add_paragraph(_("Aucune action en retard."))
    else:
        _table(doc, late.select(("id", "action", "action_owner", "due_on", "days_late")), tr)

    _continuity(doc, section, tr)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


class _Paragraphs:
    """Paragraphs appended at the end of a document in constant time.

    python-docx's ``add_paragraph`` looks for the place of each new paragraph
    among all those already there, and a style given by name among all the
    styles: a register of 500 risks (6,000 paragraphs) took 25 s. Here the
    paragraph goes just before the section properties, with the style's id
    found once.
    """

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.body = doc.element.body
        self.end = self.body.sectPr
        self.ids: dict[str, str] = {}

    def add(self, text: str = "", style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        p = OxmlElement("w:p")
        if self.end is not None:
            self.end.addprevious(p)
        else:
            self.body.append(p)
        paragraph = Paragraph(p, self.doc._body)
        if style is not None:
            if style not in self.ids:
                self.ids[style] = self.doc.styles[style].style_id
            p.style = self.ids[style]
        if text:
            paragraph.add_run(text)
        return paragraph

    def labelled(self, label: str, value: str, tr: Translator) -> None:
        """« Label : value », the label in bold."""
        paragraph = self.add()
        paragraph.add_run(tr("{label} :", label=label) + " ").bold = True
        paragraph.add_run(value)


def _register(doc: Any, section: RiskSection, tr: Translator) -> None:
    _ = tr
    out = _Paragraphs(doc)
    out.add(_("Registre des risques"), "Heading 1")
    for risk in section.risks:
        s = risk_score(risk, section)
        out.add(f"{risk.id} — {risk.title}", "Heading 2")
        lines = [
            (_("Catégorie"), tr(risk.category.label)),
            (_("Responsable"), risk.owner or "–"),
            (_("Cause"), risk.cause or "–"),
            (_("Conséquence"), risk.consequence or "–"),
            (_("Score brut"), f"{s.inherent} ({tr(s.inherent_band)})"),
            (_("Mesures existantes"), joined(risk.controls, _) or "–"),
            (
                _("Score résiduel"),
                f"{s.residual} ({tr(s.residual_band or '')})" if s.residual is not None else "–",
            ),
            (_("Traitement"), tr(risk.treatment.label) if risk.treatment else "–"),
            (_("Prochaine revue"), tr.date(risk.review_on) if risk.review_on else "–"),
        ]
        if risk.funder:
            lines.append((_("Financeur concerné"), risk.funder))
        if risk.skill:
            lines.append((_("Compétence concernée"), risk.skill))
        for label, value in lines:
            out.labelled(label, value, tr)
        for action in risk.actions:
            due = tr.date(action.due_on) if action.due_on else _("sans échéance")
            out.add(f"{action.title} — {action.owner or '–'} — {due}", "List Bullet")


_NOT_LINES = ("id", "activity", "worst_band")
"""Columns of a continuity sheet that are not one of its lines (the heading holds two)."""


def _continuity(doc: Any, section: RiskSection, tr: Translator) -> None:
    _ = tr
    out = _Paragraphs(doc)
    out.add(_("Continuité des activités critiques"), "Heading 1")
    view = continuity_view(section)
    if view.empty:
        out.add(_("Aucune fiche de continuité."))
    lines = view.select(c.key for c in view.columns if c.key not in _NOT_LINES)
    labels = lines.headers(tr)
    for sheet_id, activity, texts in zip(
        view.values("id"), view.values("activity"), lines.display(tr).values.tolist(), strict=True
    ):
        out.add(f"{sheet_id} — {activity}", "Heading 2")
        for label, text in zip(labels, texts, strict=True):
            out.labelled(label, str(text) or "–", tr)

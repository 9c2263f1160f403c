"""DOCX summary of the HR diagnosis for the board and the social and economic committee (CSE).

A few pages: headcount, pay policy and ESUS caps, the equality index with each
indicator's points, the EU pay-transparency gaps, the OETH, the skills risks
and the head of the training plan, the social indicators and the survey by
theme — each figure with its working (or why it cannot be computed), so the
document can go into a learner's portfolio as it is. Tables keep the columns
a reader of a printed page needs; the workbook (:mod:`essdiag.report.hr_xlsx`)
has every column and every row.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from essdiag.figures import Figure, View
from essdiag.hr.report import HRReport
from essdiag.i18n import Translator
from essdiag.report import to_the_cent, value_and_reading

__all__ = ["hr_docx"]

MAX_ROWS = 15
"""Rows of a table printed in the summary; the workbook has them all."""

TEXT_WIDTH_CM = 17.0
"""Width of the text on an A4 page with 2 cm margins."""

GREY = (0x59, 0x59, 0x59)
"""Colour of a figure's working (dark grey, contrast ratio above 7:1 on white)."""


def _widths(rows: Sequence[Sequence[str]], total_cm: float = TEXT_WIDTH_CM) -> list[Any]:
    """Column widths in proportion to their longest word or value (a long text wraps, a code not).

    Words are split at plain spaces only: an amount (« 1 100 € ») holds
    no-break spaces and is measured whole, so it is never broken over two lines.
    """
    from docx.shared import Cm

    weights = []
    for i in range(len(rows[0])):
        cells = [r[i] for r in rows]
        longest_word = max((len(w) for c in cells for w in c.split(" ")), default=1)
        longest_text = max((len(c) for c in cells[1:]), default=1)
        weights.append(max(longest_word + 3, min(longest_text, 28), 6))  # + the cell's padding
    scale = total_cm / sum(weights)
    return [Cm(w * scale) for w in weights]


def _table(doc: Any, view: View, tr: Translator, keys: Sequence[str] | None = None) -> None:
    """A view as a table, on the columns ``keys`` (all by default), at most :data:`MAX_ROWS` rows."""
    _ = tr
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    part = view.select(keys) if keys else view
    shown = part.display(tr).head(MAX_ROWS)
    table = doc.add_table(rows=1, cols=len(shown.columns))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    numeric = [c.numeric for c in part.columns]
    rows = [
        list(map(str, shown.columns)),
        *[list(map(str, r)) for r in shown.itertuples(index=False)],
    ]
    widths = _widths(rows)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice reads; Word reads the cells' widths
    for n, values in enumerate(rows):
        cells = table.rows[0].cells if n == 0 else table.add_row().cells
        for cell, value, right, width in zip(cells, values, numeric, widths, strict=True):
            cell.text = value
            cell.width = width
            for paragraph in cell.paragraphs:
                if right and n:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
    if len(view) > MAX_ROWS:
        note = doc.add_paragraph(_("… {n} lignes au total (voir l'export Excel).", n=len(view)))
        note.runs[0].font.size = Pt(8.5)


def _figure(doc: Any, fig: Figure, tr: Translator) -> None:
    """A figure as a bullet (value, then its reading or why it is missing) and its working below."""
    _ = tr
    from docx.shared import Cm, Pt, RGBColor

    p = doc.add_paragraph(style="List Bullet")
    p.add_run(_("{label} :", label=tr(fig.label)) + " ").bold = True
    value, reading = value_and_reading(fig, tr)  # « 25 points sur 35 », the value once
    steps = to_the_cent(fig).steps(tr)
    if not fig.available and not reading:  # why, in place of a value it does not have
        reason = tr(fig.reason) if fig.reason else _("données manquantes")
        missing = _("Non calculable : {reason}", reason=reason)
        p.add_run(missing)
        steps = [s for s in steps if s != missing]
    else:
        p.add_run(f"{value} — {reading}" if reading else value)
    detail = doc.add_paragraph(_(" ; ").join(steps))  # « ; » spaced as each language spaces it
    detail.paragraph_format.left_indent = Cm(1.2)
    detail.paragraph_format.space_after = Pt(6)
    for run in detail.runs:
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor(*GREY)


Part = tuple[str, str, list[Figure], list[tuple[View, Sequence[str] | None]]]
"""A part of the summary: title, a note (or ""), figures, tables with the columns printed."""


def _sections(rep: HRReport, tr: Translator) -> list[Part]:
    """The summary's parts, in the screen's order."""
    _ = tr
    equality = [i.figure for i in rep.equality.indicators.values() if i.applicable]
    idx = rep.equality
    counted = _(
        "{n} personnes comptées ({w} femmes, {m} hommes) : apprentis, contrats de "
        "professionnalisation et personnes absentes plus de la moitié de la période exclus.",
        n=idx.counted,
        w=idx.women,
        m=idx.men,
    )
    parts: list[Part] = [
        (_("Effectif"), "", list(rep.headcount.values()), [(rep.by_category, None)]),
        (
            _("Politique de rémunération"),
            "",
            [rep.pay["median"], rep.pay["ratio"], rep.esus_caps["top5"], rep.esus_caps["top"]],
            [(rep.pay_bands, None)],
        ),
        (_("Index de l'égalité professionnelle"), counted, [idx.figure, *equality], []),
        (
            _("Transparence salariale (directive européenne 2023/970)"),
            "",
            list(rep.transparency.values()),
            [(rep.category_gaps, None)],
        ),
        (
            _("Obligation d'emploi des travailleurs handicapés"),
            "",
            list(rep.oeth.figures.values()),
            [(rep.beneficiaries, None)],
        ),
        (
            _("Compétences et formation"),
            "",
            list(rep.skills.values()),
            [
                (rep.key_person_table, None),
                (
                    rep.plan,
                    ("priority", "person", "skill", "from_level", "to_level", "cost", "cumulative"),
                ),
            ],
        ),
        (_("Indicateurs sociaux"), "", list(rep.social.values()), [(rep.training_access, None)]),
    ]
    if rep.survey_themes is not None:
        note = _(
            "{n} répondants ; score de 1 (défavorable) à 5 (favorable).",
            n=rep.survey_respondents,
        )
        parts.append((_("Qualité de vie au travail"), note, [], [(rep.survey_themes, None)]))
    return parts


def hr_docx(rep: HRReport, tr: Translator) -> bytes:
    """The summary as DOCX bytes (A4, 2 cm margins)."""
    _ = tr
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = section.bottom_margin = Cm(2.0)
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(_("Ressources humaines — {name}", name=rep.organisation), 0)
    doc.add_paragraph(
        _(
            "Période du {start} au {end}. Document de synthèse pour le conseil d'administration et le "
            "comité social et économique.",
            start=tr.date(rep.period_start),
            end=tr.date(rep.period_end),
        )
    )
    for title, note, figures, views in _sections(rep, tr):
        doc.add_heading(title, 1)
        if note:
            doc.add_paragraph(note)
        for fig in figures:
            _figure(doc, fig, tr)
        for view, keys in views:
            doc.add_heading(tr(view.title), 2)
            _table(doc, view, tr, keys)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

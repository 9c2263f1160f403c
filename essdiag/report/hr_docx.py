"""DOCX summary of the HR diagnosis for the board and the social and economic committee (CSE).

A few pages: headcount, pay policy and ESUS caps, the equality index with each
indicator's points, the OETH, the skills risks and the training plan, the
social indicators and the survey by theme — each figure with its working, so
the document can go into a learner's portfolio as it is.
"""

from __future__ import annotations

import io
from typing import Any

from essdiag.figures import Figure, View
from essdiag.hr.report import HRReport
from essdiag.i18n import Translator

__all__ = ["hr_docx"]

MAX_ROWS = 40


def _table(doc: Any, view: View, tr: Translator) -> None:
    shown = view.display(tr).head(MAX_ROWS)
    table = doc.add_table(rows=1, cols=len(shown.columns))
    table.style = "Light Grid Accent 1"
    for cell, header in zip(table.rows[0].cells, shown.columns, strict=True):
        cell.text = str(header)
    for record in shown.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, record, strict=True):
            cell.text = str(value)
    if len(view) > MAX_ROWS:
        doc.add_paragraph(tr("… {n} lignes au total (voir l'export Excel).", n=len(view)))


def _figure(doc: Any, fig: Figure, tr: Translator) -> None:
    p = doc.add_paragraph(style="List Bullet")
    p.add_run(f"{tr(fig.label)} : ").bold = True
    p.add_run(fig.shown(tr))
    reading = fig.read(tr)
    if reading:
        p.add_run(f" — {reading}")
    detail = doc.add_paragraph(" ; ".join(fig.steps(tr)[1:]))
    detail.paragraph_format.left_indent = 457200
    for run in detail.runs:
        run.font.size = 114300  # 9 pt in EMU


def hr_docx(rep: HRReport, tr: Translator) -> bytes:
    """The summary as DOCX bytes."""
    from docx import Document

    doc = Document()
    doc.add_heading(tr("Ressources humaines — {name}", name=rep.organisation), 0)
    doc.add_paragraph(
        tr(
            "Période du {start} au {end}. Document de synthèse pour le conseil d'administration et le "
            "comité social et économique.",
            start=tr.date(rep.period_start),
            end=tr.date(rep.period_end),
        )
    )
    sections: list[tuple[str, list[Figure], list[View]]] = [
        (tr("Effectif"), list(rep.headcount.values()), [rep.by_category]),
        (
            tr("Politique de rémunération"),
            [rep.pay["median"], rep.pay["ratio"], rep.esus_caps["top5"], rep.esus_caps["top"]],
            [rep.pay_bands],
        ),
        (
            tr("Index de l'égalité professionnelle"),
            [
                rep.equality.figure,
                *[i.figure for i in rep.equality.indicators.values() if i.applicable],
            ],
            [rep.equality_table, rep.category_gaps],
        ),
        (
            tr("Obligation d'emploi des travailleurs handicapés"),
            list(rep.oeth.figures.values()),
            [],
        ),
        (
            tr("Compétences et formation"),
            list(rep.skills.values()),
            [rep.key_person_table, rep.plan],
        ),
        (tr("Indicateurs sociaux"), list(rep.social.values()), [rep.training_access]),
    ]
    if rep.survey_themes is not None:
        sections.append((tr("Qualité de vie au travail"), [], [rep.survey_themes]))
    for title, figures, views in sections:
        doc.add_heading(title, 1)
        for fig in figures:
            _figure(doc, fig, tr)
        for view in views:
            doc.add_heading(tr(view.title), 2)
            _table(doc, view, tr)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

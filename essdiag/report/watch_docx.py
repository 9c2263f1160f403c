"""DOCX exports of the watch: the board digest and the strategic diagnosis.

Documents for the board, the portfolio or the dissertation, built from the
same views and figures as the screens (:mod:`essdiag.watch`): the digest
groups the journal's items by PESTEL category (as
:func:`essdiag.watch.journal.digest_markdown`), the diagnosis follows the
chain territory → needs → ecosystem → organisation → SWOT → orientations →
actions, each figure with its working.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from essdiag.figures import Figure, View
from essdiag.funding.section import FundingSection
from essdiag.i18n import N_, Translator
from essdiag.identity import Territory
from essdiag.report import to_the_cent, value_and_reading
from essdiag.watch.diagnosis import (
    action_plan_view,
    activities_view,
    governance_figures,
    governance_view,
    jobs_figures,
    skills_view,
    swot_view,
    tows_view,
)
from essdiag.watch.ecosystem import (
    actors_view,
    cooperation_opportunities,
    ecosystem_actors,
    opportunities_view,
)
from essdiag.watch.journal import digest_items
from essdiag.watch.section import ItemLink, Pestel, Quadrant, Relevance, WatchSection
from essdiag.watch.territory import gap_figure, gap_table, gaps_view, needs_view

__all__ = ["diagnosis_docx", "digest_docx"]


def _table(doc: Any, view: View, tr: Translator) -> None:
    """A view as a Word table: its headers, then its cells as the screen writes them."""
    if view.empty:
        doc.add_paragraph(tr(N_("(aucune ligne)")))
        return
    headers = view.headers(tr)
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in view.display(tr).values.tolist():
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = str(text)


def _figure(doc: Any, fig: Figure, tr: Translator) -> None:
    """A figure: its value and reading (the value once, money to the cent), then its working."""
    _ = tr
    value, reading = value_and_reading(fig, tr)
    label = _("{label} :", label=tr(fig.label))
    doc.add_paragraph(f"{label} {value}" + (f" — {reading}" if reading else ""))
    for step in to_the_cent(fig).steps(tr):
        doc.add_paragraph(step, style="List Bullet")


def _bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def digest_docx(
    section: WatchSection,
    tr: Translator,
    *,
    organisation: str = "",
    since: date | None = None,
    until: date | None = None,
    min_relevance: int = 2,
) -> bytes:
    """The board digest as DOCX bytes (the items of the period, most relevant first)."""
    from docx import Document

    doc = Document()
    title = tr(N_("Note de veille"))
    doc.add_heading(f"{title} — {organisation}" if organisation else title, level=0)
    chosen = digest_items(section.journal, since=since, until=until, min_relevance=min_relevance)
    doc.add_paragraph(
        tr(
            N_("{n} article(s) retenu(s), pertinence {level} ou plus."),
            n=len(chosen),
            level=tr(Relevance(str(min_relevance)).label).lower(),
        )
    )
    needs = {n.id: n.title for n in section.needs}
    for cat in Pestel:
        mine = [i for i in chosen if i.category is cat]
        if not mine:
            continue
        doc.add_heading(tr(cat.label), level=1)
        for i in mine:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(i.title).bold = True
            p.add_run(f" ({tr.date(i.date)}" + (f", {i.source})" if i.source else ")"))
            detail = [tr(N_("Pertinence : {r}"), r=tr(i.relevance.label))]
            if i.link is not ItemLink.NONE:
                link = tr(i.link.label) + (
                    f" {i.need_id} — {needs.get(i.need_id, '')}" if i.need_id else ""
                )
                detail.append(tr(N_("Lien stratégique : {l}"), l=link))
            doc.add_paragraph(" · ".join(detail))
            if i.summary:
                doc.add_paragraph(i.summary)
            if i.url:
                doc.add_paragraph(i.url)
    if not chosen:
        doc.add_paragraph(tr(N_("Aucun article ne correspond à ces critères.")))
    return _bytes(doc)


def diagnosis_docx(
    section: WatchSection,
    funding: FundingSection,
    territory: Territory,
    tr: Translator,
    *,
    today: date,
    organisation: str = "",
) -> bytes:
    """The strategic diagnosis as DOCX bytes, from the territory to the action plan."""
    from docx import Document

    doc = Document()
    title = tr(N_("Diagnostic stratégique"))
    doc.add_heading(f"{title} — {organisation}" if organisation else title, level=0)
    doc.add_paragraph(tr(N_("Situation au {date}."), date=tr.date(today)))

    doc.add_heading(tr(N_("1. Territoire : écarts aux références")), level=1)
    gaps = gap_table(section, territory)
    _figure(doc, gap_figure(gaps, section.settings.threshold), tr)
    for view in gaps_view(gaps):
        doc.add_heading(tr(view.title), level=2)
        _table(doc, view, tr)
    if bool(gaps["illustrative"].any()) if len(gaps) else False:
        doc.add_paragraph(
            tr(
                N_(
                    "Attention : certaines valeurs sont illustratives (cas pédagogique), pas des statistiques officielles."
                )
            )
        )

    doc.add_heading(tr(N_("2. Besoins retenus")), level=1)
    _table(doc, needs_view(section.needs), tr)

    doc.add_heading(tr(N_("3. Écosystème")), level=1)
    actors = ecosystem_actors(section, funding)
    _table(
        doc,
        actors_view(actors).select(
            ["name", "type", "relation", "influence", "interest", "quadrant"]
        ),
        tr,
    )
    doc.add_heading(tr(N_("Opportunités de coopération")), level=2)
    _table(doc, opportunities_view(cooperation_opportunities(actors)), tr)

    doc.add_heading(tr(N_("4. Analyse de la structure")), level=1)
    d = section.diagnosis
    if d.status_notes:
        doc.add_paragraph(d.status_notes)
    _table(
        doc,
        governance_view(d.bodies).select(
            ["name", "members", "held_share", "attendance", "renewal", "women"]
        ),
        tr,
    )
    for fig in governance_figures(d).values():
        _figure(doc, fig, tr)
    doc.add_heading(tr(N_("Activités")), level=2)
    _table(doc, activities_view(d), tr)
    doc.add_heading(tr(N_("Compétences")), level=2)
    _table(doc, skills_view(d), tr)
    if d.economic_notes:
        doc.add_heading(tr(N_("Modèle économique")), level=2)
        doc.add_paragraph(d.economic_notes)

    doc.add_heading(tr(N_("5. SWOT")), level=1)
    grid = doc.add_table(rows=2, cols=2)
    grid.style = "Table Grid"
    for cell, q in zip([c for row in grid.rows for c in row.cells], Quadrant, strict=True):
        cell.text = tr(q.label)
        cell.paragraphs[0].runs[0].bold = True
        for item in (i for i in d.swot if i.quadrant is q):
            cell.add_paragraph(f"{item.id} {item.text} [{tr(item.origin.kind.label)}]")
    doc.add_paragraph()
    _table(doc, swot_view(d), tr)

    doc.add_heading(tr(N_("6. Orientations stratégiques (TOWS)")), level=1)
    _table(doc, tows_view(d), tr)
    for fig in jobs_figures(d).values():
        _figure(doc, fig, tr)
    doc.add_heading(tr(N_("7. Plan d'actions")), level=1)
    _table(doc, action_plan_view(d), tr)
    return _bytes(doc)

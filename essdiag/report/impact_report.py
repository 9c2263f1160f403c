"""The impact report's content, laid out once for the DOCX and the PDF writers.

Where it sits: layer 3. :func:`build_report` reads the identity and impact
sections with the computed results (the indicator board, the SROI analysis,
each survey's answers) and returns an :class:`ImpactReport`: a list of blocks
(headings, paragraphs, figures with their working, tables, chart images)
written in the reader's language. :mod:`essdiag.report.impact_docx` and
:mod:`essdiag.report.impact_pdf` only lay the blocks out, so both documents
say the same thing. Charts are the screen's own builders
(:mod:`essdiag.charts.impact`), rendered to PNG by kaleido through one
Chromium session; when no browser is available the report keeps its tables
and says the charts are missing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from essdiag.charts.impact import (
    keywords_chart,
    likert_chart,
    nps_chart,
    progress_chart,
    sroi_outcomes_chart,
    theory_chart,
    tornado_chart,
)
from essdiag.figures import Figure, View
from essdiag.i18n import N_, Translator
from essdiag.identity import Identity
from essdiag.impact.indicators import Board, board_figures, board_view
from essdiag.impact.results import SroiAnalysis
from essdiag.impact.section import ImpactSection, QuestionKind, Survey
from essdiag.impact.sroi_views import (
    GREEN_BOOK,
    SROI_REFERENCE,
    break_even_view,
    inputs_view,
    outcomes_view,
    sroi_figures,
    tornado_view,
)
from essdiag.impact.stats import MIN_GROUP
from essdiag.impact.survey_views import (
    MEAN_REFERENCE,
    NPS_REFERENCE,
    distribution_view,
    keyword_view,
    likert_view,
    nps_view,
    survey_figures,
)
from essdiag.impact.theory import chain_remarks, chain_view, links_view

__all__ = [
    "Bullets",
    "FigureBlock",
    "Heading",
    "ImageBlock",
    "ImpactReport",
    "Paragraph",
    "TableBlock",
    "build_report",
    "render_images",
]

log = logging.getLogger("essdiag.report")

TORNADO_ROWS = 15
"""Assumptions of the tornado printed in the report (the widest swings)."""


@dataclass(frozen=True)
class Heading:
    """A heading (level 1 or 2)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: str


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class FigureBlock:
    """A figure: its label, value and reading, then its working step by step."""

    label: str
    value: str
    reading: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    """A table of display strings, with its title."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ImageBlock:
    """A chart as PNG (None when it could not be drawn) and its caption."""

    png: bytes | None
    caption: str
    width_px: int = 1000


Block = Heading | Paragraph | Bullets | FigureBlock | TableBlock | ImageBlock


@dataclass
class ImpactReport:
    """The report: title, subtitle and blocks, in the reader's language."""

    title: str
    subtitle: str
    blocks: list[Block] = field(default_factory=list)


def _figure(fig: Figure, tr: Translator) -> FigureBlock:
    label = tr(fig.label) + (f" ({tr(fig.scope)})" if fig.scope else "")
    return FigureBlock(
        label=label, value=fig.shown(tr), reading=fig.read(tr), steps=tuple(fig.steps(tr))
    )


def _table(view: View, tr: Translator, keys: Sequence[str] | None = None) -> TableBlock:
    shown = view.select(keys) if keys else view
    frame = shown.display(tr)
    return TableBlock(
        title=tr(view.title),
        headers=tuple(str(h) for h in frame.columns),
        rows=tuple(tuple(str(v) for v in row) for row in frame.itertuples(index=False)),
    )


def render_images(figures: Sequence[tuple[Any, int, int]]) -> list[bytes | None]:
    """PNG images of plotly figures (figure, width, height), through one Chromium session.

    Runs in its own thread with its own event loop (the screens' thread may
    have one). Any failure (no browser on the machine, a timeout) gives None
    for every image, logged: the report is still written, with its tables.
    """
    if not figures:
        return []

    async def render() -> list[bytes]:
        import kaleido  # type: ignore[import-untyped]  # heavy: imported when a report is made

        async with kaleido.Kaleido(n=1) as k:
            out = []
            for fig, width, height in figures:
                opts = {"format": "png", "width": width, "height": height, "scale": 2}
                out.append(bytes(await k.calc_fig(fig, opts=opts)))
            return out

    try:
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            return list(pool.submit(asyncio.run, render()).result(timeout=180))
    except Exception:  # a missing browser or a crashed one: the report goes on without charts
        log.warning("charts of the impact report could not be drawn", exc_info=True)
        return [None] * len(figures)


class _Charts:
    """Charts collected while the blocks are laid out, rendered together at the end."""

    def __init__(self) -> None:
        self.pending: list[tuple[Any, int, int]] = []
        self.slots: list[int] = []

    def add(self, report: ImpactReport, fig: Any, caption: str, width: int = 1000) -> None:
        height = int(fig.layout.height or 480)
        self.pending.append((fig, width, height))
        self.slots.append(len(report.blocks))
        report.blocks.append(ImageBlock(png=None, caption=caption, width_px=width))

    def render(self, report: ImpactReport, tr: Translator) -> None:
        images = render_images(self.pending)
        missing = False
        for slot, png in zip(self.slots, images, strict=True):
            block = report.blocks[slot]
            assert isinstance(block, ImageBlock)
            report.blocks[slot] = ImageBlock(
                png=png, caption=block.caption, width_px=block.width_px
            )
            missing = missing or png is None
        if missing:
            report.blocks.insert(
                0,
                Paragraph(
                    tr(
                        N_(
                            "Les graphiques n'ont pas pu être dessinés sur ce poste (navigateur "
                            "absent) : les tableaux qui les accompagnent donnent les mêmes valeurs."
                        )
                    )
                ),
            )


def _theory_part(
    report: ImpactReport, pics: _Charts, section: ImpactSection, tr: Translator
) -> None:
    add = report.blocks.append
    add(Heading(tr(N_("Théorie du changement"))))
    if not section.theory:
        add(Paragraph(tr(N_("La théorie du changement n'est pas encore décrite."))))
        return
    chain = chain_view(section)
    pics.add(report, theory_chart(chain, links_view(section), tr), tr(chain.title), 1100)
    add(_table(chain, tr, ("level", "title", "leads_to", "indicators")))
    remarks = chain_remarks(section)
    if remarks:
        add(Paragraph(tr(N_("Points à revoir dans la chaîne :"))))
        add(Bullets(tuple(tr.fill(i.template, i.params, ("level",)) for i in remarks)))


_BOARD_KEYS = (
    "name",
    "latest_period",
    "latest",
    "unit",
    "target",
    "target_period",
    "progress",
    "status",
    "trend",
)


def _board_part(report: ImpactReport, pics: _Charts, board: Board, tr: Translator) -> None:
    add = report.blocks.append
    add(Heading(tr(N_("Tableau de bord des indicateurs"))))
    if not board.states:
        add(Paragraph(tr(N_("Aucun indicateur n'est encore suivi."))))
        return
    for fig in board_figures(board).values():
        add(_figure(fig, tr))
    view = board_view(board)
    if view.frame["progress"].notna().any():
        pics.add(report, progress_chart(view, tr), tr(N_("Progression vers la cible")))
    add(_table(view, tr, _BOARD_KEYS))
    computed = [p for s in board.states for p in s.points if p.working is not None]
    if computed:
        add(Heading(tr(N_("Valeurs calculées par le dossier")), 2))
        for point in computed:
            assert point.working is not None
            add(_figure(point.working.model_copy(update={"scope": point.period}), tr))


_OUTCOME_KEYS = (
    "name",
    "stakeholder",
    "quantity",
    "proxy",
    "deadweight",
    "attribution",
    "drop_off",
    "duration_years",
    "present_value",
)


def _sroi_part(
    report: ImpactReport, pics: _Charts, analysis: SroiAnalysis | None, tr: Translator
) -> None:
    add = report.blocks.append
    add(Heading(tr(N_("Analyse SROI (retour social sur investissement)"))))
    if analysis is None or analysis.result is None:
        add(Paragraph(tr(N_("Aucune analyse SROI n'est calculée pour ce dossier."))))
        return
    result, case = analysis.result, analysis.case
    if case.title:
        add(Paragraph(case.title))
    figures = sroi_figures(result)
    for key in ("ratio", "present_value", "inputs", "net_ratio", "payback"):
        add(_figure(figures[key], tr))
    outcomes = outcomes_view(case, result)
    pics.add(report, sroi_outcomes_chart(outcomes, tr), tr(N_("Valeur actuelle par effet")))
    add(_table(outcomes, tr, _OUTCOME_KEYS))
    source = tr(N_("Source du proxy"))
    add(Bullets(tuple(f"{o.name} — {source} : {o.proxy_source}" for o in case.outcomes)))
    add(_table(inputs_view(result), tr))
    add(Heading(tr(N_("Sensibilité")), 2))
    tornado = tornado_view(analysis.tornado[:TORNADO_ROWS], result.sroi_ratio)
    pics.add(report, tornado_chart(tornado, tr), tr(tornado.title))
    add(_table(tornado, tr))
    points = break_even_view(analysis.break_even)
    found = points.rows_where(points.frame["value"].notna())
    add(_table(found, tr, ("outcome", "assumption", "current", "value", "unit")))
    others = len(points) - len(found)
    if others:
        add(
            Paragraph(
                tr(
                    N_(
                        "Pour les {n} autres hypothèses, aucune valeur ne ramène le ratio à 1 "
                        "(le détail, hypothèse par hypothèse, est dans l'écran « Sensibilité »)."
                    ),
                    n=others,
                )
            )
        )


def _survey_part(
    report: ImpactReport, pics: _Charts, survey: Survey, frame: pd.DataFrame, tr: Translator
) -> None:
    add = report.blocks.append
    add(Heading(survey.title, 2))
    for fig in survey_figures(survey, frame).values():
        add(_figure(fig, tr))
    keys = ("question", "group", "n", "mean", "ci_low", "ci_high", "top_share")
    add(_table(likert_view(survey, frame, "public"), tr, keys))
    first = next((q for q in survey.questions if q.kind is QuestionKind.LIKERT), None)
    if first is not None:
        distribution = distribution_view(survey, frame, first.key, "public")
        pics.add(report, likert_chart(distribution, first.label, tr), first.label)
    nps = nps_view(survey, frame, "public")
    if len(nps):
        pics.add(report, nps_chart(nps, tr), tr(nps.title))
        add(_table(nps, tr))
    text = next((q for q in survey.questions if q.kind is QuestionKind.TEXT), None)
    if text is not None:
        keywords = keyword_view(survey, frame, text.key)
        pics.add(report, keywords_chart(keywords, tr), tr(keywords.title))
        add(_table(keywords, tr))


def build_report(
    identity: Identity,
    section: ImpactSection,
    board: Board,
    analysis: SroiAnalysis | None,
    surveys: Sequence[tuple[Survey, pd.DataFrame | None]],
    *,
    tr: Translator,
    today: date,
    charts: bool = True,
) -> ImpactReport:
    """The report's blocks (see the module docstring); ``charts=False`` skips the images."""
    report = ImpactReport(
        title=tr(N_("Rapport d'impact social — {name}"), name=identity.name),
        subtitle=tr(N_("Établi le {date} avec essdiag"), date=tr.date(today, "long")),
    )
    pics = _Charts()
    add = report.blocks.append
    add(Heading(tr(N_("La structure et son utilité sociale"))))
    if identity.purpose:
        add(Paragraph(identity.purpose))
    add(Paragraph(tr(N_("Forme juridique : {form}."), form=tr(identity.legal_form.label))))
    _theory_part(report, pics, section, tr)
    _board_part(report, pics, board, tr)
    _sroi_part(report, pics, analysis, tr)
    add(Heading(tr(N_("Écoute des publics"))))
    listened = [(s, f) for s, f in surveys if f is not None and len(f)]
    if not listened:
        add(Paragraph(tr(N_("Aucune enquête n'est encore importée."))))
    for survey, frame in listened:
        assert frame is not None
        _survey_part(report, pics, survey, frame, tr)
    add(Heading(tr(N_("Méthode et sources"))))
    add(
        Bullets(
            (
                tr(SROI_REFERENCE),
                tr(GREEN_BOOK),
                tr(NPS_REFERENCE),
                tr(MEAN_REFERENCE),
                tr(N_("IRIS+ (GIIN) et Impact Management Project : cinq dimensions de l'impact")),
                tr(N_("VALOR'ESS (UDES) : domaines de l'utilité sociale")),
                tr(
                    N_("Aucun résultat n'est publié pour un groupe de moins de {n} réponses."),
                    n=MIN_GROUP,
                ),
            )
        )
    )
    if charts:
        pics.render(report, tr)
    return report

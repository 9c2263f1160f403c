"""The theory of change: the chain needs → inputs → activities → outputs → outcomes → impact.

Where it sits: reads the impact section's elements and indicators and
returns the chain as a :class:`~essdiag.figures.View` (one row per element,
with what it leads to and the indicators attached), the links as a view (for
the chart of :mod:`essdiag.charts.impact`), and coaching remarks
(:func:`chain_remarks`): an element that leads nowhere, an outcome without an
indicator, a level left empty. Remarks are warnings, never refusals: a
theory of change is built step by step.

References:
    Weiss, C. (1995), « Nothing as practical as good theory »; Avise /
    Labo de l'ESS, *Petit précis de l'évaluation de l'impact social* (2017);
    Impact Management Project, five dimensions of impact (IRIS+).
"""

from __future__ import annotations

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Column, View
from essdiag.i18n import N_
from essdiag.impact.section import ImpactSection, Level

__all__ = ["chain_remarks", "chain_view", "links_view", "next_element_id"]


def chain_view(section: ImpactSection) -> View:
    """One row per element, level by level, with its links and its indicators.

    Example:
        >>> from essdiag.impact.section import ChangeElement
        >>> s = ImpactSection(theory=[ChangeElement(id="B1", level="need", title="Chômage", leads_to=["A1"]),
        ...                           ChangeElement(id="A1", level="activity", title="ACI")])
        >>> chain_view(s).frame[["id", "leads_to"]].values.tolist()
        [['B1', 'ACI'], ['A1', '']]
    """
    titles = {e.id: e.title for e in section.theory}
    rows = []
    for e in sorted(section.theory, key=lambda e: e.level.rank):
        attached = [i.name for i in section.indicators if i.element == e.id]
        rows.append(
            {
                "id": e.id,
                "level": e.level.label,
                "rank": e.level.rank,
                "title": e.title,
                "description": e.description,
                "leads_to": ", ".join(titles.get(t, t) for t in e.leads_to),
                "indicators": ", ".join(attached),
                "count": len(attached),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=["id", "level", "rank", "title", "description", "leads_to", "indicators", "count"],
    )
    return View(
        (
            Column("level", N_("Niveau"), "label"),
            Column("title", N_("Élément")),
            Column("description", N_("Description")),
            Column("leads_to", N_("Conduit à")),
            Column("indicators", N_("Indicateurs rattachés")),
        ),
        frame,
        title=N_("Théorie du changement"),
    )


def links_view(section: ImpactSection) -> View:
    """The links of the chain (from → to), for the chart and its table."""
    by_id = {e.id: e for e in section.theory}
    rows = [
        {
            "source": e.id,
            "target": t,
            "source_title": e.title,
            "target_title": by_id[t].title,
            "source_level": e.level.label,
            "target_level": by_id[t].level.label,
        }
        for e in section.theory
        for t in e.leads_to
        if t in by_id
    ]
    frame = pd.DataFrame(
        rows,
        columns=[
            "source",
            "target",
            "source_title",
            "target_title",
            "source_level",
            "target_level",
        ],
    )
    return View(
        (
            Column("source_level", N_("Niveau de départ"), "label"),
            Column("source_title", N_("De")),
            Column("target_level", N_("Niveau d'arrivée"), "label"),
            Column("target_title", N_("Vers")),
        ),
        frame,
        title=N_("Liens de la théorie du changement"),
    )


def _remark(code: str, template: str, **params: str) -> Issue:
    return Issue(code=code, template=template, params=params, severity=Severity.WARNING)


def chain_remarks(section: ImpactSection) -> list[Issue]:
    """What a reviewer would point out in the chain (warnings to guide, not errors).

    Example:
        >>> from essdiag.impact.section import ChangeElement
        >>> s = ImpactSection(theory=[ChangeElement(id="E1", level="outcome", title="Emploi")])
        >>> [i.code for i in chain_remarks(s)][:2]
        ['impact_level_empty', 'impact_level_empty']
    """
    if not section.theory:
        return []
    out: list[Issue] = []
    present = {e.level for e in section.theory}
    out.extend(
        _remark(
            "impact_level_empty",
            N_("Aucun élément au niveau « {level} » : la chaîne n'est pas complète."),
            level=level.label,
        )
        for level in Level
        if level not in present
    )
    pointed = {t for e in section.theory for t in e.leads_to}
    for e in section.theory:
        if e.level is not Level.IMPACT and not e.leads_to:
            out.append(
                _remark(
                    "impact_element_dead_end",
                    N_("« {element} » ({level}) ne conduit à aucun autre élément."),
                    element=e.title,
                    level=e.level.label,
                )
            )
        if e.level is not Level.NEED and e.id not in pointed and e.level is not Level.INPUT:
            out.append(
                _remark(
                    "impact_element_orphan",
                    N_("Aucun élément ne conduit à « {element} » ({level})."),
                    element=e.title,
                    level=e.level.label,
                )
            )
        measured = any(i.element == e.id for i in section.indicators)
        if e.level in (Level.OUTPUT, Level.OUTCOME, Level.IMPACT) and not measured:
            out.append(
                _remark(
                    "impact_element_unmeasured",
                    N_("« {element} » ({level}) n'a pas d'indicateur pour le mesurer."),
                    element=e.title,
                    level=e.level.label,
                )
            )
    return out


def next_element_id(section: ImpactSection, level: Level) -> str:
    """A fresh id for a new element of a level (``B1``, ``R2``, ``A3``…).

    Example:
        >>> next_element_id(ImpactSection(), Level.ACTIVITY)
        'A1'
    """
    prefix = {
        Level.NEED: "B",
        Level.INPUT: "R",
        Level.ACTIVITY: "A",
        Level.OUTPUT: "P",
        Level.OUTCOME: "E",
        Level.IMPACT: "I",
    }[level]
    used = {e.id for e in section.theory}
    n = 1
    while f"{prefix}{n}" in used:
        n += 1
    return f"{prefix}{n}"

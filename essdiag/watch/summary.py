"""Headline figures of the watch screens: gaps, needs, journal, ecosystem, orientations.

Where it sits: layer 2; functions of the dossier (its identity, ``watch`` and
``funding`` sections) for ``essdiag.ui.cache.computed``, so the screens show
figures with their working and never count by themselves.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.watch.ecosystem import REGISTER_PREFIX, ecosystem_actors
from essdiag.watch.section import ItemLink, Relevance
from essdiag.watch.territory import gap_figure, gap_table

__all__ = ["diagnosis_headline", "watch_headline"]


def watch_headline(dossier: Any, *, today: str) -> dict[str, Figure]:
    """Gaps beyond the threshold, needs retained, watch items of the last 12 months, actors."""
    watch = dossier.watch
    day = date.fromisoformat(today)
    gaps = gap_table(watch, dossier.identity.territory)
    recent = [i for i in watch.journal if i.date > day - timedelta(days=365)]
    strong = sum(i.relevance is Relevance.HIGH for i in recent)
    linked = sum(i.link is not ItemLink.NONE for i in recent)
    actors = ecosystem_actors(watch, dossier.funding)
    from_register = sum(a.id.startswith(REGISTER_PREFIX) for a in actors)
    return {
        "gaps": gap_figure(gaps, watch.settings.threshold),
        "needs": Figure.of(
            N_("Besoins retenus"),
            len(watch.needs),
            "count",
            N_("besoins gardés dans le dossier"),
            [
                Input.of(
                    N_("Issus d'un écart territorial"),
                    sum(n.origin.value == "territory" for n in watch.needs),
                    "count",
                )
            ],
        ),
        "journal": Figure.of(
            N_("Articles de veille des 12 derniers mois"),
            len(recent),
            "count",
            N_("articles datés des 365 jours précédant aujourd'hui"),
            [
                Input.of(N_("Pertinence forte"), strong, "count"),
                Input.of(N_("Reliés à un besoin, une opportunité ou une menace"), linked, "count"),
            ],
            reading=N_("dont {strong} de pertinence forte") if recent else None,
            reading_params={"strong": strong},
        ),
        "actors": Figure.of(
            N_("Acteurs de l'écosystème"),
            len(actors),
            "count",
            N_("acteurs saisis + financeurs du registre non encore saisis"),
            [
                Input.of(N_("Acteurs saisis"), len(watch.actors), "count"),
                Input.of(N_("Financeurs repris du registre"), from_register, "count"),
            ],
        ),
    }


def diagnosis_headline(dossier: Any) -> dict[str, Figure]:
    """SWOT items, orientations, and the jobs the orientations create and keep."""
    from essdiag.watch.diagnosis import jobs_figures

    d = dossier.watch.diagnosis
    drawn = sum(i.origin.kind.value != "typed" for i in d.swot)
    return {
        "swot": Figure.of(
            N_("Éléments du SWOT"),
            len(d.swot),
            "count",
            N_("forces, faiblesses, opportunités et menaces retenues"),
            [Input.of(N_("Tirés du dossier (veille, risques, indicateurs…)"), drawn, "count")],
            reading=N_("{drawn} tirés du dossier, avec leur origine") if d.swot else None,
            reading_params={"drawn": drawn},
        ),
        "orientations": Figure.of(
            N_("Orientations stratégiques"),
            len(d.orientations),
            "count",
            N_("orientations de la matrice TOWS"),
            [Input.of(N_("Actions prévues"), sum(len(o.actions) for o in d.orientations), "count")],
        ),
        **jobs_figures(d),
    }

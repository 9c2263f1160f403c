"""The ecosystem: actors typed in and funders of the register, the influence × interest map, cooperations.

Where it sits: layer 2. :func:`ecosystem_actors` gathers the actors of the
``watch`` section and the funders of the funding register
(``dossier.funding``, read as a section) that no typed actor stands for yet,
so a funder is never typed twice. :func:`map_view` places them on the
influence × interest grid (Mendelow, 1991: keep satisfied, manage closely,
monitor, keep informed) and :func:`cooperation_opportunities` states the
cooperations that follow, each with the rule that suggests it.

Notes:
    An actor is « high » on an axis from 4 on the 1–5 scale. A funder drawn
    from the register gets an influence from its share s of the year's
    operating income: 5 when s ≥ 20 %, 4 when s ≥ 10 %, 3 when s ≥ 5 %,
    2 otherwise, and an interest of 3 (to be reviewed by the user).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from essdiag.figures import Column, View
from essdiag.funding.section import FundingFamily, FundingSection, FundingSource, Purpose
from essdiag.i18n import N_, LabelledEnum
from essdiag.watch.section import Actor, ActorType, Relation, WatchSection

__all__ = [
    "ALLY",
    "HIGH",
    "MapQuadrant",
    "Opportunity",
    "actors_view",
    "cooperation_opportunities",
    "ecosystem_actors",
    "funder_influence",
    "map_view",
    "opportunities_view",
    "quadrant",
]

HIGH = 4
"""From this level (1–5) an actor's influence or interest is high."""

REGISTER_PREFIX = "F-"
"""Identifier prefix of the actors read from the funding register."""

_FUNDER_FAMILIES = (FundingFamily.PUBLIC, FundingFamily.PRIVATE, FundingFamily.SOLIDARITY_FINANCE)


class MapQuadrant(LabelledEnum):
    """The four stances of the influence × interest map (Mendelow, 1991)."""

    MANAGE = "manage", N_("Associer étroitement (influence et intérêt forts)")
    SATISFY = "satisfy", N_("Satisfaire (influence forte, intérêt faible)")
    INFORM = "inform", N_("Informer (intérêt fort, influence faible)")
    MONITOR = "monitor", N_("Surveiller (influence et intérêt faibles)")


def quadrant(influence: int, interest: int) -> MapQuadrant:
    """The stance of an actor on the map.

    Example:
        >>> quadrant(4, 4), quadrant(4, 3), quadrant(3, 4), quadrant(3, 3)
        (<MapQuadrant.MANAGE: 'manage'>, <MapQuadrant.SATISFY: 'satisfy'>, <MapQuadrant.INFORM: 'inform'>, <MapQuadrant.MONITOR: 'monitor'>)
    """
    if influence >= HIGH:
        return MapQuadrant.MANAGE if interest >= HIGH else MapQuadrant.SATISFY
    return MapQuadrant.INFORM if interest >= HIGH else MapQuadrant.MONITOR


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def funder_influence(share: float) -> int:
    """Influence given to a funder from its share of operating income (see the module Notes).

    Example:
        >>> [funder_influence(s) for s in (0.20, 0.1999, 0.10, 0.05, 0.0499)]
        [5, 4, 4, 3, 2]
    """
    if share >= 0.20:
        return 5
    if share >= 0.10:
        return 4
    if share >= 0.05:
        return 3
    return 2


def _latest_year(sources: Sequence[FundingSource]) -> int | None:
    years = [a.year for s in sources for a in s.amounts if a.amount > 0]
    return max(years) if years else None


def ecosystem_actors(
    section: WatchSection, funding: FundingSection, *, year: int | None = None
) -> list[Actor]:
    """The typed actors, then the register's funders that no typed actor stands for.

    A typed actor stands for a funder when it lists one of the funder's
    sources in ``funding_ids`` or has the same name (case and accents
    ignored). Own-activity clients and contributions in kind are not funders.
    """
    funders = [s for s in funding.sources if s.family in _FUNDER_FAMILIES]
    year = year or _latest_year(funding.sources)
    income = [
        s
        for s in funding.sources
        if s.purpose is Purpose.OPERATING
        and s.family is not FundingFamily.IN_KIND
        and s.family is not FundingFamily.SOLIDARITY_FINANCE
    ]
    total = math.fsum(s.amount(year) for s in income) if year else 0.0
    covered_ids = {i for a in section.actors for i in a.funding_ids}
    names = {_fold(a.name) for a in section.actors}
    groups: dict[str, list[FundingSource]] = {}
    for s in funders:
        groups.setdefault(s.funder or s.name, []).append(s)
    out = list(section.actors)
    for name, sources in groups.items():
        if _fold(name) in names or any(s.id in covered_ids for s in sources):
            continue
        amount = (
            math.fsum(s.amount(year) for s in sources if s.purpose is Purpose.OPERATING)
            if year
            else 0.0
        )
        share = amount / total if total > 0 else 0.0
        out.append(
            Actor(
                id=f"{REGISTER_PREFIX}{sources[0].id}"[:40],
                name=name[:200],
                type=ActorType.FUNDER,
                relation=Relation.FUNDER,
                influence=funder_influence(share),
                interest=3,
                funding_ids=[s.id for s in sources],
                notes=", ".join(s.name for s in sources)[:2000],
            )
        )
    return out


def actors_view(actors: Sequence[Actor]) -> View:
    """The actors with their stance on the map and where they come from."""
    frame = pd.DataFrame(
        [
            {
                "id": a.id,
                "name": a.name,
                "type": a.type,
                "relation": a.relation,
                "influence": a.influence,
                "interest": a.interest,
                "quadrant": quadrant(a.influence, a.interest),
                "from_register": a.id.startswith(REGISTER_PREFIX),
                "cooperation": a.cooperation,
            }
            for a in actors
        ],
        columns=[
            "id",
            "name",
            "type",
            "relation",
            "influence",
            "interest",
            "quadrant",
            "from_register",
            "cooperation",
        ],
    )
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("name", N_("Acteur")),
            Column("type", N_("Type d'acteur"), choices=ActorType),
            Column("relation", N_("Relation"), choices=Relation),
            Column("influence", N_("Influence (1 à 5)"), "count"),
            Column("interest", N_("Intérêt (1 à 5)"), "count"),
            Column("quadrant", N_("Posture"), choices=MapQuadrant),
            Column(
                "from_register",
                N_("Lu dans le registre des financements"),
                "bool",
                help=N_("financeur repris du registre des financements, sans double saisie"),
            ),
            Column("cooperation", N_("Coopération envisagée")),
        ),
        frame,
        title=N_("Acteurs de l'écosystème"),
    )


def map_view(actors: Sequence[Actor]) -> View:
    """The influence × interest map's table; the chart marks each actor with its number ``num``."""
    view = actors_view(actors)
    frame = view.frame.copy()
    frame.insert(0, "num", range(1, len(frame) + 1))
    columns = (
        Column("num", N_("N°"), "count"),
        *view.select(["name", "influence", "interest", "quadrant"]).columns,
    )
    return View(columns, frame, title=view.title)


@dataclass(frozen=True)
class Opportunity:
    """A cooperation that follows from an actor's position.

    Attributes:
        actor_id: the actor.
        actor: its name.
        kind: French label of the cooperation.
        rule: French wording of the rule that suggests it.
    """

    actor_id: str
    actor: str
    kind: str
    rule: str


ALLY = N_("Allié à approcher")
"""The cooperation of an actor with a strong interest and no relation yet (an opportunity)."""

_RULES: tuple[tuple[str, str], ...] = (
    (
        ALLY,
        N_("intérêt fort (≥ 4) et pas encore de relation"),
    ),
    (
        N_("Mutualisation ou adhésion"),
        N_("structure de l'ESS ou réseau, ni partenaire ni membre"),
    ),
    (
        N_("Coopétition : se répartir les publics ou répondre ensemble"),
        N_("concurrent dont l'intérêt pour le projet est au moins moyen (≥ 3)"),
    ),
    (
        N_("Sensibiliser un acteur influent"),
        N_("influence forte (≥ 4) et intérêt faible (≤ 2)"),
    ),
    (
        N_("Associer au pilotage (comité de suivi)"),
        N_("financeur à l'influence forte (≥ 4)"),
    ),
    (
        N_("Convention d'orientation des publics"),
        N_("prescripteur dont l'intérêt est au moins moyen (≥ 3)"),
    ),
)


def _matches(rule: int, a: Actor) -> bool:
    if rule == 0:
        return a.interest >= HIGH and a.relation is Relation.NONE
    if rule == 1:
        return a.type in (ActorType.ESS, ActorType.NETWORK) and a.relation not in (
            Relation.PARTNER,
            Relation.MEMBER,
        )
    if rule == 2:
        return (
            a.type is ActorType.COMPETITOR or a.relation is Relation.COMPETITOR
        ) and a.interest >= 3
    if rule == 3:
        return a.influence >= HIGH and a.interest <= 2
    if rule == 4:
        return (a.type is ActorType.FUNDER or a.relation is Relation.FUNDER) and a.influence >= HIGH
    return a.type is ActorType.PRESCRIBER and a.interest >= 3


def cooperation_opportunities(actors: Sequence[Actor]) -> list[Opportunity]:
    """Every cooperation the rules suggest, actor by actor, in the rules' order.

    Example:
        >>> a = Actor(id="A1", name="Centre social", type="ess", interest=4)
        >>> [o.kind for o in cooperation_opportunities([a])]
        ['Allié à approcher', 'Mutualisation ou adhésion']
    """
    out = []
    for a in actors:
        for k, (kind, rule) in enumerate(_RULES):
            if _matches(k, a):
                out.append(Opportunity(a.id, a.name, kind, rule))
    return out


def opportunities_view(opportunities: Sequence[Opportunity]) -> View:
    """The cooperation opportunities with their rule."""
    frame = pd.DataFrame(
        [
            {"actor": o.actor, "kind": o.kind, "rule": o.rule, "actor_id": o.actor_id}
            for o in opportunities
        ],
        columns=["actor", "kind", "rule", "actor_id"],
    )
    return View(
        (
            Column("actor", N_("Acteur")),
            Column("kind", N_("Coopération possible"), "label"),
            Column("rule", N_("Règle"), "label"),
        ),
        frame,
        title=N_("Opportunités de coopération"),
    )

"""The strategic diagnosis: organisation analysis, SWOT drawn from the dossier, TOWS orientations.

Where it sits: layer 2, the last steps of the chain « données → lecture →
besoins → orientations ». It reads the ``watch`` section (journal, needs,
actors, diagnosis) and the ``risks`` section (models only); the figures of
other domains (funding mix, budget variance) are computed by those domains
and handed in by the screen, never recomputed here.

* Organisation: :func:`governance_figures` (meetings held / planned,
  mean attendance of the bodies, renewal rate of the elected bodies), :func:`economic_model` (the
  income statement's structure from the accounts: sums of integer cents by
  heading, shown in euros), tables of bodies, activities and skills.
* SWOT: :func:`swot_candidates` proposes items, each keeping its origin
  (a watch item linked to an opportunity or a threat, a need of the
  territory, a risk of the register, a funding or variance indicator, the
  governance, a critical skill held by one person, an actor to approach);
  the user keeps those that matter, they stay linked through the JSON.
* TOWS (Weihrich, 1982): orientations crossing a strength or a weakness with
  an opportunity or a threat; :func:`tows_issues` checks each crosses the
  quadrants its kind says; :func:`action_plan_view` is the list of actions,
  ready for the project's action plan.

Notes:
    A risk is internal (a weakness) when its category is human, governance,
    operational or digital, external (a threat) otherwise; the risks kept are
    the open ones with the highest score (residual when assessed, else
    inherent), score = likelihood × impact (ISO 31000 matrix).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.figures import Column, Figure, Input, Tone, View
from essdiag.i18n import N_, Translator
from essdiag.periods import FiscalYear
from essdiag.risks.section import RiskCategory, RiskSection, score
from essdiag.watch.ecosystem import ALLY, cooperation_opportunities
from essdiag.watch.section import (
    Actor,
    Diagnosis,
    GovernanceBody,
    ItemLink,
    OrientationKind,
    Origin,
    OriginKind,
    Quadrant,
    SwotItem,
    WatchSection,
    next_id,
)

__all__ = [
    "EconomicModel",
    "action_plan_records",
    "action_plan_view",
    "activities_view",
    "add_swot_items",
    "economic_model",
    "editor_rows",
    "governance_figures",
    "governance_view",
    "jobs_figures",
    "skills_view",
    "swot_candidates",
    "swot_counts_view",
    "swot_view",
    "tows_issues",
    "tows_view",
]

INTERNAL_RISKS = frozenset(
    {RiskCategory.HUMAN, RiskCategory.GOVERNANCE, RiskCategory.OPERATIONAL, RiskCategory.DIGITAL}
)
"""Risk categories read as weaknesses (the others are threats)."""

TOP_RISKS = 5
"""How many of the highest risks the SWOT proposes."""

HOUSE_PRACTICE = N_(
    "Repères d'essdiag pour l'analyse de la gouvernance (pratique des diagnostics DLA), pas un "
    "seuil légal"
)


class DiagnosisDossier(Protocol):
    """What the gatherers read of the dossier: its watch and risks sections."""

    @property
    def watch(self) -> WatchSection: ...

    @property
    def risks(self) -> RiskSection: ...


# --------------------------------------------------------------------------- organisation


def governance_view(bodies: Sequence[GovernanceBody]) -> View:
    """The governance bodies and how they worked."""
    frame = pd.DataFrame(
        [
            {
                "name": b.name,
                "members": b.members,
                "planned": b.meetings_planned,
                "held": b.meetings_held,
                "held_share": b.meetings_held / b.meetings_planned
                if b.meetings_planned
                else math.nan,
                "attendance": b.attendance if b.attendance is not None else math.nan,
                "renewal": b.renewed / b.members if b.members else math.nan,
                "women": b.women / b.members if b.members else math.nan,
                "notes": b.notes,
            }
            for b in bodies
        ],
        columns=[
            "name",
            "members",
            "planned",
            "held",
            "held_share",
            "attendance",
            "renewal",
            "women",
            "notes",
        ],
    )
    return View(
        (
            Column("name", N_("Instance")),
            Column("members", N_("Membres"), "count"),
            Column("planned", N_("Réunions prévues"), "count"),
            Column("held", N_("Réunions tenues"), "count"),
            Column("held_share", N_("Réunions tenues / prévues"), "%"),
            Column("attendance", N_("Taux de présence"), "%"),
            Column("renewal", N_("Taux de renouvellement"), "%"),
            Column("women", N_("Part des femmes"), "%"),
            Column("notes", N_("Fonctionnement")),
        ),
        frame,
        title=N_("Instances de gouvernance"),
    )


def _band(value: float, bands: Sequence[tuple[float, str, Tone]]) -> tuple[str, Tone]:
    for upper, label, tone in bands:
        if value < upper:
            return label, tone
    return bands[-1][1], bands[-1][2]


_MEETING_BANDS: tuple[tuple[float, str, Tone], ...] = (
    (0.5, N_("instances peu réunies"), "alert"),
    (0.9, N_("instances réunies moins que prévu"), "watch"),
    (math.inf, N_("instances réunies comme prévu"), "good"),
)
_ATTENDANCE_BANDS: tuple[tuple[float, str, Tone], ...] = (
    (0.5, N_("présence faible"), "alert"),
    (0.7, N_("présence à surveiller"), "watch"),
    (math.inf, N_("bonne présence"), "good"),
)
_RENEWAL_BANDS: tuple[tuple[float, str, Tone], ...] = (
    (0.1, N_("renouvellement faible"), "watch"),
    (0.5, N_("renouvellement régulier"), "good"),
    (math.inf, N_("renouvellement massif (continuité à organiser)"), "watch"),
)


def governance_figures(diagnosis: Diagnosis) -> dict[str, Figure]:
    """Meetings held over planned, mean attendance of the bodies, renewal of the elected ones.

    Example:
        >>> d = Diagnosis(bodies=[GovernanceBody(name="CA", members=12, meetings_planned=6,
        ...     meetings_held=5, attendance=0.75, renewed=3)])
        >>> f = governance_figures(d)
        >>> round(f["meetings"].value, 3), f["meetings"].reading, f["renewal"].value
        (0.833, 'instances réunies moins que prévu', 0.25)
    """
    bodies = diagnosis.bodies
    planned = sum(b.meetings_planned for b in bodies)
    held = sum(b.meetings_held for b in bodies)
    rates = [b.attendance for b in bodies if b.attendance is not None]
    attendance = math.fsum(rates) / len(rates) if rates else None
    elected = [b for b in bodies if b.elected]
    members = sum(b.members for b in elected)
    renewed = sum(b.renewed for b in elected)
    out: dict[str, Figure] = {}
    for key, label, value, formula, inputs, bands, reason in (
        (
            "meetings",
            N_("Réunions tenues / prévues"),
            held / planned if planned else None,
            N_("Σ réunions tenues / Σ réunions prévues"),
            [
                Input.of(N_("Réunions tenues"), held, "count"),
                Input.of(N_("Réunions prévues"), planned, "count"),
            ],
            _MEETING_BANDS,
            N_("aucune réunion prévue n'est indiquée"),
        ),
        (
            "attendance",
            N_("Taux de présence aux instances"),
            attendance,
            N_("moyenne des taux de présence des instances"),
            [Input.of(N_("Instances dont la présence est connue"), len(rates), "count")],
            _ATTENDANCE_BANDS,
            N_("aucun taux de présence n'est indiqué"),
        ),
        (
            "renewal",
            N_("Taux de renouvellement des instances"),
            renewed / members if members else None,
            N_("Σ membres renouvelés / Σ membres"),
            [
                Input.of(N_("Membres renouvelés"), renewed, "count"),
                Input.of(N_("Membres"), members, "count"),
            ],
            _RENEWAL_BANDS,
            N_("aucune instance élue n'a de membres indiqués"),
        ),
    ):
        reading, tone = _band(value, bands) if value is not None else (None, None)
        out[key] = Figure.of(
            label,
            value,
            "%",
            formula,
            inputs,
            reason=None if value is not None else reason,
            references=[HOUSE_PRACTICE],
            reading=reading,
            tone=tone,
        )
    return out


def activities_view(diagnosis: Diagnosis) -> View:
    """The activities, their jobs and whether they serve the social-utility purpose."""
    frame = pd.DataFrame(
        [
            {
                "name": a.name,
                "description": a.description,
                "fte": a.fte,
                "social_utility": a.social_utility,
            }
            for a in diagnosis.activities
        ],
        columns=["name", "description", "fte", "social_utility"],
    )
    return View(
        (
            Column("name", N_("Activité")),
            Column("description", N_("Description")),
            Column("fte", N_("ETP"), "count", digits=2),
            Column("social_utility", N_("Activité d'utilité sociale"), "bool"),
        ),
        frame,
        title=N_("Activités"),
    )


def skills_view(diagnosis: Diagnosis) -> View:
    """The skills, flagging a critical skill held by one person only (a risk)."""
    frame = pd.DataFrame(
        [
            {
                "name": s.name,
                "holders": s.holders,
                "critical": s.critical,
                "single": s.critical and s.holders <= 1,
            }
            for s in diagnosis.skills
        ],
        columns=["name", "holders", "critical", "single"],
    )
    return View(
        (
            Column("name", N_("Compétence")),
            Column("holders", N_("Personnes qui la détiennent"), "count"),
            Column("critical", N_("Compétence critique"), "bool"),
            Column(
                "single",
                N_("Critique et détenue par une seule personne"),
                "bool",
                help=N_("une compétence critique détenue par une seule personne est un risque"),
            ),
        ),
        frame,
        title=N_("Compétences"),
    )


@dataclass(frozen=True)
class EconomicModel:
    """The structure of a year's income statement, from the accounts.

    Attributes:
        year: the fiscal year's label year.
        view: headings 70, 74, 75 and other income, 64 and other charges, result.
        figures: own-activity share, grants share, staff share of charges, result.
    """

    year: int
    view: View
    figures: dict[str, Figure]


_HEADINGS: tuple[tuple[str, str, str], ...] = (
    ("income", "70", N_("70 Ventes et prestations")),
    ("income", "74", N_("74 Subventions d'exploitation")),
    ("income", "75", N_("75 Autres produits de gestion courante (dons, cotisations)")),
    ("income", "7x", N_("Autres produits (71–73, 76–78)")),
    ("charge", "64", N_("64 Charges de personnel")),
    ("charge", "6x", N_("Autres charges (60–63, 65–68)")),
)


def _share(
    label: str, formula: str, part: tuple[str, int], whole: tuple[str, int], reason: str
) -> Figure:
    """A share of the income statement from sums in cents (shown in euros)."""
    return Figure.of(
        label,
        part[1] / whole[1] if whole[1] else None,
        "%",
        formula,
        [Input.of(part[0], part[1] / 100, "EUR"), Input.of(whole[0], whole[1] / 100, "EUR")],
        reason=None if whole[1] else reason,
        references=["Règlement ANC 2018-06 (plan comptable associatif)"],
        scope=N_("comptes importés de l'exercice"),
    )


def economic_model(
    dossier: Any, *, ledgers: Mapping[int, pd.DataFrame], year: int
) -> EconomicModel:
    """The economic model of a fiscal year from its ledger (for ``cache.computed``).

    Sums stay in integer cents until the view and the figures show euros.
    """
    from essdiag.ledger.frame import monthly_activity

    fy = FiscalYear(label_year=year, start_month=dossier.identity.fiscal_year_start_month)
    ledger = ledgers.get(year)
    activity = monthly_activity(ledger, fy.start, fy.end) if ledger is not None else None
    cents: dict[str, int] = dict.fromkeys(("70", "74", "75", "7x", "64", "6x"), 0)
    if activity is not None and len(activity):
        prefix = activity["account"].astype(str).str.slice(0, 2)
        for key, value in activity.groupby(prefix)["amount_cents"].sum().items():
            k = str(key)
            if k in ("70", "74", "75", "64"):
                cents[k] += int(value)
            elif k.startswith("7") and k != "79":
                cents["7x"] += int(value)
            elif k.startswith("6"):
                cents["6x"] += int(value)
    income = cents["70"] + cents["74"] + cents["75"] + cents["7x"]
    charges = cents["64"] + cents["6x"]
    rows = [
        {
            "kind": kind,
            "heading": label,
            "amount": cents[key] / 100,
            "share": cents[key] / (income if kind == "income" else charges)
            if (income if kind == "income" else charges)
            else math.nan,
        }
        for kind, key, label in _HEADINGS
    ]
    rows.append(
        {
            "kind": "result",
            "heading": N_("Résultat (produits − charges)"),
            "amount": (income - charges) / 100,
            "share": math.nan,
        }
    )
    view = View(
        (
            Column("heading", N_("Rubrique"), "label"),
            Column("amount", N_("Montant"), "EUR", digits=0),
            Column("share", N_("Part des produits ou des charges"), "%"),
        ),
        pd.DataFrame(rows),
        title=N_("Modèle économique (comptes)"),
    )
    no_income = N_("aucun produit dans les comptes importés pour cet exercice")
    no_charge = N_("aucune charge dans les comptes importés pour cet exercice")
    income_words = (N_("Produits 70 à 78"), income)
    figures = {
        "own_activity": _share(
            N_("Part des ventes et prestations dans les produits"),
            N_("comptes 70 / produits 70 à 78"),
            (N_("Comptes 70"), cents["70"]),
            income_words,
            no_income,
        ),
        "grants": _share(
            N_("Part des subventions dans les produits"),
            N_("comptes 74 / produits 70 à 78"),
            (N_("Comptes 74"), cents["74"]),
            income_words,
            no_income,
        ),
        "staff": _share(
            N_("Part des charges de personnel"),
            N_("comptes 64 / charges 60 à 68"),
            (N_("Comptes 64"), cents["64"]),
            (N_("Charges 60 à 68"), charges),
            no_charge,
        ),
    }
    return EconomicModel(year=year, view=view, figures=figures)


def editor_rows(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows of an editable table, ready to validate: blank rows and empty cells left out.

    Example:
        >>> editor_rows([{"name": "CA", "members": 12, "notes": None}, {"name": None}])
        [{'name': 'CA', 'members': 12}]
    """
    out = []
    for row in rows:
        kept = {
            k: v
            for k, v in row.items()
            if v is not None and not (isinstance(v, float) and math.isnan(v)) and v != ""
        }
        if kept.get("name"):
            out.append(kept)
    return out


# --------------------------------------------------------------------------- SWOT


def _risk_score(risk: Any) -> int:
    assessed = risk.residual or risk.inherent
    return int(score(assessed.likelihood, assessed.impact))


def swot_candidates(
    dossier: DiagnosisDossier,
    tr: Translator,
    *,
    indicators: Mapping[str, Figure] | None = None,
    variance: pd.DataFrame | None = None,
    actors: Sequence[Actor] = (),
) -> list[SwotItem]:
    """SWOT items the dossier suggests, each with its origin, not yet in the SWOT.

    Parameters:
        dossier: the dossier (its watch and risks sections are read).
        tr: the reader's translator (the items' words are written in it).
        indicators: figures of other domains by key (funding mix and
            concentration), computed by those domains: a figure read
            « alert » or « watch » is a weakness, « good » a strength.
        variance: the variance table of the budget (flagged lines: an
            unfavourable one is a weakness, a favourable one a strength).
        actors: the ecosystem's actors (an ally to approach is an opportunity).
    """
    watch = dossier.watch
    drawn = [
        *_from_watch(watch, tr),
        *_from_risks(dossier.risks, tr),
        *_from_figures(indicators or {}, OriginKind.FUNDING, tr),
        *_from_variance(variance, tr),
        *_from_figures(governance_figures(watch.diagnosis), OriginKind.GOVERNANCE, tr),
        *_from_skills_and_actors(watch.diagnosis, actors, tr),
    ]
    present = {
        (i.origin.kind, i.origin.ref, i.quadrant) for i in watch.diagnosis.swot if i.origin.ref
    }
    return [
        SwotItem(
            id=f"cand-{n}",
            quadrant=q,
            text=text[:500],
            origin=Origin(kind=kind, ref=ref[:60], detail=detail[:1000]),
        )
        for n, (q, text, kind, ref, detail) in enumerate(drawn, start=1)
        if (kind, ref[:60], q) not in present
    ]


_Drawn = tuple[Quadrant, str, OriginKind, str, str]
"""A SWOT item drawn from the dossier: quadrant, text, origin kind, reference, detail."""


def _from_watch(watch: WatchSection, tr: Translator) -> list[_Drawn]:
    """Watch items linked to an opportunity or a threat, and the needs retained (opportunities)."""
    out: list[_Drawn] = []
    for item in watch.journal:
        if item.link in (ItemLink.OPPORTUNITY, ItemLink.THREAT):
            q = Quadrant.OPPORTUNITY if item.link is ItemLink.OPPORTUNITY else Quadrant.THREAT
            out.append(
                (q, item.title, OriginKind.WATCH, item.id, f"{item.source}, {tr.date(item.date)}")
            )
    for need in watch.needs:
        text = tr(N_("Besoin du territoire : {t}"), t=need.title)
        out.append((Quadrant.OPPORTUNITY, text, OriginKind.NEED, need.id, need.evidence))
    return out


def _from_risks(risks: RiskSection, tr: Translator) -> list[_Drawn]:
    """The highest open risks: internal ones are weaknesses, external ones threats."""
    top = sorted((r for r in risks.risks if not r.closed), key=lambda r: (-_risk_score(r), r.id))
    out: list[_Drawn] = []
    for r in top[:TOP_RISKS]:
        q = Quadrant.WEAKNESS if r.category in INTERNAL_RISKS else Quadrant.THREAT
        detail = tr(
            N_("score {s} (probabilité × gravité), catégorie {c}"),
            s=_risk_score(r),
            c=tr(r.category.label),
        )
        out.append((q, r.title, OriginKind.RISK, r.id, detail))
    return out


def _from_figures(figures: Mapping[str, Figure], kind: OriginKind, tr: Translator) -> list[_Drawn]:
    """Figures read « good » (strengths) or « watch »/« alert » (weaknesses)."""
    out: list[_Drawn] = []
    for key, fig in figures.items():
        if not fig.available or fig.tone not in ("alert", "watch", "good"):
            continue
        q = Quadrant.STRENGTH if fig.tone == "good" else Quadrant.WEAKNESS
        text = f"{tr(fig.label)} : {fig.shown(tr)}" + (f" ({fig.read(tr)})" if fig.reading else "")
        out.append((q, text, kind, key, " ; ".join(fig.steps(tr))))
    return out


def _from_variance(variance: pd.DataFrame | None, tr: Translator) -> list[_Drawn]:
    """Flagged lines of the variance table: favourable ones are strengths, the others weaknesses."""
    if variance is None or not len(variance):
        return []
    out: list[_Drawn] = []
    for row in variance[variance["flagged"].astype(bool)].itertuples():
        fav = getattr(row, "favourable", None)
        if fav is None or fav is pd.NA or (isinstance(fav, float) and math.isnan(fav)):
            continue
        text = tr(
            N_("Écart budgétaire {sense} : {label}"),
            sense=tr(N_("favorable")) if bool(fav) else tr(N_("défavorable")),
            label=row.label,
        )
        detail = tr(
            N_("budget {b}, réalisé {a}, écart {v}"),
            b=tr.money(row.budget, 0),
            a=tr.money(row.actual, 0),
            v=tr.money(row.variance, 0),
        )
        q = Quadrant.STRENGTH if bool(fav) else Quadrant.WEAKNESS
        out.append((q, text, OriginKind.VARIANCE, str(row.key), detail))
    return out


def _from_skills_and_actors(
    diagnosis: Diagnosis, actors: Sequence[Actor], tr: Translator
) -> list[_Drawn]:
    """Critical skills held by one person (weaknesses) and allies to approach (opportunities)."""
    out: list[_Drawn] = [
        (
            Quadrant.WEAKNESS,
            tr(N_("Compétence critique détenue par une seule personne : {s}"), s=s.name),
            OriginKind.GOVERNANCE,
            "skill:" + s.name,
            s.name,
        )
        for s in diagnosis.skills
        if s.critical and s.holders <= 1
    ]
    for o in cooperation_opportunities(actors):
        if o.kind == ALLY:
            text = tr(N_("Coopération possible avec {a}"), a=o.actor)
            out.append((Quadrant.OPPORTUNITY, text, OriginKind.ACTOR, o.actor_id, tr(o.rule)))
    return out


def add_swot_items(diagnosis: Diagnosis, items: Sequence[SwotItem]) -> Diagnosis:
    """The diagnosis with items added, numbered in their quadrant (``S1``, ``W2``…)."""
    swot = list(diagnosis.swot)
    for item in items:
        new_id = next_id((i.id for i in swot), item.quadrant.value, 1)
        swot.append(item.model_copy(update={"id": new_id}))
    return Diagnosis.model_validate(
        {**diagnosis.model_dump(), "swot": [i.model_dump() for i in swot]}
    )


def swot_view(diagnosis: Diagnosis) -> View:
    """The SWOT items with their origin."""
    order = {q: k for k, q in enumerate(Quadrant)}
    items = sorted(diagnosis.swot, key=lambda i: (order[i.quadrant], i.id))
    frame = pd.DataFrame(
        [
            {
                "id": i.id,
                "quadrant": i.quadrant,
                "text": i.text,
                "origin": i.origin.kind,
                "ref": i.origin.ref,
                "detail": i.origin.detail,
            }
            for i in items
        ],
        columns=["id", "quadrant", "text", "origin", "ref", "detail"],
    )
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("quadrant", N_("Case du SWOT"), choices=Quadrant),
            Column("text", N_("Élément")),
            Column("origin", N_("Origine"), choices=OriginKind),
            Column("ref", N_("Référence d'origine")),
            Column("detail", N_("Détail de l'origine")),
        ),
        frame,
        title=N_("SWOT"),
    )


def swot_counts_view(diagnosis: Diagnosis) -> View:
    """Items per quadrant and origin (the chart's table)."""
    rows = []
    for q in Quadrant:
        for kind in OriginKind:
            n = sum(1 for i in diagnosis.swot if i.quadrant is q and i.origin.kind is kind)
            if n:
                rows.append(
                    {
                        "quadrant": q.value,
                        "quadrant_label": q.label,
                        "origin": kind.label,
                        "count": n,
                    }
                )
    return View(
        (
            Column("quadrant_label", N_("Case du SWOT"), "label"),
            Column("origin", N_("Origine"), "label"),
            Column("count", N_("Éléments"), "count"),
        ),
        pd.DataFrame(rows, columns=["quadrant", "quadrant_label", "origin", "count"]),
        title=N_("Éléments du SWOT par origine"),
    )


# --------------------------------------------------------------------------- TOWS


def tows_issues(diagnosis: Diagnosis) -> list[Issue]:
    """Orientations that do not cross the quadrants their kind says (SO: a strength and an opportunity…).

    Example:
        >>> from essdiag.watch.section import Orientation
        >>> d = Diagnosis(swot=[SwotItem(id="S1", quadrant="S", text="x")],
        ...               orientations=[Orientation(id="O1", kind="SO", title="t", item_ids=["S1"])])
        >>> [i.code for i in tows_issues(d)]
        ['tows_missing_quadrant']
    """
    quadrant_of = {i.id: i.quadrant for i in diagnosis.swot}
    issues = []
    for o in diagnosis.orientations:
        crossed = {quadrant_of[i] for i in o.item_ids if i in quadrant_of}
        missing = [q for q in o.kind.quadrants if q not in crossed]
        if missing:
            issues.append(
                Issue(
                    code="tows_missing_quadrant",
                    template=N_(
                        "L'orientation « {orientation} » ({kind}) ne croise aucun élément de la case "
                        "« {label} » du SWOT."
                    ),
                    params={
                        "orientation": o.title,
                        "kind": o.kind.value,
                        "label": missing[0].label,
                    },
                    field=f"watch.diagnosis.orientations.{o.id}",
                    severity=Severity.WARNING,
                )
            )
    return issues


def tows_view(diagnosis: Diagnosis) -> View:
    """The orientations with the SWOT items they cross, their jobs and their actions."""
    texts = {i.id: f"{i.id} {i.text}" for i in diagnosis.swot}
    frame = pd.DataFrame(
        [
            {
                "id": o.id,
                "kind": o.kind,
                "title": o.title,
                "objective": o.objective,
                "items": " ; ".join(texts.get(i, i) for i in o.item_ids),
                "jobs_created": o.jobs_created,
                "jobs_kept": o.jobs_kept,
                "actions": len(o.actions),
                "horizon": str(o.horizon) if o.horizon else "",
            }
            for o in diagnosis.orientations
        ],
        columns=[
            "id",
            "kind",
            "title",
            "objective",
            "items",
            "jobs_created",
            "jobs_kept",
            "actions",
            "horizon",
        ],
    )
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("kind", N_("Stratégie TOWS"), choices=OrientationKind),
            Column("title", N_("Orientation")),
            Column("objective", N_("Objectif")),
            Column("items", N_("Éléments du SWOT croisés")),
            Column("jobs_created", N_("Emplois créés (ETP)"), "count", digits=1),
            Column("jobs_kept", N_("Emplois maintenus (ETP)"), "count", digits=1),
            Column("actions", N_("Actions"), "count"),
            Column("horizon", N_("Échéance")),
        ),
        frame,
        title=N_("Orientations stratégiques (TOWS)"),
    )


def jobs_figures(diagnosis: Diagnosis) -> dict[str, Figure]:
    """Jobs the orientations create and keep on the territory (FTE), with their working."""
    out = {}
    for key, label, attr in (
        ("created", N_("Emplois créés par les orientations"), "jobs_created"),
        ("kept", N_("Emplois maintenus par les orientations"), "jobs_kept"),
    ):
        values = [(o.id, float(getattr(o, attr))) for o in diagnosis.orientations]
        total = math.fsum(v for _i, v in values)
        out[key] = Figure.of(
            label,
            total if diagnosis.orientations else None,
            N_("ETP"),
            N_("Σ ETP des orientations"),
            [Input.of(i, v, N_("ETP")) for i, v in values],
            reason=None
            if diagnosis.orientations
            else N_("aucune orientation n'est encore définie"),
            digits=1,
        )
    return out


def action_plan_records(diagnosis: Diagnosis) -> list[dict[str, Any]]:
    """One record per action of the orientations, for the project's action plan (JSON-ready)."""
    return [
        {
            "orientation_id": o.id,
            "kind": o.kind.value,
            "orientation": o.title,
            "objective": o.objective,
            "action": action,
            "horizon": o.horizon,
            "jobs_created": o.jobs_created,
            "jobs_kept": o.jobs_kept,
        }
        for o in diagnosis.orientations
        for action in o.actions
    ]


def action_plan_view(diagnosis: Diagnosis) -> View:
    """The actions the orientations call for (to send to the project's action plan)."""
    frame = pd.DataFrame(
        action_plan_records(diagnosis),
        columns=[
            "orientation_id",
            "kind",
            "orientation",
            "objective",
            "action",
            "horizon",
            "jobs_created",
            "jobs_kept",
        ],
    )
    frame["horizon"] = frame["horizon"].map(
        lambda h: "" if h is None or (isinstance(h, float) and math.isnan(h)) else str(int(h))
    )
    return View(
        (
            Column("orientation_id", N_("Orientation")),
            Column("kind", N_("Stratégie TOWS"), choices=OrientationKind),
            Column("orientation", N_("Intitulé")),
            Column("action", N_("Action")),
            Column("objective", N_("Objectif")),
            Column("horizon", N_("Échéance")),
        ),
        frame,
        title=N_("Plan d'actions stratégique"),
    )

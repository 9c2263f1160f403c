"""Follow-up of the register: headline figures, late actions and reviews, continuity, history.

Where it sits: layer 2, beside :mod:`essdiag.risks.views` (same columns,
:mod:`essdiag.risks.columns`). :func:`overdue_actions` and
:func:`overdue_reviews` say what is late on a given day; :func:`headline`
turns the register into the screen's four headline figures; the views are
the follow-up tables of the screen and of the exports.

History: the workspace keeps every revision of a dossier;
:func:`score_history_view` reads a list of ``(revision, risk section)`` pairs
and gives each risk's scores revision by revision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from essdiag.figures import Figure, Input, View
from essdiag.i18n import N_
from essdiag.risks.columns import view_of
from essdiag.risks.matrix import current_matrix
from essdiag.risks.scoring import risk_score
from essdiag.risks.section import Risk, RiskAction, RiskSection

__all__ = [
    "Headline",
    "RevisionLike",
    "actions_view",
    "continuity_view",
    "headline",
    "overdue_actions",
    "overdue_actions_view",
    "overdue_reviews",
    "overdue_reviews_view",
    "score_history_view",
]


def overdue_actions(section: RiskSection, today: date) -> list[tuple[Risk, RiskAction]]:
    """Open actions of active risks whose deadline has passed, the latest first.

    >>> from essdiag.risks.section import Assessment
    >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=1, impact=1),
    ...          actions=[RiskAction(title="a", due_on=date(2026, 1, 10))])
    >>> [(risk.id, action.title) for risk, action in overdue_actions(RiskSection(risks=[r]), date(2026, 1, 31))]
    [('R1', 'a')]
    """
    late = [
        (r, a)
        for r in section.active_risks()
        for a in r.open_actions
        if a.due_on is not None and a.due_on < today
    ]
    return sorted(late, key=lambda ra: ra[1].due_on or today)


def overdue_reviews(section: RiskSection, today: date) -> list[Risk]:
    """Active risks whose review date has passed or was never set; never set first, then the
    latest."""
    late = [r for r in section.active_risks() if r.review_on is None or r.review_on < today]
    return sorted(late, key=lambda r: r.review_on or date.min)


@dataclass(frozen=True)
class Headline:
    """The register's headline figures.

    Attributes:
        followed: risks still followed.
        upper: followed risks whose net score falls in the highest bands.
        upper_bands: the words of those bands (the two highest, or the only one).
        late_actions: open actions past their deadline.
        late_reviews: followed risks whose review is past or not planned.
    """

    followed: Figure
    upper: Figure
    upper_bands: tuple[str, ...]
    late_actions: Figure
    late_reviews: Figure


def headline(section: RiskSection, today: date) -> Headline:
    """The headline figures of the register on ``today``.

    >>> h = headline(RiskSection(), date(2026, 11, 27))
    >>> h.followed.value, h.upper_bands, h.late_actions.steps()[0]
    (0, ('Élevé', 'Critique'), "Actions en retard = actions à faire ou en cours dont l'échéance est passée")
    """
    active = section.active_risks()
    upper = tuple(b.label for b in current_matrix(section).bands[-2:])
    in_upper = sum(1 for r in active if risk_score(r, section).net_band in upper)
    late = overdue_reviews(section, today)
    return Headline(
        followed=Figure.of(
            N_("Risques suivis"),
            len(active),
            "count",
            N_("risques du registre − risques clos"),
            [
                Input.of(N_("risques du registre"), len(section.risks), "count"),
                Input.of(N_("risques clos"), len(section.risks) - len(active), "count"),
            ],
        ),
        upper=Figure.of(
            N_("Risques des zones les plus hautes"),
            in_upper,
            "count",
            N_("risques suivis dont le score retenu tombe dans les deux zones les plus hautes"),
            [Input.of(N_("risques suivis"), len(active), "count")],
        ),
        upper_bands=upper,
        late_actions=Figure.of(
            N_("Actions en retard"),
            len(overdue_actions(section, today)),
            "count",
            N_("actions à faire ou en cours dont l'échéance est passée"),
            [
                Input.of(
                    N_("actions à faire ou en cours"),
                    sum(len(r.open_actions) for r in active),
                    "count",
                )
            ],
        ),
        late_reviews=Figure.of(
            N_("Revues en retard ou non planifiées"),
            len(late),
            "count",
            N_("revues dépassées + revues non planifiées"),
            [
                Input.of(
                    N_("revues dépassées"), sum(r.review_on is not None for r in late), "count"
                ),
                Input.of(
                    N_("revues non planifiées"), sum(r.review_on is None for r in late), "count"
                ),
            ],
        ),
    )


def overdue_actions_view(section: RiskSection, today: date) -> View:
    """Open actions past their deadline, the latest first, with the days of delay.

    >>> from essdiag.risks.section import Assessment
    >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=1, impact=1),
    ...          actions=[RiskAction(title="a", due_on=date(2026, 1, 10))])
    >>> overdue_actions_view(RiskSection(risks=[r]), date(2026, 1, 31)).values("days_late")
    [21]
    """
    rows = [
        {
            "id": r.id,
            "action": a.title,
            "due_on": a.due_on,
            "days_late": (today - a.due_on).days if a.due_on else None,
            "action_owner": a.owner,
            "status": a.status,
            "title": r.title,
        }
        for r, a in overdue_actions(section, today)
    ]
    keys = ("id", "action", "due_on", "days_late", "action_owner", "status", "title")
    return view_of(keys, rows, N_("Actions en retard"))


def overdue_reviews_view(section: RiskSection, today: date) -> View:
    """Active risks whose review is past (the latest first) or not planned (first)."""
    rows = [
        {
            "id": r.id,
            "title": r.title,
            "owner": r.owner,
            "review_on": r.review_on,
            "days_late": (today - r.review_on).days if r.review_on else None,
        }
        for r in overdue_reviews(section, today)
    ]
    keys = ("id", "title", "owner", "review_on", "days_late")
    return view_of(keys, rows, N_("Revues dépassées ou non planifiées"))


def actions_view(section: RiskSection) -> View:
    """Every action of every risk, in register order."""
    rows = [
        {
            "id": r.id,
            "title": r.title,
            "action": a.title,
            "action_owner": a.owner,
            "created_on": a.created_on,
            "due_on": a.due_on,
            "status": a.status,
            "note": a.note,
        }
        for r in section.risks
        for a in r.actions
    ]
    keys = ("id", "title", "action", "action_owner", "created_on", "due_on", "status", "note")
    return view_of(keys, rows, N_("Actions"))


def continuity_view(section: RiskSection) -> View:
    """One row per continuity sheet, with the band of the strongest risk that threatens it."""
    rows = []
    for c in section.continuity:
        scores = [risk_score(r, section) for r in section.risks if r.id in c.risk_ids]
        worst = max(scores, key=lambda s: (s.band_rank, s.net), default=None)
        rows.append(
            {
                "id": c.id,
                "activity": c.activity,
                "max_interruption": c.max_interruption,
                "minimum_service": c.minimum_service,
                "who": c.who,
                "fallback": c.fallback,
                "resources": c.resources,
                "risk_ids": ", ".join(c.risk_ids),
                "tested_on": c.tested_on,
                "worst_band": worst.net_band if worst else None,
            }
        )
    keys = (
        "id",
        "activity",
        "max_interruption",
        "minimum_service",
        "who",
        "fallback",
        "resources",
        "risk_ids",
        "tested_on",
        "worst_band",
    )
    return view_of(keys, rows, N_("Fiches de continuité"))


class RevisionLike(Protocol):
    """What :func:`score_history_view` needs from a revision (``essdiag.store.RevisionInfo``)."""

    @property
    def number(self) -> int: ...

    @property
    def created_at(self) -> datetime: ...


def score_history_view(
    revisions: Iterable[tuple[RevisionLike, RiskSection]], risk_id: str | None = None
) -> View:
    """Scores of each risk (or of ``risk_id``) across dossier revisions, by risk, oldest first.

    A revision where the risk does not exist yet gives no row; scores are read
    on the matrix version of that revision (column ``matrix_version``).
    """
    rows = []
    for revision, section in revisions:
        for r in section.risks:
            if risk_id is not None and r.id != risk_id:
                continue
            s = risk_score(r, section)
            rows.append(
                {
                    "revision": revision.number,
                    "date": revision.created_at,
                    "id": r.id,
                    "title": r.title,
                    "matrix_version": s.matrix_version,
                    "inherent": s.inherent,
                    "residual": s.residual,
                    "net": s.net,
                    "band": s.net_band,
                }
            )
    rows.sort(key=lambda row: (row["id"], row["revision"]))
    keys = (
        "revision",
        "date",
        "id",
        "title",
        "matrix_version",
        "inherent",
        "residual",
        "net",
        "band",
    )
    return view_of(keys, rows, N_("Historique des scores"))

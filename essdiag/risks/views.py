"""Views of the register: heat map, top risks, categories, owners, follow-up, history.

Where it sits: pure functions from a :class:`~essdiag.risks.model.RiskSection`
to pandas DataFrames with stable English column names; :data:`COLUMN_LABELS`
gives their French labels and :func:`labelled` renames a table for display or
export. The heat map shows risks assessed on the matrix version in force; the
others are listed by :func:`to_migrate` (their scores are on another scale).

History: the workspace keeps every revision of a dossier; :func:`score_history`
reads a list of ``(revision, risk section)`` pairs and gives each risk's
scores revision by revision.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import pandas as pd

from essdiag.figures import Figure, Input
from essdiag.i18n import N_, Translator
from essdiag.risks.matrix import band_for, score
from essdiag.risks.model import (
    ACTION_STATUS_LABELS,
    CATEGORY_LABELS,
    TREATMENT_LABELS,
    Risk,
    RiskCategory,
    RiskSection,
    current_matrix,
    matrix_by_version,
    risk_score,
)

__all__ = [
    "COLUMN_LABELS",
    "by_category",
    "by_owner",
    "continuity_frame",
    "for_display",
    "heatmap_cells",
    "labelled",
    "movements",
    "overdue_actions",
    "overdue_reviews",
    "register_frame",
    "score_figure",
    "score_history",
    "to_migrate",
    "top_risks",
]

COLUMN_LABELS: dict[str, str] = {
    "id": N_("Identifiant"),
    "title": N_("Risque"),
    "category": N_("Catégorie"),
    "cause": N_("Cause"),
    "consequence": N_("Conséquence"),
    "owner": N_("Responsable"),
    "likelihood": N_("Probabilité"),
    "impact": N_("Gravité"),
    "inherent_likelihood": N_("Probabilité brute"),
    "inherent_impact": N_("Gravité brute"),
    "inherent": N_("Score brut"),
    "inherent_band": N_("Niveau brut"),
    "controls": N_("Mesures existantes"),
    "residual_likelihood": N_("Probabilité résiduelle"),
    "residual_impact": N_("Gravité résiduelle"),
    "residual": N_("Score résiduel"),
    "residual_band": N_("Niveau résiduel"),
    "residual_reason": N_("Justification du résiduel"),
    "net": N_("Score retenu"),
    "band": N_("Niveau"),
    "treatment": N_("Traitement"),
    "review_on": N_("Prochaine revue"),
    "funder": N_("Financeur concerné"),
    "skill": N_("Compétence concernée"),
    "matrix_version": N_("Version de la matrice"),
    "open_actions": N_("Actions en cours"),
    "count": N_("Nombre de risques"),
    "max_net": N_("Score le plus haut"),
    "mean_net": N_("Score moyen"),
    "risks": N_("Risques"),
    "score": N_("Score"),
    "action": N_("Action"),
    "action_owner": N_("Responsable de l'action"),
    "due_on": N_("Échéance de l'action"),
    "status": N_("Statut"),
    "days_late": N_("Jours de retard"),
    "revision": N_("Version du dossier"),
    "date": N_("Date"),
    "activity": N_("Activité critique"),
    "max_interruption": N_("Interruption maximale"),
    "minimum_service": N_("Service minimum"),
    "who": N_("Qui"),
    "fallback": N_("Solution de repli"),
    "resources": N_("Ressources"),
    "risk_ids": N_("Risques liés"),
    "worst_band": N_("Niveau du risque le plus fort"),
    "tested_on": N_("Dernier exercice"),
}

_WORDS: dict[str, dict[Any, str]] = {
    "category": CATEGORY_LABELS,
    "treatment": TREATMENT_LABELS,
    "status": ACTION_STATUS_LABELS,
}


def labelled(frame: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """The table with French (or English) column labels and category/status words."""
    out = frame.copy()
    for column, words in _WORDS.items():
        if column in out.columns:
            out[column] = [
                tr(words[v]) if v in words else ("" if v is None else str(v)) for v in out[column]
            ]
    for column in ("band", "inherent_band", "residual_band", "worst_band"):
        if column in out.columns:
            out[column] = [tr(v) if isinstance(v, str) else v for v in out[column]]
    return out.rename(columns={c: tr(COLUMN_LABELS.get(c, c)) for c in out.columns})


_PARIS = ZoneInfo("Europe/Paris")


def _local(value: date) -> date:
    """A timezone-aware time (a revision's) in Paris time; dates unchanged."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(_PARIS)
    return value


_DATE_COLUMNS = ("review_on", "due_on", "date", "created_on", "tested_on")


def for_display(frame: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """:func:`labelled`, with dates written the reader's way (``27 nov. 2026``) and gaps as ``–``.

    A column with gaps (a risk not yet assessed after controls, a review never
    planned) is turned into text, so that the screen shows ``–`` and not ``None``.

    For the screens only: exports keep real dates so that spreadsheets can sort them.

    >>> from essdiag.i18n import translator
    >>> t = for_display(pd.DataFrame({"review_on": [date(2026, 11, 27), None]}), translator("fr"))
    >>> t["Prochaine revue"].tolist()
    ['27 nov. 2026', '–']
    >>> for_display(pd.DataFrame({"residual": [12, None]}), translator("fr"))["Score résiduel"].tolist()
    ['12', '–']
    """
    out = frame.copy()
    for column in out.columns:
        values = list(out[column])
        if column in _DATE_COLUMNS:
            text = [tr.date(_local(v)) if isinstance(v, date) else "–" for v in values]
        elif any(_blank(v) for v in values) and column not in _WORDS:
            text = [_cell(v, tr) for v in values]
        else:
            continue
        out[column] = pd.Series(text, index=out.index, dtype="object")
    return labelled(out, tr)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _cell(value: Any, tr: Translator) -> str:
    """A cell of a column with gaps, as text: ``–`` for a gap, numbers the reader's way."""
    if _blank(value):
        return "–"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return tr.number(value, 0 if float(value).is_integer() else 1)
    return str(value)


def _active(section: RiskSection) -> list[Risk]:
    return [r for r in section.risks if not r.closed]


def register_frame(section: RiskSection) -> pd.DataFrame:
    """One row per risk with every field of the register and its computed scores."""
    rows = []
    for r in section.risks:
        s = risk_score(r, section)
        rows.append(
            {
                "id": r.id,
                "title": r.title,
                "category": r.category,
                "cause": r.cause,
                "consequence": r.consequence,
                "owner": r.owner,
                "inherent_likelihood": r.inherent.likelihood,
                "inherent_impact": r.inherent.impact,
                "inherent": s.inherent,
                "inherent_band": s.inherent_band,
                "controls": " ; ".join(r.controls),
                "residual_likelihood": r.residual.likelihood if r.residual else None,
                "residual_impact": r.residual.impact if r.residual else None,
                "residual": s.residual,
                "residual_band": s.residual_band,
                "residual_reason": r.residual_reason,
                "treatment": r.treatment,
                "open_actions": len(r.open_actions),
                "review_on": r.review_on,
                "funder": r.funder,
                "skill": r.skill,
                "matrix_version": s.matrix_version,
            }
        )
    return pd.DataFrame(rows, columns=list(_REGISTER_COLUMNS))


_REGISTER_COLUMNS = (
    "id",
    "title",
    "category",
    "cause",
    "consequence",
    "owner",
    "inherent_likelihood",
    "inherent_impact",
    "inherent",
    "inherent_band",
    "controls",
    "residual_likelihood",
    "residual_impact",
    "residual",
    "residual_band",
    "residual_reason",
    "treatment",
    "open_actions",
    "review_on",
    "funder",
    "skill",
    "matrix_version",
)


def heatmap_cells(section: RiskSection, kind: str = "residual") -> pd.DataFrame:
    """One row per cell of the current matrix: levels, score, band and the risks in it.

    ``kind`` is ``inherent`` or ``residual`` (a risk not yet assessed after
    controls is placed by its inherent levels). Closed risks and risks on an
    older matrix version are left out.

    Example:
        >>> from essdiag.risks.model import Assessment, Risk
        >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=2, impact=3))
        >>> cells = heatmap_cells(RiskSection(risks=[r]))
        >>> len(cells), cells.loc[cells["count"] > 0, ["likelihood", "impact", "score"]].values.tolist()
        (25, [[2, 3, 6]])
    """
    matrix = current_matrix(section)
    placed: dict[tuple[int, int], list[str]] = {}
    for r in _active(section):
        if r.inherent.matrix_version != matrix.version:
            continue
        a = r.residual if kind == "residual" and r.residual is not None else r.inherent
        placed.setdefault((a.likelihood, a.impact), []).append(r.id)
    rows = []
    for likelihood in range(1, matrix.size + 1):
        for impact in range(1, matrix.size + 1):
            value = score(likelihood, impact)
            band = band_for(value, matrix)
            ids = placed.get((likelihood, impact), [])
            rows.append(
                {
                    "likelihood": likelihood,
                    "impact": impact,
                    "score": value,
                    "band": band.label,
                    "colour": band.colour,
                    "count": len(ids),
                    "risks": ", ".join(ids),
                }
            )
    return pd.DataFrame(rows)


def movements(section: RiskSection) -> pd.DataFrame:
    """Inherent → residual levels of each active risk on the current matrix."""
    version = current_matrix(section).version
    rows = []
    for r in _active(section):
        if r.inherent.matrix_version != version:
            continue
        s = risk_score(r, section)
        res = r.residual or r.inherent
        rows.append(
            {
                "id": r.id,
                "title": r.title,
                "inherent_likelihood": r.inherent.likelihood,
                "inherent_impact": r.inherent.impact,
                "inherent": s.inherent,
                "residual_likelihood": res.likelihood,
                "residual_impact": res.impact,
                "residual": s.net,
                "band": s.residual_band or s.inherent_band,
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "id",
            "title",
            "inherent_likelihood",
            "inherent_impact",
            "inherent",
            "residual_likelihood",
            "residual_impact",
            "residual",
            "band",
        ],
    )


def top_risks(section: RiskSection, n: int = 10) -> pd.DataFrame:
    """The ``n`` highest active risks: by band of the net score, then net score, then inherent."""
    rows = []
    for r in _active(section):
        s = risk_score(r, section)
        rows.append(
            {
                "id": r.id,
                "title": r.title,
                "category": r.category,
                "owner": r.owner,
                "inherent": s.inherent,
                "residual": s.residual,
                "net": s.net,
                "band": s.residual_band or s.inherent_band,
                "_rank": s.band_rank,
                "_share": s.net / (s.size * s.size),
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "id",
            "title",
            "category",
            "owner",
            "inherent",
            "residual",
            "net",
            "band",
            "_rank",
            "_share",
        ],
    )
    frame = frame.sort_values(
        ["_rank", "_share", "inherent", "id"], ascending=[False, False, False, True], kind="stable"
    )
    return frame.drop(columns=["_rank", "_share"]).head(n).reset_index(drop=True)


def _group(section: RiskSection, key: str) -> pd.DataFrame:
    rows = []
    for r in _active(section):
        s = risk_score(r, section)
        group = r.category if key == "category" else (r.owner.strip() or "—")
        rows.append(
            {
                key: group,
                "net": s.net,
                "_rank": s.band_rank,
                "band": s.residual_band or s.inherent_band,
            }
        )
    if not rows:
        return pd.DataFrame(columns=[key, "count", "max_net", "mean_net", "worst_band"])
    frame = pd.DataFrame(rows)
    worst = frame.sort_values("_rank", ascending=False).groupby(key, sort=False)["band"].first()
    out = (
        frame.groupby(key, sort=False)
        .agg(count=("net", "size"), max_net=("net", "max"), mean_net=("net", "mean"))
        .reset_index()
    )
    out["worst_band"] = out[key].map(worst)
    out["mean_net"] = out["mean_net"].round(1)
    return out.sort_values(["max_net", "count"], ascending=False).reset_index(drop=True)


def by_category(section: RiskSection) -> pd.DataFrame:
    """Per category: number of active risks, highest and mean net score, worst band.

    Every category appears (zero risks included), in the order of :class:`RiskCategory`.
    """
    grouped = _group(section, "category").set_index("category")
    rows = []
    for c in RiskCategory:
        if c in grouped.index:
            g = grouped.loc[c]
            rows.append(
                {
                    "category": c,
                    "count": int(g["count"]),
                    "max_net": int(g["max_net"]),
                    "mean_net": float(g["mean_net"]),
                    "worst_band": g["worst_band"],
                }
            )
        else:
            rows.append(
                {"category": c, "count": 0, "max_net": 0, "mean_net": 0.0, "worst_band": ""}
            )
    return pd.DataFrame(rows)


def by_owner(section: RiskSection) -> pd.DataFrame:
    """Per owner: number of active risks, highest and mean net score, worst band."""
    return _group(section, "owner")


def overdue_actions(section: RiskSection, today: date) -> pd.DataFrame:
    """Open actions whose deadline has passed, the latest first.

    >>> from datetime import date
    >>> from essdiag.risks.model import Assessment, Risk, RiskAction
    >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=1, impact=1),
    ...          actions=[RiskAction(title="a", due_on=date(2026, 1, 10))])
    >>> overdue_actions(RiskSection(risks=[r]), date(2026, 1, 31))["days_late"].tolist()
    [21]
    """
    rows = []
    for r in _active(section):
        for a in r.open_actions:
            if a.due_on is not None and a.due_on < today:
                rows.append(
                    {
                        "id": r.id,
                        "title": r.title,
                        "action": a.title,
                        "action_owner": a.owner,
                        "due_on": a.due_on,
                        "status": a.status,
                        "days_late": (today - a.due_on).days,
                    }
                )
    frame = pd.DataFrame(
        rows, columns=["id", "title", "action", "action_owner", "due_on", "status", "days_late"]
    )
    return frame.sort_values("days_late", ascending=False, kind="stable").reset_index(drop=True)


def overdue_reviews(section: RiskSection, today: date) -> pd.DataFrame:
    """Active risks whose review date has passed (or that have none)."""
    rows = []
    for r in _active(section):
        if r.review_on is None or r.review_on < today:
            rows.append(
                {
                    "id": r.id,
                    "title": r.title,
                    "owner": r.owner,
                    "review_on": r.review_on,
                    "days_late": (today - r.review_on).days if r.review_on else None,
                }
            )
    frame = pd.DataFrame(rows, columns=["id", "title", "owner", "review_on", "days_late"])
    frame["_order"] = [float("inf") if d is None else d for d in frame["days_late"]]
    frame = frame.sort_values("_order", ascending=False, kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def score_figure(risk: Risk, section: RiskSection) -> Figure:
    """The net score of a risk with its working (levels, matrix version, band).

    Notes:
        score = probabilité × gravité, on the matrix version the risk was assessed with.

    Example:
        >>> from essdiag.risks.model import Assessment, Risk
        >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=3, impact=4))
        >>> score_figure(r, RiskSection(risks=[r])).steps()[0]
        'Score brut de R1 = probabilité × gravité'
    """
    s = risk_score(risk, section)
    matrix = matrix_by_version(section, s.matrix_version) or current_matrix(section)
    assessed = risk.residual or risk.inherent
    kind = "résiduel" if risk.residual else "brut"
    band = band_for(s.net, matrix)
    return Figure.of(
        f"Score {kind} de {risk.id}",
        s.net,
        "points",
        "probabilité × gravité",
        [
            Input.of(
                "probabilité",
                assessed.likelihood,
                f"niveau sur {matrix.size}",
                matrix.likelihood_label(assessed.likelihood),
            ),
            Input.of(
                "gravité",
                assessed.impact,
                f"niveau sur {matrix.size}",
                matrix.impact_label(assessed.impact),
            ),
        ],
        references=(
            f"Matrice {matrix.size}×{matrix.size}, version {matrix.version} : zone « {band.label} » "
            f"(jusqu'à {band.max_score} points)",
            "ISO 31000:2018, §6.4 ; IEC 31010:2019, B.10",
        ),
    )


def to_migrate(section: RiskSection) -> pd.DataFrame:
    """Risks assessed on an older matrix version than the one in force."""
    version = current_matrix(section).version
    rows = [
        {"id": r.id, "title": r.title, "matrix_version": r.inherent.matrix_version}
        for r in section.risks
        if r.inherent.matrix_version != version
    ]
    return pd.DataFrame(rows, columns=["id", "title", "matrix_version"])


def continuity_frame(section: RiskSection) -> pd.DataFrame:
    """One row per continuity sheet, with the worst band among its risks."""
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
                "worst_band": (worst.residual_band or worst.inherent_band) if worst else "",
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
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
        ],
    )


class RevisionLike(Protocol):
    """What :func:`score_history` needs from a revision (``essdiag.store.RevisionInfo``)."""

    @property
    def number(self) -> int: ...

    @property
    def created_at(self) -> datetime: ...


def score_history(
    revisions: Iterable[tuple[RevisionLike, RiskSection]], risk_id: str | None = None
) -> pd.DataFrame:
    """Scores of each risk (or of ``risk_id``) across dossier revisions, oldest first.

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
                    "band": s.residual_band or s.inherent_band,
                }
            )
    frame = pd.DataFrame(
        rows,
        columns=[
            "revision",
            "date",
            "id",
            "title",
            "matrix_version",
            "inherent",
            "residual",
            "net",
            "band",
        ],
    )
    return frame.sort_values(["id", "revision"], kind="stable").reset_index(drop=True)

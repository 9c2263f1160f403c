"""Views of the register and of the map: register, heat map, movements, top risks, groups, matrix.

Where it sits: layer 2. Pure functions from a
:class:`~essdiag.risks.section.RiskSection` to :class:`~essdiag.figures.View`
objects: raw values under stable English keys and the columns of
:mod:`essdiag.risks.columns`. The same view is the screen's table
(``view.display(tr)``), the CSV, the chart beside it
(:mod:`essdiag.charts.risks`) and the rows of the exports
(:mod:`essdiag.report.risks_xlsx`, :mod:`essdiag.report.risks_docx`). The
follow-up (late actions and reviews, continuity, history) is in
:mod:`essdiag.risks.follow`.

The heat map shows risks assessed on the matrix version in force; the others
are listed by :func:`to_migrate_view` (their scores are on another scale).

Example:
    >>> from essdiag.i18n import translator
    >>> from essdiag.risks.section import Assessment, Risk
    >>> r = Risk(id="R1", title="Retard", category="financial",
    ...          inherent=Assessment(likelihood=4, impact=4))
    >>> view = top_risks_view(RiskSection(risks=[r]))
    >>> view.display(translator("en")).iloc[0].tolist()
    ['R1', 'Retard', 'Financial', '', '16', '–', '16', 'High']
"""

from __future__ import annotations

from typing import Any

from essdiag.figures import Column, View
from essdiag.i18n import N_, Translator, translator
from essdiag.risks.columns import declared_view, joined, view_of
from essdiag.risks.matrix import band_for, band_ranges, current_matrix
from essdiag.risks.scoring import risk_score
from essdiag.risks.section import ContinuitySheet, RiskCategory, RiskMatrix, RiskSection, score

__all__ = [
    "bands_view",
    "category_view",
    "heatmap_view",
    "levels_view",
    "matrix_view",
    "movements_view",
    "owner_view",
    "register_view",
    "threats_view",
    "to_migrate_view",
    "top_risks_view",
]

_REGISTER = (
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


def register_view(section: RiskSection, tr: Translator | None = None) -> View:
    """One row per risk with every field of the register and its computed scores.

    The existing controls of a risk are one cell, joined the reader's way (``tr``,
    French by default: « a ; b », English « a; b »).
    """
    tr = tr or translator("fr")
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
                "controls": joined(r.controls, tr),
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
    return view_of(_REGISTER, rows, N_("Registre des risques"))


def threats_view(section: RiskSection, sheet: ContinuitySheet) -> View:
    """The risks that threaten a continuity sheet's activity, in register order."""
    keys = ("id", "title", "owner", "inherent", "residual", "residual_band")
    register = register_view(section)
    return register.select(keys).rows_where(register.frame["id"].isin(sheet.risk_ids))


def heatmap_view(section: RiskSection, kind: str = "residual") -> View:
    """One row per cell of the current matrix: levels, score, band and the risks in it.

    ``kind`` is ``inherent`` or ``residual`` (a risk not yet assessed after
    controls is placed by its inherent levels). Closed risks and risks on an
    older matrix version are left out. The frame also holds each cell's
    ``colour`` (its band's).

    Example:
        >>> from essdiag.risks.section import Assessment, Risk
        >>> r = Risk(id="R1", title="x", category="human", inherent=Assessment(likelihood=2, impact=3))
        >>> cells = heatmap_view(RiskSection(risks=[r])).frame
        >>> len(cells), cells.loc[cells["count"] > 0, ["likelihood", "impact", "score"]].values.tolist()
        (25, [[2, 3, 6]])
    """
    matrix = current_matrix(section)
    placed: dict[tuple[int, int], list[str]] = {}
    for r in section.active_risks():
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
                    "count": len(ids),
                    "risks": ", ".join(ids),
                    "colour": band.colour,
                }
            )
    keys = ("likelihood", "impact", "score", "band", "count", "risks")
    return view_of(keys, rows, N_("Carte des risques"), extra=("colour",))


def movements_view(section: RiskSection) -> View:
    """Inherent → residual levels of each active risk on the current matrix (the map's table)."""
    version = current_matrix(section).version
    rows = []
    for r in section.active_risks():
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
                "band": s.net_band,
            }
        )
    keys = (
        "id",
        "title",
        "inherent_likelihood",
        "inherent_impact",
        "inherent",
        "residual_likelihood",
        "residual_impact",
        "residual",
        "band",
    )
    return view_of(keys, rows, N_("Carte des risques"))


def top_risks_view(section: RiskSection, n: int = 10) -> View:
    """The ``n`` highest active risks: by band of the net score, then net score, then inherent.

    Risks on an older matrix compare by their share of the matrix's top score.
    """
    scored = []
    for r in section.active_risks():
        s = risk_score(r, section)
        row = {
            "id": r.id,
            "title": r.title,
            "category": r.category,
            "owner": r.owner,
            "inherent": s.inherent,
            "residual": s.residual,
            "net": s.net,
            "band": s.net_band,
        }
        scored.append(((-s.band_rank, -s.net / (s.size * s.size), -s.inherent, r.id), row))
    rows = [row for _key, row in sorted(scored, key=lambda kr: kr[0])[:n]]
    keys = ("id", "title", "category", "owner", "inherent", "residual", "net", "band")
    return view_of(keys, rows, N_("Risques prioritaires"))


def _groups(section: RiskSection, key: str) -> dict[Any, dict[str, Any]]:
    """Per group (category or owner): count, highest and mean net score, worst band."""
    found: dict[Any, list[tuple[int, int, str]]] = {}
    for r in section.active_risks():
        s = risk_score(r, section)
        group = r.category if key == "category" else (r.owner.strip() or "—")
        found.setdefault(group, []).append((s.net, s.band_rank, s.net_band))
    out = {}
    for group, items in found.items():
        nets = [net for net, _rank, _band in items]
        worst = max(items, key=lambda item: item[1])[2]  # the first of the highest rank
        out[group] = {
            key: group,
            "count": len(items),
            "max_net": max(nets),
            "mean_net": round(sum(nets) / len(nets), 1),
            "worst_band": worst,
        }
    return out


_GROUP = ("count", "max_net", "mean_net", "worst_band")


def category_view(section: RiskSection) -> View:
    """Per category: number of active risks, highest and mean net score, worst band.

    Every category appears (zero risks included, with no score: « – », not 0, which no
    risk can score), in the order of :class:`RiskCategory`.
    """
    groups = _groups(section, "category")
    empty = {"count": 0, "max_net": None, "mean_net": None, "worst_band": None}
    rows = [groups.get(c, {"category": c, **empty}) for c in RiskCategory]
    return view_of(("category", *_GROUP), rows, N_("Risques par catégorie"))


def owner_view(section: RiskSection) -> View:
    """Per owner: number of active risks, highest and mean net score, worst band.

    Owners with the highest score first, then the most risks (« — » for no owner).
    """
    rows = sorted(_groups(section, "owner").values(), key=lambda g: (-g["max_net"], -g["count"]))
    return view_of(("owner", *_GROUP), rows, N_("Risques par responsable"))


def to_migrate_view(section: RiskSection) -> View:
    """Risks assessed on an older matrix version than the one in force."""
    version = current_matrix(section).version
    rows = [
        {"id": r.id, "title": r.title, "matrix_version": r.inherent.matrix_version}
        for r in section.risks
        if r.inherent.matrix_version != version
    ]
    return view_of(("id", "title", "matrix_version"), rows, N_("Risques à migrer"))


# --------------------------------------------------------------------------- the matrix


def levels_view(matrix: RiskMatrix, axis: str) -> View:
    """The levels of one axis (``likelihood`` or ``impact``): rank, word and description."""
    levels = matrix.likelihood if axis == "likelihood" else matrix.impact
    word = N_("Probabilité") if axis == "likelihood" else N_("Gravité")
    rows = [
        {"level": i, "label": lv.label, "description": lv.description}
        for i, lv in enumerate(levels, start=1)
    ]
    cols = (
        Column("level", N_("Niveau"), "count"),
        Column("label", word, "label"),
        Column("description", N_("Description"), "label"),
    )
    return declared_view(cols, rows, word)


def bands_view(matrix: RiskMatrix) -> View:
    """The bands of a matrix: word, scores (``5–9``), colour and what to do."""
    rows = [
        {"band": b.label, "scores": f"{low}–{high}", "colour": b.colour, "guidance": b.guidance}
        for b, low, high in band_ranges(matrix)
    ]
    cols = (
        Column("band", N_("Zone"), "label"),
        Column("scores", N_("Scores")),
        Column("colour", N_("Couleur")),
        Column("guidance", N_("Conduite à tenir"), "label"),
    )
    return declared_view(cols, rows, N_("Zones de criticité"))


def matrix_view(matrix: RiskMatrix) -> View:
    """The whole matrix in one table (the export's sheet): each level of each axis, each band.

    A band's « level » is its range of scores (``5–9``).
    """
    axes = ((N_("Probabilité"), matrix.likelihood), (N_("Gravité"), matrix.impact))
    rows: list[dict[str, Any]] = [
        {"axis": word, "level": i, "label": lv.label, "description": lv.description}
        for word, levels in axes
        for i, lv in enumerate(levels, start=1)
    ]
    rows += [
        {"axis": N_("Zone"), "level": f"{low}–{high}", "label": b.label, "description": b.guidance}
        for b, low, high in band_ranges(matrix)
    ]
    cols = (
        Column("axis", N_("Axe"), "label"),
        Column("level", N_("Niveau")),
        Column("label", N_("Libellé"), "label"),
        Column("description", N_("Description"), "label"),
    )
    return declared_view(cols, rows, N_("Matrice"))

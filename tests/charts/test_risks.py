"""Charts of the risk map: the heat map drawn in one pass, categories, owners, history."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from essdiag.charts.risks import category_chart, heatmap_chart, history_chart, owner_chart
from essdiag.dossier import Dossier
from essdiag.i18n import translator
from essdiag.risks import RiskSection, current_matrix
from essdiag.risks.follow import score_history_view
from essdiag.risks.views import category_view, heatmap_view, movements_view, owner_view

BEFORE = Path(__file__).parents[1] / "data" / "risks" / "heatmap_recyclerie.json"


def test_heatmap_chart_places_every_risk_and_draws_movements(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    tr = translator("fr")
    moves = movements_view(rec).frame
    fig = heatmap_chart(current_matrix(rec), heatmap_view(rec), movements_view(rec), tr)
    heat = fig.data[0]
    assert heat.type == "heatmap" and len(heat.z) == 5
    placed = next(t for t in fig.data if t.type == "scatter" and t.mode == "markers+text")
    assert sorted(placed.text) == sorted(moves["id"])
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    moved = sum(
        1
        for r in moves.itertuples()
        if (r.inherent_likelihood, r.inherent_impact) != (r.residual_likelihood, r.residual_impact)
    )
    assert len(arrows) == moved
    words = [a.text for a in fig.layout.annotations if not a.showarrow]
    assert "Critique · 25" in words and len(words) == 25
    assert fig.layout.xaxis.ticktext[0] == "1. Négligeable"


def test_other_charts(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    tr = translator("fr")
    cats = category_view(rec)
    fig = category_chart(cats, tr)
    assert tuple(fig.data[0].y[:1]) == ("Financier",) and tuple(fig.data[0].x[:1]) == (4,)
    fig = owner_chart(owner_view(rec), tr)
    assert "Directeur" in list(fig.data[0].y)

    class Rev:
        def __init__(self, n: int) -> None:
            self.number = n
            self.created_at = datetime(2026, 11, n, tzinfo=UTC)

    hist = score_history_view([(Rev(1), rec), (Rev(2), rec)])
    fig = history_chart(hist, tr)
    assert len(fig.data) == 13 and list(fig.data[0].x) == [1, 2]
    assert fig.layout.xaxis.title.text == "Version du dossier"
    assert fig.layout.yaxis.title.text == "Score retenu"


def test_the_heat_map_draws_what_it_drew_before(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    """Same cell words, arrows and markers as the builder that added them one at a time."""
    before = json.loads(BEFORE.read_text("utf-8"))
    fig = heatmap_chart(
        current_matrix(rec), heatmap_view(rec), movements_view(rec), translator("fr")
    )
    words = sorted(
        [round(a.x, 2), round(a.y, 2), a.text] for a in fig.layout.annotations if not a.showarrow
    )
    arrows = sorted(
        [round(a.x, 2), round(a.y, 2), round(a.ax, 2), round(a.ay, 2)]
        for a in fig.layout.annotations
        if a.showarrow
    )
    markers = sorted(
        (
            [
                t.marker.symbol,
                round(x, 2),
                round(y, 2),
                t.text[i] if t.text else None,
                t.hovertext[i],
            ]
            for t in fig.data[1:]
            for i, (x, y) in enumerate(zip(t.x, t.y, strict=True))
            if x is not None
        ),
        key=lambda p: (p[0], p[1], p[2]),
    )
    assert words == before["words"]
    assert arrows == before["arrows"]
    assert markers == before["markers"]
    # Three traces of markers whatever the number of risks: residual, inherent, the legend's.
    assert [t.type for t in fig.data] == ["heatmap", "scatter", "scatter", "scatter"]


def test_the_heat_map_reads_its_axes_from_the_view(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    en = translator("en")
    fig = heatmap_chart(current_matrix(rec), heatmap_view(rec), movements_view(rec), en)
    assert fig.layout.xaxis.title.text == "Impact"
    assert fig.layout.yaxis.title.text == "Likelihood"
    assert [t.name for t in fig.data if t.showlegend is not False and t.name] == [
        "Risk (residual position)",
        "Inherent position (before controls)",
    ]


def test_the_heat_map_of_a_register_without_movement() -> None:
    from essdiag.risks import Risk

    r = Risk.model_validate(
        {"id": "R1", "title": "x", "category": "human", "inherent": {"likelihood": 2, "impact": 3}}
    )
    section = RiskSection(risks=[r])
    fig = heatmap_chart(
        current_matrix(section), heatmap_view(section), movements_view(section), translator("fr")
    )
    assert not [a for a in fig.layout.annotations if a.showarrow]
    assert [t.mode for t in fig.data[1:]] == ["markers+text", "markers"]
    empty = RiskSection()
    fig = heatmap_chart(
        current_matrix(empty), heatmap_view(empty), movements_view(empty), translator("fr")
    )
    assert len(fig.data) == 1 and len(fig.layout.annotations) == 25

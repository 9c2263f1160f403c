"""Charts of the risk map: the heat map drawn in one pass, categories, owners, history."""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
    words = list(_words(fig).text)
    assert "Critique · 25" in words and len(words) == 25
    assert fig.layout.xaxis.ticktext[0] == "1. Négligeable"


def _words(fig: Any) -> Any:
    """The trace that writes each cell's band word and score."""
    return next(t for t in fig.data if t.type == "scatter" and t.mode == "text")


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
    cells = _words(fig)
    words = sorted(
        [round(x, 2), round(y, 2), text]
        for x, y, text in zip(cells.x, cells.y, cells.text, strict=True)
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
            if t.mode != "text"
            for i, (x, y) in enumerate(zip(t.x, t.y, strict=True))
            if x is not None
        ),
        key=lambda p: (p[0], p[1], p[2]),
    )
    assert words == before["words"]
    # Where each risk stands (its residual marker) and where its arrow ends are unchanged.
    assert sorted(a[:2] for a in arrows) == sorted(a[:2] for a in before["arrows"])
    dots = [m for m in markers if m[0] == "circle"]
    assert dots == [m for m in before["markers"] if m[0] == "circle"]
    # The inherent positions have their own places now (issue #11): before, an open circle
    # could sit under another risk's marker (R10's arrow seemed to start from R03). Each open
    # circle is an arrow's start, inside the risk's inherent cell, clear of every marker.
    opened = sorted([m[1], m[2]] for m in markers if m[0] == "circle-open")
    assert opened == sorted([a[2], a[3]] for a in arrows)
    at = {(m[1], m[2]): m[3] for m in dots}
    frame = movements_view(rec).frame.set_index("id")
    for x, y, ax, ay in arrows:
        risk = frame.loc[at[(x, y)]]
        assert (round(ay), round(ax)) == (risk["inherent_likelihood"], risk["inherent_impact"])
        assert min(math.hypot(ax - m[1], ay - m[2]) for m in dots) > 0.12
    # The cells' words, three traces of markers whatever the number of risks (residual,
    # inherent, the legend's), then one legend entry per band.
    assert [t.type for t in fig.data] == ["heatmap"] + ["scatter"] * (1 + 3 + 4)
    assert not [a for a in fig.layout.annotations if not a.showarrow]  # only the arrows


def test_the_heat_map_reads_its_axes_from_the_view(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    en = translator("en")
    fig = heatmap_chart(current_matrix(rec), heatmap_view(rec), movements_view(rec), en)
    assert fig.layout.xaxis.title.text == "Impact"
    assert fig.layout.yaxis.title.text == "Likelihood"
    assert [t.name for t in fig.data if t.showlegend is not False and t.name] == [
        "Risk (residual position)",
        "Inherent position (before controls)",
        "“Low” band: scores 1 to 4",
        "“Moderate” band: scores 5 to 9",
        "“High” band: scores 10 to 16",
        "“Critical” band: scores 17 to 25",
    ]


def test_the_heat_map_is_legible_from_the_back_of_a_room(recyclerie: Dossier) -> None:
    """Cell words, risk identifiers and axis levels at 13 px at least; the bands in the legend
    with their colour (a trainer shows the map on a projector)."""
    rec = recyclerie.risks
    matrix = current_matrix(rec)
    fig = heatmap_chart(matrix, heatmap_view(rec), movements_view(rec), translator("fr"))
    assert _words(fig).textfont.size >= 13
    placed = next(t for t in fig.data[1:] if t.mode == "markers+text")
    assert placed.textfont.size >= 13
    assert fig.layout.xaxis.tickfont.size >= 13 and fig.layout.yaxis.tickfont.size >= 13
    bands = [t for t in fig.data if t.name and t.name.startswith("Zone")]
    assert [t.marker.color for t in bands] == [b.colour for b in matrix.bands]
    assert bands[0].name == "Zone « Faible » : scores 1 à 4"


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
    assert [t.mode for t in fig.data[1:]] == ["text", "markers+text", "markers"] + ["markers"] * 4
    empty = RiskSection()
    fig = heatmap_chart(
        current_matrix(empty), heatmap_view(empty), movements_view(empty), translator("fr")
    )
    assert len(fig.data) == 2 + 4 and not fig.layout.annotations  # cells, words, band legend
    assert len(_words(fig).text) == 25

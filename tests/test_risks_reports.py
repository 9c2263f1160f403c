"""Exports (XLSX, DOCX) and charts of the risk map, reopened and checked."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from essdiag.charts.risks import category_chart, heatmap_chart, history_chart, owner_chart
from essdiag.i18n import translator
from essdiag.report.risks_docx import risk_map_docx
from essdiag.report.risks_xlsx import risk_register_xlsx
from essdiag.risks import RiskSection, current_matrix
from essdiag.risks.views import by_category, by_owner, heatmap_cells, movements, score_history
from sample_data.sections.risks import section as sample_section

TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def rec() -> RiskSection:
    return RiskSection.model_validate(sample_section("recyclerie"))


def test_xlsx_register_and_maps(rec: RiskSection) -> None:
    raw = risk_register_xlsx(rec, translator("fr"), organisation="La Ressourcerie", today=TODAY)
    wb = load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == [
        "Registre",
        "Carte résiduelle",
        "Carte brute",
        "Actions",
        "Continuité",
        "Matrice",
    ]
    reg = wb["Registre"]
    assert reg["A1"].value == "Registre des risques — La Ressourcerie — au 27 nov. 2026"
    header = [c.value for c in reg[3]]
    assert header[:4] == ["Identifiant", "Risque", "Catégorie", "Cause"]
    rows = {r[0]: r for r in reg.iter_rows(min_row=4, values_only=True)}
    assert len(rows) == 13
    r02 = rows["R02"]
    assert r02[2] == "Financier"
    assert r02[header.index("Score brut")] == 20
    assert r02[header.index("Score résiduel")] == 16
    assert r02[header.index("Niveau résiduel")] == "Élevé"
    # The map: likelihood 4 (row 5 - 4 + 5 = 6th grid row), impact 4 holds R02, coloured by band.
    grid = wb["Carte résiduelle"]
    cell = grid.cell(row=4 + 1 + (5 - 4) + 1 - 1, column=1 + 4)
    assert cell.value.startswith("Élevé (16)") and "R02" in cell.value
    assert cell.fill.fgColor.rgb.endswith("E69F00")
    assert grid.cell(row=5, column=1).value == "5. Quasi certain"
    actions = list(wb["Actions"].iter_rows(min_row=2, values_only=True))
    assert len(actions) == sum(len(r.actions) for r in rec.risks)
    assert wb["Matrice"]["A1"].value == "Matrice 5×5, version 2"


def test_xlsx_text_never_becomes_a_formula(rec: RiskSection) -> None:
    data = rec.model_dump()
    data["risks"][0]["title"] = '=HYPERLINK("http://x")'
    raw = risk_register_xlsx(RiskSection.model_validate(data), translator("fr"))
    reg = load_workbook(io.BytesIO(raw))["Registre"]
    assert reg.cell(row=4, column=2).value == '\'=HYPERLINK("http://x")'


def test_docx_map(rec: RiskSection) -> None:
    raw = risk_map_docx(rec, translator("fr"), organisation="La Ressourcerie", today=TODAY)
    doc = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Cartographie des risques — La Ressourcerie" in text
    assert "13 risques suivis, matrice 5×5 (version 2)" in text
    assert "R02 — Retard de versement du solde FSE+" in text
    assert "C02 — Collecte et atelier de valorisation" in text
    assert "Dernier exercice : 15 mai 2026" in text  # C02 was exercised on 2026-05-15
    bands = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name == "List Bullet"
    ]
    assert bands[:2] == [  # 5×5 thresholds ≤4 / ≤9, ranges written by hand
        "Faible (1–4) : Accepter et surveiller ; revoir une fois par an.",
        "Modéré (5–9) : Maîtriser par les mesures courantes ; revoir tous les six mois.",
    ]
    grid = doc.tables[0]
    assert grid.cell(0, 5).text == "5. Critique"
    assert "R02" in grid.cell(2, 4).text  # likelihood 4 is the second grid row
    shade = grid.cell(2, 4)._tc.tcPr.xpath("./w:shd")[0]
    assert (
        shade.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") == "E69F00"
    )
    top = doc.tables[1]
    assert top.cell(1, 0).text == "R02"
    late = doc.tables[2]
    assert [late.cell(i, 0).text for i in range(1, len(late.rows))] == [
        "R12",
        "R06",
        "R02",
        "R05",
        "R04",
    ]


def test_docx_in_english_translates_headings(rec: RiskSection) -> None:
    raw = risk_map_docx(rec, translator("en"), today=TODAY)
    headings = [
        p.text
        for p in Document(io.BytesIO(raw)).paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]
    assert "Risk map" in headings


def test_heatmap_chart_places_every_risk_and_draws_movements(rec: RiskSection) -> None:
    tr = translator("fr")
    moves = movements(rec)
    fig = heatmap_chart(current_matrix(rec), heatmap_cells(rec), moves, tr)
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


def test_other_charts(rec: RiskSection) -> None:
    tr = translator("fr")
    cats = by_category(rec)
    fig = category_chart(cats, tr)
    assert tuple(fig.data[0].y[:1]) == ("Financier",) and tuple(fig.data[0].x[:1]) == (4,)
    fig = owner_chart(by_owner(rec), tr)
    assert "Directeur" in list(fig.data[0].y)

    class Rev:
        def __init__(self, n: int) -> None:
            from datetime import UTC, datetime

            self.number = n
            self.created_at = datetime(2026, 11, n, tzinfo=UTC)

    hist = score_history([(Rev(1), rec), (Rev(2), rec)])
    fig = history_chart(hist, tr)
    assert len(fig.data) == 13 and list(fig.data[0].x) == [1, 2]

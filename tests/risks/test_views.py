"""Views of the register and of the map: values on the sample, and how they read.

The recyclerie's values are read off its risk map by hand (sample_data's
README and risks section): R02 residual 4×4 = 16, R01 and R05 at 12, R13 still
on the 4×4 of 2025.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from essdiag.i18n import translator
from essdiag.risks import RiskSection, default_matrix
from essdiag.risks.views import (
    bands_view,
    category_view,
    heatmap_view,
    levels_view,
    matrix_view,
    movements_view,
    owner_view,
    register_view,
    threats_view,
    to_migrate_view,
    top_risks_view,
)

FR = translator("fr")
EN = translator("en")


def test_top_risks_of_the_recyclerie(rec: RiskSection) -> None:
    top = top_risks_view(rec, 3)
    # R02: residual 4×4 = 16 (Élevé) is the highest; R01 and R05 follow at 12.
    assert top.values("id") == ["R02", "R01", "R05"]
    assert top.values("net") == [16, 12, 12]


def test_heatmap_cells_and_movements(rec: RiskSection) -> None:
    cells = heatmap_view(rec, "residual").frame
    assert len(cells) == 25
    # 12 risks on the current 5×5 (R13 waits for migration).
    assert cells["count"].sum() == 12
    r02 = cells[(cells["likelihood"] == 4) & (cells["impact"] == 4)]
    assert "R02" in r02["risks"].iloc[0]
    assert r02["colour"].iloc[0] == "#E69F00"  # « Élevé », kept in the frame for the map
    inherent = heatmap_view(rec, "inherent").frame
    assert (
        inherent.loc[(inherent["likelihood"] == 5) & (inherent["impact"] == 4), "risks"].iloc[0]
        == "R02"
    )
    moves = movements_view(rec).frame.set_index("id")
    assert moves.loc["R03", ["inherent", "residual"]].tolist() == [15, 10]
    assert to_migrate_view(rec).values("id") == ["R13"]


def test_by_category_and_owner(rec: RiskSection) -> None:
    cats = category_view(rec).frame.set_index("category")
    assert len(cats) == 8
    assert cats.loc["financial", "count"] == 4  # R01, R02, R05, R08
    assert cats.loc["financial", "max_net"] == 16
    # Mean of the scores used: R01 12, R02 16, R05 12, R08 12 (residuals) → 52 / 4 = 13.
    assert cats.loc["financial", "mean_net"] == 13.0
    assert cats.loc["reputational", "count"] == 0
    # No risk, no score: « – » rather than 0, which no risk can score.
    assert cats.loc["reputational", ["max_net", "mean_net"]].isna().all()
    shown = category_view(rec).display(FR).set_index("Catégorie")
    assert shown.loc["Image et réputation", ["Score le plus haut", "Score moyen"]].tolist() == [
        "–",
        "–",
    ]
    owners = owner_view(rec).frame.set_index("owner")
    assert owners.loc["Directeur", "count"] == 5
    assert owners["count"].sum() == len(rec.risks)
    # Highest score first, then the most risks.
    assert owner_view(rec).values("max_net") == sorted(
        owner_view(rec).values("max_net"), reverse=True
    )


def test_the_register_reads_in_french_and_in_english(rec: RiskSection) -> None:
    view = register_view(rec)
    fr = view.display(FR).set_index("Identifiant")
    assert fr.loc["R02", "Catégorie"] == "Financier"
    assert fr.loc["R02", "Score brut"] == "20" and fr.loc["R02", "Niveau résiduel"] == "Élevé"
    assert fr.loc["R13", "Prochaine revue"] == "30 avr. 2026"  # R13's review was due 2026-04-30
    en = view.display(EN).set_index("Identifier")
    assert en.loc["R02", "Category"] == "Financial"
    assert en.loc["R13", "Next review"] == "30 Apr 2026"
    # Every cell is text: the screen shows « – » for a gap, never None or NaN.
    assert all(isinstance(v, str) for v in fr.to_numpy().ravel())


def test_gaps_read_as_a_dash_and_numbers_the_readers_way() -> None:
    from essdiag.risks import Risk

    r = Risk.model_validate(
        {"id": "R1", "title": "x", "category": "human", "inherent": {"likelihood": 2, "impact": 3}}
    )
    row = register_view(RiskSection(risks=[r])).display(FR).iloc[0]
    assert (row["Score brut"], row["Score résiduel"], row["Traitement"]) == ("6", "–", "–")
    assert row["Prochaine revue"] == "–"
    cats = category_view(RiskSection(risks=[r])).display(FR).set_index("Catégorie")
    assert cats.loc["Humain et bénévolat", "Score moyen"] == "6,0"
    assert cats.loc["Financier", "Niveau du risque le plus fort"] == "–"
    assert category_view(RiskSection(risks=[r])).display(EN).iloc[1]["Mean score"] == "6.0"


def test_the_csv_holds_numbers_a_french_spreadsheet_can_sum(rec: RiskSection) -> None:
    text = register_view(rec).csv(FR).decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text), delimiter=";")
    assert header[:3] == ["Identifiant", "Risque", "Catégorie"]
    by_id = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_id["R02"]["Score brut"] == "20"  # a number: no unit, no grouping
    assert by_id["R02"]["Catégorie"] == "Financier"
    assert by_id["R13"]["Prochaine revue"] == "30/04/2026"
    r02 = rec.risk("R02")
    assert r02 is not None  # its controls hold « ; » and come back whole (a quoted field)
    assert by_id["R02"]["Mesures existantes"] == " ; ".join(r02.controls)
    cats = category_view(rec).csv(FR).decode("utf-8-sig").splitlines()
    assert (
        cats[0]
        == "Catégorie;Nombre de risques;Score le plus haut;Score moyen;Niveau du risque le plus fort"
    )
    financial = cats[1].split(";")
    # R01, R02, R05, R08: net 12, 16, 12 and R08's; the mean has a decimal comma.
    assert financial[:3] == ["Financier", "4", "16"] and "." not in financial[3]


def test_threats_of_a_continuity_sheet(rec: RiskSection) -> None:
    c01 = next(c for c in rec.continuity if c.id == "C01")
    threats = threats_view(rec, c01)
    assert threats.values("id") == ["R02", "R06", "R12"]
    assert threats.headers(FR) == [
        "Identifiant",
        "Risque",
        "Responsable",
        "Score brut",
        "Score résiduel",
        "Niveau résiduel",
    ]


@pytest.mark.parametrize("size", [3, 4, 5])
def test_the_matrix_tables(size: int) -> None:
    m = default_matrix(size)
    likelihood = levels_view(m, "likelihood")
    assert likelihood.headers(FR) == ["Niveau", "Probabilité", "Description"]
    assert likelihood.values("level") == list(range(1, size + 1))
    assert levels_view(m, "impact").headers(EN)[1] == "Impact"
    bands = bands_view(m).display(FR)
    assert bands.iloc[0]["Scores"] == f"1–{m.bands[0].max_score}"
    sheet = matrix_view(m)
    assert len(sheet) == 2 * size + len(m.bands)
    assert sheet.cells(FR)[0][:2] == ["Probabilité", 1]  # levels stay numbers in a workbook


def test_the_matrix_sheet_of_a_5x5_in_english() -> None:
    cells = matrix_view(default_matrix(5)).cells(EN)
    assert cells[-1][0] == "Band" and cells[-1][1] == "17–25"


def test_the_register_view_of_an_empty_section_has_its_columns() -> None:
    view = register_view(RiskSection())
    assert view.empty and len(view.headers(FR)) == 22
    assert top_risks_view(RiskSection()).empty
    assert owner_view(RiskSection()).empty
    assert category_view(RiskSection()).values("count") == [0] * 8


def test_dates_of_the_register_are_dates_for_the_exports(rec: RiskSection) -> None:
    cells = register_view(rec).cells(FR)
    r13 = next(row for row in cells if row[0] == "R13")
    assert date(2026, 4, 30) in r13

"""The HR workbook, reopened with openpyxl: its sheets, headers, number formats, both languages."""

from __future__ import annotations

import io

import openpyxl
import pytest

from essdiag.i18n import translator
from essdiag.report.hr_xlsx import hr_xlsx
from essdiag.xlsx import EUR_FORMAT, PERCENT_FORMAT
from tests.hr.samples import sample_report


def _book(lang: str = "fr") -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(hr_xlsx(sample_report(), translator(lang))))


def _table(ws: openpyxl.worksheet.worksheet.Worksheet) -> tuple[list[str], list[list[object]]]:
    """Headers (row 3, under the title) and the rows below them."""
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    return [str(h) for h in rows[0]], [list(r) for r in rows[1:]]


def test_sheets_are_named_whole_and_apart() -> None:
    names = _book().sheetnames
    assert names == [
        "Synthèse",
        "Effectif",
        "Contrats",
        "Tranches de rémunération",
        "Échelle des rémunérations",
        "Index égalité",
        "Index, groupes rémunération",
        "Transparence par catégorie",
        "Bénéficiaires OETH",
        "Compétences sans relève",
        "Plan de formation",
        "Écarts de compétences",
        "Accès à la formation",
        "QVT par thème",
        "QVT par groupe",
        "QVT par sexe",
    ]
    assert all(len(n) <= 31 for n in _book("en").sheetnames)
    assert _book("en").sheetnames[:3] == ["Summary", "Workforce", "Contracts"]


def test_summary_sheet_has_each_figure_its_value_and_its_working() -> None:
    ws = _book()["Synthèse"]
    assert str(ws["A1"].value).startswith("La Ressourcerie des Confluences — ressources humaines")
    headers, rows = _table(ws)
    assert headers == [
        "Partie",
        "Indicateur",
        "Valeur",
        "Valeur affichée",
        "Lecture ou raison",
        "Calcul",
    ]
    by_label = {r[1]: r for r in rows}
    # 25 people under contract on 31 December 2025 (README of the case)
    assert by_label["Effectif au dernier jour de la période"][2:4] == [25, "25"]
    index = by_label["Index de l'égalité professionnelle"]
    assert index[2] is None and index[3] == "–"
    assert index[4] == "moins de 75 points sont calculables"  # the reason, since it has no value
    assert "Non calculable : moins de 75 points sont calculables" in str(index[5])
    # An indicator's points written once: « 25 points sur 35 », no reading repeating them.
    raises = by_label["Écart de taux d'augmentations (promotions comprises)"]
    assert raises[2:5] == [25, "25 points sur 35", ""]
    # Money to the cent, as its working writes the inputs.
    median = by_label["Rémunération médiane (ETP)"]
    assert median[3] == "21\u202f621,60\xa0€" and "Résultat : 21\u202f621,60\xa0€" in str(median[5])


def test_money_and_percent_columns_carry_their_number_formats() -> None:
    book = _book()
    headers, _rows = _table(book["Échelle des rémunérations"])
    assert headers == [
        "Identifiant",
        "Sexe",
        "Catégorie",
        "ETP",
        "Versé sur la période",
        "Rémunération ETP",
    ]
    ws = book["Échelle des rémunérations"]
    first = list(ws[4])
    assert first[1].value == "Homme" and first[2].value == "Ingénieurs et cadres"  # P01
    assert first[5].value == 43200 and first[5].number_format == EUR_FORMAT  # P01, 1 FTE
    gaps = book["Transparence par catégorie"]
    headers, _rows = _table(gaps)
    column = headers.index("Écart moyen, rémunération de base") + 1
    cells = [gaps.cell(row=r, column=column) for r in range(4, 8)]
    assert {c.number_format for c in cells} == {PERCENT_FORMAT}
    # engineers and managers: the mean base-pay gap is a number (14,4 %), not a text
    assert isinstance(cells[3].value, float) and cells[3].value == pytest.approx(0.144, abs=5e-4)


def test_english_workbook_has_no_french_headers() -> None:
    headers, _rows = _table(_book("en")["Summary"])
    assert headers == ["Part", "Indicator", "Value", "Value shown", "Reading or reason", "Working"]
    headers, rows = _table(_book("en")["Pay scale"])
    assert headers[:3] == ["Identifier", "Sex", "Category"]
    assert {r[1] for r in rows} == {"Woman", "Man"}

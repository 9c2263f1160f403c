"""The funding workbook: the register, the mix trend and the year's tables, from the screens' views."""

from __future__ import annotations

import io

import openpyxl

from essdiag.funding.views import family_view, funder_view, trend_view
from essdiag.i18n import translator
from essdiag.report.funding_xlsx import funding_workbook
from tests.funding.samples import sample


def test_funding_workbook_reopens() -> None:
    recyclerie = sample("recyclerie")
    years = recyclerie.years()
    fr = translator("fr")
    raw = funding_workbook(
        recyclerie.sources,
        years,
        trend_view(recyclerie.sources, years),
        fr,
        year_views=(family_view(recyclerie.sources, 2025), funder_view(recyclerie.sources, 2025)),
    )
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == ["Registre", "Mix", "Mix 1", "Mix 2"]
    reg = wb["Registre"]
    assert reg["A1"].value == "Registre des financements"
    assert reg["F3"].value == "Nature de la ressource"
    assert reg["B4"].value == "Aide au poste ACI (versée par l'ASP)"
    assert reg["I4"].value == 314_000  # 2025
    assert reg["D4"].value == "ASP – emplois aidés" and reg["E4"].value == "Financements publics"
    mix = wb["Mix"]
    assert mix["A1"].value == "Évolution du mix de financement"
    assert [c.value for c in mix[3]][:4] == [
        "Exercice",
        "Financements publics",
        "Financements privés",
        "Ressources d'activité",
    ]
    assert mix["A4"].value == 2025 and mix["F4"].number_format == "0.0 %"
    by_funder = wb["Mix 2"]
    assert by_funder["A4"].value == "État – Ministère du Travail"
    english = funding_workbook(
        recyclerie.sources, years, trend_view(recyclerie.sources, years), translator("en")
    )
    wb_en = openpyxl.load_workbook(io.BytesIO(english))
    assert wb_en.sheetnames == ["Register", "Mix"]
    assert wb_en["Register"]["F3"].value == "Purpose"


def test_text_that_looks_like_a_formula_stays_text() -> None:
    from essdiag.funding import FundingSource, YearAmount

    evil = FundingSource(
        id="x", name="=HYPERLINK(\"http://x\")", funder="+cmd|' /C calc'!A0",
        funder_type="foundation", amounts=[YearAmount(year=2026, amount=1e12)],
    )  # fmt: skip
    raw = funding_workbook([evil], [2026], trend_view([evil], [2026]), translator("fr"))
    reg = openpyxl.load_workbook(io.BytesIO(raw))["Registre"]
    assert reg["B4"].value.startswith("'=") and reg["C4"].value.startswith("'+")
    assert reg["I4"].value == 1e12  # the largest amount the register accepts, as a number

"""The funding workbook: register, mix trend, plans and loans, from the screens' views."""

from __future__ import annotations

import io

import openpyxl
import pytest

from essdiag.funding.views import trend_view
from essdiag.i18n import translator
from essdiag.report.funding_xlsx import funding_workbook
from tests.funding.samples import sample


def test_funding_workbook_reopens() -> None:
    recyclerie = sample("recyclerie")
    scic = sample("scic-energie")
    years = recyclerie.years()
    fr = translator("fr")
    raw = funding_workbook(
        recyclerie.sources, years, trend_view(recyclerie.sources, years), scic.plans, fr
    )
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames[:2] == ["Registre", "Mix"]
    reg = wb["Registre"]
    assert reg["A1"].value == "Registre des financements"
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
    plan = wb["Plan 1"]
    assert [c.value for c in plan[3]] == ["Côté", "Rubrique", "Libellé", "Montant"]
    assert plan["A4"].value == "Besoins"
    loan = wb["Prêt 1.1"]
    assert loan["F4"].value == pytest.approx(475.0)  # deferral: 150 000 × 3,8 % / 12
    assert loan.max_row == 3 + 180
    english = funding_workbook(
        recyclerie.sources, years, trend_view(recyclerie.sources, years), [], translator("en")
    )
    assert openpyxl.load_workbook(io.BytesIO(english)).sheetnames[0] == "Register"

"""The treasury workbook: the plan with every series, the funders' receipts, the simulation."""

from __future__ import annotations

import io

import openpyxl
import pytest

from essdiag.i18n import translator
from essdiag.report.treasury_xlsx import treasury_workbook
from essdiag.treasury import assemble, simulate
from essdiag.treasury.views import cash_plan_view, montecarlo_view, receipts_view
from tests.treasury.cases import TODAY, case


def test_treasury_workbook_reopens() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    plan, _ = inputs.cash_plan()
    assert plan is not None
    result, _ = simulate(
        inputs.opening_cash,
        inputs.other_inflows,
        inputs.outflows,
        inputs.receipts.to_numpy(),
        months=inputs.months,
        scenarios=500,
    )
    fr = translator("fr")
    raw = treasury_workbook(
        cash_plan_view(plan), receipts_view(inputs, fr), fr, montecarlo=montecarlo_view(result)
    )
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == ["Plan de trésorerie", "Versements des financeurs", "Monte Carlo"]
    ws = wb["Plan de trésorerie"]
    # Months are written as the reader says them (a View's month column).
    assert ws["A3"].value == "Mois" and ws["A4"].value == "janvier 2026"
    assert ws["B3"].value == "Réalisé ou prévision" and ws["B4"].value == "Prévision"
    assert ws["C4"].value == pytest.approx(209_134.86)
    last = ws.max_row
    assert ws.cell(last, 1).value == "décembre 2027"
    headers = [c.value for c in ws[3]]
    assert "Autres encaissements" in headers and "Décaissements d'exploitation" in headers
    receipts = wb["Versements des financeurs"]
    names = [receipts.cell(r, 1).value for r in range(4, receipts.max_row + 1)]
    assert "FSE+ – accompagnement socioprofessionnel" in names
    assert receipts["B3"].value == "janv. 2026"
    mc = wb["Monte Carlo"]
    assert mc["B4"].number_format == "0.0 %" and mc.max_row == 3 + 24
    en = translator("en")
    without = treasury_workbook(cash_plan_view(plan), receipts_view(inputs, en), en)
    assert openpyxl.load_workbook(io.BytesIO(without)).sheetnames == [
        "Cash plan",
        "Funders' payments",
    ]


def test_the_workbook_sets_the_plan_against_the_bank() -> None:
    from datetime import date

    from essdiag.ledger import read_fec
    from essdiag.samples import load_sample
    from essdiag.treasury.compare import comparison_view, dossier_comparison, gap_view
    from essdiag.treasury.inputs import dossier_inputs
    from tests.treasury.test_actuals import FEC_2026

    ledgers = {2026: read_fec(FEC_2026, file=FEC_2026.name).ledger}
    dossier, today = load_sample("recyclerie"), date(2026, 12, 1)
    inputs, _ = dossier_inputs(dossier, today=today, ledgers=ledgers)
    plan, _ = inputs.cash_plan()
    against = dossier_comparison(dossier, today=today, ledgers=ledgers)
    assert plan is not None and against is not None
    fr = translator("fr")
    raw = treasury_workbook(
        cash_plan_view(plan), receipts_view(inputs, fr), fr,
        compared=comparison_view(against), flows=gap_view(against),
    )  # fmt: skip
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == [
        "Plan de trésorerie", "Prévu et réalisé", "Écart par flux", "Versements des financeurs",
    ]  # fmt: skip
    ws = wb["Plan de trésorerie"]
    assert ws["B13"].value == "Réalisé" and ws["B14"].value == "Prévision"  # October, November
    closing = [c.value for c in ws[3]].index("Fin de mois") + 1
    assert ws.cell(13, closing).value == pytest.approx(168_028.63)  # the bank at 31/10/2026
    assert wb["Prévu et réalisé"]["C13"].value == pytest.approx(168_028.63)

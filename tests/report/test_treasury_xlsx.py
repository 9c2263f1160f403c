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
        cash_plan_view(plan), receipts_view(inputs), fr, montecarlo=montecarlo_view(result)
    )
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == ["Plan de trésorerie", "Versements des financeurs", "Monte Carlo"]
    ws = wb["Plan de trésorerie"]
    # Months are written as the reader says them (a View's month column).
    assert ws["A3"].value == "Mois" and ws["A4"].value == "janvier 2026"
    assert ws["B4"].value == pytest.approx(209_134.86)
    last = ws.max_row
    assert ws.cell(last, 1).value == "décembre 2027"
    headers = [c.value for c in ws[3]]
    assert "Autres encaissements" in headers and "Décaissements d'exploitation" in headers
    receipts = wb["Versements des financeurs"]
    names = [receipts.cell(r, 1).value for r in range(4, receipts.max_row + 1)]
    assert "FSE+ – accompagnement socioprofessionnel" in names
    mc = wb["Monte Carlo"]
    assert mc["B4"].number_format == "0.0 %" and mc.max_row == 3 + 24
    without = treasury_workbook(cash_plan_view(plan), receipts_view(inputs), translator("en"))
    assert openpyxl.load_workbook(io.BytesIO(without)).sheetnames == [
        "Cash plan",
        "Funders' payments",
    ]

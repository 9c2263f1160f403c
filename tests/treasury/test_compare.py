"""Plan against bank: the gap of the months gone by is the sum of the flows' gaps."""

from __future__ import annotations

import json
import math
from datetime import date
from decimal import Decimal

import pytest

from essdiag.i18n import translator
from essdiag.ledger import read_fec
from essdiag.samples import load_sample
from essdiag.treasury.compare import (
    comparison_view,
    dossier_comparison,
    gap_figure,
    gap_view,
)
from tests.treasury.cases import REPO
from tests.treasury.test_actuals import FEC_2026, fec_bank_balances

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    ledger = read_fec(FEC_2026, file=FEC_2026.name).ledger
    result = dossier_comparison(load_sample("recyclerie"), today=TODAY, ledgers={2026: ledger})
    assert result is not None
    return result


def test_the_gap_is_the_sum_of_the_flows_effects(comparison) -> None:  # type: ignore[no-untyped-def]
    assert comparison.months[-1] == "2026-10" and len(comparison.months) == 10
    assert Decimal(str(round(comparison.actual[-1], 2))) == fec_bank_balances(FEC_2026)["2026-10"]
    assert math.fsum(f.effect for f in comparison.flows) == pytest.approx(comparison.gap, abs=0.01)
    # Both plans start from the same cash: January's gap is January's flows' gap only.
    assert [abs(f.effect) for f in comparison.flows] == sorted(
        (abs(f.effect) for f in comparison.flows), reverse=True
    )


def test_payroll_planned_is_the_budgets_64_and_actual_the_banks(comparison) -> None:  # type: ignore[no-untyped-def]
    # Planned: every line of heading 64 in the sample's budget, January to October (read from
    # sample_data/recyclerie/dossier/budget.json). Actual: 535 575,05 € paid through 421, 431,
    # 437 and 442 (the FEC's bank lines).
    budget = json.loads((REPO / "sample_data/recyclerie/dossier/budget.json").read_text("utf-8"))
    adopted = [
        v for v in budget["versions"] if v["fiscal_year"] == 2026 and v["status"] == "adopted"
    ]
    planned = math.fsum(
        v for line in adopted[-1]["lines"] if line["heading"] == "64" for v in line["months"][:10]
    )
    payroll = next(f for f in comparison.flows if f.name == "Salaires et charges sociales")
    assert not payroll.inflow
    assert payroll.planned == pytest.approx(planned, abs=0.01)
    assert payroll.actual == pytest.approx(535_575.05, abs=0.001)
    assert payroll.effect == pytest.approx(planned - 535_575.05, abs=0.01)  # less paid: more cash


def test_views_and_figure_of_the_comparison(comparison) -> None:  # type: ignore[no-untyped-def]
    fr, en = translator("fr"), translator("en")
    months = comparison_view(comparison)
    assert months.values("month")[0] == "2026-01"
    row = months.frame.iloc[-1]
    assert row["gap"] == pytest.approx(row["actual"] - row["planned"])
    flows = gap_view(comparison).display(fr)
    assert list(flows.columns) == ["Flux", "Sens", "Prévu", "Réalisé", "Effet sur la trésorerie"]
    assert set(flows["Sens"]) <= {"Encaissement", "Décaissement"}
    figure = gap_figure(comparison)
    assert figure.scope_text(fr) == "fin octobre 2026"
    assert figure.read(fr).startswith("surtout : ")
    top = comparison.flows[0]
    assert top.name in figure.read(fr)
    english = figure.read(en)
    assert english.startswith("mainly: ") and "Achats" not in english  # the flows in English
    assert gap_view(comparison).csv(fr).decode("utf-8-sig").splitlines()[0] == (
        "Flux;Sens;Prévu (€);Réalisé (€);Effet sur la trésorerie (€)"
    )


def test_no_comparison_without_accounts() -> None:
    assert dossier_comparison(load_sample("recyclerie"), today=TODAY) is None

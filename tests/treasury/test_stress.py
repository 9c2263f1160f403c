"""Stress tests of the cash plan: a funder stops, cuts or pays late; scenarios compared."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.funding.section import month_keys, receipts_matrix
from essdiag.treasury import assemble
from essdiag.treasury.stress import (
    STRESS_BASIS_NOTES,
    apply_stress,
    compare_scenarios,
    funder_stress,
    stress_figures,
    stress_test,
    stress_view,
    stressable,
)
from tests.treasury.cases import TODAY, case


def test_stress_of_zero_changes_nothing() -> None:
    funding, _treasury = case("recyclerie")
    months = month_keys(2026, 1, 12)
    receipts = receipts_matrix(funding.sources, months)
    assert apply_stress(receipts, "fse").equals(receipts)
    result, issues = stress_test(
        funding.sources,
        "departement",
        2026,
        receipts=receipts,
        opening_cash=209_134.86,
        other_inflows={"autres": [30_000.0] * 12},
        outflows={"charges": [85_000.0] * 12},
    )
    assert issues == [] and result is not None
    assert result.result_effect == 0 and result.cash_effect == 0
    assert result.stressed_closing == result.base_closing
    assert result.base_path == result.stressed_path and len(result.months) == 12


@settings(deadline=None)  # a shared machine: timing is not what is tested
@given(st.floats(0, 1), st.integers(0, 30))
def test_stress_never_adds_money(cut: float, delay: int) -> None:
    m = pd.DataFrame([[100.0, 0.0, 50.0, 25.0]], index=["a"], columns=list("1234"))
    out = apply_stress(m, "a", cut_share=cut, delay_months=delay)
    assert out.loc["a"].sum() <= m.loc["a"].sum() + 1e-9


def test_stress_department_stops() -> None:
    funding, _treasury = case("recyclerie")
    months = month_keys(2026, 1, 12)
    receipts = receipts_matrix(funding.sources, months)
    result, _ = stress_test(
        funding.sources,
        "departement",
        2026,
        receipts=receipts,
        opening_cash=100_000.0,
        other_inflows={"autres": [0.0] * 12},
        outflows={"charges": [0.0] * 12},
        cut_share=1.0,
    )
    assert result is not None
    assert result.result_effect == -85_500  # 2026 convention, lost entirely
    # Cash lost inside 2026: the 2025 balance (0,2 × 95 000) and the 2026 advance and
    # instalment (0,8 × 85 500) = 19 000 + 68 400 = 87 400 €.
    assert result.base_closing - result.stressed_closing == pytest.approx(87_400)
    unknown, issues = stress_test(
        funding.sources, "nobody", 2026, receipts=receipts, opening_cash=0.0,
        other_inflows={}, outflows={},
    )  # fmt: skip
    assert unknown is None and "n'est pas dans le registre" in issues[0].message
    figs = stress_figures(result, 2026)
    assert figs["result"].value == -85_500 and figs["result"].shown() == "\u221285\u202f500\xa0€"
    assert figs["cash_effect"].value == pytest.approx(result.cash_effect)
    assert any("Montant de l'exercice = 85\u202f500" in s for s in figs["result"].steps())
    view = stress_view(result)
    assert view.values("month") == months
    assert view.frame["base"].iloc[-1] - view.frame["stressed"].iloc[-1] == pytest.approx(87_400)


@settings(deadline=None)  # a shared machine: timing is not what is tested
@given(
    st.lists(
        st.lists(st.floats(0, 1e6, allow_nan=False), min_size=6, max_size=6),
        min_size=1,
        max_size=5,
    )
)
def test_a_zero_stress_is_the_identity_on_any_schedule(rows: list[list[float]]) -> None:
    matrix = pd.DataFrame(rows, index=[f"s{i}" for i in range(len(rows))], columns=list("abcdef"))
    for sid in matrix.index:
        assert apply_stress(matrix, str(sid), cut_share=0.0, delay_months=0).equals(matrix)


def test_funder_stress_runs_on_the_dossier_and_rewords_the_basis_notes() -> None:
    from types import SimpleNamespace

    from essdiag.budget.section import BudgetSection
    from essdiag.identity import Identity

    funding, treasury = case("recyclerie")
    dossier = SimpleNamespace(
        identity=Identity.model_validate({"name": "Test"}),
        treasury=treasury,
        funding=funding,
        budget=BudgetSection(),
    )
    stress = funder_stress(
        dossier, source_id="departement", year=2026, cut_share=1.0, delay_months=0, today=TODAY
    )
    assert stress.result is not None and stress.result.result_effect == -85_500
    assert [n.template for n in stress.notes] == [STRESS_BASIS_NOTES["treasury_manual_basis"]]
    assert "écran Trésorerie" in stress.notes[0].message
    assert "departement" in {s.id for s in stressable(funding.sources, 2026)}


def test_compare_scenarios_on_the_recyclerie() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    names = {"base": "Plan de base", "late": "Tous en retard", "cut": "FSE+ −100 %"}
    paths, summary = compare_scenarios(
        inputs, delay_months=2, source_id="fse", cut_share=1.0, names=names
    )
    assert summary.values("scenario") == list(names.values())
    base, late, cut = summary.frame.to_dict("records")
    plan, _ = inputs.cash_plan()
    assert plan is not None
    assert base["lowest"] == pytest.approx(float(plan["closing"].min()))
    assert base["alerts"] == int(plan["alert"].sum())
    assert late["lowest"] <= base["lowest"] and cut["closing"] < base["closing"]
    # The FSE+ balances (85 000 € in 11/2026, 88 000 € in 11/2027) are lost to the cut plan.
    assert base["closing"] - cut["closing"] == pytest.approx(85_000 + 88_000)
    assert len(paths) == 3 * len(inputs.months)


def test_a_stress_moves_only_the_payments_to_come() -> None:
    from essdiag.ledger import read_fec
    from essdiag.samples import load_sample
    from tests.treasury.test_actuals import FEC_2026

    ledger = read_fec(FEC_2026, file=FEC_2026.name).ledger
    stress = funder_stress(
        load_sample("recyclerie"), source_id="fse", year=2026, cut_share=1.0, delay_months=0,
        today=TODAY, ledgers={2026: ledger},
    )  # fmt: skip
    assert stress.result is not None
    # The plan starts from the bank at 31 October; the FSE+ 2025 balance (85 000 €, November
    # 2026) is lost: the lowest cash ahead falls by up to that amount.
    assert stress.result.months[0] == "2026-11"
    assert stress.result.base_path[0] - stress.result.stressed_path[0] == pytest.approx(85_000)
    assert [n.code for n in stress.notes] == ["treasury_actual_months"]
    assert "168\u202f028,63" in stress.notes[0].message

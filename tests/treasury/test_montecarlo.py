"""Monte Carlo of funders' delays and cuts: worked cases, seeding, the headline figures."""

from __future__ import annotations

import numpy as np
import pytest

from essdiag.treasury import assemble, delay_vectors, simulate
from essdiag.treasury.montecarlo import montecarlo_figures
from tests.treasury.cases import TODAY, case


def test_monte_carlo_without_risk_is_the_plan() -> None:
    receipts = np.array([[0.0, 50.0, 0.0, 50.0]])
    r, paths = simulate(
        10.0, [0.0] * 4, [30.0] * 4, receipts,
        late_probability=0.0, cut_probability=0.0, scenarios=200, return_paths=True,
    )  # fmt: skip
    assert paths is not None
    assert np.allclose(paths, [[-20.0, 0.0, -30.0, -10.0]])
    assert r.prob_negative == (1.0, 0.0, 1.0, 1.0)
    assert r.credit_line_95 == pytest.approx(30.0)


def test_delays_are_drawn_per_instalment_and_the_credit_line_is_the_5th_percentile() -> None:
    # Worked by hand: one funder pays 100 € in months 1 and 2; 100 € go out in months 1
    # and 2; opening 0. Each payment is late with p = 0,5 and then by exactly 1 month
    # (mean 1 → 1 + Poisson(0)). The four cases (on time/late for each payment), each 1/4:
    #   (on, on)    closings 0, 0, 0          (late, on)   −100, 0, 0
    #   (on, late)  0, −100, 0                (late, late) −100, −100, 0
    # so P(negative) = ½ in months 1 and 2, 0 in month 3; P(at least once) = ¾.
    # One delay per funder keeps only (on, on) and (late, late): P(at least once) = ½.
    receipts = np.array([[100.0, 100.0, 0.0]])
    args = (0.0, [0.0] * 3, [100.0, 100.0, 0.0], receipts)
    common = {"late_probability": 0.5, "mean_delay_months": 1.0, "cut_probability": 0.0}
    each, _ = simulate(*args, scenarios=20_000, **common)
    assert each.prob_negative == pytest.approx((0.5, 0.5, 0.0), abs=0.02)
    assert each.prob_any_negative == pytest.approx(0.75, abs=0.02)
    assert each.credit_line_95 == pytest.approx(100.0)  # lowest is −100 in 75 % > 5 %
    whole, _ = simulate(*args, scenarios=20_000, per_instalment=False, **common)
    assert whole.prob_negative == pytest.approx((0.5, 0.5, 0.0), abs=0.02)
    assert whole.prob_any_negative == pytest.approx(0.5, abs=0.02)
    # Credit line at 95 % = −(5th percentile of the lowest cash). With p = 0,03 a payment:
    # per instalment P(lowest = −100) = 1 − 0,97² = 5,9 % > 5 % → a 100 € line is needed;
    # one draw per funder: 3 % < 5 % → no line needed at 95 %.
    rare = {**common, "late_probability": 0.03}
    assert simulate(*args, scenarios=20_000, **rare)[0].credit_line_95 == pytest.approx(100.0)
    assert simulate(*args, scenarios=20_000, per_instalment=False, **rare)[0].credit_line_95 == 0


def test_a_cut_applies_to_every_payment_of_the_funder() -> None:
    # Cut certain (p = 1) of 20 %: each payment of 100 € brings 80 €: closings −20, −40.
    r, paths = simulate(
        0.0, [0.0, 0.0], [100.0, 100.0], np.array([[100.0, 100.0]]),
        late_probability=0.0, cut_probability=1.0, cut_share=0.2, scenarios=50,
        return_paths=True,
    )  # fmt: skip
    assert paths is not None and np.allclose(paths, [[-20.0, -40.0]])
    assert r.credit_line_95 == pytest.approx(40.0)


def test_monte_carlo_is_seeded_and_delays_hurt() -> None:
    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    params = delay_vectors(treasury.delays, list(inputs.receipts.index))
    args = (inputs.opening_cash, inputs.other_inflows, inputs.outflows, inputs.receipts.to_numpy())
    a, _ = simulate(*args, months=inputs.months, scenarios=2000, seed=7, **params)
    b, _ = simulate(*args, months=inputs.months, scenarios=2000, seed=7, **params)
    assert a == b
    safe, _ = simulate(*args, scenarios=2000, late_probability=0.0, cut_probability=0.0)
    assert all(x >= y for x, y in zip(a.prob_negative, safe.prob_negative, strict=True))
    assert a.table()["q05"].le(a.table()["q95"]).all()
    worst, _ = simulate(
        *args,
        scenarios=2000,
        late_probability=1.0,
        mean_delay_months=6.0,
        cut_probability=1.0,
        cut_share=0.5,
    )
    assert worst.credit_line_95 > a.credit_line_95


def test_figures_of_the_simulation() -> None:
    receipts = np.array([[100.0, 100.0, 0.0]])
    args = (0.0, [0.0] * 3, [100.0, 100.0, 0.0], receipts)
    rare, _ = simulate(
        *args, scenarios=20_000, per_instalment=False, late_probability=0.03,
        mean_delay_months=1.0, cut_probability=0.0,
    )  # fmt: skip
    figs = montecarlo_figures(rare)
    # 3 % of the scenarios go below zero: no line at 95 %, but the risk is not nil.
    assert figs["credit_line"].value == 0 and figs["credit_line"].tone == "watch"
    assert "Moins de 5 % des scénarios" in figs["credit_line"].read()
    assert figs["any_negative"].value == pytest.approx(0.03, abs=0.01)
    steps = figs["any_negative"].steps()
    assert "Scénarios tirés = 20\u202f000" in steps and "Graine du tirage = 2014" in steps
    sure, _ = simulate(*args, scenarios=100, late_probability=0.0, cut_probability=0.0)
    assert montecarlo_figures(sure)["credit_line"].reading is None


def test_the_dossier_simulation_is_the_simulation_of_its_plan() -> None:
    from types import SimpleNamespace

    from essdiag.budget.section import BudgetSection
    from essdiag.identity import Identity
    from essdiag.treasury.montecarlo import dossier_simulation

    funding, treasury = case("recyclerie")
    inputs = assemble(treasury, funding.sources, budget=None, today=TODAY)
    params = delay_vectors(treasury.delays, list(inputs.receipts.index))
    direct, _ = simulate(
        inputs.opening_cash, inputs.other_inflows, inputs.outflows, inputs.receipts.to_numpy(),
        months=inputs.months, scenarios=500, seed=3, **params,
    )  # fmt: skip
    dossier = SimpleNamespace(
        identity=Identity.model_validate({"name": "Test"}),
        treasury=treasury,
        funding=funding,
        budget=BudgetSection(),
    )
    cached = dossier_simulation(
        dossier,
        today=TODAY,
        scenarios=500,
        seed=3,
        **{k: tuple(float(x) for x in v) for k, v in params.items()},
    )
    assert cached == direct


def test_the_simulation_starts_from_the_last_actual_bank_balance() -> None:
    from essdiag.ledger import read_fec
    from essdiag.samples import load_sample
    from essdiag.treasury.montecarlo import dossier_simulation
    from tests.treasury.test_actuals import FEC_2026

    ledger = read_fec(FEC_2026, file=FEC_2026.name).ledger
    dossier = load_sample("recyclerie")
    n = len([s for s in dossier.funding.sources if s.scheduled])
    sure = dict.fromkeys(("late_probability", "cut_probability", "cut_share"), (0.0,) * n)
    result = dossier_simulation(
        dossier, today=TODAY, scenarios=50, seed=1, mean_delay_months=(1.0,) * n,
        ledgers={2026: ledger}, **sure,
    )  # fmt: skip
    # November 2026 onwards only: what is in the bank on 31 October cannot come late.
    assert result.months[0] == "2026-11" and len(result.months) == 14
    from essdiag.treasury.inputs import dossier_inputs

    inputs, _ = dossier_inputs(dossier, today=TODAY, ledgers={2026: ledger})
    plan, _ = inputs.cash_plan()
    assert plan is not None
    # Without any risk every scenario is the forecast, from 168 028,63 €.
    assert result.quantiles["q50"] == pytest.approx(tuple(plan["closing"].iloc[10:]))

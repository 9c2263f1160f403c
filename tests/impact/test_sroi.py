"""The SROI engine against a worked example computed by hand, its identities and its properties.

The worked example (three outcomes, three inputs, r = 3.5 %) was computed
independently with a calculator, following the SROI guide's conventions
(Cabinet Office / SROI Network, 2009): impact = quantity × proxy × (1 − DW)
× (1 − DS) × (1 − AT); drop-off from year 2 on the previous year's value;
year t discounted by 1.035ᵗ, year 1 included; inputs at year 0; volunteer
hours at the hourly SMIC in force on the valuation date (11,88 € on
31/12/2025, décret n° 2024-951).
"""

from __future__ import annotations

import itertools
import math
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from essdiag.impact.section import SroiCase, SroiInput, SroiOutcome
from essdiag.impact.sroi import (
    apply_what_if,
    break_even,
    evaluate,
    impact_of,
    parse_what_if,
    present_value,
    tornado,
    year_values,
)

ON = date(2026, 6, 1)


def worked_example() -> SroiCase:
    return SroiCase(
        discount_rate=0.035,
        valuation_date=date(2025, 12, 31),
        inputs=[
            SroiInput(stakeholder="Région", description="subvention", value=40000),
            SroiInput(stakeholder="Bénévoles", description="1 000 h", hours=1000),
            SroiInput(stakeholder="Fondation", value=8120),
        ],
        outcomes=[
            SroiOutcome(
                name="Emploi",
                stakeholder="Salariés en parcours",
                quantity=10,
                proxy=9000,
                proxy_source="étude",
                duration_years=3,
                deadweight=0.25,
                attribution=0.20,
                drop_off=0.30,
            ),
            SroiOutcome(
                name="Tonnes",
                stakeholder="EPCI",
                quantity=360,
                proxy=95,
                proxy_source="coût d'enfouissement",
                deadweight=0.10,
                displacement=0.05,
                attribution=0.30,
            ),
            SroiOutcome(
                name="Lien social",
                stakeholder="Bénévoles",
                quantity=45,
                proxy=400,
                proxy_source="étude",
                duration_years=2,
                deadweight=0.50,
                attribution=0.10,
                drop_off=0.50,
            ),
        ],
    )


def test_worked_example_by_hand() -> None:
    r = evaluate(worked_example(), on=ON)
    # Inputs: 40 000 + 1 000 h × 11,88 €/h (SMIC on 31/12/2025) + 8 120 = 60 000
    assert r.inputs_value == pytest.approx(60000.0, abs=1e-9)
    assert r.smic is not None and str(r.smic.value) == "11.88"
    emploi, tonnes, lien = r.outcomes
    # Emploi: 10 × 9 000 = 90 000 × 0,75 × 1 × 0,80 = 54 000 in year 1;
    # drop-off 30 %: 54 000 × 0,7 = 37 800, then × 0,7 = 26 460
    assert emploi.year_values == pytest.approx((54000.0, 37800.0, 26460.0))
    # PV = 54 000 / 1,035 + 37 800 / 1,071225 + 26 460 / 1,108717875
    #    = 52 173,913 + 35 286,704 + 23 865,404 = 111 326,022
    assert emploi.present_value == pytest.approx(111326.0215, abs=1e-3)
    # Tonnes (one year): 360 × 95 = 34 200 × 0,90 × 0,95 × 0,70 = 20 468,70; PV = 20 468,70 / 1,035
    assert tonnes.year_values == pytest.approx((20468.7,))
    assert tonnes.present_value == pytest.approx(19776.5217, abs=1e-3)
    # Lien social: 45 × 400 = 18 000 × 0,5 × 0,9 = 8 100; year 2: 8 100 × 0,5 = 4 050
    # PV = 8 100 / 1,035 + 4 050 / 1,071225 = 7 826,087 + 3 780,718 = 11 606,805
    assert lien.year_values == pytest.approx((8100.0, 4050.0))
    assert lien.present_value == pytest.approx(11606.8053, abs=1e-3)
    # Total PV = 111 326,022 + 19 776,522 + 11 606,805 = 142 709,349
    assert r.present_value == pytest.approx(142709.3485, abs=1e-3)
    assert r.net_present_value == pytest.approx(82709.3485, abs=1e-3)
    # Ratio = 142 709,349 / 60 000 = 2,3785; net = 1,3785
    assert r.sroi_ratio == pytest.approx(2.378489, abs=1e-6)
    assert r.net_sroi_ratio == pytest.approx(1.378489, abs=1e-6)
    # Undiscounted: 118 260 + 20 468,70 + 12 150 = 150 878,70
    assert r.total_undiscounted_value == pytest.approx(150878.7, abs=1e-6)
    # Payback: 60 000 / ((54 000 + 20 468,70 + 8 100) / 12) = 60 000 / 6 880,725 = 8,72 months
    assert r.payback_months == pytest.approx(8.720011, abs=1e-6)


def test_a_stated_hourly_rate_replaces_the_smic() -> None:
    case = worked_example()
    inputs = [*case.inputs[:1], SroiInput(stakeholder="Bénévoles", hours=1000, hourly_rate=15)]
    r = evaluate(case.model_copy(update={"inputs": inputs}), on=ON)
    assert r.inputs_value == pytest.approx(40000 + 15000)  # 1 000 h × 15 €/h
    assert r.smic is None
    assert not r.inputs[1].rate_is_smic


def test_the_smic_of_the_valuation_date_or_of_the_day() -> None:
    case = SroiCase(
        inputs=[SroiInput(stakeholder="Bénévoles", hours=100)],
        outcomes=[SroiOutcome(name="x", stakeholder="y", quantity=1, proxy=1, proxy_source="s")],
    )
    # No valuation date: the SMIC in force on the day given (12,02 € since 01/01/2026).
    assert evaluate(case, on=date(2026, 3, 1)).inputs_value == pytest.approx(1202.0)
    # 11,88 € from 01/11/2024 to 31/12/2025 (décret n° 2024-951), the day before the change.
    assert evaluate(case, on=date(2025, 12, 31)).inputs_value == pytest.approx(1188.0)


def test_all_deductions_at_zero_give_quantity_times_proxy() -> None:
    o = SroiOutcome(name="x", stakeholder="y", quantity=12.5, proxy=800, proxy_source="s")
    assert impact_of(o) == 12.5 * 800
    assert year_values(o) == (10000.0,)


def test_rate_zero_gives_the_undiscounted_total() -> None:
    case = worked_example().model_copy(update={"discount_rate": 0.0})
    r = evaluate(case, on=ON)
    assert r.present_value == pytest.approx(r.total_undiscounted_value)
    assert present_value([100.0, 50.0], 0.0) == 150.0


def test_year_one_is_discounted_once() -> None:
    assert present_value([103.5], 0.035) == pytest.approx(100.0)


def test_no_input_leaves_the_ratio_undefined() -> None:
    case = worked_example().model_copy(update={"inputs": []})
    r = evaluate(case, on=ON)
    assert r.sroi_ratio is None and r.net_sroi_ratio is None
    assert all(p.value is None and p.reason for p in break_even(case, on=ON))


def test_break_even_values_bring_the_ratio_to_one() -> None:
    case = worked_example()
    points = break_even(case, on=ON)
    found = [p for p in points if p.value is not None]
    assert {(p.outcome, p.field) for p in found} >= {
        ("Emploi", "quantity"),
        ("Emploi", "proxy"),
        ("Emploi", "deadweight"),
        (None, "discount_rate"),
    }
    for p in found:
        if p.field == "duration_years":
            continue
        changed, issues = apply_what_if(case, [(p.outcome, p.field, p.value)])
        assert changed is not None, issues
        assert evaluate(changed, on=ON).sroi_ratio == pytest.approx(1.0, abs=1e-9)
    # Emploi's quantity: the others are worth 31 383,33 €, so Emploi must be worth 28 616,67 €;
    # its PV per person is 11 132,60 €, hence 2,5705 people.
    quantity = next(p for p in points if (p.outcome, p.field) == ("Emploi", "quantity"))
    assert quantity.value == pytest.approx(
        (60000 - 19776.5217 - 11606.8053) / 11132.60215, abs=1e-6
    )


def test_break_even_says_why_when_no_value_exists() -> None:
    points = {(p.outcome, p.field): p for p in break_even(worked_example(), on=ON)}
    tonnes = points[("Tonnes", "deadweight")]
    assert tonnes.value is None and "100 %" in (tonnes.reason or "")  # the others cover the inputs
    assert "un an" in (points[("Tonnes", "drop_off")].reason or "")  # one-year outcome
    assert (
        points[("Emploi", "duration_years")].reason
        == "le ratio atteint déjà 1 avec une durée d'un an"
    )


def test_break_even_duration_is_the_shortest_whole_number_of_years() -> None:
    case = SroiCase(
        discount_rate=0.0,
        inputs=[SroiInput(stakeholder="x", value=2500)],
        outcomes=[SroiOutcome(name="a", stakeholder="b", quantity=1, proxy=1000, proxy_source="s")],
    )
    point = next(p for p in break_even(case, on=ON) if p.field == "duration_years")
    assert point.value == 3.0  # 1 000 € a year, r = 0: 2 years give 2 000, 3 years 3 000 ≥ 2 500


def test_break_even_below_one_even_at_best() -> None:
    case = SroiCase(
        discount_rate=0.0,
        inputs=[SroiInput(stakeholder="x", value=10000)],
        outcomes=[
            SroiOutcome(
                name="a", stakeholder="b", quantity=1, proxy=1000, proxy_source="s", deadweight=0.5
            )
        ],
    )
    point = next(p for p in break_even(case, on=ON) if p.field == "deadweight")
    assert point.value is None and point.reason == "le ratio reste inférieur à 1 même à 0 %"
    rate = next(p for p in break_even(case, on=ON) if p.field == "discount_rate")
    assert rate.value is None and rate.reason == "le ratio reste inférieur à 1 même à 0 %"


def test_tornado_moves_one_assumption_at_a_time() -> None:
    case = worked_example()
    bars = tornado(case, on=ON, step=0.10, rate_step=0.05)
    assert bars == sorted(bars, key=lambda b: -b.swing)
    base = evaluate(case, on=ON).sroi_ratio
    assert base is not None
    quantity = next(b for b in bars if (b.outcome, b.field) == ("Emploi", "quantity"))
    assert (quantity.low, quantity.high) == pytest.approx((9.0, 11.0))
    # Emploi is 111 326,02 of 142 709,35: ± 10 % of it moves the ratio by ± 11 132,60 / 60 000
    assert quantity.ratio_high - base == pytest.approx(11132.60215 / 60000, abs=1e-9)
    deadweight = next(b for b in bars if (b.outcome, b.field) == ("Tonnes", "deadweight"))
    assert (deadweight.low, deadweight.high) == pytest.approx((0.05, 0.15))
    displacement = next(b for b in bars if (b.outcome, b.field) == ("Emploi", "displacement"))
    assert displacement.low == 0.0  # kept within 0–1
    inputs = next(b for b in bars if b.field == "inputs")
    assert inputs.ratio_low == pytest.approx(142709.3485 / 54000, abs=1e-6)


def test_what_if_text() -> None:
    assert parse_what_if("Emploi:proxy=9500")[0] == ("Emploi", "proxy", 9500.0)
    assert parse_what_if("Retour à l'emploi : durable:drop_off=0,25")[0] == (
        "Retour à l'emploi : durable",
        "drop_off",
        0.25,
    )
    assert parse_what_if("discount_rate=0.05")[0] == (None, "discount_rate", 0.05)
    for bad in ("Emploi:proxy", "Emploi:colour=1", "proxy=3", "Emploi:proxy=abc"):
        change, issues = parse_what_if(bad)
        assert change is None and issues and issues[0].message


def test_what_if_refuses_values_out_of_range_and_unknown_outcomes() -> None:
    case = worked_example()
    changed, issues = apply_what_if(case, [("Emploi", "deadweight", 1.5)])
    assert changed is None and "inférieur ou égal à 1" in issues[0].message
    changed, issues = apply_what_if(case, [("Personne", "proxy", 1)])
    assert changed is None and "Personne" in issues[0].message
    changed, _ = apply_what_if(case, [("Emploi", "duration_years", 5), (None, "discount_rate", 0)])
    assert changed is not None
    assert changed.outcome("Emploi").duration_years == 5  # type: ignore[union-attr]
    assert changed.discount_rate == 0


# --------------------------------------------------------------------------- properties

rates = st.floats(0, 1, allow_nan=False)


@st.composite
def outcomes(draw: st.DrawFn) -> SroiOutcome:
    return SroiOutcome(
        name=draw(st.text(min_size=1, max_size=8).filter(str.strip)),
        stakeholder="p",
        quantity=draw(st.floats(0.01, 1e5)),
        proxy=draw(st.floats(0.01, 1e5)),
        proxy_source="s",
        duration_years=draw(st.integers(1, 10)),
        deadweight=draw(rates),
        displacement=draw(rates),
        attribution=draw(rates),
        drop_off=draw(rates),
    )


@st.composite
def cases(draw: st.DrawFn) -> SroiCase:
    items = draw(st.lists(outcomes(), min_size=1, max_size=4, unique_by=lambda o: o.name))
    return SroiCase(
        discount_rate=draw(st.floats(0, 0.2)),
        inputs=[SroiInput(stakeholder="x", value=draw(st.floats(1, 1e6)))],
        outcomes=items,
    )


@settings(max_examples=80, deadline=None)
@given(
    cases(),
    st.sampled_from(["deadweight", "displacement", "attribution", "drop_off"]),
    rates,
    rates,
)
def test_ratio_never_rises_with_a_deduction(case: SroiCase, field: str, a: float, b: float) -> None:
    low, high = sorted((a, b))
    name = case.outcomes[0].name
    r_low = evaluate(apply_what_if(case, [(name, field, low)])[0], on=ON).sroi_ratio  # type: ignore[arg-type]
    r_high = evaluate(apply_what_if(case, [(name, field, high)])[0], on=ON).sroi_ratio  # type: ignore[arg-type]
    assert r_low is not None and r_high is not None
    assert r_high <= r_low * (1 + 1e-12) + 1e-12


@settings(max_examples=80, deadline=None)
@given(cases(), st.floats(0, 1e5), st.floats(0, 1e5))
def test_ratio_never_falls_with_the_proxy(case: SroiCase, a: float, b: float) -> None:
    low, high = sorted((a, b))
    name = case.outcomes[0].name
    r_low = evaluate(apply_what_if(case, [(name, "proxy", low)])[0], on=ON).sroi_ratio  # type: ignore[arg-type]
    r_high = evaluate(apply_what_if(case, [(name, "proxy", high)])[0], on=ON).sroi_ratio  # type: ignore[arg-type]
    assert r_low is not None and r_high is not None
    assert r_high >= r_low * (1 - 1e-12) - 1e-12


@settings(max_examples=60, deadline=None)
@given(cases())
def test_identities_hold_for_any_case(case: SroiCase) -> None:
    r = evaluate(case, on=ON)
    assert r.present_value <= r.total_undiscounted_value * (1 + 1e-12)
    assert r.net_present_value == pytest.approx(r.present_value - r.inputs_value)
    assert r.sroi_ratio is not None and r.net_sroi_ratio is not None
    assert r.net_sroi_ratio == pytest.approx(r.sroi_ratio - 1, rel=1e-12, abs=1e-9)
    for o, res in zip(case.outcomes, r.outcomes, strict=True):
        assert len(res.year_values) == o.duration_years
        assert all(later <= earlier for earlier, later in itertools.pairwise(res.year_values))


@settings(max_examples=40, deadline=None)
@given(cases())
def test_every_break_even_value_gives_a_ratio_of_one(case: SroiCase) -> None:
    for p in break_even(case, on=ON):
        if p.value is None or p.field == "duration_years":
            continue
        changed, _issues = apply_what_if(case, [(p.outcome, p.field, p.value)])
        assume(changed is not None)
        assert changed is not None
        ratio = evaluate(changed, on=ON).sroi_ratio
        assert ratio is not None and math.isclose(ratio, 1.0, rel_tol=1e-6, abs_tol=1e-9)


def test_no_smic_at_the_valuation_date_is_said_in_the_readers_language() -> None:
    from datetime import date as day

    from essdiag.errors import UnknownParameterError
    from essdiag.i18n import translator
    from essdiag.impact.sroi import smic_issue
    from essdiag.params import param

    try:
        param("smic_hourly", day(1990, 1, 1))
    except UnknownParameterError as exc:
        issue = smic_issue(exc)
    else:  # pragma: no cover - the parameters start in 2019
        raise AssertionError("a SMIC of 1990 is not in essdiag's parameters")
    english = translator("en").fill(issue.template, issue.params)
    assert "01/01/1990" in issue.message and "SMIC" in english
    assert "connu" not in english and "bénévolat" not in english

"""OETH on worked cases per size band, at the thresholds, with the deduction caps.

Hourly SMIC on 31/12/2025: 11,88 € (décret n° 2024-951). Multiples 400 / 500 / 600 (D5212-26),
1 500 without any action for three years; subcontracting 30 % of the attested labour cost,
capped at 50 % of the gross contribution (75 % from 3 % of beneficiaries); partnerships 10 %.
"""

from __future__ import annotations

import pytest

from essdiag.hr.oeth import oeth
from essdiag.hr.section import OethInputs, ShelteredPurchase
from tests.hr.people import END, frame, many


def staff(n: int, beneficiaries: int = 0, age: int = 40) -> list[dict[str, object]]:
    return [*many(beneficiaries, disabled_worker=True, age=age), *many(n - beneficiaries, age=30)]


@pytest.mark.parametrize(
    ("n", "obligation", "gross"),
    [
        (25, 1, 1 * 400 * 11.88),  # 6 % × 25 = 1.5 → 1 missing × 400 × 11,88 = 4 752 €
        (300, 18, 18 * 500 * 11.88),  # 6 % × 300 = 18 → 106 920 €
        (800, 48, 48 * 600 * 11.88),  # 6 % × 800 = 48 → 342 144 €
    ],
)
def test_contribution_per_size_band(n: int, obligation: int, gross: float) -> None:
    r = oeth(frame(*staff(n)), OethInputs(), END)
    assert r.figures["obligation"].value == obligation
    assert r.figures["gross"].value == pytest.approx(gross)
    assert r.due == pytest.approx(gross)


@pytest.mark.parametrize(("n", "subject"), [(19, False), (20, True)])
def test_subject_from_twenty(n: int, subject: bool) -> None:
    r = oeth(frame(*staff(n)), OethInputs(), END)
    assert r.subject is subject
    assert (r.due is not None) is subject


def test_excluded_contracts_do_not_count_in_the_headcount_but_count_as_beneficiaries() -> None:
    # 19 CDI + 2 apprentices: headcount 19 → not subject; an apprentice beneficiary still counts.
    people = [*staff(19), *many(2, contract="apprentissage", disabled_worker=True)]
    r = oeth(frame(*people), OethInputs(), END)
    assert r.figures["headcount"].value == 19 and not r.subject
    assert r.figures["beneficiaries"].value == 2


@pytest.mark.parametrize(("age", "units"), [(49, 0.8), (50, 1.2)])
def test_beneficiaries_aged_50_count_one_and_a_half(age: int, units: float) -> None:
    people = [{"disabled_worker": True, "age": age, "fte": 0.8}, *staff(24)]
    r = oeth(frame(*people), OethInputs(), END)
    assert r.figures["beneficiaries"].value == pytest.approx(units)


def test_subcontracting_cap_at_50_percent_below_three_percent() -> None:
    # 100 people, 2 beneficiaries (2 %): obligation 6, missing 4, gross 4 × 400 × 11,88 = 19 008 €.
    # 30 % × 100 000 € = 30 000 €, capped at 50 % × 19 008 = 9 504 €.
    buy = OethInputs(
        purchases=[
            ShelteredPurchase(
                supplier="ESAT", kind="esat", amount_excl_tax=150000, labour_cost=100000
            )
        ]
    )
    r = oeth(frame(*staff(100, 2)), buy, END)
    assert r.figures["gross"].value == pytest.approx(19008)
    assert r.figures["subcontracting"].value == pytest.approx(9504)
    assert r.due == pytest.approx(9504)


def test_subcontracting_cap_at_75_percent_from_three_percent_and_expenses_cap() -> None:
    # 3 beneficiaries of 100 (3 % exactly): missing 3, gross 3 × 400 × 11,88 = 14 256 €;
    # cap 75 % = 10 692 €; partnerships 5 000 € capped at 10 % = 1 425,60 €;
    # due = 14 256 − 10 692 − 1 425,60 = 2 138,40 €.
    buy = OethInputs(
        purchases=[
            ShelteredPurchase(supplier="EA", kind="ea", amount_excl_tax=150000, labour_cost=100000)
        ],
        partnership_expenses=5000,
    )
    r = oeth(frame(*staff(100, 3)), buy, END)
    assert r.figures["subcontracting"].value == pytest.approx(10692)
    assert r.figures["expenses"].value == pytest.approx(1425.6)
    assert r.due == pytest.approx(2138.4)


def test_small_purchase_is_deducted_whole() -> None:
    # 25 people, gross 4 752 €; 30 % × 2 000 € = 600 € < 50 % cap → due 4 152 €.
    buy = OethInputs(
        purchases=[
            ShelteredPurchase(supplier="TIH", kind="tih", amount_excl_tax=2500, labour_cost=2000)
        ]
    )
    assert oeth(frame(*staff(25)), buy, END).due == pytest.approx(4752 - 600)


def test_no_action_for_three_years() -> None:
    # 1 missing × 1 500 × 11,88 = 17 820 €.
    r = oeth(frame(*staff(25)), OethInputs(no_action_three_years=True), END)
    assert r.due == pytest.approx(17820)


def test_obligation_met() -> None:
    r = oeth(frame(*staff(40, 2)), OethInputs(), END)  # 6 % × 40 = 2.4 → 2, 2 employed
    assert r.figures["missing"].value == 0 and r.due == 0
    assert r.figures["missing"].tone == "good"

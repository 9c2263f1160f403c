"""ESUS rules: annual SMIC, pay caps, the 66 % charges criterion, status, shares and statutes.

Reference values are computed by hand from the dated SMIC (legal.toml) and the
multiples of Code du travail L3332-17-1, I, 3°; each derivation is written beside it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.compliance.findings import Verdict
from essdiag.compliance.inputs import YearCharges, top_mean
from essdiag.compliance.rules.esus import (
    annual_smic,
    charges_finding,
    esus_findings,
    pay_findings,
    status_finding,
)
from essdiag.compliance.section import Answer, ByRightKind, EsusAnswers, Statement
from essdiag.identity import Identity, LegalForm
from essdiag.periods import FiscalYear

FY2026 = FiscalYear(label_year=2026)
# 2026: SMIC mensuel 1 823,03 € all year → 12 × 1 823,03 = 21 876,36 €
SMIC_2026 = Decimal("21876.36")
CAP7_2026 = 153134.52  # 7 × 21 876,36
CAP10_2026 = 218763.60  # 10 × 21 876,36


def by_code(findings: list, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in findings if f.code == code)


@pytest.mark.parametrize(
    ("fy", "expected"),
    [
        (FY2026, "21876.36"),  # 12 × 1 823,03
        (FiscalYear(label_year=2025), "21621.60"),  # 12 × 1 801,80
        # 2024: 1 766,92 € for Jan–Oct, 1 801,80 € for Nov–Dec: 10 × 1 766,92 + 2 × 1 801,80
        (FiscalYear(label_year=2024), "21272.80"),
        # Oct 2024 – Sep 2025: 1 × 1 766,92 + 11 × 1 801,80 = 1 766,92 + 19 819,80
        (FiscalYear(label_year=2025, start_month=10), "21586.72"),
        # Nov 2024 – Oct 2025: the revaluation of 1 November 2024 covers the whole year
        (FiscalYear(label_year=2025, start_month=11), "21621.60"),
    ],
)
def test_annual_smic_adds_the_monthly_smic_in_force_each_month(
    fy: FiscalYear, expected: str
) -> None:
    amount, _used = annual_smic(fy)
    assert amount == Decimal(expected)


def test_the_smic_parameters_used_are_listed_with_their_dates() -> None:
    _amount, used = annual_smic(FiscalYear(label_year=2024))
    assert [(p.effective, str(p.value)) for p in used] == [
        (date(2024, 1, 1), "1766.92"),
        (date(2024, 11, 1), "1801.80"),
    ]


def test_mean_of_the_five_highest_exactly_at_seven_smic_is_conform() -> None:
    top5, top = pay_findings([CAP7_2026] * 5 + [20000.0], FY2026)
    assert top5.verdict is Verdict.CONFORM
    assert top5.threshold == pytest.approx(CAP7_2026)
    assert top5.margin == 0.0
    assert top5.figure is not None and top5.figure.value == pytest.approx(CAP7_2026)
    assert top.verdict is Verdict.CONFORM  # 153 134,52 ≤ 218 763,60


def test_one_cent_above_seven_smic_is_not_conform() -> None:
    # five pays at 153 134,53 €: mean 153 134,53 € = cap + 0,01 €
    top5, _top = pay_findings([CAP7_2026 + 0.01] * 5, FY2026)
    assert top5.verdict is Verdict.NOT_CONFORM
    assert top5.margin == pytest.approx(-0.01)


def test_highest_pay_exactly_at_ten_smic_is_conform_and_one_cent_above_is_not() -> None:
    _top5, top = pay_findings([CAP10_2026, 30000, 30000, 30000, 30000], FY2026)
    assert top.verdict is Verdict.CONFORM
    _top5, top = pay_findings([CAP10_2026 + 0.01, 30000, 30000, 30000, 30000], FY2026)
    assert top.verdict is Verdict.NOT_CONFORM
    # mean of the five: (218 763,61 + 4 × 30 000) / 5 = 67 752,72 €, far under the 7× cap
    assert _top5.figure is not None and _top5.figure.value == pytest.approx(67752.72)


def test_fewer_than_five_pays_are_averaged_as_they_are() -> None:
    top5, _top = pay_findings([60000.0, 40000.0], FY2026)
    assert top5.figure is not None and top5.figure.value == 50000.0  # (60 000 + 40 000) / 2
    assert top5.params["n"] == 2


def test_a_higher_branch_minimum_raises_the_caps() -> None:
    # branch minimum 25 000 € > SMIC 21 876,36 €: caps 7 × 25 000 = 175 000 and 250 000
    top5, top = pay_findings([160000.0] * 5, FY2026, branch_minimum=25000.0)
    assert top5.threshold == 175000.0 and top.threshold == 250000.0
    assert top5.verdict is Verdict.CONFORM  # 160 000 ≤ 175 000, though above 153 134,52
    top5, _ = pay_findings([160000.0] * 5, FY2026, branch_minimum=20000.0)  # lower: the SMIC stays
    assert top5.threshold == pytest.approx(CAP7_2026) and top5.verdict is Verdict.NOT_CONFORM


def test_without_pays_the_caps_say_they_cannot_be_computed_and_why() -> None:
    top5, top = pay_findings(None, FY2026)
    for f in (top5, top):
        assert f.verdict is Verdict.TO_CHECK
        assert f.figure is not None and not f.figure.available
        assert "ni effectif ni rémunération" in (f.figure.reason or "")
        assert f.threshold is not None  # the cap is still said


def test_the_cap_follows_the_smic_of_the_year_of_the_pays() -> None:
    # 2024: 7 × 21 272,80 = 148 909,60 ; 2026: 153 134,52
    top5_2024, _ = pay_findings([150000.0] * 5, FiscalYear(label_year=2024))
    top5_2026, _ = pay_findings([150000.0] * 5, FY2026)
    assert top5_2024.threshold == pytest.approx(148909.60)
    assert top5_2024.verdict is Verdict.NOT_CONFORM
    assert top5_2026.verdict is Verdict.CONFORM


@given(
    st.lists(st.floats(min_value=0, max_value=500_000, allow_nan=False), min_size=1, max_size=30)
)
def test_the_five_highest_verdict_is_exactly_mean_at_most_cap(pays: list[float]) -> None:
    top5, _ = pay_findings(pays, FY2026)
    mean = top_mean(pays, 5)
    assert mean is not None
    assert (top5.verdict is Verdict.CONFORM) == (round(mean, 2) <= CAP7_2026)


def charges(year: int, total: int, social: int | None, reason: str | None = None) -> YearCharges:
    return YearCharges(
        year=year, total_cents=total, social_cents=social, source="test", reason=reason
    )


YEARS = (2025, 2024, 2023)
ON = date(2026, 12, 1)


def test_charges_exactly_at_66_percent_over_three_years_are_conform() -> None:
    # 660 / 1 000 each year: Σ 1 980 / 3 000 = 66 %
    f = charges_finding([charges(y, 100_000, 66_000) for y in YEARS], YEARS, ON)
    assert f.verdict is Verdict.CONFORM
    assert f.figure is not None and f.figure.value == pytest.approx(0.66)


def test_charges_one_cent_under_66_percent_are_not_conform() -> None:
    rows = [
        charges(2025, 100_000, 65_999),
        charges(2024, 100_000, 66_000),
        charges(2023, 100_000, 66_000),
    ]
    f = charges_finding(rows, YEARS, ON)  # Σ 197 999 / 300 000 = 65,9997 %
    assert f.verdict is Verdict.NOT_CONFORM


def test_a_year_under_the_floor_is_flagged_even_when_the_total_passes() -> None:
    # 2025 at 60 %, 2024 and 2023 at 70 %: Σ 200 / 300 = 66,7 % but 2025 is below
    rows = [charges(2025, 1000, 600), charges(2024, 1000, 700), charges(2023, 1000, 700)]
    f = charges_finding(rows, YEARS, ON)
    assert f.verdict is Verdict.TO_CHECK
    assert "2025" in f.params["below"]


def test_fewer_than_three_known_years_are_to_check() -> None:
    rows = [charges(2025, 1000, 900), charges(2024, 1000, None, "pas de code")]
    f = charges_finding(rows, YEARS, ON)
    assert f.verdict is Verdict.TO_CHECK
    assert f.params["k"] == 1 and "2024" in f.params["missing"] and "2023" in f.params["missing"]


def test_no_split_known_says_the_criterion_cannot_be_computed() -> None:
    f = charges_finding([charges(2025, 1000, None, "pas de code")], YEARS, ON)
    assert f.verdict is Verdict.TO_CHECK
    assert f.figure is not None and not f.figure.available
    assert f.figure.reason


def test_charges_do_not_apply_to_a_structure_esus_by_right() -> None:
    f = charges_finding([charges(y, 1000, 100) for y in YEARS], YEARS, ON, by_right=True)
    assert f.verdict is Verdict.NOT_APPLICABLE
    assert f.figure is not None and f.figure.value == pytest.approx(
        0.1
    )  # still shown, for information


def identity(form: LegalForm = LegalForm.SCIC, esus: bool = True) -> Identity:
    return Identity(name="Test", legal_form=form, esus=esus)


def test_an_agreement_is_valid_through_its_last_day_and_expired_the_day_after() -> None:
    answers = EsusAnswers(agreement_date=date(2021, 7, 8), agreement_until=date(2026, 7, 7))
    assert status_finding(identity(), answers, date(2026, 7, 7)).verdict is Verdict.CONFORM
    assert status_finding(identity(), answers, date(2026, 7, 8)).verdict is Verdict.NOT_CONFORM


def test_by_right_and_no_agreement_statuses() -> None:
    by_right = EsusAnswers(by_right=ByRightKind.INSERTION_WORKSHOP)
    assert status_finding(identity(LegalForm.ASSOCIATION), by_right, ON).verdict is Verdict.CONFORM
    none = status_finding(identity(esus=False), EsusAnswers(), ON)
    assert none.verdict is Verdict.NOT_APPLICABLE


def _findings(answers: EsusAnswers, form: LegalForm, on: date) -> list:  # type: ignore[type-arg]
    charges_f = charges_finding([], YEARS, on)
    return esus_findings(
        identity(form),
        answers,
        ess=Verdict.CONFORM,
        utility=Verdict.CONFORM,
        charges=charges_f,
        pays=pay_findings(None, FY2026),
        on=on,
    )


def test_the_pay_policy_in_the_statutes_is_required_until_the_loi_pacte() -> None:
    answers = EsusAnswers(pay_policy_in_statutes=Statement(answer=Answer.NO))
    before = by_code(_findings(answers, LegalForm.SCIC, date(2019, 5, 23)), "esus.statutes_pay")
    after = by_code(_findings(answers, LegalForm.SCIC, date(2019, 5, 24)), "esus.statutes_pay")
    assert before.verdict is Verdict.NOT_CONFORM
    assert after.verdict is Verdict.NOT_APPLICABLE
    assert after.parameters[0].effective == date(2019, 5, 24)


def test_listed_shares_exclude_the_agreement_and_an_association_has_none() -> None:
    listed = EsusAnswers(shares_listed=Answer.YES)
    assert (
        by_code(_findings(listed, LegalForm.SCIC, ON), "esus.shares").verdict is Verdict.NOT_CONFORM
    )
    assert (
        by_code(_findings(listed, LegalForm.ASSOCIATION, ON), "esus.shares").verdict
        is Verdict.NOT_APPLICABLE
    )
    unknown = EsusAnswers(shares_listed=Answer.UNKNOWN)
    assert (
        by_code(_findings(unknown, LegalForm.SCIC, ON), "esus.shares").verdict is Verdict.TO_CHECK
    )


def test_the_objective_in_the_statutes() -> None:
    no = EsusAnswers(objective_in_statutes=Statement(answer=Answer.NO))
    assert (
        by_code(_findings(no, LegalForm.SCIC, ON), "esus.statutes_objective").verdict
        is Verdict.NOT_CONFORM
    )
    by_right = EsusAnswers(
        by_right=ByRightKind.ADAPTED_COMPANY, objective_in_statutes=Statement(answer=Answer.NO)
    )
    assert (
        by_code(_findings(by_right, LegalForm.SCIC, ON), "esus.statutes_objective").verdict
        is Verdict.NOT_APPLICABLE
    )

"""Art. 1 (belonging to the ESS) and art. 2 (social utility) of loi n° 2014-856."""

from __future__ import annotations

from datetime import date

import pytest

from essdiag.compliance.findings import Verdict, worst
from essdiag.compliance.rules.ess_law import ess_findings
from essdiag.compliance.rules.social_utility import conditions_met, utility_findings
from essdiag.compliance.section import (
    Answer,
    SocialUtility,
    SocialUtilityObject,
    Statement,
    StatutesAnswers,
)
from essdiag.identity import Identity, LegalForm

U = SocialUtilityObject
ON = date(2026, 12, 1)
YES = Statement(answer=Answer.YES, evidence="statuts")
NO = Statement(answer=Answer.NO)


def by_code(findings: list, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in findings if f.code == code)


def all_yes(**extra: object) -> StatutesAnswers:
    answers: dict[str, object] = {
        "purpose_other_than_profit": YES,
        "democratic_governance": YES,
        "profits_mostly_reinvested": YES,
        "reserves_not_distributed": YES,
        "liquidation_surplus_to_ess": YES,
        "conditions_in_statutes": YES,
        "no_capital_amortisation": YES,
    }
    return StatutesAnswers.model_validate({**answers, **extra})


def commercial() -> Identity:
    return Identity(name="SAS", legal_form=LegalForm.SOCIETE_COMMERCIALE_ESS)


def test_an_association_belongs_to_the_ess_by_its_form() -> None:
    found = ess_findings(Identity(name="A"), all_yes(), utility=Verdict.TO_CHECK, on=ON)
    assert by_code(found, "ess.form").verdict is Verdict.CONFORM
    assert worst(f.verdict for f in found) is Verdict.CONFORM
    assert not any(f.code == "ess.development_reserve" for f in found)  # commercial rules only


def test_a_no_for_an_association_is_to_discuss_but_not_for_a_commercial_company() -> None:
    answers = all_yes(democratic_governance=NO)
    assoc = ess_findings(Identity(name="A"), answers, utility=Verdict.CONFORM, on=ON)
    company = ess_findings(
        commercial(),
        answers.model_copy(
            update={"development_reserve_share": 0.2, "retained_earnings_share": 0.5}
        ),
        utility=Verdict.CONFORM,
        on=ON,
    )
    assert by_code(assoc, "ess.governance").verdict is Verdict.TO_CHECK
    assert by_code(company, "ess.governance").verdict is Verdict.NOT_CONFORM


@pytest.mark.parametrize(
    ("share", "verdict"),
    [
        (0.20, Verdict.CONFORM),  # « un cinquième au moins » (arrêté du 3 août 2015, art. 1)
        (0.1999, Verdict.NOT_CONFORM),
        (None, Verdict.TO_CHECK),
    ],
)
def test_development_reserve_at_least_a_fifth(share: float | None, verdict: Verdict) -> None:
    found = ess_findings(
        commercial(),
        all_yes(development_reserve_share=share, retained_earnings_share=0.5),
        utility=Verdict.CONFORM,
        on=ON,
    )
    f = by_code(found, "ess.development_reserve")
    assert f.verdict is verdict
    assert f.threshold == 0.2


@pytest.mark.parametrize(
    ("share", "verdict"), [(0.50, Verdict.CONFORM), (0.4999, Verdict.NOT_CONFORM)]
)
def test_retained_earnings_at_least_half(share: float, verdict: Verdict) -> None:
    found = ess_findings(
        commercial(),
        all_yes(development_reserve_share=0.2, retained_earnings_share=share),
        utility=Verdict.CONFORM,
        on=ON,
    )
    assert by_code(found, "ess.retained_earnings").verdict is verdict


def test_a_commercial_company_must_seek_a_social_utility() -> None:
    found = ess_findings(
        commercial(),
        all_yes(development_reserve_share=0.3, retained_earnings_share=0.6),
        utility=Verdict.NOT_CONFORM,
        on=ON,
    )
    assert by_code(found, "ess.social_utility").verdict is Verdict.NOT_CONFORM
    assert by_code(found, "ess.form").verdict is Verdict.NOT_APPLICABLE


@pytest.mark.parametrize(
    ("objects", "count", "met", "alone"),
    [
        # PACTE wording: condition 4 counts only with one of 1–3
        ({U.ENERGY_TRANSITION}, 4, [], True),
        ({U.ENERGY_TRANSITION, U.TERRITORIAL_COHESION}, 4, [2, 4], False),
        ({U.CULTURAL_PROMOTION, U.INEQUALITIES}, 4, [3, 4], False),
        ({U.FRAGILE_SUPPORT, U.EXCLUSION}, 4, [1], False),
        # original wording: three conditions, no cultural promotion
        ({U.CULTURAL_PROMOTION}, 3, [], False),
        ({U.CULTURAL_PROMOTION, U.INEQUALITIES}, 3, [2], False),
        ({U.ENERGY_TRANSITION}, 3, [], True),
        ({U.EXCLUSION, U.SUSTAINABLE_DEVELOPMENT}, 3, [2, 3], False),
    ],
)
def test_conditions_in_both_wordings(
    objects: set[U], count: int, met: list[int], alone: bool
) -> None:
    assert conditions_met(objects, count) == (met, alone)


def utility(*objects: U, main: Answer = Answer.YES) -> SocialUtility:
    return SocialUtility(objects=list(objects), main_purpose=Statement(answer=main))


def test_the_wording_in_force_is_chosen_by_the_date_of_the_loi_pacte() -> None:
    su = utility(U.CULTURAL_PROMOTION, U.SOCIAL_LINK)
    before = utility_findings(su, date(2019, 5, 23))[0]
    after = utility_findings(su, date(2019, 5, 24))[0]
    assert before.params["count"] == 3 and before.params["conditions"] == "2°"
    assert after.params["count"] == 4 and after.params["conditions"] == "2°, 4°"
    assert before.verdict is after.verdict is Verdict.CONFORM


def test_cultural_promotion_alone_never_suffices_before_or_after() -> None:
    su = utility(U.CULTURAL_PROMOTION)
    assert utility_findings(su, date(2019, 5, 23))[0].verdict is Verdict.NOT_CONFORM
    after = utility_findings(su, date(2019, 5, 24))[0]
    assert after.verdict is Verdict.NOT_CONFORM
    assert "dernière condition" in after.conclusion


@pytest.mark.parametrize(
    ("main", "verdict"),
    [
        (Answer.YES, Verdict.CONFORM),
        (Answer.UNKNOWN, Verdict.TO_CHECK),
        (Answer.NO, Verdict.NOT_CONFORM),
    ],
)
def test_the_object_must_pursue_it_as_its_main_purpose(main: Answer, verdict: Verdict) -> None:
    assert utility_findings(utility(U.FRAGILE_SUPPORT, main=main), ON)[0].verdict is verdict


def test_nothing_declared_is_to_check() -> None:
    f = utility_findings(SocialUtility(), ON)[0]
    assert f.verdict is Verdict.TO_CHECK
    assert f.figure is not None and f.figure.value == 0

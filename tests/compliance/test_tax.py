"""The non-profit tax status: leaders' pay, the 4P, the franchise and the IS / TVA / CFE conclusions."""

from __future__ import annotations

import pytest

from essdiag.compliance.findings import Verdict
from essdiag.compliance.rules.tax import ActivityStatus, classify, tax_findings
from essdiag.compliance.section import Answer, Leader, TaxActivity, TaxAnswers
from essdiag.funding.section import FunderType, FundingSource, YearAmount
from essdiag.identity import Identity, LegalForm

ASSOCIATION = Identity(name="Asso")
Y, N, U = Answer.YES, Answer.NO, Answer.UNKNOWN


def by_code(findings: list, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in findings if f.code == code)


def activity(aid: str = "a", receipts: float = 0.0, **answers: Answer) -> TaxActivity:
    return TaxActivity(id=aid, name=f"Activité {aid}", receipts=receipts, **answers)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        ({"competes": N}, ActivityStatus.NON_LUCRATIVE),
        ({"competes": U}, ActivityStatus.UNCERTAIN),
        (
            {"competes": Y, "product": Y, "public": Y, "price": Y, "publicity": Y},
            ActivityStatus.NON_LUCRATIVE,
        ),
        (
            {"competes": Y, "product": Y, "public": Y, "price": Y, "publicity": U},
            ActivityStatus.NON_LUCRATIVE,
        ),
        (
            {"competes": Y, "product": Y, "public": Y, "price": Y, "publicity": N},
            ActivityStatus.UNCERTAIN,
        ),
        (
            {"competes": Y, "product": N, "public": N, "price": Y, "publicity": Y},
            ActivityStatus.LUCRATIVE,
        ),
        (
            {"competes": Y, "product": Y, "public": N, "price": Y, "publicity": Y},
            ActivityStatus.UNCERTAIN,
        ),
        (
            {"competes": Y, "product": N, "public": Y, "price": N, "publicity": N},
            ActivityStatus.UNCERTAIN,
        ),
    ],
)
def test_competition_then_the_4p_in_their_order(
    answers: dict[str, Answer], status: ActivityStatus
) -> None:
    assert classify(activity(**answers))[0] is status


def answers(*acts: TaxActivity, **extra: object) -> TaxAnswers:
    base: dict[str, object] = {
        "no_profit_distribution": Y,
        "non_lucrative_preponderant": Y,
        "activities": list(acts),
    }
    return TaxAnswers.model_validate({**base, **extra})


LUCRATIVE = {"competes": Y, "product": N, "public": N, "price": N, "publicity": N}


@pytest.mark.parametrize(
    ("receipts", "verdict"),
    [
        (81051.0, Verdict.CONFORM),  # 2026 threshold 81 051 € (BOI-IS-CHAMP-10-50-20-20 § 10): in
        (81052.0, Verdict.TO_CHECK),  # one euro above: the whole lucrative result is taxable
    ],
)
def test_the_tva_franchise_at_its_2026_threshold(receipts: float, verdict: Verdict) -> None:
    found = tax_findings(ASSOCIATION, answers(activity("l", receipts, **LUCRATIVE)), [], 2026)
    f = by_code(found, "tax.tva")
    assert f.verdict is verdict
    assert f.threshold == 81051.0
    assert f.parameters[0].effective.isoformat() == "2026-01-01"


def test_is_reads_the_threshold_published_for_the_year_after_the_closing() -> None:
    # 80 500 € in 2025: above the 2025 TVA threshold (80 011 €), but the IS of the fiscal year
    # closed on 31 December 2025 uses 81 051 € (« exercices clos à compter du 31 décembre 2025 »)
    found = tax_findings(ASSOCIATION, answers(activity("l", 80500, **LUCRATIVE)), [], 2025)
    assert by_code(found, "tax.tva").threshold == 80011.0
    assert by_code(found, "tax.tva").verdict is Verdict.TO_CHECK
    assert by_code(found, "tax.is").threshold == 81051.0
    assert by_code(found, "tax.is").verdict is Verdict.CONFORM
    assert by_code(found, "tax.cfe").threshold == 80011.0


def test_receipts_are_read_from_the_register_lines_of_the_activity() -> None:
    shop = FundingSource(
        id="boutique",
        name="Boutique",
        funder_type=FunderType.SALES,
        amounts=[YearAmount(year=2026, amount=90000)],
    )
    act = activity("b", 1.0, **LUCRATIVE).model_copy(update={"funding_ids": ["boutique"]})
    f = by_code(tax_findings(ASSOCIATION, answers(act), [shop], 2026), "tax.is")
    assert f.params["receipts"] == 90000.0  # the register, not the 1 € typed
    assert f.verdict is Verdict.TO_CHECK


def test_no_lucrative_activity_means_exonerated() -> None:
    found = tax_findings(ASSOCIATION, answers(activity("n", 500000, competes=N)), [], 2026)
    assert {by_code(found, c).verdict for c in ("tax.is", "tax.tva", "tax.cfe")} == {
        Verdict.CONFORM
    }


def test_profits_distributed_make_every_tax_due() -> None:
    found = tax_findings(
        ASSOCIATION, answers(activity("n", 10, competes=N), no_profit_distribution=N), [], 2026
    )
    assert by_code(found, "tax.distribution").verdict is Verdict.NOT_CONFORM
    assert by_code(found, "tax.is").verdict is Verdict.NOT_CONFORM


def test_preponderance_not_met_rules_out_the_franchise() -> None:
    found = tax_findings(
        ASSOCIATION,
        answers(activity("l", 1000, **LUCRATIVE), non_lucrative_preponderant=N),
        [],
        2026,
    )
    assert by_code(found, "tax.is").verdict is Verdict.TO_CHECK
    assert "prépondérantes" in by_code(found, "tax.is").conclusion


# 2026: SMIC mensuel 1 823,03 € → tolerance 3/4 × 1 823,03 = 1 367,2725 € → 1 367,27 € at the cent
@pytest.mark.parametrize(
    ("pay", "verdict"), [(1367.27, Verdict.CONFORM), (1367.28, Verdict.TO_CHECK)]
)
def test_leaders_pay_tolerance_of_three_quarters_of_the_smic(pay: float, verdict: Verdict) -> None:
    found = tax_findings(
        ASSOCIATION, answers(leaders=[Leader(role="Présidente", monthly_gross=pay)]), [], 2026
    )
    assert by_code(found, "tax.leaders").verdict is verdict


def own(amount: float) -> list[FundingSource]:
    """Sales of 2023, 2024 and 2025 of ``amount`` each (own resources, no public money)."""
    return [
        FundingSource(
            id="ventes",
            name="Ventes",
            funder_type=FunderType.SALES,
            amounts=[YearAmount(year=y, amount=amount) for y in (2023, 2024, 2025)],
        ),
        FundingSource(
            id="etat",
            name="État",
            funder_type=FunderType.ETAT,
            amounts=[YearAmount(year=y, amount=900000) for y in (2023, 2024, 2025)],
        ),
    ]


@pytest.mark.parametrize(
    ("average", "verdict"),
    [
        (200000.0, Verdict.NOT_CONFORM),  # « excède 200 000 € »: exactly 200 000 allows none
        (200000.01, Verdict.CONFORM),  # one paid leader allowed
    ],
)
def test_one_paid_leader_needs_own_resources_above_200000(average: float, verdict: Verdict) -> None:
    paid = answers(
        leaders=[Leader(role="Président", monthly_gross=3000)],
        paid_leaders_in_statutes=Y,
        transparency=Y,
    )
    found = tax_findings(ASSOCIATION, paid, own(average), 2026)
    f = by_code(found, "tax.paid_leaders")
    assert f.verdict is verdict
    assert float(f.params["average"]) == average  # public money (État) left out of the average


def test_a_paid_leader_above_three_social_security_ceilings_is_not_conform() -> None:
    # 2026: 3 × 4 005 € = 12 015 € a month at most
    base = {"paid_leaders_in_statutes": Y, "transparency": Y}
    ok = answers(leaders=[Leader(role="P", monthly_gross=12015)], **base)
    over = answers(leaders=[Leader(role="P", monthly_gross=12015.01)], **base)
    assert (
        by_code(tax_findings(ASSOCIATION, ok, own(600000), 2026), "tax.paid_leaders").verdict
        is Verdict.CONFORM
    )
    f = by_code(tax_findings(ASSOCIATION, over, own(600000), 2026), "tax.paid_leaders")
    assert f.verdict is Verdict.NOT_CONFORM
    assert f.params["cap"] == 12015.0


def test_two_paid_leaders_need_more_than_500000() -> None:
    two = answers(
        leaders=[Leader(role="P", monthly_gross=3000), Leader(role="T", monthly_gross=3000)],
        paid_leaders_in_statutes=Y,
        transparency=Y,
    )
    assert (
        by_code(tax_findings(ASSOCIATION, two, own(500000), 2026), "tax.paid_leaders").params[
            "allowed"
        ]
        == 1
    )
    assert (
        by_code(tax_findings(ASSOCIATION, two, own(500000.01), 2026), "tax.paid_leaders").verdict
        is Verdict.CONFORM
    )


def test_a_cooperative_is_outside_the_non_profit_regime() -> None:
    found = tax_findings(Identity(name="S", legal_form=LegalForm.SCIC), answers(), [], 2026)
    assert [f.code for f in found] == ["tax.scope"]
    assert found[0].verdict is Verdict.NOT_APPLICABLE

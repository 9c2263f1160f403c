"""Grant obligations read from the funding register: agreements, auditor, CER, republican contract."""

from __future__ import annotations

from datetime import date

import pytest

from essdiag.compliance.findings import Verdict
from essdiag.compliance.rules.grants import authorities, grant_findings, public_total
from essdiag.compliance.section import Answer, GrantAnswers
from essdiag.funding.section import FunderType, FundingSource, YearAmount
from essdiag.identity import Identity, LegalForm

ASSOCIATION = Identity(name="Asso")
SCIC = Identity(name="Scic", legal_form=LegalForm.SCIC)


def source(
    sid: str,
    amount: float,
    *,
    funder: str = "Région",
    kind: FunderType = FunderType.REGION,
    year: int = 2026,
    agreement: date | None = None,
) -> FundingSource:
    return FundingSource(
        id=sid,
        name=f"Ligne {sid}",
        funder=funder,
        funder_type=kind,
        amounts=[YearAmount(year=year, amount=amount)],
        agreement_start=agreement,
    )


def by_code(findings: list, code: str):  # type: ignore[no-untyped-def]
    return next(f for f in findings if f.code == code)


@pytest.mark.parametrize(
    ("amount", "verdict"),
    [
        (23000.00, Verdict.NOT_APPLICABLE),  # « dépasse 23 000 € »: exactly 23 000 € needs none
        (23000.01, Verdict.NOT_CONFORM),  # one cent above, no agreement date in the register
    ],
)
def test_an_agreement_is_required_strictly_above_23000(amount: float, verdict: Verdict) -> None:
    f = by_code(
        grant_findings(ASSOCIATION, [source("r", amount)], GrantAnswers(), 2026),
        "grants.agreements",
    )
    assert f.verdict is verdict
    assert f.threshold == 23000.0


def test_grants_of_one_authority_are_added_up() -> None:
    # 12 000 + 11 500 = 23 500 € from the same Département, one line without an agreement
    lines = [
        source(
            "a",
            12000,
            funder="Département",
            kind=FunderType.DEPARTEMENT,
            agreement=date(2026, 1, 1),
        ),
        source("b", 11500, funder="Département", kind=FunderType.DEPARTEMENT),
        source("c", 22000, funder="Commune", kind=FunderType.COMMUNE),
    ]
    table = authorities(lines, 2026)
    assert table["amount"].tolist() == [23500.0, 22000.0]
    f = by_code(grant_findings(ASSOCIATION, lines, GrantAnswers(), 2026), "grants.agreements")
    assert f.verdict is Verdict.NOT_CONFORM
    assert f.params["funders"] == "Département" and f.params["lines"] == "Ligne b"


def test_every_line_with_an_agreement_date_is_conform() -> None:
    lines = [source("a", 40000, agreement=date(2026, 1, 1))]
    f = by_code(grant_findings(ASSOCIATION, lines, GrantAnswers(), 2026), "grants.agreements")
    assert f.verdict is Verdict.CONFORM


def test_private_money_and_sales_are_not_public_grants() -> None:
    lines = [
        source("f", 90000, funder="Fondation", kind=FunderType.FOUNDATION),
        source("m", 90000, funder="Commune", kind=FunderType.PUBLIC_CONTRACTS),
        source("r", 1000),
    ]
    assert public_total(lines, 2026) == 1000.0


@pytest.mark.parametrize(
    ("amount", "answers", "verdict"),
    [
        (153000.00, GrantAnswers(), Verdict.NOT_APPLICABLE),  # exactly the threshold: no obligation
        (153000.01, GrantAnswers(), Verdict.TO_CHECK),
        (
            153000.01,
            GrantAnswers(auditor_appointed=Answer.YES, accounts_published=Answer.YES),
            Verdict.CONFORM,
        ),
        (
            153000.01,
            GrantAnswers(auditor_appointed=Answer.YES, accounts_published=Answer.NO),
            Verdict.NOT_CONFORM,
        ),
    ],
)
def test_auditor_and_publication_above_153000_of_public_grants(
    amount: float, answers: GrantAnswers, verdict: Verdict
) -> None:
    lines = [source("r", amount, agreement=date(2026, 1, 1))]
    f = by_code(grant_findings(ASSOCIATION, lines, answers, 2026), "grants.auditor")
    assert f.verdict is verdict
    assert f.margin == pytest.approx(153000 - amount)


def test_the_auditor_rule_of_l612_4_concerns_associations_only() -> None:
    lines = [source("r", 500000, agreement=date(2026, 1, 1))]
    assert (
        by_code(grant_findings(SCIC, lines, GrantAnswers(), 2026), "grants.auditor").verdict
        is Verdict.NOT_APPLICABLE
    )


def test_resources_statement_above_153000_raised_from_the_public() -> None:
    lines = [
        source("d", 100000, funder="Donateurs", kind=FunderType.INDIVIDUAL_GIFTS),
        source("c", 53000.01, funder="Plateforme", kind=FunderType.CROWDFUNDING_DONATION),
    ]  # 153 000,01 € of gifts
    f = by_code(
        grant_findings(ASSOCIATION, lines, GrantAnswers(), 2026), "grants.resources_statement"
    )
    assert f.verdict is Verdict.TO_CHECK
    lines[1] = source("c", 53000, funder="Plateforme", kind=FunderType.CROWDFUNDING_DONATION)
    f = by_code(
        grant_findings(ASSOCIATION, lines, GrantAnswers(), 2026), "grants.resources_statement"
    )
    assert f.verdict is Verdict.NOT_APPLICABLE


def test_the_republican_contract_is_required_from_2022() -> None:
    answers = GrantAnswers(republican_contract=Answer.NO)
    f2021 = by_code(
        grant_findings(ASSOCIATION, [source("r", 5000, year=2021)], answers, 2021),
        "grants.republican_contract",
    )
    f2022 = by_code(
        grant_findings(ASSOCIATION, [source("r", 5000, year=2022)], answers, 2022),
        "grants.republican_contract",
    )
    assert f2021.verdict is Verdict.NOT_APPLICABLE
    assert f2022.verdict is Verdict.NOT_CONFORM
    assert f2022.parameters[0].effective == date(2022, 1, 2)


def test_the_republican_contract_concerns_associations_and_foundations_asking_for_grants() -> None:
    answers = GrantAnswers(republican_contract=Answer.UNKNOWN)
    assert (
        by_code(
            grant_findings(SCIC, [source("r", 5000)], answers, 2026), "grants.republican_contract"
        ).verdict
        is Verdict.NOT_APPLICABLE
    )
    assert (
        by_code(
            grant_findings(ASSOCIATION, [], answers, 2026), "grants.republican_contract"
        ).verdict
        is Verdict.NOT_APPLICABLE
    )
    assert (
        by_code(
            grant_findings(ASSOCIATION, [source("r", 5000)], answers, 2026),
            "grants.republican_contract",
        ).verdict
        is Verdict.TO_CHECK
    )

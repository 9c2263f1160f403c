"""The funding register's models: validation in French, the bad-input corpus, payment months."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from essdiag.finance.section import FinancingPlan as FinancePlan
from essdiag.funding import FinancingPlan, FundingSection, FundingSource, Instalment, YearAmount
from essdiag.funding.section import (
    FunderType,
    FundingFamily,
    InstalmentKind,
    Purpose,
    month_keys,
    receipts_matrix,
    scheduled_sources,
)
from essdiag.i18n import translator
from essdiag.treasury import TreasurySection
from essdiag.validation import validate_as
from tests.funding.samples import REPO, sample, sample_section

CORPUS = REPO / "tests" / "data" / "funding"


@pytest.fixture(scope="module")
def recyclerie() -> FundingSection:
    return sample("recyclerie")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.json")), ids=lambda p: p.stem)
def test_bad_input_corpus_gives_french_messages(path: Path) -> None:
    case = json.loads(path.read_text("utf-8"))
    model = FundingSection if case["section"] == "funding" else TreasurySection
    value, issues = validate_as(model, case["data"], prefix=(case["section"],))
    assert value is None
    assert case["expect"] in {i.code for i in issues}
    for issue in issues:
        assert issue.message and "{" not in issue.message
        assert any(
            w in issue.message.lower()
            for w in (
                "doit",
                "ne peut",
                "ne peuvent",
                "plusieurs",
                "au lieu",
                "finit",
                "il faut",
                "pas valide",
                "n'a pas",
                "s'écrit",
                "se saisissent",
            )
        )


def test_schedule_sum_message_is_clear() -> None:
    _, issues = validate_as(
        FundingSection,
        {"sources": [{"id": "r", "name": "Région", "funder_type": "region",
                      "schedule": [{"share": 0.5, "month": 4}, {"share": 0.4, "month": 12}]}]},
    )  # fmt: skip
    assert "totalise 90 % du montant annuel au lieu de 100 %" in issues[0].message
    assert issues[0].template.startswith("L'échéancier de")  # translatable template kept
    assert issues[0].params["total"] == pytest.approx(90)  # a raw number, not « 90 »


def test_negative_amount_keeps_the_raw_number_for_the_reader() -> None:
    _, issues = validate_as(
        FundingSection,
        {"sources": [{"id": "r", "name": "Région", "funder_type": "region",
                      "amounts": [{"year": 2026, "amount": -1234.5}]}]},
    )  # fmt: skip
    assert issues[0].params["amount"] == -1234.5
    # The reader's translator writes it: typographic minus and grouping in French.
    assert "reçu : \u22121\u202f234,5 €" in issues[0].message
    assert "−1,234.5" in translator("en").fill(issues[0].template, issues[0].params)


def test_instalment_model() -> None:
    with pytest.raises(ValueError, match="greater than 0"):
        Instalment(share=0, month=1)


def test_choices_carry_their_labels_and_keep_their_values() -> None:
    assert FunderType("asp").label == "ASP – emplois aidés"
    assert FundingFamily.PUBLIC.label == "Financements publics"
    assert Purpose.INVESTMENT.label == "Investissement"
    assert InstalmentKind.BALANCE.label == "Solde (après compte rendu final)"
    assert str(FunderType.CROWDFUNDING_DONATION) == "crowdfunding_donation"
    assert translator("en")(FundingFamily.OWN_ACTIVITY.label) != FundingFamily.OWN_ACTIVITY.label
    assert {t.value for t in FunderType} >= {"etat", "region", "in_kind"}


def test_the_plans_of_the_section_are_the_finance_models() -> None:
    assert FinancingPlan is FinancePlan


def test_receipts_follow_the_schedule_including_next_year_balances(
    recyclerie: FundingSection,
) -> None:
    months = month_keys(2026, 1, 24)
    matrix = receipts_matrix(recyclerie.sources, months)
    # FSE+ 2025 (85 000 €) arrives in November 2026, FSE+ 2026 (88 000 €) in November 2027.
    assert matrix.loc["fse", "2026-11"] == 85_000 and matrix.loc["fse", "2027-11"] == 88_000
    # EPCI 2026: 60 % in March, second payment (19 200 €) in November (README).
    assert matrix.loc["epci", "2026-11"] == pytest.approx(19_200)
    # Every year's amount is paid once in full when its whole schedule falls in the plan.
    assert matrix.loc[
        "departement", [m for m in months if m.startswith("2026")]
    ].sum() == pytest.approx(0.2 * 95_000 + 0.8 * 85_500)


def test_payments_and_scheduled_sources() -> None:
    grant = FundingSource(
        id="r",
        name="Région",
        funder_type="region",
        amounts=[YearAmount(year=2026, amount=40_000)],
        schedule=[Instalment(share=0.6, month=3), Instalment(share=0.4, month=1, year_offset=1)],
    )
    assert grant.payments() == [(2026, "2026-03", 24_000.0), (2026, "2027-01", 16_000.0)]
    loan = grant.model_copy(update={"id": "l", "purpose": Purpose.INVESTMENT})
    plain = FundingSource(id="v", name="Ventes", funder_type="sales")
    assert scheduled_sources([grant, loan, plain]) == [grant]
    assert month_keys(2026, 12, 2) == ["2026-12", "2027-01"]


def test_both_sample_sections_validate() -> None:
    for case in ("recyclerie", "scic-energie"):
        assert sample(case).sources
    assert sample_section("blank", "funding") is None


def test_dossier_with_these_sections_round_trips_through_json_and_xlsx() -> None:
    from essdiag.dossier import Dossier, read_dossier_json
    from essdiag.dossier_files import read_dossier_xlsx, write_dossier_xlsx

    data = json.loads((REPO / "sample_data" / "scic-energie" / "dossier.json").read_text("utf-8"))
    data["funding"] = sample_section("scic-energie", "funding")
    data["treasury"] = sample_section("scic-energie", "treasury")
    dossier = Dossier.model_validate(data)
    assert read_dossier_json(dossier.to_json().encode())[0] == dossier
    back, issues = read_dossier_xlsx(write_dossier_xlsx(dossier))
    assert issues == [] and back is not None
    assert back.funding == dossier.funding and back.treasury == dossier.treasury
    assert json.loads(dossier.to_json())["funding"]["plans"][0]["loans"][0]["method"] == "annuity"


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_sample_dossiers_read_back_identically(case: str) -> None:
    """The JSON shape of the funding and treasury sections is unchanged by their models."""
    data = json.loads((REPO / "sample_data" / case / "dossier.json").read_text("utf-8"))
    for name, model in (("funding", FundingSection), ("treasury", TreasurySection)):
        again = json.loads(model.model_validate(data[name]).model_dump_json())
        assert again == data[name]

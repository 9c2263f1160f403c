"""The engine on whole dossiers: the sample cases, a dossier with no HR and no accounts, bulk data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essdiag.compliance.engine import compliance_report, esus_years, gather_charges
from essdiag.compliance.findings import Frame, Verdict
from essdiag.compliance.rules.csess import mean_score
from essdiag.compliance.section import ComplianceSection, CsessAnswers, CsessAssessment
from essdiag.dossier import Dossier, new_dossier
from essdiag.hr.workforce import read_workforce
from essdiag.ledger import read_fec
from essdiag.samples import load_sample

REPO = Path(__file__).resolve().parents[2]
ON = date(2026, 12, 1)


@pytest.fixture(scope="module")
def recyclerie() -> Dossier:
    return load_sample("recyclerie")


@pytest.fixture(scope="module")
def scic() -> Dossier:
    return load_sample("scic-energie")


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_sample_section_files_validate_against_the_section_model(case: str) -> None:
    raw = json.loads(
        (REPO / "sample_data" / case / "dossier" / "compliance.json").read_text("utf-8")
    )
    section = ComplianceSection.model_validate(raw)
    assert len(section.csess.assessments) == 8
    assert load_sample(case).compliance == section  # the assembled sample carries it


def test_recyclerie_is_esus_by_right_and_its_shop_raises_the_4p_question(
    recyclerie: Dossier,
) -> None:
    report, issues = compliance_report(recyclerie, on=ON)
    assert issues == []
    assert report.year == 2026
    assert report.get("esus.status").verdict is Verdict.CONFORM
    assert report.get("esus.charges").verdict is Verdict.NOT_APPLICABLE  # by right
    # 2025 declared: 861 950 / 1 042 267,72 = 82,7 %, shown for information
    assert report.get("esus.charges").figure.value == pytest.approx(861950 / 1042267.72)  # type: ignore[union-attr]
    assert report.get("grants.auditor").verdict is Verdict.CONFORM
    assert report.get("tax.activity.boutique").verdict is Verdict.TO_CHECK
    assert report.get("tax.activity.debarras").params["receipts"] == 48300.0  # register, 2026
    assert report.get("tax.tva").verdict is Verdict.TO_CHECK  # the shop is still to weigh
    assert report.verdict(Frame.ESS) is Verdict.CONFORM


def test_the_scic_meets_the_charges_criterion_and_is_outside_the_non_profit_tax_regime(
    scic: Dossier,
) -> None:
    report, _ = compliance_report(scic, on=ON)
    charges = report.get("esus.charges")
    # (124 000 + 133 700 + 146 300) / (171 000 + 186 500 + 204 800) = 404 000 / 562 300 = 71,85 %
    assert charges.verdict is Verdict.CONFORM
    assert charges.figure is not None and charges.figure.value == pytest.approx(404000 / 562300)
    assert [f.code for f in report.of(Frame.TAX)] == ["tax.scope"]
    # the Région's 2026 investment grant (50 000 €) has no agreement date in the register
    assert report.get("grants.agreements").verdict is Verdict.NOT_CONFORM


def test_a_dossier_with_no_hr_and_no_accounts_says_what_cannot_be_computed() -> None:
    report, issues = compliance_report(new_dossier("Vide"), on=ON)
    assert issues == []
    for code in ("esus.top5_pay", "esus.top_pay", "esus.charges"):
        f = report.get(code)
        assert f.verdict is Verdict.TO_CHECK, code
        assert f.figure is not None and not f.figure.available and f.figure.reason, code
    assert "non calculable" in report.get("esus.top5_pay").conclusion.lower()
    assert (
        report.charges[0].reason == "ni grand livre importé ni charges déclarées pour cet exercice"
    )
    assert report.get("csess.assessment").verdict is Verdict.TO_CHECK
    assert report.get("tax.is").verdict is Verdict.TO_CHECK  # no activity described


def test_the_hr_register_wins_over_declared_pays(scic: Dossier) -> None:
    raw = (REPO / "sample_data" / "scic-energie" / "effectif_2025.csv").read_bytes()
    read, _ = read_workforce(
        raw, file="e.csv", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31)
    )
    assert read is not None
    report, issues = compliance_report(scic, on=ON, workforce=read.frame, pay_year=2025)
    top5 = report.get("esus.top5_pay")
    # FTE pays of effectif_2025.csv, highest five: 49 000, 37 500, 35 800, 31 700, 26 000 → 36 000 €
    assert top5.figure is not None and top5.figure.value == pytest.approx(36000.0)
    # 2025: 7 × 12 × 1 801,80 = 151 351,20 €
    assert top5.threshold == pytest.approx(151351.20)
    assert top5.source == "effectif importé (ressources humaines)"
    assert issues == []


def test_bad_workforce_rows_are_reported_not_raised(scic: Dossier) -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "fte": [1.0, 0.0],
            "base_pay": [30000.0, 1.0],
            "variable_pay": [0.0, 0.0],
        }
    )
    report, issues = compliance_report(scic, on=ON, workforce=frame, pay_year=2025)
    assert [i.line for i in issues] == [2]
    assert report.get("esus.top_pay").figure.value == 30000.0  # type: ignore[union-attr]


def test_the_ledger_is_read_and_falls_back_to_the_declaration_without_analytic_codes(
    recyclerie: Dossier,
) -> None:
    result = read_fec(REPO / "sample_data" / "recyclerie" / "FEC_2025.txt", file="FEC_2025.txt")
    assert result.ledger is not None
    years = esus_years(recyclerie, ON)
    assert years == (2025, 2024, 2023)
    rows = gather_charges(recyclerie.compliance, years, 1, {2025: result.ledger})
    assert rows[0].source == "charges déclarées dans le dossier"  # the FEC has no analytic code
    no_declaration = recyclerie.compliance.model_copy(
        update={"esus": recyclerie.compliance.esus.model_copy(update={"declared_charges": []})}
    )
    rows = gather_charges(no_declaration, years, 1, {2025: result.ledger})
    # the README's 2025 accounts: 60–65 + 681 = 1 042 267,72 € (66, 67 left out; 68 all 681)
    assert rows[0].total_cents == 104226772
    assert rows[0].social_cents is None and "code analytique" in (rows[0].reason or "")


def test_the_year_examined_changes_the_amounts_read(recyclerie: Dossier) -> None:
    r2025, _ = compliance_report(recyclerie, on=ON, year=2025)
    r2026, _ = compliance_report(recyclerie, on=ON, year=2026)
    assert r2025.get("tax.activity.debarras").params["receipts"] == 46000.0
    assert r2026.get("tax.activity.debarras").params["receipts"] == 48300.0


def test_csess_mean_score_and_assembly_year(recyclerie: Dossier) -> None:
    # levels 3, 2, 3, 2, 2, 2, 3, 2 → 19 / 8 = 2,375
    assert mean_score(recyclerie.compliance.csess) == pytest.approx(2.375)
    report, _ = compliance_report(recyclerie, on=ON, year=2026)
    assert report.get("csess.assembly").verdict is Verdict.CONFORM  # AG of 20 June 2026
    report, _ = compliance_report(recyclerie, on=ON, year=2025)
    assert report.get("csess.assembly").verdict is Verdict.TO_CHECK
    partial = CsessAnswers(assessments=[CsessAssessment(theme="ethics", level="4")])
    dossier = recyclerie.model_copy(update={"compliance": ComplianceSection(csess=partial)})
    f = compliance_report(dossier, on=ON)[0].get("csess.assessment")
    assert f.verdict is Verdict.TO_CHECK and f.params["left"] == 7


answers = st.sampled_from(["yes", "no", "unknown"])
sections = st.fixed_dictionaries(
    {
        "statutes": st.fixed_dictionaries(
            {"democratic_governance": st.fixed_dictionaries({"answer": answers})}
        ),
        "social_utility": st.fixed_dictionaries(
            {
                "objects": st.lists(
                    st.sampled_from(["fragile_support", "energy_transition", "cultural_promotion"]),
                    unique=True,
                ),
                "main_purpose": st.fixed_dictionaries({"answer": answers}),
            }
        ),
        "esus": st.fixed_dictionaries(
            {
                "by_right": st.sampled_from(["none", "insertion_workshop"]),
                "shares_listed": answers,
                "declared_pays": st.lists(
                    st.fixed_dictionaries(
                        {
                            "role": st.just("poste"),
                            "annual_gross": st.floats(0, 1e7, allow_nan=False),
                            "fte": st.floats(0.01, 1, allow_nan=False),
                        }
                    ),
                    max_size=8,
                ),
            }
        ),
        "tax": st.fixed_dictionaries(
            {
                "activities": st.lists(
                    st.fixed_dictionaries(
                        {
                            "id": st.sampled_from(["a", "b", "c"]),
                            "name": st.just("act"),
                            "receipts": st.floats(0, 1e6, allow_nan=False),
                            "competes": answers,
                            "product": answers,
                            "public": answers,
                        }
                    ),
                    unique_by=lambda a: a["id"],
                    max_size=3,
                )
            }
        ),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sections,
    st.sampled_from(["association", "scic", "societe_commerciale_ess"]),
    st.dates(date(2010, 1, 1), date(2030, 12, 31)),
)
def test_any_declared_section_gives_a_report_with_one_verdict_per_finding(
    data: dict[str, object], form: str, on: date
) -> None:
    dossier = new_dossier("P", legal_form=form).model_copy(
        update={"compliance": ComplianceSection.model_validate(data)}
    )
    report, _ = compliance_report(dossier, on=on)
    codes = [f.code for f in report.findings]
    assert len(codes) == len(set(codes))
    assert {f.frame for f in report.findings} == set(Frame)  # every frame says something
    assert all(isinstance(f.verdict, Verdict) for f in report.findings)
    if on >= date(2019, 1, 1):  # every dated parameter is known from then on
        assert {"esus.top5_pay", "esus.charges", "utility.conditions"} <= set(codes)
    if on < date(2014, 8, 2):  # before the ESS law: said, not raised
        assert report.get("social_utility.unknown_date").verdict is Verdict.TO_CHECK


def test_a_date_before_the_law_is_said_in_the_readers_language() -> None:
    """Before the ESS law (31 July 2014), the frame says which parameter is not yet known."""
    from essdiag.i18n import translator

    report, _ = compliance_report(new_dossier("P"), on=date(2010, 1, 1))
    finding = report.get("social_utility.unknown_date")
    french = finding.conclusion_text(translator("fr"))
    english = finding.conclusion_text(translator("en"))
    assert "01/01/2010" in french and "n'est connue au" in french
    assert "cannot be applied" in english and "n'est" not in english and "connue" not in english

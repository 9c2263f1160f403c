"""The compliance section's own rules: stable codes and French messages, defaults for old dossiers."""

from __future__ import annotations

from essdiag.compliance.section import ComplianceSection
from essdiag.validation import validate_as


def test_an_empty_section_reads_with_every_default() -> None:
    section = ComplianceSection.model_validate({})
    assert section.esus.declared_charges == [] and section.csess.assessments == []
    assert ComplianceSection.model_validate_json(section.model_dump_json()) == section


def test_social_utility_charges_cannot_exceed_the_total() -> None:
    data = {
        "esus": {
            "declared_charges": [
                {"year": 2025, "operating_charges": 100, "social_utility_charges": 101}
            ]
        }
    }
    section, issues = validate_as(ComplianceSection, data, prefix=("compliance",))
    assert section is None
    assert issues[0].code == "compliance_charges_part"
    assert issues[0].message == (
        "Exercice 2025 : les charges d'utilité sociale (101 €) dépassent le total des charges "
        "d'exploitation (100 €)."
    )
    assert issues[0].field == "compliance.esus.declared_charges.0"


def test_duplicates_are_refused_with_their_code() -> None:
    cases = [
        (
            {
                "esus": {
                    "declared_charges": [
                        {"year": 2025, "operating_charges": 1, "social_utility_charges": 0}
                    ]
                    * 2
                }
            },
            "compliance_charges_year_twice",
        ),
        (
            {"tax": {"activities": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]}},
            "compliance_activity_id_twice",
        ),
        (
            {"csess": {"assessments": [{"theme": "ethics"}, {"theme": "ethics"}]}},
            "compliance_csess_theme_twice",
        ),
    ]
    for data, code in cases:
        section, issues = validate_as(ComplianceSection, data)
        assert section is None and issues[0].code == code, data


def test_a_share_of_profits_is_a_fraction() -> None:
    section, issues = validate_as(
        ComplianceSection, {"statutes": {"development_reserve_share": 20}}
    )
    assert section is None and issues[0].code == "less_than_equal"


def test_a_dossier_written_with_the_draft_branch_minimum_still_reads() -> None:
    """The branch minimum moved to the HR section; files that carry the old key read as before."""
    section = ComplianceSection.model_validate(
        {"esus": {"branch_minimum_annual": None, "shares_listed": "no"}}
    )
    assert "branch_minimum_annual" not in section.esus.model_dump()

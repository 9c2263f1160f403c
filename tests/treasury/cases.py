"""The sample cases' funding and treasury sections, for the treasury tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from essdiag.funding import FundingSection
from essdiag.treasury import TreasurySection
from tests.funding.samples import sample_section

REPO = Path(__file__).resolve().parents[2]

TODAY = date(2026, 11, 27)


def case(name: str) -> tuple[FundingSection, TreasurySection]:
    """The funding and treasury sections of a sample case."""
    return (
        FundingSection.model_validate(sample_section(name, "funding")),
        TreasurySection.model_validate(sample_section(name, "treasury")),
    )

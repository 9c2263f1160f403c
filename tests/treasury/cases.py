"""The sample cases' funding and treasury sections, for the treasury tests."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from essdiag.funding import FundingSection
from essdiag.treasury import TreasurySection

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "sample_data"))

from sections import funding as funding_sample  # noqa: E402
from sections import treasury as treasury_sample  # noqa: E402

TODAY = date(2026, 11, 27)


def case(name: str) -> tuple[FundingSection, TreasurySection]:
    """The funding and treasury sections of a sample case."""
    return (
        FundingSection.model_validate(funding_sample.section(name)),
        TreasurySection.model_validate(treasury_sample.section(name)),
    )

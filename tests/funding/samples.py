"""Small funding registers for the funding tests: one-year sources and the sample cases."""

from __future__ import annotations

import sys
from pathlib import Path

from essdiag.funding import FundingSection, FundingSource, YearAmount

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "sample_data"))

from sections import funding as funding_sample  # noqa: E402


def source(sid: str, funder: str, kind: str, amount: float, **kw: object) -> FundingSource:
    """A resource of ``amount`` euros in 2026 (its name is its id)."""
    return FundingSource(
        id=sid,
        name=sid,
        funder=funder,
        funder_type=kind,
        amounts=[YearAmount(year=2026, amount=amount)],
        **kw,
    )


def sample(case: str) -> FundingSection:
    """The funding section of a sample case."""
    return FundingSection.model_validate(funding_sample.section(case))

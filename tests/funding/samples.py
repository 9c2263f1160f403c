"""Small funding registers for the funding tests: one-year sources and the sample cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from essdiag.funding import FundingSection, FundingSource, YearAmount
from essdiag.samples import case_sections

REPO = Path(__file__).resolve().parents[2]


def sample_section(case: str, name: str) -> dict[str, Any] | None:
    """The JSON of a sample case's section file (``sample_data/<case>/dossier/<name>.json``)."""
    data: dict[str, Any] | None = case_sections(case).get(name)
    return data


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
    return FundingSection.model_validate(sample_section(case, "funding"))

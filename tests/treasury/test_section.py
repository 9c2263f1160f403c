"""The treasury assumptions refuse at the door what would break the plan or its export."""

from __future__ import annotations

import math

import pytest

from essdiag.finance.section import readable_issues
from essdiag.i18n import translator
from essdiag.treasury import TreasurySection
from essdiag.validation import validate_as


@pytest.mark.parametrize(
    "data",
    [
        {"opening_cash": 1e308},
        {"opening_cash": -math.inf},
        {"minimum_cash": math.nan},
        {"dedicated_funds": 2e12},
        {"monthly_charges": [1e308] + [0.0] * 11},
        {"monthly_income": [0.0] * 11 + [math.inf]},
        {"yearly_growth": math.nan},
        {"monthly_charges": [0.0] * 13},
    ],
)
def test_bad_amounts_are_refused_in_french_and_english(data: dict[str, object]) -> None:
    section, issues = validate_as(TreasurySection, data, prefix=("treasury",))
    assert section is None and issues
    for lang in ("fr", "en"):
        for issue in readable_issues(issues):
            assert "{" not in translator(lang).fill(issue.template, issue.params, ("label",))


def test_a_thousand_billion_is_still_accepted() -> None:
    section = TreasurySection(opening_cash=-1e12, minimum_cash=1e12)
    assert section.opening_cash == -1e12

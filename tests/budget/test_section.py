"""The budget section (``essdiag.budget.section``): line rules, kinds and phasings with labels."""

from __future__ import annotations

import pytest

from essdiag.budget import BudgetLine, BudgetSection
from essdiag.budget.section import Kind, Phasing
from essdiag.budget.section.headings import kind_of
from essdiag.i18n import translator


def test_budget_line_rules() -> None:
    with pytest.raises(ValueError, match="deux chiffres"):
        BudgetLine(account="x6")
    with pytest.raises(ValueError, match="12 montants"):
        BudgetLine(account="60", months=[1.0])
    assert BudgetLine(account="6063").head == "60"
    assert BudgetLine(account="6063", heading="61").head == "61"


def test_kinds_and_phasings_keep_their_values_and_have_labels() -> None:
    assert [str(k) for k in Kind] == ["charge", "income", "in_kind_use", "in_kind_source", "other"]
    assert kind_of("6063") is Kind.CHARGE and kind_of("79") is Kind.INCOME
    assert kind_of("870") is Kind.IN_KIND_SOURCE and kind_of("45") is Kind.OTHER
    assert translator("en")(Kind.INCOME.label) == "Income"
    assert [str(p) for p in Phasing] == ["even", "custom", "seasonal"]
    line = BudgetLine(account="606", phasing="even")
    assert line.phasing is Phasing.EVEN and line.kind is Kind.CHARGE
    # The dossier JSON keeps the value.
    section = BudgetSection(lines=[line])
    assert section.model_dump(mode="json")["versions"][0]["lines"][0]["phasing"] == "even"
    assert BudgetSection.model_validate_json(section.model_dump_json()) == section

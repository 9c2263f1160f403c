"""Checks of a budget (``essdiag.budget.checks``): balance to the cent, figures with their verdict."""

from __future__ import annotations

from essdiag.budget import BudgetLine, BudgetSection
from essdiag.budget.checks import balance_check, balance_figures, totals_by_heading
from essdiag.i18n import translator


def test_balance_is_added_up_in_cents() -> None:
    # 0.1 + 0.2 twelve times is not 3.6 in floats; in cents it is.
    section = BudgetSection(
        lines=[
            BudgetLine(account="606", months=[0.1, 0.2] * 6),
            BudgetLine(account="706", months=[0.3] * 6 + [0.0] * 6),
        ]
    )
    balance = balance_check(section)
    assert (balance.charges, balance.income, balance.gap) == (1.8, 1.8, 0.0)
    assert balance.balanced
    assert totals_by_heading(section)["amount"].tolist() == [1.8, 1.8]


def test_balance_figures_say_whether_the_budget_is_balanced() -> None:
    fr, en = translator("fr"), translator("en")
    balanced = balance_figures(
        BudgetSection(
            lines=[
                BudgetLine(account="64", months=[100.0] * 12),
                BudgetLine(account="74", months=[100.0] * 12),
            ]
        )
    )
    assert balanced["gap"].tone == "good"
    assert balanced["gap"].read(fr) == "Le budget est équilibré."
    assert balanced["charges"].value == balanced["income"].value == 1200.0
    short = balance_figures(
        BudgetSection(
            lines=[
                BudgetLine(account="64", months=[100.0] * 12),
                BudgetLine(account="74", months=[89.5] * 12),
                BudgetLine(account="864", months=[10.0] * 12),
            ]
        )
    )
    gap = short["gap"]
    assert gap.value == -246.0 and gap.tone == "watch"
    assert gap.read(fr) == "Le budget n'est pas équilibré : il manque 246,00\xa0€ de produits."
    assert "246" in gap.read(en) and "{" not in gap.read(en)
    assert short["charges"].value == 1320.0  # 6 + 86
    assert gap.steps(fr)[0] == (
        "Écart (produits − charges) = (produits 70–79 + contributions 87) − "
        "(charges 60–69 + emplois 86)"
    )
    over = balance_figures(BudgetSection(lines=[BudgetLine(account="74", months=[1.0] * 12)]))
    assert over["gap"].read(fr).endswith("les produits dépassent les charges de 12,00\xa0€.")

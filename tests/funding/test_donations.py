"""What a gift costs its donor after the tax reduction (CGI art. 200 and 238 bis)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from essdiag.funding.donations import company_donor_cost, individual_donor_cost


def test_individual_donor_cost() -> None:
    on = date(2026, 1, 1)
    assert individual_donor_cost(100, 30_000, on=on).reduction == Decimal("66.00")
    # 75 % up to 1 000 €, 66 % above: 750 + 0,66 × 500 = 1 080 € (gift made in 2025: the
    # 1 000 € ceiling; the loi de finances pour 2026 raises it to 2 000 € from 14/10/2025).
    helped = individual_donor_cost(1_500, 50_000, help_to_people=True, on=date(2025, 6, 1))
    assert helped.reduction == Decimal("1080.00") and helped.net_cost == Decimal("420.00")
    # 20 % of 20 000 € = 4 000 € within the cap: 2 640 €, 6 000 € carried forward
    capped = individual_donor_cost(10_000, 20_000, on=on)
    assert capped.reduction == Decimal("2640.00") and capped.carried_forward == Decimal("6000.00")
    assert any("CGI art. 200" in s for s in capped.figure.steps())


def test_gifts_at_75_percent_are_outside_the_20_percent_income_limit() -> None:
    # CGI art. 200-1 ter: the 75 % gifts are not counted in the 20 % limit; only the
    # 66 % part is capped (service-public.fr F426: « Le montant cumulé des dons qui donnent
    # droit à la réduction d'impôt de 66 % ne peut pas dépasser 20 % de votre revenu »).
    on = date(2025, 6, 1)  # ceiling 1 000 € in 2025 (legal.toml)
    # service-public / BOI-IR-RICI-250-30 example: 1 200 € → 1 000 × 75 % + 200 × 66 % = 882 €
    assert individual_donor_cost(1_200, 50_000, help_to_people=True, on=on).reduction == Decimal(
        "882.00"
    )
    # Small income 4 000 € (20 % = 800 €), 1 000 € given to a food bank: the whole 750 €,
    # not 75 % × 800 = 600 € (the 75 % part is not limited by the income).
    low = individual_donor_cost(1_000, 4_000, help_to_people=True, on=on)
    assert low.reduction == Decimal("750.00") and low.carried_forward == Decimal("0.00")
    # 2 000 € given: 1 000 × 75 % + min(1 000, 800) × 66 % = 750 + 528 = 1 278 €, 200 € carried.
    mixed = individual_donor_cost(2_000, 4_000, help_to_people=True, on=on)
    assert mixed.reduction == Decimal("1278.00") and mixed.carried_forward == Decimal("200.00")
    assert mixed.net_cost == Decimal("722.00")


def test_company_donor_cost() -> None:
    on = date(2026, 1, 1)
    # Ceiling max(20 000, 0,5 % × 1 M€ = 5 000) = 20 000 €: 60 % × 20 000 = 12 000 €
    c = company_donor_cost(30_000, 1_000_000, on=on)
    assert c.reduction == Decimal("12000.00") and c.carried_forward == Decimal("10000.00")
    # 3 M€ of gifts, 1 Md€ turnover: 60 % × 2 M€ + 40 % × 1 M€ = 1,6 M€
    big = company_donor_cost(3_000_000, 1_000_000_000, on=on)
    assert big.reduction == Decimal("1600000.00")
    assert company_donor_cost(
        3_000_000, 1_000_000_000, on=on, help_to_people=True
    ).reduction == Decimal("1800000.00")
    with pytest.raises(ValueError, match="négatifs"):
        company_donor_cost(-1, 0, on=on)


def test_net_cost_is_a_figure_with_its_working() -> None:
    c = company_donor_cost(30_000, 1_000_000, on=date(2026, 1, 1))
    assert c.net_figure.value == float(c.net_cost) == 18_000.0
    assert c.net_figure.label == "Coût net pour l'entreprise"
    assert c.net_figure.steps()[0] == "Coût net pour l'entreprise = don − réduction d'impôt"
    i = individual_donor_cost(100, 30_000, on=date(2026, 1, 1))
    assert i.net_figure.label == "Coût net pour le donateur" and i.net_figure.value == 34.0

"""What a gift really costs its donor, after the tax reduction (CGI art. 200 and 238 bis).

Rates, ceilings and bands are dated legal parameters (``essdiag/params/legal.toml``):
individuals get 66 % of gifts within 20 % of taxable income, 75 % up to a
ceiling for organisations helping people in difficulty (free meals, care,
housing) — gifts at 75 % are not counted in the 20 % limit (CGI art. 200-1
ter); companies get 60 % of gifts up to 2 M€ and 40 % above, within a
ceiling of 20 000 € or 0.5 % of turnover, whichever is higher. The part of
gifts above a ceiling is carried forward over the next five years (not
computed here: it is reported as ``carried_forward``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.params import Param, param

__all__ = ["DonorCost", "company_donor_cost", "individual_donor_cost"]


class DonorCost(BaseModel):
    """A gift, its tax reduction and its net cost.

    Attributes:
        gift: the gift (euros); reduction: the tax reduction of the year;
        net_cost: gift − reduction; carried_forward: gifts above the ceiling,
        reportable over five years; figure: the working of the reduction;
        net_figure: the net cost with its working.
    """

    model_config = ConfigDict(frozen=True)

    gift: Decimal
    reduction: Decimal
    net_cost: Decimal
    carried_forward: Decimal
    figure: Figure
    net_figure: Figure


def _rate(p: Param) -> Input:
    """A rate or share of the law as an input written as a percentage (0.005 → 0,5 %)."""
    return Input.from_param(p).model_copy(update={"unit": "%", "value": float(p.value)})


def _cents(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"))


def _net_figure(label: str, gift: Decimal, reduction: Decimal) -> Figure:
    """Net cost = gift − tax reduction."""
    return Figure.of(
        label,
        float(_cents(gift - reduction)),
        "EUR",
        N_("don − réduction d'impôt"),
        [
            Input.of(N_("Don"), float(gift), "EUR"),
            Input.of(N_("Réduction d'impôt"), float(reduction), "EUR"),
        ],
    )


def individual_donor_cost(
    gift: Decimal | float,
    taxable_income: Decimal | float,
    *,
    help_to_people: bool = False,
    on: date,
) -> DonorCost:
    """Tax reduction and net cost of an individual's gift (CGI art. 200).

    Notes:
        at 75 % (organisation helping people in difficulty only):
        a = min(gift, ceiling), not counted in the 20 % limit (CGI art. 200-1 ter:
        « il n'en est pas tenu compte pour l'application de la limite ») ;
        at 66 %: b = min(gift − a, 20 % × taxable income);
        reduction = 75 % × a + 66 % × b; carried forward = gift − a − b.
        Service-public.fr F426 example (ceiling 1 000 €): 1 200 € given →
        750 + 132 = 882 €.

    Example:
        >>> c = individual_donor_cost(100, 30000, on=date(2026, 1, 1))
        >>> str(c.reduction), str(c.net_cost)
        ('66.00', '34.00')
    """
    g, income = Decimal(str(gift)), Decimal(str(taxable_income))
    if g < 0 or income < 0:
        raise ValueError("Le don et le revenu imposable ne peuvent pas être négatifs.")
    rate = param("donation_individual_rate", on)
    cap = param("donation_individual_income_cap", on)
    help_rate = param("donation_individual_help_rate", on)
    help_ceiling = param("donation_individual_help_ceiling", on)
    at_help = min(g, help_ceiling.value) if help_to_people else Decimal(0)
    at_common = min(g - at_help, cap.value * income)
    reduction = _cents(help_rate.value * at_help + rate.value * at_common)
    inputs = [
        Input.of(N_("Don"), float(g), "EUR"),
        Input.of(N_("Revenu imposable"), float(income), "EUR"),
        _rate(rate),
        _rate(cap),
    ]
    formula = N_("66 % × min(don, 20 % du revenu imposable)")
    if help_to_people:
        inputs += [_rate(help_rate), Input.from_param(help_ceiling)]
        formula = N_(
            "75 % × min(don, plafond) + 66 % × min(reste du don, 20 % du revenu imposable)"
        )
    figure = Figure.of(
        N_("Réduction d'impôt du donateur"),
        float(reduction),
        "EUR",
        formula,
        inputs,
        references=["CGI art. 200"],
    )
    return DonorCost(
        gift=_cents(g),
        reduction=reduction,
        net_cost=_cents(g - reduction),
        carried_forward=_cents(g - at_help - at_common),
        figure=figure,
        net_figure=_net_figure(N_("Coût net pour le donateur"), g, reduction),
    )


def company_donor_cost(
    gift: Decimal | float,
    turnover: Decimal | float,
    *,
    on: date,
    help_to_people: bool = False,
) -> DonorCost:
    """Tax reduction and net cost of a company's gifts of the year (CGI art. 238 bis).

    Notes:
        ceiling = max(20 000 €, 0.5 % × turnover); base = min(gift, ceiling);
        reduction = 60 % × min(base, 2 M€) + 40 % × (base − 2 M€)⁺ — the 40 %
        band does not apply to gifts to organisations giving free meals, care
        or housing to people in difficulty (``help_to_people``).

    Example:
        >>> c = company_donor_cost(10000, 1000000, on=date(2026, 1, 1))
        >>> str(c.reduction), str(c.net_cost)
        ('6000.00', '4000.00')
    """
    g, ca = Decimal(str(gift)), Decimal(str(turnover))
    if g < 0 or ca < 0:
        raise ValueError("Le don et le chiffre d'affaires ne peuvent pas être négatifs.")
    rate = param("donation_company_rate", on)
    rate_above = param("donation_company_rate_above", on)
    band = param("donation_company_rate_band", on)
    fixed = param("donation_company_ceiling_fixed", on)
    share = param("donation_company_ceiling_turnover", on)
    ceiling = max(fixed.value, share.value * ca)
    base = min(g, ceiling)
    if help_to_people:
        reduction = rate.value * base
    else:
        reduction = rate.value * min(base, band.value) + rate_above.value * max(
            base - band.value, Decimal(0)
        )
    reduction = _cents(reduction)
    figure = Figure.of(
        N_("Réduction d'impôt de l'entreprise"),
        float(reduction),
        "EUR",
        N_("60 % × min(base, 2 M€) + 40 % × au-delà, base = min(dons, max(20 000 €, 0,5 % du CA))"),
        [
            Input.of(N_("Dons de l'exercice"), float(g), "EUR"),
            Input.of(N_("Chiffre d'affaires HT"), float(ca), "EUR"),
            _rate(rate),
            _rate(rate_above),
            Input.from_param(band),
            Input.from_param(fixed),
            _rate(share),
        ],
        references=["CGI art. 238 bis"],
    )
    return DonorCost(
        gift=_cents(g),
        reduction=reduction,
        net_cost=_cents(g - reduction),
        carried_forward=_cents(g - base),
        figure=figure,
        net_figure=_net_figure(N_("Coût net pour l'entreprise"), g, reduction),
    )

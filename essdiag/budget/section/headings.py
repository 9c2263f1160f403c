"""Headings of the CERFA 12156 budget and of the CERFA 15059 financial report.

Charges 60–68 and income 70–78 follow the plan comptable associatif
(règlement ANC 2018-06); grants (74) are broken down by funder; voluntary
contributions in kind (86 uses = 87 sources) are shown below the line.

Part of the budget section (layer 1, models only).

Example:
    >>> heading_of("6063")
    '60'
    >>> kind_of("74").value, kind_of("74").label
    ('income', 'Produit')
    >>> kind_of("864").value
    'in_kind_use'
"""

from __future__ import annotations

from typing import Final

from essdiag.i18n import N_, LabelledEnum

__all__ = [
    "CHARGE_HEADINGS",
    "FUNDERS",
    "HEADINGS",
    "INCOME_HEADINGS",
    "IN_KIND_HEADINGS",
    "OTHER_HEADINGS",
    "Kind",
    "heading_of",
    "kind_of",
]


class Kind(LabelledEnum):
    """What a budget line or an account is: a charge, an income, a contribution in kind, other."""

    CHARGE = "charge", N_("Charge")
    INCOME = "income", N_("Produit")
    IN_KIND_USE = "in_kind_use", N_("Emploi des contributions en nature")
    IN_KIND_SOURCE = "in_kind_source", N_("Contribution volontaire en nature")
    OTHER = "other", N_("Autre")


CHARGE_HEADINGS: Final[dict[str, str]] = {
    "60": N_("60 – Achats"),
    "61": N_("61 – Services extérieurs"),
    "62": N_("62 – Autres services extérieurs"),
    "63": N_("63 – Impôts et taxes"),
    "64": N_("64 – Charges de personnel"),
    "65": N_("65 – Autres charges de gestion courante"),
    "66": N_("66 – Charges financières"),
    "67": N_("67 – Charges exceptionnelles"),
    "68": N_("68 – Dotations aux amortissements et provisions"),
}
INCOME_HEADINGS: Final[dict[str, str]] = {
    "70": N_("70 – Ventes de produits finis, prestations de services"),
    "71": N_("71 – Production stockée"),
    "72": N_("72 – Production immobilisée"),
    "73": N_("73 – Dotations et produits de tarification"),
    "74": N_("74 – Subventions d'exploitation"),
    "75": N_("75 – Autres produits de gestion courante"),
    "76": N_("76 – Produits financiers"),
    "77": N_("77 – Produits exceptionnels"),
    "78": N_("78 – Reprises sur amortissements et provisions"),
}
IN_KIND_HEADINGS: Final[dict[str, str]] = {
    "86": N_("86 – Emplois des contributions volontaires en nature"),
    "87": N_("87 – Contributions volontaires en nature"),
}
OTHER_HEADINGS: Final[dict[str, str]] = {
    "69": N_("69 – Participation des salariés, impôts sur les bénéfices"),
    "79": N_("79 – Transferts de charges"),
}
HEADINGS: Final[dict[str, str]] = {
    **CHARGE_HEADINGS,
    "69": OTHER_HEADINGS["69"],
    **INCOME_HEADINGS,
    "79": OTHER_HEADINGS["79"],
    **IN_KIND_HEADINGS,
}
"""Every heading code with its French label."""

FUNDERS: Final[tuple[str, ...]] = (
    N_("État"),
    N_("Région"),
    N_("Département"),
    N_("Intercommunalité"),
    N_("Commune"),
    N_("Organismes sociaux"),
    N_("Fonds européens"),
    N_("ASP – emplois aidés"),
    N_("Autres établissements publics"),
    N_("Aides privées"),
)
"""Funder categories of the CERFA 12156 grant heading (74)."""


def heading_of(account: str) -> str:
    """The two-digit heading of an account number (``"6063"`` → ``"60"``)."""
    return account.strip()[:2]


def kind_of(account_or_heading: str) -> Kind:
    """Whether an account or heading is a charge (60–69), an income (70–79), a contribution in kind, or other.

    Notes:
        69 and 79 count as charge and income in the variance and the result;
        :func:`essdiag.budget.monthly_totals` keeps to 60–68 and 70–78.
    """
    h = heading_of(account_or_heading)
    if h in CHARGE_HEADINGS or h == "69":
        return Kind.CHARGE
    if h in INCOME_HEADINGS or h == "79":
        return Kind.INCOME
    if h == "86":
        return Kind.IN_KIND_USE
    if h == "87":
        return Kind.IN_KIND_SOURCE
    return Kind.OTHER

"""The funding register: funders and resources, with their payment schedules.

Part of the dossier (``Dossier.funding``). A :class:`FundingSource` is one
resource of the organisation (a grant, a sale line, a loan, a gift…) with its
amount per year, whether it funds operations or investment, whether it is
earmarked, its agreement dates, its payment schedule (advance, instalments,
balance after the final report) and its conditions.

The taxonomy (:class:`FunderType`, grouped in :class:`FundingFamily`) follows
the headings of the plan comptable associatif (règlement ANC 2018-06: 70, 74
by funder, 75, 87) and of the CERFA 12156 budget, plus the solidarity and
cooperative finance that ESS organisations use (solidarity and honour loans,
guarantees, titres associatifs, members' capital, crowdfunding).

What a source says about its own payment months is said here too
(:meth:`FundingSource.payments`, :func:`receipts_matrix`), so that the
treasury reads dated receipts from the section without importing the funding
computations. The financing plans and hand-entered balance sheets the section
holds are the models of :mod:`essdiag.finance.section`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Annotated

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from essdiag.finance.section import MAX_AMOUNT, FinancingPlan, LoanSpec, PlanLine, YearAccounts
from essdiag.i18n import N_, LabelledEnum
from essdiag.periods import month_key, next_month
from essdiag.validation import custom_error

__all__ = [
    "FAMILY_OF",
    "FinancingPlan",
    "FunderType",
    "FundingFamily",
    "FundingSection",
    "FundingSource",
    "Instalment",
    "InstalmentKind",
    "LoanSpec",
    "PlanLine",
    "Purpose",
    "YearAccounts",
    "YearAmount",
    "month_keys",
    "receipts_matrix",
    "scheduled_sources",
]

SCHEDULE_TOLERANCE = 1e-4
"""Shares of a payment schedule must sum to 1 within this tolerance (0.01 point)."""


class FundingFamily(LabelledEnum):
    """The five families of resources of an ESS organisation."""

    PUBLIC = "public", N_("Financements publics")
    PRIVATE = "private", N_("Financements privés")
    OWN_ACTIVITY = "own_activity", N_("Ressources d'activité")
    SOLIDARITY_FINANCE = "solidarity_finance", N_("Finance solidaire et coopérative")
    IN_KIND = "in_kind", N_("Contributions en nature")


class FunderType(LabelledEnum):
    """Kind of funder or resource (the register's taxonomy)."""

    ETAT = "etat", N_("État (ministère, agence)")
    ASP = "asp", N_("ASP – emplois aidés")
    REGION = "region", N_("Région")
    DEPARTEMENT = "departement", N_("Département")
    EPCI = "epci", N_("Intercommunalité")
    COMMUNE = "commune", N_("Commune")
    SOCIAL_BODIES = "social_bodies", N_("Organismes sociaux (CAF, CPAM…)")
    EU_FUNDS = "eu_funds", N_("Fonds européens (FSE+, FEDER…)")
    OTHER_PUBLIC = "other_public", N_("Autres établissements publics")
    FOUNDATION = "foundation", N_("Fondations")
    SPONSORSHIP = "sponsorship", N_("Mécénat d'entreprise")
    INDIVIDUAL_GIFTS = "individual_gifts", N_("Dons des particuliers")
    MEMBERSHIP_FEES = "membership_fees", N_("Cotisations des adhérents")
    SALES = "sales", N_("Ventes")
    SERVICES = "services", N_("Prestations de services")
    PUBLIC_CONTRACTS = "public_contracts", N_("Marchés publics")
    SOLIDARITY_LOAN = "solidarity_loan", N_("Prêt solidaire")
    HONOUR_LOAN = "honour_loan", N_("Prêt d'honneur")
    BANK_LOAN = "bank_loan", N_("Prêt bancaire")
    GUARANTEE = "guarantee", N_("Garantie (France Active…)")
    TITRES_ASSOCIATIFS = "titres_associatifs", N_("Titres associatifs")
    MEMBERS_CAPITAL = "members_capital", N_("Capital des sociétaires")
    CROWDFUNDING_DONATION = "crowdfunding_donation", N_("Financement participatif en don")
    CROWDFUNDING_LOAN = "crowdfunding_loan", N_("Financement participatif en prêt")
    CROWDFUNDING_EQUITY = "crowdfunding_equity", N_("Financement participatif en capital")
    IN_KIND = "in_kind", N_("Contributions en nature")


FAMILY_OF: dict[FunderType, FundingFamily] = {
    **dict.fromkeys(
        (
            FunderType.ETAT,
            FunderType.ASP,
            FunderType.REGION,
            FunderType.DEPARTEMENT,
            FunderType.EPCI,
            FunderType.COMMUNE,
            FunderType.SOCIAL_BODIES,
            FunderType.EU_FUNDS,
            FunderType.OTHER_PUBLIC,
        ),
        FundingFamily.PUBLIC,
    ),
    **dict.fromkeys(
        (
            FunderType.FOUNDATION,
            FunderType.SPONSORSHIP,
            FunderType.INDIVIDUAL_GIFTS,
            FunderType.MEMBERSHIP_FEES,
            FunderType.CROWDFUNDING_DONATION,
        ),
        FundingFamily.PRIVATE,
    ),
    **dict.fromkeys(
        (FunderType.SALES, FunderType.SERVICES, FunderType.PUBLIC_CONTRACTS),
        FundingFamily.OWN_ACTIVITY,
    ),
    **dict.fromkeys(
        (
            FunderType.SOLIDARITY_LOAN,
            FunderType.HONOUR_LOAN,
            FunderType.BANK_LOAN,
            FunderType.GUARANTEE,
            FunderType.TITRES_ASSOCIATIFS,
            FunderType.MEMBERS_CAPITAL,
            FunderType.CROWDFUNDING_LOAN,
            FunderType.CROWDFUNDING_EQUITY,
        ),
        FundingFamily.SOLIDARITY_FINANCE,
    ),
    FunderType.IN_KIND: FundingFamily.IN_KIND,
}
"""Family of each funder type (crowdfunding by donation is a private gift)."""


class Purpose(LabelledEnum):
    """What a resource finances."""

    OPERATING = "operating", N_("Fonctionnement")
    INVESTMENT = "investment", N_("Investissement")


class InstalmentKind(LabelledEnum):
    """Kind of payment in a funder's schedule."""

    ADVANCE = "advance", N_("Avance")
    INSTALMENT = "instalment", N_("Acompte")
    BALANCE = "balance", N_("Solde (après compte rendu final)")


class YearAmount(BaseModel):
    """The amount of a resource for one year (euros, ≥ 0).

    Attributes:
        year: the fiscal year (named by the calendar year in which it ends).
        amount: amount granted or expected for that year, in euros.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    year: int = Field(ge=1990, le=2100, title=N_("Exercice"))
    amount: float = Field(le=MAX_AMOUNT, allow_inf_nan=False, title=N_("Montant annuel (€)"))

    @model_validator(mode="after")
    def _not_negative(self) -> YearAmount:
        if self.amount < 0:
            raise custom_error(
                "funding_negative_amount",
                N_(
                    "Le montant {year} ne peut pas être négatif (reçu : {amount} €) : saisissez "
                    "un montant positif ou nul."
                ),
                {"year": self.year, "amount": self.amount},
            )
        return self


class Instalment(BaseModel):
    """One payment of a schedule, as a share of the year's amount.

    Attributes:
        kind: advance, instalment or balance.
        share: share of the year's amount paid (0 < share ≤ 1).
        month: calendar month of payment (1–12).
        year_offset: 0 when paid in the year of the grant, 1 the following year…
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    kind: InstalmentKind = Field(default=InstalmentKind.INSTALMENT, title=N_("Type de versement"))
    share: float = Field(gt=0, le=1, allow_inf_nan=False, title=N_("Part du montant annuel"))
    month: int = Field(ge=1, le=12, title=N_("Mois de versement"))
    year_offset: int = Field(default=0, ge=0, le=3, title=N_("Décalage en années"))


class FundingSource(BaseModel):
    """One funder or resource of the organisation.

    Attributes:
        id: short stable identifier (``dep-rsa``).
        name: French label of the resource.
        funder: who pays (``Département de la Drôme``).
        funder_type: kind of funder (gives the family).
        purpose: operating or investment.
        earmarked: true when the money is restricted to an action (dedicated funds).
        account: account of the plan comptable where it is booked (``741310``).
        amounts: amount per year.
        agreement_start, agreement_end: dates of the agreement (convention).
        schedule: payment schedule (shares of each year's amount); empty means
            the money arrives with the activity (spread like the budget).
        conditions: conditions of payment and reporting.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(min_length=1, max_length=40, title=N_("Identifiant"))
    name: str = Field(min_length=1, max_length=200, title=N_("Ressource"))
    funder: str = Field(default="", max_length=200, title=N_("Financeur"))
    funder_type: FunderType = Field(title=N_("Type de financeur"))
    purpose: Purpose = Field(default=Purpose.OPERATING, title=N_("Nature de la ressource"))
    earmarked: bool = Field(default=False, title=N_("Affecté (fonds dédiés)"))
    account: str = Field(default="", max_length=20, title=N_("Compte"))
    amounts: list[YearAmount] = Field(
        default_factory=list, max_length=111, title=N_("Montants par exercice")
    )
    agreement_start: date | None = Field(default=None, title=N_("Début de la convention"))
    agreement_end: date | None = Field(default=None, title=N_("Fin de la convention"))
    schedule: list[Instalment] = Field(
        default_factory=list, max_length=60, title=N_("Échéancier de versement")
    )
    conditions: str = Field(default="", max_length=2000, title=N_("Conditions"))

    @property
    def family(self) -> FundingFamily:
        """The family of the resource, from its funder type."""
        return FAMILY_OF[self.funder_type]

    def amount(self, year: int) -> float:
        """The amount for ``year`` (0 when none is entered)."""
        return sum(a.amount for a in self.amounts if a.year == year)

    @property
    def scheduled(self) -> bool:
        """True for an operating resource with a payment schedule (it gets dated receipts)."""
        return bool(self.schedule) and self.purpose is Purpose.OPERATING

    def payments(self) -> list[tuple[int, str, float]]:
        """Every payment the schedule says: (year of the grant, month key, euros).

        Each year's amount is paid as share × amount in (year + year_offset,
        month); a source without a schedule has no dated payment.

        Example:
            >>> s = FundingSource(id="r", name="Région", funder_type="region",
            ...     amounts=[YearAmount(year=2026, amount=40000)],
            ...     schedule=[Instalment(share=0.5, month=4),
            ...               Instalment(share=0.5, month=2, year_offset=1)])
            >>> s.payments()
            [(2026, '2026-04', 20000.0), (2026, '2027-02', 20000.0)]
        """
        return [
            (a.year, month_key(a.year + i.year_offset, i.month), a.amount * i.share)
            for a in self.amounts
            for i in self.schedule
        ]

    @model_validator(mode="after")
    def _check(self) -> FundingSource:
        years = [a.year for a in self.amounts]
        if len(years) != len(set(years)):
            raise custom_error(
                "funding_year_twice",
                N_("La ressource « {name} » a plusieurs montants pour le même exercice."),
                {"name": self.name},
            )
        if self.schedule:
            total = math.fsum(i.share for i in self.schedule)
            if abs(total - 1) > SCHEDULE_TOLERANCE:
                raise custom_error(
                    "funding_schedule_sum",
                    N_(
                        "L'échéancier de « {name} » totalise {total} % du montant annuel au lieu "
                        "de 100 % : les versements doivent couvrir exactement la subvention."
                    ),
                    {"name": self.name, "total": total * 100},
                )
        if (
            self.agreement_start is not None
            and self.agreement_end is not None
            and self.agreement_end < self.agreement_start
        ):
            raise custom_error(
                "funding_agreement_dates",
                N_("La convention de « {name} » finit ({end}) avant de commencer ({start})."),
                {"name": self.name, "start": self.agreement_start, "end": self.agreement_end},
            )
        return self


class FundingSection(BaseModel):
    """Funders and resources of the organisation.

    Attributes:
        sources: the funding register.
        alliances: partnerships and networks the organisation relies on (the
            third lever of the socio-economic model).
        plans: financing plans of projects or investments.
        accounts: hand-entered balance sheet figures by year (used when no
            ledger is imported).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    sources: list[FundingSource] = Field(
        default_factory=list, max_length=1000, title=N_("Registre des financements")
    )
    alliances: list[Annotated[str, Field(max_length=300)]] = Field(
        default_factory=list, max_length=500, title=N_("Alliances et partenariats")
    )
    plans: list[FinancingPlan] = Field(
        default_factory=list, max_length=100, title=N_("Plans de financement")
    )
    accounts: list[YearAccounts] = Field(
        default_factory=list, max_length=111, title=N_("Bilans saisis")
    )

    @model_validator(mode="after")
    def _unique_ids(self) -> FundingSection:
        ids = [s.id for s in self.sources]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise custom_error(
                "funding_id_twice",
                N_("Plusieurs ressources portent le même identifiant : {ids}."),
                {"ids": ", ".join(dupes)},
            )
        return self

    def years(self) -> list[int]:
        """Every year with an amount in the register, sorted."""
        return sorted({a.year for s in self.sources for a in s.amounts})


def month_keys(start_year: int, start_month: int, count: int) -> list[str]:
    """``count`` month keys ``YYYY-MM`` from a first month (the months of a plan).

    Example:
        >>> month_keys(2026, 11, 3)
        ['2026-11', '2026-12', '2027-01']
    """
    first = month_key(start_year, start_month)
    return [next_month(first, k) for k in range(count)]


def scheduled_sources(sources: Sequence[FundingSource]) -> list[FundingSource]:
    """Operating sources that have a payment schedule (they get dated receipts)."""
    return [s for s in sources if s.scheduled]


def receipts_matrix(sources: Sequence[FundingSource], months: Sequence[str]) -> pd.DataFrame:
    """Receipts of each scheduled source in each month of a plan (euros, floats).

    Payments that fall outside the plan's months are left out (they belong
    to another plan).

    Returns:
        DataFrame indexed by source id, one column per month key.

    Example:
        >>> s = FundingSource(id="r", name="Région", funder_type="region",
        ...     amounts=[YearAmount(year=2026, amount=40000)],
        ...     schedule=[Instalment(share=0.5, month=4), Instalment(share=0.5, month=2, year_offset=1)])
        >>> receipts_matrix([s], ["2026-04", "2027-02"]).loc["r"].tolist()
        [20000.0, 20000.0]
    """
    index = {m: i for i, m in enumerate(months)}
    chosen = scheduled_sources(sources)
    values = np.zeros((len(chosen), len(months)))
    for k, source in enumerate(chosen):
        for _year, key, amount in source.payments():
            if key in index:
                values[k, index[key]] += amount
    return pd.DataFrame(values, index=[s.id for s in chosen], columns=list(months))

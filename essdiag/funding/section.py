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
"""

from __future__ import annotations

import math
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from essdiag.i18n import N_
from essdiag.validation import custom_error

__all__ = [
    "FAMILY_LABELS",
    "FAMILY_OF",
    "FUNDER_TYPE_LABELS",
    "INSTALMENT_KIND_LABELS",
    "PURPOSE_LABELS",
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
]


def french_number(x: float) -> str:
    """A number written the French way, for messages: ``1 234,5`` (narrow no-break space).

    Example:
        >>> french_number(-1234.5).replace("\\u202f", " "), french_number(90.0)
        ('-1 234,5', '90')
    """
    text = f"{x:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u202f").replace(".", ",")


SCHEDULE_TOLERANCE = 1e-4
"""Shares of a payment schedule must sum to 1 within this tolerance (0.01 point)."""


class FundingFamily(StrEnum):
    """The five families of resources of an ESS organisation."""

    PUBLIC = "public"
    PRIVATE = "private"
    OWN_ACTIVITY = "own_activity"
    SOLIDARITY_FINANCE = "solidarity_finance"
    IN_KIND = "in_kind"


FAMILY_LABELS: dict[FundingFamily, str] = {
    FundingFamily.PUBLIC: N_("Financements publics"),
    FundingFamily.PRIVATE: N_("Financements privés"),
    FundingFamily.OWN_ACTIVITY: N_("Ressources d'activité"),
    FundingFamily.SOLIDARITY_FINANCE: N_("Finance solidaire et coopérative"),
    FundingFamily.IN_KIND: N_("Contributions en nature"),
}


class FunderType(StrEnum):
    """Kind of funder or resource (the register's taxonomy)."""

    ETAT = "etat"
    ASP = "asp"
    REGION = "region"
    DEPARTEMENT = "departement"
    EPCI = "epci"
    COMMUNE = "commune"
    SOCIAL_BODIES = "social_bodies"
    EU_FUNDS = "eu_funds"
    OTHER_PUBLIC = "other_public"
    FOUNDATION = "foundation"
    SPONSORSHIP = "sponsorship"
    INDIVIDUAL_GIFTS = "individual_gifts"
    MEMBERSHIP_FEES = "membership_fees"
    SALES = "sales"
    SERVICES = "services"
    PUBLIC_CONTRACTS = "public_contracts"
    SOLIDARITY_LOAN = "solidarity_loan"
    HONOUR_LOAN = "honour_loan"
    BANK_LOAN = "bank_loan"
    GUARANTEE = "guarantee"
    TITRES_ASSOCIATIFS = "titres_associatifs"
    MEMBERS_CAPITAL = "members_capital"
    CROWDFUNDING_DONATION = "crowdfunding_donation"
    CROWDFUNDING_LOAN = "crowdfunding_loan"
    CROWDFUNDING_EQUITY = "crowdfunding_equity"
    IN_KIND = "in_kind"


FUNDER_TYPE_LABELS: dict[FunderType, str] = {
    FunderType.ETAT: N_("État (ministère, agence)"),
    FunderType.ASP: N_("ASP – emplois aidés"),
    FunderType.REGION: N_("Région"),
    FunderType.DEPARTEMENT: N_("Département"),
    FunderType.EPCI: N_("Intercommunalité"),
    FunderType.COMMUNE: N_("Commune"),
    FunderType.SOCIAL_BODIES: N_("Organismes sociaux (CAF, CPAM…)"),
    FunderType.EU_FUNDS: N_("Fonds européens (FSE+, FEDER…)"),
    FunderType.OTHER_PUBLIC: N_("Autres établissements publics"),
    FunderType.FOUNDATION: N_("Fondations"),
    FunderType.SPONSORSHIP: N_("Mécénat d'entreprise"),
    FunderType.INDIVIDUAL_GIFTS: N_("Dons des particuliers"),
    FunderType.MEMBERSHIP_FEES: N_("Cotisations des adhérents"),
    FunderType.SALES: N_("Ventes"),
    FunderType.SERVICES: N_("Prestations de services"),
    FunderType.PUBLIC_CONTRACTS: N_("Marchés publics"),
    FunderType.SOLIDARITY_LOAN: N_("Prêt solidaire"),
    FunderType.HONOUR_LOAN: N_("Prêt d'honneur"),
    FunderType.BANK_LOAN: N_("Prêt bancaire"),
    FunderType.GUARANTEE: N_("Garantie (France Active…)"),
    FunderType.TITRES_ASSOCIATIFS: N_("Titres associatifs"),
    FunderType.MEMBERS_CAPITAL: N_("Capital des sociétaires"),
    FunderType.CROWDFUNDING_DONATION: N_("Financement participatif en don"),
    FunderType.CROWDFUNDING_LOAN: N_("Financement participatif en prêt"),
    FunderType.CROWDFUNDING_EQUITY: N_("Financement participatif en capital"),
    FunderType.IN_KIND: N_("Contributions en nature"),
}

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


class Purpose(StrEnum):
    """What a resource finances."""

    OPERATING = "operating"
    INVESTMENT = "investment"


PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.OPERATING: N_("Fonctionnement"),
    Purpose.INVESTMENT: N_("Investissement"),
}


class InstalmentKind(StrEnum):
    """Kind of payment in a funder's schedule."""

    ADVANCE = "advance"
    INSTALMENT = "instalment"
    BALANCE = "balance"


INSTALMENT_KIND_LABELS: dict[InstalmentKind, str] = {
    InstalmentKind.ADVANCE: N_("Avance"),
    InstalmentKind.INSTALMENT: N_("Acompte"),
    InstalmentKind.BALANCE: N_("Solde (après compte rendu final)"),
}


class YearAmount(BaseModel):
    """The amount of a resource for one year (euros, ≥ 0).

    Attributes:
        year: the fiscal year (named by the calendar year in which it ends).
        amount: amount granted or expected for that year, in euros.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    year: int = Field(ge=1990, le=2100, title=N_("Exercice"))
    amount: float = Field(allow_inf_nan=False, title=N_("Montant annuel (€)"))

    @model_validator(mode="after")
    def _not_negative(self) -> YearAmount:
        if self.amount < 0:
            raise custom_error(
                "funding_negative_amount",
                N_(
                    "Le montant {year} ne peut pas être négatif (reçu : {amount} €) : saisissez "
                    "un montant positif ou nul."
                ),
                {"year": self.year, "amount": french_number(self.amount)},
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
    purpose: Purpose = Field(default=Purpose.OPERATING, title=N_("Nature"))
    earmarked: bool = Field(default=False, title=N_("Affecté (fonds dédiés)"))
    account: str = Field(default="", max_length=20, title=N_("Compte"))
    amounts: list[YearAmount] = Field(default_factory=list, title=N_("Montants par exercice"))
    agreement_start: date | None = Field(default=None, title=N_("Début de la convention"))
    agreement_end: date | None = Field(default=None, title=N_("Fin de la convention"))
    schedule: list[Instalment] = Field(default_factory=list, title=N_("Échéancier de versement"))
    conditions: str = Field(default="", max_length=2000, title=N_("Conditions"))

    @property
    def family(self) -> FundingFamily:
        """The family of the resource, from its funder type."""
        return FAMILY_OF[self.funder_type]

    def amount(self, year: int) -> float:
        """The amount for ``year`` (0 when none is entered)."""
        return sum(a.amount for a in self.amounts if a.year == year)

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
                    {"name": self.name, "total": french_number(total * 100)},
                )
        if (
            self.agreement_start is not None
            and self.agreement_end is not None
            and self.agreement_end < self.agreement_start
        ):
            raise custom_error(
                "funding_agreement_dates",
                N_("La convention de « {name} » finit ({end}) avant de commencer ({start})."),
                {
                    "name": self.name,
                    "start": self.agreement_start.strftime("%d/%m/%Y"),
                    "end": self.agreement_end.strftime("%d/%m/%Y"),
                },
            )
        return self


class PlanLine(BaseModel):
    """One line of a financing plan (a need or a resource), in euros.

    Attributes:
        category: the plan's heading (``investments``, ``own_funds``, ``loan``…).
        label: what the line is.
        amount: amount in euros (≥ 0).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    category: str = Field(min_length=1, max_length=40, title=N_("Rubrique"))
    label: str = Field(default="", max_length=200, title=N_("Libellé"))
    amount: float = Field(ge=0, allow_inf_nan=False, title=N_("Montant (€)"))


class LoanSpec(BaseModel):
    """A loan of a financing plan.

    Attributes:
        label: lender and purpose.
        principal: amount borrowed (euros).
        annual_rate: nominal annual rate (0.03 for 3 %).
        years: duration in years, deferral included.
        periods_per_year: 12 for monthly, 4 quarterly, 1 yearly.
        method: ``annuity`` (constant payments) or ``constant_principal``.
        deferral_periods: periods at the start with interest only.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = Field(default="", max_length=200, title=N_("Prêt"))
    principal: float = Field(gt=0, allow_inf_nan=False, title=N_("Capital emprunté (€)"))
    annual_rate: float = Field(ge=0, le=0.5, allow_inf_nan=False, title=N_("Taux annuel"))
    years: int = Field(ge=1, le=40, title=N_("Durée (années)"))
    periods_per_year: int = Field(default=12, title=N_("Échéances par an"))
    method: str = Field(
        default="annuity",
        pattern="^(annuity|constant_principal)$",
        title=N_("Mode d'amortissement"),
    )
    deferral_periods: int = Field(default=0, ge=0, title=N_("Différé (échéances)"))

    @model_validator(mode="after")
    def _check(self) -> LoanSpec:
        if self.periods_per_year not in (1, 2, 4, 12):
            raise custom_error(
                "loan_frequency",
                N_(
                    "La périodicité doit être annuelle, semestrielle, trimestrielle ou mensuelle "
                    "(reçu : {n} échéances par an)."
                ),
                {"n": self.periods_per_year},
            )
        if self.deferral_periods >= self.years * self.periods_per_year:
            raise custom_error(
                "loan_deferral",
                N_(
                    "Le différé ({deferral} échéances) doit être plus court que la durée du prêt "
                    "({total} échéances)."
                ),
                {"deferral": self.deferral_periods, "total": self.years * self.periods_per_year},
            )
        return self


class FinancingPlan(BaseModel):
    """A financing plan for a project or an investment.

    Attributes:
        name: name of the project.
        start_year: first year of the project.
        needs: investments, working capital, launch costs.
        resources: own funds, investment grants, loans, crowdfunding, members' capital.
        loans: the loans, for their schedules.
        cash_flows: the project's yearly net cash flows, year 0 first (investment negative).
        discount_rate: rate to discount the cash flows (NPV).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field(min_length=1, max_length=200, title=N_("Projet"))
    start_year: int = Field(default=2026, ge=1990, le=2100, title=N_("Année de départ"))
    needs: list[PlanLine] = Field(default_factory=list, title=N_("Besoins"))
    resources: list[PlanLine] = Field(default_factory=list, title=N_("Ressources"))
    loans: list[LoanSpec] = Field(default_factory=list, title=N_("Prêts"))
    cash_flows: list[float] = Field(
        default_factory=list, title=N_("Flux de trésorerie annuels (€)")
    )
    discount_rate: float = Field(default=0.04, ge=0, le=0.5, title=N_("Taux d'actualisation"))


class YearAccounts(BaseModel):
    """Balance sheet and income figures of one closed year, entered by hand (euros).

    The headings are those of the functional balance sheet; see
    :mod:`essdiag.finance.health` for the account mapping used when they are
    read from the accounts instead.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    year: int = Field(ge=1990, le=2100, title=N_("Exercice"))
    equity: float = Field(
        default=0.0, allow_inf_nan=False, title=N_("Fonds propres (10 à 14, résultat inclus)")
    )
    dedicated_funds: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Fonds dédiés (19)")
    )
    provisions: float = Field(default=0.0, ge=0, allow_inf_nan=False, title=N_("Provisions (15)"))
    long_term_debt: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Emprunts et dettes financières (16, 17)")
    )
    fixed_assets_net: float = Field(
        default=0.0,
        ge=0,
        allow_inf_nan=False,
        title=N_("Immobilisations nettes (20 à 27 moins 28, 29)"),
    )
    current_assets: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Stocks et créances (3, 4 débiteurs)")
    )
    current_liabilities: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Dettes d'exploitation (4 créditeurs)")
    )
    cash: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Disponibilités (5 débiteurs)")
    )
    overdraft: float = Field(
        default=0.0,
        ge=0,
        allow_inf_nan=False,
        title=N_("Concours bancaires courants (5 créditeurs)"),
    )
    result: float = Field(default=0.0, allow_inf_nan=False, title=N_("Résultat de l'exercice"))
    depreciation: float = Field(
        default=0.0,
        ge=0,
        allow_inf_nan=False,
        title=N_("Dotations (68) et reports en fonds dédiés (689)"),
    )
    reversals: float = Field(
        default=0.0,
        ge=0,
        allow_inf_nan=False,
        title=N_(
            "Reprises (78), utilisations de fonds dédiés (789) et quote-part de subventions virée (777)"
        ),
    )
    disposals_net: float = Field(
        default=0.0,
        allow_inf_nan=False,
        title=N_("Valeur comptable des actifs cédés (675) moins produits de cession (775)"),
    )
    cash_charges: float = Field(
        default=0.0,
        ge=0,
        allow_inf_nan=False,
        title=N_("Charges décaissables de l'année (60 à 67 hors 675)"),
    )


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
        default_factory=list, title=N_("Registre des financements")
    )
    alliances: list[str] = Field(default_factory=list, title=N_("Alliances et partenariats"))
    plans: list[FinancingPlan] = Field(default_factory=list, title=N_("Plans de financement"))
    accounts: list[YearAccounts] = Field(default_factory=list, title=N_("Bilans saisis"))

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

"""Financing plans and hand-entered balance sheets: the models of financial engineering.

Where it sits: section layer (models only). The dossier keeps these models in
its funding section (``Dossier.funding.plans`` and ``Dossier.funding.accounts``,
see :class:`~essdiag.funding.section.FundingSection`); the computations of
:mod:`essdiag.finance` (loans, NPV/IRR, plan balance, financial health) read
them from here and import no funding computation.

A :class:`FinancingPlan` sets a project's needs (investments, working capital,
launch costs) against its resources (own funds, investment grants, loans,
crowdfunding, members' capital), with its loans and its yearly cash flows; a
:class:`YearAccounts` holds the functional balance sheet of a closed year when
no ledger is imported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Annotated, Final

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, model_validator

from essdiag.errors import Issue
from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import custom_error

__all__ = [
    "MAX_AMOUNT",
    "Amount",
    "FinancingPlan",
    "LoanMethod",
    "LoanSpec",
    "NeedCategory",
    "PlanLine",
    "PositiveAmount",
    "ResourceCategory",
    "YearAccounts",
    "category_label",
    "number_cell",
    "readable_issues",
]


MAX_AMOUNT: Final = 1_000_000_000_000.0
"""The largest amount a dossier holds, in euros (a thousand billion: far above any ESS
organisation, far below what breaks a computation or an export)."""

Amount = Annotated[float, Field(ge=-MAX_AMOUNT, le=MAX_AMOUNT, allow_inf_nan=False)]
"""An amount in euros that may be negative: finite and within ± :data:`MAX_AMOUNT`."""
PositiveAmount = Annotated[float, Field(ge=0, le=MAX_AMOUNT, allow_inf_nan=False)]
"""An amount in euros, zero or more, finite and at most :data:`MAX_AMOUNT`."""


def number_cell(value: object) -> float | None:
    """A number typed in a table cell: None when blank, ValueError when it is not a number.

    Text is read the French way too (``1 234,5``, ``−12``); booleans are not numbers.

    Example:
        >>> number_cell(" 1 234,5 "), number_cell(None), number_cell(float("nan"))
        (1234.5, None, None)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, bool):
        raise ValueError("not a number")
    if isinstance(value, str):
        text = value.strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if not text:
            return None
        value = text.replace(",", ".").replace("\u2212", "-")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise ValueError("not a number") from None
    return None if math.isnan(number) else number


def readable_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Issues whose numbers can all be written: a value far beyond :data:`MAX_AMOUNT` (``1e308``,
    ``inf``) is kept as the text the user typed, so its message reads « reçu : 1e+308 ».

    Example:
        >>> i = Issue(code="less_than_equal", template="{input}", params={"input": 1e308})
        >>> readable_issues([i])[0].params["input"]
        '1e+308'
    """
    out = []
    for issue in issues:
        params = {
            k: f"{v:g}" if isinstance(v, float) and not (math.isfinite(v) and abs(v) <= 1e15) else v
            for k, v in issue.params.items()
        }
        out.append(issue if params == issue.params else issue.model_copy(update={"params": params}))
    return out


class NeedCategory(LabelledEnum):
    """Headings of the needs of a financing plan."""

    INVESTMENTS = "investments", N_("Investissements")
    WORKING_CAPITAL = "working_capital", N_("Besoin en fonds de roulement de départ")
    LAUNCH_COSTS = "launch_costs", N_("Frais de lancement")


class ResourceCategory(LabelledEnum):
    """Headings of the resources of a financing plan."""

    OWN_FUNDS = "own_funds", N_("Fonds propres et autofinancement")
    INVESTMENT_GRANT = "investment_grant", N_("Subventions d'investissement")
    LOAN = "loan", N_("Emprunts")
    CROWDFUNDING = "crowdfunding", N_("Financement participatif")
    MEMBERS_CAPITAL = "members_capital", N_("Capital des sociétaires")
    OTHER = "other", N_("Autres ressources")


def category_label(code: str) -> str:
    """The French label of a plan heading (need or resource), or the code when unknown.

    Example:
        >>> category_label("loan"), category_label("mystère")
        ('Emprunts', 'mystère')
    """
    for kind in (NeedCategory, ResourceCategory):
        if code in kind._value2member_map_:
            return kind(code).label
    return code


class LoanMethod(LabelledEnum):
    """How a loan is repaid."""

    ANNUITY = "annuity", N_("Échéances constantes")
    CONSTANT_PRINCIPAL = "constant_principal", N_("Amortissement constant")


class PlanLine(BaseModel):
    """One line of a financing plan (a need or a resource), in euros.

    Attributes:
        category: the plan's heading (a :class:`NeedCategory` or
            :class:`ResourceCategory` value; an unknown one is reported by
            :func:`essdiag.finance.financing_plan.plan_balance`).
        label: what the line is.
        amount: amount in euros (≥ 0).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    category: str = Field(min_length=1, max_length=40, title=N_("Rubrique"))
    label: str = Field(default="", max_length=200, title=N_("Libellé"))
    amount: PositiveAmount = Field(title=N_("Montant (€)"))


class LoanSpec(BaseModel):
    """A loan of a financing plan.

    Attributes:
        label: lender and purpose.
        principal: amount borrowed (euros).
        annual_rate: nominal annual rate (0.03 for 3 %).
        years: duration in years, deferral included.
        periods_per_year: 12 for monthly, 4 quarterly, 1 yearly.
        method: constant payments (``annuity``) or constant principal.
        deferral_periods: periods at the start with interest only.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = Field(default="", max_length=200, title=N_("Prêt"))
    principal: float = Field(
        gt=0, le=MAX_AMOUNT, allow_inf_nan=False, title=N_("Capital emprunté (€)")
    )
    annual_rate: float = Field(ge=0, le=0.5, allow_inf_nan=False, title=N_("Taux annuel"))
    years: int = Field(ge=1, le=40, title=N_("Durée (années)"))
    periods_per_year: int = Field(default=12, title=N_("Échéances par an"))
    method: LoanMethod = Field(default=LoanMethod.ANNUITY, title=N_("Mode d'amortissement"))
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
    cash_flows: list[Amount] = Field(
        default_factory=list, max_length=100, title=N_("Flux de trésorerie annuels (€)")
    )
    discount_rate: float = Field(
        default=0.04, ge=0, le=0.5, allow_inf_nan=False, title=N_("Taux d'actualisation")
    )


class YearAccounts(BaseModel):
    """Balance sheet and income figures of one closed year, entered by hand (euros).

    The headings are those of the functional balance sheet; see
    :mod:`essdiag.finance.health` for the account mapping used when they are
    read from the accounts instead.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    year: int = Field(ge=1990, le=2100, title=N_("Exercice"))
    equity: Amount = Field(default=0.0, title=N_("Fonds propres (10 à 14, résultat inclus)"))
    dedicated_funds: PositiveAmount = Field(default=0.0, title=N_("Fonds dédiés (19)"))
    provisions: PositiveAmount = Field(default=0.0, title=N_("Provisions (15)"))
    long_term_debt: PositiveAmount = Field(
        default=0.0, title=N_("Emprunts et dettes financières (16, 17)")
    )
    fixed_assets_net: PositiveAmount = Field(
        default=0.0,
        title=N_("Immobilisations nettes (20 à 27 moins 28, 29)"),
    )
    current_assets: PositiveAmount = Field(
        default=0.0, title=N_("Stocks et créances (3, 4 débiteurs)")
    )
    current_liabilities: PositiveAmount = Field(
        default=0.0, title=N_("Dettes d'exploitation (4 créditeurs)")
    )
    cash: PositiveAmount = Field(default=0.0, title=N_("Disponibilités (5 débiteurs)"))
    overdraft: PositiveAmount = Field(
        default=0.0,
        title=N_("Concours bancaires courants (5 créditeurs)"),
    )
    result: Amount = Field(default=0.0, title=N_("Résultat de l'exercice"))
    depreciation: PositiveAmount = Field(
        default=0.0,
        title=N_("Dotations (68) et reports en fonds dédiés (689)"),
    )
    reversals: PositiveAmount = Field(
        default=0.0,
        title=N_(
            "Reprises (78), utilisations de fonds dédiés (789) et quote-part de subventions virée (777)"
        ),
    )
    disposals_net: Amount = Field(
        default=0.0,
        title=N_("Valeur comptable des actifs cédés (675) moins produits de cession (775)"),
    )
    cash_charges: PositiveAmount = Field(
        default=0.0,
        title=N_("Charges décaissables de l'année (60 à 67 hors 675)"),
    )

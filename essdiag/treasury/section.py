"""Treasury assumptions of the dossier (``Dossier.treasury``).

They complete what the budget and the funding register already say: the
opening cash, the dedicated funds that cannot be spent freely, the minimum
cash the board wants to keep, the plan's first month and horizon, and — when
no budget is entered yet — the monthly charges and income assumed by hand.
The Monte Carlo assumptions say how often and how late funders pay.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from essdiag.finance.section import Amount, PositiveAmount
from essdiag.i18n import N_
from essdiag.periods import parse_month
from essdiag.validation import custom_error

__all__ = ["DelayAssumption", "TreasurySection"]


class DelayAssumption(BaseModel):
    """How a funder (or every funder, ``source_id`` empty) may pay late or less.

    Attributes:
        source_id: the register's source, or empty for the default of all funders.
        late_probability: probability that each payment (advance, instalment, balance)
            comes late, drawn independently for every payment.
        mean_delay_months: mean delay when late (months, ≥ 1).
        cut_probability: probability that the funder pays less than agreed.
        cut_share: share of the payments lost when it does.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    source_id: str = Field(default="", max_length=40, title=N_("Ressource"))
    late_probability: float = Field(default=0.3, ge=0, le=1, title=N_("Probabilité de retard"))
    mean_delay_months: float = Field(default=2.0, ge=1, le=24, title=N_("Retard moyen (mois)"))
    cut_probability: float = Field(default=0.05, ge=0, le=1, title=N_("Probabilité de baisse"))
    cut_share: float = Field(default=0.2, ge=0, le=1, title=N_("Baisse en cas de réduction"))


MONTH_NAMES = (
    N_("janvier"),
    N_("février"),
    N_("mars"),
    N_("avril"),
    N_("mai"),
    N_("juin"),
    N_("juillet"),
    N_("août"),
    N_("septembre"),
    N_("octobre"),
    N_("novembre"),
    N_("décembre"),
)


def _twelve(value: list[float]) -> list[float]:
    if value and len(value) != 12:
        raise custom_error(
            "treasury_twelve_months",
            N_("Il faut 12 montants mensuels (janvier à décembre), {n} reçus."),
            {"n": len(value)},
        )
    for month, v in zip(MONTH_NAMES, value, strict=False):
        if v < 0:
            raise custom_error(
                "treasury_negative_amount",
                N_(
                    "Le montant de {month} est négatif ({value} €) : les montants mensuels "
                    "se saisissent en positif."
                ),
                {"month": month, "value": v},
            )
    return value


def _month_key(value: str) -> str:
    if not value:
        return value
    try:
        parse_month(value)
    except ValueError:
        raise custom_error(
            "treasury_first_month",
            N_(
                "Le premier mois du plan s'écrit AAAA-MM, avec un mois de 01 à 12 "
                "(reçu : « {value} »)."
            ),
            {"value": value[:20]},
        ) from None
    return value


class TreasurySection(BaseModel):
    """Treasury assumptions of the organisation.

    Attributes:
        first_month: first month of the plan, ``YYYY-MM`` (empty: the fiscal year's first).
        horizon_months: length of the plan (12 to 36 months).
        opening_cash: cash at the start of the first month (euros).
        dedicated_funds: unspent earmarked money included in the cash (fonds dédiés).
        minimum_cash: cash the board wants to keep at all times (alert threshold).
        monthly_charges: hand-entered cash outflows, January to December, used
            when the dossier has no budget.
        monthly_income: hand-entered cash inflows other than the scheduled
            funders, January to December, used when the dossier has no budget.
        yearly_growth: growth of charges and income from one year to the next.
        delays: Monte Carlo assumptions (a default for all funders, then per funder).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    first_month: str = Field(default="", max_length=20, title=N_("Premier mois du plan"))
    horizon_months: int = Field(default=12, ge=12, le=36, title=N_("Horizon (mois)"))
    opening_cash: Amount = Field(default=0.0, title=N_("Trésorerie de départ (€)"))
    dedicated_funds: PositiveAmount = Field(
        default=0.0, title=N_("Fonds dédiés inclus dans la trésorerie (€)")
    )
    minimum_cash: PositiveAmount = Field(default=0.0, title=N_("Trésorerie minimale souhaitée (€)"))
    monthly_charges: list[Amount] = Field(
        default_factory=list, max_length=12, title=N_("Décaissements mensuels saisis (€)")
    )
    monthly_income: list[Amount] = Field(
        default_factory=list,
        max_length=12,
        title=N_("Encaissements mensuels saisis hors financeurs échéancés (€)"),
    )
    yearly_growth: float = Field(
        default=0.0, ge=-0.5, le=0.5, allow_inf_nan=False, title=N_("Évolution annuelle")
    )
    delays: list[DelayAssumption] = Field(
        default_factory=list, max_length=1001, title=N_("Hypothèses de retard des financeurs")
    )

    _check_charges = field_validator("monthly_charges")(_twelve)
    _check_income = field_validator("monthly_income")(_twelve)
    _check_first_month = field_validator("first_month")(_month_key)

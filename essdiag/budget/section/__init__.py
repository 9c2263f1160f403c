"""The budget section of the dossier: forecast lines, thresholds and variance comments.

A section of the dossier (layer 1, models only). A :class:`BudgetLine` holds
twelve monthly amounts in euros (the phasing already applied, in fiscal-year
order) so that what the user sees and edits is what every computation uses;
``phasing`` records how the months were made (:class:`Phasing`). The JSON
keeps euros; computations phase and compare in integer cents.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from essdiag.budget.section.headings import Kind, kind_of
from essdiag.i18n import N_, LabelledEnum

__all__ = ["BudgetLine", "BudgetSection", "Kind", "Materiality", "Phasing", "VarianceComment"]


class Phasing(LabelledEnum):
    """How a line's annual amount was spread over its twelve months."""

    EVEN = "even", N_("Uniforme (1/12 par mois)")
    CUSTOM = "custom", N_("Poids personnalisés")
    SEASONAL = "seasonal", N_("Saisonnalité du réalisé N−1")


class BudgetLine(BaseModel):
    """One forecast line.

    Attributes:
        account: account number or heading (``"6063"``, ``"64"``, ``"74"``).
        label: French label.
        heading: two-digit CERFA heading; derived from the account when empty.
        analytic: analytic code (activity or project), "" for none.
        funder: funder for grant lines (74), "" otherwise.
        months: twelve amounts in euros, fiscal-year order, positive when normal.
        phasing: how the months were spread (even, custom weights, last year's seasonality).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    account: str = Field(title=N_("Compte"))
    label: str = Field(default="", title=N_("Libellé"))
    heading: str = Field(default="", title=N_("Rubrique"))
    analytic: str = Field(default="", title=N_("Code analytique"))
    funder: str = Field(default="", title=N_("Financeur"))
    months: list[float] = Field(
        default_factory=lambda: [0.0] * 12, title=N_("Montants mensuels (€)")
    )
    phasing: Phasing = Field(default=Phasing.CUSTOM, title=N_("Répartition mensuelle"))

    @field_validator("account")
    @classmethod
    def _account_digits(cls, value: str) -> str:
        value = value.strip()
        if len(value) < 2 or not value[:2].isdigit():
            raise ValueError("le compte doit commencer par deux chiffres (ex. 60, 6063)")
        return value

    @field_validator("months")
    @classmethod
    def _twelve(cls, value: list[float]) -> list[float]:
        if len(value) != 12:
            raise ValueError("il faut exactement 12 montants mensuels")
        return value

    @property
    def head(self) -> str:
        """The two-digit heading (given, or the account's first two digits)."""
        return self.heading or self.account[:2]

    @property
    def kind(self) -> Kind:
        """Charge, income, contribution in kind (use or source) or other, from the heading."""
        return kind_of(self.head)

    @property
    def total(self) -> float:
        """The annual amount in euros."""
        return float(sum(self.months))


class Materiality(BaseModel):
    """Thresholds beyond which a variance must be explained.

    Attributes:
        absolute: gap in euros.
        relative: gap as a share of the budget (0.10 = 10 %).
        both: flag only when both thresholds are passed (otherwise either).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    absolute: float = Field(default=5000.0, ge=0, title=N_("Seuil absolu (€)"))
    relative: float = Field(default=0.10, ge=0, title=N_("Seuil relatif"))
    both: bool = Field(default=True, title=N_("Les deux seuils doivent être dépassés"))


class VarianceComment(BaseModel):
    """The explanation of a flagged variance, kept in the dossier.

    Attributes:
        level: account, heading, analytic or funder.
        key: the line's key at that level (``"64"``, ``"6063"``, ``"ACI"``).
        period: the period label (``"2026-10"``, ``"2026-T3"``, ``"2026-T4-10"``, ``"2026-YTD-10"``,
            ``"2026"``).
        text: the explanation.
        author: who wrote it.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    level: str = Field(title=N_("Niveau"))
    key: str = Field(title=N_("Ligne"))
    period: str = Field(title=N_("Période"))
    text: str = Field(default="", title=N_("Explication"))
    author: str = Field(default="", title=N_("Auteur"))


class BudgetSection(BaseModel):
    """The forecast budget and its follow-up.

    Attributes:
        fiscal_year: label year of the budgeted fiscal year (None when no budget).
        start_month: first month of the fiscal year (1 = calendar year).
        lines: forecast lines.
        materiality: thresholds that flag the variances to explain.
        comments: explanations of flagged variances.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    fiscal_year: int | None = Field(default=None, title=N_("Exercice budgété"))
    start_month: int = Field(default=1, ge=1, le=12, title=N_("Premier mois de l'exercice"))
    lines: list[BudgetLine] = Field(default_factory=list, title=N_("Lignes du budget"))
    materiality: Materiality = Field(
        default_factory=Materiality, title=N_("Seuils de significativité")
    )
    comments: list[VarianceComment] = Field(
        default_factory=list, title=N_("Explications des écarts")
    )

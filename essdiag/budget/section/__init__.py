"""The budget section of the dossier: forecast lines, thresholds and variance comments.

A section of the dossier (layer 1, models only). Budgets come in versions
(:class:`BudgetVersion`): per fiscal year an initial budget and its revisions
1…n, each with its date, author, reason and status (draft, or adopted by the
board). A :class:`BudgetLine` holds twelve monthly amounts in euros (the
phasing already applied, in fiscal-year order) so that what the user sees and
edits is what every computation uses; ``phasing`` records how the months were
made (:class:`Phasing`). The JSON keeps euros; computations phase and compare
in integer cents. Schema 1 kept one budget (``fiscal_year``, ``lines``); it
reads as the adopted initial version of its year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Self, cast

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from essdiag.budget.section.headings import Kind, kind_of
from essdiag.i18n import N_, LabelledEnum

__all__ = [
    "INITIAL",
    "REVISED",
    "BudgetLine",
    "BudgetSection",
    "BudgetVersion",
    "Kind",
    "Materiality",
    "Phasing",
    "ReportNarrative",
    "VarianceComment",
    "VersionStatus",
    "version_id",
]


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

    One explanation per gap: the variance screen and the CERFA 15059 report
    read and write the same record (a gap is a level, a key, a period, a
    scope and the budget version it was measured against).

    Attributes:
        level: account, heading, analytic or funder.
        key: the line's key at that level (``"64"``, ``"6063"``, ``"ACI"``).
        period: the period label (``"2026-10"``, ``"2026-T3"``, ``"2026-T4-10"``, ``"2026-YTD-10"``,
            ``"2026"``).
        text: the explanation.
        author: who wrote it.
        scope: whose accounts: "" the whole organisation, ``action:<code>``
            one project, ``funder:<name>`` the actions a funder supports.
        version: the id of the budget version the gap was measured against
            ("" in files written before budgets had versions: any version).
        kind: the line's kind (``charge``, ``income``) where one key names both
            (an analytic code or a funder carries charges and income); "" any.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    level: str = Field(title=N_("Niveau"))
    key: str = Field(title=N_("Ligne"))
    period: str = Field(title=N_("Période"))
    text: str = Field(default="", title=N_("Explication"))
    author: str = Field(default="", title=N_("Auteur"))
    scope: str = Field(default="", title=N_("Périmètre"))
    version: str = Field(default="", title=N_("Version du budget"))
    kind: str = Field(default="", title=N_("Charge ou produit"))


class ReportNarrative(BaseModel):
    """The qualitative account of a funder report (CERFA 15059: what was done, for whom, how).

    Attributes:
        scope: whose accounts (as :attr:`VarianceComment.scope`).
        period: the period key of the report.
        text: the account, as the form asks for it.
        author: who wrote it.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    scope: str = Field(default="", title=N_("Périmètre"))
    period: str = Field(title=N_("Période"))
    text: str = Field(default="", title=N_("Compte rendu qualitatif"))
    author: str = Field(default="", title=N_("Auteur"))


class VersionStatus(LabelledEnum):
    """Where a budget version stands: worked on, or adopted by the board."""

    DRAFT = "draft", N_("Brouillon")
    ADOPTED = "adopted", N_("Adopté par le conseil")


class BudgetVersion(BaseModel):
    """One version of the budget of a fiscal year: the initial budget or a revision.

    Attributes:
        id: stable identifier (``2026-0`` for the initial budget of 2026,
            ``2026-1`` for its first revision).
        fiscal_year: label year of the budgeted fiscal year (None: not said yet,
            as in a budget built from lines alone).
        start_month: first month of that fiscal year.
        number: 0 for the initial budget, 1…n for the revisions.
        status: draft or adopted by the board.
        date: date of the board's adoption (of the draft's creation while a draft).
        author: who prepared it.
        reason: why it was made (« subvention du Département signée à 85 500 € »).
        lines: its forecast lines.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(title=N_("Identifiant"))
    fiscal_year: int | None = Field(default=None, ge=2, le=9998, title=N_("Exercice budgété"))
    start_month: int = Field(default=1, ge=1, le=12, title=N_("Premier mois de l'exercice"))
    number: int = Field(default=0, ge=0, le=99, title=N_("Numéro de version"))
    status: VersionStatus = Field(default=VersionStatus.DRAFT, title=N_("Statut"))
    date: dt.date | None = Field(default=None, title=N_("Date"))
    author: str = Field(default="", title=N_("Auteur"))
    reason: str = Field(default="", title=N_("Motif"))
    lines: list[BudgetLine] = Field(default_factory=list, title=N_("Lignes du budget"))

    @property
    def adopted(self) -> bool:
        """True once the board adopted it."""
        return self.status is VersionStatus.ADOPTED

    @property
    def name(self) -> str:
        """French template naming it (« Budget initial {year} », « Budget rectificatif n° {n} {year} »)."""
        return INITIAL if self.number == 0 else REVISED

    @property
    def name_params(self) -> dict[str, int | None]:
        """Raw values of :attr:`name`'s placeholders."""
        return {"year": self.fiscal_year, "n": self.number}


INITIAL = N_("Budget initial {year}")
REVISED = N_("Budget rectificatif n° {n} {year}")

_LEGACY = ("fiscal_year", "start_month", "lines")
"""Keys of the one-budget section (schema 1), still accepted when a section is built."""


def version_id(fiscal_year: int | None, number: int) -> str:
    """The id of a version: ``2026-0`` (initial), ``2026-1`` (first revision)…"""
    return f"{fiscal_year or 0}-{number}"


def _legacy_version(data: dict[str, Any]) -> dict[str, Any]:
    """A schema-1 budget (one set of lines) as the adopted initial version of its year."""
    out = {k: v for k, v in data.items() if k not in _LEGACY}
    lines = data.get("lines") or []
    year = data.get("fiscal_year")
    versions = list(out.get("versions") or [])
    if lines:
        label = int(year) if isinstance(year, int) and not isinstance(year, bool) else None
        versions.append(
            {
                "id": version_id(label, 0),
                "fiscal_year": label,
                "start_month": data.get("start_month", 1),
                "number": 0,
                "status": "adopted",
                "lines": lines,
            }
        )
    out["versions"] = versions
    return out


class BudgetSection(BaseModel):
    """The forecast budgets, in versions per fiscal year, and their follow-up.

    Attributes:
        versions: every version of every budgeted year (initial, revisions;
            drafts and adopted ones), in the order they were made.
        materiality: thresholds that flag the variances to explain.
        comments: explanations of flagged variances.
        narratives: qualitative accounts written for funder reports.

    The variance compares the actuals with a chosen version, by default the
    **reference** of the year (:meth:`reference`: the last version adopted
    by the board, else the last draft). ``lines``, ``fiscal_year`` and
    ``start_month`` read the reference of the current year (the last year
    with an adopted version), as the one-budget section of schema 1 did;
    a section built or copied with those keys puts them in that version.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    versions: list[BudgetVersion] = Field(default_factory=list, title=N_("Versions du budget"))
    materiality: Materiality = Field(
        default_factory=Materiality, title=N_("Seuils de significativité")
    )
    comments: list[VarianceComment] = Field(
        default_factory=list, title=N_("Explications des écarts")
    )
    narratives: list[ReportNarrative] = Field(
        default_factory=list, title=N_("Comptes rendus qualitatifs")
    )

    @model_validator(mode="before")
    @classmethod
    def _one_budget(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(k in data for k in _LEGACY):
            return _legacy_version(data)
        return data

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; ``lines``, ``fiscal_year`` and ``start_month`` in ``update`` go to the reference."""
        if update and any(k in update for k in _LEGACY):
            rest = {k: v for k, v in update.items() if k not in _LEGACY}
            legacy = {k: update[k] for k in _LEGACY if k in update}
            changed = self.with_reference(**legacy)
            return cast("Self", super(BudgetSection, changed).model_copy(update=rest, deep=deep))
        return super().model_copy(update=update, deep=deep)

    # -- reading --------------------------------------------------------------------------

    def years(self) -> list[int]:
        """The budgeted fiscal years, in order."""
        return sorted({v.fiscal_year for v in self.versions if v.fiscal_year is not None})

    def of_year(self, year: int | None) -> list[BudgetVersion]:
        """The versions of a fiscal year, initial first."""
        return sorted((v for v in self.versions if v.fiscal_year == year), key=lambda v: v.number)

    def version(self, version_id: str) -> BudgetVersion | None:
        """A version by its id."""
        return next((v for v in self.versions if v.id == version_id), None)

    def reference(self, year: int | None = None) -> BudgetVersion | None:
        """The version the variance uses by default: the last adopted, else the last draft.

        ``year`` None: the current year (the last year with an adopted
        version, else the last budgeted year).
        """
        if year is None:
            adopted = [v.fiscal_year for v in self.versions if v.adopted and v.fiscal_year]
            years = self.years()
            if not years:  # versions without a year (lines alone), or none
                undated = self.of_year(None)
                return undated[-1] if undated else None
            year = max(adopted) if adopted else years[-1]
        mine = self.of_year(year)
        adopted_ones = [v for v in mine if v.adopted]
        chosen = adopted_ones or mine
        return chosen[-1] if chosen else None

    def lines_for(self, year: int | None) -> list[BudgetLine]:
        """The lines of the reference version of ``year`` (lines without a year count for any)."""
        ref = self.reference(year) if year is not None else self.reference()
        if ref is None and year is not None:
            undated = self.of_year(None)
            ref = undated[-1] if undated else None
        return list(ref.lines) if ref else []

    @property
    def lines(self) -> list[BudgetLine]:
        """The lines of the current reference version (empty when there is none)."""
        ref = self.reference()
        return list(ref.lines) if ref else []

    @property
    def fiscal_year(self) -> int | None:
        """The fiscal year of the current reference version."""
        ref = self.reference()
        return ref.fiscal_year if ref else None

    @property
    def start_month(self) -> int:
        """The first month of the current reference version's fiscal year (1 when none)."""
        ref = self.reference()
        return ref.start_month if ref else 1

    def narrative(self, scope: str, period: str) -> str:
        """The qualitative account written for a report's scope and period ("" when none)."""
        return next((n.text for n in self.narratives if (n.scope, n.period) == (scope, period)), "")

    def next_number(self, year: int | None) -> int:
        """The number the next version of ``year`` takes (0 for the first)."""
        mine = self.of_year(year)
        return max(v.number for v in mine) + 1 if mine else 0

    # -- changing ---------------------------------------------------------------------------

    def with_version(self, version: BudgetVersion) -> BudgetSection:
        """The section with ``version`` added, or replacing the version of the same id."""
        kept = [v for v in self.versions if v.id != version.id]
        if len(kept) == len(self.versions):
            return super().model_copy(update={"versions": [*self.versions, version]})
        placed = [version if v.id == version.id else v for v in self.versions]
        return super().model_copy(update={"versions": placed})

    def new_version(
        self,
        fiscal_year: int,
        lines: list[BudgetLine],
        *,
        start_month: int = 1,
        author: str = "",
        reason: str = "",
        day: dt.date | None = None,
    ) -> BudgetVersion:
        """A draft of ``fiscal_year`` numbered after its versions (not added: see :meth:`with_version`)."""
        number = self.next_number(fiscal_year)
        return BudgetVersion(
            id=version_id(fiscal_year, number),
            fiscal_year=fiscal_year,
            start_month=start_month,
            number=number,
            status=VersionStatus.DRAFT,
            date=day,
            author=author,
            reason=reason,
            lines=list(lines),
        )

    def without_version(self, version_id: str) -> BudgetSection:
        """The section without that version (its comments stay, readable against no version)."""
        return super().model_copy(
            update={"versions": [v for v in self.versions if v.id != version_id]}
        )

    def with_reference(
        self,
        *,
        lines: list[BudgetLine] | None = None,
        fiscal_year: int | None = None,
        start_month: int | None = None,
    ) -> BudgetSection:
        """The section with the reference version of ``fiscal_year`` changed (made when missing).

        What the one-budget screens and importers did: set the budget's lines.
        A year without a version gets an adopted initial budget.
        """
        current = self.reference()
        ref = self.reference(fiscal_year) if fiscal_year is not None else current
        year = fiscal_year if fiscal_year is not None else (ref.fiscal_year if ref else None)
        if ref is None and lines is None and current is not None:
            lines = list(current.lines)  # the budget moved to another year
        if ref is None:
            ref = BudgetVersion(
                id=version_id(year, self.next_number(year)),
                fiscal_year=year,
                start_month=start_month or 1,
                number=self.next_number(year),
                status=VersionStatus.ADOPTED,
            )
        update: dict[str, Any] = {}
        if lines is not None:
            update["lines"] = list(lines)
        if start_month is not None:
            update["start_month"] = start_month
        return self.with_version(ref.model_copy(update=update))

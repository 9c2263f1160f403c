"""The choices of a variance table: its level of detail and its kind of period.

Light on purpose (no model, no pandas): the command line builds its options
from them before any heavy module is loaded. :mod:`essdiag.budget.variance`
re-exports them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from essdiag.i18n import N_, LabelledEnum

if TYPE_CHECKING:
    from essdiag.periods import PeriodKind

__all__ = ["Level", "PeriodChoice"]


class Level(LabelledEnum):
    """Levels of detail of a variance table (the order in which they are offered)."""

    HEADING = "heading", N_("Rubrique (60 … 78)")
    ACCOUNT = "account", N_("Compte")
    ANALYTIC = "analytic", N_("Code analytique")
    FUNDER = "funder", N_("Financeur")


class PeriodChoice(LabelledEnum):
    """The kinds of period a variance is computed over (:class:`~essdiag.periods.Period`)."""

    MONTH = "month", N_("Mois")
    QUARTER = "quarter", N_("Trimestre")
    YTD = "ytd", N_("Cumul depuis le début de l'exercice")
    YEAR = "year", N_("Exercice entier")

    @property
    def kind(self) -> PeriodKind:
        """The kind as :meth:`essdiag.periods.Period.of` takes it."""
        return cast("PeriodKind", str(self))

"""XLSX variance report: one sheet per level, landing, cumulative series, with French formats.

Built from the same :class:`~essdiag.budget.analysis.VarianceReport` the
screen shows, through the same views (:mod:`essdiag.budget.views`): a sheet
is a view's :meth:`~essdiag.figures.View.cells`, money and percentage columns
formatted by their unit. Every text cell goes through
:func:`essdiag.xlsx.safe_text` (a label such as ``=HYPERLINK(...)`` typed in an
accounting export stays text), and the workbook never turns strings into
formulas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from essdiag.budget.analysis import BudgetDossier, VarianceReport, dossier_report
from essdiag.budget.variance import Level
from essdiag.budget.views import cumulative_view, landing_view, variance_view
from essdiag.figures import View
from essdiag.i18n import N_, Translator, translator
from essdiag.periods import month_title, months_span
from essdiag.xlsx import new_workbook, write_table

__all__ = ["SHEETS", "report_workbook", "variance_xlsx", "write_view"]

SHEETS: dict[Level, str] = {
    Level.HEADING: N_("Rubriques"),
    Level.ACCOUNT: N_("Comptes"),
    Level.ANALYTIC: N_("Analytique"),
    Level.FUNDER: N_("Financeurs"),
}
"""Sheet name per level (translated with the report's language)."""

_MONEY_UNITS = ("EUR", "EUR/h")
_PERCENT_UNITS = ("%", "share")


def write_view(wb: Any, sheet: str, view: View, tr: Translator, *, title: str) -> Any:
    """A view as a titled sheet: its headers, its cells, euros and percentages formatted."""
    units = [c.unit for c in view.columns]
    return write_table(
        wb,
        sheet,
        view.headers(tr),
        view.cells(tr),
        money_columns=[i for i, u in enumerate(units) if u in _MONEY_UNITS],
        percent_columns=[i for i, u in enumerate(units) if u in _PERCENT_UNITS],
        title=title,
    )


def variance_xlsx(
    report: VarianceReport,
    *,
    lang: str = "fr",
    levels: tuple[Level | str, ...] = tuple(Level),
    organisation: str = "",
) -> bytes:
    """The variance report as XLSX bytes."""
    _ = translator(lang)
    wb, buf = new_workbook()
    fy = report.fiscal_year
    scope = _.fill(*report.scope.scope_of(report.period.months))
    summary: list[list[object]] = [
        [_("Structure"), organisation],
        [_("Exercice"), months_span(fy.month_keys(), _)],
        [_("Réalisé jusqu'au mois"), month_title(report.through, _)],
        [_("Période de l'écart"), report.period.title(_)],
        [_("Périmètre"), scope],
    ]
    if report.version is not None:
        summary.append(
            [_("Budget comparé"), _.fill(report.version.name, report.version.name_params)]
        )
    summary += [
        [f"{_(fig.label)} ({fig.scope_text(_)})", fig.value] for fig in report.headline.values()
    ]
    summary += [
        [f"{_(fig.label)} ({fig.scope_text(_)})" if fig.scope else _(fig.label), fig.value]
        for fig in report.results.values()
    ]
    write_table(
        wb,
        _("Synthèse"),
        [_("Élément"), _("Valeur")],
        summary,
        title=_("Suivi budgétaire : écarts et atterrissage"),
    )
    for level in map(Level, levels):
        table = report.table_at(level) if level != report.level else report.table
        write_view(
            wb,
            _(SHEETS[level]),
            variance_view(table, export=True, projected=report.projected),
            _,
            title=_(
                "Écarts par {level} — période {period}",
                level=_(level.label).lower(),
                period=report.period.title(_),
            ),
        )
    write_view(
        wb,
        _("Atterrissage"),
        landing_view(report.landing),
        _,
        title=_("Atterrissage de l'exercice par trois méthodes"),
    )
    write_view(
        wb,
        _("Cumul mensuel"),
        cumulative_view(report.cumulative),
        _,
        title=_("Résultat cumulé : budget, réalisé et atterrissage"),
    )
    wb.close()
    return buf.getvalue()


def report_workbook(
    dossier: BudgetDossier,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    through: str,
    period: str,
    level: str,
    version: str = "",
    scope: str = "",
    lang: str = "fr",
) -> bytes:
    """:func:`variance_xlsx` of a dossier's report (for ``essdiag.ui.cache.computed``)."""
    report = dossier_report(
        dossier,
        ledgers=ledgers,
        through=through,
        period=period,
        level=level,
        version=version,
        scope=scope,
    )
    identity = getattr(dossier, "identity", None)
    return variance_xlsx(report, lang=lang, organisation=getattr(identity, "name", ""))

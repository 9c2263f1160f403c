"""The monthly spread of one line (even, custom weights, last year's seasonality) and the budget's months.

Spreads are made in cents by :mod:`essdiag.budget.phasing`; last year's
actuals come from the cache (:func:`essdiag.budget.model.last_year_actuals`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget import monthly_totals
from essdiag.budget.model import last_year_actuals
from essdiag.budget.phasing import account_profile, even, parse_weights, seasonal, weighted
from essdiag.budget.section import BudgetSection, Phasing
from essdiag.budget.views import line_months_view, monthly_totals_view
from essdiag.charts.budget import phasing_chart
from essdiag.periods import FiscalYear
from essdiag.ui import cache, widgets
from essdiag.ui.budget import budget_year
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def _months(
    screen: Screen[Any], line_index: int, method: Phasing, annual: float, weights: str
) -> list[float] | None:
    """The line's new months by the method chosen, or None (and why) when they cannot be made."""
    _ = screen.tr
    if method is Phasing.EVEN:
        return even(annual)
    if method is Phasing.CUSTOM:
        parsed = parse_weights(weights)
        if parsed is None:
            st.error(_("Il faut 12 poids numériques séparés par des points-virgules."))
            return None
        return weighted(annual, parsed)
    fy = budget_year(screen)
    actuals = cache.computed(
        last_year_actuals,
        screen.opened,
        ledger_years=(fy.label_year - 1,),
        label_year=fy.label_year,
        start_month=fy.start_month,
    )
    if actuals is None:
        st.error(
            _(
                "Importez le FEC de l'exercice précédent (page Comptabilité) pour "
                "utiliser sa saisonnalité."
            )
        )
        return None
    last = FiscalYear(label_year=fy.label_year - 1, start_month=fy.start_month)
    account = screen.section.lines[line_index].account
    return seasonal(annual, account_profile(actuals, account, last))


def _form(screen: Screen[Any], section: BudgetSection) -> int:
    """Pick a line and spread it; returns the line shown."""
    _ = screen.tr
    chosen = int(
        st.selectbox(
            _("Ligne à répartir"),
            list(range(len(section.lines))),
            format_func=lambda i: (
                f"{section.lines[i].account} {section.lines[i].label} "
                f"{section.lines[i].analytic}".strip()
            ),
            key="budget_phasing_line",
        )
        or 0
    )
    line = section.lines[chosen]
    with st.form("budget_phasing"):
        method = st.radio(
            _("Méthode"),
            [str(p) for p in Phasing],
            format_func=lambda p: _(Phasing(p).label),
            horizontal=True,
            key="budget_phasing_method",
        )
        annual = st.number_input(
            _("Montant annuel (€)"),
            value=round(line.total, 2),
            step=100.0,
            key="budget_phasing_total",
        )
        weights = st.text_input(
            _("Poids des 12 mois (séparés par des ;), pour la méthode personnalisée"),
            value=";".join("1" for _m in range(12)),
            key="budget_phasing_weights",
        )
        apply = st.form_submit_button(_("Appliquer la répartition"))
    if apply:
        phasing = Phasing(method)
        months = _months(screen, chosen, phasing, float(annual), weights)
        if months is not None:
            lines = [
                ln.model_copy(update={"months": months, "phasing": phasing}) if k == chosen else ln
                for k, ln in enumerate(section.lines)
            ]
            save_section(
                screen,
                section.model_copy(update={"lines": lines}),
                _("Répartition mensuelle d'une ligne du budget"),
            )
    return chosen


def show(screen: Screen[Any]) -> None:
    """The spread of one line, its twelve months, and the budget's charges and income by month."""
    _ = screen.tr
    section = screen.section
    if not section.lines:
        st.info(_("Ajoutez d'abord des lignes au budget."))
        return
    fy = budget_year(screen)
    chosen = _form(screen, section)
    widgets.show_view(line_months_view(section.lines[chosen], fy), key="budget_phasing_table")
    totals = monthly_totals_view(monthly_totals(section, fy))
    widgets.chart_with_table(phasing_chart(totals, _), totals, key="budget_phasing")

"""The monthly spread of one line (even, custom weights, last year's seasonality) and the budget's months.

Spreads are made in cents by :mod:`essdiag.budget.phasing`; last year's
actuals come from the cache (:func:`essdiag.budget.model.last_year_actuals`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget import monthly_totals
from essdiag.budget.model import last_year_actuals
from essdiag.budget.phasing import (
    account_profile,
    detect_phasing,
    even,
    parse_weights,
    seasonal,
    weighted,
    weights_of,
)
from essdiag.budget.section import BudgetVersion, Phasing
from essdiag.budget.views import line_months_view, monthly_totals_view
from essdiag.charts.budget import phasing_chart
from essdiag.i18n import Translator
from essdiag.periods import FiscalYear
from essdiag.ui import cache, widgets
from essdiag.ui.budget import budget_year, chosen
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
    version = chosen(screen)
    account = version.lines[line_index].account if version else ""
    return seasonal(annual, account_profile(actuals, account, last))


def weights_text(months: list[float], _: Translator) -> str:
    """The weights a line's months follow, as the weights field reads them (« 1 ; 0,5 ; … »)."""

    def one(weight: float) -> str:
        decimals = f"{weight:.3f}".rstrip("0").partition(".")[2]
        return _.number(weight, len(decimals))

    return _(" ; ").join(one(w) for w in weights_of(months))


def _form(screen: Screen[Any], version: BudgetVersion) -> int:
    """Pick a line and spread it (a draft's); returns the line shown."""
    _ = screen.tr
    lines = version.lines
    index = int(
        st.selectbox(
            _("Ligne à répartir"),
            list(range(len(lines))),
            format_func=lambda i: (
                f"{lines[i].account} {lines[i].label} {lines[i].analytic}".strip()
            ),
            key="budget_phasing_line",
        )
        or 0
    )
    line = lines[index]
    methods = [str(p) for p in Phasing]
    # what the months say (a flat line read from a file is even), last year's seasonality kept
    current = detect_phasing(line.months, line.phasing)
    how = _(current.label).lower()
    if current is Phasing.EVEN:
        st.caption(_("Répartition actuelle de cette ligne : {how}.", how=how))
    else:
        st.caption(
            _(
                "Répartition actuelle de cette ligne : {how}, poids des 12 mois {weights} (le "
                "mois le plus fort vaut 1).",
                how=how,
                weights=weights_text(line.months, _),
            )
        )
    if version.adopted:
        st.info(_("Version adoptée : sa répartition se change dans un budget rectificatif."))
        return index
    with st.form("budget_phasing"):
        method = st.radio(
            _("Méthode"),
            methods,
            index=methods.index(str(current)),
            format_func=lambda p: _(Phasing(p).label),
            horizontal=True,
            key=f"budget_phasing_method_{version.id}_{index}",
        )
        annual = st.number_input(
            _("Montant annuel (€)"),
            value=round(line.total, 2),
            step=100.0,
            key=f"budget_phasing_total_{version.id}_{index}",
        )
        weights = st.text_input(
            _("Poids des 12 mois (séparés par des ;), pour la méthode personnalisée"),
            value=weights_text(line.months, _),  # the line's own: « 1 ; 1 ; 0,5 ; … »
            key=f"budget_phasing_weights_{version.id}_{index}",
            help=_(
                "Le mois le plus fort vaut 1 ; les poids affichés sont ceux des montants actuels "
                "de la ligne."
            ),
        )
        apply = st.form_submit_button(_("Appliquer la répartition"))
    if apply:
        phasing = Phasing(method)
        months = _months(screen, index, phasing, float(annual), weights)
        if months is not None:
            new_lines = [
                ln.model_copy(update={"months": months, "phasing": phasing}) if k == index else ln
                for k, ln in enumerate(lines)
            ]
            save_section(
                screen,
                screen.section.with_version(version.model_copy(update={"lines": new_lines})),
                _("Répartition mensuelle d'une ligne du budget"),
            )
    return index


def show(screen: Screen[Any]) -> None:
    """The spread of one line, its twelve months, and the budget's charges and income by month."""
    _ = screen.tr
    version = chosen(screen)
    if version is None or not version.lines:
        st.info(_("Ajoutez d'abord des lignes au budget."))
        return
    fy = budget_year(screen)
    index = _form(screen, version)
    widgets.show_view(line_months_view(version.lines[index], fy), key="budget_phasing_table")
    totals = monthly_totals_view(monthly_totals(version, fy))
    widgets.chart_with_table(phasing_chart(totals, _), totals, key="budget_phasing")

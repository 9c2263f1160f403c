"""What the imported accounts say for one year: result to date, cash, trial balance, classes.

To check the import against the accounting software: the figures and views
are :func:`essdiag.ledger.views.ledger_overview`'s, kept per revision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from essdiag.charts.variance import cash_chart
from essdiag.i18n import translator
from essdiag.ledger.views import LedgerOverview, ledger_overview
from essdiag.periods import FiscalYear
from essdiag.ui import cache, widgets
from essdiag.ui.screen import Screen

__all__ = ["show", "shown"]


def shown(
    dossier: object,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    label_year: int,
    start_month: int,
    lang: str,
) -> tuple[LedgerOverview, go.Figure]:
    """The year's overview and its cash chart, built once per revision and language."""
    overview = ledger_overview(
        dossier, ledgers=ledgers, label_year=label_year, start_month=start_month, lang=lang
    )
    tr = translator(lang)
    return overview, cash_chart(overview.cash, tr, title=tr(overview.cash.title))


def show(screen: Screen[Any]) -> None:
    """The year, then its result and cash with their working, the cash by month, the balances."""
    _ = screen.tr
    years = screen.section.years()
    if not years:
        st.info(_("Importez un FEC pour voir sa balance, son résultat et sa trésorerie."))
        return
    start = screen.dossier.identity.fiscal_year_start_month
    year = st.selectbox(
        _("Exercice"),
        years,
        index=len(years) - 1,
        format_func=lambda y: FiscalYear(label_year=int(y), start_month=start).title(_),
        key=f"ledger_overview_year_{_.lang}",  # labels change with the language
    )
    view, chart = cache.computed(
        shown,
        screen.opened,
        ledger_years=(int(year),),
        label_year=int(year),
        start_month=start,
        lang=_.lang,
    )
    c1, c2 = st.columns(2)
    with c1:
        widgets.figure_metric(view.result)
    with c2:
        widgets.figure_metric(view.bank)
    widgets.chart_with_table(
        chart,
        view.cash,
        key="ledger_cash",
        caption=_("Soldes des comptes de classe 5 (banques, caisse), à-nouveaux compris."),
    )
    st.markdown(f"**{_(view.classes.title)}**")
    widgets.show_view(view.classes, key="ledger_classes")
    # Drawn on demand: a hundred accounts in four amounts are most of this tab's time.
    if st.toggle(
        _("Balance des comptes ({n} comptes)", n=len(view.trial)), key="ledger_trial_shown"
    ):
        widgets.show_view(
            view.trial,
            key="ledger_trial",
            caption=_("À comparer avec la balance de votre logiciel comptable à la même date."),
        )

"""Where the year will end: the result by the budget and by three landing methods, line by line.

Each result is a figure with its working (the method's formula, its inputs);
below, the landing by the level chosen, then every line with its inputs and,
for the line picked, each method's own working: a learner can redo them by hand.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.landing import Method, line_figures
from essdiag.budget.views import landing_lines_view, landing_view
from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.variance import choices

__all__ = ["show"]


def _one_line(screen: Screen[Any]) -> None:
    """Pick a line: each method's result for it, with its formula and inputs."""
    _ = screen.tr
    report = choices.report(screen)
    lines = report.lines
    if lines.empty:
        return
    names = [f"{r.account} {r.label} {r.analytic}".strip() for r in lines.itertuples(index=False)]
    index = int(
        st.selectbox(
            _("Comment est calculé l'atterrissage d'une ligne ?"),
            list(range(len(names))),
            format_func=lambda i: names[int(i)],
            key="variance_landing_line",
        )
        or 0
    )
    figures = line_figures(lines.iloc[index])
    for col, method in zip(st.columns(3), Method, strict=True):
        with col:  # named after the line: the year's totals above carry the bare method names
            widgets.figure_metric(
                figures[str(method)],
                label=_("{method} — {line}", method=_(method.label), line=names[index]),
            )


def show(screen: Screen[Any]) -> None:
    """Four results with their working, the landing table, the lines, the working of the variances."""
    _ = screen.tr
    report = choices.report(screen)
    year = _.fill(*report.scope.scope_of(report.fiscal_year.month_keys()))
    st.subheader(_("Atterrissage de l'exercice par trois méthodes — {p}", p=year))
    keys = ["budget_year", *(str(m) for m in Method)]
    for col, key in zip(st.columns(len(keys)), keys, strict=True):
        with col:
            widgets.figure_metric(report.results[key])
    widgets.show_view(landing_view(report.landing), key="variance_landing")
    # A toggle, not an expander: a closed expander still builds its table on every rerun.
    shown = st.toggle(
        _("Atterrissage ligne par ligne ({n} lignes)", n=len(report.lines)),
        key="variance_landing_lines_shown",
    )
    if shown:
        widgets.show_view(
            landing_lines_view(report.lines),
            key="variance_landing_lines",
            caption=_(
                "k = mois écoulés ; une ligne sans réalisé encore, prévue plus tard dans "
                "l'année (dotations, produits financiers de fin d'année), est projetée à son "
                "budget restant par les trois méthodes."
            ),
        )
        _one_line(screen)
    widgets.explain(report.flagged)

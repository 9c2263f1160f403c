"""What the check is about: the empty states, then the version, scope, month, period and level.

:func:`report` is the variance report for the choices made, computed once per
(revision, choices) by :func:`essdiag.ui.cache.computed`.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.analysis import (
    Scope,
    ScopeKind,
    VarianceReport,
    budget_fiscal_year,
    dossier_report,
    dossier_through,
    version_fiscal_year,
)
from essdiag.budget.variance import Level, PeriodChoice
from essdiag.periods import FiscalYear, month_title
from essdiag.ui import cache
from essdiag.ui.screen import Screen

__all__ = ["THROUGH", "VERSION", "fiscal_year", "report", "show"]

THROUGH, PERIOD, LEVEL = "variance_through", "variance_period", "variance_level"
VERSION, SCOPE = "variance_version", "variance_scope"


def fiscal_year(screen: Screen[Any]) -> FiscalYear:
    """The fiscal year of the version chosen (:func:`show` has stopped when there is none)."""
    fy = version_fiscal_year(screen.section, str(st.session_state.get(VERSION) or ""))
    assert fy is not None
    return fy


def _version(screen: Screen[Any]) -> None:
    """The budget version the actuals are compared with (the last adopted by default)."""
    _ = screen.tr
    section = screen.section
    years = set(screen.dossier.ledger.years())
    versions = [v for v in section.versions if v.lines and v.fiscal_year in years]
    if len(versions) < 2:
        st.session_state[VERSION] = versions[0].id if versions else ""
        return
    versions.sort(key=lambda v: (v.fiscal_year or 0, v.number))
    reference = section.reference()
    ids = [v.id for v in versions]
    names = {
        v.id: _.fill(v.name, v.name_params)
        + (" — " + _(v.status.label).lower())
        + (" " + _("(par défaut)") if reference and v.id == reference.id else "")
        for v in versions
    }
    st.selectbox(
        _("Budget comparé au réalisé"),
        ids,
        index=ids.index(reference.id) if reference and reference.id in ids else len(ids) - 1,
        format_func=lambda i: names[str(i)],
        key=VERSION,
        help=_("Par défaut la dernière version adoptée par le conseil."),
    )


def _scope(screen: Screen[Any]) -> None:
    """Whole organisation, one action (analytic code) or a funder's actions."""
    _ = screen.tr
    fy = fiscal_year(screen)
    found = screen.section.version(str(st.session_state.get(VERSION) or ""))
    lines = found.lines if found else screen.section.lines_for(fy.label_year)
    codes = sorted({ln.analytic for ln in lines if ln.analytic})
    funders = sorted({ln.funder for ln in lines if ln.funder})
    options = [
        "",
        *(Scope(ScopeKind.ACTION, c).key for c in codes),
        *(Scope(ScopeKind.FUNDER, f).key for f in funders),
    ]

    def shown(key: str) -> str:
        scope = Scope.parse(key)
        if scope.kind is ScopeKind.ACTION:
            return _("Action {code}", code=scope.name)
        if scope.kind is ScopeKind.FUNDER:
            return _("Actions financées par {name}", name=scope.name)
        return _("Toute la structure")

    st.selectbox(
        _("Périmètre"),
        options,
        format_func=shown,
        key=SCOPE,
        help=_("Une action (code analytique), ou les actions qu'un financeur soutient."),
    )


def show(screen: Screen[Any]) -> None:
    """Say what is missing (a budget, this year's actuals) and stop; else draw the pickers."""
    _ = screen.tr
    if budget_fiscal_year(screen.section) is None:
        st.info(_("Aucun budget dans ce dossier : construisez-le ou importez-le (page Budget)."))
        st.page_link("pages/budget.py", label=_("Aller au budget"))
        st.stop()
        return
    _version(screen)
    fy = fiscal_year(screen)
    if not screen.dossier.ledger.for_year(fy.label_year):
        st.info(
            _(
                "Aucun réalisé importé pour l'exercice {y} : importez le FEC (page Comptabilité).",
                y=fy.label_year,
            )
        )
        st.page_link("pages/ledger.py", label=_("Importer le réalisé"))
        st.stop()
        return
    months = fy.month_keys()
    version = str(st.session_state.get(VERSION) or "")
    last = cache.computed(
        dossier_through, screen.opened, ledger_years=(fy.label_year,), version=version
    )
    if st.session_state.get(THROUGH) not in months:
        st.session_state.pop(THROUGH, None)
    periods = [str(p) for p in PeriodChoice]
    levels = [str(v) for v in Level]
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        _scope(screen)
    c2.selectbox(
        _("Réalisé arrêté à fin"),
        months,
        index=months.index(last),
        format_func=lambda m: month_title(str(m), _),
        key=THROUGH,
        help=_("Dernier mois dont les écritures sont complètes."),
    )
    c3.selectbox(
        _("Période"),
        periods,
        index=periods.index(PeriodChoice.YTD),
        format_func=lambda p: _(PeriodChoice(p).label),
        key=PERIOD,
    )
    c4.selectbox(
        _("Niveau"),
        levels,
        index=levels.index(Level.ACCOUNT),  # where the lines to explain show up
        format_func=lambda v: _(Level(v).label),
        key=LEVEL,
    )


def report(screen: Screen[Any]) -> VarianceReport:
    """The variance report for the choices made (cached per revision)."""
    fy = fiscal_year(screen)
    _ = screen.tr
    with st.spinner(_("Calcul des écarts…")):
        return cache.computed(
            dossier_report,
            screen.opened,
            ledger_years=(fy.label_year, fy.label_year - 1),
            through=str(st.session_state[THROUGH]),
            period=str(st.session_state[PERIOD]),
            level=str(st.session_state[LEVEL]),
            version=str(st.session_state.get(VERSION) or ""),
            scope=str(st.session_state.get(SCOPE) or ""),
        )

"""The financial health tab: FRNG, BFR, net cash, equity ratio, CAF and days of cash.

Read from the imported ledgers (handed in by :mod:`essdiag.ui.cache`) or
from the balance sheets entered below (:func:`essdiag.finance.health.health_history`).
"""

from __future__ import annotations

import streamlit as st

from essdiag.finance.health import HealthHistory, health_history, ledger_years
from essdiag.funding.section import FundingSection
from essdiag.funding.table import (
    accounts_table,
    register_table,
    schedule_table,
    section_from_tables,
)
from essdiag.ui import cache, widgets
from essdiag.ui.funding import located
from essdiag.ui.screen import Screen, save_section

__all__ = ["history_of", "show"]


def history_of(screen: Screen[FundingSection]) -> HealthHistory:
    """Every year's balance sheet of the open revision (imported ledgers, hand-entered sheets)."""
    return cache.computed(
        health_history, screen.opened, ledger_years=ledger_years(screen.dossier.ledger)
    )


def show(screen: Screen[FundingSection]) -> None:
    """The latest year's figures, every year's table, and the form of hand-entered balance sheets."""
    _ = screen.tr
    st.write(
        _(
            "Fonds de roulement, besoin en fonds de roulement, trésorerie nette, autonomie "
            "financière, capacité d'autofinancement et jours de charges couverts : calculés sur "
            "la balance des comptes importés (écran Comptabilité) ou sur les bilans saisis "
            "ci-dessous."
        )
    )
    history = history_of(screen)
    for issue in history.issues:
        st.warning(widgets.issue_text(issue))
    last = history.last
    if last is None:
        st.info(
            _(
                "Ni comptabilité importée ni bilan saisi : importez un FEC (écran Comptabilité) ou "
                "saisissez les grandes masses du bilan ci-dessous."
            )
        )
    else:
        period = history.periods.get(last)
        if last in history.from_ledger and period is not None:
            source = _(
                "Exercice {year}, d'après la balance des comptes importés, au {date} (dernière "
                "écriture).",
                year=last,
                date=_.date(period.end, "short"),
            )
        else:
            source = _("Exercice {year}, d'après le bilan saisi.", year=last)
        st.caption(source)
        if period is not None and period.partial:
            st.info(
                _(
                    "Exercice en cours : les fonds propres comprennent le résultat à date ; la CAF "
                    "porte sur {days} jours et n'est pas annualisée ; les jours de charges couverts "
                    "divisent les charges de ces {days} jours par {days}.",
                    days=period.days,
                )
            )
        figures = history.figures(last)
        cols = st.columns(3)
        for i, fig in enumerate(figures.values()):
            with cols[i % 3]:
                widgets.figure_metric(fig)
        widgets.show_view(history.view(), key="funding_health_history")
    _accounts_form(screen, expanded=last is None)


def _accounts_form(screen: Screen[FundingSection], *, expanded: bool) -> None:
    """The hand-entered balance sheets, one row per year, saved with the register."""
    _ = screen.tr
    section = screen.section
    with (
        st.expander(_("Saisir ou corriger les bilans"), expanded=expanded),
        st.form("funding_accounts_form"),
    ):
        accounts = st.data_editor(
            accounts_table(section),
            num_rows="dynamic",
            hide_index=True,
            key="funding_accounts_editor",
            column_config={
                "year": st.column_config.NumberColumn(
                    _("Exercice"), min_value=1990, max_value=2100, step=1
                ),
                # Amounts that may be negative (equity, result, net disposals)…
                **{
                    key: st.column_config.NumberColumn(label, format="localized")
                    for key, label in {
                        "equity": _("Fonds propres"),
                        "result": _("Résultat"),
                        "disposals_net": _("Cessions (675 − 775)"),
                    }.items()
                },
                # …and those that may not.
                **{
                    key: st.column_config.NumberColumn(label, min_value=0.0, format="localized")
                    for key, label in {
                        "dedicated_funds": _("Fonds dédiés"),
                        "provisions": _("Provisions"),
                        "long_term_debt": _("Emprunts"),
                        "fixed_assets_net": _("Immobilisations nettes"),
                        "current_assets": _("Stocks et créances"),
                        "current_liabilities": _("Dettes d'exploitation"),
                        "cash": _("Disponibilités"),
                        "overdraft": _("Découverts"),
                        "depreciation": _("Dotations"),
                        "reversals": _("Reprises"),
                        "cash_charges": _("Charges décaissables"),
                    }.items()
                },
            },
        )
        if st.form_submit_button(_("Enregistrer les bilans")):
            rebuilt, issues = section_from_tables(
                section,
                register_table(section, section.years()),
                schedule_table(section),
                accounts,
            )
            if rebuilt is None:
                widgets.show_issues(
                    located(issues, _), title=_("Rien n'a été enregistré : corrigez ces points.")
                )
            else:
                save_section(screen, rebuilt, _("Bilans saisis mis à jour"))

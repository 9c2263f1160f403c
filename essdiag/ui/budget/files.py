"""The budget as the documented template (XLSX out, XLSX or CSV in), or made from last year's actuals."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.model import budget_from_last_year
from essdiag.budget.template import read_budget, write_budget_xlsx
from essdiag.ui import cache, widgets
from essdiag.ui.budget import budget_year
from essdiag.ui.screen import Screen, save_section

__all__ = ["XLSX_MIME", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _template(screen: Screen[Any]) -> None:
    """Download the budget in the template; upload a filled template to replace the budget."""
    _ = screen.tr
    fy = budget_year(screen)
    st.markdown(
        _(
            "**Modèle** : feuille « Budget », en-tête `Compte | Libellé | Rubrique | Code "
            "analytique | Financeur | Janvier … Décembre | Total`, montants en euros positifs."
        )
    )
    st.download_button(
        _("Télécharger le budget (XLSX, au format du modèle)"),
        data=write_budget_xlsx(screen.section, fy),
        file_name=f"budget_{fy.label_year}.xlsx",
        mime=XLSX_MIME,
        key="budget_download",
    )
    upload = st.file_uploader(
        _("Importer un budget (XLSX ou CSV au format du modèle)"),
        type=["xlsx", "csv"],
        key="budget_upload",
    )
    if upload is None:
        return
    read, issues = read_budget(upload.getvalue(), file=upload.name, fiscal_year=fy)
    widgets.show_issues(issues)
    if read is None:
        return
    st.write(_("{n} ligne(s) lue(s).", n=len(read.lines)))
    if st.button(_("Remplacer le budget par ce fichier"), key="budget_upload_apply"):
        save_section(
            screen,
            screen.section.model_copy(
                update={
                    "lines": read.lines,
                    "fiscal_year": fy.label_year,
                    "start_month": fy.start_month,
                }
            ),
            _("Import du budget « {f} »", f=upload.name),
        )


def _from_last_year(screen: Screen[Any]) -> None:
    """A first budget: last year's actual of each account × (1 + growth), with its seasonality."""
    _ = screen.tr
    fy = budget_year(screen)
    st.markdown(_("**Partir du réalisé de l'exercice précédent**"))
    growth = st.number_input(
        _("Évolution appliquée à chaque ligne (%)"),
        value=2.0,
        step=0.5,
        key="budget_growth",
    )
    if not st.button(_("Créer le budget depuis le réalisé N−1"), key="budget_from_actuals"):
        return
    made = cache.computed(
        budget_from_last_year,
        screen.opened,
        ledger_years=(fy.label_year - 1,),
        label_year=fy.label_year,
        start_month=fy.start_month,
        growth=float(growth) / 100,
    )
    if made is None:
        st.error(
            _(
                "Aucun FEC de l'exercice {y} n'est importé (page Comptabilité).",
                y=fy.label_year - 1,
            )
        )
        return
    save_section(
        screen,
        screen.section.model_copy(
            update={
                "lines": made.lines,
                "fiscal_year": fy.label_year,
                "start_month": fy.start_month,
            }
        ),
        _("Budget créé depuis le réalisé N−1"),
    )


def show(screen: Screen[Any]) -> None:
    """The template out and in, then the budget made from last year's actuals."""
    _template(screen)
    st.divider()
    _from_last_year(screen)

"""Budget — the forecast budget: lines, monthly phasing, balance check, import/export."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from essdiag.budget import BudgetSection, monthly_totals
from essdiag.budget.checks import balance_check, totals_by_heading
from essdiag.budget.model import budget_from_actuals
from essdiag.budget.template import (
    budget_table,
    lines_from_table,
    read_budget,
    write_budget_xlsx,
)
from essdiag.charts.budget import heading_bars, phasing_chart
from essdiag.figures import Figure, Input
from essdiag.ledger import monthly_activity
from essdiag.periods import FiscalYear
from essdiag.ui import budget as ui_budget
from essdiag.ui import state, widgets
from essdiag.ui.ledger import dossier_ledger

_ = state.tr()
widgets.page_header(
    _("Budget prévisionnel"),
    ["BC02.C6"],
    _(
        "Construire le budget de l'exercice au format du CERFA 12156 (charges 60 à 68, produits "
        "70 à 78, subventions 74 par financeur, contributions en nature 86/87), le répartir par "
        "mois et vérifier qu'il est équilibré."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
section = opened.dossier.budget
start_month = (
    section.start_month if section.lines else opened.dossier.identity.fiscal_year_start_month
)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

flash = st.session_state.pop("budget_flash", None)
if flash:
    st.success(flash)

default_year = section.fiscal_year or datetime.now(tz=ZoneInfo("Europe/Paris")).year
label_year = int(
    st.number_input(
        _("Exercice budgété (année de clôture)"),
        min_value=2000,
        max_value=2100,
        value=default_year,
        step=1,
        key="budget_year",
        disabled=bool(section.lines),
        help=_("Un exercice est désigné par l'année où il se termine."),
    )
)
fy = FiscalYear(label_year=label_year, start_month=start_month)


def save(new: BudgetSection, message: str, note: str) -> None:
    """Save the budget section as a new revision (or show the conflict banner)."""
    if state.save_current(opened.dossier.model_copy(update={"budget": new}), message):
        st.session_state["budget_flash"] = note
    st.rerun()


def last_year_actuals() -> pd.DataFrame | None:
    """Last year's actuals by account and month, when its ledger is imported."""
    last = FiscalYear(label_year=label_year - 1, start_month=start_month)
    if not opened.dossier.ledger.for_year(last.label_year):
        return None
    return monthly_activity(
        dossier_ledger(opened.dossier.ledger, last.label_year), last.start, last.end
    )


if section.lines:
    head = balance_check(section)
    h1, h2, h3 = st.columns(3)
    h1.metric(_("Total des charges (6 + 86)"), _.money(head.charges + head.in_kind_uses, 0))
    h2.metric(_("Total des produits (7 + 87)"), _.money(head.income + head.in_kind_sources, 0))
    h3.metric(_("Écart (produits − charges)"), _.money(head.gap, 0))
else:
    st.info(
        _(
            "Aucun budget pour l'instant. Importez votre budget au format du modèle, ou partez "
            "du réalisé de l'exercice précédent avec un taux d'évolution."
        )
    )

tab_lines, tab_phasing, tab_balance, tab_io = st.tabs(
    [_("Lignes du budget"), _("Répartition mensuelle"), _("Équilibre"), _("Import / export")]
)

with tab_lines:
    table = budget_table(section, fy)
    month_cols = list(table.columns[5:-1])
    with st.form("budget_editor"):
        edited = st.data_editor(
            table,
            num_rows="dynamic",
            hide_index=True,
            height=520,
            key="budget_lines_editor",
            disabled=["Total"],
            column_config={
                "Compte": st.column_config.TextColumn(
                    _("Compte"), help=_("Compte ou rubrique : 6063, 64, 741…"), required=True
                ),
                "Financeur": st.column_config.TextColumn(
                    _("Financeur"), help=_("Pour les subventions (74)")
                ),
                **{
                    m: st.column_config.NumberColumn(m, format="localized", step=0.01)
                    for m in month_cols
                },
                "Total": st.column_config.NumberColumn(_("Total"), format="localized"),
            },
        )
        submitted = st.form_submit_button(_("Enregistrer le budget"))
    if submitted:
        lines, problems = lines_from_table(edited)
        if problems:
            widgets.show_issues(problems)
        else:
            save(
                section.model_copy(
                    update={
                        "lines": lines,
                        "fiscal_year": label_year,
                        "start_month": start_month,
                    }
                ),
                _("Modification du budget"),
                _("Budget enregistré ({n} lignes).", n=len(lines)),
            )

with tab_phasing:
    if not section.lines:
        st.info(_("Ajoutez d'abord des lignes au budget."))
    else:
        chosen, line = ui_budget.phasing_form(
            section,
            last_year=FiscalYear(label_year=label_year - 1, start_month=start_month),
            last_year_actuals=last_year_actuals,
            on_save=lambda i, months, method: save(
                section.model_copy(
                    update={
                        "lines": [
                            ln.model_copy(update={"months": months, "phasing": method})
                            if k == i
                            else ln
                            for k, ln in enumerate(section.lines)
                        ]
                    }
                ),
                _("Répartition mensuelle d'une ligne du budget"),
                _("Répartition appliquée à la ligne {a}.", a=section.lines[i].account),
            ),
        )
        st.dataframe(
            pd.DataFrame(
                {
                    _("Mois"): [ui_budget.month_name(k, _) for k in fy.month_keys()],
                    _("Montant"): ui_budget.money_text(line.months, _),
                }
            ),
            hide_index=True,
            key="budget_phasing_table",
        )
        totals = monthly_totals(section, fy)
        widgets.chart_with_table(
            phasing_chart(totals, _),
            pd.DataFrame(
                {
                    _("Mois"): totals["month"],
                    _("Charges"): ui_budget.money_text(totals["charges"], _),
                    _("Produits"): ui_budget.money_text(totals["income"], _),
                }
            ),
            key="budget_phasing",
        )

with tab_balance:
    balance = balance_check(section)
    c1, c2, c3 = st.columns(3)
    c1.metric(_("Total des charges (6 + 86)"), _.money(balance.charges + balance.in_kind_uses))
    c2.metric(_("Total des produits (7 + 87)"), _.money(balance.income + balance.in_kind_sources))
    c3.metric(_("Écart (produits − charges)"), _.money(balance.gap))
    if section.lines and balance.balanced:
        st.success(_("Le budget est équilibré."))
    elif section.lines:
        gap_text = _.money(abs(balance.gap))
        st.warning(
            _("Le budget n'est pas équilibré : il manque {gap} de produits.", gap=gap_text)
            if balance.gap < 0
            else _(
                "Le budget n'est pas équilibré : les produits dépassent les charges de {gap}.",
                gap=gap_text,
            )
        )
    widgets.explain(
        Figure.of(
            _("Écart du budget"),
            balance.gap,
            "EUR",
            _("(produits 70–79 + contributions 87) − (charges 60–69 + emplois 86)"),
            [
                Input.of(_("Produits"), balance.income, "EUR"),
                Input.of(_("Contributions volontaires (87)"), balance.in_kind_sources, "EUR"),
                Input.of(_("Charges"), balance.charges, "EUR"),
                Input.of(_("Emplois des contributions (86)"), balance.in_kind_uses, "EUR"),
            ],
            references=(_("CERFA 12156 : un budget prévisionnel est présenté en équilibre."),),
        )
    )
    by_heading = totals_by_heading(section)
    if not by_heading.empty:
        widgets.chart_with_table(
            heading_bars(by_heading, _),
            pd.DataFrame(
                {
                    _("Rubrique"): by_heading["heading"],
                    _("Intitulé"): [_(str(x)) for x in by_heading["label"]],
                    _("Montant"): ui_budget.money_text(by_heading["amount"], _),
                }
            ),
            key="budget_headings",
        )

with tab_io:
    st.markdown(
        _(
            "**Modèle** : feuille « Budget », en-tête `Compte | Libellé | Rubrique | Code "
            "analytique | Financeur | Janvier … Décembre | Total`, montants en euros positifs."
        )
    )
    st.download_button(
        _("Télécharger le budget (XLSX, au format du modèle)"),
        data=write_budget_xlsx(section, fy),
        file_name=f"budget_{label_year}.xlsx",
        mime=XLSX_MIME,
        key="budget_download",
    )
    upload = st.file_uploader(
        _("Importer un budget (XLSX ou CSV au format du modèle)"),
        type=["xlsx", "csv"],
        key="budget_upload",
    )
    if upload is not None:
        read, issues = read_budget(upload.getvalue(), file=upload.name, fiscal_year=fy)
        widgets.show_issues(issues)
        if read is not None:
            st.write(_("{n} ligne(s) lue(s).", n=len(read.lines)))
            if st.button(_("Remplacer le budget par ce fichier"), key="budget_upload_apply"):
                save(
                    section.model_copy(
                        update={
                            "lines": read.lines,
                            "fiscal_year": label_year,
                            "start_month": start_month,
                        }
                    ),
                    _("Import du budget « {f} »", f=upload.name),
                    _("Budget importé ({n} lignes).", n=len(read.lines)),
                )
    st.divider()
    st.markdown(_("**Partir du réalisé de l'exercice précédent**"))
    growth = st.number_input(
        _("Évolution appliquée à chaque ligne (%)"),
        value=2.0,
        step=0.5,
        key="budget_growth",
    )
    if st.button(_("Créer le budget depuis le réalisé N−1"), key="budget_from_actuals"):
        actuals = last_year_actuals()
        if actuals is None:
            st.error(
                _(
                    "Aucun FEC de l'exercice {y} n'est importé (page Comptabilité).",
                    y=label_year - 1,
                )
            )
        else:
            ledger = dossier_ledger(opened.dossier.ledger, label_year - 1)
            labels: dict[str, Any] = (
                ledger.drop_duplicates("account").set_index("account")["account_label"].to_dict()
            )
            made = budget_from_actuals(
                actuals,
                FiscalYear(label_year=label_year - 1, start_month=start_month),
                growth=float(growth) / 100,
                labels={str(k): str(v) for k, v in labels.items()},
            )
            save(
                section.model_copy(
                    update={
                        "lines": made.lines,
                        "fiscal_year": label_year,
                        "start_month": start_month,
                    }
                ),
                _("Budget créé depuis le réalisé N−1"),
                _(
                    "Budget créé : {n} lignes, réalisé N−1 + {g} %.",
                    n=len(made.lines),
                    g=_.number(growth, 1),
                ),
            )

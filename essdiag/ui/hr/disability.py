"""« Handicap » tab: the disability employment obligation (OETH), step by step, and its inputs.

The beneficiaries come from the register's ``rqth`` column; purchases from the
sheltered and adapted sector, partnership expenses and beneficiaries outside
the register are typed here and saved in the HR section.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.hr.section import HRSection, OethInputs, ShelteredKind
from essdiag.ui import widgets
from essdiag.ui.hr import data, layout
from essdiag.ui.screen import Screen, save_section
from essdiag.validation import validate_as

__all__ = ["show"]

STEPS = (
    "headcount",
    "obligation",
    "beneficiaries",
    "missing",
    "gross",
    "subcontracting",
    "expenses",
    "due",
)


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """The eight steps of the declaration, the beneficiaries, then the form of the inputs."""
    _ = screen.tr
    if found is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    rep = found.report
    st.caption(
        _(
            "Obligation d'emploi des travailleurs handicapés, au titre de l'année qui se termine le "
            "{end} (déclaration dans la DSN). Les bénéficiaires de 50 ans et plus comptent 1,5.",
            end=_.date(rep.period_end),
        )
    )
    layout.metrics([rep.oeth.figures[k] for k in STEPS], per_row=4)
    widgets.show_view(rep.beneficiaries, key="hr_oeth_beneficiaries")
    _inputs_form(screen)


def _inputs_form(screen: Screen[HRSection]) -> None:
    _ = screen.tr
    st.subheader(_("Achats au secteur protégé et adapté, partenariats"))
    current = screen.section.oeth
    rows = pd.DataFrame(
        [p.model_dump(mode="json") for p in current.purchases],
        columns=["supplier", "kind", "amount_excl_tax", "labour_cost"],
    )
    with st.form("hr_oeth_form"):
        edited = st.data_editor(
            rows,
            num_rows="dynamic",
            key="hr_oeth_purchases",
            column_config={
                "supplier": st.column_config.TextColumn(
                    _("Fournisseur"), required=True, width="medium"
                ),
                "kind": st.column_config.SelectboxColumn(
                    _("Type"),
                    options=[k.value for k in ShelteredKind],
                    required=True,
                    width="medium",
                    format_func=lambda v: _(ShelteredKind(str(v)).label),
                ),
                "amount_excl_tax": st.column_config.NumberColumn(_("Montant HT (€)"), min_value=0),
                "labour_cost": st.column_config.NumberColumn(
                    _("Coût de main-d'œuvre attesté (€)"),
                    min_value=0,
                    help=_("Montant figurant sur l'attestation annuelle du fournisseur."),
                ),
            },
        )
        c1, c2 = st.columns(2)
        expenses = c1.number_input(
            _("Dépenses de partenariat déductibles (€)"),
            min_value=0.0,
            value=float(current.partnership_expenses),
            step=100.0,
            format="%g",
            key="hr_oeth_expenses",
        )
        others = c2.number_input(
            _("Bénéficiaires hors registre (intérim, stages), en unités"),
            min_value=0.0,
            value=float(current.other_beneficiaries),
            step=0.5,
            format="%g",
            key="hr_oeth_others",
        )
        none = st.checkbox(
            _("Aucun bénéficiaire, aucun achat ni accord depuis plus de trois ans"),
            value=current.no_action_three_years,
            key="hr_oeth_none",
        )
        go = st.form_submit_button(_("Enregistrer"), type="primary")
    if not go:
        return
    typed = {
        "purchases": edited.dropna(how="all").to_dict("records"),
        "partnership_expenses": expenses,
        "other_beneficiaries": others,
        "no_action_three_years": none,
    }
    new, issues = validate_as(OethInputs, typed, prefix=("hr", "oeth"))
    if new is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        return
    save_section(
        screen, screen.section.model_copy(update={"oeth": new}), _("OETH : achats et déductions")
    )

"""The register tab: one row per resource, its amounts by year, and the payment schedules.

Both tables are edited in one form and read back by
:func:`essdiag.funding.table.section_from_tables`, which validates everything
and locates each problem by table, line and column; nothing is saved until
all is right.
"""

from __future__ import annotations

import streamlit as st

from essdiag.funding.schedule import agreement_issues
from essdiag.funding.section import FunderType, FundingSection, InstalmentKind, Purpose
from essdiag.funding.table import register_table, schedule_table, section_from_tables
from essdiag.ui import widgets
from essdiag.ui.funding import located
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def show(screen: Screen[FundingSection]) -> None:
    """The register form, with the agreements to renew above it."""
    _ = screen.tr
    section = screen.section
    st.write(
        _(
            "Une ligne par ressource : montant par exercice, nature de la ressource "
            "(fonctionnement ou investissement), affectation, dates de convention et conditions. L'échéancier dit "
            "quand l'argent arrive : avance, acomptes, solde après le compte rendu final "
            "(décalage d'un an pour un solde versé l'année suivante)."
        )
    )
    if not section.sources:
        st.info(
            _(
                "Le registre est vide : ajoutez vos financeurs ligne par ligne (bouton + en bas "
                "du tableau), puis enregistrez."
            )
        )
    for note in agreement_issues(section.sources):
        st.warning(widgets.issue_text(note, where=False))
    year = screen.today.year
    table_years = sorted(set(section.years()) | {year - 1, year, year + 1})
    with st.form("funding_register_form"):
        register = st.data_editor(
            register_table(section, table_years),
            num_rows="dynamic",
            hide_index=True,
            key="funding_register_editor",
            column_config={
                "id": st.column_config.TextColumn(_("Identifiant"), required=True),
                "name": st.column_config.TextColumn(_("Ressource"), required=True, width="medium"),
                "funder": st.column_config.TextColumn(_("Financeur"), width="medium"),
                "funder_type": st.column_config.SelectboxColumn(
                    _("Type de financeur"),
                    options=[t.value for t in FunderType],
                    format_func=lambda t: _(FunderType(str(t)).label),
                    required=True,
                ),
                "purpose": st.column_config.SelectboxColumn(
                    _("Nature de la ressource"),
                    options=[p.value for p in Purpose],
                    format_func=lambda p: _(Purpose(str(p)).label),
                ),
                "earmarked": st.column_config.CheckboxColumn(_("Affecté")),
                "account": st.column_config.TextColumn(_("Compte")),
                "agreement_start": st.column_config.DateColumn(_("Début de convention")),
                "agreement_end": st.column_config.DateColumn(_("Fin de convention")),
                "conditions": st.column_config.TextColumn(_("Conditions"), width="large"),
                **{
                    f"y{y}": st.column_config.NumberColumn(
                        _("Montant {year} (€)", year=y),
                        min_value=0.0,
                        max_value=1e12,
                        format="localized",
                    )
                    for y in table_years
                },
            },
        )
        st.markdown(_("**Échéanciers de versement**"))
        schedule = st.data_editor(
            schedule_table(section),
            num_rows="dynamic",
            hide_index=True,
            key="funding_schedule_editor",
            column_config={
                "source_id": st.column_config.TextColumn(_("Identifiant de la ressource")),
                "kind": st.column_config.SelectboxColumn(
                    _("Type de versement"),
                    options=[k.value for k in InstalmentKind],
                    format_func=lambda k: _(InstalmentKind(str(k)).label),
                ),
                "share_pct": st.column_config.NumberColumn(
                    _("Part du montant annuel (%)"),
                    min_value=0.0,
                    max_value=100.0,
                    format="localized",
                ),
                "month": st.column_config.NumberColumn(
                    _("Mois de versement (1 à 12)"), min_value=1, max_value=12, step=1
                ),
                "year_offset": st.column_config.NumberColumn(
                    _("Décalage en années"),
                    min_value=0,
                    max_value=3,
                    step=1,
                    help=_("0 : versé l'année de la subvention ; 1 : l'année suivante…"),
                ),
            },
        )
        message = st.text_input(
            _("Message de version"),
            value=_("Registre des financements mis à jour"),
            key="funding_message",
        )
        submitted = st.form_submit_button(_("Enregistrer le registre"), type="primary")
    if submitted:
        rebuilt, issues = section_from_tables(section, register, schedule)
        if rebuilt is None:
            widgets.show_issues(
                located(issues, _), title=_("Rien n'a été enregistré : corrigez ces points.")
            )
        else:
            save_section(screen, rebuilt, message)

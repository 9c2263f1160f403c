"""The « Structure » tab: status, governance bodies and how they work, activities, skills, economic model."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.figures import Figure, View
from essdiag.funding.mix import concentration_figures, mix_figures
from essdiag.ui import cache, widgets
from essdiag.ui.diagnosis import save, updated
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.watch.diagnosis import (
    activities_view,
    economic_model,
    editor_rows,
    governance_figures,
    governance_view,
    skills_view,
)
from essdiag.watch.section import Diagnosis, WatchSection

__all__ = ["show"]


def show(screen: Screen[WatchSection]) -> None:
    """The analysis of the organisation, each table editable, each figure with its working."""
    _ = screen.tr
    d = screen.section.diagnosis
    st.subheader(_("Gouvernance"))
    figs, bodies, activities, skills = kept(screen, "diagnosis_structure", lambda: _tables(d))
    for col, key in zip(st.columns(3), ("meetings", "attendance", "renewal"), strict=True):
        with col:
            widgets.figure_metric(figs[key])
    if d.bodies:
        widgets.show_view(bodies, key="diagnosis_bodies")
    _editor(
        screen,
        "bodies",
        _("Modifier les instances"),
        [b.model_dump(mode="json") for b in d.bodies],
        [
            "name",
            "members",
            "meetings_planned",
            "meetings_held",
            "attendance",
            "renewed",
            "elected",
            "women",
            "notes",
        ],
    )
    st.subheader(_("Activités et compétences"))
    if d.activities:
        widgets.show_view(activities, key="diagnosis_activities")
    _editor(
        screen,
        "activities",
        _("Modifier les activités"),
        [a.model_dump(mode="json") for a in d.activities],
        ["name", "description", "fte", "social_utility"],
    )
    if d.skills:
        widgets.show_view(skills, key="diagnosis_skills")
    _editor(
        screen,
        "skills",
        _("Modifier les compétences"),
        [s.model_dump(mode="json") for s in d.skills],
        ["name", "holders", "critical"],
    )
    st.subheader(_("Modèle économique"))
    _economic(screen)
    with st.form("diagnosis_notes_form"):
        status = st.text_area(
            _("Statut et statuts : ce qu'ils permettent et imposent"),
            value=d.status_notes,
            key="diagnosis_status",
        )
        economic = st.text_area(
            _("Lecture du modèle économique"), value=d.economic_notes, key="diagnosis_economic"
        )
        if st.form_submit_button(_("Enregistrer l'analyse")):
            diag = {
                **d.model_dump(mode="json"),
                "status_notes": status.strip(),
                "economic_notes": economic.strip(),
            }
            save(screen, updated(screen, diagnosis=diag), _("Analyse de la structure enregistrée"))


def _tables(d: Diagnosis) -> tuple[dict[str, Figure], View, View, View]:
    """Governance figures, and the views of the bodies, the activities and the skills."""
    return governance_figures(d), governance_view(d.bodies), activities_view(d), skills_view(d)


def _editor(
    screen: Screen[WatchSection],
    field: str,
    label: str,
    rows: list[dict[str, Any]],
    columns: list[str],
) -> None:
    """An editable table of one list of the diagnosis, saved whole after validation."""
    _ = screen.tr
    with st.expander(label):
        edited = st.data_editor(
            [{c: r.get(c) for c in columns} for r in rows] or [dict.fromkeys(columns)],
            num_rows="dynamic",
            key=f"diagnosis_edit_{field}",
            hide_index=True,
        )
        if st.button(_("Enregistrer"), key=f"diagnosis_edit_{field}_go"):
            kept = editor_rows(edited if isinstance(edited, list) else edited.to_dict("records"))
            diag = {**screen.section.diagnosis.model_dump(mode="json"), field: kept}
            save(screen, updated(screen, diagnosis=diag), label)


def _economic(screen: Screen[WatchSection]) -> None:
    """The economic model from the accounts (when imported) and the funding mix of the register."""
    _ = screen.tr
    years = sorted({i.fiscal_year for i in screen.dossier.ledger.imports if i.fiscal_year})
    closed = [y for y in years if y < screen.today.year]  # the year in progress is not closed yet
    year: int | None = None
    if years:
        chosen = int(
            st.selectbox(
                _("Exercice des comptes"),
                years,
                index=years.index(closed[-1]) if closed else len(years) - 1,
                key="diagnosis_year",
                help=_("Un exercice en cours ne compte que les mois déjà saisis."),
            )
        )
        year = chosen
        model = kept(
            screen,
            "diagnosis_economic_model",
            lambda: cache.computed(
                economic_model, screen.opened, ledger_years=(chosen,), year=chosen
            ),
            year=chosen,
        )
        for col, key in zip(st.columns(3), ("own_activity", "grants", "staff"), strict=True):
            with col:
                widgets.figure_metric(model.figures[key])
        widgets.show_view(model.view, key="diagnosis_economic_model")
    else:
        st.info(
            _(
                "Aucune comptabilité importée : le modèle économique se lit ici sur le registre des financements."
            )
        )
    register_years = screen.dossier.funding.years()
    if not register_years:
        return
    year = year if year in register_years else register_years[-1]
    sources = screen.dossier.funding.sources
    figs = kept(
        screen,
        "diagnosis_mix",
        lambda: {**mix_figures(sources, year), **concentration_figures(sources, year)},
        year=year,
    )
    st.markdown(_("**Mix des financements {year}** (registre des financements)", year=year))
    for col, key in zip(st.columns(4), ("own_activity", "public", "hhi", "largest"), strict=True):
        with col:
            widgets.figure_metric(figs[key])

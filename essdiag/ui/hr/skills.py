"""« Compétences » tab: gaps between required and held levels, key-person risks, the training plan.

Critical skills held by one person only can be sent to the risk register as
key-person risks (a human risk of the « Risques » screen, saved with the
dossier); the catalogue, the jobs' required levels and what each person holds
are edited in the tables below.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.hr.edits import (
    jobs_from_grid,
    jobs_grid,
    people_from_grid,
    people_grid,
    skills_from_rows,
)
from essdiag.hr.report import HRReport
from essdiag.hr.section import HRSection
from essdiag.hr.skills import key_person_risks
from essdiag.risks import current_matrix
from essdiag.ui import widgets
from essdiag.ui.hr import data, layout
from essdiag.ui.screen import Screen, save_dossier, save_section
from essdiag.validation import validate_as

__all__ = ["show"]


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Figures, heat map, key people, plan, then the editors."""
    _ = screen.tr
    if found is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    rep, figures = found.report, found.charts
    layout.metrics([rep.skills[k] for k in ("coverage", "key_person", "plan_cost")], per_row=3)
    st.caption(
        _(
            "Niveaux : 0 aucun, 1 notions, 2 avec aide, 3 autonome, 4 expert (peut transmettre). "
            "Une compétence est détenue à partir du niveau 3."
        )
    )
    if "heatmap" in figures:
        layout.stacked_chart(
            figures["heatmap"],
            rep.heatmap,
            key="hr_heatmap",
            caption=_(
                "Chaque case dit combien de niveaux manquent à la personne pour ce que son emploi "
                "requiert (0 : niveau atteint) ; une case vide : compétence non requise par l'emploi."
            ),
        )
    widgets.show_view(rep.key_person_table, key="hr_key_people")
    _send_risks(screen, rep)
    if "plan" in figures:
        layout.stacked_chart(figures["plan"], rep.plan, key="hr_plan")
    _editors(screen, rep)


def _send_risks(screen: Screen[HRSection], rep: HRReport) -> None:
    _ = screen.tr
    if not rep.key_people:
        return
    section = screen.dossier.risks
    size = current_matrix(section).size
    todo = key_person_risks(screen.section, section.risks, size=size, today=screen.today)
    if not todo:
        st.caption(_("Ces risques de personne clé figurent déjà au registre des risques."))
        return
    label = _("Envoyer {n} risque(s) de personne clé au registre des risques", n=len(todo))
    if not st.button(label, key="hr_send_risks"):
        return
    risks = section.model_copy(update={"risks": [*section.risks, *todo]})
    edited = screen.dossier.model_copy(update={"risks": risks})
    save_dossier(screen, edited, _("Risques de personne clé (compétences)"))


def _editors(screen: Screen[HRSection], rep: HRReport) -> None:
    _ = screen.tr
    section = screen.section
    with st.expander(
        _("Modifier le référentiel de compétences, les emplois et les niveaux détenus")
    ):
        skills = st.data_editor(
            pd.DataFrame(
                [s.model_dump() for s in section.skills],
                columns=[
                    "id",
                    "label",
                    "rome_code",
                    "critical",
                    "training_cost_per_level",
                    "training_hours_per_level",
                ],
            ),
            num_rows="dynamic",
            key="hr_skills_editor",
            column_config={
                "id": st.column_config.TextColumn(_("Identifiant"), required=True),
                "label": st.column_config.TextColumn(_("Compétence")),
                "rome_code": st.column_config.TextColumn(_("Code ROME")),
                "critical": st.column_config.CheckboxColumn(_("Critique")),
                "training_cost_per_level": st.column_config.NumberColumn(
                    _("Coût par niveau (€)"), min_value=0
                ),
                "training_hours_per_level": st.column_config.NumberColumn(
                    _("Heures par niveau"), min_value=0
                ),
            },
        )
        level = {
            s.id: st.column_config.NumberColumn(s.label, min_value=0, max_value=4, step=1)
            for s in section.skills
        }
        jobs = st.data_editor(
            pd.DataFrame(jobs_grid(section)),
            num_rows="dynamic",
            key="hr_jobs_editor",
            column_config={
                "id": _("Identifiant"),
                "title": _("Emploi"),
                "rome_code": _("Code ROME"),
                **level,
            },
        )
        register = data.table(section.workforce.parquet_id) if section.workforce else None
        ids = list(register["id"]) if register is not None else []
        register_jobs = (
            dict(zip(ids, register["job_id"], strict=True)) if register is not None else {}
        )
        people = st.data_editor(
            pd.DataFrame(people_grid(section, ids, register_jobs)),
            key="hr_people_editor",
            disabled=["person_id"],
            column_config={"person_id": _("Personne"), "job_id": _("Emploi"), **level},
        )
        budget = st.number_input(
            _("Budget de formation (€)"),
            min_value=0.0,
            value=float(section.training_budget or 0),
            key="hr_budget",
        )
        if not st.button(_("Enregistrer les compétences"), type="primary", key="hr_skills_save"):
            return
    catalogue = skills_from_rows(skills.to_dict("records"))
    skill_ids = [s.id for s in catalogue]
    typed = {
        **section.model_dump(),
        "skills": [s.model_dump() for s in catalogue],
        "jobs": [j.model_dump() for j in jobs_from_grid(jobs.to_dict("records"), skill_ids)],
        "people": [
            p.model_dump()
            for p in people_from_grid(people.to_dict("records"), skill_ids, register_jobs)
        ],
        "training_budget": budget or None,
    }
    new, issues = validate_as(HRSection, typed, prefix=("hr",))
    if new is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        return
    del rep
    save_section(screen, new, _("Compétences mises à jour"))

"""The « Orientations » tab: the TOWS orientations, their jobs and actions, the form of one orientation."""

from __future__ import annotations

import streamlit as st

from essdiag.ui import widgets
from essdiag.ui.diagnosis import save, updated
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.watch.diagnosis import action_plan_view, tows_issues, tows_view
from essdiag.watch.section import Orientation, OrientationKind, WatchSection, next_id

__all__ = ["show"]

NEW = "__new__"


def show(screen: Screen[WatchSection]) -> None:
    """The TOWS table, what it misses, the action plan, the orientation form."""
    _ = screen.tr
    d = screen.section.diagnosis
    st.caption(
        _(
            "Matrice TOWS : chaque orientation croise une force ou une faiblesse avec une opportunité ou "
            "une menace, dit son objectif, les emplois qu'elle crée ou maintient sur le territoire et les "
            "actions qu'elle demande. Le plan d'actions s'exporte pour le projet (onglet Exports)."
        )
    )
    if not d.orientations:
        st.info(_("Aucune orientation : construisez la première à partir des éléments du SWOT."))
    else:
        tows, remarks, actions = kept(
            screen,
            "diagnosis_tows",
            lambda: (tows_view(d), tows_issues(d), action_plan_view(d)),
        )
        widgets.show_view(tows, key="diagnosis_tows")
        widgets.show_issues(remarks, title=_("À revoir dans les orientations"))
        st.subheader(_("Plan d'actions stratégique"))
        widgets.show_view(actions, key="diagnosis_actions")
    _form(screen)


def _form(screen: Screen[WatchSection]) -> None:
    """The form of one orientation (a new one or the one chosen)."""
    _ = screen.tr
    d = screen.section.diagnosis
    titles = {o.id: o.title for o in d.orientations}
    choice = st.selectbox(
        _("Orientation à modifier"),
        [NEW, *titles],
        format_func=lambda i: _("+ Nouvelle orientation") if i == NEW else f"{i} — {titles[i]}",
        key="diagnosis_or_choice",
    )
    o = next((x for x in d.orientations if x.id == choice), None)
    sk = o.id if o else "new"
    kinds = [k.value for k in OrientationKind]
    items = {i.id: f"{i.id} {i.text}" for i in d.swot}
    with st.form(f"diagnosis_or_form_{sk}"):
        c1, c2 = st.columns([1, 3])
        kind = c1.selectbox(
            _("Stratégie TOWS"),
            kinds,
            index=kinds.index(o.kind.value) if o else 0,
            format_func=lambda v: _(OrientationKind(v).label),
            key=f"diagnosis_or_kind_{sk}",
        )
        title = c2.text_input(
            _("Orientation"), value=o.title if o else "", key=f"diagnosis_or_title_{sk}"
        )
        objective = st.text_area(
            _("Objectif (mesurable)"), value=o.objective if o else "", key=f"diagnosis_or_obj_{sk}"
        )
        crossed = st.multiselect(
            _("Éléments du SWOT croisés"),
            list(items),
            default=[i for i in (o.item_ids if o else []) if i in items],
            format_func=items.__getitem__,
            key=f"diagnosis_or_items_{sk}",
            placeholder=_("Choisissez dans la liste"),
        )
        c1, c2, c3 = st.columns(3)
        created = c1.number_input(
            _("Emplois créés (ETP)"),
            0.0,
            1000.0,
            o.jobs_created if o else 0.0,
            0.5,
            key=f"diagnosis_or_created_{sk}",
        )
        kept = c2.number_input(
            _("Emplois maintenus (ETP)"),
            0.0,
            1000.0,
            o.jobs_kept if o else 0.0,
            0.5,
            key=f"diagnosis_or_kept_{sk}",
        )
        horizon = c3.number_input(
            _("Échéance (année)"),
            2000,
            2100,
            o.horizon if o and o.horizon else screen.today.year + 2,
            key=f"diagnosis_or_horizon_{sk}",
        )
        actions = st.text_area(
            _("Actions (une par ligne)"),
            value="\n".join(o.actions) if o else "",
            key=f"diagnosis_or_actions_{sk}",
        )
        c1, c2 = st.columns([3, 1])
        submitted = c1.form_submit_button(_("Enregistrer l'orientation"), type="primary")
        delete = c2.form_submit_button(_("Supprimer l'orientation"), disabled=o is None)
    if delete and o is not None:
        diag = {
            **d.model_dump(mode="json"),
            "orientations": [x.model_dump(mode="json") for x in d.orientations if x.id != o.id],
        }
        save(screen, updated(screen, diagnosis=diag), _("Orientation {id} supprimée", id=o.id))
    if not submitted:
        return
    if not title.strip():
        st.error(_("L'intitulé de l'orientation est obligatoire."))
        return
    entry = Orientation(
        id=o.id if o else next_id((x.id for x in d.orientations), "OR", 1),
        kind=OrientationKind(kind),
        title=title.strip(),
        objective=objective.strip(),
        item_ids=crossed,
        jobs_created=created,
        jobs_kept=kept,
        actions=actions,
        horizon=int(horizon),
    )
    others = [x.model_dump(mode="json") for x in d.orientations if x.id != entry.id]
    diag = {**d.model_dump(mode="json"), "orientations": [*others, entry.model_dump(mode="json")]}
    save(screen, updated(screen, diagnosis=diag), _("Orientation {id} enregistrée", id=entry.id))

"""The « Écosystème » tab: actors (typed and read from the funding register), the map, cooperations."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from essdiag.charts.watch import map_chart
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.ui import widgets
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.ui.watch import save, updated
from essdiag.watch.ecosystem import (
    REGISTER_PREFIX,
    actors_view,
    cooperation_opportunities,
    ecosystem_actors,
    map_view,
    opportunities_view,
)
from essdiag.watch.section import Actor, ActorType, Relation, WatchSection, next_id

__all__ = ["show"]

NEW = "__new__"


def show(screen: Screen[WatchSection]) -> None:
    """The actors, their map with its table, the cooperation opportunities, the actor form."""
    _ = screen.tr
    actors = ecosystem_actors(screen.section, screen.dossier.funding)
    st.caption(
        _(
            "Les financeurs du registre des financements apparaissent d'eux-mêmes (« Lu dans le registre ») "
            "tant qu'aucun acteur saisi ne les représente : inutile de les saisir deux fois. Enregistrer un "
            "financeur du registre ci-dessous en fait un acteur saisi, que vous pouvez qualifier."
        )
    )
    if not actors:
        st.info(
            _(
                "Aucun acteur : ajoutez les acteurs publics, structures de l'ESS, entreprises et réseaux du territoire."
            )
        )
        _form(screen, actors)
        return
    table, view, chart, coop = kept(screen, "watch_ecosystem", lambda: _ecosystem(actors, _))
    widgets.show_view(table, key="watch_actors")
    widgets.chart_with_table(chart, view, key="watch_map")
    st.subheader(_("Opportunités de coopération"))
    if coop is not None:
        widgets.show_view(coop, key="watch_coop")
    else:
        st.info(_("Aucune règle ne suggère de coopération nouvelle avec les acteurs actuels."))
    _form(screen, actors)


def _ecosystem(actors: list[Actor], _: Translator) -> tuple[View, View, go.Figure, View | None]:
    """The actors' table, the map's view and chart, the cooperations (None when no rule fires)."""
    view = map_view(actors)
    found = cooperation_opportunities(actors)
    coop = opportunities_view(found) if found else None
    return actors_view(actors), view, map_chart(view, _), coop


def _form(screen: Screen[WatchSection], actors: list[Actor]) -> None:
    """The form of one actor: a new one, a typed one, or a funder read from the register."""
    _ = screen.tr
    section = screen.section
    names = {a.id: a.name for a in actors}
    choice = st.selectbox(
        _("Acteur à modifier"),
        [NEW, *names],
        format_func=lambda i: _("+ Nouvel acteur") if i == NEW else f"{i} — {names[i]}",
        key="watch_actor_choice",
    )
    actor = next((a for a in actors if a.id == choice), None)
    typed = actor is not None and not actor.id.startswith(REGISTER_PREFIX)
    sk = actor.id if actor else "new"
    types, relations = [t.value for t in ActorType], [r.value for r in Relation]
    sources = {s.id: s.name for s in screen.dossier.funding.sources}
    with st.form(f"watch_actor_form_{sk}"):
        c1, c2, c3 = st.columns([3, 2, 2])
        name = c1.text_input(
            _("Acteur"), value=actor.name if actor else "", key=f"watch_actor_name_{sk}"
        )
        kind = c2.selectbox(
            _("Type d'acteur"),
            types,
            index=types.index(actor.type.value) if actor else 0,
            format_func=lambda v: _(ActorType(v).label),
            key=f"watch_actor_type_{sk}",
        )
        relation = c3.selectbox(
            _("Relation"),
            relations,
            index=relations.index(actor.relation.value) if actor else len(relations) - 1,
            format_func=lambda v: _(Relation(v).label),
            key=f"watch_actor_rel_{sk}",
        )
        c1, c2 = st.columns(2)
        influence = c1.slider(
            _("Influence (1 à 5)"),
            1,
            5,
            actor.influence if actor else 3,
            key=f"watch_actor_inf_{sk}",
            help=_("Son pouvoir sur le projet : décider, financer, autoriser, bloquer."),
        )
        interest = c2.slider(
            _("Intérêt (1 à 5)"),
            1,
            5,
            actor.interest if actor else 3,
            key=f"watch_actor_int_{sk}",
            help=_("Ce que le projet change pour lui ; son envie d'y prendre part."),
        )
        funding_ids = st.multiselect(
            _("Financements du registre qu'il représente"),
            list(sources),
            default=[i for i in (actor.funding_ids if actor else []) if i in sources],
            format_func=lambda i: f"{i} — {sources[i]}",
            key=f"watch_actor_fund_{sk}",
            placeholder=_("Aucun"),
        )
        notes = st.text_area(
            _("Notes"), value=actor.notes if actor else "", key=f"watch_actor_notes_{sk}"
        )
        cooperation = st.text_input(
            _("Coopération envisagée"),
            value=actor.cooperation if actor else "",
            key=f"watch_actor_coop_{sk}",
        )
        c1, c2 = st.columns([3, 1])
        submitted = c1.form_submit_button(_("Enregistrer l'acteur"), type="primary")
        delete = c2.form_submit_button(_("Supprimer l'acteur"), disabled=not typed)
    if delete and typed and actor is not None:
        save(
            screen,
            updated(screen, actors=[a for a in section.actors if a.id != actor.id]),
            _("Acteur {id} supprimé", id=actor.id),
        )
    if not submitted:
        return
    if not name.strip():
        st.error(_("Le nom de l'acteur est obligatoire."))
        return
    new_id = actor.id if typed and actor else next_id((a.id for a in section.actors), "A")
    entry = Actor(
        id=new_id,
        name=name.strip(),
        type=kind,
        relation=relation,
        influence=influence,
        interest=interest,
        funding_ids=funding_ids,
        notes=notes.strip(),
        cooperation=cooperation.strip(),
    )
    others = [a for a in section.actors if a.id != new_id]
    save(screen, updated(screen, actors=[*others, entry]), _("Acteur {id} enregistré", id=new_id))

"""The « Besoins » tab: candidate needs from the gaps (with their rule), the needs retained, a need typed in."""

from __future__ import annotations

import streamlit as st

from essdiag.ui import widgets
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.ui.watch import save, updated
from essdiag.watch.section import Need, NeedOrigin, WatchSection, next_id
from essdiag.watch.territory import candidate_needs, gap_table, needs_view

__all__ = ["show"]


def show(screen: Screen[WatchSection]) -> None:
    """Candidates to retain, the needs kept, the form of a new need, removal."""
    _ = screen.tr
    section = screen.section
    candidates, view = kept(
        screen,
        "watch_needs",
        lambda: (
            candidate_needs(
                gap_table(section, screen.dossier.identity.territory), section.settings.threshold
            ),
            needs_view(section.needs),
        ),
    )
    retained = {n.indicator for n in section.needs if n.indicator}
    st.subheader(_("Besoins candidats"))
    st.caption(
        _(
            "Chaque écart défavorable d'au moins {t} à une référence propose un besoin ; la règle et "
            "les chiffres qui l'ont produit sont gardés avec lui.",
            t=_.percent(section.settings.threshold, 0),
        )
    )
    fresh = [c for c in candidates if c.indicator not in retained]  # one need per indicator
    if not fresh:
        st.info(
            _("Aucun nouveau besoin candidat : tous les écarts au-delà du seuil sont déjà retenus.")
        )
    else:
        labels = {
            k: f"{_(c.label)} — {_(c.ref_level.label)} : {c.to_need('x', _).evidence}"
            + (f" ({_('donnée illustrative')})" if c.illustrative else "")
            for k, c in enumerate(fresh)
        }
        with st.form("watch_candidates_form"):
            picked = st.multiselect(
                _("Besoins à retenir"),
                list(labels),
                format_func=labels.__getitem__,
                key="watch_candidates_pick",
                placeholder=_("Choisissez dans la liste"),
            )
            if st.form_submit_button(_("Retenir ces besoins"), type="primary") and picked:
                needs = list(section.needs)
                for k in picked:
                    needs.append(fresh[k].to_need(next_id((n.id for n in needs), "B"), _))
                save(
                    screen,
                    updated(screen, needs=needs),
                    _("{n} besoin(s) retenu(s)", n=len(picked)),
                )
    st.subheader(_("Besoins retenus"))
    if view.empty:
        st.info(_("Aucun besoin retenu pour l'instant."))
    else:
        widgets.show_view(view, key="watch_needs")
    _form(screen)


def _form(screen: Screen[WatchSection]) -> None:
    """A need typed in, and the removal of a need."""
    _ = screen.tr
    section = screen.section
    with st.form("watch_need_form", clear_on_submit=True):
        st.markdown(
            _("**Ajouter un besoin repéré autrement** (entretiens, veille, diagnostic partagé)")
        )
        title = st.text_input(_("Besoin"), key="watch_need_title")
        public = st.text_input(_("Public concerné"), key="watch_need_public")
        description = st.text_area(_("Description"), key="watch_need_desc")
        if st.form_submit_button(_("Ajouter le besoin")):
            need = Need(
                id=next_id((n.id for n in section.needs), "B"),
                title=title.strip() or "?",
                public=public.strip(),
                description=description.strip(),
                origin=NeedOrigin.TYPED,
            )
            save(
                screen,
                updated(screen, needs=[*section.needs, need]),
                _("Besoin ajouté : {t}", t=need.title),
            )
    if not section.needs:
        return
    used = {i.need_id for i in section.journal if i.need_id}
    removable = [n.id for n in section.needs if n.id not in used]
    c1, c2 = st.columns([3, 1])
    titles = {n.id: n.title for n in section.needs}
    options: list[str] = removable or ["—"]
    target = c1.selectbox(
        _("Besoin à retirer (s'il n'est cité par aucun article de veille)"),
        options,
        format_func=lambda i: f"{i} — {titles[i]}" if i in titles else i,
        key="watch_need_remove",
    )
    if c2.button(_("Retirer"), key="watch_need_remove_go", disabled=not removable):
        needs = [n for n in section.needs if n.id != target]
        save(screen, updated(screen, needs=needs), _("Besoin {id} retiré", id=target))

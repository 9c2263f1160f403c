"""The « Suivi » tab: overdue actions and reviews, and the score history across revisions.

The history reads past revisions through :func:`essdiag.ui.cache.dossier_at`
(a saved revision never changes, so it is read once).
"""

from __future__ import annotations

import streamlit as st

from essdiag.charts.risks import history_chart
from essdiag.risks.follow import overdue_actions_view, overdue_reviews_view, score_history_view
from essdiag.risks.section import RiskSection
from essdiag.risks.views import top_risks_view
from essdiag.ui import cache, state, widgets
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[RiskSection]) -> None:
    """Overdue actions and reviews, and the score history across revisions."""
    _ = screen.tr
    if not screen.section.risks:
        st.info(
            _(
                "Rien à suivre pour l'instant : les actions et les revues apparaîtront ici dès "
                "que le registre contiendra des risques."
            )
        )
    else:
        _overdue(screen)
    st.subheader(_("Historique des scores"))
    st.caption(
        _(
            "Chaque enregistrement du dossier crée une version : l'historique relit les versions "
            "récentes et montre comment le score retenu (résiduel, sinon brut) de chaque risque "
            "a évolué."
        )
    )
    if st.toggle(_("Afficher l'historique"), key="risks_history_on"):
        _history(screen)


def _overdue(screen: Screen[RiskSection]) -> None:
    """Open actions past their deadline, and reviews past due or not planned."""
    _ = screen.tr
    section = screen.section
    st.subheader(_("Actions en retard"))
    late = overdue_actions_view(section, screen.today)
    if late.empty:
        st.success(_("Aucune action en retard au {date}.", date=_.date(screen.today)))
    else:
        widgets.show_view(late, key="risks_late_actions")
    st.subheader(_("Revues dépassées ou non planifiées"))
    reviews = overdue_reviews_view(section, screen.today)
    if reviews.empty:
        st.success(_("Toutes les revues sont à jour."))
    else:
        widgets.show_view(reviews, key="risks_late_reviews")


def _history(screen: Screen[RiskSection]) -> None:
    """Net scores of the chosen risks over the latest revisions, as a chart and its table."""
    _ = screen.tr
    limit = st.slider(_("Nombre de versions à relire"), 2, 50, 20, key="risks_history_limit")
    dossier_id = screen.opened.id
    with st.spinner(_("Lecture des versions du dossier…")):
        pairs = [
            (info, cache.dossier_at(dossier_id, info.number).risks)
            for info in state.workspace().revisions(dossier_id)[:limit]
        ]
    history = score_history_view(pairs)
    if history.empty:
        st.info(_("Aucune version ne contient encore de risque."))
        return
    known = set(history.values("id"))
    picked = st.multiselect(
        _("Risques"),
        options=sorted(known),
        default=[str(i) for i in top_risks_view(screen.section, 5).values("id") if i in known],
        key="risks_history_pick",
        placeholder=_("Choisissez dans la liste"),
    )
    shown = history.rows_where([i in picked for i in history.values("id")]) if picked else history
    widgets.chart_with_table(history_chart(shown, _), shown, key="risks_history")

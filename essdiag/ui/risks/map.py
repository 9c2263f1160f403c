"""The « Carte » tab: heat map inherent → residual, top risks, by category and by owner."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.risks import category_chart, heatmap_chart, owner_chart
from essdiag.risks.matrix import current_matrix
from essdiag.risks.scoring import score_figure
from essdiag.risks.section import RiskSection
from essdiag.risks.views import (
    category_view,
    heatmap_view,
    movements_view,
    owner_view,
    to_migrate_view,
    top_risks_view,
)
from essdiag.ui import widgets
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[RiskSection]) -> None:
    """The map of the active risks, the ten first, and the risks by category and by owner."""
    _ = screen.tr
    section = screen.section
    if not section.active_risks():
        st.info(
            _(
                "Aucun risque actif à placer sur la carte : ajoutez des risques depuis l'onglet "
                "« Bibliothèque » ou « Registre »."
            )
        )
        return
    st.subheader(_("Carte des risques"))
    st.caption(
        _(
            "Chaque risque est placé à son niveau résiduel (après mesures) ; la flèche part de "
            "son niveau brut. Chaque case porte le nom de sa zone : la couleur n'est jamais "
            "la seule information."
        )
    )
    moves = movements_view(section)
    cells = heatmap_view(section, "residual")
    # The map takes the whole width (its words stay legible on a projector); its table follows.
    st.plotly_chart(
        heatmap_chart(current_matrix(section), cells, moves, _),
        key="risks_heatmap_chart",
        config=widgets.chart_config(),
    )
    widgets.show_view(
        moves,
        key="risks_heatmap",
        caption=_("Le tableau de la carte : niveaux brut et résiduel de chaque risque placé."),
    )
    pending = to_migrate_view(section)
    if not pending.empty:
        st.warning(
            _(
                "{n} risque(s) évalué(s) sur une ancienne version de la matrice ne sont pas "
                "sur la carte : migrez-les depuis l'onglet « Matrice ».",
                n=len(pending),
            )
        )
    st.subheader(_("Risques prioritaires"))
    top10 = top_risks_view(section, 10)
    widgets.show_view(top10, key="risks_top")
    first = section.risk(str(top10.values("id")[0]))
    if first is not None:
        st.caption(_("Le score du premier risque de la liste, pas à pas :"))
        widgets.figure_metric(score_figure(first, section))
    st.subheader(_("Par catégorie"))
    cats = category_view(section)
    widgets.chart_with_table(category_chart(cats, _), cats, key="risks_categories")
    st.subheader(_("Par responsable"))
    owners = owner_view(section)
    widgets.chart_with_table(owner_chart(owners, _), owners, key="risks_owners")

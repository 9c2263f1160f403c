"""« Égalité » tab: the gender-equality index as Egapro computes it, and the EU transparency gaps.

The size band and the grouping mode are chosen here (the band defaults to the
headcount's); every indicator shows its points, its working and the groups
it was computed from.
"""

from __future__ import annotations

import streamlit as st

from essdiag.hr.egapro import FAVOURS_WORDS
from essdiag.hr.section import EqualityMode, HRSection, SizeBand
from essdiag.ui import widgets
from essdiag.ui.hr import data, layout
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Band and mode, the index, each indicator with its groups, then the transparency gaps."""
    _ = screen.tr
    if found is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    base = found.report
    c1, c2 = st.columns(2)
    band = c1.selectbox(
        _("Tranche d'effectif"),
        list(SizeBand),
        index=list(SizeBand).index(base.equality.band),
        format_func=lambda b: _(b.label),
        key="hr_eq_band",
    )
    mode = c2.selectbox(
        _("Groupes de l'indicateur de rémunération"),
        list(EqualityMode),
        index=list(EqualityMode).index(base.equality.mode),
        format_func=lambda m: _(m.label),
        key="hr_eq_mode",
    )
    # the screen's own choice when it differs from the section's, else the report already shown
    chosen = {
        "band": band.value if band and band != base.equality.band else None,
        "mode": mode.value if mode and mode != base.equality.mode else None,
    }
    if any(chosen.values()):  # another band or mode than the section's: its own report
        found = data.shown(screen, **chosen)
        assert found is not None
    rep, figures = found.report, found.charts
    if not rep.equality_required:
        st.info(
            _(
                "Effectif moyen de {n} : l'index n'est obligatoire qu'à partir de 50 salariés. Il "
                "est calculé ici à titre de diagnostic, avec les règles officielles.",
                n=_.number(rep.headcount["legal"].value, 1),
            )
        )
    idx = rep.equality
    st.caption(
        _(
            "{n} personnes comptées ({w} femmes, {m} hommes) : apprentis, contrats de "
            "professionnalisation et personnes absentes plus de la moitié de la période exclus.",
            n=idx.counted,
            w=idx.women,
            m=idx.men,
        )
    )
    layout.metric(idx.figure)
    layout.stacked_chart(figures["index"], rep.equality_table, key="hr_index")
    for ind in idx.indicators.values():
        if not ind.applicable:
            continue
        with st.expander(
            f"{_(ind.label)} — "
            + (
                _("{p} / {m} points", p=ind.points, m=ind.max_points)
                if ind.points is not None
                else _("non calculable")
            )
        ):
            if ind.favours:
                st.caption(_(FAVOURS_WORDS[ind.favours]))
            if ind.compensated:
                st.caption(
                    _(
                        "Compensation : l'écart joue en faveur du sexe défavorisé en rémunération, "
                        "la note maximale est attribuée."
                    )
                )
            for step in ind.figure.steps(_):
                st.markdown(f"- {step}")
            if ind.groups is not None:
                widgets.show_view(ind.groups, key=f"hr_groups_{ind.key}")
    st.subheader(_("Transparence salariale (directive européenne 2023/970)"))
    keys = ("mean_base", "median_base", "mean_variable", "median_variable")
    layout.metrics([rep.transparency[k] for k in keys], per_row=2)
    layout.metrics(
        [rep.transparency["variable_share_F"], rep.transparency["variable_share_H"]], per_row=2
    )
    layout.stacked_chart(
        figures["category_gaps"],
        rep.category_gaps,
        key="hr_category_gaps",
        caption=_(
            "Un écart d'au moins 5 % dans une catégorie, non justifié par des critères objectifs, "
            "appelle une évaluation conjointe des rémunérations avec les représentants du personnel."
        ),
    )

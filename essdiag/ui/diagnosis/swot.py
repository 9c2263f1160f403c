"""The « SWOT » tab: the four quadrants, the items the dossier suggests (with their origin), a typed item."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.analysis import budget_fiscal_year, dossier_report
from essdiag.charts.watch import swot_chart
from essdiag.funding.mix import concentration_figures
from essdiag.ui import cache, widgets
from essdiag.ui.diagnosis import save, updated
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.watch.diagnosis import add_swot_items, swot_candidates, swot_counts_view, swot_view
from essdiag.watch.ecosystem import ecosystem_actors
from essdiag.watch.section import Quadrant, SwotItem, WatchSection

__all__ = ["show"]


def show(screen: Screen[WatchSection]) -> None:
    """The grid, the candidates to add, the typed form, removal."""
    _ = screen.tr
    d = screen.section.diagnosis
    cols = st.columns(4)
    for col, q in zip(cols, Quadrant, strict=True):
        with col:
            st.markdown(f"**{_(q.label)}**")
            for item in (i for i in d.swot if i.quadrant is q):
                st.markdown(
                    f"- {item.id} {item.text}  \n  :grey[{_(item.origin.kind.label)} {item.origin.ref}]"
                )
    if d.swot:
        view, chart, items = kept(
            screen,
            "diagnosis_swot",
            lambda: (counts := swot_counts_view(d), swot_chart(counts, _), swot_view(d)),
        )
        widgets.chart_with_table(chart, view, key="diagnosis_swot_chart")
        widgets.show_view(items, key="diagnosis_swot")
    else:
        st.info(
            _(
                "Le SWOT est vide : ajoutez les éléments que le dossier suggère ci-dessous, ou saisissez-les."
            )
        )
    _candidates(screen)
    _typed(screen)


def _variance_table(screen: Screen[WatchSection]) -> Any:
    """The budget variance table of the year to date, when a budget and its actuals exist."""
    fy = budget_fiscal_year(screen.dossier.budget)
    if fy is None or not screen.dossier.ledger.for_year(fy.label_year):
        return None
    from essdiag.budget.analysis import dossier_through

    through = cache.computed(dossier_through, screen.opened, ledger_years=(fy.label_year,))
    report = cache.computed(
        dossier_report,
        screen.opened,
        ledger_years=(fy.label_year, fy.label_year - 1),
        through=through,
        period="ytd",
        level="account",
    )
    return report.table


def _suggested(screen: Screen[WatchSection]) -> tuple[list[SwotItem], bool]:
    """The items the dossier suggests, and whether the budget variance could be read."""
    dossier = screen.dossier
    years = dossier.funding.years()
    indicators = concentration_figures(dossier.funding.sources, years[-1]) if years else {}
    variance = _variance_table(screen)
    candidates = swot_candidates(
        dossier,
        screen.tr,
        indicators=indicators,
        variance=variance,
        actors=ecosystem_actors(screen.section, dossier.funding),
    )
    return candidates, variance is not None


def _candidates(screen: Screen[WatchSection]) -> None:
    """Items drawn from the watch, the needs, the risks, the funding and variance indicators."""
    _ = screen.tr
    candidates, from_variance = kept(screen, "diagnosis_candidates", lambda: _suggested(screen))
    st.subheader(_("Éléments suggérés par le dossier"))
    st.caption(
        _(
            "Tirés du journal de veille (opportunités et menaces), des besoins retenus, des risques les plus "
            "élevés, des indicateurs de financement{variance}, de la gouvernance et de l'écosystème. "
            "Chacun garde son origine.",
            variance=_(" et des écarts budgétaires") if from_variance else "",
        )
    )
    if not candidates:
        st.info(
            _(
                "Aucun nouvel élément à suggérer : tout ce que le dossier indique est déjà dans le SWOT."
            )
        )
        return
    labels = {
        k: f"{_(c.quadrant.label)} — {c.text} ({_(c.origin.kind.label)} {c.origin.ref})"
        for k, c in enumerate(candidates)
    }
    with st.form("diagnosis_candidates_form"):
        picked = st.multiselect(
            _("Éléments à ajouter"),
            list(labels),
            format_func=labels.__getitem__,
            key="diagnosis_candidates_pick",
            placeholder=_("Choisissez dans la liste"),
        )
        if st.form_submit_button(_("Ajouter au SWOT"), type="primary") and picked:
            diag = add_swot_items(screen.section.diagnosis, [candidates[k] for k in picked])
            save(
                screen,
                updated(screen, diagnosis=diag),
                _("{n} élément(s) ajouté(s) au SWOT", n=len(picked)),
            )


def _typed(screen: Screen[WatchSection]) -> None:
    """An item typed in, and the removal of an item not crossed by an orientation."""
    _ = screen.tr
    d = screen.section.diagnosis
    with st.form("diagnosis_typed_form", clear_on_submit=True):
        c1, c2 = st.columns([1, 3])
        quadrant = c1.selectbox(
            _("Case du SWOT"),
            [q.value for q in Quadrant],
            format_func=lambda v: _(Quadrant(v).label),
            key="diagnosis_typed_q",
        )
        text = c2.text_input(_("Élément"), key="diagnosis_typed_text")
        if st.form_submit_button(_("Ajouter l'élément")) and text.strip():
            diag = add_swot_items(
                d, [SwotItem(id="new", quadrant=Quadrant(quadrant), text=text.strip())]
            )
            save(screen, updated(screen, diagnosis=diag), _("Élément ajouté au SWOT"))
    used = {i for o in d.orientations for i in o.item_ids}
    removable = [i.id for i in d.swot if i.id not in used]
    if not removable:
        return
    texts = {i.id: i.text for i in d.swot}
    c1, c2 = st.columns([3, 1])
    target = c1.selectbox(
        _("Élément à retirer (s'il n'est croisé par aucune orientation)"),
        removable,
        format_func=lambda i: f"{i} — {texts[i]}",
        key="diagnosis_swot_remove",
    )
    if c2.button(_("Retirer"), key="diagnosis_swot_remove_go"):
        data = {
            **d.model_dump(mode="json"),
            "swot": [i.model_dump(mode="json") for i in d.swot if i.id != target],
        }
        save(screen, updated(screen, diagnosis=data), _("Élément {id} retiré du SWOT", id=target))

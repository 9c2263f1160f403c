"""The « Territoire » tab: indicators beside their references, the gaps, the settings, the INSEE import."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from essdiag.charts.watch import gap_chart
from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.identity import Territory
from essdiag.ui import widgets
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.ui.uploads import file_uploader
from essdiag.ui.watch import save, updated
from essdiag.watch.insee import INSEE_LIMITS, columns_view, merge_observations, read_insee_csv
from essdiag.watch.section import GeoLevel, WatchSection
from essdiag.watch.territory import gap_table, gaps_view, relative_gaps_view, territory_views

__all__ = ["show"]

_CHECK = "watch_insee_check"


def show(screen: Screen[WatchSection]) -> None:
    """Settings, values by level, gaps with their chart, the import of an INSEE extract."""
    _ = screen.tr
    section, territory = screen.section, screen.dossier.identity.territory
    _settings(screen)
    views, chart_view, gap_views = kept(
        screen, "watch_territory", lambda: _territory(section, territory)
    )
    if not views:
        st.info(
            _(
                "Aucune valeur pour ce territoire : importez un extrait de l'Insee ci-dessous "
                "(comparateur de territoires) ou ajoutez des indicateurs."
            )
        )
    elif any(bool(v.frame["illustrative"].any()) for v in views):
        st.warning(
            _(
                "Certaines valeurs sont illustratives (cas pédagogique) : ce ne sont pas des "
                "statistiques officielles. Importez l'extrait de l'Insee de votre territoire pour les "
                "remplacer."
            )
        )
    st.subheader(_("Indicateurs du territoire et des références"))
    for k, view in enumerate(views):
        st.markdown(f"**{_(view.title)}**")
        widgets.show_view(view, key=f"watch_territory_{k}")
    st.subheader(_("Écarts aux références"))
    st.caption(
        _(
            "Écart absolu = territoire − référence ; écart relatif = écart / |référence|. Un écart "
            "est défavorable selon le sens de l'indicateur ; au-delà du seuil de {t}, il devient un "
            "besoin candidat (onglet « Besoins »).",
            t=_.percent(section.settings.threshold, 0),
        )
    )
    if chart_view is None:
        st.info(
            _(
                "Aucun indicateur n'a à la fois une valeur pour le territoire étudié et une référence."
            )
        )
    else:
        refs = list(dict.fromkeys(chart_view.values("ref_level_label")))
        ref = st.selectbox(_("Référence du graphique"), refs, format_func=_, key="watch_gap_ref")
        shown, chart = kept(
            screen,
            "watch_gap_chart",
            lambda: _gap_chart(chart_view, str(ref), section.settings.threshold, _),
            ref=str(ref),
        )
        widgets.chart_with_table(chart, shown, key="watch_gaps_chart")
        for k, view in enumerate(gap_views):
            st.markdown(f"**{_(view.title)}**")
            widgets.show_view(view, key=f"watch_gaps_{k}")
    _import(screen)


def _territory(
    section: WatchSection, territory: Territory
) -> tuple[list[View], View | None, list[View]]:
    """Values by level, the chart's view of the gaps (None without gaps), the gaps by level."""
    gaps = gap_table(section, territory)
    if gaps.empty:
        return territory_views(section, territory), None, []
    return territory_views(section, territory), relative_gaps_view(gaps), gaps_view(gaps)


def _gap_chart(
    chart_view: View, ref: str, threshold: float, _: Translator
) -> tuple[View, go.Figure]:
    """The gaps to one reference and their chart."""
    shown = chart_view.rows_where([r == ref for r in chart_view.values("ref_level_label")])
    return shown, gap_chart(shown, _, threshold=threshold)


def _settings(screen: Screen[WatchSection]) -> None:
    """The level studied, the references and the threshold."""
    _ = screen.tr
    s = screen.section.settings
    levels = [lv.value for lv in GeoLevel]
    with st.form("watch_settings_form"):
        c1, c2, c3 = st.columns([1, 2, 1])
        level = c1.selectbox(
            _("Territoire étudié"),
            levels,
            index=levels.index(s.level.value),
            format_func=lambda v: _(GeoLevel(v).label),
            key="watch_level",
        )
        refs = c2.multiselect(
            _("Références de comparaison"),
            levels,
            default=[r.value for r in s.references],
            format_func=lambda v: _(GeoLevel(v).label),
            key="watch_refs",
            placeholder=_("Choisissez dans la liste"),
        )
        threshold = c3.number_input(
            _("Seuil d'écart relatif (%)"),
            min_value=1.0,
            max_value=200.0,
            value=round(s.threshold * 100, 1),
            step=1.0,
            key="watch_threshold",
            help=_("Un écart défavorable d'au moins ce pourcentage devient un besoin candidat."),
        )
        if st.form_submit_button(_("Appliquer")):
            settings = {"level": level, "references": refs, "threshold": threshold / 100}
            save(screen, updated(screen, settings=settings), _("Comparaison territoriale modifiée"))


def _import(screen: Screen[WatchSection]) -> None:
    """Upload an INSEE CSV extract, check its columns, import its values."""
    _ = screen.tr
    st.subheader(_("Importer un extrait de l'Insee"))
    st.write(
        _(
            "Fichier CSV du comparateur de territoires ou des bases du recensement : colonnes CODGEO et "
            "LIBGEO, puis les variables (P21_POP, C21_FAMMONO, MED21, TP6021…), séparateur « ; », "
            "virgule décimale. Le contrôle des colonnes dit ce que chaque colonne alimente."
        )
    )
    kept = st.session_state.pop(_CHECK, None)
    if kept:
        widgets.show_issues(kept, title=_("Points relevés lors du dernier import"))
    c1, c2 = st.columns([3, 1])
    with c1:
        upload = file_uploader(
            _("Extrait Insee (CSV)"),
            types=["csv", "txt"],
            key="watch_insee_file",
            limit_mb=INSEE_LIMITS.max_bytes >> 20,
        )
    two_digits = c2.selectbox(
        _("Les codes à deux chiffres sont des"),
        [GeoLevel.DEPARTEMENT.value, GeoLevel.REGION.value],
        format_func=lambda v: _(GeoLevel(v).label),
        key="watch_insee_level",
    )
    if upload is None:
        return
    result, issues = read_insee_csv(
        upload.getvalue(), file=upload.name, section=screen.section, level=GeoLevel(two_digits)
    )
    if result is None:
        widgets.show_issues(issues, title=_("Rien n'a été importé depuis « {f} ».", f=upload.name))
        return
    widgets.show_issues(issues)
    st.markdown(
        _(
            "**Contrôle des colonnes** — {n} valeur(s) lue(s) sur {rows} ligne(s).",
            n=len(result.observations),
            rows=result.rows_read,
        )
    )
    widgets.show_view(columns_view(result), key="watch_insee_columns")
    if st.button(_("Importer ces valeurs"), key="watch_insee_go", type="primary"):
        merged = merge_observations(screen.section, result.observations)
        st.session_state[_CHECK] = issues
        save(
            screen,
            updated(screen, observations=merged.observations),
            _("Import Insee « {f} »", f=upload.name),
        )

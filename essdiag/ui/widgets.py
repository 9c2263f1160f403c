"""Shared pieces of the screens: header with competencies, issues, figures, views, empty states.

Figures are shown by :func:`figure_metric` (value, reading, working) and
tables by :func:`show_view` or :func:`chart_with_table` (a library
:class:`~essdiag.figures.View`, formatted once for the reader, with its CSV).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

import pandas as pd
import streamlit as st

from essdiag.errors import Issue, Severity
from essdiag.figures import Figure, View, issues
from essdiag.figures.view import write_csv
from essdiag.i18n import MINUS
from essdiag.referentiel import COMPETENCIES
from essdiag.report import to_the_cent
from essdiag.ui import state

__all__ = [
    "chart_with_table",
    "explain",
    "figure_metric",
    "issue_text",
    "page_header",
    "require_dossier",
    "show_issues",
    "show_view",
]


def page_header(title: str, competencies: Iterable[str], intro: str = "") -> None:
    """Title, the RNCP competencies the screen serves, and a short introduction."""
    _ = state.tr()
    st.title(title)
    codes = list(competencies)
    if codes:
        badges = " · ".join(f"**{c}** {_(COMPETENCIES[c].short)}" for c in codes)
        st.caption(_("Compétences RNCP38126 travaillées : {badges}", badges=badges))
    if intro:
        st.write(intro)


def issue_text(issue: Issue, *, where: bool = True) -> str:
    """An issue's message in the session's language, with where it was found (unless not wanted)."""
    if not where:
        return issues.issue_message(issue, state.tr())
    return issues.issue_text(issue, state.tr())


def show_issues(
    found: Iterable[Issue], *, title: str | None = None, key: str | None = None
) -> None:
    """Every issue, errors first: the first twenty as a list, all of them as a table.

    ``key`` names the table's widgets; by default it is derived from the issues.
    """
    _ = state.tr()
    items = issues.sorted_issues(found)
    if not items:
        return
    errors = sum(i.severity == Severity.ERROR for i in items)
    head = title or _("{n} problème(s) trouvé(s), dont {e} bloquant(s)", n=len(items), e=errors)
    box = st.error if errors else st.warning
    box(head + "\n\n" + "\n".join(f"- {issue_text(i)}" for i in items[:20]))
    if len(items) > 20:
        digest = hashlib.sha1("".join(i.code + i.where() for i in items).encode()).hexdigest()
        show_view(issues.issues_view(items, _), key=key or f"issues_{digest[:10]}")


def explain(figure: Figure) -> None:
    """The "Comment est-ce calculé ?" expander for a figure (its result written as on its card)."""
    _ = state.tr()
    with st.expander(_("Comment est-ce calculé ?")):
        for step in to_the_cent(figure).steps(_):
            st.markdown(f"- {step}")


def _arrow(value: object) -> Literal["auto", "up", "down", "off"]:
    """The delta's arrow from its sign, so that its text keeps the typographic minus (−)."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "auto"
    return "down" if value < 0 else "up" if value > 0 else "off"


_TONE_COLOURS: dict[str, Literal["green", "red", "orange", "off"]] = {
    "good": "green",
    "alert": "red",
    "watch": "orange",
    "neutral": "off",
}


def figure_metric(
    figure: Figure,
    *,
    label: str | None = None,
    working: bool = True,
    delta: Figure | None = None,
    help: str | None = None,
) -> None:
    """A figure as a metric: its label (and scope), value, reading, and its working below.

    ``label`` replaces the figure's own label (already translated) where the
    screen names it otherwise; ``delta`` is a figure of the change shown under
    the value (green when its tone is good, red when it is an alert); ``help``
    is a translated sentence shown on hover. Amounts are written to the cent
    (:func:`to_the_cent`).
    """
    _ = state.tr()
    figure = to_the_cent(figure)
    title = label or _(figure.label)
    if figure.scope:
        title = f"{title} ({figure.scope_text(_)})"
    shown_delta = None
    colour: Literal["green", "red", "orange", "off"] = "off"
    arrow: Literal["auto", "up", "down", "off"] = "auto"
    if delta is not None and delta.available:
        shown_delta = to_the_cent(delta).shown(_)
        colour = _TONE_COLOURS.get(delta.tone or "neutral", "off")
        arrow = _arrow(delta.value)
        if arrow == "auto":  # Streamlit reads the sign of the text: an ASCII minus points down
            shown_delta = shown_delta.replace(MINUS, "-")
    st.metric(
        title,
        figure.shown(_),
        delta=shown_delta,
        delta_color=colour,
        delta_arrow=arrow,
        help=help,
    )
    reading = figure.read(_)
    if reading:
        st.caption(reading)
    if working:
        explain(figure)


def show_view(view: View, *, key: str, caption: str = "", download: bool = True) -> None:
    """A library view as a table in the reader's language, with its CSV download."""
    _ = state.tr()
    config = {
        _(c.label): st.column_config.TextColumn(
            _(c.label), alignment="right" if c.numeric else None, help=_(c.help) if c.help else None
        )
        for c in view.columns
    }
    st.dataframe(view.display(_), hide_index=True, key=f"{key}_table", column_config=config)
    if caption:
        st.caption(caption)
    if download:
        st.download_button(
            _("Télécharger le tableau (CSV)"),
            data=lambda: view.csv(_),  # written on click, not on every rerun
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"{key}_csv",
        )


def require_dossier() -> state.OpenDossier:
    """The open dossier; otherwise an empty state that leads to the home page."""
    opened = state.current()
    if opened is None:
        _ = state.tr()
        st.info(
            _(
                "Aucun dossier n'est ouvert. Ouvrez un cas d'exemple ou créez un dossier "
                "depuis l'accueil."
            )
        )
        st.page_link("pages/home.py", label=_("Aller à l'accueil"), icon=":material/home:")
        st.stop()
    assert opened is not None
    return opened


def conflict_banner() -> None:
    """When a save was refused, say why; on a conflict offer to reload or save on top."""
    refused = state.take_save_error()
    if refused:
        st.error(state.tr()(refused))
    kept = state.pending()
    if kept is None:
        return
    _ = state.tr()
    st.error(
        _(
            "Ce dossier a été enregistré par quelqu'un d'autre depuis que vous l'avez ouvert : "
            "votre modification n'a pas été enregistrée, elle est conservée ci-dessous."
        )
    )
    col1, col2 = st.columns(2)
    opened = state.current()
    if col1.button(
        _("Recharger la dernière version (abandonner ma modification)"), key="conflict_reload"
    ):
        if opened:
            state.open_dossier(opened.id)
        st.rerun()
    if col2.button(_("Enregistrer ma modification par-dessus"), key="conflict_force"):
        state.force_save_pending()
        st.rerun()


PLOTLY_FRENCH: dict[str, str] = {
    "Download plot as a PNG": "Télécharger le graphique (PNG)",
    "Download plot": "Télécharger le graphique",
    "Zoom": "Zoom",
    "Pan": "Déplacer",
    "Box Select": "Sélection rectangulaire",
    "Lasso Select": "Sélection au lasso",
    "Zoom in": "Zoom avant",
    "Zoom out": "Zoom arrière",
    "Autoscale": "Échelle automatique",
    "Reset axes": "Réinitialiser les axes",
    "Reset view": "Réinitialiser la vue",
    "Toggle Spike Lines": "Lignes de repère",
    "Show closest data on hover": "Valeur la plus proche au survol",
    "Compare data on hover": "Comparer les valeurs au survol",
    "Produced with Plotly.js": "Produit avec Plotly.js",
    "Double-click to zoom back out": "Double-cliquez pour revenir",
    "Taking snapshot - this may take a few seconds": "Capture en cours : quelques secondes",
    "Snapshot succeeded": "Capture réussie",
    "Image download succeeded": "Image téléchargée",
}
"""Plotly's own texts (its tool bar's tooltips) in French: plotly.js takes a dictionary per locale
in its ``config``, and Streamlit does not register plotly's French locale."""


def chart_config() -> dict[str, Any]:
    """The plotly ``config`` of every chart: no plotly logo, the tool bar in the reader's language."""
    lang = state.tr().lang
    config: dict[str, Any] = {"displaylogo": False, "locale": lang}
    if lang == "fr":
        config["locales"] = {"fr": {"dictionary": PLOTLY_FRENCH}}
    return config


def chart_with_table(fig: Any, table: View | pd.DataFrame, *, key: str, caption: str = "") -> None:
    """A chart and its data table side by side (the table is the chart's text alternative).

    ``table`` is the library view the chart was built from.
    """
    _ = state.tr()
    col_chart, col_table = st.columns([3, 2])
    col_chart.plotly_chart(fig, key=f"{key}_chart", config=chart_config())
    if isinstance(table, View):
        with col_table:
            show_view(table, key=key, caption=caption)
        return
    with col_table:
        st.dataframe(table, hide_index=True, key=f"{key}_table")
        if caption:
            st.caption(caption)
        st.download_button(
            _("Télécharger le tableau (CSV)"),
            data=write_csv([str(c) for c in table.columns], table.itertuples(index=False)),
            file_name=f"{key}.csv",
            mime="text/csv",
            key=f"{key}_csv",
        )

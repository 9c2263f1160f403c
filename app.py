"""essdiag — the Streamlit entry: page set-up, language, open dossier, navigation.

Every screen in ``pages/`` is registered in :data:`NAVIGATION` (a test checks
it): with ``st.navigation`` Streamlit does not list ``pages/`` by itself.
Screens are grouped as the three blocks of the ESS entrepreneur's work.
"""

from __future__ import annotations

import sys

# Nothing is written to the code folder at run time (issue #2): no __pycache__
# beside the sources when essdiag's modules are imported below.
sys.dont_write_bytecode = True

import streamlit as st  # noqa: E402

from essdiag import __version__  # noqa: E402
from essdiag.i18n import ANONYMOUS, LANGUAGES, N_  # noqa: E402
from essdiag.ui import errors, state, theme, uploads  # noqa: E402

st.set_page_config(
    page_title="essdiag",
    page_icon=":material/diversity_3:",
    layout="wide",
    menu_items={
        "About": f"essdiag {__version__} — diagnostic et pilotage d'une structure de l'ESS"
    },
)

_ = state.tr()
uploads.frame_texts()  # Streamlit's uploader button in the reader's language
theme.apply()  # page names and card labels wrap rather than being cut

NAVIGATION: dict[str, list[tuple[str, str, str]]] = {
    "": [("pages/home.py", N_("Accueil"), ":material/home:")],
    N_("Stratégie"): [
        ("pages/identity.py", N_("Identité de la structure"), ":material/badge:"),
        ("pages/watch.py", N_("Veille territoriale"), ":material/travel_explore:"),
        ("pages/diagnosis.py", N_("Diagnostic stratégique"), ":material/insights:"),
        ("pages/compliance.py", N_("Cadre juridique et fiscal"), ":material/gavel:"),
        ("pages/impact.py", N_("Utilité sociale et impact"), ":material/volunteer_activism:"),
    ],
    N_("Pilotage"): [
        ("pages/ledger.py", N_("Comptabilité (FEC)"), ":material/receipt_long:"),
        ("pages/budget.py", N_("Budget prévisionnel"), ":material/request_quote:"),
        ("pages/variance.py", N_("Écarts et atterrissage"), ":material/query_stats:"),
        ("pages/treasury.py", N_("Trésorerie"), ":material/savings:"),
        ("pages/funding.py", N_("Financements"), ":material/account_balance:"),
        (
            "pages/finance.py",
            N_("Santé financière et investissements"),
            ":material/monitoring:",
        ),
        ("pages/risks.py", N_("Risques"), ":material/crisis_alert:"),
        ("pages/hr.py", N_("Ressources humaines"), ":material/groups:"),
        ("pages/publics.py", N_("Publics et satisfaction"), ":material/reviews:"),
    ],
}

pages = {
    group: [st.Page(path, title=_(title), icon=icon) for path, title, icon in entries]
    for group, entries in NAVIGATION.items()
}
# The sidebar menu is drawn by hand: Streamlit's grouped menu nests a <div> in its
# <ul>, which axe reports as a WCAG list violation.
current = st.navigation([p for group in pages.values() for p in group], position="hidden")

with st.sidebar:
    for group, entries in pages.items():
        if group:
            st.markdown(f"**{_(group)}**")
        for page in entries:
            st.page_link(page)
    st.divider()
    opened = state.current()
    if opened:
        st.markdown(
            _(
                "**Dossier ouvert :** {name} — version {rev}",
                name=opened.name or opened.dossier.identity.name,
                rev=opened.revision,
            )
        )
    else:
        st.markdown(_("Aucun dossier ouvert."))
    state.keep_widget_value(state.LANG, "fr")
    st.selectbox(
        "Langue / Language",
        options=list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=state.LANG,
    )
    state.remember_widget_value(state.LANG)
    state.keep_widget_value(state.AUTHOR, "")
    st.text_input(_("Votre nom (pour l'historique)"), key=state.AUTHOR, placeholder=_(ANONYMOUS))
    state.remember_widget_value(state.AUTHOR)

try:
    current.run()
except Exception as exc:  # the last resort: a French message and a reference, never a traceback
    errors.show_unexpected(exc, page=current.url_path)

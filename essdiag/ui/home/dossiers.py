"""« Dossiers » tab of the home screen: the workspace's dossiers, and the one to open."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from essdiag.i18n import DISPLAY_TZ, Translator
from essdiag.store import DossierInfo
from essdiag.store.views import dossiers_view
from essdiag.ui import state, widgets

__all__ = ["show", "stable_labels"]


def stable_labels(dossiers: list[DossierInfo]) -> dict[str, str]:
    """Dossier id → "name — creation time", with a short id when two read alike.

    No translated word and no locale format: the label must not change with the
    language either.
    """
    labels = {
        d.id: f"{d.name} — {d.created_at.astimezone(DISPLAY_TZ):%d/%m/%Y %H:%M}" for d in dossiers
    }
    counts = Counter(labels.values())
    return {i: f"{t} · {i[:6]}" if counts[t] > 1 else t for i, t in labels.items()}


def show(_: Translator) -> None:
    """The list of dossiers (or the empty state) and the form that opens one."""
    dossiers = state.workspace().list_dossiers()
    if not dossiers:
        st.info(
            _("L'espace de travail ne contient encore aucun dossier : partez d'un cas d'exemple.")
        )
        return
    widgets.show_view(dossiers_view(dossiers), key="home_dossiers", download=False)
    with st.form("home_open_form"):
        choice = st.selectbox(
            _("Dossier à ouvrir"),
            options=[d.id for d in dossiers],
            # Labels that do not change when a dossier is saved: Streamlit keeps a
            # selectbox's choice by its label, and a label with the version went stale.
            format_func=stable_labels(dossiers).__getitem__,
            key="home_open_choice",
        )
        if st.form_submit_button(_("Ouvrir"), type="primary"):
            state.open_dossier(choice)
            st.rerun()

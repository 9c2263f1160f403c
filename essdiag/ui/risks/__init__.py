"""The « Risques » screen, one module per tab (``pages/risks.py`` lays them out).

Every tab's ``show(screen)`` takes the :class:`~essdiag.ui.screen.Screen` of the
``risks`` section (open dossier, its risk section, today in Paris, the
translator). The tables are views of :mod:`essdiag.risks.views` and
:mod:`essdiag.risks.follow`; edits are made by :mod:`essdiag.risks.edits`
(pure, whole-section dicts) and saved by :func:`save`, which validates the
whole section first.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.i18n import translator
from essdiag.risks.section import RiskSection, validate_section
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section

__all__ = ["NEW", "NEXT_CHOICE", "follow_language", "save"]

NEW = "__new__"
"""The choice of a selector that starts a new risk or a new sheet."""
NEXT_CHOICE = "risks_next_choice"
"""Session key of the risk the register shows after the rerun that follows a save."""


def save(
    screen: Screen[RiskSection], data: dict[str, Any], message: str, *, choice: str | None = None
) -> None:
    """Validate a whole risk section (as a dict) and save it as a new revision.

    Bad input is shown in French and nothing is saved; ``choice`` is the risk
    the register tab shows after the rerun.
    """
    _ = screen.tr
    new_section, issues = validate_section(data)
    if new_section is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces points."))
        return
    after = {NEXT_CHOICE: choice} if choice is not None else None
    save_section(screen, new_section, message, after=after)


_LANG = "risks_lang"
_WORDED = (
    "risks_choice",
    "risks_sheet_choice",
    "risks_category_",
    "risks_inh_",
    "risks_res_l_",
    "risks_res_i_",
    "risks_treatment_",
)
"""Selectors whose choices are shown as words (a category, a level, « + Nouveau risque »)."""
_EDITORS = ("risks_actions_", "risks_matrix_lik_", "risks_matrix_imp_", "risks_matrix_bands_")
"""Editable tables whose cells hold words of the library (statuses, levels, bands)."""


def follow_language(screen: Screen[RiskSection], tabs_key: str, tabs: tuple[str, ...]) -> None:
    """After a change of language, redraw the screen's selectors with their words translated.

    The browser keeps the word a keyed selector showed (« Financier » in the
    English screen) until the server sets its value: each selector's choice
    is set again, unchanged, so the browser writes it in the new language.
    Editable tables start again from the saved values. The open tab (kept
    under ``tabs_key`` as its label; ``tabs`` are the French labels) stays open.
    """
    last = st.session_state.get(_LANG)
    st.session_state[_LANG] = screen.tr.lang
    if last is None or last == screen.tr.lang:
        return
    before = translator(str(last))
    shown = st.session_state.get(tabs_key)
    opened = next((t for t in tabs if before(t) == shown), None)
    if opened is not None:
        st.session_state[tabs_key] = screen.tr(opened)
    for key in [k for k in st.session_state if isinstance(k, str)]:
        if key.startswith(_EDITORS):
            del st.session_state[key]
        elif key.startswith(_WORDED):
            value = st.session_state[key]
            del st.session_state[key]
            st.session_state[key] = value

"""Widgets of the « Accueil » screen, one module per part (``pages/home.py`` lays them out).

The home page works without an open dossier: its tabs (the workspace's
dossiers and archives, the sample cases, a new dossier, a file to import)
take the session's translator, and the parts about the open dossier (its
name and files, its history) take the :class:`~essdiag.ui.screen.Screen`
that :func:`opened_screen` builds when one is open.

Every action says what it did: :func:`flash` leaves the confirmation for the
next run (:func:`show_flash` shows it once), and an action that opens a
dossier goes on to its first useful screen (:func:`first_screen`), where
that screen's own flash key carries the confirmation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

import streamlit as st

from essdiag.dossier import Dossier
from essdiag.errors import EssdiagError, Issue
from essdiag.i18n import DISPLAY_TZ, N_
from essdiag.store import DossierInfo
from essdiag.ui import errors, state, widgets
from essdiag.ui.screen import Screen, paris_today

__all__ = [
    "FLASH",
    "first_screen",
    "flash",
    "go_to_first_screen",
    "opened_screen",
    "show_error",
    "show_flash",
    "stable_labels",
]

FLASH = "home_flash"
"""Session key of the confirmation left for the next run of the home page."""


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


def opened_screen() -> Screen[Any] | None:
    """The open dossier as a screen context (its identity as the section), or None."""
    opened = state.current()
    if opened is None:
        return None
    return Screen(
        key="home",
        name="identity",
        opened=opened,
        section=opened.dossier.identity,
        today=paris_today(),
        tr=state.tr(),
    )


def flash(message: str, kind: str = "success", issues: Iterable[Issue] = ()) -> None:
    """Leave a confirmation (already translated) for the next run of the home page.

    ``kind`` is ``success`` or ``warning``; ``issues`` are shown below it (what
    an import changed or set aside).
    """
    st.session_state[FLASH] = (kind, message, tuple(issues))


def show_flash() -> None:
    """The confirmation left by the last action on the home page, shown once."""
    kept = st.session_state.pop(FLASH, None)
    if not kept:
        return
    kind, message, issues = kept
    (st.warning if kind == "warning" else st.success)(message)
    widgets.show_issues(issues, key="home_flash_issues")


def show_error(exc: EssdiagError) -> None:
    """An operation of the library that failed: its French message, then its issues."""
    _ = state.tr()
    st.error(errors.error_text(exc, _))
    widgets.show_issues(
        errors.other_issues(exc), title=_("Ce qui a été trouvé :"), key="home_error_issues"
    )


_SCREENS: tuple[tuple[str, str, str], ...] = (
    ("pages/variance.py", N_("Écarts et atterrissage"), N_("voici où en est son budget")),
    ("pages/ledger.py", N_("Comptabilité (FEC)"), N_("voici ses comptes importés")),
    ("pages/budget.py", N_("Budget prévisionnel"), N_("voici son budget")),
    (
        "pages/identity.py",
        N_("Identité de la structure"),
        N_("commencez par son identité (il n'a pas encore de comptes ni de budget)"),
    ),
)


def first_screen(dossier: Dossier) -> tuple[str, str, str]:
    """Page, French title and reason of the screen a dossier just opened is best started from.

    With accounts and a budget, the monthly check (variance and landing); with
    one of them, its screen; otherwise the identity, to fill in first.
    """
    budget = dossier.budget
    has_budget = bool(getattr(budget, "lines", None) or getattr(budget, "versions", None))
    has_ledger = bool(dossier.ledger.imports)
    index = 0 if has_ledger and has_budget else 1 if has_ledger else 2 if has_budget else 3
    return _SCREENS[index]


def go_to_first_screen(template: str, **params: Any) -> None:
    """Go to the open dossier's first useful screen, with a confirmation shown there.

    ``template`` is a French message (``N_``) with ``{screen}`` and
    ``{reason}`` filled here and the other placeholders from ``params``.
    """
    opened = state.current()
    if opened is None:  # pragma: no cover - callers open a dossier first
        st.rerun()
        return
    _ = state.tr()
    page, title, reason = first_screen(opened.dossier)
    message = _(template, **params, screen=_(title), reason=_(reason))
    st.session_state[f"{PurePosixPath(page).stem}_flash"] = message
    st.switch_page(page)

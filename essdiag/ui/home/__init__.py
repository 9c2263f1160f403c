"""Widgets of the « Accueil » screen, one module per part (``pages/home.py`` lays them out).

The home page works without an open dossier: its tabs (the workspace's
dossiers, the sample cases, a new dossier, a file to import) take the
session's translator, and the parts about the open dossier (its files, its
history) take the :class:`~essdiag.ui.screen.Screen` that :func:`opened_screen`
builds when one is open.
"""

from __future__ import annotations

from typing import Any

from essdiag.ui import state
from essdiag.ui.screen import Screen, paris_today

__all__ = ["opened_screen"]


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

"""The screen context every tab receives, and the one way a screen saves its section.

A page builds one :class:`Screen` (:func:`open_screen`: header, open dossier,
conflict banner, the flash left by the last save) and hands it to each tab
body in ``essdiag/ui/<screen>/<tab>.py``. A tab that changes its section calls
:func:`save_section`, which

* says « Aucune modification à enregistrer » when nothing changed,
* stores the dossier as a new revision based on the one the user opened,
* leaves the « Enregistré (version N) » message under the screen's flash key
  so that it survives the rerun that follows, and reruns,
* on a conflict (someone saved in between) keeps the edit for the banner that
  offers to reload or save on top, and on a refused save says why.

Derived values a tab needs (ledgers, reports) come from :mod:`essdiag.ui.cache`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

import streamlit as st
from pydantic import BaseModel

from essdiag.dossier import Dossier
from essdiag.i18n import DISPLAY_TZ, N_, Translator
from essdiag.ui import state, widgets

__all__ = ["Screen", "open_screen", "paris_today", "save_dossier", "save_section", "show_flash"]

S = TypeVar("S", bound=BaseModel)


def paris_today() -> date:
    """Today's date in Paris (deadlines, reviews and « au 31/10 » are French dates)."""
    return datetime.now(tz=DISPLAY_TZ).date()


@dataclass(frozen=True)
class Screen(Generic[S]):
    """What every tab of a screen reads.

    Attributes:
        key: the screen's prefix for session keys (``risks``, ``funding``).
        name: the dossier section the screen edits (``risks``, ``identity``).
        opened: the open dossier and the revision it was loaded from.
        section: that section of the open dossier.
        today: today's date in Paris.
        tr: the session's translator.
    """

    key: str
    name: str
    opened: state.OpenDossier
    section: S
    today: date
    tr: Translator

    @property
    def dossier(self) -> Dossier:
        """The open dossier (read only: tabs save through :func:`save_section`)."""
        return self.opened.dossier

    @property
    def slug(self) -> str:
        """The organisation's name for file names (``la-ressourcerie-des-confluences``)."""
        name = self.dossier.identity.name.lower()
        return "".join(c if c.isalnum() else "-" for c in name).strip("-")

    @property
    def flash_key(self) -> str:
        """Session key of the message left for the next run of this screen."""
        return f"{self.key}_flash"

    def widget_key(self, name: str) -> str:
        """A session key private to this screen."""
        return f"{self.key}_{name}"


def open_screen(
    key: str,
    section: str,
    *,
    title: str,
    competencies: Iterable[str],
    intro: str = "",
) -> Screen[Any]:
    """Header, open dossier (or the empty state that leads home), banners, flash; the context.

    ``title`` and ``intro`` are French (marked with ``N_``) and shown translated.
    """
    tr = state.tr()
    widgets.page_header(tr(title), competencies, tr(intro) if intro else "")
    opened = widgets.require_dossier()
    widgets.conflict_banner()
    screen: Screen[Any] = Screen(
        key=key,
        name=section,
        opened=opened,
        section=getattr(opened.dossier, section),
        today=paris_today(),
        tr=tr,
    )
    show_flash(screen)
    return screen


def show_flash(screen: Screen[Any]) -> None:
    """The confirmation left by the last save or action of this screen, shown once."""
    flash = st.session_state.pop(screen.flash_key, None)
    if flash:
        st.success(str(flash))


_SAVED = N_("Enregistré (version {rev}).")


def save_section(
    screen: Screen[Any],
    new_section: BaseModel,
    message: str,
    *,
    after: dict[str, Any] | None = None,
    flash: str = _SAVED,
    flash_params: dict[str, Any] | None = None,
) -> bool:
    """Save the screen's section as a new revision (see the module docstring).

    ``after`` holds session values to set once the save succeeded (the item a
    list shows after the rerun); ``flash`` is the French message left for the
    next run (``{rev}`` is the new revision, ``flash_params`` fill the rest).
    Returns False when nothing was saved; on a save it reruns the script and
    does not return.
    """
    if new_section == screen.section:
        st.info(screen.tr("Aucune modification à enregistrer."))
        return False
    edited = screen.dossier.model_copy(update={screen.name: new_section})
    return save_dossier(
        screen, edited, message, after=after, flash=flash, flash_params=flash_params
    )


def save_dossier(
    screen: Screen[Any],
    edited: Dossier,
    message: str,
    *,
    after: dict[str, Any] | None = None,
    flash: str = _SAVED,
    flash_params: dict[str, Any] | None = None,
) -> bool:
    """Save a whole edited dossier (an import that touches several sections) and rerun."""
    if state.save_current(edited, message):
        saved = state.current()
        params = {**(flash_params or {}), "rev": saved.revision if saved else "?"}
        st.session_state[screen.flash_key] = screen.tr.fill(flash, params)
        for k, v in (after or {}).items():
            st.session_state[k] = v
    st.rerun()
    return True  # pragma: no cover - st.rerun() does not return

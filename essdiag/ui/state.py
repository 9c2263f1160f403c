"""Session state: the workspace, the translator and the open dossier.

The current dossier lives under one key, :data:`CURRENT`, owned by this
module. Every edit is saved at once as a new revision based on the revision
the user opened; when someone else saved in between, the save is refused and
the edit is kept under :data:`PENDING` so the user can reload or retry.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from essdiag.dossier import Dossier
from essdiag.errors import NotFoundError, StaleRevisionError, UnsavableDossierError
from essdiag.i18n import ANONYMOUS, N_, Translator, translator
from essdiag.samples import COPY, copy_sample, seed_workspace
from essdiag.store import DossierInfo, Workspace, default_database_url

__all__ = [
    "CURRENT",
    "OpenDossier",
    "author",
    "close_dossier",
    "current",
    "open_dossier",
    "renamed",
    "save_current",
    "tr",
    "workspace",
]

CURRENT = "dossier_current"
PENDING = "dossier_pending"
SAVE_ERROR = "dossier_save_error"
LANG = "app_lang"  # key of the sidebar's language selectbox
AUTHOR = "app_author"  # key of the sidebar's name input
_KEPT = "app_kept_"  # prefix of copies that survive Streamlit's clean-up of widget keys


@dataclass(frozen=True)
class OpenDossier:
    """The dossier open in this session, the revision it was loaded from and its listed name.

    ``name`` is the one the workspace lists it under (« … (copie 2) », a rename), so the
    sidebar names the open dossier as the list does.
    """

    id: str
    revision: int
    dossier: Dossier
    name: str = ""


@st.cache_resource(show_spinner=False)
def _workspace(url: str) -> Workspace:
    ws = Workspace(url)
    seed_workspace(ws)
    return ws


def workspace() -> Workspace:
    """The shared workspace (one engine per database URL, seeded with the sample cases)."""
    return _workspace(default_database_url())


def tr() -> Translator:
    """The translator of this session's language (French by default)."""
    return translator(str(st.session_state.get(LANG) or st.session_state.get(_KEPT + LANG) or "fr"))


def author() -> str:
    """Name the user gave for the revisions they save."""
    return str(st.session_state.get(AUTHOR) or st.session_state.get(_KEPT + AUTHOR) or ANONYMOUS)


def keep_widget_value(key: str, default: str) -> None:
    """Give a settings widget its last value back, then keep a copy of it.

    Streamlit may drop a widget's key from the session between runs (seen with
    AppTest when a page calls ``st.rerun``); the copy under another key brings
    the choice back. Call it before drawing the widget, and
    :func:`remember_widget_value` after.
    """
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get(_KEPT + key, default)


def remember_widget_value(key: str) -> None:
    """Copy a settings widget's value under a key Streamlit does not clean up."""
    st.session_state[_KEPT + key] = st.session_state.get(key)


def current() -> OpenDossier | None:
    """The open dossier, or None."""
    value = st.session_state.get(CURRENT)
    return value if isinstance(value, OpenDossier) else None


def open_dossier(
    dossier_id: str, revision: int | None = None, *, listed: str | None = None
) -> OpenDossier:
    """Load a dossier from the workspace and make it the open one.

    ``listed`` is the name the workspace lists it under, when the caller has it already.
    """
    dossier, number = workspace().load(dossier_id, revision)
    if listed is None:
        listed = workspace().info(dossier_id).name
    opened = OpenDossier(id=dossier_id, revision=number, dossier=dossier, name=listed)
    st.session_state[CURRENT] = opened
    st.session_state.pop(PENDING, None)
    return opened


def renamed(name: str) -> None:
    """The open dossier now listed under ``name``."""
    opened = current()
    if opened is not None:
        st.session_state[CURRENT] = replace(opened, name=name)


def close_dossier() -> None:
    """Leave no dossier open (it was archived or deleted), dropping any kept edit."""
    st.session_state.pop(CURRENT, None)
    st.session_state.pop(PENDING, None)


def create_and_open(dossier: Dossier, message: str) -> DossierInfo:
    """Store a new dossier in the workspace and open it.

    Raises :class:`~essdiag.errors.UnsavableDossierError` when the dossier
    cannot be stored (nothing is then written, the open dossier is kept).
    """
    info = workspace().create(dossier, author=author(), message=message)
    open_dossier(info.id, listed=info.name)
    return info


def open_sample_copy(key: str, message: str) -> DossierInfo:
    """Copy a sample case (with its data files) into the workspace, open the copy, say its name."""
    word = tr()(COPY)
    dossier_id = copy_sample(workspace(), key, author=author(), message=message, copy_word=word)
    info = workspace().info(dossier_id)
    open_dossier(dossier_id, listed=info.name)
    return info


def save_current(dossier: Dossier, message: str) -> bool:
    """Save an edit of the open dossier as a new revision.

    Returns False, keeping the edit under :data:`PENDING`, when the dossier was
    saved by someone else since it was opened; returns False too, with the
    reason under :data:`SAVE_ERROR`, when the edit could not be stored.
    """
    opened = current()
    if opened is None:
        return False
    try:
        number = workspace().save(
            opened.id, dossier, base=opened.revision, author=author(), message=message
        )
    except StaleRevisionError:
        st.session_state[PENDING] = (dossier, message)
        return False
    except UnsavableDossierError as exc:
        st.session_state[SAVE_ERROR] = str(exc)
        return False
    except NotFoundError:  # deleted by someone else meanwhile: nothing to save onto
        st.session_state[SAVE_ERROR] = _GONE
        return False
    st.session_state[CURRENT] = replace(opened, revision=number, dossier=dossier)
    st.session_state.pop(PENDING, None)
    return True


_GONE = N_(
    "Ce dossier n'existe plus dans l'espace de travail (il a été supprimé depuis un autre "
    "poste) : votre modification n'a pas été enregistrée. Ouvrez un autre dossier depuis l'accueil."
)


def take_save_error() -> str | None:
    """The reason the last save was refused (other than a conflict), said once."""
    value = st.session_state.pop(SAVE_ERROR, None)
    return str(value) if value else None


def pending() -> tuple[Dossier, str] | None:
    """An edit refused because the dossier had moved on, kept for a retry."""
    value = st.session_state.get(PENDING)
    return value if isinstance(value, tuple) else None


def force_save_pending() -> bool:
    """Save the kept edit on top of the latest revision (the user chose to)."""
    kept = pending()
    opened = current()
    if kept is None or opened is None:
        return False
    try:
        head = workspace().head(opened.id)
    except NotFoundError:
        st.session_state[SAVE_ERROR] = _GONE
        return False
    st.session_state[CURRENT] = replace(opened, revision=head)
    return save_current(kept[0], kept[1] + " (après conflit)")

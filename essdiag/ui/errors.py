"""The app frame's last resort: an unexpected error reads as a French message with a reference.

``app.py`` runs the page inside ``try``; what escapes a screen (a bug, a
library's exception, a database error whose text holds SQL and its
parameters) comes here: the traceback goes to the server log under a short
reference, and the screen shows a message in the reader's language with
that reference and the way back, never the traceback. Streamlit's own
details are off too (``.streamlit/config.toml``: ``client.showErrorDetails =
"none"``), for what happens outside the page run.

A library error (:class:`essdiag.errors.EssdiagError`) that a screen did not
catch says what it is in its own words (« Le dossier a été enregistré par
quelqu'un d'autre… »), with the reference as well.
"""

from __future__ import annotations

import logging
import uuid

import streamlit as st
from streamlit.errors import StreamlitAPIException

from essdiag.errors import EssdiagError, Issue
from essdiag.figures.issues import issue_message
from essdiag.i18n import N_, Translator
from essdiag.ui import state

__all__ = ["error_text", "log_unexpected", "other_issues", "show_unexpected"]

log = logging.getLogger("essdiag.app")

_UNEXPECTED = N_(
    "Une erreur inattendue a interrompu cet écran. Ce qui était enregistré n'a pas changé ; "
    "une modification en cours peut être à refaire. Rechargez l'écran ou revenez à l'accueil. "
    "Si cela se reproduit, signalez la référence {ref} : le détail est dans le journal du "
    "serveur."
)
_LIBRARY = N_("{what} (Référence pour l'assistance : {ref}.)")


def _own_issue(exc: EssdiagError) -> Issue | None:
    """The issue that carries the error's own message as a template, when one does."""
    return next((i for i in exc.issues if i.message == str(exc)), None)


def error_text(exc: EssdiagError, tr: Translator) -> str:
    """A library error in the reader's language.

    An error whose message is one of its issues (a template with raw params,
    as :class:`~essdiag.errors.UnknownParameterError`) is written from that
    template; otherwise its message is looked up in the catalog (a class's
    own docstring, a constant message).
    """
    own = _own_issue(exc)
    return issue_message(own, tr) if own is not None else tr(str(exc))


def other_issues(exc: EssdiagError) -> list[Issue]:
    """The error's issues, but for the one its message already says."""
    own = _own_issue(exc)
    return [i for i in exc.issues if i is not own]


def log_unexpected(exc: BaseException, page: str | None = None) -> str:
    """Write the traceback to the server log; the reference that finds it there."""
    ref = uuid.uuid4().hex[:8]
    log.error("unexpected error on page /%s (ref %s)", page or "", ref, exc_info=exc)
    return ref


def show_unexpected(exc: BaseException, page: str | None = None) -> str:
    """The message that replaces a screen an exception interrupted; returns the reference."""
    ref = log_unexpected(exc, page)
    _ = state.tr()
    if isinstance(exc, EssdiagError):
        st.error(_(_LIBRARY, what=error_text(exc, _), ref=ref), icon=":material/error:")
    else:
        st.error(_(_UNEXPECTED, ref=ref), icon=":material/error:")
    col_reload, col_home = st.columns([1, 3])
    if col_reload.button(_("Recharger l'écran"), key="app_error_reload"):
        st.rerun()
    try:  # the way home, when the home page is in the navigation (always, in app.py)
        col_home.page_link("pages/home.py", label=_("Retour à l'accueil"), icon=":material/home:")
    except StreamlitAPIException:  # a screen run alone: the message and the reload button stay
        log.info("no home page to link to from the error message (ref %s)", ref)
    return ref

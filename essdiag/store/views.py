"""Views of the workspace: the list of its dossiers (or of its archives) and the history of one.

Where it sits: in :mod:`essdiag.store`, over the listing models of
:mod:`~essdiag.store.revisions`; the home screen shows them with
``widgets.show_view``. Times stay aware datetimes until the view is shown.

Example:
    >>> from datetime import UTC, datetime
    >>> from essdiag.i18n import translator
    >>> when = datetime(2026, 11, 27, 6, 37, tzinfo=UTC)
    >>> info = DossierInfo(id="d", name="Asso", created_at=when, head=3, updated_at=when)
    >>> dossiers_view([info], open_id="d").display(translator("fr")).iloc[0].tolist()
    ['ouvert', 'Asso', 'Asso', '3', '27/11/2026 07:37']
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from essdiag.figures import Column, View
from essdiag.i18n import N_
from essdiag.store.revisions import DossierInfo, RevisionInfo

__all__ = ["dossiers_view", "history_view"]


_OPEN = N_("ouvert")


def dossiers_view(
    dossiers: Sequence[DossierInfo], *, open_id: str | None = None, archived: bool = False
) -> View:
    """The workspace's dossiers: which one is open, name, organisation, versions, last save.

    ``open_id`` is the dossier open in the session, marked « ouvert »; the
    archives (``archived``) have no such column, an archived dossier is never open.
    """
    frame = pd.DataFrame(
        {
            "open": [_OPEN if d.id == open_id else "" for d in dossiers],
            "name": [d.name for d in dossiers],
            "organisation": [d.organisation or d.name for d in dossiers],
            "head": [d.head for d in dossiers],
            "updated_at": pd.Series([d.updated_at for d in dossiers], dtype="object"),
        }
    )
    columns = (
        Column("open", N_("État"), "label"),
        Column("name", N_("Dossier")),
        Column("organisation", N_("Structure")),
        Column("head", N_("Versions"), "count", help=N_("Nombre de versions enregistrées")),
        Column("updated_at", N_("Dernier enregistrement"), "datetime"),
    )
    return View(
        columns[1:] if archived else columns,
        frame,
        title=N_("Archives") if archived else N_("Dossiers"),
    )


def history_view(revisions: Sequence[RevisionInfo]) -> View:
    """A dossier's revisions as listed (latest first): number, time, author, message."""
    frame = pd.DataFrame(
        {
            "number": [r.number for r in revisions],
            "created_at": pd.Series([r.created_at for r in revisions], dtype="object"),
            "author": [r.author for r in revisions],
            "message": [r.message for r in revisions],
        }
    )
    return View(
        (
            Column("number", N_("Version"), "count"),
            Column("created_at", N_("Date"), "datetime"),
            Column("author", N_("Auteur"), "author"),
            Column("message", N_("Message")),
        ),
        frame,
        title=N_("Historique des versions"),
    )

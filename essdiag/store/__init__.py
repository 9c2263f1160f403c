"""The workspace: dossiers, their append-only revisions and attachments, kept through SQLAlchemy.

Where it sits: layer 4, under the app and the command line, over the dossier
model. :class:`Workspace` (:mod:`~essdiag.store.workspace`) is the one object
callers use; behind it

* :mod:`~essdiag.store.schema` holds the tables, creates them under a lock and
  sets SQLite's pragmas;
* :mod:`~essdiag.store.revisions` keeps dossiers and their revisions: create,
  list, load, save under optimistic concurrency, restore, rename, archive and
  bring back, delete;
* :mod:`~essdiag.store.attachments` keeps the bulk files a dossier refers to.

Owners, groups and roles will arrive as modules of their own beside these.
"""

from __future__ import annotations

from essdiag.store.attachments import AttachmentInfo
from essdiag.store.revisions import DeletedDossier, DossierInfo, RevisionInfo
from essdiag.store.schema import metadata
from essdiag.store.workspace import ENV_URL, Workspace, default_database_url

__all__ = [
    "ENV_URL",
    "AttachmentInfo",
    "DeletedDossier",
    "DossierInfo",
    "RevisionInfo",
    "Workspace",
    "default_database_url",
    "metadata",
]

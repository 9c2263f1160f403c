"""The workspace: dossiers, their revisions and attachments in one database.

Where it sits: the face of :mod:`essdiag.store` that the app, the command line
and the sample cases use. An SQLite file in the user's data directory by
default; PostgreSQL when ``ESSDIAG_DATABASE_URL`` says so (a class or a
network sharing one server). :class:`Workspace` holds the engine and hands it
to :mod:`~essdiag.store.revisions` (append-only revisions under optimistic
concurrency) and :mod:`~essdiag.store.attachments` (bulk files); the tables
are in :mod:`~essdiag.store.schema`.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from essdiag.dossier import Dossier
from essdiag.store import attachments, revisions, schema
from essdiag.store.attachments import AttachmentInfo
from essdiag.store.revisions import DeletedDossier, DossierInfo, RevisionInfo

__all__ = ["ENV_URL", "Workspace", "default_database_url"]

ENV_URL = "ESSDIAG_DATABASE_URL"


def default_database_url() -> str:
    """``ESSDIAG_DATABASE_URL`` if set, else an SQLite file in the user's data directory."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    folder = Path(user_data_dir("essdiag", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'workspace.sqlite'}"


class Workspace:
    """Dossiers, revisions and attachments in one database.

    Opening a workspace creates its missing tables. Every save is a new,
    append-only revision, refused with
    :class:`~essdiag.errors.StaleRevisionError` when it is based on a revision
    that is no longer the latest (see :mod:`essdiag.store.revisions`).

    Example:
        >>> ws = Workspace("sqlite://")
        >>> from essdiag.dossier import new_dossier
        >>> info = ws.create(new_dossier("Asso"), author="Camille")
        >>> ws.load(info.id)[1]
        1
    """

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        self.url = url or default_database_url()
        self.engine = engine if engine is not None else schema.make_engine(self.url)
        schema.create_tables(self.engine)

    def claim_once(self, name: str) -> bool:
        """True for the first caller ever to claim ``name`` in this database, False after.

        Atomic across processes (a primary-key insert): two app processes
        starting at once on a shared PostgreSQL seed the samples only once.
        """
        try:
            with self.engine.begin() as conn:
                conn.execute(schema.flags.insert().values(name=name[:120], created_at=schema.now()))
        except IntegrityError:
            return False
        return True

    # -- dossiers and revisions (essdiag.store.revisions) ---------------------

    def create(
        self,
        dossier: Dossier,
        *,
        author: str,
        message: str = "Création",
        name: str | None = None,
    ) -> DossierInfo:
        """Store a new dossier; its first revision is number 1.

        ``name`` lists it under another name than its organisation's.
        """
        return self.info(
            revisions.create(self.engine, dossier, author=author, message=message, name=name)
        )

    def list_dossiers(self, *, archived: bool = False) -> list[DossierInfo]:
        """Every dossier of the workspace (or of its archives), most recently saved first."""
        return revisions.list_dossiers(self.engine, archived=archived)

    def listed_names(self) -> set[str]:
        """The names every dossier is listed under, archived ones included."""
        return revisions.listed_names(self.engine)

    def info(self, dossier_id: str) -> DossierInfo:
        """Listing information of one dossier."""
        return revisions.info(self.engine, dossier_id)

    def head(self, dossier_id: str) -> int:
        """Number of the latest revision of a dossier."""
        return revisions.head(self.engine, dossier_id)

    def load(self, dossier_id: str, revision: int | None = None) -> tuple[Dossier, int]:
        """A dossier at a revision (the latest by default) and that revision's number."""
        return revisions.load(self.engine, dossier_id, revision)

    def save(
        self, dossier_id: str, dossier: Dossier, *, base: int, author: str, message: str
    ) -> int:
        """Save ``dossier`` as a new revision, if ``base`` is still the latest one.

        Returns the new revision number. Raises :class:`StaleRevisionError` when
        someone saved since ``base`` was loaded: nothing is written and the
        caller keeps its edit to retry.
        """
        return revisions.save(
            self.engine, dossier_id, dossier, base=base, author=author, message=message
        )

    def restore(self, dossier_id: str, revision: int, *, author: str) -> int:
        """Make an old revision the latest again, as a new revision (retried on a race)."""
        return revisions.restore(self.engine, dossier_id, revision, author=author)

    def revisions(self, dossier_id: str) -> list[RevisionInfo]:
        """Every revision of a dossier, latest first."""
        return revisions.history(self.engine, dossier_id)

    def archive(self, dossier_id: str) -> None:
        """Hide a dossier from the list; its revisions stay in the database."""
        revisions.archive(self.engine, dossier_id)

    def unarchive(self, dossier_id: str) -> None:
        """Bring an archived dossier back into the list."""
        revisions.unarchive(self.engine, dossier_id)

    def rename(self, dossier_id: str, name: str) -> DossierInfo:
        """List a dossier under another name; its organisation's name does not change."""
        return revisions.rename(self.engine, dossier_id, name)

    def delete(self, dossier_id: str) -> DeletedDossier:
        """Delete a dossier for good, with its revisions and attachments."""
        return revisions.delete(self.engine, dossier_id)

    # -- attachments (essdiag.store.attachments) ------------------------------

    def attach(
        self, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str
    ) -> AttachmentInfo:
        """Keep a file with a dossier; returns its information (with its id)."""
        return attachments.attach(
            self.engine, dossier_id, name, data, media_type=media_type, kind=kind
        )

    def attachments(self, dossier_id: str) -> list[AttachmentInfo]:
        """Files kept with a dossier, newest first."""
        return attachments.list_attachments(self.engine, dossier_id)

    def attachment_bytes(self, attachment_id: str) -> bytes:
        """The bytes of an attachment."""
        return attachments.attachment_bytes(self.engine, attachment_id)

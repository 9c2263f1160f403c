"""The workspace: dossiers, their revisions and attachments, kept through SQLAlchemy.

An SQLite file in the user's data directory by default; PostgreSQL when
``ESSDIAG_DATABASE_URL`` says so (a class or a network sharing one server).

Every save is a new, append-only revision (author, time, message, the dossier
JSON and its hash). Saves are optimistic: the caller says which revision its
edit was based on, and a save based on a stale revision is refused with
:class:`StaleRevisionError`, the database's unique key on
``(dossier_id, number)`` backing the check when two saves race. Restoring an
old revision writes it again as a new revision: nothing is overwritten.
"""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from essdiag.dossier import Dossier, read_dossier_json
from essdiag.errors import (
    EssdiagError,
    NotFoundError,
    StaleRevisionError,
    UnsavableDossierError,
)
from essdiag.i18n import N_

__all__ = [
    "AttachmentInfo",
    "DossierInfo",
    "RevisionInfo",
    "Workspace",
    "default_database_url",
]

ENV_URL = "ESSDIAG_DATABASE_URL"

metadata = sa.MetaData()

dossiers = sa.Table(
    "dossiers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("archived", sa.Boolean, nullable=False, default=False),
)

revisions = sa.Table(
    "revisions",
    metadata,
    sa.Column("dossier_id", sa.String(36), sa.ForeignKey("dossiers.id"), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("author", sa.String(120), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("message", sa.String(500), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
)

flags = sa.Table(
    "workspace_flags",
    metadata,
    sa.Column("name", sa.String(120), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
"""One-time events of the workspace (``samples-seeded``), claimed by a unique insert."""

_RESTORE_ATTEMPTS = 5
_DDL_LOCK = 0x65737364  # "essd": PostgreSQL advisory lock serialising table creation

attachments = sa.Table(
    "attachments",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("dossier_id", sa.String(36), sa.ForeignKey("dossiers.id"), nullable=False),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("media_type", sa.String(120), nullable=False),
    sa.Column("kind", sa.String(60), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Index("ix_attachments_dossier", "dossier_id"),
)


class DossierInfo(BaseModel):
    """A dossier as listed in the workspace.

    Attributes:
        id: stable identifier.
        name: organisation name at the last save.
        created_at: first save.
        head: number of the latest revision.
        updated_at: time of the latest revision.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    created_at: datetime
    head: int
    updated_at: datetime


class RevisionInfo(BaseModel):
    """One saved revision of a dossier (without its content).

    Attributes:
        number: 1 for the first save, then +1 per save.
        author: who saved it.
        created_at: when.
        message: what changed, in the author's words.
        sha256: hash of the saved JSON.
    """

    model_config = ConfigDict(frozen=True)

    number: int
    author: str
    created_at: datetime
    message: str
    sha256: str


class AttachmentInfo(BaseModel):
    """A file kept with a dossier (imported ledger as Parquet, original upload).

    Attributes:
        id: stable identifier, referenced from the dossier's sections.
        name: file name.
        media_type: MIME type.
        kind: what it is for (``ledger-parquet``, ``original-upload``…).
        size: bytes.
        sha256: hash of the bytes.
        created_at: when it was stored.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    media_type: str
    kind: str
    size: int
    sha256: str
    created_at: datetime


def default_database_url() -> str:
    """``ESSDIAG_DATABASE_URL`` if set, else an SQLite file in the user's data directory."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    folder = Path(user_data_dir("essdiag", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'workspace.sqlite'}"


def _now() -> datetime:
    return datetime.now(UTC)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes: they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Workspace:
    """Dossiers, revisions and attachments in one database.

    Example:
        >>> ws = Workspace("sqlite://")
        >>> from essdiag.dossier import new_dossier
        >>> info = ws.create(new_dossier("Asso"), author="Camille")
        >>> ws.load(info.id)[1]
        1
    """

    def __init__(self, url: str | None = None, *, engine: Engine | None = None) -> None:
        self.url = url or default_database_url()
        if engine is None:
            kwargs: dict[str, object] = {}
            if self.url.startswith("sqlite"):
                kwargs["connect_args"] = {"check_same_thread": False}
                if self.url in ("sqlite://", "sqlite:///:memory:"):
                    kwargs["poolclass"] = sa.pool.StaticPool
            engine = sa.create_engine(self.url, **kwargs)
            if self.url.startswith("sqlite"):
                sa.event.listen(engine, "connect", _sqlite_pragmas)
        self.engine = engine
        _create_tables(self.engine)

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def claim_once(self, name: str) -> bool:
        """True for the first caller ever to claim ``name`` in this database, False after.

        Atomic across processes (a primary-key insert): two app processes
        starting at once on a shared PostgreSQL seed the samples only once.
        """
        try:
            with self._tx() as conn:
                conn.execute(flags.insert().values(name=name[:120], created_at=_now()))
        except IntegrityError:
            return False
        return True

    # -- dossiers -------------------------------------------------------------

    def create(self, dossier: Dossier, *, author: str, message: str = "Création") -> DossierInfo:
        """Store a new dossier; its first revision is number 1."""
        dossier_id = str(uuid.uuid4())
        now = _now()
        with self._tx() as conn:
            conn.execute(
                dossiers.insert().values(
                    id=dossier_id, name=dossier.identity.name, created_at=now, archived=False
                )
            )
            self._insert_revision(
                conn,
                dossier_id=dossier_id,
                number=1,
                dossier=dossier,
                author=author,
                message=message,
                now=now,
            )
        return self.info(dossier_id)

    def list_dossiers(self) -> list[DossierInfo]:
        """Every dossier of the workspace, most recently saved first."""
        head = (
            sa.select(
                revisions.c.dossier_id,
                sa.func.max(revisions.c.number).label("head"),
                sa.func.max(revisions.c.created_at).label("updated_at"),
            )
            .group_by(revisions.c.dossier_id)
            .subquery()
        )
        query = (
            sa.select(dossiers, head.c.head, head.c.updated_at)
            .join(head, head.c.dossier_id == dossiers.c.id)
            .where(dossiers.c.archived.is_(False))
            .order_by(head.c.updated_at.desc(), dossiers.c.name)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [self._info(r) for r in rows]

    def info(self, dossier_id: str) -> DossierInfo:
        """Listing information of one dossier."""
        matches = self._select_infos(dossier_id)
        if not matches:
            raise NotFoundError(f"Aucun dossier n'a l'identifiant {dossier_id}.")
        return matches[0]

    def _select_infos(self, dossier_id: str) -> list[DossierInfo]:
        query = (
            sa.select(
                dossiers,
                sa.func.max(revisions.c.number).label("head"),
                sa.func.max(revisions.c.created_at).label("updated_at"),
            )
            .join(revisions, revisions.c.dossier_id == dossiers.c.id)
            .where(dossiers.c.id == dossier_id)
            .group_by(dossiers.c.id, dossiers.c.name, dossiers.c.created_at, dossiers.c.archived)
        )
        with self.engine.connect() as conn:
            return [self._info(r) for r in conn.execute(query).mappings().all()]

    @staticmethod
    def _info(row: sa.RowMapping) -> DossierInfo:
        return DossierInfo(
            id=row["id"],
            name=row["name"],
            created_at=_aware(row["created_at"]),
            head=row["head"],
            updated_at=_aware(row["updated_at"]),
        )

    def head(self, dossier_id: str) -> int:
        """Number of the latest revision of a dossier."""
        return self.info(dossier_id).head

    def load(self, dossier_id: str, revision: int | None = None) -> tuple[Dossier, int]:
        """A dossier at a revision (the latest by default) and that revision's number."""
        query = sa.select(revisions.c.number, revisions.c.content).where(
            revisions.c.dossier_id == dossier_id
        )
        if revision is None:
            query = query.order_by(revisions.c.number.desc()).limit(1)
        else:
            query = query.where(revisions.c.number == revision)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise NotFoundError(
                f"Le dossier {dossier_id} n'a pas de version {revision}."
                if revision
                else f"Aucun dossier n'a l'identifiant {dossier_id}."
            )
        dossier, issues = read_dossier_json(row.content.encode("utf-8"), file="espace de travail")
        if dossier is None:
            raise EssdiagError(
                "La version enregistrée de ce dossier ne peut pas être lue.", issues=issues
            )
        return dossier, int(row.number)

    def save(
        self, dossier_id: str, dossier: Dossier, *, base: int, author: str, message: str
    ) -> int:
        """Save ``dossier`` as a new revision, if ``base`` is still the latest one.

        Returns the new revision number. Raises :class:`StaleRevisionError` when
        someone saved since ``base`` was loaded: nothing is written and the
        caller keeps its edit to retry.
        """
        try:
            with self._tx() as conn:
                current = conn.execute(
                    sa.select(sa.func.max(revisions.c.number)).where(
                        revisions.c.dossier_id == dossier_id
                    )
                ).scalar_one_or_none()
                if current is None:
                    raise NotFoundError(f"Aucun dossier n'a l'identifiant {dossier_id}.")
                if current != base:
                    raise StaleRevisionError()
                now = _now()
                self._insert_revision(
                    conn,
                    dossier_id=dossier_id,
                    number=base + 1,
                    dossier=dossier,
                    author=author,
                    message=message,
                    now=now,
                )
                conn.execute(
                    dossiers.update()
                    .where(dossiers.c.id == dossier_id)
                    .values(name=dossier.identity.name)
                )
        except IntegrityError as exc:  # a concurrent save took base + 1 first
            raise StaleRevisionError() from exc
        return base + 1

    def restore(self, dossier_id: str, revision: int, *, author: str) -> int:
        """Make an old revision the latest again, as a new revision.

        A restore does not depend on what the user had open, so when another
        save slips in between reading the head and writing, it is simply
        retried on top of the new head.
        """
        old, _ = self.load(dossier_id, revision)
        for attempt in range(_RESTORE_ATTEMPTS):
            try:
                return self.save(
                    dossier_id,
                    old,
                    base=self.head(dossier_id),
                    author=author,
                    message=f"Restauration de la version {revision}",
                )
            except StaleRevisionError:
                if attempt == _RESTORE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def revisions(self, dossier_id: str) -> list[RevisionInfo]:
        """Every revision of a dossier, latest first."""
        query = (
            sa.select(
                revisions.c.number,
                revisions.c.author,
                revisions.c.created_at,
                revisions.c.message,
                revisions.c.sha256,
            )
            .where(revisions.c.dossier_id == dossier_id)
            .order_by(revisions.c.number.desc())
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [RevisionInfo(**{**dict(r), "created_at": _aware(r["created_at"])}) for r in rows]

    def archive(self, dossier_id: str) -> None:
        """Hide a dossier from the list; its revisions stay in the database."""
        with self._tx() as conn:
            conn.execute(dossiers.update().where(dossiers.c.id == dossier_id).values(archived=True))

    @staticmethod
    def _insert_revision(
        conn: Connection,
        *,
        dossier_id: str,
        number: int,
        dossier: Dossier,
        author: str,
        message: str,
        now: datetime,
    ) -> None:
        content = _readable_json(dossier)
        conn.execute(
            revisions.insert().values(
                dossier_id=dossier_id,
                number=number,
                author=(author or "anonyme")[:120],
                created_at=now,
                message=(message or "")[:500],
                content=content,
                sha256=_sha(content.encode("utf-8")),
            )
        )

    # -- attachments ----------------------------------------------------------

    def attach(
        self, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str
    ) -> AttachmentInfo:
        """Keep a file with a dossier; returns its information (with its id)."""
        self.info(dossier_id)
        att_id = str(uuid.uuid4())
        now = _now()
        with self._tx() as conn:
            conn.execute(
                attachments.insert().values(
                    id=att_id,
                    dossier_id=dossier_id,
                    name=name[:300],
                    media_type=media_type,
                    kind=kind,
                    size=len(data),
                    sha256=_sha(data),
                    created_at=now,
                    data=data,
                )
            )
        return AttachmentInfo(
            id=att_id,
            name=name[:300],
            media_type=media_type,
            kind=kind,
            size=len(data),
            sha256=_sha(data),
            created_at=now,
        )

    def attachments(self, dossier_id: str) -> list[AttachmentInfo]:
        """Files kept with a dossier, newest first."""
        cols = [c for c in attachments.c if c.name not in ("data", "dossier_id")]
        query = (
            sa.select(*cols)
            .where(attachments.c.dossier_id == dossier_id)
            .order_by(attachments.c.created_at.desc())
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [AttachmentInfo(**{**dict(r), "created_at": _aware(r["created_at"])}) for r in rows]

    def attachment_bytes(self, attachment_id: str) -> bytes:
        """The bytes of an attachment."""
        with self.engine.connect() as conn:
            data = conn.execute(
                sa.select(attachments.c.data).where(attachments.c.id == attachment_id)
            ).scalar_one_or_none()
        if data is None:
            raise NotFoundError(f"Aucune pièce jointe n'a l'identifiant {attachment_id}.")
        return bytes(data)


def _create_tables(engine: Engine) -> None:
    """Create the missing tables, safely when several processes start at once.

    PostgreSQL: an advisory lock held for the transaction serialises the
    ``CREATE TABLE`` of concurrent processes (two would otherwise collide on the
    catalog's unique index). Elsewhere a collision is retried once, since the
    other process has then created a table (SQLite runs DDL outside
    transactions, so the check and the creation are not atomic there).
    """
    attempts = 2 * len(metadata.tables) + 2
    for attempt in range(attempts):
        try:
            with engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _DDL_LOCK})
                metadata.create_all(conn)
            return
        except (sa.exc.OperationalError, sa.exc.ProgrammingError, IntegrityError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _readable_json(dossier: Dossier) -> str:
    """The dossier's JSON, checked to read back as the same dossier before it is stored.

    A value JSON cannot hold (an infinite or NaN number typed into some table)
    would otherwise be saved as ``null`` and make that revision unreadable.
    """
    content = dossier.to_json()
    back, issues = read_dossier_json(content.encode("utf-8"), file="dossier")
    if back is None or back != dossier:
        raise UnsavableDossierError(
            N_(
                "Ce dossier contient une valeur qui ne se relirait pas à l'identique (par exemple "
                "un nombre infini) : rien n'a été enregistré. Corrigez la valeur puis "
                "enregistrez de nouveau."
            ),
            issues=issues,
        )
    return content


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()

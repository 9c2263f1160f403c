"""The workspace's tables, how they are created, and the engine that reaches them.

Where it sits: the bottom of :mod:`essdiag.store`. :mod:`~essdiag.store.revisions`
and :mod:`~essdiag.store.attachments` read and write these tables;
:class:`~essdiag.store.workspace.Workspace` creates them when it opens a
database. A later module (owners, groups, roles) adds its own tables to
:data:`metadata` here; a column added to an existing table is listed in
:data:`ADDED_COLUMNS` so that an older database gets it when opened.

Times are stored in UTC; SQLite gives them back naive (:func:`aware` puts the
zone back). Hashes are SHA-256 of the stored bytes.
"""

from __future__ import annotations

import hashlib
import time
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

__all__ = [
    "ADDED_COLUMNS",
    "attachments",
    "aware",
    "create_tables",
    "dossiers",
    "flags",
    "make_engine",
    "metadata",
    "now",
    "revisions",
    "sha256",
]

metadata = sa.MetaData()

dossiers = sa.Table(
    "dossiers",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("archived", sa.Boolean, nullable=False, default=False),
    sa.Column("title", sa.String(200), nullable=True),
)
"""One row per dossier: the organisation's name at the last save (``name``), the name the
dossier is listed under when it was given one (``title``: a copy « … (copie 2) », a rename;
none means the organisation's name), and whether it is archived."""

ADDED_COLUMNS: dict[str, tuple[sa.Column[object], ...]] = {
    "dossiers": (dossiers.c.title,),
}
"""Columns added to a table after its first release: :func:`create_tables` adds them to a
database created by an older essdiag (``ALTER TABLE … ADD COLUMN``, nullable, no data moved)."""

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
"""Append-only revisions; the key ``(dossier_id, number)`` refuses two saves of one number."""

flags = sa.Table(
    "workspace_flags",
    metadata,
    sa.Column("name", sa.String(120), primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
"""One-time events of the workspace (``samples-seeded``), claimed by a unique insert."""

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
"""Bulk files kept with a dossier (ledgers as Parquet, original uploads)."""

_DDL_LOCK = 0x65737364  # "essd": PostgreSQL advisory lock serialising table creation


def now() -> datetime:
    """The current time, in UTC, as every row stores it."""
    return datetime.now(UTC)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of stored bytes."""
    return hashlib.sha256(data).hexdigest()


def aware(value: datetime) -> datetime:
    """A stored time with its zone: SQLite returns naive datetimes, which were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def make_engine(url: str) -> Engine:
    """An engine on ``url``; SQLite shared across threads, in-memory SQLite on one connection."""
    kwargs: dict[str, object] = {}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = sa.pool.StaticPool
    engine = sa.create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_tables(engine: Engine) -> None:
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
                _add_missing_columns(conn)
            return
        except (sa.exc.OperationalError, sa.exc.ProgrammingError, IntegrityError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _add_missing_columns(conn: sa.Connection) -> None:
    """Add to existing tables the columns of :data:`ADDED_COLUMNS` they lack."""
    inspector = sa.inspect(conn)
    for table, columns in ADDED_COLUMNS.items():
        present = {c["name"] for c in inspector.get_columns(table)}
        for column in columns:
            if column.name in present:
                continue
            kind = column.type.compile(dialect=conn.dialect)
            conn.execute(sa.text(f'ALTER TABLE {table} ADD COLUMN "{column.name}" {kind}'))


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    """Foreign keys enforced and write-ahead logging, on every new SQLite connection."""
    cursor = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()

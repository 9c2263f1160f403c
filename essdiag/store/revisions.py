"""Dossiers and their append-only revisions.

Where it sits: in :mod:`essdiag.store`, over the tables of
:mod:`~essdiag.store.schema`; :class:`~essdiag.store.workspace.Workspace`
calls these functions with its engine.

Every save is a new revision (author, time, message, the dossier JSON and its
hash); nothing is ever updated in place but the dossier's listed name, the
title it was given (a copy « … (copie 2) », a rename) and its archived flag.
Deleting a dossier removes it with every revision and attachment, for good
(the home screen asks first, and only for an archived dossier). Saves are optimistic: the caller says which revision its edit
was based on, and a save based on a stale revision is refused with
:class:`~essdiag.errors.StaleRevisionError`, the database's unique key on
``(dossier_id, number)`` backing the check when two saves race. Restoring an
old revision writes it again as a new revision. A dossier is stored only once
its JSON has been read back as the same dossier and keeps the bounds of every
dossier (:func:`readable_json`); texts the database cannot hold (NUL
characters in an author's name or a message) are cleaned first.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from essdiag.dossier import Dossier, read_dossier_json, value_issues
from essdiag.errors import EssdiagError, NotFoundError, StaleRevisionError, UnsavableDossierError
from essdiag.i18n import ANONYMOUS, N_
from essdiag.store import schema

__all__ = [
    "NAME_LENGTH",
    "DeletedDossier",
    "DossierInfo",
    "RevisionInfo",
    "archive",
    "clean_name",
    "create",
    "delete",
    "head",
    "history",
    "info",
    "list_dossiers",
    "listed_names",
    "load",
    "readable_json",
    "rename",
    "restore",
    "save",
    "unarchive",
]

NAME_LENGTH = 200
"""Longest name of a dossier (and of an organisation: the identity's bound)."""

RESTORE_ATTEMPTS = 5
"""How many times a restore is retried when other saves keep slipping in."""


class DossierInfo(BaseModel):
    """A dossier as listed in the workspace.

    Attributes:
        id: stable identifier.
        name: the name it is listed under: the title it was given (a copy
            « … (copie 2) », a rename), else its organisation's name.
        created_at: first save.
        head: number of the latest revision.
        updated_at: time of the latest revision.
        organisation: the organisation's name at the last save (empty when
            not known: an info built by hand).
        archived: hidden from the list, kept in the archives.
    """

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    created_at: datetime
    head: int
    updated_at: datetime
    organisation: str = ""
    archived: bool = False


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


def _not_found(dossier_id: str) -> NotFoundError:
    return NotFoundError(f"Aucun dossier n'a l'identifiant {dossier_id}.")


class DeletedDossier(BaseModel):
    """What a deletion removed, for the confirmation the user reads.

    Attributes:
        name: the name the dossier was listed under.
        revisions: how many revisions were deleted.
        attachments: how many attached files were deleted.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    revisions: int
    attachments: int


def clean_name(name: str) -> str:
    """A name as stored: spaces collapsed, NUL removed, at most :data:`NAME_LENGTH` characters.

    Example:
        >>> clean_name("  La   Ressourcerie\\x00 ")
        'La Ressourcerie'
    """
    return " ".join(name.replace("\x00", "").split())[:NAME_LENGTH]


def _title(name: str | None, organisation: str) -> str | None:
    """The title column: None when the dossier is listed under its organisation's name."""
    if name is None:
        return None
    cleaned = clean_name(name)
    return cleaned if cleaned and cleaned != organisation else None


def create(
    engine: Engine, dossier: Dossier, *, author: str, message: str, name: str | None = None
) -> str:
    """Store a new dossier with its first revision (number 1); returns its id.

    ``name`` lists it under another name than its organisation's (a copy of
    a sample case: « … (copie 2) »).
    """
    dossier_id = str(uuid.uuid4())
    when = schema.now()
    content = readable_json(dossier)  # refused before anything is written
    organisation = clean_name(dossier.identity.name)
    try:
        with engine.begin() as conn:
            conn.execute(
                schema.dossiers.insert().values(
                    id=dossier_id,
                    name=organisation,
                    title=_title(name, organisation),
                    created_at=when,
                    archived=False,
                )
            )
            _insert_content(conn, dossier_id, 1, content, author=author, message=message, when=when)
    except sa.exc.DataError as exc:  # a value the database refused: nothing was written
        raise UnsavableDossierError() from exc
    return dossier_id


def _head_query() -> sa.Subquery:
    """Latest revision number and time of every dossier."""
    rev = schema.revisions.c
    return (
        sa.select(
            rev.dossier_id,
            sa.func.max(rev.number).label("head"),
            sa.func.max(rev.created_at).label("updated_at"),
        )
        .group_by(rev.dossier_id)
        .subquery()
    )


def _info(row: sa.RowMapping) -> DossierInfo:
    return DossierInfo(
        id=row["id"],
        name=row["title"] or row["name"],
        organisation=row["name"],
        archived=bool(row["archived"]),
        created_at=schema.aware(row["created_at"]),
        head=row["head"],
        updated_at=schema.aware(row["updated_at"]),
    )


def list_dossiers(engine: Engine, *, archived: bool = False) -> list[DossierInfo]:
    """Every dossier not archived (or, with ``archived``, every archived one), latest saved first."""
    heads = _head_query()
    query = (
        sa.select(schema.dossiers, heads.c.head, heads.c.updated_at)
        .join(heads, heads.c.dossier_id == schema.dossiers.c.id)
        .where(schema.dossiers.c.archived.is_(archived))
        .order_by(heads.c.updated_at.desc(), schema.dossiers.c.name)
    )
    with engine.connect() as conn:
        return [_info(r) for r in conn.execute(query).mappings().all()]


def info(engine: Engine, dossier_id: str) -> DossierInfo:
    """Listing information of one dossier (archived or not)."""
    d, rev = schema.dossiers.c, schema.revisions.c
    query = (
        sa.select(
            schema.dossiers,
            sa.func.max(rev.number).label("head"),
            sa.func.max(rev.created_at).label("updated_at"),
        )
        .join(schema.revisions, rev.dossier_id == d.id)
        .where(d.id == dossier_id)
        .group_by(d.id, d.name, d.created_at, d.archived, d.title)
    )
    with engine.connect() as conn:
        row = conn.execute(query).mappings().first()
    if row is None:
        raise _not_found(dossier_id)
    return _info(row)


def head(engine: Engine, dossier_id: str) -> int:
    """Number of the latest revision of a dossier."""
    return info(engine, dossier_id).head


def load(engine: Engine, dossier_id: str, revision: int | None = None) -> tuple[Dossier, int]:
    """A dossier at a revision (the latest by default) and that revision's number."""
    rev = schema.revisions.c
    query = sa.select(rev.number, rev.content).where(rev.dossier_id == dossier_id)
    if revision is None:
        query = query.order_by(rev.number.desc()).limit(1)
    else:
        query = query.where(rev.number == revision)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        if revision:
            raise NotFoundError(f"Le dossier {dossier_id} n'a pas de version {revision}.")
        raise _not_found(dossier_id)
    # strict=False: a revision saved by an older essdiag stays readable (and restorable).
    dossier, issues = read_dossier_json(
        row.content.encode("utf-8"), file="espace de travail", strict=False
    )
    if dossier is None:
        raise EssdiagError(
            "La version enregistrée de ce dossier ne peut pas être lue.", issues=issues
        )
    return dossier, int(row.number)


def save(
    engine: Engine, dossier_id: str, dossier: Dossier, *, base: int, author: str, message: str
) -> int:
    """Save ``dossier`` as revision ``base + 1``, if ``base`` is still the latest one.

    Raises :class:`~essdiag.errors.StaleRevisionError` when someone saved since
    ``base`` was loaded (or is saving ``base + 1`` right now: the unique key
    refuses the second insert): nothing is written and the caller keeps its
    edit to retry.
    """
    rev = schema.revisions.c
    content = readable_json(dossier)  # refused before anything is written
    try:
        with engine.begin() as conn:
            current = conn.execute(
                sa.select(sa.func.max(rev.number)).where(rev.dossier_id == dossier_id)
            ).scalar_one_or_none()
            if current is None:
                raise _not_found(dossier_id)
            if current != base:
                raise StaleRevisionError()
            _insert_content(conn, dossier_id, base + 1, content, author=author, message=message)
            conn.execute(
                schema.dossiers.update()
                .where(schema.dossiers.c.id == dossier_id)
                .values(name=clean_name(dossier.identity.name))
            )
    except IntegrityError as exc:  # a concurrent save took base + 1 first
        raise StaleRevisionError() from exc
    except sa.exc.DataError as exc:  # a value the database refused: nothing was written
        raise UnsavableDossierError() from exc
    return base + 1


def restore(engine: Engine, dossier_id: str, revision: int, *, author: str) -> int:
    """Make an old revision the latest again, as a new revision; returns its number.

    A restore does not depend on what the user had open, so when another save
    slips in between reading the head and writing, it is simply retried on top
    of the new head.
    """
    old, _ = load(engine, dossier_id, revision)
    for attempt in range(RESTORE_ATTEMPTS):
        try:
            return save(
                engine,
                dossier_id,
                old,
                base=head(engine, dossier_id),
                author=author,
                message=f"Restauration de la version {revision}",
            )
        except StaleRevisionError:
            if attempt == RESTORE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def history(engine: Engine, dossier_id: str) -> list[RevisionInfo]:
    """Every revision of a dossier, latest first (without their content)."""
    rev = schema.revisions.c
    query = (
        sa.select(rev.number, rev.author, rev.created_at, rev.message, rev.sha256)
        .where(rev.dossier_id == dossier_id)
        .order_by(rev.number.desc())
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [RevisionInfo(**{**r, "created_at": schema.aware(r["created_at"])}) for r in rows]


def _set(engine: Engine, dossier_id: str, **values: object) -> None:
    """Update the listing row of a dossier; NotFoundError when there is none."""
    with engine.begin() as conn:
        done = conn.execute(
            schema.dossiers.update().where(schema.dossiers.c.id == dossier_id).values(**values)
        )
    if done.rowcount == 0:
        raise _not_found(dossier_id)


def archive(engine: Engine, dossier_id: str) -> None:
    """Hide a dossier from the list; its revisions stay in the database."""
    _set(engine, dossier_id, archived=True)


def unarchive(engine: Engine, dossier_id: str) -> None:
    """Bring an archived dossier back into the list."""
    _set(engine, dossier_id, archived=False)


def rename(engine: Engine, dossier_id: str, name: str) -> DossierInfo:
    """List a dossier under another name (its organisation's name is left as it is).

    Giving back the organisation's name makes the list follow it again when
    the identity changes. Raises :class:`~essdiag.errors.EssdiagError` for a
    name that is empty once cleaned (:func:`clean_name`).
    """
    cleaned = clean_name(name)
    if not cleaned:
        raise EssdiagError(N_("Donnez un nom au dossier."))
    current = info(engine, dossier_id)
    _set(engine, dossier_id, title=_title(cleaned, current.organisation))
    return info(engine, dossier_id)


def listed_names(engine: Engine) -> set[str]:
    """The names every dossier is listed under, archived ones included."""
    d = schema.dossiers.c
    with engine.connect() as conn:
        rows = conn.execute(sa.select(d.title, d.name)).all()
    return {row.title or row.name for row in rows}


def delete(engine: Engine, dossier_id: str) -> DeletedDossier:
    """Delete a dossier for good, with every revision and attachment; says what was removed."""
    listed = info(engine, dossier_id)
    with engine.begin() as conn:
        files = conn.execute(
            schema.attachments.delete().where(schema.attachments.c.dossier_id == dossier_id)
        ).rowcount
        revisions = conn.execute(
            schema.revisions.delete().where(schema.revisions.c.dossier_id == dossier_id)
        ).rowcount
        conn.execute(schema.dossiers.delete().where(schema.dossiers.c.id == dossier_id))
    return DeletedDossier(name=listed.name, revisions=revisions, attachments=files)


def _insert_content(
    conn: Connection,
    dossier_id: str,
    number: int,
    content: str,
    *,
    author: str,
    message: str,
    when: datetime | None = None,
) -> None:
    conn.execute(
        schema.revisions.insert().values(
            dossier_id=dossier_id,
            number=number,
            author=(author.replace("\x00", "").strip() or ANONYMOUS)[:120],
            created_at=when or schema.now(),
            message=(message or "").replace("\x00", "")[:500],
            content=content,
            sha256=schema.sha256(content.encode("utf-8")),
        )
    )


_UNSAVABLE_VALUES = N_(
    "Ce dossier contient une valeur qu'il ne peut pas garder (un nombre infini ou démesuré, un "
    "caractère nul dans un texte) : rien n'a été enregistré. Corrigez la valeur signalée puis "
    "enregistrez de nouveau."
)


def readable_json(dossier: Dossier) -> str:
    """The dossier's JSON, checked to read back as the same dossier before it is stored.

    A value JSON cannot hold (an infinite or NaN number typed into some table)
    would otherwise be saved as ``null`` and make that revision unreadable.
    """
    bounds = value_issues(dossier)
    if bounds:
        raise UnsavableDossierError(_UNSAVABLE_VALUES, issues=bounds)
    content = dossier.to_json()
    back, issues = read_dossier_json(content.encode("utf-8"), file="dossier", strict=False)
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

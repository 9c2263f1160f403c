"""Files kept with a dossier: bulk data the dossier JSON refers to by id.

Where it sits: in :mod:`essdiag.store`, over the ``attachments`` table of
:mod:`~essdiag.store.schema`. A ledger import keeps its canonical entries as
Parquet and the original upload here (:mod:`essdiag.ledger.storage`), and its
section of the dossier names them by attachment id. An attachment never
changes once stored, so a result computed from it can be cached on its id.
"""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict
from sqlalchemy.engine import Engine

from essdiag.errors import NotFoundError
from essdiag.store import schema

__all__ = ["AttachmentInfo", "attach", "attachment_bytes", "list_attachments"]


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


def attach(
    engine: Engine, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str
) -> AttachmentInfo:
    """Keep a file with a dossier; returns its information (with its id)."""
    stored = AttachmentInfo(
        id=str(uuid.uuid4()),
        name=name[:300],
        media_type=media_type,
        kind=kind,
        size=len(data),
        sha256=schema.sha256(data),
        created_at=schema.now(),
    )
    with engine.begin() as conn:
        known = conn.execute(
            sa.select(schema.dossiers.c.id).where(schema.dossiers.c.id == dossier_id)
        ).first()
        if known is None:
            raise NotFoundError(f"Aucun dossier n'a l'identifiant {dossier_id}.")
        conn.execute(
            schema.attachments.insert().values(
                **stored.model_dump(), dossier_id=dossier_id, data=data
            )
        )
    return stored


def list_attachments(engine: Engine, dossier_id: str) -> list[AttachmentInfo]:
    """Files kept with a dossier, newest first (without their bytes)."""
    table = schema.attachments
    cols = [c for c in table.c if c.name not in ("data", "dossier_id")]
    query = (
        sa.select(*cols).where(table.c.dossier_id == dossier_id).order_by(table.c.created_at.desc())
    )
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [AttachmentInfo(**{**r, "created_at": schema.aware(r["created_at"])}) for r in rows]


def attachment_bytes(engine: Engine, attachment_id: str) -> bytes:
    """The bytes of an attachment."""
    with engine.connect() as conn:
        data = conn.execute(
            sa.select(schema.attachments.c.data).where(schema.attachments.c.id == attachment_id)
        ).scalar_one_or_none()
    if data is None:
        raise NotFoundError(f"Aucune pièce jointe n'a l'identifiant {attachment_id}.")
    return bytes(data)

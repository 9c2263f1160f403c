"""Keep imported ledgers as workspace attachments (Parquet + original file).

Where it sits: reader result → :func:`ledger_to_parquet` → ``Workspace.attach``
(kind ``ledger-parquet`` and ``ledger-original``) → ids in
:class:`~essdiag.ledger.section.LedgerSection` → :func:`load_ledgers`.
"""

from __future__ import annotations

import io
from typing import Protocol

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from essdiag.errors import EssdiagError
from essdiag.ledger.frame import (
    CATEGORY_COLUMNS,
    LEDGER_SCHEMA,
    empty_ledger,
    ledger_from_table,
    sorted_categories,
)
from essdiag.ledger.section import ImportKind, LedgerImport, LedgerSection

__all__ = [
    "ORIGINAL_KIND",
    "PARQUET_KIND",
    "AttachmentStore",
    "combine_ledgers",
    "ledger_from_parquet",
    "ledger_to_parquet",
    "load_ledgers",
    "store_ledger",
]

PARQUET_KIND = "ledger-parquet"
ORIGINAL_KIND = "ledger-original"


class _Info(Protocol):
    @property
    def id(self) -> str: ...


class AttachmentStore(Protocol):
    """What this module needs of :class:`essdiag.store.Workspace`."""

    def attach(
        self, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str
    ) -> _Info: ...

    def attachment_bytes(self, attachment_id: str) -> bytes: ...


def ledger_to_parquet(ledger: pd.DataFrame) -> bytes:
    """The canonical ledger as Parquet bytes (zstd).

    Example:
        >>> ledger_from_parquet(ledger_to_parquet(empty_ledger())).shape
        (0, 10)
    """
    table = pa.Table.from_pandas(ledger, schema=LEDGER_SCHEMA, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def ledger_from_parquet(data: bytes) -> pd.DataFrame:
    """The canonical ledger from Parquet bytes written by :func:`ledger_to_parquet`."""
    try:
        table = pq.read_table(pa.py_buffer(data))
    except (pa.ArrowException, OSError) as exc:
        raise EssdiagError("Le grand livre enregistré est illisible.") from exc
    return ledger_from_table(table)


def store_ledger(
    store: AttachmentStore,
    dossier_id: str,
    section: LedgerSection,
    ledger: pd.DataFrame,
    *,
    original: bytes,
    name: str,
    kind: ImportKind | str,
    fiscal_year: int | None,
    lines_read: int,
    issues: int,
    replace_year: bool = True,
) -> LedgerSection:
    """Attach the ledger and its original file; return the section with the new import.

    ``kind`` is an :class:`~essdiag.ledger.section.ImportKind` (or its value,
    ``"fec"`` or ``"table"``). With ``replace_year``, earlier imports of the
    same fiscal year are dropped from the section (their attachments stay in
    the workspace history).
    """
    parquet = store.attach(
        dossier_id,
        f"{name}.parquet",
        ledger_to_parquet(ledger),
        media_type="application/vnd.apache.parquet",
        kind=PARQUET_KIND,
    )
    source = store.attach(
        dossier_id, name, original, media_type="application/octet-stream", kind=ORIGINAL_KIND
    )
    dates = ledger["date"]
    record = LedgerImport(
        name=name,
        kind=ImportKind(kind),
        fiscal_year=fiscal_year,
        parquet_id=parquet.id,
        original_id=source.id,
        lines_read=lines_read,
        lines_kept=len(ledger),
        issues=issues,
        first_date=dates.min().date().isoformat() if len(ledger) else "",
        last_date=dates.max().date().isoformat() if len(ledger) else "",
    )
    kept = [
        i
        for i in section.imports
        if not (replace_year and fiscal_year is not None and i.fiscal_year == fiscal_year)
    ]
    return section.model_copy(update={"imports": [*kept, record]})


def combine_ledgers(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Several canonical ledgers as one."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty_ledger()
    if len(frames) == 1:
        return frames[0]
    out = pd.concat(frames, ignore_index=True)
    for name in CATEGORY_COLUMNS:  # categories of different imports, made one again
        out[name] = sorted_categories(out[name])
    return out


def load_ledgers(
    store: AttachmentStore, section: LedgerSection, fiscal_year: int | None = None
) -> pd.DataFrame:
    """The ledgers of a dossier (optionally of one fiscal year) as one canonical frame."""
    chosen: list[LedgerImport] = (
        section.imports if fiscal_year is None else section.for_year(fiscal_year)
    )
    return combine_ledgers(
        [ledger_from_parquet(store.attachment_bytes(i.parquet_id)) for i in chosen]
    )

"""Keep the workforce register and the survey answers as workspace attachments.

Where it sits: reader result (:func:`essdiag.hr.workforce.read_workforce`,
:func:`essdiag.hr.qvt.read_survey`) → :func:`table_to_parquet` →
``Workspace.attach`` (kinds ``hr-workforce-parquet``, ``hr-survey-parquet`` and
``hr-original``) → a :class:`~essdiag.hr.section.StoredTable` in the HR section
→ :func:`table_from_parquet` (or a generic Parquet reader, then
:func:`canonical_table`) when a screen, a command or an export needs it.
An attachment never changes once stored, so readers may cache on its id.
"""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from essdiag.errors import EssdiagError
from essdiag.hr.section import StoredTable
from essdiag.ledger.storage import AttachmentStore

__all__ = [
    "ORIGINAL_KIND",
    "SURVEY_KIND",
    "WORKFORCE_KIND",
    "canonical_table",
    "store_table",
    "table_from_parquet",
    "table_to_parquet",
]

WORKFORCE_KIND = "hr-workforce-parquet"
SURVEY_KIND = "hr-survey-parquet"
ORIGINAL_KIND = "hr-original"


def table_to_parquet(frame: pd.DataFrame) -> bytes:
    """A canonical frame as Parquet bytes (zstd), dates kept as dates.

    Example:
        >>> from essdiag.hr.workforce import empty_workforce
        >>> table_from_parquet(table_to_parquet(empty_workforce())).shape
        (0, 20)
    """
    table = pa.Table.from_pandas(frame, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def table_from_parquet(data: bytes) -> pd.DataFrame:
    """The frame stored by :func:`table_to_parquet` (dates as ``datetime.date`` or None)."""
    try:
        table = pq.read_table(pa.py_buffer(data))
    except (pa.ArrowException, OSError) as exc:
        raise EssdiagError("Le tableau enregistré est illisible.") from exc
    return canonical_table(table.to_pandas(date_as_object=True))


def canonical_table(frame: pd.DataFrame) -> pd.DataFrame:
    """A stored table as the computations read it: text never missing (``""``), dates or None.

    For a frame read from the Parquet attachment by a generic reader (the
    screens' ``attachment_frame``, cached on the attachment id); the frame
    given is left as it is.

    Example:
        >>> from essdiag.hr.workforce import empty_workforce
        >>> canonical_table(empty_workforce()).columns.tolist()[:3]
        ['id', 'sex', 'category']
    """
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
            out[name] = column.astype(object).where(column.notna(), "").astype(str)
        elif column.dtype == object and column.map(lambda v: isinstance(v, str)).all():
            out[name] = column.astype(str)
        elif column.dtype == object:
            out[name] = column.where(column.notna(), None)
    return out


def store_table(
    store: AttachmentStore,
    dossier_id: str,
    frame: pd.DataFrame,
    *,
    original: bytes,
    name: str,
    kind: str,
    period_start: date,
    period_end: date,
    rows_read: int,
    issues: int,
) -> StoredTable:
    """Attach the canonical table and its original file; the record the section keeps."""
    parquet = store.attach(
        dossier_id,
        f"{name}.parquet",
        table_to_parquet(frame),
        media_type="application/vnd.apache.parquet",
        kind=kind,
    )
    source = store.attach(
        dossier_id, name, original, media_type="application/octet-stream", kind=ORIGINAL_KIND
    )
    return StoredTable(
        name=name,
        parquet_id=parquet.id,
        original_id=source.id,
        rows_read=rows_read,
        rows_kept=len(frame),
        issues=issues,
        period_start=period_start,
        period_end=period_end,
    )

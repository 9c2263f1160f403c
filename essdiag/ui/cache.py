"""The screens' one cache: results keyed on (dossier id, revision, options).

A revision never changes once saved and an attachment never changes once
stored, so a result computed from them can be kept for as long as memory
allows. Keys are plain values (ids, numbers, texts, tuples of them), never
pydantic models or uploaded bytes: hashing a large model or file on every
rerun costs more than the work it saves.

* :func:`computed` runs any library function ``fn(dossier, **options)`` on a
  saved revision, once per (function, dossier id, revision, options);
  ``ledger_years`` adds the canonical ledgers of those fiscal years as a
  ``ledgers={year: DataFrame}`` argument;
* :func:`ledger` is one fiscal year's canonical ledger, keyed on its
  attachment ids;
* :func:`dossier_at` is a revision of a dossier (past revisions for histories);
* :func:`attachment_frame` is a Parquet attachment (a payroll register, survey
  answers) as a DataFrame, keyed on its attachment id.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from essdiag.dossier import Dossier
from essdiag.ledger import combine_ledgers, ledger_from_parquet
from essdiag.ledger.section import LedgerSection
from essdiag.ui import state

__all__ = ["attachment_frame", "computed", "dossier_at", "ledger", "ledger_ids"]

R = TypeVar("R")


@st.cache_data(show_spinner=False, max_entries=64)
def dossier_at(dossier_id: str, revision: int) -> Dossier:
    """A saved revision of a dossier (it never changes)."""
    dossier, _number = state.workspace().load(dossier_id, revision)
    return dossier


@st.cache_data(show_spinner=False, max_entries=8)
def _ledger(parquet_ids: tuple[str, ...]) -> pd.DataFrame:
    ws = state.workspace()
    return combine_ledgers([ledger_from_parquet(ws.attachment_bytes(i)) for i in parquet_ids])


@st.cache_data(show_spinner=False, max_entries=16)
def attachment_frame(attachment_id: str) -> pd.DataFrame:
    """A Parquet attachment as a DataFrame (an attachment never changes once stored)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    raw = state.workspace().attachment_bytes(attachment_id)
    return pq.read_table(pa.BufferReader(raw)).to_pandas()


def ledger_ids(section: LedgerSection, label_year: int) -> tuple[str, ...]:
    """Attachment ids of the ledgers of a fiscal year."""
    return tuple(i.parquet_id for i in section.for_year(label_year))


def ledger(section: LedgerSection, label_year: int) -> pd.DataFrame:
    """The canonical ledger of a fiscal year (all its imports), cached on attachment ids."""
    return _ledger(ledger_ids(section, label_year))


def _resolve(path: str) -> Callable[..., Any]:
    module, _, name = path.partition(":")
    target: Any = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


@st.cache_data(show_spinner=False, max_entries=64)
def _computed(
    path: str,
    dossier_id: str,
    revision: int,
    ledgers: tuple[tuple[int, tuple[str, ...]], ...],
    options: tuple[tuple[str, Hashable], ...],
) -> Any:
    fn = _resolve(path)
    kwargs: dict[str, Any] = dict(options)
    if ledgers:
        kwargs["ledgers"] = {year: _ledger(ids) for year, ids in ledgers}
    return fn(dossier_at(dossier_id, revision), **kwargs)


def computed(
    fn: Callable[..., R],
    opened: state.OpenDossier,
    /,
    *,
    ledger_years: tuple[int, ...] = (),
    **options: Hashable,
) -> R:
    """``fn(dossier, **options)`` on the open revision, computed once and kept.

    ``fn`` is a module-level library function; ``options`` are plain values
    (numbers, texts, tuples). With ``ledger_years``, ``fn`` also receives
    ``ledgers``: the canonical ledger of each of those fiscal years.
    """
    path = f"{fn.__module__}:{fn.__qualname__}"
    years = tuple((y, ledger_ids(opened.dossier.ledger, y)) for y in sorted(set(ledger_years)))
    result: R = _computed(path, opened.id, opened.revision, years, tuple(sorted(options.items())))
    return result

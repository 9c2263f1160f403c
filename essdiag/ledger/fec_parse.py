"""The text layer of the FEC reader: pyarrow parsing, its fallbacks, and where each row was.

Where it sits: :func:`essdiag.ledger.fec.read_fec` has checked the header and
chosen the columns; :func:`parse` reads them with ``pyarrow.csv`` (quoting
off, every column as text, those with few distinct values dictionary-encoded:
journals, accounts, dates) and copes with what a real export holds, each time
without copying the file:

* a line with too many or too few fields: read again single-threaded with a
  handler that sets it aside and keeps its physical line number;
* a byte that is not UTF-8 further than the first megabyte (where the
  encoding was decided): the text columns are read as bytes, the rows whose
  bytes are not UTF-8 are set aside (found by bisection over blocks of rows),
  and a file that was plain ASCII up to there is read again as Windows-1252;
* a line longer than a parsing block: refused with the limit in the message.

Library messages never reach the reader: :class:`ParseFailure` carries a
French template, the library's text goes to the server log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from essdiag.i18n import N_

__all__ = ["BLOCK_BYTES", "BadRow", "ParseFailure", "Parsed", "line_numbers", "parse"]

log = logging.getLogger("essdiag.readers")

# Arrow's buffers come from the system allocator, for the whole process: the parser's blocks
# go back to the system once the ledger is built, where mimalloc and jemalloc keep them for
# later (a 1 000 000-line import peaks at about 1.5 × the file size instead of 1.8 ×, and a
# long app session does not hold the memory of every file it read; benchmarks/fec_bench.py).
pa.set_memory_pool(pa.system_memory_pool())

BLOCK_BYTES: Final = 1 << 20
"""Bytes parsed per block; a line must fit in one block (smaller blocks, lower peak memory)."""

_CHECK_ROWS: Final = 4096
"""Rows checked at once for bytes that are not UTF-8 (then bisected)."""

_MAX_BAD_BLOCKS: Final = 64
"""Beyond this many blocks with bytes that are not UTF-8, the file is read as Windows-1252."""


@dataclass(frozen=True)
class BadRow:
    """A line set aside while parsing: its line number, fields expected and found, its start."""

    line: int | None
    expected: int
    actual: int
    text: str


@dataclass
class Parsed:
    """What :func:`parse` read.

    Attributes:
        table: the columns asked for, as text (dictionary-encoded where asked).
        bad_rows: lines with a wrong number of fields, set aside.
        not_utf8: row indexes of ``table`` whose bytes were not UTF-8 (emptied,
            to be set aside by the caller).
        encoding: the encoding finally used (it may change from the one given).
        reencoded: True when the file was read again as Windows-1252.
    """

    table: pa.Table
    bad_rows: list[BadRow] = field(default_factory=list)
    not_utf8: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    encoding: str = "utf-8"
    reencoded: bool = False


class ParseFailure(Exception):  # noqa: N818 - a reason, not a bug: it becomes an issue
    """The file cannot be parsed; ``template`` and ``params`` say why, in French."""

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template)
        self.template = template
        self.params = params


_LINE_TOO_LONG = N_(
    "Une ligne du fichier dépasse {limit} Mo : ce n'est pas un FEC lisible (un FEC a une "
    "écriture par ligne). Vérifiez le séparateur de lignes de l'export."
)
_UNREADABLE = N_(
    "Le fichier ne peut pas être lu comme un FEC : sa structure de texte est invalide "
    "(guillemets, retours à la ligne ou octets inattendus). Réexportez-le depuis votre logiciel "
    "comptable au format texte tabulé."
)
_BAD_ENCODING = N_(
    "Le texte du fichier ne se lit pas dans l'encodage {encoding} : réenregistrez-le en UTF-8 "
    "ou en ISO-8859-15 depuis votre logiciel comptable."
)


def _read(  # noqa: PLR0917 - the parse options, in the order of read_csv's
    source: pa.Buffer | str,
    names: list[str],
    wanted: list[str],
    sep: str,
    encoding: str,
    types: dict[str, pa.DataType],
    handler: Any,
) -> pa.Table:
    read_encoding = "utf8" if encoding.startswith("utf-8") else encoding
    return pacsv.read_csv(
        pa.BufferReader(source) if isinstance(source, pa.Buffer) else source,
        read_options=pacsv.ReadOptions(
            column_names=names,
            skip_rows=1,
            encoding=read_encoding,
            block_size=BLOCK_BYTES,
            use_threads=handler is None,
        ),
        parse_options=pacsv.ParseOptions(
            delimiter=sep,
            quote_char=False,
            double_quote=False,
            escape_char=False,
            newlines_in_values=False,
            ignore_empty_lines=False,
            invalid_row_handler=handler,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            include_columns=wanted,
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            null_values=[],
            check_utf8=True,
        ),
    )


def _kind(exc: BaseException) -> str:
    """What a pyarrow error is about: ``fields``, ``utf8``, ``long`` or ``other``."""
    text = str(exc)
    if "Expected" in text and "columns" in text:
        return "fields"
    if "UTF8" in text or "UTF-8" in text or isinstance(exc, UnicodeDecodeError):
        return "utf8"
    if "straddling" in text or "block" in text.lower():
        return "long"
    return "other"


def parse(
    source: pa.Buffer | str,
    names: list[str],
    wanted: list[str],
    sep: str,
    encoding: str,
    *,
    ascii_head: bool,
    dictionary: tuple[str, ...] = (),
    large: tuple[str, ...] = (),
) -> Parsed:
    """Read the ``wanted`` columns of the file (see the module docstring).

    ``source`` is the file's bytes or its path (read block by block: neither
    copied nor mapped whole). ``ascii_head`` says the first megabyte was
    plain ASCII (so its encoding was a guess). Columns named in
    ``dictionary`` (few distinct values: journals, accounts) are read
    dictionary-encoded; those named in ``large`` as text with 64-bit offsets,
    the type the ledger frame holds text in (no cast of a million cells after).
    Raises :class:`ParseFailure` when nothing can be read.
    """
    bad_rows: list[BadRow] = []
    binary = False
    handler: Any = None
    reencoded = False

    def on_invalid(row: Any) -> str:
        number = getattr(row, "number", None)
        bad_rows.append(
            BadRow(
                int(number) if number is not None else None,
                int(row.expected_columns),
                int(row.actual_columns),
                str(row.text)[:80],
            )
        )
        return "skip"

    for _attempt in range(6):
        text_type = pa.binary() if binary else pa.string()
        large_type = pa.large_binary() if binary else pa.large_string()
        types: dict[str, pa.DataType] = {
            c: pa.dictionary(pa.int32(), text_type)
            if c in dictionary
            else (large_type if c in large else text_type)
            for c in wanted
        }
        bad_rows.clear()
        try:
            table = _read(source, names, wanted, sep, encoding, types, handler)
        except (pa.ArrowException, UnicodeDecodeError, LookupError, ValueError) as exc:
            kind = _kind(exc)
            log.info("FEC parse attempt failed (%s): %s", kind, str(exc)[:300])
            if kind == "fields" and handler is None:
                handler = on_invalid
            elif kind == "utf8" and encoding.startswith("utf-8") and ascii_head:
                encoding, reencoded = "cp1252", True
            elif kind == "utf8" and encoding.startswith("utf-8") and not binary:
                binary = True
            elif kind == "utf8" and encoding == "cp1252":
                encoding = "iso8859_15"  # every byte has a character
            elif kind == "long":
                raise ParseFailure(_LINE_TOO_LONG, limit=BLOCK_BYTES >> 20) from None
            elif kind == "utf8":
                raise ParseFailure(_BAD_ENCODING, encoding=encoding) from None
            else:
                raise ParseFailure(_UNREADABLE) from None
            continue
        if not binary:
            return Parsed(table, list(bad_rows), encoding=encoding, reencoded=reencoded)
        table, not_utf8 = _decode(table, wanted)
        if not_utf8 is None:  # the bytes that are not UTF-8 are everywhere: Windows-1252
            binary, encoding, reencoded = False, "cp1252", True
            continue
        return Parsed(table, list(bad_rows), not_utf8=not_utf8, encoding=encoding)
    raise ParseFailure(_UNREADABLE)


def _bad_utf8(column: pa.Array) -> list[int] | None:
    """Indexes of the values that are not UTF-8, or None when too many blocks hold some."""
    bad: list[int] = []
    blocks = []
    for start in range(0, len(column), _CHECK_ROWS):
        part = column.slice(start, _CHECK_ROWS)
        try:
            pc.cast(part, pa.string())
        except pa.ArrowInvalid:
            blocks.append((start, start + len(part)))
    if len(blocks) > _MAX_BAD_BLOCKS:
        return None
    while blocks:
        lo, hi = blocks.pop()
        try:
            pc.cast(column.slice(lo, hi - lo), pa.string())
            continue
        except pa.ArrowInvalid:
            pass
        if hi - lo == 1:
            bad.append(lo)
            continue
        mid = (lo + hi) // 2
        blocks += [(lo, mid), (mid, hi)]
    return sorted(bad)


def _bad_in_chunk(chunk: pa.Array) -> np.ndarray | None:
    """Row offsets of a chunk whose bytes are not UTF-8 (None: too many blocks hold some)."""
    if pa.types.is_dictionary(chunk.type):
        found = _bad_utf8(chunk.dictionary)
        if found is None:
            return None
        if not found:
            return np.zeros(0, dtype=np.int64)
        indices = np.asarray(chunk.indices.to_numpy(zero_copy_only=False))
        return np.flatnonzero(np.isin(indices, np.asarray(found)))
    found = _bad_utf8(chunk)
    return None if found is None else np.asarray(found, dtype=np.int64)


def _as_text(chunk: pa.Array, bad: np.ndarray, offset: int) -> pa.Array:
    """A chunk read as bytes made text, its rows in ``bad`` (file row indexes) emptied."""
    mine = bad[(bad >= offset) & (bad < offset + len(chunk))] - offset
    if pa.types.is_dictionary(chunk.type):
        values = chunk.dictionary
        broken = _bad_utf8(values) or []
        if broken:
            mask = np.zeros(len(values), dtype=bool)
            mask[broken] = True
            values = pc.if_else(pa.array(mask), pa.scalar(b"", pa.binary()), values)
        return pa.DictionaryArray.from_arrays(chunk.indices, pc.cast(values, pa.string()))
    if mine.size:
        mask = np.zeros(len(chunk), dtype=bool)
        mask[mine] = True
        chunk = pc.if_else(pa.array(mask), pa.scalar(b"", chunk.type), chunk)
    return pc.cast(chunk, _text_of(chunk.type))


def _text_of(kind: pa.DataType) -> pa.DataType:
    """The text type bytes read as ``kind`` become (64-bit offsets stay 64-bit)."""
    return pa.large_string() if pa.types.is_large_binary(kind) else pa.string()


def _is_bytes(kind: pa.DataType) -> bool:
    return bool(
        pa.types.is_binary(kind)
        or pa.types.is_large_binary(kind)
        or (pa.types.is_dictionary(kind) and pa.types.is_binary(kind.value_type))
    )


def _decode(table: pa.Table, wanted: list[str]) -> tuple[pa.Table, np.ndarray | None]:
    """Text columns read as bytes made text again; the rows that were not UTF-8 emptied."""
    bad: set[int] = set()
    for name in table.column_names:
        column = table.column(name)
        if not _is_bytes(column.type):
            continue
        offset = 0
        for chunk in column.chunks:
            found = _bad_in_chunk(chunk)
            if found is None:
                return table, None
            bad.update(int(r) + offset for r in found)
            offset += len(chunk)
    rows = np.asarray(sorted(bad), dtype=np.int64)
    out = {}
    for name in table.column_names:
        column = table.column(name)
        if not _is_bytes(column.type):
            out[name] = column
            continue
        parts, offset = [], 0
        for chunk in column.chunks:
            parts.append(_as_text(chunk, rows, offset))
            offset += len(chunk)
        out[name] = (
            pa.chunked_array(parts) if parts else pa.chunked_array([], _text_of(column.type))
        )
    return pa.table(out), rows


def line_numbers(rows: int, bad_lines: list[int]) -> np.ndarray | None:
    """The physical line of each parsed row when lines were set aside (None: row i is line i + 2).

    ``bad_lines`` are the line numbers of the rows set aside while parsing
    (the header is line 1). The k-th row kept is the k-th line from line 2
    on that was not set aside.

    Example:
        >>> line_numbers(4, [3, 5]).tolist()
        [2, 4, 6, 7]
    """
    if not bad_lines:
        return None
    bad = np.asarray(sorted(bad_lines), dtype=np.int64)
    slots = bad - 2 - np.arange(bad.size)  # the row index each bad line would have had
    index = np.arange(rows, dtype=np.int64)
    return index + 2 + np.searchsorted(slots, index, side="right")

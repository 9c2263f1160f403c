"""The FEC reader's pyarrow read: the types it gives each column, on the text and on the bytes path."""

from __future__ import annotations

import pyarrow as pa

from essdiag.ledger.fec_parse import Parsed, parse
from tests.ledger.fec_text import HEADER, row

NAMES = HEADER.split("\t")
WANTED = ["JournalCode", "EcritureNum", "EcritureLib", "Debit"]


def _read(data: bytes) -> Parsed:
    return parse(
        pa.py_buffer(data),
        NAMES,
        WANTED,
        "\t",
        "utf-8",
        ascii_head=False,
        dictionary=("JournalCode",),
        large=("EcritureNum", "EcritureLib"),
    )


def test_the_ledgers_free_text_is_read_with_64_bit_offsets() -> None:
    lines = [HEADER, row("AC", "A1", "20260115", "606100", "Électricité", "1,00", "0,00")]
    table = _read(("\n".join(lines) + "\n").encode()).table
    assert table.schema.field("EcritureNum").type == pa.large_string()
    assert table.schema.field("EcritureLib").type == pa.large_string()
    assert table.schema.field("Debit").type == pa.string()
    assert table.schema.field("JournalCode").type == pa.dictionary(pa.int32(), pa.string())
    assert table.column("EcritureLib").to_pylist() == ["Électricité"]


def test_bytes_that_are_not_utf8_keep_the_columns_types() -> None:
    # Past the first megabyte a Latin-1 « é » in one label: the columns are read as bytes, that
    # row is emptied (the reader sets it aside), and each column comes back with its text type.
    good = row("AC", "A1", "20260115", "606100", "Électricité", "1,00", "0,00")
    body = [good] * (1_100_000 // len(good))
    broken = row("AC", "A2", "20260116", "606100", "x", "1,00", "0,00").encode()
    broken = broken.replace(b"\tx\t", b"\tcaf\xe9\t")
    data = ("\n".join([HEADER, *body]) + "\n").encode() + broken + b"\n"
    parsed = _read(data)
    assert parsed.not_utf8.tolist() == [len(body)]
    table = parsed.table
    assert table.schema.field("EcritureLib").type == pa.large_string()
    assert table.schema.field("EcritureNum").type == pa.large_string()
    assert table.schema.field("JournalCode").type == pa.dictionary(pa.int32(), pa.string())
    assert table.column("EcritureLib")[len(body)].as_py() == ""
    assert table.column("EcritureLib")[0].as_py() == "Électricité"

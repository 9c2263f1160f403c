"""Hypothesis strategies of damaged inputs: arbitrary bytes, and seeds mutated at every level.

* :func:`arbitrary` — any bytes, some behind a file signature (a zip, a BOM,
  a PDF, a JSON brace) so that the readers go past their first check;
* :func:`mutated` — a seed of the reader's kinds, damaged by its family:

  - bytes (every family): bit flips, truncation, deletion, duplication,
    insertion of NUL, control or Latin-1 bytes, overwrites;
  - tables (CSV, FEC): a cell replaced by a nasty value (impossible dates,
    huge or malformed numbers, formulas, NUL, placeholders), a duplicate or
    missing header, extra columns, header only, repeated rows, blank lines,
    another separator, other line ends, another encoding, a BOM;
  - workbooks: a cell's XML (a shared string that does not exist, text in a
    number, an impossible date, a huge serial), the sheet's dimension, row
    and cell references, an entity bomb, a member's XML damaged at the byte
    level, a member dropped or duplicated, and the archive's headers
    (compression method, encryption flag, lying sizes, several disks,
    damaged deflate streams, truncation);
  - JSON: a node replaced by a huge integer, ``1e400``, ``NaN``, a NUL
    string, deep nesting, a long list, a wrong type; a key dropped or added;
  - XML feeds: an element's text (impossible dates, entities, NUL), a tag
    unclosed, an entity declaration, another declared encoding.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from tests.fuzz import corpus

NASTY_CELLS: tuple[bytes, ...] = (
    b"",
    b" ",
    b"0",
    b"-0",
    b"1e5",
    b"1E400",
    b"-1e308",
    b"1.230",
    b"1,230",
    b"1 234,56",
    b"1\xc2\xa0234,56",
    b"1.234.567,89",
    b"9" * 400,
    b"-" + b"9" * 30,
    b"NaN",
    b"inf",
    b"-inf",
    b"20261399",
    b"99999999",
    b"00000000",
    b"2026-02-30",
    b"31/02/2026",
    b"0000-00-00",
    b"9999-12-31",
    b"1900-01-00",
    b"-1",
    b"-abc",
    b'=HYPERLINK("http://x";"y")',
    b"+cmd|' /C calc'!A0",
    b"@SUM(1)",
    b"\x00",
    b"\xe9",
    b"\xc3\xa9",
    b"\xef\xbb\xbf",
    b"{column}",
    b"{0}",
    b"{}",
    b"%s",
    b'"',
    b'"""',
    b"a\rb",
    b"D",
    b"C",
    b"X",
    b"606",
    b"6" * 40,
    b"true",
    b"null",
    b"None",
    b"\xe2\x88\x9212,5",
    b"(12,50)",
    b"12,50-",
    b"12.50.30",
    b"0x1F",
    b"1_000",
    b"\t",
    b";",
    b"|",
)
"""Values that readers trip on, as bytes of a UTF-8 (or Latin-1) file."""

NASTY_BYTES: tuple[bytes, ...] = (
    b"\x00",
    b"\xff",
    b"\xe9",
    b"\r",
    b"\n",
    b"\x1a",
    b"\x0c",
    b"\xef\xbb\xbf",
    b'"',
    b";",
    b"\t",
    b"|",
    b"<",
    b"&",
    b"{",
    b"}",
    b"\\",
    b"\xc3",
    b"\xed\xa0\x80",
)

JSON_FRAGMENTS: tuple[str, ...] = (
    "9" * 5000,
    "1e400",
    "-1e400",
    "1e308",
    "-1e308",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e-400",
    '"a\\u0000b"',
    '"\\ud800"',
    '"' + "x" * 100_000 + '"',
    "[" * 3000 + "]" * 3000,
    "[]",
    "{}",
    "null",
    "true",
    '""',
    '"abc"',
    "-1",
    "0",
    "1.5",
    "12345678901234567890",
    '"2026-02-30"',
    '"9999-99-99"',
    '"{column}"',
    "[" + ",".join(["{}"] * 5000) + "]",
    '"=HYPERLINK(1)"',
    '{"x": 1}',
)

XML_VALUES: tuple[bytes, ...] = (
    b"",
    b"Tue, 99 Foo 2026 99:99:99 +9999",
    b"2026-13-45T25:61:00Z",
    b"0000-00-00",
    b"&bogus;",
    b"&#0;",
    b"&#x110000;",
    b"<![CDATA[",
    b"]]>",
    b"\x00",
    b"<b>",
    b"{title}",
    b"A" * 70_000,
    b"\xe9",
)

OFFICE_SIGNATURES = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"%PDF-",
    b"{",
    b"<?xml",
)


def arbitrary() -> st.SearchStrategy[bytes]:
    """Any bytes, sometimes behind a signature the readers look for."""
    raw = st.binary(max_size=4096)
    return raw | st.tuples(st.sampled_from(OFFICE_SIGNATURES), raw).map(lambda t: t[0] + t[1])


# --- bytes -------------------------------------------------------------------------------


def _pos(draw: st.DrawFn, data: bytes) -> int:
    return draw(st.integers(0, max(len(data), 0)))


def _flip(draw: st.DrawFn, data: bytes) -> bytes:
    if not data:
        return data
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(out) - 1))
        out[i] ^= 1 << draw(st.integers(0, 7))
    return bytes(out)


def _truncate(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: _pos(draw, data)]


def _delete(draw: st.DrawFn, data: bytes) -> bytes:
    i = _pos(draw, data)
    return data[:i] + data[i + draw(st.integers(1, 512)) :]


def _duplicate(draw: st.DrawFn, data: bytes) -> bytes:
    i = _pos(draw, data)
    j = min(len(data), i + draw(st.integers(1, 2048)))
    return data[:j] + data[i:j] * draw(st.integers(1, 20)) + data[j:]


def _insert(draw: st.DrawFn, data: bytes) -> bytes:
    i = _pos(draw, data)
    piece = draw(st.sampled_from(NASTY_BYTES) | st.binary(min_size=1, max_size=32))
    return data[:i] + piece * draw(st.integers(1, 4)) + data[i:]


def _overwrite(draw: st.DrawFn, data: bytes) -> bytes:
    i = _pos(draw, data)
    piece = draw(st.binary(min_size=1, max_size=64))
    return data[:i] + piece + data[i + len(piece) :]


BYTE_OPS = (_flip, _truncate, _delete, _duplicate, _insert, _overwrite)


@st.composite
def byte_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    for op in draw(st.lists(st.sampled_from(BYTE_OPS), min_size=1, max_size=4)):
        data = op(draw, data)
    return data


# --- tables ------------------------------------------------------------------------------


def _split(data: bytes) -> tuple[list[list[bytes]], bytes]:
    lines = data.split(b"\n")
    head = lines[0] if lines else b""
    sep = max((b"\t", b";", b"|", b","), key=head.count)
    return [line.split(sep) for line in lines], sep


def _join(rows: list[list[bytes]], sep: bytes) -> bytes:
    return b"\n".join(sep.join(r) for r in rows)


def _set_cell(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    r = draw(st.integers(0, len(rows) - 1))
    if rows[r]:
        c = draw(st.integers(0, len(rows[r]) - 1))
        rows[r][c] = draw(st.sampled_from(NASTY_CELLS))


def _set_column(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    c = draw(st.integers(0, max(len(rows[0]) - 1, 0)))
    value = draw(st.sampled_from(NASTY_CELLS))
    for row in rows[1:]:
        if c < len(row):
            row[c] = value


def _dup_header(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    head = rows[0]
    if len(head) > 1:
        i, j = draw(st.integers(0, len(head) - 1)), draw(st.integers(0, len(head) - 1))
        head[j] = head[i]


def _drop_column(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    c = draw(st.integers(0, max(len(rows[0]) - 1, 0)))
    everywhere = draw(st.booleans())
    for row in rows if everywhere else rows[:1]:
        if c < len(row):
            del row[c]


def _add_columns(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    k = draw(st.sampled_from((1, 2, 10, 300, 5000)))
    name = draw(st.sampled_from((b"", b"Extra", b"Montant", b"Compte", b"\xe9")))
    rows[0].extend([name] * k)


def _header_only(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    del rows[1:]


def _no_header(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    del rows[:1]
    if not rows:
        rows.append([b""])


def _repeat_rows(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    r = draw(st.integers(0, len(rows) - 1))
    rows[r + 1 : r + 1] = [list(rows[r]) for _ in range(draw(st.sampled_from((1, 5, 200, 3000))))]


def _blank_lines(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    r = draw(st.integers(0, len(rows)))
    rows[r:r] = [[b""]] * draw(st.integers(1, 5))


def _ragged(draw: st.DrawFn, rows: list[list[bytes]]) -> None:
    r = draw(st.integers(0, len(rows) - 1))
    if draw(st.booleans()):
        rows[r] = rows[r][: draw(st.integers(0, len(rows[r])))]
    else:
        rows[r] = rows[r] + [b"x"] * draw(st.integers(1, 5))


TABLE_OPS = (
    _set_cell,
    _set_cell,
    _set_column,
    _dup_header,
    _drop_column,
    _add_columns,
    _header_only,
    _no_header,
    _repeat_rows,
    _blank_lines,
    _ragged,
)


def _reencode(draw: st.DrawFn, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = draw(st.sampled_from(("utf-16", "utf-16-le", "cp1252", "latin-1", "utf-8-sig")))
    return text.encode(encoding, errors="replace")


@st.composite
def table_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    rows, sep = _split(data)
    for op in draw(st.lists(st.sampled_from(TABLE_OPS), min_size=1, max_size=3)):
        if rows:
            op(draw, rows)
    out_sep = draw(st.sampled_from((sep, sep, sep, b";", b",", b"\t", b"|")))
    out = _join(rows, out_sep)
    finish = draw(st.sampled_from(("none", "none", "crlf", "cr", "bom", "encode", "bytes")))
    if finish == "crlf":
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    elif finish == "cr":
        out = out.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    elif finish == "bom":
        out = b"\xef\xbb\xbf" + out
    elif finish == "encode":
        out = _reencode(draw, out)
    elif finish == "bytes":
        out = draw(byte_mutation(out))
    return out


# --- workbooks ---------------------------------------------------------------------------


_CELL = rb"<c [^>]*>(?:<v>[^<]*</v>|<is>.*?</is>)?</c>"
CELL_XML: tuple[bytes, ...] = (
    b'<c r="A2" t="s"><v>999999</v></c>',
    b'<c r="A2" t="s"><v>-1</v></c>',
    b'<c r="A2" t="n"><v>abc</v></c>',
    b'<c r="A2" t="n"><v>1e400</v></c>',
    b'<c r="A2" t="d"><v>20261399</v></c>',
    b'<c r="A2" t="d"><v>2026-02-30T00:00:00</v></c>',
    b'<c r="A2" s="1"><v>1e308</v></c>',
    b'<c r="A2" s="1"><v>-5</v></c>',
    b'<c r="A2" t="b"><v>2</v></c>',
    b'<c r="A2" t="e"><v>#REF!</v></c>',
    b'<c r="A2" t="inlineStr"><is><t>' + b"x" * 40_000 + b"</t></is></c>",
    b'<c r="A2" t="str"><v>=HYPERLINK("http://x")</v></c>',
    b'<c r="XFD1048576"><v>1</v></c>',
    b'<c r="A0"><v>1</v></c>',
    b'<c r="ZZZZ1"><v>1</v></c>',
    b'<c r="A2" t="s"><v>0</v></c><c r="A2" t="s"><v>1</v></c>',
    b'<c r="A2"><v>\x00</v></c>',
    b"<c><v>1</v></c>",
)


def _xml_targets(parts: list[tuple[str, bytes]]) -> list[int]:
    return [i for i, (n, _) in enumerate(parts) if n.endswith((".xml", ".rels"))] or [0]


def _zip_cell(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    sheets = [i for i, (n, _) in enumerate(parts) if n.startswith("xl/worksheets/")]
    if not sheets:
        return
    i = draw(st.sampled_from(sheets))
    name, xml = parts[i]
    cells = list(re.finditer(_CELL, xml, re.S))
    if not cells:
        return
    m = cells[draw(st.integers(0, len(cells) - 1))]
    parts[i] = (name, xml[: m.start()] + draw(st.sampled_from(CELL_XML)) + xml[m.end() :])


def _zip_shared(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    for i, (name, xml) in enumerate(parts):
        if name == "xl/sharedStrings.xml":
            value = draw(st.sampled_from((*NASTY_CELLS, b"&h;", b"<t>", b"\xff")))
            parts[i] = (name, re.sub(rb"<t>[^<]*</t>", b"<t>" + value + b"</t>", xml, count=3))


def _zip_dimension(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    ref = draw(st.sampled_from((b"A1:XFD1048576", b"A1:ZZZ999999", b"A0:B-1", b"", b"A1")))
    for i, (name, xml) in enumerate(parts):
        if name.startswith("xl/worksheets/"):
            if b"<dimension" in xml:
                new = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', xml)
            else:
                new = xml.replace(b"<sheetData", b'<dimension ref="' + ref + b'"/><sheetData', 1)
            parts[i] = (name, new)


def _zip_rows(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    row = draw(st.sampled_from((b"0", b"-1", b"1048577", b"99999999", b"x", b"2")))
    for i, (name, xml) in enumerate(parts):
        if name.startswith("xl/worksheets/"):
            parts[i] = (name, re.sub(rb'<row r="\d+"', b'<row r="' + row + b'"', xml, count=2))


def _zip_entity(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    i = draw(st.sampled_from(_xml_targets(parts)))
    parts[i] = (parts[i][0], corpus._entity_bomb_xml(parts[i][1]))


def _zip_member_bytes(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    i = draw(st.integers(0, len(parts) - 1))
    parts[i] = (parts[i][0], draw(byte_mutation(parts[i][1])))


def _zip_drop(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    if len(parts) > 1:
        del parts[draw(st.integers(0, len(parts) - 1))]


def _zip_dup(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    i = draw(st.integers(0, len(parts) - 1))
    parts.append((parts[i][0], draw(st.sampled_from((b"", b"<x/>", parts[i][1][:100])))))


def _zip_rename(draw: st.DrawFn, parts: list[tuple[str, bytes]]) -> None:
    i = draw(st.integers(0, len(parts) - 1))
    new = draw(st.sampled_from(("../../evil.xml", "/abs.xml", "xl/WORKBOOK.XML", "", "a" * 300)))
    parts[i] = (new, parts[i][1])


ZIP_OPS = (
    _zip_cell,
    _zip_cell,
    _zip_shared,
    _zip_dimension,
    _zip_rows,
    _zip_entity,
    _zip_member_bytes,
    _zip_member_bytes,
    _zip_drop,
    _zip_dup,
    _zip_rename,
)

_ARCHIVE: tuple[Callable[[Any, bytes], bytes], ...] = (
    lambda draw, d: corpus.set_method(d, draw(st.sampled_from((0, 1, 6, 9, 12, 14, 99)))),
    lambda draw, d: corpus.set_flag(d, draw(st.sampled_from((0, 3, 6, 13)))),
    lambda draw, d: corpus.set_declared_size(d, draw(st.sampled_from((0, 1, 10**9, 2**32 - 2)))),
    lambda draw, d: corpus.multi_disk(d),
    lambda draw, d: corpus.flip_compressed(d),
    lambda draw, d: d[: _pos(draw, d)],
)


@st.composite
def zip_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    try:
        parts = corpus.members(data)
    except (zipfile.BadZipFile, ValueError, NotImplementedError, OSError):
        return draw(byte_mutation(data))
    for op in draw(st.lists(st.sampled_from(ZIP_OPS), min_size=1, max_size=3)):
        if parts:
            op(draw, parts)
    method = draw(st.sampled_from((zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED)))
    out = corpus.rezip(parts, method)
    if draw(st.integers(0, 3)) == 0:
        out = draw(st.sampled_from(_ARCHIVE))(draw, out)
    return out


# --- JSON --------------------------------------------------------------------------------


def _paths(
    node: Any, path: tuple[Any, ...] = (), out: list[tuple[Any, ...]] | None = None
) -> list[tuple[Any, ...]]:
    out = [] if out is None else out
    if len(out) > 3000:
        return out
    out.append(path)
    if isinstance(node, dict):
        for k, v in node.items():
            _paths(v, (*path, k), out)
    elif isinstance(node, list):
        for i, v in enumerate(node[:50]):
            _paths(v, (*path, i), out)
    return out


_MARK = "@@fuzz@@"


@st.composite
def json_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    try:
        tree = json.loads(data)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return draw(byte_mutation(data))
    paths = _paths(tree)
    path = draw(st.sampled_from(paths))
    op = draw(st.sampled_from(("replace", "replace", "replace", "delete", "add", "bytes")))
    if op == "bytes":
        return draw(byte_mutation(data))
    fragment = draw(st.sampled_from(JSON_FRAGMENTS))
    if not path:
        tree = _MARK if op == "replace" else tree
    else:
        parent = tree
        for key in path[:-1]:
            parent = parent[key]
        last = path[-1]
        if op == "replace":
            parent[last] = _MARK
        elif op == "delete":
            del parent[last]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(("extra", "id", "", "schema_version")))] = _MARK
        else:
            parent.append(_MARK)
    text = json.dumps(
        tree, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from((None, 1)))
    )
    return text.replace(json.dumps(_MARK), fragment).encode("utf-8")


# --- XML feeds ---------------------------------------------------------------------------


@st.composite
def xml_mutation(draw: st.DrawFn, data: bytes) -> bytes:
    op = draw(st.sampled_from(("text", "text", "unclose", "entity", "encoding", "repeat", "bytes")))
    if op == "text":
        texts = list(re.finditer(rb">([^<]*)</", data))
        if texts:
            m = texts[draw(st.integers(0, len(texts) - 1))]
            return data[: m.start(1)] + draw(st.sampled_from(XML_VALUES)) + data[m.end(1) :]
    elif op == "unclose":
        closes = list(re.finditer(rb"</\w+>", data))
        if closes:
            m = closes[draw(st.integers(0, len(closes) - 1))]
            return data[: m.start()] + data[m.end() :]
    elif op == "entity":
        return draw(st.sampled_from((corpus._entity_bomb_xml, corpus._xxe)))(data)
    elif op == "encoding":
        enc = draw(st.sampled_from((b"UTF-16", b"ISO-8859-1", b"x-bogus", b"")))
        return re.sub(rb'encoding="[^"]*"', b'encoding="' + enc + b'"', data, count=1)
    elif op == "repeat":
        items = list(re.finditer(rb"<(item|entry)\b.*?</\1>", data, re.S))
        if items:
            m = items[0]
            return (
                data[: m.end()]
                + m.group(0) * draw(st.sampled_from((2, 50, 6000)))
                + data[m.end() :]
            )
    return draw(byte_mutation(data))


# --- typed text --------------------------------------------------------------------------


def typed_text() -> st.SearchStrategy[bytes]:
    """What people type in a field: any text, numbers in every shape, separators."""
    pieces = st.sampled_from(
        (
            "1",
            "-315000",
            "25 500",
            "1e400",
            "nan",
            "inf",
            ";",
            ",",
            ":",
            "=",
            "0,3",
            "−12",
            "discount_rate",
            "deadweight",
            "Retour à l'emploi",
            "{x}",
            "\x00",
            " ",
            "9" * 400,
        )
    )
    return (st.text(max_size=300) | st.lists(pieces, max_size=30).map("".join)).map(
        lambda s: s.encode("utf-8", errors="surrogatepass")
    )


# --- by kind -----------------------------------------------------------------------------


_BY_FAMILY = {
    "table": table_mutation,
    "xlsx": zip_mutation,
    "json": json_mutation,
    "xml": xml_mutation,
}


def mutated(kinds: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    """Seeds of these kinds, damaged the way their family can be (and at the byte level)."""
    options = []
    for kind in kinds:
        fam = corpus.family(kind)
        if fam == "text":
            options.append(typed_text())
            continue
        seeds = corpus.seeds(kind)
        if not seeds:
            continue
        data = st.sampled_from([s.data for s in seeds])
        options.append(data.flatmap(_BY_FAMILY[fam]))
        options.append(data.flatmap(byte_mutation))
    return st.one_of(*options)

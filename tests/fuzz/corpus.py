"""Seed files and damaged files for the fuzz suite and the uploaders' screen tests.

* :func:`seeds` — the valid files of a kind (:data:`readers.SEEDS`), large
  text files cut to their first lines so that each mutation stays fast;
* :func:`edges` — named damaged files built from a seed, the failures seen
  in issue #10 and their cousins: bit-level damage, a zip bomb, a lying
  archive, XML and zip damage inside a workbook, huge lines, NUL bytes,
  duplicate headers, 10⁶ columns, impossible dates, huge numbers, deep or
  huge JSON, entity expansion in a feed. ``heavy`` files (megabytes, or
  seconds to build) are built only when asked (the long profile, the
  uploaders' tests pick a few).
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import random
import re
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.fuzz.readers import SEEDS

REPO = Path(__file__).resolve().parents[2]
TEXT_SEED_LINES = 60
"""Lines kept of a large text seed (a 600 KB FEC becomes its header and 59 entries)."""

XLSX_KINDS = ("table_xlsx", "budget_xlsx", "dossier_xlsx", "register_xlsx", "survey_xlsx")
XLSX_KINDS += ("workforce_xlsx",)
JSON_KINDS = ("dossier_json", "sroi_json")
XML_KINDS = ("feed_xml",)
FREE_TEXT_KINDS = ("flows_text", "whatif_text")


def family(kind: str) -> str:
    """``xlsx``, ``json``, ``xml``, ``text`` (typed in a field) or ``table`` (CSV, FEC)."""
    if kind in XLSX_KINDS:
        return "xlsx"
    if kind in JSON_KINDS:
        return "json"
    if kind in XML_KINDS:
        return "xml"
    if kind in FREE_TEXT_KINDS:
        return "text"
    return "table"


@dataclass(frozen=True)
class Seed:
    """A valid (or test-corpus) file of a kind."""

    kind: str
    name: str
    data: bytes


def _cut(data: bytes, lines: int = TEXT_SEED_LINES) -> bytes:
    if data.startswith(b"PK") or data.count(b"\n") <= lines:
        return data
    return b"\n".join(data.split(b"\n")[:lines]) + b"\n"


@functools.cache
def seeds(kind: str) -> tuple[Seed, ...]:
    """The seed files of a kind, sorted by name; large text files cut short."""
    found: dict[str, Seed] = {}
    for pattern in SEEDS[kind]:
        for path in sorted(REPO.glob(pattern)):
            data = path.read_bytes()
            if family(kind) == "xlsx" and not data.startswith(b"PK"):
                continue  # a damaged corpus file: not a seed of valid structure
            name = str(path.relative_to(REPO))
            found[name] = Seed(kind, name, data if family(kind) == "json" else _cut(data))
    return tuple(found.values())


def first_seed(kinds: tuple[str, ...]) -> Seed:
    """The first seed of the first kind that has one (a sample file comes first)."""
    for kind in kinds:
        if seeds(kind):
            return seeds(kind)[0]
    raise LookupError(f"no seed for {kinds}")


# --- zip helpers -------------------------------------------------------------------------


def members(data: bytes) -> list[tuple[str, bytes]]:
    """The members of a workbook (name, content), in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def rezip(parts: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A workbook from members (duplicate names allowed: that is a damage too)."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": wanted here
        with zipfile.ZipFile(buf, "w", method) as zf:
            for name, content in parts:
                zf.writestr(name, content)
    return buf.getvalue()


def patch_members(data: bytes, fn: Callable[[str, bytes], bytes]) -> bytes:
    """The workbook with each member's content passed through ``fn(name, content)``."""
    return rezip([(name, fn(name, content)) for name, content in members(data)])


def sheet_names(data: bytes) -> list[str]:
    return [n for n, _ in members(data) if n.startswith("xl/worksheets/") and n.endswith(".xml")]


def patch_sheets(data: bytes, fn: Callable[[bytes], bytes]) -> bytes:
    """The workbook with every worksheet's XML passed through ``fn``."""
    sheets = set(sheet_names(data))
    return patch_members(data, lambda n, c: fn(c) if n in sheets else c)


def _central_entries(data: bytes) -> Iterator[int]:
    """Offsets of the central directory's file headers."""
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        yield pos
        pos = data.find(b"PK\x01\x02", pos + 46)


def set_method(data: bytes, method: int) -> bytes:
    """Every member's compression method changed (local and central headers)."""
    out = bytearray(data)
    pos = out.find(b"PK\x03\x04")
    while pos != -1:
        struct.pack_into("<H", out, pos + 8, method)
        pos = out.find(b"PK\x03\x04", pos + 30)
    for pos in _central_entries(data):
        struct.pack_into("<H", out, pos + 10, method)
    return bytes(out)


def set_flag(data: bytes, bit: int) -> bytes:
    """A general-purpose flag set on every member (bit 0: encrypted)."""
    out = bytearray(data)
    for pos in _central_entries(data):
        (flags,) = struct.unpack_from("<H", out, pos + 8)
        struct.pack_into("<H", out, pos + 8, flags | (1 << bit))
    return bytes(out)


def set_declared_size(data: bytes, size: int) -> bytes:
    """Every member's declared uncompressed size set to ``size`` (a lying archive)."""
    out = bytearray(data)
    for pos in _central_entries(data):
        struct.pack_into("<I", out, pos + 24, min(size, 0xFFFFFFFE))
    return bytes(out)


def multi_disk(data: bytes) -> bytes:
    """The end-of-directory record says the archive spans several disks."""
    out = bytearray(data)
    pos = out.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", out, pos + 4, 1, 0)
    return bytes(out)


def flip_compressed(data: bytes) -> bytes:
    """Bytes flipped inside each member's compressed stream (zlib errors), headers intact."""
    out = bytearray(data)
    pos = out.find(b"PK\x03\x04")
    while pos != -1:
        (csize,) = struct.unpack_from("<I", out, pos + 18)
        name_len, extra_len = struct.unpack_from("<HH", out, pos + 26)
        start = pos + 30 + name_len + extra_len
        for k in range(start + 2, start + csize, 97):
            out[k] ^= 0x5A
        pos = out.find(b"PK\x03\x04", start + csize)
    return bytes(out)


@functools.cache
def zip_bomb(uncompressed_mb: int = 1024) -> bytes:
    """A workbook whose first sheet inflates to ``uncompressed_mb`` MB of spaces (about 1 MB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1 << 20)
    body = b"".join(compressor.compress(chunk) for _ in range(uncompressed_mb))
    body += compressor.flush()
    crc = 0
    for _ in range(uncompressed_mb):
        crc = zlib.crc32(chunk, crc)
    size = uncompressed_mb << 20
    name = b"xl/worksheets/sheet1.xml"
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(body), size, len(name), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII",
        b"PK\x01\x02",
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(body),
        size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    offset = len(local) + len(name) + len(body)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), offset, 0)
    return local + name + body + central + name + end


# --- edge files --------------------------------------------------------------------------


@dataclass(frozen=True)
class Edge:
    """A damaged file: its name, the families it is meant for, and how to build it."""

    name: str
    families: tuple[str, ...]
    build: Callable[[Seed], bytes]
    heavy: bool = False


ALL = ("table", "xlsx", "json", "xml", "text")
TEXTUAL = ("table", "json", "xml", "text")


def _random(n: int, seed: int = 10) -> bytes:
    return random.Random(seed).randbytes(n)


def _lines(seed: Seed) -> list[bytes]:
    return seed.data.split(b"\n")


def _sep(seed: Seed) -> bytes:
    head = _lines(seed)[0]
    return max((b"\t", b";", b"|", b","), key=head.count)


def _with_cells(seed: Seed, value: bytes, every: bool = True) -> bytes:
    """Each data cell that looks like a date or an amount replaced by ``value``."""
    sep = _sep(seed)
    out = [_lines(seed)[0]]
    looks = re.compile(rb"^\s*-?[\d\s.,/:-]+\s*$")
    for line in _lines(seed)[1:]:
        cells = line.split(sep)
        out.append(sep.join(value if looks.match(c) and c.strip() else c for c in cells))
        if not every:
            out.extend(_lines(seed)[len(out) :])
            break
    return b"\n".join(out)


def _duplicate_header(seed: Seed) -> bytes:
    sep = _sep(seed)
    lines = _lines(seed)
    cells = lines[0].split(sep)
    if len(cells) > 1:
        cells[1] = cells[0]
    lines[0] = sep.join(cells)
    return b"\n".join(lines)


def _long_header(seed: Seed) -> bytes:
    """A 1 MB header of distinct column names (a quadratic duplicate check takes minutes)."""
    sep = _sep(seed)
    names = sep.join(b"C%06d" % i for i in range(140_000))
    return _lines(seed)[0] + sep + names + b"\n" + b"\n".join(_lines(seed)[1:])


def _million_columns(seed: Seed) -> bytes:
    sep = _sep(seed)
    return _lines(seed)[0] + sep * 1_000_000 + b"\n" + b"\n".join(_lines(seed)[1:])


def _many_lines(seed: Seed) -> bytes:
    body = [line for line in _lines(seed)[1:] if line.strip()] or [b"x"]
    rows = (body * (100_000 // len(body) + 1))[:100_000]
    return b"\n".join([_lines(seed)[0], *rows]) + b"\n"


def _latin1_after_a_megabyte(seed: Seed) -> bytes:
    body = [line for line in _lines(seed)[1:] if line.strip()] or [b"x"]
    rows: list[bytes] = []
    size = 0
    while size < 1_100_000:
        rows.extend(body)
        size += sum(len(r) + 1 for r in body)
    rows[-3] = rows[-3].replace(b"e", b"\xe9", 1) + b"\xe9"
    return b"\n".join([_lines(seed)[0], *rows]) + b"\n"


def _nul_inside(seed: Seed) -> bytes:
    middle = len(seed.data) // 2
    return seed.data[:middle] + b"\x00" * 8 + seed.data[middle:]


def _header_only(seed: Seed) -> bytes:
    return _lines(seed)[0] + b"\n"


def _utf16(seed: Seed) -> bytes:
    return seed.data.decode("utf-8", errors="replace").encode("utf-16")


def _sheet_xml(pattern: bytes, repl: bytes) -> Callable[[Seed], bytes]:
    return lambda seed: patch_sheets(seed.data, lambda xml: re.sub(pattern, repl, xml, count=1))


def _huge_dimension(seed: Seed) -> bytes:
    def fix(xml: bytes) -> bytes:
        if b"<dimension" in xml:
            return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
        return xml.replace(b"<sheetData", b'<dimension ref="A1:XFD1048576"/><sheetData', 1)

    return patch_sheets(seed.data, fix)


def _entity_bomb_xml(xml: bytes) -> bytes:
    dtd = (
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
        b'<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>'
    )
    end = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    body = xml[end:]
    body = re.sub(rb"(<(?:title|v|t)>)", rb"\1&h;", body, count=1)
    return xml[:end] + dtd + body


def _xxe(xml: bytes) -> bytes:
    dtd = b'<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    end = xml.find(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    body = re.sub(rb"(<title>)", rb"\1&secret;", xml[end:], count=1)
    return xml[:end] + dtd + body


def _many_members(seed: Seed) -> bytes:
    return rezip([*members(seed.data), *((f"xl/media/m{i}.bin", b"") for i in range(5000))])


def _without(member: str) -> Callable[[Seed], bytes]:
    return lambda seed: rezip([(n, c) for n, c in members(seed.data) if n != member])


def _duplicate_member(seed: Seed) -> bytes:
    parts = members(seed.data)
    sheet = next((p for p in parts if p[0] in sheet_names(seed.data)), parts[0])
    return rezip([*parts, (sheet[0], b"<worksheet/>")])


def _json_at_first_number(seed: Seed, fragment: bytes) -> bytes:
    """The first number of the JSON replaced by a raw fragment (else appended to the root)."""
    m = re.search(rb"(:\s*)(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(\s*[,}\]])", seed.data)
    if m is None:
        return seed.data.rstrip().rstrip(b"}") + b', "x": ' + fragment + b"}"
    return seed.data[: m.start(2)] + fragment + seed.data[m.end(2) :]


def _json_string(seed: Seed, fragment: bytes) -> bytes:
    m = re.search(rb'(:\s*)"([^"\\]{1,80})"', seed.data)
    if m is None:
        return seed.data
    return seed.data[: m.start(2) - 1] + fragment + seed.data[m.end(2) + 1 :]


def _json_list(seed: Seed, item: bytes, n: int) -> bytes:
    """The first list of the JSON replaced by ``n`` copies of ``item`` (10⁶ empty risks)."""
    m = re.search(rb":\s*\[", seed.data)
    big = b"[" + b",".join([item] * n) + b"]"
    if m is None:
        return seed.data.rstrip().rstrip(b"}") + b', "x": ' + big + b"}"
    depth, i = 0, m.end() - 1
    for i in range(m.end() - 1, len(seed.data)):
        depth += {ord("["): 1, ord("]"): -1}.get(seed.data[i], 0)
        if depth == 0:
            break
    return seed.data[: m.end() - 1] + big + seed.data[i + 1 :]


def _xml_text(pattern: bytes, value: bytes) -> Callable[[Seed], bytes]:
    return lambda seed: re.sub(pattern, value, seed.data, count=3)


EDGES: tuple[Edge, ...] = (
    Edge("empty", ALL, lambda s: b""),
    Edge("whitespace", ALL, lambda s: b" \r\n\t \n"),
    Edge("nul_bytes", ALL, lambda s: b"\x00" * 1024),
    Edge("random_binary", ALL, lambda s: _random(3000)),
    Edge("pdf", ALL, lambda s: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"),
    Edge("gzip", ALL, lambda s: gzip.compress(s.data[:2000])),
    Edge("ole2_xls", ALL, lambda s: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
    Edge("utf16", TEXTUAL, _utf16),
    Edge("bom_only", TEXTUAL, lambda s: b"\xef\xbb\xbf"),
    Edge("truncated_half", ALL, lambda s: s.data[: len(s.data) // 2]),
    Edge("truncated_one_byte", ALL, lambda s: s.data[:-1]),
    Edge(
        "bit_flips",
        ALL,
        lambda s: bytes(b ^ 0x10 if i % 211 == 7 else b for i, b in enumerate(s.data)),
    ),
    Edge("nul_inside", ALL, _nul_inside),
    Edge("workbook_as_text", TEXTUAL, lambda s: first_seed(("budget_xlsx",)).data),
    Edge("text_as_workbook", ("xlsx",), lambda s: first_seed(("budget_csv",)).data),
    Edge("fake_zip_signature", ALL, lambda s: b"PK\x03\x04" + _random(400)),
    Edge("huge_line", TEXTUAL, lambda s: s.data + b"A" * 2_000_000, heavy=True),
    Edge("huge_line_no_newline", TEXTUAL, lambda s: b"A" * 2_000_000, heavy=True),
    # tables: CSV, FEC
    Edge("header_only", ("table",), _header_only),
    Edge("duplicate_header", ("table",), _duplicate_header),
    Edge("long_header", ("table",), _long_header, heavy=True),
    Edge("million_columns", ("table",), _million_columns, heavy=True),
    Edge("many_lines", ("table",), _many_lines, heavy=True),
    Edge("latin1_after_a_megabyte", ("table",), _latin1_after_a_megabyte, heavy=True),
    Edge("impossible_dates", ("table",), lambda s: _with_cells(s, b"20261399")),
    Edge("february_30", ("table",), lambda s: _with_cells(s, b"30/02/2026")),
    Edge("huge_numbers", ("table",), lambda s: _with_cells(s, b"9" * 400)),
    Edge("overflowing_number", ("table",), lambda s: _with_cells(s, b"1e400")),
    Edge("thousands_dot", ("table",), lambda s: _with_cells(s, b"1.230")),
    Edge("exponent", ("table",), lambda s: _with_cells(s, b"1e5")),
    Edge("formula_cells", ("table",), lambda s: _with_cells(s, b'=HYPERLINK("http://x";"y")')),
    Edge("nul_in_cells", ("table",), lambda s: _with_cells(s, b"1\x002")),
    Edge("placeholder_cells", ("table",), lambda s: _with_cells(s, b"{column}")),
    Edge("unbalanced_quote", ("table",), lambda s: _with_cells(s, b'"12', every=False)),
    Edge("mixed_newlines", ("table",), lambda s: s.data.replace(b"\n", b"\r", 3)),
    # workbooks: zip and XML damage
    Edge("zip_bomb", ("xlsx",), lambda s: zip_bomb(1024), heavy=True),
    Edge("lying_sizes", ("xlsx",), lambda s: set_declared_size(s.data, 4_000_000_000)),
    Edge("multi_disk", ("xlsx",), lambda s: multi_disk(s.data)),
    Edge("encrypted_flag", ("xlsx",), lambda s: set_flag(s.data, 0)),
    Edge("unsupported_method", ("xlsx",), lambda s: set_method(s.data, 99)),
    Edge("lzma_method", ("xlsx",), lambda s: set_method(s.data, 14)),
    Edge("zlib_damage", ("xlsx",), lambda s: flip_compressed(s.data)),
    Edge("stored_members", ("xlsx",), lambda s: rezip(members(s.data), zipfile.ZIP_STORED)),
    Edge("many_members", ("xlsx",), _many_members, heavy=True),
    Edge("duplicate_member", ("xlsx",), _duplicate_member),
    Edge("no_workbook_part", ("xlsx",), _without("xl/workbook.xml")),
    Edge("no_content_types", ("xlsx",), _without("[Content_Types].xml")),
    Edge("no_shared_strings", ("xlsx",), _without("xl/sharedStrings.xml")),
    Edge("huge_dimension", ("xlsx",), _huge_dimension),
    Edge("xml_syntax_error", ("xlsx",), _sheet_xml(rb"</row>", b"</rowx>")),
    Edge("xml_truncated", ("xlsx",), lambda s: patch_sheets(s.data, lambda x: x[: len(x) // 2])),
    Edge("xml_entity_bomb", ("xlsx",), lambda s: patch_sheets(s.data, _entity_bomb_xml)),
    Edge(
        "shared_string_missing",
        ("xlsx",),
        _sheet_xml(rb'(<c [^>]*t="s"[^>]*>)<v>\d+</v>', rb"\1<v>999999</v>"),
    ),
    Edge(
        "number_cell_text",
        ("xlsx",),
        _sheet_xml(rb"(<c [^>]*?)(?: t=\"\w+\")?(>)<v>[^<]*</v>", rb'\1 t="n"\2<v>abc</v>'),
    ),
    Edge(
        "date_cell_impossible",
        ("xlsx",),
        _sheet_xml(rb"(<c [^>]*?)(?: t=\"\w+\")?(>)<v>[^<]*</v>", rb'\1 t="d"\2<v>20261399</v>'),
    ),
    Edge(
        "date_serial_huge",
        ("xlsx",),
        _sheet_xml(rb"(<c [^>]*? s=\"\d+\"[^>]*>)<v>[^<]*</v>", rb"\1<v>1e308</v>"),
    ),
    Edge("row_index_huge", ("xlsx",), _sheet_xml(rb'<row r="\d+"', b'<row r="99999999"')),
    Edge("cell_ref_garbage", ("xlsx",), _sheet_xml(rb'<c r="[A-Z]+\d+"', b'<c r="XFE0"')),
    Edge(
        "error_cell",
        ("xlsx",),
        _sheet_xml(rb"(<c [^>]*?)(?: t=\"\w+\")?(>)<v>[^<]*</v>", rb'\1 t="e"\2<v>#DIV/0!</v>'),
    ),
    # JSON
    Edge("huge_integer", ("json",), lambda s: _json_at_first_number(s, b"9" * 5000)),
    Edge("infinite_number", ("json",), lambda s: _json_at_first_number(s, b"1e400")),
    Edge("largest_float", ("json",), lambda s: _json_at_first_number(s, b"1e308")),
    Edge("nan_literal", ("json",), lambda s: _json_at_first_number(s, b"NaN")),
    Edge("negative_zero", ("json",), lambda s: _json_at_first_number(s, b"-0.0")),
    Edge("nul_in_string", ("json",), lambda s: _json_string(s, b'"a\\u0000b"')),
    Edge("lone_surrogate", ("json",), lambda s: _json_string(s, b'"\\ud800"')),
    Edge("placeholder_string", ("json",), lambda s: _json_string(s, b'"{column}"')),
    Edge("deep_nesting", ("json",), lambda s: _json_string(s, b"[" * 100_000 + b"]" * 100_000)),
    Edge("million_empty_items", ("json",), lambda s: _json_list(s, b"{}", 1_000_000), heavy=True),
    Edge("many_items", ("json",), lambda s: _json_list(s, b"{}", 20_000)),
    Edge("top_level_list", ("json",), lambda s: b"[" + s.data + b"]"),
    Edge(
        "top_level_string",
        ("json",),
        lambda s: json.dumps(s.data.decode("utf-8", "replace")[:500]).encode(),
    ),
    Edge(
        "duplicate_keys", ("json",), lambda s: s.data.replace(b"{", b'{"schema_version": "x", ', 1)
    ),
    Edge(
        "latin1_json",
        ("json",),
        lambda s: s.data.decode("utf-8", "replace").encode("latin-1", "replace"),
    ),
    # feeds
    Edge("feed_entity_bomb", ("xml",), lambda s: _entity_bomb_xml(s.data)),
    Edge("feed_external_entity", ("xml",), lambda s: _xxe(s.data)),
    Edge(
        "feed_bad_dates",
        ("xml",),
        _xml_text(rb"(?<=<pubDate>)[^<]*", b"Tue, 99 Foo 2026 99:99:99 +9999"),
    ),
    Edge(
        "feed_iso_dates_impossible",
        ("xml",),
        _xml_text(rb"(?<=<pubDate>)[^<]*", b"2026-13-45T25:61:00Z"),
    ),
    Edge("feed_wrong_encoding", ("xml",), lambda s: s.data.replace(b"UTF-8", b"UTF-16", 1)),
    Edge("feed_unknown_encoding", ("xml",), lambda s: s.data.replace(b"UTF-8", b"x-bogus", 1)),
    Edge(
        "feed_html",
        ("xml",),
        lambda s: b"<!DOCTYPE html><html><body><p>Pas un flux</p></body></html>",
    ),
    Edge("feed_nul_in_title", ("xml",), _xml_text(rb"(?<=<title>)", b"\x00")),
    Edge("feed_unclosed", ("xml",), lambda s: s.data.replace(b"</item>", b"", 1)),
    # text typed in a field
    Edge("text_long", ("text",), lambda s: b"1 ; " * 200_000),
    Edge("text_numbers", ("text",), lambda s: b"1e400 ; -inf ; nan ; 9" + b"9" * 5000),
    Edge("text_symbols", ("text",), lambda s: "=:{x}:=;;==,,\u2212\x00".encode()),
)
"""Every damaged file, for the families it applies to (``heavy`` ones on demand)."""


def edges(kind: str, *, heavy: bool, share: tuple[int, int] = (0, 1)) -> list[tuple[str, bytes]]:
    """The damaged files for a kind of input, built from its first seed: ``(name, bytes)``.

    ``share=(k, n)`` keeps one in ``n`` of them (the ``k``-th), so that a short
    run spreads the files over the readers of a family instead of giving each all.
    """
    seed = first_seed((kind,))
    chosen = [e for e in EDGES if family(kind) in e.families and (heavy or not e.heavy)]
    k, n = share
    return [(e.name, e.build(seed)) for i, e in enumerate(chosen) if i % n == k % n]

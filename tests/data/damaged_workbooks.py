"""Damage done to a workbook's archive and XML, shared by the scripts that write test files.

``tests/data/bad_dossiers/make.py`` and ``tests/data/risks/make_corpus.py``
turn a good workbook (a dossier, a risk register template) into the smallest
damaged one that once let an exception out of a reader (issue #10). Each
function takes the good workbook's bytes and the member to damage.
"""

from __future__ import annotations

import io
import struct
import zipfile


def rezip(raw: bytes, replace: dict[str, bytes]) -> bytes:
    """The workbook with some members replaced (the others kept)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def member(raw: bytes, name: str) -> bytes:
    """A member of the archive, inflated."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return archive.read(name)


def member_data_offset(raw: bytes, name: str) -> tuple[int, int]:
    """Where a member's compressed bytes start in the archive, and how many there are."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset
    name_len, extra_len = struct.unpack("<HH", raw[start + 26 : start + 30])
    return start + 30 + name_len + extra_len, info.compress_size


def zlib_error(raw: bytes, sheet: str) -> bytes:
    """zlib.error: the deflate stream of a sheet damaged in its middle."""
    out = bytearray(raw)
    start, size = member_data_offset(raw, sheet)
    out[start + 2 : start + min(size, 40)] = b"\xff" * (min(size, 40) - 2)
    return bytes(out)


def xml_cut(raw: bytes, sheet: str) -> bytes:
    """An XML syntax error: a sheet cut in the middle of a tag."""
    xml = member(raw, sheet)
    return rezip(raw, {sheet: xml[: len(xml) // 2]})


def workbook_xml_error(raw: bytes) -> bytes:
    """A ParseError while opening: the workbook part itself is not XML."""
    return rezip(raw, {"xl/workbook.xml": b"<workbook><sheets><sheet name="})


def unsupported_compression(raw: bytes, sheet: str) -> bytes:
    """NotImplementedError: a member marked with a compression method zipfile cannot read."""
    out = bytearray(raw)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo(sheet)
    imploded = struct.pack("<H", 6)
    out[info.header_offset + 8 : info.header_offset + 10] = imploded  # the local header
    central = raw.find(b"PK\x01\x02")
    entry = raw.rfind(b"PK\x01\x02", central, raw.find(sheet.encode(), central))
    out[entry + 10 : entry + 12] = imploded  # and the central directory's entry
    return bytes(out)


def multi_disk(raw: bytes) -> bytes:
    """A zip that says it spans two disks (the end record's disk numbers set to 1)."""
    out = bytearray(raw)
    end = raw.rfind(b"PK\x05\x06")
    out[end + 4 : end + 8] = struct.pack("<HH", 1, 1)
    return bytes(out)


def huge_dimension(raw: bytes, sheet: str) -> bytes:
    """3.8 GB reached: a small workbook whose sheet declares the whole grid A1:XFD1048576."""
    xml = member(raw, sheet)
    start = xml.index(b"<dimension ")
    end = xml.index(b"/>", start) + 2
    return rezip(raw, {sheet: xml[:start] + b'<dimension ref="A1:XFD1048576"/>' + xml[end:]})


def zip_bomb(raw: bytes, sheet: str) -> bytes:
    """Minutes of work: a sheet that inflates a thousand times (4 MB from a few KB)."""
    xml = member(raw, sheet)
    cut = xml.index(b"</sheetData>")
    return rezip(raw, {sheet: xml[:cut] + b" " * (4 * 1024 * 1024) + xml[cut:]})

"""Write the regression files of this folder that are made by code (run from the repository root).

``python tests/data/bad_dossiers/make.py`` rewrites them; each one is the
smallest input that showed a failure of the dossier readers (issue #10), and
the comment beside it says which. The other files of the folder were written
by hand.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from essdiag.dossier import new_dossier  # noqa: E402
from essdiag.dossier_files import write_dossier_xlsx  # noqa: E402

SHEET = "xl/worksheets/sheet2.xml"  # the identity sheet


def _workbook() -> bytes:
    return write_dossier_xlsx(new_dossier("Asso"))


def _rezip(raw: bytes, replace: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The workbook with some members replaced (the others kept)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w", method) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def _member_data_offset(raw: bytes, name: str) -> tuple[int, int]:
    """Where a member's compressed bytes start in the archive, and how many there are."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        info = archive.getinfo(name)
    start = info.header_offset
    name_len, extra_len = struct.unpack("<HH", raw[start + 26 : start + 30])
    return start + 30 + name_len + extra_len, info.compress_size


def zlib_error() -> bytes:
    """zlib.error escaped: the deflate stream of a sheet is damaged in its middle."""
    raw = bytearray(_workbook())
    start, size = _member_data_offset(bytes(raw), SHEET)
    raw[start + 2 : start + min(size, 40)] = b"\xff" * (min(size, 40) - 2)
    return bytes(raw)


def xml_syntax_error() -> bytes:
    """lxml.etree.XMLSyntaxError escaped: a sheet whose XML is cut in the middle of a tag."""
    raw = _workbook()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        sheet = archive.read(SHEET)
    return _rezip(raw, {SHEET: sheet[: len(sheet) // 2]})


def workbook_xml_error() -> bytes:
    """xml ParseError escaped while opening: the workbook part itself is not XML."""
    return _rezip(_workbook(), {"xl/workbook.xml": b"<workbook><sheets><sheet name="})


def unsupported_compression() -> bytes:
    """NotImplementedError escaped: a member marked with a compression method zip cannot read."""
    raw = bytearray(_workbook())
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
        info = archive.getinfo(SHEET)
    imploded = struct.pack("<H", 6)
    raw[info.header_offset + 8 : info.header_offset + 10] = imploded  # the local header
    central = bytes(raw).find(b"PK\x01\x02")
    entry = bytes(raw).rfind(b"PK\x01\x02", central, bytes(raw).find(SHEET.encode(), central))
    raw[entry + 10 : entry + 12] = imploded  # and the central directory's entry
    return bytes(raw)


def huge_dimension() -> bytes:
    """3.8 GB reached: a 5 KB workbook whose sheet declares the whole grid A1:XFD1048576."""
    raw = _workbook()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        sheet = archive.read(SHEET)
    start = sheet.index(b"<dimension ")
    end = sheet.index(b"/>", start) + 2
    return _rezip(raw, {SHEET: sheet[:start] + b'<dimension ref="A1:XFD1048576"/>' + sheet[end:]})


def zip_bomb() -> bytes:
    """Minutes of work: a sheet that inflates a thousand times (here 4 MB from a few KB)."""
    raw = _workbook()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        sheet = archive.read(SHEET)
    cut = sheet.index(b"</sheetData>")
    padded = sheet[:cut] + b" " * (4 * 1024 * 1024) + sheet[cut:]
    return _rezip(raw, {SHEET: padded})


def huge_index() -> bytes:
    """The process aborted: a 6 KB workbook with the path ``risks.99999999.id``."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(_workbook()))
    ws = wb["Risques"]
    ws.append(["risks.99999999.id", "Identifiant", "R1"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def huge_number_xlsx() -> bytes:
    """Saved, then the budget export broke: 1e308 typed in a workbook's amount."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(_workbook()))
    for row in wb["Identité"].iter_rows(min_row=2):
        if row[0].value == "fte":
            row[2].value = 1e308
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _dossier_json(**sections: object) -> bytes:
    return json.dumps({"schema_version": 1, "identity": {"name": "Asso"}, **sections}).encode()


FILES = {
    "zlib_error.xlsx": zlib_error,
    "xml_syntax_error.xlsx": xml_syntax_error,
    "workbook_xml_error.xlsx": workbook_xml_error,
    "unsupported_compression.xlsx": unsupported_compression,
    "huge_dimension.xlsx": huge_dimension,
    "zip_bomb.xlsx": zip_bomb,
    "huge_index.xlsx": huge_index,
    "huge_number.xlsx": huge_number_xlsx,
    # ValueError escaped: an integer of more digits than Python reads (4,300).
    "huge_integer.json": lambda: (
        b'{"schema_version": 1, "identity": {"name": "Asso", "headcount": ' + b"9" * 4301 + b"}}"
    ),
    # Accepted on import, refused at save with an error the home page did not catch.
    "overflow.json": lambda: (
        b'{"schema_version": 1, "identity": {"name": "Asso"}, "budget": '
        b'{"lines": [{"account": "606", "months": [1e400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}]}}'
    ),
    # Saved, then the budget XLSX export broke.
    "huge_number.json": lambda: _dossier_json(
        budget={"lines": [{"account": "606", "months": [1e308] + [0.0] * 11}]}
    ),
    # Minutes of validation: 10⁶ empty risks (one more than the bound is enough here).
    "many_risks.json": lambda: _dossier_json(risks={"risks": [{}] * 10_001}),
    # A workbook renamed .json: said to be a workbook, not « JSON invalide ».
    "workbook_renamed.json": _workbook,
}


def main() -> None:
    for name, make in FILES.items():
        (HERE / name).write_bytes(make())
        print(name, (HERE / name).stat().st_size)


if __name__ == "__main__":
    main()

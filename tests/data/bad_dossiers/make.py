"""Write the regression files of this folder that are made by code (run from the repository root).

``python tests/data/bad_dossiers/make.py`` rewrites them; each one is the
smallest input that showed a failure of the dossier readers (issue #10), and
the comment beside it says which. The other files of the folder were written
by hand.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parent))

import damaged_workbooks as damage  # noqa: E402

from essdiag.dossier import new_dossier  # noqa: E402
from essdiag.dossier_files import write_dossier_xlsx  # noqa: E402

SHEET = "xl/worksheets/sheet2.xml"  # the identity sheet


def _workbook() -> bytes:
    return write_dossier_xlsx(new_dossier("Asso"))


def zlib_error() -> bytes:
    """zlib.error escaped: the deflate stream of a sheet is damaged in its middle."""
    return damage.zlib_error(_workbook(), SHEET)


def xml_syntax_error() -> bytes:
    """lxml.etree.XMLSyntaxError escaped: a sheet whose XML is cut in the middle of a tag."""
    return damage.xml_cut(_workbook(), SHEET)


def workbook_xml_error() -> bytes:
    """xml ParseError escaped while opening: the workbook part itself is not XML."""
    return damage.workbook_xml_error(_workbook())


def unsupported_compression() -> bytes:
    """NotImplementedError escaped: a member marked with a compression method zip cannot read."""
    return damage.unsupported_compression(_workbook(), SHEET)


def huge_dimension() -> bytes:
    """3.8 GB reached: a 5 KB workbook whose sheet declares the whole grid A1:XFD1048576."""
    return damage.huge_dimension(_workbook(), SHEET)


def zip_bomb() -> bytes:
    """Minutes of work: a sheet that inflates a thousand times (here 4 MB from a few KB)."""
    return damage.zip_bomb(_workbook(), SHEET)


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

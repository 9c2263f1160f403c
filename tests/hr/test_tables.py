"""``read_cells``: the header and rows of a CSV or XLSX register, or the reasons there are none."""

from __future__ import annotations

from pathlib import Path

from essdiag.guards import Limits
from essdiag.hr.tables import read_cells

FUZZ = Path(__file__).resolve().parents[1] / "data" / "fuzz"


def test_a_workbook_without_any_sheet_says_so() -> None:
    # a zip whose workbook.xml lists no sheet (found by the fuzz suite: it raised IndexError)
    raw = (FUZZ / "hr.workforce.read_workforce" / "index_error.csv").read_bytes()
    table, issues = read_cells(raw, file="registre.xlsx")
    assert table is None
    assert [(i.code, i.file) for i in issues] == [("table_no_sheet", "registre.xlsx")]
    assert "aucune feuille" in issues[0].message


def test_a_file_refused_for_its_rows_is_not_also_called_empty() -> None:
    raw = ("id;sexe\n" + "A;F\n" * 11).encode()
    table, issues = read_cells(raw, file="r.csv", limits=Limits(max_rows=10))
    assert table is None
    assert [i.code for i in issues] == ["table_too_many_rows"]


def test_an_empty_file_is_empty() -> None:
    table, issues = read_cells(b"\n\n", file="r.csv")
    assert table is None
    assert [i.code for i in issues] == ["table_empty"]

"""Dossier files in JSON and XLSX, and the corpus of bad files that must be refused."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essdiag.dossier import MAX_DOSSIER_BYTES, Dossier
from essdiag.dossier_files import read_dossier_file, read_dossier_xlsx, write_dossier_xlsx
from essdiag.errors import Severity
from tests.strategies import dossiers

CORPUS_DIR = Path(__file__).parent / "data" / "bad_dossiers"

# file → issue codes the reader must report (all errors: the file is refused).
CORPUS: dict[str, set[str]] = {
    "truncated.json": {"json_syntax"},
    "not_json.json": {"json_syntax"},
    "binary.json": {"encoding"},
    "empty.json": {"file_empty"},
    "utf16.json": {"encoding"},
    "top_level_list.json": {"dossier_not_object"},
    "no_schema_version.json": {"schema_version_missing"},
    "newer_schema.json": {"schema_version_newer"},
    "bad_schema_version.json": {"schema_version_invalid"},
    "missing_identity.json": {"missing"},
    "bad_siren_checksum.json": {"siren_checksum"},
    "wrong_types.json": {"int_parsing", "less_than_equal"},
    "unknown_field.json": {"extra_forbidden"},
    "unknown_legal_form.json": {"enum"},
    "deep_nesting.json": {"json_too_deep"},
    "infinity.json": {"json_not_finite"},  # Python reads it, JSON cannot write it back
    "truncated.xlsx": {"xlsx_archive"},
    "not_a_workbook.xlsx": {"xlsx_archive"},
    "foreign_workbook.xlsx": {"xlsx_sheet_missing"},
    "bad_values.xlsx": {"greater_than_equal", "siren_format"},
    "dossier.txt": {"file_type"},
    # Issue #10: each of these let an exception out of the readers, or was accepted.
    "zlib_error.xlsx": {"xlsx_archive"},  # zlib.error
    "xml_syntax_error.xlsx": {"xlsx_sheet_damaged"},  # xml.etree.ElementTree.ParseError
    "workbook_xml_error.xlsx": {"xlsx_archive"},  # lxml.etree.XMLSyntaxError
    "unsupported_compression.xlsx": {"xlsx_archive"},  # NotImplementedError
    "zip_bomb.xlsx": {"xlsx_archive"},  # 4 MB from 20 KB: refused before inflating
    "huge_index.xlsx": {"xlsx_bad_path"},  # risks.99999999.id aborted the process
    "huge_number.xlsx": {"number_out_of_range"},  # 1e308: saved, then the export broke
    "huge_integer.json": {"json_huge_integer"},  # ValueError (over 4,300 digits)
    "overflow.json": {"json_not_finite"},  # 1e400: accepted, then refused at save
    "huge_number.json": {"number_out_of_range"},  # 1e308 in a budget line
    "many_risks.json": {"list_too_long"},  # 10⁶ empty risks took minutes
    "workbook_renamed.json": {"file_kind"},  # said « not UTF-8 » of a workbook
}
# file → warning codes: these are read, with what was changed said.
READ_FINE: dict[str, list[str]] = {
    "huge_dimension.xlsx": [],  # declares A1:XFD1048576: read as the few rows it holds
    "nul_name.json": ["text_nul_removed"],  # PostgreSQL refused it (DataError): removed
}


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in CORPUS_DIR.iterdir() if p.name not in ("README.md", "make.py")}
    assert on_disk == set(CORPUS) | set(READ_FINE)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_bad_file_is_refused_with_expected_issues(name: str) -> None:
    dossier, issues = read_dossier_file((CORPUS_DIR / name).read_bytes(), name)
    assert dossier is None
    assert {i.code for i in issues if i.severity is Severity.ERROR} == CORPUS[name]
    for issue in issues:
        assert name in (issue.file or "")
        assert issue.message and "{" not in issue.message  # every placeholder filled


def test_truncated_json_says_where() -> None:
    _, issues = read_dossier_file((CORPUS_DIR / "truncated.json").read_bytes(), "t.json")
    assert issues[0].line is not None and issues[0].line > 1
    assert issues[0].column is not None
    assert "tronqué" in issues[0].message


def test_bad_xlsx_values_are_located_by_sheet_and_row() -> None:
    _, issues = read_dossier_file((CORPUS_DIR / "bad_values.xlsx").read_bytes(), "d.xlsx")
    located = {i.code: i for i in issues}
    assert located["greater_than_equal"].file == "d.xlsx / Identité"
    assert located["greater_than_equal"].column == "Valeur"
    assert located["greater_than_equal"].line is not None
    assert located["greater_than_equal"].where().startswith("d.xlsx / Identité, ligne ")


def test_oversized_file_is_refused_before_parsing() -> None:
    big = b" " * (MAX_DOSSIER_BYTES + 1)
    for name in ("big.json", "big.xlsx"):
        dossier, issues = read_dossier_file(big, name)
        assert dossier is None and [i.code for i in issues] == ["file_too_large"]
        assert "ne peut pas dépasser 20 Mo" in issues[0].message


@given(dossiers)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_xlsx_round_trip_is_lossless(dossier: Dossier) -> None:
    back, issues = read_dossier_xlsx(write_dossier_xlsx(dossier), file="d.xlsx")
    assert [i for i in issues if i.severity is Severity.ERROR] == []
    assert back == dossier


def test_sample_case_round_trips_through_xlsx(recyclerie: Dossier) -> None:
    back, issues = read_dossier_xlsx(write_dossier_xlsx(recyclerie), file="d.xlsx")
    assert issues == [] and back == recyclerie


def test_xlsx_text_is_never_written_as_a_formula() -> None:
    import io

    from openpyxl import load_workbook

    d = Dossier(identity={"name": '=HYPERLINK("http://x")', "purpose": "+1+2"})
    wb = load_workbook(io.BytesIO(write_dossier_xlsx(d)))
    values = [c.value for row in wb["Identité"].iter_rows() for c in row]
    assert '=HYPERLINK("http://x")' in values  # kept as a string cell
    assert all(c.data_type != "f" for row in wb["Identité"].iter_rows() for c in row)


@given(st.binary(max_size=2000), st.sampled_from(["x.json", "x.xlsx", "x.bin"]))
@settings(max_examples=150)
def test_readers_never_raise_on_arbitrary_bytes(raw: bytes, name: str) -> None:
    dossier, issues = read_dossier_file(raw, name)
    assert dossier is None or isinstance(dossier, Dossier)
    if dossier is None:
        assert issues


def _edit_identity_cells(raw: bytes, edits: dict[str, object]) -> bytes:
    """Type values into the Valeur column of the identity sheet, as a user would."""
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    sheet = wb["Identité"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in edits:
            row[2].value = edits[str(row[0].value)]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("yes_no", "expected"), [("oui", True), ("VRAI", True), ("Non", False), ("FAUX", False)]
)
def test_xlsx_typed_by_hand_numbers_in_text_fields_french_booleans_and_decimals(
    yes_no: str, expected: bool
) -> None:
    """A spreadsheet stores 75011 typed in a text cell as a number; French users write
    oui/non, VRAI/FAUX and decimal commas: the import understands them."""
    raw = write_dossier_xlsx(Dossier(identity={"name": "Asso", "esus": not expected}))
    edited = _edit_identity_cells(
        raw,
        {
            "address.postcode": 75011,
            "territory.commune": 75111,
            "territory.region": 11,
            "esus": yes_no,
            "fte": "12,5",
            "headcount": "1 234",
        },
    )
    dossier, issues = read_dossier_xlsx(edited, file="d.xlsx")
    assert issues == []
    assert dossier is not None
    ident = dossier.identity
    assert (ident.address.postcode, ident.territory.commune, ident.territory.region) == (
        "75011",
        "75111",
        "11",
    )
    assert ident.esus is expected
    assert (ident.fte, ident.headcount) == (12.5, 1234)


def test_xlsx_values_that_are_really_wrong_are_still_refused_where_they_are() -> None:
    raw = write_dossier_xlsx(Dossier(identity={"name": "Asso"}))
    edited = _edit_identity_cells(raw, {"esus": "peut-être", "fte": "douze", "territory.region": 1})
    dossier, issues = read_dossier_xlsx(edited, file="d.xlsx")
    assert dossier is None
    assert {i.code for i in issues} == {"bool_parsing", "float_parsing", "string_pattern_mismatch"}
    assert all(i.file == "d.xlsx / Identité" and i.column == "Valeur" for i in issues)


@pytest.mark.parametrize("name", sorted(READ_FINE))
def test_files_that_are_read_say_what_was_changed(name: str) -> None:
    dossier, issues = read_dossier_file((CORPUS_DIR / name).read_bytes(), name)
    assert [i.code for i in issues] == READ_FINE[name]
    assert all(i.severity is Severity.WARNING for i in issues)
    assert dossier is not None and dossier.identity.name.startswith("Asso")


def test_a_damaged_sheet_says_where_the_damage_starts() -> None:
    name = "xml_syntax_error.xlsx"
    _, [issue] = read_dossier_file((CORPUS_DIR / name).read_bytes(), name)
    assert issue.line is not None and issue.line > 1
    assert issue.message.startswith(
        f"La feuille « Identité » est abîmée à partir de la ligne {issue.line}"
    )


def test_a_list_index_beyond_the_bound_is_refused_at_its_cell() -> None:
    name = "huge_index.xlsx"
    _, [issue] = read_dossier_file((CORPUS_DIR / name).read_bytes(), name)
    assert (issue.file, issue.column) == (f"{name} / Risques", "Champ")
    assert issue.message == (
        "Le champ « risks.99999999.id » désigne un élément de liste au-delà du 10\u202f000ᵉ : un "
        "dossier compte au plus 10\u202f000 éléments par liste."
    )


def test_an_out_of_range_number_in_a_workbook_is_located_at_its_cell() -> None:
    name = "huge_number.xlsx"
    _, [issue] = read_dossier_file((CORPUS_DIR / name).read_bytes(), name)
    assert (issue.file, issue.column, issue.field) == (
        f"{name} / Identité",
        "Valeur",
        "identity.fte",
    )
    assert issue.line is not None


def _workbook_with_rows(
    rows: list[tuple[object, object, object]], sheet: str = "Identité"
) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(write_dossier_xlsx(Dossier(identity={"name": "Asso"}))))
    for row in rows:
        wb[sheet].append(list(row))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_path_that_contradicts_an_earlier_row_is_ignored_with_a_warning() -> None:
    raw = _workbook_with_rows([("name.first", "x", "Camille")])
    dossier, issues = read_dossier_xlsx(raw, file="d.xlsx")
    assert dossier is not None and dossier.identity.name == "Asso"
    assert [(i.code, i.severity) for i in issues] == [("xlsx_path_conflict", Severity.WARNING)]
    assert issues[0].where().startswith("d.xlsx / Identité, ligne ")


@pytest.mark.parametrize("path", ["a..b", "." * 3, "x." * 20 + "y", "z" * 400, 12])
def test_paths_that_are_no_field_names_are_refused(path: object) -> None:
    raw = _workbook_with_rows([(path, "x", "1")])
    dossier, issues = read_dossier_xlsx(raw, file="d.xlsx")
    assert dossier is None
    assert {i.code for i in issues} == {"xlsx_bad_path"}
    assert all("{" not in i.message for i in issues)


def test_a_number_too_long_for_python_typed_in_a_text_cell_is_refused_not_raised() -> None:
    raw = _workbook_with_rows([("headcount", "Effectif", "9" * 5000)])
    dossier, issues = read_dossier_xlsx(raw, file="d.xlsx")
    assert dossier is None
    assert [i.code for i in issues] == ["int_parsing_size"]
    assert issues[0].message.startswith("« Effectif salarié » est un nombre bien trop grand")


def test_the_reader_keeps_its_contract_on_an_unexpected_failure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A bug of ours deep inside becomes one French issue with a reference, never a traceback."""
    import essdiag.dossier_files as files

    def broken(*_: object, **__: object) -> object:
        raise KeyError("bug")

    monkeypatch.setattr(files, "_read_sheets", broken)
    dossier, [issue] = read_dossier_xlsx(
        write_dossier_xlsx(Dossier(identity={"name": "A"})), file="d.xlsx"
    )
    assert dossier is None and issue.code == "reader_failed"
    assert "votre dossier n'a pas changé" in issue.message


# Fuzz regression (tests/data/fuzz/dossier.read_dossier_json/bom_before_json.json): two
# UTF-8 byte order marks gave json's English « Unexpected UTF-8 BOM ».
def test_a_dossier_with_two_byte_order_marks_is_read() -> None:
    from essdiag.dossier import read_dossier_json

    dossier = Dossier(identity={"name": "Asso"})
    raw = b"\xef\xbb\xbf\xef\xbb\xbf" + dossier.to_json().encode("utf-8")
    back, issues = read_dossier_json(raw, file="dossier.json")
    assert (back, issues) == (dossier, [])
    back, issues = read_dossier_file(raw, file="dossier.json")
    assert (back, issues) == (dossier, [])

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
    "truncated.xlsx": {"xlsx_unreadable"},
    "not_a_workbook.xlsx": {"xlsx_unreadable"},
    "foreign_workbook.xlsx": {"xlsx_sheet_missing"},
    "bad_values.xlsx": {"greater_than_equal", "siren_format"},
    "dossier.txt": {"file_type"},
}


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in CORPUS_DIR.iterdir() if p.name != "README.md"}
    assert on_disk == set(CORPUS)


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

"""The INSEE CSV importer against a corpus of good and malformed files (tests/data/watch/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError, Severity
from essdiag.watch.insee import columns_view, merge_observations, read_insee_csv
from essdiag.watch.section import GeoLevel, Observation, WatchSection

CORPUS = Path(__file__).parents[1] / "data" / "watch"


def read(name: str, **kw):  # type: ignore[no-untyped-def]
    return read_insee_csv((CORPUS / name).read_bytes(), file=name, **kw)


def test_a_good_extract_feeds_the_indicators_and_lists_what_it_ignored() -> None:
    result, issues = read("insee_good.csv")
    assert result is not None
    by = {(o.indicator, o.code): o for o in result.observations}
    # Loriol: 1 463 / 6 620 = 0,22100 (65+); 310 / (310 + 755) = 0,29108 (single parents);
    # TP6021 17,5 % → 0,175; 1 313 / 5 012 = 0,26197 (no diploma).
    assert by[("share_65_plus", "26166")].value == pytest.approx(1463 / 6620)
    assert by[("single_parent_share", "26166")].value == pytest.approx(310 / 1065)
    assert by[("poverty_rate", "26166")].value == pytest.approx(0.175)
    assert by[("median_income", "26166")].value == 20900
    assert by[("no_diploma_share", "26166")].value == pytest.approx(1313 / 5012)
    assert by[("population", "242600252")].level is GeoLevel.EPCI
    assert by[("population", "26")].level is GeoLevel.DEPARTEMENT
    assert all(o.year == 2021 for o in result.observations)
    checks = {c.column: c for c in result.columns}
    assert checks["TP6021"].indicators == ("poverty_rate",) and checks["TP6021"].year == 2021
    assert checks["P21_POP"].status == "feeds" and "population" in checks["P21_POP"].indicators
    assert checks["SUPERF"].status == "ignored" and checks["CODGEO"].status == "identity"
    [unknown] = [i for i in issues if i.code == "insee_unknown_columns"]
    assert unknown.severity is Severity.WARNING and unknown.params["columns"] == "SUPERF, NAIS1520"
    assert list(columns_view(result).frame["column"])[:3] == ["CODGEO", "LIBGEO", "P21_POP"]


def test_a_wrong_separator_is_said_at_line_one() -> None:
    result, issues = read("insee_comma_separated.csv")
    assert result is None
    assert [(i.code, i.line, i.params["found"]) for i in issues] == [("insee_separator", 1, ",")]
    assert "points-virgules" in issues[0].message


def test_unknown_columns_only_import_nothing() -> None:
    result, issues = read("insee_unknown_columns.csv")
    assert result is None
    assert [i.code for i in issues] == ["insee_unknown_columns", "insee_nothing"]
    assert "SUPERF, NAIS1520, DECE1520" in issues[0].message


def test_text_in_numbers_is_reported_with_line_and_column_and_the_rest_imported() -> None:
    result, issues = read("insee_text_in_numbers.csv")
    assert result is not None
    bad = [(i.line, i.column, i.params["value"]) for i in issues if i.code == "insee_not_number"]
    assert bad == [(2, "MED21", "vingt mille"), (3, "P21_POP", "52x100")]
    assert "Ligne 2, colonne MED21 : « vingt mille » n'est pas un nombre" in issues[0].message
    kept = {(o.indicator, o.code) for o in result.observations}
    assert kept == {
        ("population", "26166"),
        ("poverty_rate", "26166"),
        ("median_income", "26"),
        ("poverty_rate", "26"),
    }


def test_bad_rows_are_set_aside_with_their_line() -> None:
    result, issues = read("insee_bad_rows.csv")
    assert result is not None and result.rows_set_aside == 2
    assert [(i.code, i.line) for i in issues] == [("insee_bad_code", 2), ("insee_row_width", 4)]
    assert [o.code for o in result.observations] == ["26166"]


def test_title_lines_prefixed_codes_and_secret_cells() -> None:
    result, issues = read("insee_title_lines_and_secret.csv")
    assert result is not None and issues == []
    by = {(o.indicator, o.level): o for o in result.observations}
    assert by[("population", GeoLevel.COMMUNE)].code == "26166"
    assert (
        "poverty_rate",
        GeoLevel.COMMUNE,
    ) not in by  # « s »: statistical secrecy, left out silently
    assert by[("poverty_rate", GeoLevel.REGION)].value == pytest.approx(0.127)


def test_two_digit_codes_can_be_regions() -> None:
    raw = b"CODGEO;LIBGEO;P21_POP\n84;Auvergne-Rh\xc3\xb4ne-Alpes;8140000\n"
    result, _issues = read_insee_csv(raw, level=GeoLevel.REGION)
    assert result is not None and result.observations[0].level is GeoLevel.REGION


def test_a_share_without_its_denominator_is_said() -> None:
    result, issues = read("insee_share_without_denominator.csv")
    assert result is None
    assert issues[0].code == "insee_partial" and issues[0].params["columns"] == "P21_POP"


def test_not_a_text_file() -> None:
    result, issues = read_insee_csv(b"PK\x03\x04binary", file="x.xlsx")
    assert result is None and issues[0].code == "file_kind"


def test_merge_replaces_the_same_territory_indicator_and_year() -> None:
    old = Observation(indicator="population", level="commune", code="26166", year=2021, value=1)
    other = Observation(indicator="population", level="commune", code="26166", year=2015, value=2)
    new = Observation(indicator="population", level="commune", code="26166", year=2021, value=6620)
    merged = merge_observations(WatchSection(observations=[old, other]), [new])
    assert sorted(o.value for o in merged.observations) == [2, 6620]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_issues_never_an_exception(raw: bytes) -> None:
    try:
        result, issues = read_insee_csv(raw, file="x.csv")
    except EssdiagError:
        return
    assert result is not None or issues


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet="0123456789;,s \n-CODGEOP21_POPMED", max_size=30), max_size=6))
def test_arbitrary_tables_under_a_good_header(lines: list[str]) -> None:
    raw = ("CODGEO;LIBGEO;P21_POP;MED21\n" + "\n".join(lines)).encode()
    result, issues = read_insee_csv(raw, file="x.csv")
    assert result is not None or issues


# Fuzz regressions (tests/data/fuzz/watch.insee.read_insee_csv and the long profile).
def test_a_header_citing_codgeo_without_such_a_column_is_refused_with_its_line() -> None:
    raw = b"Extrait\nCODGEO:LIBGEO;P21_POP\n26168;12\n"
    value, issues = read_insee_csv(raw, file="insee.csv")
    assert value is None
    assert [(i.code, i.line, i.column) for i in issues] == [("insee_no_codgeo_column", 2, "CODGEO")]


def test_a_line_longer_than_the_limit_is_refused_with_its_line() -> None:
    raw = b"CODGEO;LIBGEO;P21_POP\n26168;Loriol;" + b"9" * 200_000 + b"\n"
    value, issues = read_insee_csv(raw, file="insee.csv")
    assert value is None
    assert [(i.code, i.line, i.params["limit"]) for i in issues] == [
        ("insee_line_too_long", 2, 100_000)
    ]


def test_rows_beyond_the_limit_are_not_read_and_the_reader_says_so() -> None:
    from essdiag.watch.insee import INSEE_LIMITS

    n = INSEE_LIMITS.max_rows + 5
    raw = ("CODGEO;LIBGEO;P21_POP\n" + "26168;Loriol;6500\n" * n).encode()
    value, issues = read_insee_csv(raw, file="insee.csv")
    assert value is not None
    assert value.rows_read == INSEE_LIMITS.max_rows  # 40 000, not n
    assert any(i.code == "table_too_many_rows" for i in issues)


def test_a_prefixed_code_longer_than_a_geographic_code_is_set_aside() -> None:
    raw = b"CODGEO;LIBGEO;P21_POP\nCOM-" + b"9" * 30 + b";X;12\n26168;Loriol;6500\n"
    value, issues = read_insee_csv(raw, file="insee.csv")
    assert value is not None and value.rows_set_aside == 1
    assert [(i.code, i.line) for i in issues if i.code == "insee_bad_code"] == [
        ("insee_bad_code", 2)
    ]

"""The register reader on a small corpus of good and malformed files, and on arbitrary bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError, Severity
from essdiag.hr.workforce import headcount_figures, read_workforce, suggest_mapping, template_csv
from tests.hr.people import END, START, frame

DATA = Path(__file__).resolve().parents[1] / "data" / "hr"


def read(name: str, **kw):  # type: ignore[no-untyped-def]
    return read_workforce(
        (DATA / name).read_bytes(), file=name, period_start=START, period_end=END, **kw
    )


def test_good_csv() -> None:
    result, issues = read("good.csv")
    assert issues == []
    df = result.frame
    assert list(df["id"]) == ["A1", "A2", "A3"]
    assert list(df["fte"]) == [1.0, 0.8, 0.8]  # « 80 % » read as 0,8
    assert list(df["contract"]) == ["cdi", "cddi", "cdi"]
    assert df["disabled_worker"].tolist() == [False, True, False]
    assert df["base_pay"].iloc[1] == pytest.approx(17297.28)


def test_good_xlsx_with_dates() -> None:
    result, issues = read("good.xlsx")
    assert issues == []
    assert result.frame["entry_date"].tolist() == [date(2019, 3, 1), date(2025, 7, 1)]


def test_bad_rows_are_set_aside_with_a_french_message_naming_the_row() -> None:
    result, issues = read("bad_rows.csv")
    by_line = {(i.line, i.code) for i in issues if i.severity is Severity.ERROR}
    assert by_line == {
        (2, "hr_contract"),  # « stage »
        (3, "hr_category"),  # « cadre sup »
        (4, "hr_fte"),  # 1,2 > 1
        (5, "hr_pay_negative"),  # −100
        (6, "hr_sex_missing"),
        (8, "hr_id_duplicate"),  # B6 twice
        (9, "hr_sex_ambiguous"),  # « M »
    }
    assert list(result.frame["id"]) == ["B6"]  # the rest is imported
    contract = next(i for i in issues if i.code == "hr_contract")
    assert contract.message.startswith("Contrat « stage » inconnu")
    assert contract.where() == "bad_rows.csv, ligne 2, colonne contrat"
    fte = next(i for i in issues if i.code == "hr_fte")
    assert "supérieur à 0 et au plus égal à 1" in fte.message


def test_renamed_columns_are_mapped_and_birth_dates_give_the_age() -> None:
    result, issues = read("renamed.csv")
    assert issues == []
    assert result.mapping["sexe"] == "Genre"
    assert result.frame["age"].tolist() == [35]  # born 15/06/1990, on 31/12/2025
    assert result.frame["sex"].tolist() == ["F"] and result.frame["category"].tolist() == ["emp"]


def test_a_user_mapping_overrides_the_suggestion() -> None:
    raw = b"code;s;cat;a;c;e;b\nZ;H;tam;40;CDI;1;30000\n"
    mapping = dict(
        zip(
            ["id", "sexe", "categorie", "age", "contrat", "etp", "salaire_base_annuel"],
            ["code", "s", "cat", "a", "c", "e", "b"],
            strict=True,
        )
    )
    result, issues = read_workforce(
        raw, file="m.csv", period_start=START, period_end=END, mapping=mapping
    )
    assert issues == [] and result.frame["id"].tolist() == ["Z"]


def test_missing_required_columns_import_nothing() -> None:
    result, issues = read("missing_columns.csv")
    assert result.frame is None
    assert issues[0].code == "hr_columns_missing"
    assert "categorie" in issues[0].message and "etp" in issues[0].message


def test_the_template_reads_back() -> None:
    result, issues = read_workforce(
        template_csv(), file="t.csv", period_start=START, period_end=END
    )
    assert issues == [] and len(result.frame) == 2
    assert suggest_mapping(["id", "sexe"])["sexe"] == "sexe"


@pytest.mark.parametrize(
    "raw", [b"", b"\x00\x01\x02", b"PK\x03\x04broken", "é;à\n".encode("utf-16")]
)
def test_unusable_bytes_give_issues(raw: bytes) -> None:
    result, issues = read_workforce(raw, file="x", period_start=START, period_end=END)
    assert issues and (result is None or result.frame is None)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise_another_exception(raw: bytes) -> None:
    try:
        result, issues = read_workforce(raw, file="x.csv", period_start=START, period_end=END)
    except EssdiagError:
        return
    assert result is None or result.frame is not None or issues


def test_headcounts_by_the_rules_of_the_field() -> None:
    df = frame(
        {"contract": "cdi", "fte": 1.0},
        {"contract": "cddi", "fte": 0.8},
        {"contract": "pec", "fte": 0.6},  # not counted (L1111-3)
        {"contract": "apprentissage", "fte": 1.0},  # not counted
        {"contract": "cdd", "fte": 0.5, "exit_date": date(2025, 6, 30)},  # left: not at the end
    )
    figs = headcount_figures(df, START, END)
    assert figs["headcount"].value == 4
    assert figs["fte"].value == pytest.approx(3.9)
    assert figs["legal"].value == pytest.approx(2.3)  # 1 + 0,8 + 0,5


# Fuzz regressions (tests/data/fuzz/hr.workforce.read_workforce and the long profile).
FUZZ = Path(__file__).resolve().parents[1] / "data" / "fuzz"


def test_a_workbook_without_any_sheet_is_refused_not_a_crash() -> None:
    raw = (FUZZ / "hr.workforce.read_workforce" / "index_error.csv").read_bytes()
    read, issues = read_workforce(raw, file="registre.xlsx", period_start=START, period_end=END)
    assert read.frame is None
    assert [(i.code, i.file) for i in issues] == [("workforce_no_sheet", "registre.xlsx")]


def test_a_register_beyond_the_row_limit_is_refused_and_says_the_limit() -> None:
    from essdiag.hr.workforce import WORKFORCE_LIMITS

    n = WORKFORCE_LIMITS.max_rows + 1
    raw = "id;sexe;categorie;age;contrat;etp;salaire_base_annuel\n" + "A;F;emp;30;CDI;1;24000\n" * n
    read, issues = read_workforce(raw.encode(), file="r.csv", period_start=START, period_end=END)
    assert read.frame is None
    # one message: refused for its size, not also « Le fichier est vide. »
    assert [(i.code, i.params.get("limit")) for i in issues] == [("table_too_many_rows", 50_000)]

"""The SROI case file: a corpus of good and malformed files, the JSON round trip, arbitrary bytes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError, Severity
from essdiag.impact.sroi import evaluate, read_sroi_json, sroi_json

CORPUS = Path(__file__).resolve().parents[1] / "data" / "impact"
REPO = Path(__file__).resolve().parents[2]


def read(name: str):  # type: ignore[no-untyped-def]
    return read_sroi_json((CORPUS / name).read_bytes(), file=name)


def test_a_good_file_reads_without_issue_and_gives_the_hand_computed_ratio() -> None:
    case, issues = read("sroi_good.json")
    assert issues == []
    assert case is not None and len(case.outcomes) == 3 and len(case.inputs) == 3
    # 142 709,35 / 60 000 (see test_sroi.py for the arithmetic)
    assert evaluate(case, on=date(2026, 1, 1)).sroi_ratio == pytest.approx(2.378489, abs=1e-6)


def test_bad_rows_are_set_aside_with_their_name_and_line_and_the_rest_imported() -> None:
    case, issues = read("sroi_bad_rows.json")
    assert case is not None
    assert [o.name for o in case.outcomes] == ["Emploi", "Champ en trop"]
    assert [i.stakeholder for i in case.inputs] == ["Région"]
    messages = [i.message for i in issues]
    set_aside = [i for i in issues if i.code == "sroi_outcome_set_aside"]
    assert [i.params["name"] for i in set_aside] == [
        "Aubaine trop forte",
        "Quantité négative",
        "Sans source",
        "Source vide",
        "Texte",
    ]
    assert set_aside[0].line == 11  # the line where that outcome starts in the file
    assert set_aside[0].message == (
        "Effet n° 2 « Aubaine trop forte » mis de côté (ligne 11) : voir le détail ci-dessous."
    )
    assert "« Effet d'aubaine » doit être inférieur ou égal à 1 (reçu : 1,5)." in messages
    assert "« Quantité » doit être supérieur ou égal à 0 (reçu : \u22122)." in messages
    assert "« Source du proxy » est obligatoire et manque." in messages
    assert "« Source du proxy » ne peut pas être vide." in messages
    assert any("Ressource mobilisée n° 2 « Mairie »" in m for m in messages)
    assert any("Ressource mobilisée n° 3 « Bénévoles »" in m for m in messages)
    assert any("L'élément n° 4 de « inputs » doit être un objet JSON" in m for m in messages)
    extra = next(i for i in issues if i.code == "sroi_unknown_fields")
    assert extra.severity is Severity.WARNING and "colour" in extra.message


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("sroi_truncated.json", "json_syntax"),
        ("sroi_latin1.json", "json_encoding"),
        ("sroi_array.json", "sroi_not_object"),
        ("sroi_bad_rate.json", "less_than_equal"),
        ("sroi_no_outcome.json", "sroi_no_outcome"),
        ("sroi_empty.json", "sroi_no_outcome"),
        ("survey_binary.csv", "file_kind"),
        ("survey_pdf.csv", "file_kind"),
    ],
)
def test_unusable_files_say_why_in_french(name: str, code: str) -> None:
    case, issues = read(name)
    assert case is None
    assert code in [i.code for i in issues]
    assert all(i.message for i in issues)


def test_a_byte_order_mark_is_accepted() -> None:
    case, issues = read("sroi_bom.json")
    assert case is not None and issues == []


def test_a_file_over_the_limit_is_refused_before_parsing() -> None:
    case, issues = read_sroi_json(b" " * (5 * 1024 * 1024 + 1), file="gros.json")
    assert case is None and issues[0].code == "file_too_large"


@pytest.mark.parametrize("case_name", ["recyclerie", "scic-energie"])
def test_the_sample_case_files_read_back_as_they_are_written(case_name: str) -> None:
    raw = (REPO / "sample_data" / case_name / "sroi.json").read_bytes()
    case, issues = read_sroi_json(raw, file="sroi.json")
    assert case is not None and issues == []
    again, issues = read_sroi_json(sroi_json(case), file="export.json")
    assert again == case and issues == []
    assert json.loads(sroi_json(case))["discount_rate"] == 0.035


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes_give_issues_never_an_exception(raw: bytes) -> None:
    try:
        case, issues = read_sroi_json(raw, file="x.json")
    except EssdiagError:
        return
    assert case is not None or issues


@settings(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    ["discount_rate", "inputs", "outcomes", "name", "proxy", "hours", "value", "x"]
                ),
                children,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_arbitrary_json_gives_issues_never_an_exception(data: object) -> None:
    raw = json.dumps(data).encode()
    case, issues = read_sroi_json(raw, file="x.json")
    assert case is not None or issues


@pytest.mark.parametrize(
    ("raw", "reason", "line", "column"),
    [
        (b"{", "un nom de champ entre guillemets est attendu", 1, "2"),
        (b'{"discount_rate": 0.035,\n  "inputs": "abc', "un texte n'est pas refermé", 2, "13"),
        (b"\xef\xbb\xbf", "une valeur est attendue", 1, "1"),
    ],
)
def test_json_syntax_errors_are_said_in_french_with_their_place(
    raw: bytes, reason: str, line: int, column: str
) -> None:
    """The json module's English (« Expecting … », found by the fuzz suite) never reaches the reader."""
    case, issues = read_sroi_json(raw, file="cas.json")
    assert case is None
    (issue,) = issues
    assert issue.code == "json_syntax"
    assert (issue.line, issue.column) == (line, column)
    assert issue.message == (
        f"Le fichier n'est pas un JSON valide ({reason}) : il est peut-être tronqué ou a été "
        "modifié à la main."
    )


# Fuzz regressions (tests/data/fuzz/impact.sroi.read_sroi_json and the long profile).
def _case(**outcome: object) -> bytes:
    row = {"name": "Emploi", "stakeholder": "Salariés", "quantity": 10, "proxy": 1000}
    row.update(outcome)
    return json.dumps({"discount_rate": 0.035, "inputs": [], "outcomes": [row]}).encode()


def test_a_null_value_is_said_empty_not_python_none() -> None:
    case, issues = read_sroi_json(_case(proxy=None), file="sroi.json")
    assert case is None
    proxy = [i for i in issues if i.field == "outcomes[1].proxy"]
    assert [(i.template, i.params) for i in proxy] == [
        ("« {label} » est vide : donnez-lui une valeur.", {"label": "Valeur financière (proxy, €)"})
    ]
    assert all("None" not in str(i.params) for i in issues)


def test_the_text_none_is_still_echoed_as_received() -> None:
    _, issues = read_sroi_json(_case(proxy="None"), file="sroi.json")
    assert [i.params.get("input") for i in issues if i.field == "outcomes[1].proxy"] == ["None"]


def test_a_list_longer_than_the_limit_is_refused_with_its_size() -> None:
    from essdiag.impact.sroi import SROI_MAX_ITEMS

    raw = json.dumps({"discount_rate": 0.035, "outcomes": [{}] * (SROI_MAX_ITEMS + 1)}).encode()
    case, issues = read_sroi_json(raw, file="sroi.json")
    assert case is None
    assert [(i.code, i.params.get("n"), i.params.get("limit")) for i in issues][:1] == [
        ("sroi_too_many_items", 1_001, 1_000)
    ]


def test_element_lines_are_counted_for_each_element() -> None:
    from essdiag.impact.sroi import _element_lines

    text = '{"outcomes": [\n{},\n\n{}, {},\n{}]}'
    assert _element_lines(text) == {"outcomes": [2, 4, 4, 5]}

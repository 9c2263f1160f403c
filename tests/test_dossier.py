"""The dossier model: JSON round trip, schema versions and migrations, French issues."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from essdiag.dossier import (
    MAX_ISSUES,
    MAX_LIST_ITEMS,
    MAX_VALUES,
    MIGRATIONS,
    SCHEMA_VERSION,
    SECTIONS,
    Dossier,
    new_dossier,
    read_dossier_dict,
    read_dossier_json,
    value_issues,
)
from essdiag.errors import Issue, Severity, has_errors
from essdiag.i18n import translator
from tests.strategies import dossiers


@given(dossiers)
@settings(max_examples=60)
def test_json_round_trip_is_lossless(dossier: Dossier) -> None:
    back, issues = read_dossier_json(dossier.to_json().encode("utf-8"))
    assert issues == []
    assert back == dossier
    assert back is not None and back.to_json() == dossier.to_json()


def test_sections_start_empty_and_are_listed_identity_first() -> None:
    d = new_dossier("Asso")
    assert SECTIONS[0] == "identity"
    assert set(SECTIONS) == set(Dossier.model_fields) - {"schema_version"}
    for name in SECTIONS[1:]:
        section = getattr(d, name)
        assert section == type(section)(), name  # each section starts at its defaults


def test_bom_is_accepted(recyclerie: Dossier) -> None:
    back, issues = read_dossier_json(b"\xef\xbb\xbf" + recyclerie.to_json().encode())
    assert issues == [] and back == recyclerie


def test_older_file_is_migrated_step_by_step() -> None:
    """A schema-0 file (identity under ``organisation``) goes through the chain."""
    calls: list[int] = []

    def v0_to_v1(data: dict[str, Any]) -> dict[str, Any]:
        calls.append(0)
        out = {k: v for k, v in data.items() if k != "organisation"}
        return {**out, "identity": data["organisation"], "schema_version": 1}

    old = json.dumps({"schema_version": 0, "organisation": {"name": "Ancienne asso"}}).encode()
    dossier, issues = read_dossier_json(old, migrations={**MIGRATIONS, 0: v0_to_v1})
    assert issues == [] and calls == [0]
    assert dossier is not None and dossier.identity.name == "Ancienne asso"
    assert dossier.schema_version == SCHEMA_VERSION


def test_older_file_without_migration_is_refused_with_reason() -> None:
    old = json.dumps({"schema_version": 0, "identity": {"name": "x"}}).encode()
    dossier, issues = read_dossier_json(old, file="vieux.json")
    assert dossier is None
    assert [i.code for i in issues] == ["schema_version_unsupported"]
    assert issues[0].message == "Aucune migration n'est connue depuis le schéma 0."


def test_newer_file_message_says_to_update() -> None:
    newer = json.dumps({"schema_version": SCHEMA_VERSION + 1, "identity": {"name": "x"}}).encode()
    dossier, issues = read_dossier_json(newer, file="futur.json")
    assert dossier is None
    assert issues[0].code == "schema_version_newer"
    assert issues[0].message == (
        f"Ce dossier a été enregistré par une version plus récente d'essdiag (schéma "
        f"{SCHEMA_VERSION + 1}, cette version lit jusqu'au schéma {SCHEMA_VERSION}). "
        "Mettez essdiag à jour pour l'ouvrir."
    )
    assert issues[0].file == "futur.json"


def test_every_invalid_field_is_reported_with_its_french_label() -> None:
    raw = json.dumps(
        {
            "schema_version": 1,
            "identity": {"name": "", "siren": "123", "headcount": -1, "couleur": "bleu"},
        }
    ).encode()
    dossier, issues = read_dossier_json(raw, file="x.json")
    assert dossier is None and has_errors(issues)
    by_field = {i.field: i for i in issues}
    assert by_field["identity.name"].message == "« Nom de la structure » ne peut pas être vide."
    assert by_field["identity.headcount"].message == (
        "« Effectif salarié » doit être supérieur ou égal à 0 (reçu : −1)."
    )
    assert by_field["identity.siren"].code == "siren_format"
    assert by_field["identity.couleur"].message == (
        "« identity.couleur » n'est pas un champ connu du dossier."
    )
    assert all(i.file == "x.json" for i in issues)


def test_custom_errors_keep_their_template_for_translation() -> None:
    from essdiag.i18n import translator

    raw = json.dumps({"schema_version": 1, "identity": {"name": "A", "siren": "732829321"}})
    _, issues = read_dossier_json(raw.encode())
    [issue] = issues
    assert issue.code == "siren_checksum"
    assert issue.message == (
        "Le SIREN « 732829321 » n'est pas valide : la clé de contrôle (Luhn) ne correspond pas."
    )
    english = translator("en")(issue.template, **issue.params)
    assert english == "SIREN “732829321” is not valid: its check digit (Luhn) does not match."


def test_numbers_in_messages_are_written_the_french_way() -> None:
    raw = json.dumps({"schema_version": 1, "identity": {"name": "A", "fte": -2.5}})
    _, issues = read_dossier_json(raw.encode())
    assert (
        issues[0].message
        == "« Équivalents temps plein » doit être supérieur ou égal à 0 (reçu : −2,5)."
    )


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"nope", "une valeur est attendue"),
        (b'{"schema_version": 1,', "un nom de champ entre guillemets est attendu"),
        (b'{"schema_version": 1} 2', "du contenu suit la fin du fichier"),
    ],
)
def test_json_syntax_errors_say_why_in_french(raw: bytes, reason: str) -> None:
    _, issues = read_dossier_json(raw, file="d.json")
    assert issues[0].code == "json_syntax"
    assert f"({reason})" in issues[0].message
    assert translator("en")(reason) != reason  # and the English screen translates it


def test_where_an_issue_is_reads_in_the_session_language() -> None:
    issue = Issue(code="x", template="t", file="d.xlsx / Identité", line=5, column="Valeur")
    assert issue.where() == "d.xlsx / Identité, ligne 5, colonne Valeur"
    assert issue.where(translator("en")) == "d.xlsx / Identité, line 5, column Valeur"
    assert (
        Issue(code="x", template="t", field="identity.siren").where(translator("en"))
        == "field identity.siren"
    )


@pytest.mark.parametrize("token", ["Infinity", "-Infinity", "NaN"])
def test_json_infinity_or_nan_is_refused_since_it_could_not_be_saved_back(token: str) -> None:
    """Python's json reads Infinity, but the dossier writes it back as null: the saved
    revision would then be unreadable. Such a file is refused, saying where."""
    raw = f'{{"schema_version": 1,\n "identity": {{"name": "A", "fte": {token}}}}}'.encode()
    dossier, issues = read_dossier_json(raw, file="d.json")
    assert dossier is None
    assert [(i.code, i.line, i.column) for i in issues] == [("json_not_finite", 2, "35")]
    assert token in issues[0].message


def test_infinite_headcount_from_a_spreadsheet_is_refused_by_the_identity() -> None:
    _, issues = read_dossier_dict({"schema_version": 1, "identity": {"name": "A", "fte": "inf"}})
    assert [i.code for i in issues] == ["finite_number"]
    assert "Équivalents temps plein" in issues[0].message


def test_accepted_values_are_listed_whole_in_the_message() -> None:
    _, issues = read_dossier_dict(
        {"schema_version": 1, "identity": {"name": "A", "legal_form": "sarl"}}
    )
    assert "'fondation', 'societe_commerciale_ess'" in issues[0].message  # no English "or"


@pytest.mark.parametrize(
    ("raw", "french", "english"),
    [
        (b"[1, 2]", "une liste", "a list"),
        (b'"texte"', "un texte", "a text"),
        (b"true", "un booléen", "a true/false value"),
        (b"3.5", "un nombre", "a number"),
        (b"null", "null", "null"),
    ],
)
def test_a_file_that_is_not_an_object_says_what_it_holds(
    raw: bytes, french: str, english: str
) -> None:
    dossier, [issue] = read_dossier_json(raw, file="x.json")
    assert dossier is None and issue.code == "dossier_not_object"
    assert issue.message == f"Le fichier doit contenir un dossier (un objet JSON), pas {french}."
    shown = translator("en").fill(issue.template, issue.params, ("kind",))
    assert shown == f"The file must contain a case file (a JSON object), not {english}."


# -- the bounds every dossier keeps (issue #10) --------------------------------------------


def _raw(**sections: Any) -> bytes:
    return json.dumps({"schema_version": 1, "identity": {"name": "Asso"}, **sections}).encode()


def test_a_nul_character_is_removed_at_the_door_with_a_warning() -> None:
    """PostgreSQL cannot store NUL: an imported name keeps its letters, without it."""
    raw = json.dumps({"schema_version": 1, "identity": {"name": "Asso\u0000 B", "purpose": "x"}})
    dossier, issues = read_dossier_json(raw.encode(), file="n.json")
    assert dossier is not None and dossier.identity.name == "Asso B"
    assert [(i.code, i.severity, i.field) for i in issues] == [
        ("text_nul_removed", Severity.WARNING, "identity.name")
    ]
    assert issues[0].message == (
        "« Nom de la structure » contenait un caractère nul (invisible) : il a été retiré."
    )


def test_numbers_beyond_the_bound_are_refused_where_they_are() -> None:
    months = [0.0] * 12
    raw = _raw(
        budget={
            "lines": [
                {"account": "606", "months": [*months[:5], 2e15, *months[6:]]},
                {"account": "607", "months": [-(10**16), *months[1:]]},
            ]
        }
    )
    dossier, issues = read_dossier_json(raw, file="b.json")
    assert dossier is None
    assert [(i.code, i.field) for i in issues] == [
        ("number_out_of_range", "budget.versions.0.lines.1.months.0"),
        ("number_out_of_range", "budget.versions.0.lines.0.months.5"),
    ]
    assert issues[1].params["value"] == "2e+15"
    # the bound itself is accepted: 10¹⁵ (a thousand trillion) is still a number of the dossier
    ok, found = read_dossier_json(
        _raw(budget={"lines": [{"account": "606", "months": [1e15, *months[1:]]}]})
    )
    assert found == [] and ok is not None


def test_the_model_itself_refuses_what_the_store_could_not_keep() -> None:
    """A section built in code, or typed on a screen, meets the same bound."""
    with pytest.raises(ValidationError) as raised:
        Dossier.model_validate(
            {
                "identity": {"name": "A"},
                "budget": {"lines": [{"account": "606", "months": [1e308] + [0] * 11}]},
            }
        )
    [error] = raised.value.errors()
    assert error["type"] == "number_out_of_range"
    fine = new_dossier("A")
    broken = fine.model_copy(
        update={"identity": fine.identity.model_copy(update={"fte": math.inf, "purpose": "a\x00b"})}
    )
    assert [(i.code, i.field) for i in value_issues(broken)] == [
        ("number_not_finite", "identity.fte"),
        ("text_nul", "identity.purpose"),
    ]
    assert value_issues(fine) == []


def test_an_older_revision_with_a_large_number_stays_readable_when_not_strict() -> None:
    raw = _raw(budget={"lines": [{"account": "606", "months": [1e16] + [0.0] * 11}]})
    assert read_dossier_json(raw)[0] is None
    dossier, issues = read_dossier_json(raw, strict=False)
    assert issues == [] and dossier is not None
    assert dossier.budget.lines[0].months[0] == 1e16


def test_a_list_over_the_bound_is_refused_at_once() -> None:
    """10⁶ empty risks took over three minutes to refuse; the door refuses them in a blink."""
    import time

    raw = _raw(risks={"risks": [{}] * 1_000_000})
    started = time.perf_counter()
    dossier, [issue] = read_dossier_json(raw, file="r.json")
    assert time.perf_counter() - started < 5  # generous: it takes about 0.3 s
    assert dossier is None and (issue.code, issue.field) == ("list_too_long", "risks.risks")
    assert issue.message == (
        "« Registre des risques » compte 1\u202f000\u202f000 éléments : un dossier en accepte au "
        f"plus {MAX_LIST_ITEMS:,} par liste.".replace(",", "\u202f")
    )


def test_a_dossier_of_too_many_values_is_refused() -> None:
    line = {"account": "606", "label": "x", "months": [0.0] * 12}
    comment = {"level": "line", "key": "606", "period": "2026", "text": "x"}
    raw = _raw(budget={"lines": [line] * 10_000, "comments": [comment] * 10_000})
    dossier, [issue] = read_dossier_json(raw, file="v.json")
    assert dossier is None and issue.code == "dossier_too_many_values"
    assert str(MAX_VALUES // 1000) in issue.message.replace("\u202f", "")


def test_only_the_first_problems_are_detailed_and_the_others_counted() -> None:
    """Ten thousand broken risks: 40 000 problems, reported in a fraction of a second."""
    dossier, issues = read_dossier_json(_raw(risks={"risks": [{}] * 10_000}), file="r.json")
    assert dossier is None
    assert len(issues) == MAX_ISSUES + 1
    assert issues[-1].code == "more_issues"
    rest = f"{40_000 - MAX_ISSUES:,}".replace(",", "\u202f")  # 4 missing fields × 10 000 risks
    assert issues[-1].message == f"… et {rest} autres problèmes du même fichier, non détaillés."


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            {"watch": {"diagnosis": {"assessed_on": "2026-01-01T10:30:00"}}},
            "« Date du diagnostic » doit être une date sans heure, AAAA-MM-JJ "
            "(reçu : « 2026-01-01T10:30:00 »).",
        ),
        (
            {"watch": {"diagnosis": {"assessed_on": True}}},
            "« Date du diagnostic » doit être une date AAAA-MM-JJ (reçu : « True »).",
        ),
        (
            {"budget": {"lines": [{"account": "x"}]}},
            "« Compte » : le compte doit commencer par deux chiffres (ex. 60, 6063)",
        ),
    ],
)
def test_pydantic_errors_without_a_kernel_template_read_in_french(
    section: dict[str, Any], expected: str
) -> None:
    _, issues = read_dossier_json(_raw(**section))
    assert [i.message for i in issues] == [expected]


def test_an_integer_string_too_long_to_parse_reads_in_french() -> None:
    _, [issue] = read_dossier_dict(
        {"schema_version": 1, "identity": {"name": "A", "headcount": "9" * 5000}}
    )
    assert issue.code == "int_parsing_size"
    assert issue.message.startswith("« Effectif salarié » est un nombre bien trop grand")


_ENGLISH = ("Input should", "Value error", "Unable to", "should be", "valid ", "Field required")
_BAD_VALUES = st.sampled_from(
    [
        "x",
        3.5,
        -1,
        10**20,
        [],
        {},
        None,
        True,
        "2026-13-45",
        "",
        1e308,
        "1e400",
        [1],
        {"a": 1},
        "2026-01-01T10:00:00",
        [[1]],
        "-inf",
        "9" * 5000,
        2**64,
        [{}] * 3,
    ]
)


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict) and value:
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list) and value:
        return [p for i, v in enumerate(value[:2]) for p in _leaves(v, (*path, i))]
    return [path]


_SAMPLE = json.loads(
    (Path(__file__).parents[1] / "sample_data" / "recyclerie" / "dossier.json").read_text("utf-8")
)
_SAMPLE_LEAVES = [p for p in _leaves(_SAMPLE) if p[0] != "schema_version"]


@given(st.sampled_from(_SAMPLE_LEAVES), _BAD_VALUES)
@settings(max_examples=150, deadline=None)
def test_a_wrong_value_anywhere_gives_french_issues_with_every_placeholder_filled(
    path: tuple[Any, ...], bad: object
) -> None:
    data = json.loads(json.dumps(_SAMPLE))
    node = data
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = bad
    dossier, issues = read_dossier_dict(data, file="d.json")
    for issue in issues:
        for lang in ("fr", "en"):
            text = translator(lang).fill(issue.template, issue.params)
            assert not re.search(r"\{[a-z_]+\}", text), (issue.code, text)
        assert not any(word in issue.message for word in _ENGLISH), (issue.code, issue.message)
    assert dossier is not None or has_errors(issues)


def test_a_version_1_budget_becomes_the_adopted_initial_version_of_its_year() -> None:
    # A file written before budgets had versions (schema 1: one budget, its year, its lines).
    raw = (Path(__file__).parent / "data" / "budget" / "dossier_schema_1.json").read_bytes()
    dossier, issues = read_dossier_json(raw)
    assert dossier is not None, issues
    assert not has_errors(issues)
    assert dossier.schema_version == SCHEMA_VERSION == 2
    budget = dossier.budget
    assert [(v.id, v.fiscal_year, v.number, str(v.status)) for v in budget.versions] == [
        ("2025-0", 2025, 0, "adopted")
    ]
    assert budget.reference(2025) is budget.versions[0]
    assert [ln.account for ln in budget.lines_for(2025)] == ["64", "74"]
    # Thresholds and explanations stay; the explanation reads against any version ("").
    assert (budget.materiality.absolute, budget.materiality.both) == (2000.0, False)
    assert [(c.key, c.text, c.version) for c in budget.comments] == [
        ("64", "Embauche reportée.", "")
    ]
    # Written back at schema 2, it reads the same.
    again, _ = read_dossier_json(dossier.model_dump_json().encode())
    assert again == dossier


def test_the_budget_migration_leaves_an_empty_or_versioned_budget_alone() -> None:
    empty = MIGRATIONS[1]({"schema_version": 1, "budget": {"lines": []}})
    assert empty["budget"] == {"versions": []} and empty["schema_version"] == 2
    versioned = {"schema_version": 1, "budget": {"versions": [{"id": "2026-0"}]}}
    assert MIGRATIONS[1](versioned)["budget"] == versioned["budget"]

"""The dossier model: JSON round trip, schema versions and migrations, French issues."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings

from essdiag.dossier import (
    SCHEMA_VERSION,
    SECTIONS,
    Dossier,
    new_dossier,
    read_dossier_dict,
    read_dossier_json,
)
from essdiag.errors import Issue, has_errors
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
    dossier, issues = read_dossier_json(old, migrations={0: v0_to_v1})
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
        (b'{"schema_version": 1} 2', "du contenu suit la fin du dossier"),
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

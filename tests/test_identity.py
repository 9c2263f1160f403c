"""Identity validation: SIREN/SIRET Luhn checks, NAF format, French error messages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from essdiag.i18n import translator
from essdiag.identity import Identity, LegalForm, luhn_valid
from essdiag.validation import validate_as
from tests.strategies import luhn_complete, sirens


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        # Worked by hand: 7 3 2 8 2 9 3 2 0 → doubling every second digit from the right
        # gives 7+6+2+7+2+9+3+4+0 = 40, a multiple of 10.
        ("732829320", True),
        ("732829321", False),
        # INSEE's SIRET of the same company's establishment 00074 (Luhn over 14 digits).
        ("73282932000074", True),
        ("73282932000075", False),
        ("0", True),
        ("18", True),  # 1*2=2, +8 = 10
        ("19", False),
    ],
)
def test_luhn_reference_values(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


@given(sirens, st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_breaks_the_checksum(siren: str, pos: int, delta: int) -> None:
    changed = siren[:pos] + str((int(siren[pos]) + delta) % 10) + siren[pos + 1 :]
    assert luhn_valid(siren)
    assert not luhn_valid(changed)


def test_siren_is_normalised_from_spaces_and_numbers() -> None:
    assert Identity(name="A", siren="732 829 320").siren == "732829320"
    assert Identity(name="A", siren=732829320).siren == "732829320"  # type: ignore[arg-type]


def test_siren_checksum_error_has_code_and_french_message() -> None:
    with pytest.raises(ValidationError) as exc:
        Identity(name="A", siren="732829321")
    err = exc.value.errors()[0]
    assert err["type"] == "siren_checksum"
    assert err["msg"] == (
        "Le SIREN « 732829321 » n'est pas valide : la clé de contrôle (Luhn) ne correspond pas."
    )


def test_siren_format_error() -> None:
    with pytest.raises(ValidationError) as exc:
        Identity(name="A", siren="12345")
    assert exc.value.errors()[0]["type"] == "siren_format"
    assert exc.value.errors()[0]["msg"] == "Le SIREN doit compter 9 chiffres (reçu : « 12345 »)."


def test_siret_luhn_and_la_poste_rule() -> None:
    assert Identity(name="A", siret="732 829 320 00074").siret == "73282932000074"
    # La Poste (SIREN 356000000): digit sum multiple of 5; 3+5+6+1 = 15, though Luhn fails.
    la_poste = "35600000000001"
    assert not luhn_valid(la_poste)
    assert Identity(name="A", siret=la_poste).siret == la_poste
    with pytest.raises(ValidationError) as exc:
        Identity(name="A", siret="35600000000002")
    assert exc.value.errors()[0]["type"] == "siret_checksum"


def test_siret_with_valid_luhn_but_invalid_siren_part_is_refused() -> None:
    siret = luhn_complete("7328293210001")  # SIREN part 732829321 fails Luhn
    with pytest.raises(ValidationError) as exc:
        Identity(name="A", siret=siret)
    assert exc.value.errors()[0]["type"] == "siret_checksum"


@pytest.mark.parametrize(
    ("raw", "normalised"), [("88.99B", "88.99B"), ("8899b", "88.99B"), (" 38.32z ", "38.32Z")]
)
def test_naf_is_normalised(raw: str, normalised: str) -> None:
    assert Identity(name="A", naf=raw).naf == normalised


def test_naf_format_error() -> None:
    with pytest.raises(ValidationError) as exc:
        Identity(name="A", naf="889B")
    assert exc.value.errors()[0]["type"] == "naf_format"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("commune", "2A004"),
        ("commune", "69123"),
        ("departement", "2B"),
        ("departement", "974"),
        ("region", "84"),
    ],
)
def test_territory_codes_accept_official_forms(field: str, value: str) -> None:
    ident = Identity(name="A", territory={field: value})
    assert getattr(ident.territory, field) == value


@pytest.mark.parametrize(
    ("field", "value"), [("commune", "6912"), ("departement", "2C"), ("region", "840")]
)
def test_territory_codes_refuse_other_forms(field: str, value: str) -> None:
    with pytest.raises(ValidationError):
        Identity(name="A", territory={field: value})


def test_siret_must_extend_the_siren() -> None:
    with pytest.raises(ValidationError) as exc:
        Identity(name="A", siren="732829320", siret=luhn_complete("8412796310001"))
    err = exc.value.errors()[0]
    assert err["type"] == "siret_siren_mismatch"
    assert err["msg"].startswith("Le SIRET « 84127963100011 » ne commence pas par le SIREN")
    ok = Identity(name="A", siren="732829320", siret="73282932000074")
    assert ok.siret is not None and ok.siren is not None and ok.siret.startswith(ok.siren)


@pytest.mark.parametrize(
    ("field", "value", "hint"),
    [
        ("address", {"postcode": "7501"}, "5 chiffres, par exemple 75011"),
        ("territory", {"departement": "999"}, "2 chiffres, 2A, 2B, ou 3 chiffres outre-mer"),
        ("rna", "W12", "W suivi de 9 chiffres"),
    ],
)
def test_a_code_in_the_wrong_format_says_which_format_is_expected(
    field: str, value: object, hint: str
) -> None:
    """ "n'a pas le format attendu" alone left the user guessing the format."""
    _, issues = validate_as(Identity, {"name": "A", field: value}, prefix=("identity",))
    assert [i.code for i in issues] == ["string_pattern_mismatch"]
    assert hint in issues[0].message
    english = translator("en")
    assert english(issues[0].params["hint"]) != issues[0].params["hint"]


def test_legal_forms_keep_their_values_and_carry_their_labels() -> None:
    """The values are what dossier files hold; the labels what the reader sees."""
    assert [f.value for f in LegalForm] == [
        "association",
        "scop",
        "scic",
        "cooperative",
        "mutuelle",
        "fondation",
        "societe_commerciale_ess",
    ]
    assert LegalForm("scic").label == "SCIC (société coopérative d'intérêt collectif)"
    assert translator("en")(LegalForm.ASSOCIATION.label) != LegalForm.ASSOCIATION.label
    assert Identity(name="A", legal_form="scop").model_dump(mode="json")["legal_form"] == "scop"


def test_nul_characters_pasted_in_texts_are_removed() -> None:
    """PostgreSQL text cannot hold NUL (0x00): the identity drops it where it is typed."""
    ident = Identity.model_validate(
        {"name": "Asso\x00 B", "purpose": "Ré\x00emploi", "address": {"city": "Die\x00"}}
    )
    assert (ident.name, ident.purpose, ident.address.city) == ("Asso B", "Réemploi", "Die")

"""French-first formats and a complete English catalog."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from babel.numbers import format_currency
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from essdiag.i18n import MINUS, N_, LabelledEnum, Money, translator
from essdiag.i18n.missing import french_messages, missing_translations

REPO = Path(__file__).resolve().parents[1]

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("lang", "value", "expected"),
    [
        # CLDR fr: narrow no-break space for grouping, comma for decimals, € after a no-break space.
        ("fr", 1234.56, f"1{NNBSP}234,56{NBSP}€"),
        (
            "fr",
            Decimal("-1000000"),
            f"−1{NNBSP}000{NNBSP}000,00{NBSP}€",
        ),  # the typographic minus on every screen (#11)
        ("fr", 0, f"0,00{NBSP}€"),
        ("en", 1234.56, "€1,234.56"),
    ],
)
def test_money(lang: str, value: float, expected: str) -> None:
    assert translator(lang).money(value) == expected


def test_numbers_percentages_dates_and_missing_values() -> None:
    fr, en = translator("fr"), translator("en")
    assert fr.number(1234567.891, 1) == f"1{NNBSP}234{NNBSP}567,9"
    assert fr.percent(0.125) == f"12,5{NBSP}%"
    assert en.percent(0.125) == "12.5%"
    assert fr.date(date(2026, 11, 27)) == "27 nov. 2026"
    assert en.date(date(2026, 11, 27)) == "27 Nov 2026"
    assert fr.money(None) == fr.number(float("nan")) == fr.percent(None) == "–"


def test_unknown_language_falls_back_to_french() -> None:
    assert translator("de").lang == "fr"
    assert translator("fr")("Accueil") == "Accueil"


def test_placeholders_are_filled_after_translation() -> None:
    en = translator("en")
    assert en("Enregistré (version {rev}).", rev=3) == "Saved (version 3)."


def test_every_french_message_has_an_english_translation() -> None:
    missing = missing_translations(REPO)
    assert missing == [], (
        "translate these in essdiag/i18n/locales/en/LC_MESSAGES/<domain>.po "
        "(`make i18n` lists them)"
    )


def test_extraction_finds_messages_of_pages_library_and_app() -> None:
    found = french_messages(REPO)
    assert {"Accueil", "Enregistrer", "Le fichier est vide."} <= found


def test_times_read_the_same_from_sqlite_utc_and_postgresql_session_zone() -> None:
    """SQLite gives back UTC, PostgreSQL the server's zone: the user sees Paris time."""
    utc = datetime(2026, 11, 27, 6, 37, tzinfo=UTC)
    tokyo = utc.astimezone(timezone(timedelta(hours=9)))
    fr = translator("fr")
    assert fr.date(utc, "short") == fr.date(tokyo, "short") == "27/11/2026 07:37"  # CET = UTC+1
    summer = datetime(2026, 7, 1, 6, 37, tzinfo=UTC)
    assert fr.date(summer, "HH:mm") == "08:37"  # CEST = UTC+2


class Mode(LabelledEnum):
    """A choice of the tests (a legal form works the same way)."""

    CASH = "cash", N_("Espèces")
    TRANSFER = "transfer", N_("Virement")
    PLAIN = "plain"


class Holder(BaseModel):
    mode: Mode = Mode.CASH


def test_a_labelled_choice_keeps_its_value_and_carries_its_label() -> None:
    assert Mode("transfer") is Mode.TRANSFER
    assert (Mode.CASH.value, str(Mode.CASH), Mode.CASH.label) == ("cash", "cash", "Espèces")
    assert Mode.CASH == "cash"  # files and the database keep the value
    assert Mode.PLAIN.label == "plain"  # a member without a label shows its value
    assert Mode.labels() == {Mode.CASH: "Espèces", Mode.TRANSFER: "Virement", Mode.PLAIN: "plain"}
    assert Holder(mode="transfer").model_dump_json() == '{"mode":"transfer"}'
    assert Holder.model_validate_json('{"mode":"cash"}').mode is Mode.CASH


def test_fill_writes_raw_values_the_readers_way() -> None:
    fr, en = translator("fr"), translator("en")
    template = "{n} lignes, {x}, {neg}, {day}, {flag}, {mode}, {gap}"
    params = {
        "n": 1234,
        "x": 0.5,
        "neg": -2.25,
        "day": date(2026, 11, 27),
        "flag": True,
        "mode": Mode.CASH,
        "gap": None,
    }
    assert fr.fill(template, params) == (
        f"1{NNBSP}234 lignes, 0,5, {MINUS}2,25, 27/11/2026, oui, Espèces, –"
    )
    assert en.fill(template, params).startswith("1,234 lignes, 0.5, −2.25, 27/11/2026, yes, ")


def test_fill_never_groups_a_year_a_line_or_a_version() -> None:
    fr = translator("fr")
    params = {"year": 2026, "line": 12000, "rev": 1200, "label_year": 2026, "n": 2026}
    assert (
        fr.fill("{year} {line} {rev} {label_year} {n}", params)
        == f"2026 12000 1200 2026 2{NNBSP}026"
    )


def test_fill_translates_library_words_only() -> None:
    en = translator("en")
    params = {"label": "Nom de la structure", "value": "Nom de la structure"}
    assert en.fill("{label} / {value}", params, words=("label",)) == (
        "Organisation name / Nom de la structure"
    )


def test_fill_leaves_a_template_with_an_unknown_placeholder_readable() -> None:
    assert translator("fr").fill("reçu : {value}", {}) == "reçu : {value}"
    assert translator("fr").fill("{n} {", {"n": 1}) == "{n} {"


def test_rounding_of_parameters_keeps_two_decimals_at_most() -> None:
    fr = translator("fr")
    assert fr.value(3.14159) == "3,14"
    assert fr.value(2.0) == "2"
    assert fr.value(Decimal("1234.5")) == f"1{NNBSP}234,5"
    assert fr.value(float("inf")) == "∞"


def test_huge_numbers_are_written_in_scientific_form_never_crash() -> None:
    # babel cannot group the digits of 1e308 (decimal.InvalidOperation): such a value, met in a
    # refused input, is written the way a calculator shows it.
    fr, en = translator("fr"), translator("en")
    assert fr.number(-1e308) == "−1E308"
    assert fr.money(1.5e20) == "1,5E20\xa0€"
    assert en.number(1.5e20) == "1.5E20"
    assert fr.value(-1e308) == "−1E308"
    assert fr.number(999_999_999_999.5) == f"1{NNBSP}000{NNBSP}000{NNBSP}000{NNBSP}000"


def test_dates_and_months_in_both_languages() -> None:
    fr, en = translator("fr"), translator("en")
    assert fr.date(date(2026, 1, 5), "short") == "05/01/2026"
    assert fr.date(date(2026, 1, 5), "MMMM") == "janvier"
    assert en.date(date(2026, 1, 5), "MMMM") == "January"
    assert fr.date(None) == "–"
    assert fr.money(-3, 0) == f"{MINUS}3{NBSP}€"
    assert en.money(1234.4, 0) == "€1,234"


def test_one_english_translation_per_french_message() -> None:
    """Catalogs are merged: a message translated two ways would read as whichever sorts last.

    Where one French word means two things (« Nature » of a budget line, of a
    resource), the screens use two French messages.
    """
    from collections import defaultdict

    from babel.messages.pofile import read_po

    folder = Path(__file__).resolve().parents[1] / "essdiag/i18n/locales/en/LC_MESSAGES"
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    for po in sorted(folder.glob("*.po")):
        with po.open("rb") as fh:
            for m in read_po(fh):
                if m.id and m.string and not m.fuzzy:
                    seen[str(m.id)][po.name] = str(m.string)
    clashes = {k: v for k, v in seen.items() if len(set(v.values())) > 1}
    assert clashes == {}


def test_money_in_a_message_reads_as_money() -> None:
    fr, en = translator("fr"), translator("en")
    assert fr.fill("{x}", {"x": Money.of_cents(8000)}) == f"80,00{NBSP}€"
    assert en.fill("{x}", {"x": Money.of_cents(-8000)}) == "−€80.00"


@settings(max_examples=400)
@given(
    value=st.one_of(
        st.integers(min_value=-(10**14), max_value=10**14),
        st.floats(min_value=-1e14, max_value=1e14, allow_nan=False),
        st.decimals(min_value=-(10**12), max_value=10**12, places=3),
    ),
    digits=st.sampled_from([0, 2]),
    lang=st.sampled_from(["fr", "en"]),
)
def test_money_writes_what_babel_writes(value: object, digits: int, lang: str) -> None:
    """The fast euro writer agrees with babel's ``format_currency`` (the reference), minus aside."""
    tr = translator(lang)
    locale = "fr_FR" if lang == "fr" else "en_GB"
    pattern = None if digits == 2 else "#,##0\xa0¤" if lang == "fr" else "¤#,##0"
    expected = format_currency(
        value, "EUR", format=pattern, locale=locale, currency_digits=digits == 2
    ).replace("-", "\u2212", 1)
    assert tr.money(value, digits) == expected  # type: ignore[arg-type]

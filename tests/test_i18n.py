"""French-first formats and a complete English catalog."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from essdiag.i18n import translator
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

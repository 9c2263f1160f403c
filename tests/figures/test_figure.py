"""Figures that carry their working: formula, inputs, legal sources, result and reading."""

from __future__ import annotations

import math
from datetime import date

import pytest

from essdiag.figures import Figure, Input, format_value
from essdiag.i18n import MINUS, translator
from essdiag.params import param


def test_figure_steps_show_formula_inputs_and_parameter_source() -> None:
    smic = param("smic_hourly", date(2026, 6, 1))
    f = Figure.of(
        "Contribution par bénéficiaire manquant",
        400 * float(smic.value),
        "EUR",
        "400 × SMIC horaire",
        [Input.from_param(smic)],
        references=["Code du travail D5212-20"],
    )
    steps = f.steps()
    assert steps[0] == "Contribution par bénéficiaire manquant = 400 × SMIC horaire"
    assert steps[1].startswith("SMIC horaire brut = 12,02\xa0€ /h — source : Décret n° 2025-1228")
    assert "(en vigueur au 01/01/2026)" in steps[1]
    assert steps[2] == "Résultat : 4\u202f808,00\xa0€"
    assert steps[3] == "Référence : Code du travail D5212-20"


@pytest.mark.parametrize("value", [None, math.nan])
def test_missing_figure_says_why(value: float | None) -> None:
    f = Figure.of("Ratio", value, "ratio", "a / b", reason="b vaut zéro")
    assert not f.available
    assert f.steps()[-1] == "Non calculable : b vaut zéro"
    assert f.shown() == "–"


def test_steps_and_values_in_english() -> None:
    en = translator("en")
    f = Figure.of("Part du premier financeur", 0.316, "%", "max sᵢ", [Input.of("Don", 1500, "EUR")])
    assert f.shown(en) == "31.6%"
    assert f.steps(en)[1:] == ["Gift = €1,500.00", "Result: 31.6%"]  # "Don" is in the catalog
    missing = Figure.of("Ratio", None, "ratio", "a / b")
    assert missing.steps(en)[-1] == "Cannot be computed: missing data"
    assert format_value(0.3819, "ratio", en) == "0.38"
    assert format_value(40, "jours") == "40 jours"


def test_a_legal_parameter_reads_in_english_with_its_date_of_effect() -> None:
    """The date of effect was baked into the source in French: English showed
    "(en vigueur au 01/01/2026)"."""
    smic = param("smic_hourly", date(2026, 3, 1))
    f = Figure.of("x", 1.0, "ratio", "a", [Input.from_param(smic)])
    english = f.steps(translator("en"))[1]
    assert "en vigueur" not in english
    assert english.endswith(" (in force from 01/01/2026)")
    assert f.steps()[1].endswith(" (en vigueur au 01/01/2026)")


def test_the_reading_is_filled_with_raw_values_in_the_readers_language() -> None:
    f = Figure.of(
        "Part du premier financeur",
        0.62,
        "%",
        "max sᵢ",
        reading="concentré : {n} financeurs pour {amount}",
        reading_params={"n": 1200, "amount": 0.5},
        tone="watch",
    )
    assert f.read() == "concentré : 1\u202f200 financeurs pour 0,5"
    assert f.read(translator("en")) == "concentré : 1,200 financeurs pour 0.5"
    assert f.steps()[-1] == "Lecture : concentré : 1\u202f200 financeurs pour 0,5"
    assert Figure.of("x", None, "%", "a", reading="r").read() == ""  # no reading without a value


@pytest.mark.parametrize(
    ("value", "unit", "digits", "shown"),
    [
        (-1234.5, "EUR", None, f"{MINUS}1\u202f234,50\xa0€"),
        (1234.5, "EUR", 0, "1\u202f234\xa0€"),
        (12.02, "EUR/h", None, "12,02\xa0€ /h"),
        (0.25, "%", None, "25,0\xa0%"),
        (0.2567, "%", 2, "25,67\xa0%"),
        (3, "count", None, "3"),
        (2.5, "jours", None, "2,50 jours"),
        (None, "EUR", None, "–"),
    ],
)
def test_values_are_written_by_their_unit(
    value: float | None, unit: str, digits: int | None, shown: str
) -> None:
    assert format_value(value, unit, digits=digits) == shown

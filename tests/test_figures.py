"""Figures that carry their working, fiscal years, and the RNCP competency map."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.figures import Figure, Input, format_value
from essdiag.i18n import translator
from essdiag.params import param
from essdiag.periods import FiscalYear
from essdiag.referentiel import BLOCKS, COMPETENCIES


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


@pytest.mark.parametrize(
    ("label", "start", "first", "last"),
    [
        (2026, 1, date(2026, 1, 1), date(2026, 12, 31)),
        (2026, 7, date(2025, 7, 1), date(2026, 6, 30)),
        (2024, 3, date(2023, 3, 1), date(2024, 2, 29)),
    ],  # 2024 is a leap year
)
def test_fiscal_year_bounds(label: int, start: int, first: date, last: date) -> None:
    fy = FiscalYear(label_year=label, start_month=start)
    assert (fy.start, fy.end) == (first, last)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(1, 12))
def test_fiscal_year_containing_a_date_contains_it(d: date, start: int) -> None:
    fy = FiscalYear.containing(d, start)
    assert fy.contains(d)
    months = fy.months()
    assert len(months) == 12 and months[0] == (fy.start.year, fy.start.month)
    assert (d.year, d.month) in months


def test_competency_map_matches_the_official_sheet() -> None:
    # RNCP38126: block 1 lists 8 competencies, block 2 ten, block 3 nine.
    counts = {b: sum(c.block == b for c in COMPETENCIES.values()) for b in BLOCKS}
    assert counts == {"BC01": 8, "BC02": 10, "BC03": 9}


def test_steps_and_values_in_english() -> None:
    from essdiag.i18n import translator

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

"""Dated legal parameters."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from essdiag.errors import UnknownParameterError
from essdiag.params import param, parameter_names, series


def test_smic_on_dates_around_changes() -> None:
    # Décret 2024-951: 11,88 € from 1 Nov 2024; décret 2025-1228: 12,02 € from 1 Jan 2026.
    assert param("smic_hourly", date(2024, 10, 31)).value == Decimal("11.65")
    assert param("smic_hourly", date(2024, 11, 1)).value == Decimal("11.88")
    assert param("smic_hourly", date(2025, 12, 31)).value == Decimal("11.88")
    assert param("smic_hourly", date(2026, 1, 1)).value == Decimal("12.02")


def test_monthly_smic_matches_hourly_times_legal_hours() -> None:
    # 35 h × 52 weeks / 12 = 151.666… h a month (Code du travail L3121-27); the published
    # monthly figure is the hourly rate times that, rounded to the cent.
    hours = Decimal(35 * 52) / 12
    for monthly in series("smic_monthly"):
        hourly = param("smic_hourly", monthly.effective)
        assert abs(hourly.value * hours - monthly.value) <= Decimal("0.05"), monthly.effective


def test_franchise_threshold_2025_from_bofip() -> None:
    assert param("franchise_lucrative_threshold", date(2025, 6, 1)).value == Decimal("80011")
    assert param("franchise_lucrative_threshold", date(2024, 12, 31)).value == Decimal("78596")


def test_before_first_value_and_unknown_names_are_refused() -> None:
    first = series("smic_hourly")[0].effective
    with pytest.raises(UnknownParameterError, match="Aucune valeur"):
        param("smic_hourly", first - timedelta(days=1))
    with pytest.raises(UnknownParameterError, match="inconnu"):
        param("smic_horaire", date(2026, 1, 1))


@pytest.mark.parametrize("name", parameter_names())
def test_every_series_is_sourced_ordered_and_positive(name: str) -> None:
    values = series(name)
    assert values, name
    dates = [v.effective for v in values]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    for v in values:
        assert v.source.strip() and v.label.strip()
        assert v.value > 0
        if v.unit == "ratio":
            assert v.value <= 10


def test_help_to_people_ceiling_doubled_from_14_october_2025() -> None:
    # Loi de finances pour 2026, art. 9: 2 000 € for gifts made from 14 October 2025.
    assert param("donation_individual_help_ceiling", date(2025, 10, 13)).value == Decimal("1000")
    assert param("donation_individual_help_ceiling", date(2025, 10, 14)).value == Decimal("2000")

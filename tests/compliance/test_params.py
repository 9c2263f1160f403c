"""Dated parameters of the legal and fiscal frame, read on both sides of each date of effect."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from essdiag.errors import UnknownParameterError
from essdiag.params import param, series

# (name, date of effect, value the day before, value that day), each read in the text cited
# by the parameter's source.
CHANGES = [
    # BOFiP BOI-IS-CHAMP-10-50-20-20: 80 011 € for 2025, 81 051 € for 2026 (§ 10)
    ("franchise_lucrative_threshold", date(2026, 1, 1), "80011", "81051"),
    ("franchise_lucrative_threshold", date(2025, 1, 1), "78596", "80011"),
    # loi PACTE (n° 2019-486, JO 23 May 2019): art. 2 goes from three to four conditions
    ("social_utility_conditions", date(2019, 5, 24), "3", "4"),
    # L3332-17-1, I, 5°: the statutes write 1° and 3°, then after PACTE the 1° only
    ("esus_statutes_conditions", date(2019, 5, 24), "2", "1"),
    # plafond mensuel de la sécurité sociale: 3 925 € (2025), 4 005 € (2026)
    ("social_security_ceiling_monthly", date(2026, 1, 1), "3925", "4005"),
    # SMIC mensuel: 1 801,80 € from 1 November 2024, 1 823,03 € from 1 January 2026
    ("smic_monthly", date(2026, 1, 1), "1801.80", "1823.03"),
]


@pytest.mark.parametrize(("name", "day", "before", "after"), CHANGES)
def test_a_value_changes_exactly_on_its_date_of_effect(
    name: str, day: date, before: str, after: str
) -> None:
    assert param(name, day - timedelta(days=1)).value == Decimal(before)
    assert param(name, day).value == Decimal(after)
    assert param(name, day).effective == day


def test_the_franchise_threshold_is_known_for_every_year_to_the_current_one() -> None:
    years = {p.effective.year for p in series("franchise_lucrative_threshold")}
    assert set(range(2019, 2027)) <= years
    assert all(
        p.effective == date(p.effective.year, 1, 1) for p in series("franchise_lucrative_threshold")
    )


@pytest.mark.parametrize(
    "name",
    [
        "social_utility_conditions",
        "esus_statutes_conditions",
        "esus_closed_years",
        "republican_contract_required",
        "leader_pay_own_resources_two",
        "leader_pay_own_resources_three",
        "leader_pay_cap_ceiling_multiple",
        "social_security_ceiling_monthly",
    ],
)
def test_every_compliance_parameter_cites_its_source(name: str) -> None:
    for p in series(name):
        assert len(p.source) > 20, p


def test_the_republican_contract_exists_from_2_january_2022() -> None:
    # décret n° 2021-1947 (JO 1 January 2022), in force the next day; no value before
    assert param("republican_contract_required", date(2022, 1, 2)).effective == date(2022, 1, 2)
    with pytest.raises(UnknownParameterError):
        param("republican_contract_required", date(2022, 1, 1))


def test_a_rule_before_its_first_text_is_refused_not_guessed() -> None:
    with pytest.raises(UnknownParameterError):
        param("social_utility_conditions", date(2014, 8, 1))

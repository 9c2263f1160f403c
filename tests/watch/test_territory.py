"""Gap analysis on a small hand-made dataset, the arithmetic written beside each value."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.i18n import translator
from essdiag.identity import Territory
from essdiag.watch.section import CustomIndicator, Observation, TerritorySettings, WatchSection
from essdiag.watch.territory import (
    candidate_needs,
    catalogue,
    gap_figure,
    gap_table,
    illustrative_observations,
    observations,
    reference_observations,
    territory_views,
)

HERE = Territory(commune="99001", departement="99")


def obs(indicator: str, value: float, level: str = "commune", code: str = "99001") -> Observation:
    return Observation(
        indicator=indicator, level=level, code=code, name=code, year=2021, value=value
    )


def section(
    *items: Observation, threshold: float = 0.10, refs: tuple[str, ...] = ("france",)
) -> WatchSection:
    return WatchSection(
        observations=list(items),
        settings=TerritorySettings(references=list(refs), threshold=threshold),
        indicators=[
            CustomIndicator(key="bus_lines", label="Lignes de bus", unit="count", worse="lower")
        ],
    )


def row(gaps, indicator: str, ref: str = "france"):  # type: ignore[no-untyped-def]
    part = gaps[(gaps["indicator"] == indicator) & (gaps["ref_level"] == ref)]
    assert len(part) == 1
    return part.iloc[0]


def test_gaps_against_the_national_references_by_hand() -> None:
    s = section(
        obs("poverty_rate", 0.20),
        obs("median_income", 22000),
        obs("share_65_plus", 0.20),
        obs("population", 6620),
    )
    gaps = gap_table(s, HERE)
    # Poverty: France 14,4 % (ERFS 2022). 0,20 − 0,144 = 0,056; 0,056 / 0,144 = 0,3889 → unfavourable, beyond 10 %.
    p = row(gaps, "poverty_rate")
    assert p["gap"] == pytest.approx(0.056)
    assert p["relative"] == pytest.approx(0.056 / 0.144)
    assert p["relative"] == pytest.approx(0.3889, abs=1e-4)
    assert p["unfavourable"] is True and bool(p["beyond"])
    # Median income: France 2 028 × 12 = 24 336 €. 22 000 − 24 336 = −2 336; −2 336 / 24 336 = −0,0960:
    # lower is worse → unfavourable, but 9,6 % < 10 % → not beyond.
    m = row(gaps, "median_income")
    assert m["gap"] == pytest.approx(-2336)
    assert m["relative"] == pytest.approx(-0.09599, abs=1e-5)
    assert m["unfavourable"] is True and not bool(m["beyond"])
    # 65 or over: France 21,5 %. 0,20 − 0,215 = −0,015 → favourable (higher is worse).
    old = row(gaps, "share_65_plus")
    assert (
        old["gap"] == pytest.approx(-0.015)
        and old["unfavourable"] is False
        and not bool(old["beyond"])
    )
    # Population is context: no direction, never a need.
    pop = row(gaps, "population")
    assert pop["unfavourable"] is None and not bool(pop["beyond"])


@pytest.mark.parametrize(
    ("value", "beyond"),
    [
        (
            0.1584,
            True,
        ),  # (0,1584 − 0,144) / 0,144 = 0,0144 / 0,144 = 0,100 exactly: at the threshold, beyond
        (0.1583, False),  # 0,0143 / 0,144 = 0,0993: just under the threshold
    ],
)
def test_the_threshold_is_reached_at_equality(value: float, beyond: bool) -> None:
    gaps = gap_table(section(obs("poverty_rate", value)), HERE)
    assert bool(row(gaps, "poverty_rate")["beyond"]) is beyond


def test_a_lower_is_worse_indicator_beyond_the_threshold() -> None:
    # Median income 21 000 vs 24 336: −3 336 / 24 336 = −0,1371 → beyond 10 %.
    gaps = gap_table(section(obs("median_income", 21000)), HERE)
    assert bool(row(gaps, "median_income")["beyond"])
    assert row(gaps, "median_income")["relative"] == pytest.approx(-3336 / 24336)


def test_the_chosen_references_only_and_the_dossier_values_first() -> None:
    s = section(
        obs("poverty_rate", 0.20),
        obs("poverty_rate", 0.16, "departement", "99"),
        obs(
            "poverty_rate", 0.10, "france", "FR"
        ),  # the dossier's own national value wins over the shipped one
        refs=("departement", "france"),
    )
    gaps = gap_table(s, HERE)
    # Département: (0,20 − 0,16) / 0,16 = 0,25; France (dossier's value): (0,20 − 0,10) / 0,10 = 1,0.
    assert row(gaps, "poverty_rate", "departement")["relative"] == pytest.approx(0.25)
    assert row(gaps, "poverty_rate", "france")["relative"] == pytest.approx(1.0)
    assert set(gaps["ref_level"]) == {"departement", "france"}


def test_a_custom_indicator_and_a_zero_reference() -> None:
    s = section(obs("bus_lines", 1), obs("bus_lines", 0, "france", "FR"))
    r = row(gap_table(s, HERE), "bus_lines")
    assert r["gap"] == 1 and math.isnan(r["relative"]) and not bool(r["beyond"])
    assert catalogue(s)["bus_lines"].custom


def test_candidate_needs_state_their_rule_and_figures() -> None:
    s = section(obs("poverty_rate", 0.20), obs("median_income", 22000))
    gaps = gap_table(s, HERE)
    [c] = candidate_needs(gaps, 0.10)
    need = c.to_need("B01", translator("fr"))
    assert need.indicator == "poverty_rate" and need.origin.value == "territory"
    assert need.rule.replace("\xa0", " ") == (
        "écart relatif 38,9 % à la référence « France », au-delà du seuil de 10,0 %, sur un "
        "indicateur où plus haut = moins favorable"
    )
    assert "20,0" in need.evidence and "14,4" in need.evidence
    english = c.to_need("B01", translator("en"))
    assert "beyond the threshold of 10.0%" in english.rule


def test_the_headline_counts_indicators_beyond() -> None:
    s = section(obs("poverty_rate", 0.20), obs("median_income", 22000), obs("share_65_plus", 0.30))
    fig = gap_figure(gap_table(s, HERE), 0.10)
    # Poverty +38,9 %, 65+ (0,30 − 0,215) / 0,215 = +39,5 %: 2 beyond; income −9,6 % is not.
    assert fig.value == 2 and fig.tone == "watch"
    assert fig.read(translator("fr")) == "2 indicateur(s) sur 3 appellent l'attention"
    assert gap_figure(gap_table(WatchSection(), Territory()), 0.1).value is None


def test_shipped_references_have_a_source_and_a_year() -> None:
    refs = reference_observations()
    assert {r.indicator for r in refs} >= {"poverty_rate", "median_income", "unemployment_rate"}
    assert all(r.source and r.year >= 2013 and not r.illustrative for r in refs)
    poverty = next(r for r in refs if r.indicator == "poverty_rate")
    assert (poverty.value, poverty.year) == (0.144, 2022)


def test_the_illustrative_dataset_is_labelled_and_covers_both_cases() -> None:
    values = illustrative_observations()
    assert all(o.illustrative for o in values)
    assert {o.code for o in values} >= {
        "26166",
        "242600252",
        "26",
        "84",
        "22136",
        "200067460",
        "22",
        "53",
    }
    kept = observations(
        WatchSection(), Territory(commune="26166", epci="242600252", departement="26", region="84")
    )
    assert kept[("poverty_rate", "commune")].illustrative  # type: ignore[index]
    views = territory_views(WatchSection(), Territory(commune="26166", departement="26"))
    assert all(bool(v.frame["illustrative"].any()) for v in views)


@given(st.floats(0.001, 1.0), st.floats(0.001, 1.0), st.floats(0.01, 1.0))
def test_beyond_means_unfavourable_and_at_least_the_threshold(
    t: float, r: float, threshold: float
) -> None:
    s = section(obs("poverty_rate", t), obs("poverty_rate", r, "france", "FR"), threshold=threshold)
    g = row(gap_table(s, HERE), "poverty_rate")
    assert g["gap"] == pytest.approx(t - r)
    if bool(g["beyond"]):
        assert t > r and (t - r) / r >= threshold - 1e-9
    elif t > r:
        assert (t - r) / r < threshold + 1e-9

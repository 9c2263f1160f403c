"""Mix indicators: shares, dependency, concentration (HHI) and its readings, the three levers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.funding import FundingSection
from essdiag.funding.mix import (
    HHI_BANDS,
    LARGEST_SHARE_BANDS,
    band,
    band_tone,
    concentration_figures,
    hhi,
    largest_share,
    levers,
    mix_figures,
    shares_by,
    trend,
)
from essdiag.i18n import translator
from tests.funding.samples import sample, source


@pytest.fixture(scope="module")
def recyclerie() -> FundingSection:
    return sample("recyclerie")


def test_hhi_worked_examples() -> None:
    # 50/30/20: 0,5² + 0,3² + 0,2² = 0,25 + 0,09 + 0,04 = 0,38
    assert hhi([50, 30, 20]) == pytest.approx(0.38)
    assert hhi([25, 25, 25, 25]) == pytest.approx(0.25)  # four equal funders: 1/4
    assert hhi([10]) == 1.0
    assert hhi([]) != hhi([])  # NaN without funders
    assert largest_share([50, 30, 20]) == 0.5
    assert band(0.10, HHI_BANDS) == "diversifié"
    assert band(0.15, HHI_BANDS) == "modérément concentré"
    assert band(0.38, HHI_BANDS) == "très concentré"


@pytest.mark.parametrize(
    ("amounts", "reading", "tone"),
    [
        ([1] * 7, "diversifié", "good"),  # seven equal funders: HHI = 1/7 = 0,143
        # 4, 4, 3, 3, 2, 2, 1, 1 (total 20): (16 + 16 + 9 + 9 + 4 + 4 + 1 + 1) / 400 = 0,15
        # exactly, the first edge (DoJ/FTC 2010: 1 500 on 10 000 is already « moderately »).
        ([4, 4, 3, 3, 2, 2, 1, 1], "modérément concentré", "watch"),
        ([1] * 5, "modérément concentré", "watch"),  # 0,20
        ([1] * 4, "très concentré", "alert"),  # 0,25 exactly: the second edge is « highly »
    ],
)
def test_hhi_reading_is_the_band_of_the_figure(amounts: list[int], reading: str, tone: str) -> None:
    sources = [source(f"s{i}", f"F{i}", "foundation", a) for i, a in enumerate(amounts)]
    fig = concentration_figures(sources, 2026)["hhi"]
    assert fig.value == pytest.approx(sum(a * a for a in amounts) / sum(amounts) ** 2)
    assert fig.reading == reading and fig.tone == tone
    assert fig.formula == "Σ sᵢ²"  # the formula stays the formula
    assert fig.read(translator("en")) in {
        "diversified",
        "moderately concentrated",
        "highly concentrated",
    }


def test_band_edges_belong_to_the_upper_band() -> None:
    # Upper bounds are exclusive: 0,15 and 0,25 open the next band (HHI 1 500 / 2 500).
    assert band_tone(0.1499, HHI_BANDS) == ("diversifié", "good")
    assert band_tone(0.15, HHI_BANDS) == ("modérément concentré", "watch")
    assert band_tone(0.2499, HHI_BANDS) == ("modérément concentré", "watch")
    assert band_tone(0.25, HHI_BANDS) == ("très concentré", "alert")
    assert band_tone(0.30, LARGEST_SHARE_BANDS) == ("dépendance marquée", "watch")
    assert band_tone(0.50, LARGEST_SHARE_BANDS) == ("dépendance forte", "alert")


def test_figures_without_income_have_no_reading() -> None:
    figs = concentration_figures([], 2026)
    assert figs["hhi"].value is None and figs["hhi"].reading is None
    assert figs["hhi"].read() == "" and figs["largest"].formula == "max sᵢ"


def test_shares_by_family_and_funder_on_a_worked_example() -> None:
    sources = [
        source("asp", "État", "asp", 300_000),
        source("fdi", "État", "etat", 20_000),
        source("dep", "Département", "departement", 80_000),
        source("shop", "Clients", "sales", 250_000),
        source("gifts", "Donateurs", "individual_gifts", 50_000),
        source("loan", "Banque", "bank_loan", 100_000, purpose="investment"),
        source("kind", "Commune", "in_kind", 6_000),
    ]
    fam = shares_by(sources, 2026, by="family").set_index("key")
    # Operating income: 300 + 20 + 80 + 250 + 50 = 700 k€ (loan and in kind left out).
    assert fam["amount"].to_dict() == {
        "public": 400_000,
        "own_activity": 250_000,
        "private": 50_000,
    }
    assert fam["share"]["public"] == pytest.approx(4 / 7)
    by_funder = shares_by(sources, 2026, by="funder")
    assert by_funder.iloc[0].tolist() == ["État", 320_000, pytest.approx(320 / 700)]
    figs = {**mix_figures(sources, 2026), **concentration_figures(sources, 2026)}
    assert figs["own_activity"].value == pytest.approx(250 / 700)
    # HHI over funders: (320² + 250² + 80² + 50²) / 700² = (102 400 + 62 500 + 6 400 + 2 500)
    # / 490 000 = 173 800 / 490 000 = 0,35469…
    assert figs["hhi"].value == pytest.approx(173_800 / 490_000)
    assert figs["hhi"].reading == "très concentré"
    assert figs["largest"].value == pytest.approx(320 / 700)
    assert figs["largest"].reading == "dépendance marquée"  # 45,7 %: between 30 and 50 %


@settings(deadline=None)  # a shared machine: timing is not what is tested
@given(st.lists(st.floats(0.01, 1e7, allow_nan=False), min_size=1, max_size=20))
def test_shares_sum_to_one_and_hhi_within_bounds(values: list[float]) -> None:
    sources = [source(f"s{i}", f"F{i}", "foundation", v) for i, v in enumerate(values)]
    table = shares_by(sources, 2026, by="funder")
    assert table["share"].sum() == pytest.approx(1.0)
    index = hhi(table["amount"])
    assert 1 / len(values) - 1e-9 <= index <= 1 + 1e-9


def test_recyclerie_narrative_figures(recyclerie: FundingSection) -> None:
    # README 2025: the State (aide au poste + FDI) brings half of the grants and nearly a
    # third of the income. Register 2025: (314 000 + 15 000) / 1 040 900 = 31,6 %;
    # grants (74): 626 000 public + 25 000 foundation = 651 000, State = 50,5 %.
    figs = concentration_figures(recyclerie.sources, 2025)
    assert figs["largest"].value == pytest.approx(329_000 / 1_040_900)
    assert "État" in figs["largest"].formula
    fam = shares_by(recyclerie.sources, 2025).set_index("key")["amount"]
    assert fam["public"] == 626_000 and fam["own_activity"] == 370_500 and fam["private"] == 44_400
    assert 329_000 / (fam["public"] + 25_000) == pytest.approx(0.505, abs=0.001)
    history = trend(recyclerie.sources, recyclerie.years())
    assert history["year"].tolist() == [2025, 2026, 2027]
    assert history["public_share"].iloc[1] < history["public_share"].iloc[0]  # Département cut


def test_levers_grid(recyclerie: FundingSection) -> None:
    grid = levers(
        recyclerie.sources,
        2025,
        employees=25,
        fte=21.5,
        volunteers=45,
        alliances=recyclerie.alliances,
    )
    values = dict(zip(grid["indicator"], grid["value"], strict=True))
    assert values["Bénévoles par salarié"] == pytest.approx(1.8)
    assert values["Contributions en nature valorisées"] == 64_806  # 6 000 + 58 806 (README)
    assert values["Partenariats et réseaux déclarés"] == 4

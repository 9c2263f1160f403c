"""The equality index on worked cases, each expected value derived by hand beside it.

Rules: décret n° 2019-15 annexes I and II, as coded in the Ministry's Egapro
(SocialGouv/egapro, ``IndicateurUnComputer`` … ``IndexComputer``): gaps men −
women over men, thresholds 5 (CSP) / 2 (levels) points, groups valid with 3 F
and 3 M (10 and 10 for the 250+ rates), 40 % coverage, one rounding half up to
0.1, points read at ``ceil(result)``.
"""

from __future__ import annotations

from datetime import date

import pytest

from essdiag.hr import egapro
from essdiag.hr.egapro import PAY_POINTS, equality_index, points_for, round_half_up
from essdiag.hr.section import EqualityMode, SizeBand
from essdiag.i18n import translator
from tests.hr.people import END, START, frame, many

SMALL, LARGE = SizeBand.FROM_50_TO_250, SizeBand.OVER_250


def index(df, band=SMALL, mode=EqualityMode.CSP):  # type: ignore[no-untyped-def]
    return equality_index(df, period_start=START, period_end=END, band=band, mode=mode)


def pair(women: float, men: float, *, n: int = 3, category: str = "emp", age: int = 35, **kw):  # type: ignore[no-untyped-def]
    return [
        *many(n, sex="F", category=category, age=age, base_pay=women, **kw),
        *many(n, sex="H", category=category, age=age, base_pay=men, **kw),
    ]


def test_rounding_is_half_up_once_not_bankers() -> None:
    # Python's round(2.25, 1) gives 2.2 (binary float, half even); Egapro's Math.round gives 2.3.
    assert round_half_up(2.25) == 2.3
    assert round_half_up(92.5, 0) == 93
    assert round_half_up(-4.05) == 4.1


@pytest.mark.parametrize(
    ("result", "points"),
    [
        (0.0, 40),
        (0.1, 39),
        (1.0, 39),
        (1.1, 38),
        (5.0, 35),
        (7.9, 31),
        (20.0, 2),
        (20.1, 0),
        (35, 0),
    ],
)
def test_pay_points_are_read_at_the_upper_closed_edge(result: float, points: int) -> None:
    # décret annexe, indicateur 1: "> k−1 et ≤ k" gets the points of k.
    assert points_for(result, PAY_POINTS) == points


def test_pay_gap_two_groups_weighted_after_threshold() -> None:
    # emp 30–39: 3 F at 27 000, 3 H at 30 000: gap (30 000 − 27 000) / 30 000 = 10 %, − 5 = 5.0
    # ouv 30–39: 3 F and 3 H at 20 000: gap 0. Weights 6/12 each: 5.0 × 0.5 = 2.5 → ceil 3 → 37.
    df = frame(*pair(27000, 30000), *pair(20000, 20000, category="ouv"))
    pay = index(df).indicators["pay_gap"]
    assert pay.result == 2.5
    assert pay.points == 37
    assert pay.favours == "men"
    assert pay.groups is not None and pay.groups.values("valid") == [True, True]


@pytest.mark.parametrize(
    ("women", "result", "points"),
    [
        (19000, 0.0, 40),  # gap 5.0 % exactly: within the threshold, 0 after it
        (18900, 0.5, 39),  # gap 5.5 %: 0.5 after the threshold → ceil 1 → 39
        (18800, 1.0, 39),  # gap 6.0 %: 1.0 → 39 (upper closed edge)
        (18780, 1.1, 38),  # gap 6.1 %: 1.1 → ceil 2 → 38
    ],
)
def test_csp_relevance_threshold_both_sides(women: float, result: float, points: int) -> None:
    pay = index(frame(*pair(women, 20000))).indicators["pay_gap"]
    assert (pay.result, pay.points) == (result, points)


def test_level_mode_uses_the_two_point_threshold() -> None:
    # Same people, level "3": gap 5 % − 2 = 3.0 → 37 points; in CSP mode 5 − 5 = 0 → 40.
    df = frame(*pair(19000, 20000, level="3"))
    assert index(df, mode=EqualityMode.LEVEL).indicators["pay_gap"].points == 37
    assert index(df, mode=EqualityMode.CSP).indicators["pay_gap"].points == 40


def test_pay_compares_full_time_pay_but_counts_each_person_once() -> None:
    # A woman at 0.5 FTE paid 13 500 earns 27 000 full time: the group is the 27 000 / 30 000 one.
    people = pair(27000, 30000)
    people[0] = {**people[0], "fte": 0.5, "base_pay": 13500.0}
    pay = index(frame(*people)).indicators["pay_gap"]
    assert pay.result == 5.0 and pay.points == 35  # 10 % − 5, weight 6/6
    assert pay.groups is not None and pay.groups.values("women") == [3]


def test_a_group_made_invalid_by_one_person() -> None:
    # 3 F + 3 H valid (6 of 12 people, 50 % ≥ 40 %); the other group 2 F + 4 H is invalid.
    other = [*many(2, sex="F", category="ouv", age=55), *many(4, sex="H", category="ouv", age=55)]
    df = frame(*pair(27000, 30000), *other)
    assert index(df).indicators["pay_gap"].points == 35  # only the valid group weighs (6/6)
    # One woman less in the valid group: 2 F + 3 H, no valid group left → not calculable.
    people = pair(27000, 30000)[1:]
    pay = index(frame(*people, *other)).indicators["pay_gap"]
    assert pay.points is None and pay.reason and "40 %" in pay.reason


@pytest.mark.parametrize(("others", "calculable"), [(9, True), (10, False)])
def test_forty_percent_coverage_rule(others: int, calculable: bool) -> None:
    # 6 people in the valid group out of 6 + 9 = 15 → 40 % exactly: calculable; 6 / 16 = 37.5 %: not.
    rest = many(others, sex="H", category="ouv", age=55)
    pay = index(frame(*pair(27000, 30000), *rest)).indicators["pay_gap"]
    assert (pay.points is not None) is calculable


def test_raises_50_250_the_better_of_rate_and_number_of_employees() -> None:
    # 10 F, 5 raised (50 %); 20 H, 6 raised (30 %): gap 0.30 − 0.50 = −20 points → 0 points on the rate
    # scale; number of employees 0.20 × min(10, 20) = 2.0 → ceil 2 → 35. The better: 35, for women.
    women = [*many(5, sex="F", raised=True, age=31), *many(5, sex="F", age=32)]
    men = [*many(6, sex="H", raised=True, age=33), *many(14, sex="H", age=34)]
    ind = index(frame(*women, *men)).indicators["raises_50_250"]
    assert (ind.result, ind.points, ind.favours) == (20.0, 35, "women")


def test_raises_50_250_rate_wins_when_headcounts_are_large() -> None:
    # 200 F, 80 raised (40 %); 300 H, 129 raised (43 %): gap 3.0 → 25 points; employees 0.03 × 200 = 6.0
    # → 15 points. The better: 25, in favour of men. Promotions count as raises in this band.
    women = [*many(80, sex="F", promoted=True, age=41), *many(120, sex="F", age=42)]
    men = [*many(129, sex="H", raised=True, age=43), *many(171, sex="H", age=44)]
    ind = index(frame(*women, *men)).indicators["raises_50_250"]
    assert (ind.result, ind.points, ind.favours) == (3.0, 25, "men")


def test_raises_50_250_needs_five_of_each_sex_and_a_raise() -> None:
    few = [*many(4, sex="F", raised=True), *many(10, sex="H")]
    assert index(frame(*few)).indicators["raises_50_250"].points is None
    nobody = [*many(5, sex="F"), *many(5, sex="H")]
    ind = index(frame(*nobody)).indicators["raises_50_250"]
    assert ind.points is None and ind.reason == "aucune augmentation sur la période"


def large_case() -> list[dict[str, object]]:
    """40 people in two CSP of 10 F + 10 H, for the 250+ indicators."""
    emp_w = [
        *many(6, sex="F", raised=True, base_pay=20000.0, age=36),
        *many(1, sex="F", promoted=True, base_pay=20001.0, age=36),
        *many(3, sex="F", base_pay=20002.0, age=36),
    ]
    emp_m = [
        *many(3, sex="H", raised=True, promoted=True, base_pay=25000.0, age=36),
        *many(7, sex="H", base_pay=25001.0, age=36),
    ]
    ouv_w = [
        *many(3, sex="F", raised=True, category="ouv", base_pay=18000.0, age=36),
        *many(7, sex="F", category="ouv", base_pay=18001.0, age=36),
    ]
    ouv_m = [
        *many(3, sex="H", raised=True, category="ouv", base_pay=18000.0, age=36),
        *many(7, sex="H", category="ouv", base_pay=18001.0, age=36),
    ]
    return [*emp_w, *emp_m, *ouv_w, *ouv_m]


def test_250_plus_raises_promotions_compensation_and_the_index() -> None:
    idx = index(frame(*large_case()), band=LARGE)
    pay = idx.indicators["pay_gap"]
    # emp 30–39: women's mean (6×20 000 + 20 001 + 3×20 002)/10 = 20 000.7, men's 25 000.7:
    # gap 5 000/25 000.7 = 19.9994 % − 5 = 14.9994, weight 0.5; ouv: 18 000.7 both → 0.
    # 7.4997 → 7.5 → ceil 8 → 31 points, for men.
    assert (pay.result, pay.points, pay.favours) == (7.5, 31, "men")
    raises = idx.indicators["raises"]
    # emp: women 6/10, men 3/10 → −30 points × 0.5; ouv: 3/10 both → 0; result 15.0 → 0 on the scale,
    # but raises favoured women, the sex disadvantaged on pay, and pay lost points: compensation → 20.
    assert (raises.result, raises.favours, raises.compensated, raises.points) == (
        15.0,
        "women",
        True,
        20,
    )
    promotions = idx.indicators["promotions"]
    # emp: women 1/10, men 3/10 → +20 × 0.5 = 10.0 → ceil 10 → 5 points, for men: no compensation.
    assert (promotions.result, promotions.points, promotions.compensated) == (10.0, 5, False)
    assert idx.indicators["raises_50_250"].applicable is False
    # Top ten actual pays: the ten men of emp (25 000 and 25 001) → 0 women → 0 points.
    assert idx.indicators["top10"].points == 0
    # Maternity: nobody back from leave → not calculable. 31 + 20 + 5 + 0 = 56 of 40+20+15+10 = 85:
    # 56 × 100 / 85 = 65.88 → 66, below 75: corrective measures.
    assert (idx.points, idx.max_points, idx.index) == (56, 85, 66)
    assert idx.figure.tone == "alert"


def test_250_plus_rates_need_ten_of_each_sex_per_group() -> None:
    people = large_case()[1:]  # one woman less in emp: 9 F → that group is invalid
    idx = index(frame(*people), band=LARGE)
    # Only ouv (20 of 39 people, 51 %) counts: 3/10 both → 0 points of gap → 20 points.
    assert idx.indicators["raises"].points == 20


@pytest.mark.parametrize(("raised", "points", "result"), [(2, 15, 100.0), (1, 0, 50.0)])
def test_maternity_return(raised: int, points: int, result: float) -> None:
    back = [
        {"sex": "F", "maternity_return": True, "raised_after_return": i < raised} for i in range(2)
    ]
    ind = index(frame(*back, *many(3, sex="H"))).indicators["maternity"]
    assert (ind.points, ind.result) == (points, result)


@pytest.mark.parametrize(
    ("women", "points"), [(0, 0), (1, 0), (2, 5), (3, 5), (4, 10), (5, 10), (7, 5)]
)
def test_top_ten_under_represented_sex(women: int, points: int) -> None:
    # Ten highest actual pays hold `women` women; the under-represented sex counts min(F, H):
    # 0–1 → 0, 2–3 → 5, 4–5 → 10 points. Two more people paid less complete the register.
    top = [{"sex": "F" if i < women else "H", "base_pay": 50000.0 - i} for i in range(10)]
    low = [{"sex": "F", "base_pay": 10000.0}, {"sex": "H", "base_pay": 10000.0}]
    assert index(frame(*top, *low)).indicators["top10"].points == points


def test_top_ten_uses_pay_actually_received_not_full_time() -> None:
    # A half-time man paid 30 000 (60 000 full time) ranks by 30 000, below ten women at 40 000.
    top = [{"sex": "F", "base_pay": 40000.0} for _ in range(10)]
    df = frame(*top, {"sex": "H", "fte": 0.5, "base_pay": 30000.0})
    ind = index(df).indicators["top10"]
    assert (ind.result, ind.favours) == (0.0, "women")


def test_small_team_index_not_calculable() -> None:
    # Six people (the SCIC): no valid pay group, fewer than 5 of each sex, fewer than 10 people.
    df = frame(*many(4, sex="F"), *many(2, sex="H"))
    idx = index(df)
    assert idx.index is None and idx.max_points == 0
    assert idx.figure.reason == "aucun indicateur n'est calculable"
    assert idx.to_json()["indicators"]["pay_gap"]["points"] is None


def test_index_needs_75_calculable_points() -> None:
    # Nobody raised: pay 40 (equal pay) + maternity 15 + top ten 10 = 65 calculable < 75 → no index.
    back = {"sex": "F", "maternity_return": True, "raised_after_return": True, "base_pay": 20000.0}
    people = [*pair(20000, 20000, n=5)]
    people[0] = {**people[0], **back}
    idx = index(frame(*people))
    assert (idx.points, idx.max_points, idx.index) == (65, 65, None)
    # With raises (5 F and 5 H raised: no gap) → 40 + 35 + 15 + 10 = 100 calculable: index 100.
    raised = [{**p, "raised": True} for p in people]
    idx = index(frame(*raised))
    assert (idx.points, idx.max_points, idx.index) == (100, 100, 100)


@pytest.mark.parametrize(
    ("value", "tone"), [(74, "alert"), (75, "watch"), (84, "watch"), (85, "good"), (100, "good")]
)
def test_index_bands_at_their_edges(value: int, tone: str) -> None:
    fig = egapro._index_figure(value, value, 100, END, [])
    assert fig.tone == tone


def test_population_leaves_out_apprentices_short_presence_and_long_absence() -> None:
    df = frame(
        *many(3, sex="F"),
        {"sex": "F", "contract": "apprentissage"},
        {"sex": "F", "entry_date": date(2025, 8, 1)},  # 153 days of 365: less than half
        {"sex": "F", "absence_days": 200.0},  # absent more than half the period
        {"sex": "F", "entry_date": date(2025, 7, 2)},  # 183 days: kept
    )
    assert index(df).counted == 4


def test_a_result_that_rounds_to_zero_favours_nobody() -> None:
    # women 22 790,40, men 24 000 (3 and 3, one group): (24 000 − 22 790,40) / 24 000 = 5,04 %;
    # after the 5-point threshold 0,04 point, rounded once half up to one decimal: 0,0 → 40 points,
    # « égalité » (before rounding the sign would have said men, which no reader could see).
    pay = index(frame(*pair(22790.40, 24000))).indicators["pay_gap"]
    assert (pay.result, pay.points, pay.favours) == (0.0, 40, "equality")


def test_a_group_gap_that_rounds_to_zero_reads_zero_in_its_table() -> None:
    # women 24 000,50, men 24 000: (24 000 − 24 000,50) / 24 000 = −0,0000208 → −0,002 % → 0,0 %
    groups = index(frame(*pair(24000.50, 24000))).indicators["pay_gap"].groups
    assert groups is not None
    assert groups.frame["gap"].tolist() == [0.0]
    assert groups.display(translator("fr"))["Écart (H − F) / H"].tolist() == ["0,0\xa0%"]


def test_indicator_table_names_units_in_words() -> None:
    table = egapro.indicator_view(index(frame(*pair(20000, 20000, n=5))))
    assert set(table.display(translator("en"))["Unit"]) <= {"percentage points", "%", "people"}
    assert "count" not in set(table.display(translator("fr"))["Unité"])

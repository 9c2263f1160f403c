"""EU pay-transparency gaps (directive 2023/970): values, signs as shown, and why a gap is missing.

Every expected value is worked by hand beside it: gap = (men − women) / men over
full-time pay levels (÷ FTE), shown as a percentage with one decimal.
"""

from __future__ import annotations

import pytest

from essdiag.hr.transparency import as_shown, category_gaps, transparency_figures
from essdiag.i18n import translator
from tests.hr.people import END, frame

FR, EN = translator("fr"), translator("en")
NBSP = "\xa0"


def test_mean_gap_favours_men_when_they_are_paid_more() -> None:
    # men 30 000 and 30 000 (mean 30 000), woman 27 000: (30 000 − 27 000) / 30 000 = 0,1 → 10,0 %
    figs = transparency_figures(
        frame(
            {"sex": "H", "base_pay": 30000.0},
            {"sex": "H", "base_pay": 30000.0},
            {"sex": "F", "base_pay": 27000.0},
        )
    )
    assert figs["mean_base"].value == pytest.approx(0.1)
    assert figs["mean_base"].shown(FR) == f"10,0{NBSP}%"
    assert figs["mean_base"].read(FR) == "en faveur des hommes"


def test_a_gap_that_rounds_to_zero_shows_without_a_minus_and_favours_nobody() -> None:
    # woman 30 000,90, man 30 000: (30 000 − 30 000,90) / 30 000 = −0,00003 → −0,003 % → « 0,0 % »
    figs = transparency_figures(
        frame({"sex": "H", "base_pay": 30000.0}, {"sex": "F", "base_pay": 30000.90})
    )
    assert figs["median_base"].value == 0.0
    assert figs["median_base"].shown(FR) == f"0,0{NBSP}%"
    assert figs["median_base"].shown(EN) == "0.0%"
    assert figs["median_base"].read(FR) == "égalité"


def test_a_gap_of_one_tenth_of_a_point_keeps_its_sign() -> None:
    # woman 30 030, man 30 000: (30 000 − 30 030) / 30 000 = −0,001 → « −0,1 % », in favour of women
    figs = transparency_figures(
        frame({"sex": "H", "base_pay": 30000.0}, {"sex": "F", "base_pay": 30030.0})
    )
    assert figs["mean_base"].shown(FR) == f"−0,1{NBSP}%"
    assert figs["mean_base"].read(FR) == "en faveur des femmes"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(-0.00004, 0.0), (0.00049, 0.0), (-0.0006, -0.0006), (0.25, 0.25), (None, None)],
)
def test_as_shown_rounds_before_choosing_the_sign(value: float | None, expected: float) -> None:
    # three decimals of a fraction are the one decimal of its percentage
    assert as_shown(value) == expected


def test_median_variable_pay_of_men_at_zero_says_why_there_is_no_gap() -> None:
    # men's variable 0, 0, 500: median 0 (the divisor) → no gap; their mean 166,67 is not zero:
    # women 100 and 200, mean 150 → (166,67 − 150) / 166,67 = 0,1 exactly (500/3 − 150 = 50/3).
    figs = transparency_figures(
        frame(
            {"sex": "H", "variable_pay": 0.0},
            {"sex": "H", "variable_pay": 0.0},
            {"sex": "H", "variable_pay": 500.0},
            {"sex": "F", "variable_pay": 100.0},
            {"sex": "F", "variable_pay": 200.0},
        )
    )
    median = figs["median_variable"]
    assert median.value is None and median.shown(FR) == "–"
    assert median.reason is not None and "médiane des hommes est nulle" in median.reason
    assert "Non calculable : la médiane des hommes est nulle" in " ".join(median.steps(FR))
    assert figs["mean_variable"].value == pytest.approx(0.1)


def test_no_man_paid_variable_and_no_man_at_all_each_give_their_reason() -> None:
    nobody_paid = transparency_figures(frame({"sex": "H"}, {"sex": "F", "variable_pay": 300.0}))
    assert "aucun homme n'en perçoit" in (nobody_paid["mean_variable"].reason or "")
    women_only = transparency_figures(frame({"sex": "F"}, {"sex": "F"}))
    for key in ("mean_base", "median_base", "mean_variable", "median_variable"):
        assert women_only[key].reason == (
            "il faut au moins une femme et un homme dans le registre"
        ), key
    assert women_only["variable_share_H"].reason == "aucune personne de ce sexe dans le registre"
    assert EN(women_only["mean_base"].reason or "") == (
        "the register needs at least one woman and one man"
    )


def test_category_gaps_show_a_near_zero_gap_as_zero_and_flag_five_percent() -> None:
    # emp: man 30 000, woman 30 000,90 → −0,003 % → 0,0 %; ic: man 40 000, woman 38 000 →
    # (40 000 − 38 000) / 40 000 = 5 % exactly → the joint-assessment alert (« au moins 5 % »).
    view = category_gaps(
        frame(
            {"sex": "H", "category": "emp", "base_pay": 30000.0},
            {"sex": "F", "category": "emp", "base_pay": 30000.90},
            {"sex": "H", "category": "ic", "base_pay": 40000.0},
            {"sex": "F", "category": "ic", "base_pay": 38000.0},
        ),
        END,
    )
    rows = view.frame.set_index("category")
    assert rows.loc["Employés", "base_gap"] == 0.0
    assert not rows.loc["Employés", "alert"]
    assert rows.loc["Ingénieurs et cadres", "base_gap"] == pytest.approx(0.05)
    assert rows.loc["Ingénieurs et cadres", "alert"]
    shown = view.display(FR).set_index("Catégorie de travailleurs")
    assert shown.loc["Employés", "Écart moyen, rémunération de base"] == f"0,0{NBSP}%"


def test_every_figure_of_the_report_that_cannot_be_computed_says_why() -> None:
    """Both sample cases, and a register of one woman: no « – » without its reason."""
    from essdiag.hr.report import hr_report
    from essdiag.hr.section import HRSection, StoredTable
    from essdiag.identity import Identity
    from essdiag.report.hr_xlsx import report_figures
    from tests.hr.people import START
    from tests.hr.samples import sample_report

    alone = StoredTable(name="r.csv", parquet_id="-", period_start=START, period_end=END)
    lone = hr_report(HRSection(workforce=alone), Identity(name="Asso"), frame({"sex": "F"}), None)
    for rep in (sample_report("recyclerie"), sample_report("scic-energie"), lone):
        missing = [f.label for _part, f in report_figures(rep) if not f.available and not f.reason]
        assert missing == [], rep.organisation

"""Pay scale and the ESUS caps, exactly at the cap and one cent above.

Annual full-time SMIC 2025: 12 × 1 801,80 € = 21 621,60 € (décret n° 2024-951, in force since
1 November 2024); caps 7 × = 151 351,20 € and 10 × = 216 216,00 € (L3332-17-1, 3°).
"""

from __future__ import annotations

from datetime import date

import pytest

from essdiag.hr.pay import annual_smic, esus_caps, pay_figures
from tests.hr.people import END, START, frame


def test_annual_smic_sums_the_months_in_force() -> None:
    assert annual_smic(START, END)[0] == pytest.approx(21621.60)
    # 2024: ten months at 1 766,92 € then two at 1 801,80 € = 17 669,20 + 3 603,60 = 21 272,80 €.
    assert annual_smic(date(2024, 1, 1), date(2024, 12, 31))[0] == pytest.approx(21272.80)


def test_top_five_exactly_at_the_cap_is_within() -> None:
    df = frame(*[{"base_pay": 151351.20, "id": f"T{i}"} for i in range(5)], {"base_pay": 20000.0})
    top5 = esus_caps(df, START, END)["top5"]
    assert top5.tone == "good"
    assert esus_caps(df, START, END)["top5_margin"].value == pytest.approx(0, abs=1e-6)


def test_top_five_one_cent_above_the_cap() -> None:
    people = [{"base_pay": 151351.20, "id": f"T{i}"} for i in range(4)]
    people.append({"base_pay": 151351.25, "id": "T4"})  # mean 151 351,21 €
    caps = esus_caps(frame(*people), START, END)
    assert caps["top5"].tone == "alert"
    assert caps["top5_margin"].value == pytest.approx(-0.01)


@pytest.mark.parametrize(("pay", "tone"), [(216216.00, "good"), (216216.01, "alert")])
def test_highest_pay_against_ten_smic(pay: float, tone: str) -> None:
    caps = esus_caps(frame({"base_pay": pay}, {"base_pay": 20000.0}), START, END)
    assert caps["top"].tone == tone


def test_caps_use_full_time_pay_and_the_branch_minimum_when_higher() -> None:
    # 0.5 FTE paid 80 000 → 160 000 full time > 151 351,20: over the top-five cap (alone: mean of 1).
    df = frame({"fte": 0.5, "base_pay": 80000.0})
    assert esus_caps(df, START, END)["top5"].tone == "alert"
    # A branch minimum of 23 000 €: cap 7 × 23 000 = 161 000 → within.
    assert esus_caps(df, START, END, branch_minimum=23000)["top5"].tone == "good"


def test_ratio_and_median() -> None:
    df = frame(
        {"base_pay": 40000.0},
        {"base_pay": 20000.0, "fte": 0.8, "variable_pay": 0.0},
        {"base_pay": 30000.0},
    )  # full time: 40 000, 25 000, 30 000
    figs = pay_figures(df)
    assert figs["ratio"].value == pytest.approx(1.6)
    assert figs["median"].value == pytest.approx(30000)


def test_pay_scale_reads_sex_and_category_in_words_and_keeps_the_codes_for_the_chart() -> None:
    from essdiag.hr.pay import pay_scale_view
    from essdiag.i18n import translator

    view = pay_scale_view(frame({"sex": "H", "category": "ic"}, {"sex": "F", "category": "tam"}))
    assert view.values("sex") == ["H", "F"]  # the chart splits women and men on the codes
    shown = view.display(translator("fr"))
    assert shown["Sexe"].tolist() == ["Homme", "Femme"]
    assert shown["Catégorie"].tolist() == [
        "Ingénieurs et cadres",
        "Techniciens et agents de maîtrise",
    ]
    assert view.display(translator("en"))["Sex"].tolist() == ["Man", "Woman"]


def test_cap_readings_write_amounts_as_money_in_each_language() -> None:
    from essdiag.i18n import translator

    # one person at 20 000 €: cap 7 × 21 621,60 = 151 351,20 €; margin 151 351,20 − 20 000
    top5 = esus_caps(frame({"base_pay": 20000.0}), START, END)["top5"]
    assert top5.read(translator("fr")) == (
        "dans le plafond de 151\u202f351,20\xa0€ : marge de 131\u202f351,20\xa0€"
    )
    assert top5.read(translator("en")) == "within the cap of €151,351.20: margin of €131,351.20"


def test_the_pay_scale_writes_the_highest_pay_as_its_card_does() -> None:
    from essdiag.hr.pay import pay_scale_view
    from essdiag.i18n import translator
    from essdiag.report import to_the_cent

    fr = translator("fr")
    # By hand: 30 000 € for 0,8 ETP is 37 500,00 € full time, the highest of the two.
    df = frame({"base_pay": 20000.0}, {"base_pay": 30000.0, "fte": 0.8, "variable_pay": 0.0})
    card = to_the_cent(esus_caps(df, START, END)["top"]).shown(fr)  # as the card writes it
    assert card == "37\u202f500,00\xa0€"
    assert card in pay_scale_view(df).display(fr)["Rémunération ETP"].tolist()

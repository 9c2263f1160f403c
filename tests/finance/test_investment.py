"""NPV and IRR of a project's yearly cash flows, against hand values and numpy-financial."""

from __future__ import annotations

import pytest

from essdiag.finance.investment import irr_figure, npv, npv_figure, payback_year


def test_npv_and_irr_against_hand_values() -> None:
    # −1000 + 500/1,1 + 500/1,21 + 500/1,331 = 243,43 (by hand)
    assert npv(0.10, [-1000, 500, 500, 500]) == pytest.approx(243.4260, abs=1e-4)
    # numpy-financial's documented example: irr([-100, 39, 59, 55, 20]) = 28,09 %
    assert irr_figure([-100, 39, 59, 55, 20]).value == pytest.approx(0.2809484, abs=1e-6)
    # −1000 then 1210 two years later: (1 + r)² = 1,21 → r = 10 %
    assert irr_figure([-1000, 0, 1210]).value == pytest.approx(0.10, abs=1e-9)
    assert payback_year([-1000, 400, 400, 400]) == 3
    assert payback_year([-1000, 100]) is None


def test_irr_without_sign_change_is_missing_with_a_reason() -> None:
    f = irr_figure([100, 200])
    assert f.value is None and not f.available
    assert "ne changent pas de signe" in (f.reason or "")
    assert not npv_figure(0.04, [100]).available


def test_scic_solar_roof_npv_is_positive_and_irr_about_five_percent() -> None:
    # 315 000 € invested, 25 500 € a year for 20 years, discounted at 4 %:
    # annuity factor (1 − 1,04^−20)/0,04 = 13,5903 → NPV = 25 500 × 13,5903 − 315 000 = 31 553 €.
    flows = [-315_000.0] + [25_500.0] * 20
    assert npv(0.04, flows) == pytest.approx(31_553, abs=1)
    irr = irr_figure(flows).value
    assert irr is not None and 0.05 < float(irr) < 0.0525  # ≈ 5,1 %


def test_npv_is_shown_to_the_euro() -> None:
    assert npv_figure(0.10, [-1000, 500, 500, 500]).shown() == "243\xa0€"

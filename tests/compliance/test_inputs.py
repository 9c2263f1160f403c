"""What the rules read of the dossier's own data: operating charges from a ledger, FTE pays."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from essdiag.compliance.inputs import closed_years, fte_pays, operating_charges, top_mean
from essdiag.periods import FiscalYear


def ledger(rows: list[tuple[str, str, int, int, str | None, bool]]) -> pd.DataFrame:
    """A canonical ledger from (date, account, debit cents, credit cents, analytic, opening)."""
    return pd.DataFrame(
        {
            "journal": ["AN" if r[5] else "OD" for r in rows],
            "entry": [str(i) for i in range(len(rows))],
            "date": pd.to_datetime([r[0] for r in rows]),
            "account": [r[1] for r in rows],
            "account_label": [""] * len(rows),
            "label": [""] * len(rows),
            "debit_cents": [r[2] for r in rows],
            "credit_cents": [r[3] for r in rows],
            "analytic": [r[4] for r in rows],
            "opening": [r[5] for r in rows],
        }
    )


FY = FiscalYear(label_year=2025)


def test_operating_charges_are_60_to_65_and_681_split_by_analytic_code() -> None:
    led = ledger(
        [
            ("2025-02-01", "606100", 100_00, 0, "ACI", False),  # operating, social
            ("2025-03-01", "641100", 500_00, 0, "aci ", False),  # code compared without case/spaces
            ("2025-03-01", "622600", 50_00, 0, "STRUCT", False),  # operating, not social
            ("2025-06-01", "606100", 0, 10_00, "ACI", False),  # a credit note reduces the charge
            ("2025-12-31", "681100", 40_00, 0, "RECY", False),  # depreciation: operating
            ("2025-12-31", "661100", 30_00, 0, "ACI", False),  # financial: left out
            ("2025-12-31", "671000", 20_00, 0, "ACI", False),  # exceptional: left out
            ("2025-12-31", "686000", 15_00, 0, "ACI", False),  # financial provision: left out
            ("2025-01-01", "606100", 999_00, 0, "ACI", True),  # opening entry: left out
            ("2024-12-31", "606100", 77_00, 0, "ACI", False),  # previous year: left out
        ]
    )
    c = operating_charges(led, FY, ["ACI", "RECY"])
    # total = 100 + 500 + 50 − 10 + 40 = 680 € ; social (ACI, RECY) = 100 + 500 − 10 + 40 = 630 €
    assert c.total_cents == 680_00
    assert c.social_cents == 630_00
    assert c.reason is None


def test_a_ledger_without_analytic_codes_cannot_split_its_charges() -> None:
    led = ledger([("2025-02-01", "606100", 100_00, 0, None, False)])
    c = operating_charges(led, FY, ["ACI"])
    assert c.total_cents == 100_00 and c.social_cents is None
    assert "code analytique" in (c.reason or "")


def test_no_code_chosen_says_so() -> None:
    led = ledger([("2025-02-01", "606100", 100_00, 0, "ACI", False)])
    c = operating_charges(led, FY, [" "])
    assert c.social_cents is None and "aucun code" in (c.reason or "")


@pytest.mark.parametrize(
    ("on", "start_month", "expected"),
    [
        (date(2026, 12, 1), 1, [2025, 2024, 2023]),
        (date(2026, 12, 31), 1, [2025, 2024, 2023]),  # 2026 closes at the end of the day
        (date(2027, 1, 1), 1, [2026, 2025, 2024]),
        (date(2026, 7, 1), 7, [2026, 2025, 2024]),  # July–June years: 2026 ended on 30 June
        (date(2026, 6, 30), 7, [2025, 2024, 2023]),
    ],
)
def test_closed_years(on: date, start_month: int, expected: list[int]) -> None:
    assert closed_years(on, start_month, 3) == expected


def test_fte_pays_divide_base_and_variable_by_fte_and_set_bad_rows_aside() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "fte": [0.8, 1.0, 0.0, 1.2, 1.0],
            "base_pay": [24000.0, 30000.0, 10000.0, 10000.0, -1.0],
            "variable_pay": [800.0, None, 0.0, 0.0, 0.0],
        }
    )
    pays, issues = fte_pays(frame)
    # a: (24 000 + 800) / 0,8 = 31 000 ; b: 30 000 / 1 (no variable pay)
    assert pays == [31000.0, 30000.0]
    assert [i.line for i in issues] == [3, 4, 5]
    assert all(i.code == "compliance_workforce_row" for i in issues)


def test_a_frame_without_the_hr_columns_is_reported() -> None:
    pays, issues = fte_pays(pd.DataFrame({"etp": [1.0]}))
    assert pays == [] and issues[0].code == "compliance_workforce_columns"


def test_top_mean() -> None:
    assert top_mean([], 5) is None
    assert top_mean([10.0, 20.0, 30.0, 40.0, 50.0, 60.0], 5) == 40.0  # (20+30+40+50+60)/5

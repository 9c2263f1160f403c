"""What the imported accounts say (``essdiag.ledger.balances``), against the FEC text itself.

Reference values are recomputed here from the sample FEC's text with
``Decimal`` (no library code): the bank balance at the end of each month
(class 5, opening entries included), the balance of every account, the
result of January–October 2026.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.i18n import translator
from essdiag.ledger import read_fec
from essdiag.ledger.balances import (
    bank_balances,
    class_months,
    last_activity_month,
    result_to_date,
    trial_balance,
)
from essdiag.periods import FiscalYear
from tests.ledger.fec_text import CASE

FY = FiscalYear(label_year=2026)
TEXT = (CASE / "FEC_2026_01-10.txt").read_text("utf-8")
ROWS = [line.split("\t") for line in TEXT.splitlines()[1:]]


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def _ledger() -> pd.DataFrame:
    result = read_fec((CASE / "FEC_2026_01-10.txt").read_bytes(), fiscal_year=FY)
    assert result.ledger is not None
    return result.ledger


def test_bank_balance_at_each_month_end_is_the_fec_s_own() -> None:
    # By hand from the text: Σ (Debit − Credit) of the accounts 5…, dates up to each month end.
    by_month: dict[str, Decimal] = defaultdict(Decimal)
    for r in ROWS:
        if r[4].startswith("5"):
            by_month[r[3][:4] + "-" + r[3][4:6]] += _amount(r[11]) - _amount(r[12])
    running, expected = Decimal(0), []
    for month in FY.month_keys()[:10]:
        running += by_month[month]
        expected.append(int(running * 100))
    got = bank_balances(_ledger(), FY)
    assert got["month"].tolist() == FY.month_keys()[:10]
    assert got["balance_cents"].tolist() == expected
    assert expected[-1] == 16_802_863  # 168 028,63 € at 31/10/2026, as issue #9 reads it


def test_trial_balance_matches_the_text_account_by_account() -> None:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for r in ROWS:
        sums[r[4]] += _amount(r[11]) - _amount(r[12])
    got = trial_balance(_ledger(), FY).set_index("account")["balance_cents"].to_dict()
    assert got == {a: int(v * 100) for a, v in sums.items()}
    assert sum(got.values()) == 0  # the FEC balances


def test_result_to_date_names_its_period() -> None:
    # Σ (Credit − Debit) of classes 7 minus Σ (Debit − Credit) of classes 6, openings left out.
    income = sum(_amount(r[12]) - _amount(r[11]) for r in ROWS if r[4][0] == "7" and r[0] != "AN")
    charges = sum(_amount(r[11]) - _amount(r[12]) for r in ROWS if r[4][0] == "6" and r[0] != "AN")
    figure = result_to_date(_ledger(), FY)
    assert figure.value == float(income - charges) == -57_391.47
    assert figure.scope_text(translator("fr")) == (
        "janvier 2026 – octobre 2026, toute la structure"
    )
    assert figure.scope_text(translator("en")) == "January 2026 – October 2026, whole organisation"
    assert last_activity_month(_ledger(), FY) == "2026-10"


def test_class_months_add_up_to_the_trial_balance() -> None:
    ledger = _ledger()
    months = class_months(ledger, FY)
    balance = trial_balance(ledger, FY).groupby("class")["balance_cents"].sum()
    assert months.set_index("class")["balance_cents"].to_dict() == balance.to_dict()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["512000", "530000", "606100", "706000", "411000"]),
            st.integers(1, 12),
            st.integers(-(10**7), 10**7),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_the_last_bank_balance_is_the_sum_of_every_cash_movement(
    lines: list[tuple[str, int, int]],
) -> None:
    ledger = pd.DataFrame(
        {
            "date": pd.to_datetime([f"2026-{m:02d}-15" for _a, m, _c in lines]),
            "account": [a for a, _m, _c in lines],
            "account_label": [""] * len(lines),
            "debit_cents": [max(c, 0) for _a, _m, c in lines],
            "credit_cents": [max(-c, 0) for _a, _m, c in lines],
            "opening": [False] * len(lines),
        }
    )
    got = bank_balances(ledger, FY, through="2026-12")
    cash = sum(c for a, _m, c in lines if a[0] == "5")
    assert int(got["balance_cents"].iloc[-1]) == cash
    assert int(got["movement_cents"].sum()) == cash

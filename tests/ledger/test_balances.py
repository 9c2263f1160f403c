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
    period_scope,
    result_to_date,
    trial_balance,
)
from essdiag.periods import (
    FiscalYear,
    MonthName,
    Period,
    month_title,
    months_span,
    next_month,
)
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
    # One format for a span of months (issue #11): as Period.title writes it, the year once.
    assert figure.scope_text(translator("fr")) == "janvier – octobre 2026, toute la structure"
    assert figure.scope_text(translator("en")) == "January – October 2026, whole organisation"
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


_WHO = {
    "whole": ("toute la structure", "whole organisation"),
    "action": ("action PROD", "action PROD"),
    "funder": ("actions financées par Région", "actions funded by Région"),
}


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=2000 * 12, max_value=2040 * 12),
    st.integers(min_value=0, max_value=23),
    st.sampled_from(sorted(_WHO)),
)
def test_a_scope_writes_its_months_as_the_periods_write_them(
    start: int, length: int, who: str
) -> None:
    first = f"{start // 12:04d}-{start % 12 + 1:02d}"
    months = [next_month(first, k) for k in range(length + 1)]
    name = {"whole": "", "action": "PROD", "funder": "Région"}[who]
    template, params = period_scope(months, who, name)
    for lang, words in zip(("fr", "en"), _WHO[who], strict=True):
        tr = translator(lang)
        assert tr.fill(template, params) == f"{months_span(months, tr)}, {words}"


def test_a_scope_of_a_fiscal_year_to_date_reads_as_its_period() -> None:
    # A fiscal year from July: the span crosses the calendar year, both years written.
    fy = FiscalYear(label_year=2026, start_month=7)
    for through, fr, en in (
        ("2025-10", "juillet – octobre 2025", "July – October 2025"),
        ("2026-02", "juillet 2025 – février 2026", "July 2025 – February 2026"),
        ("2025-07", "juillet 2025", "July 2025"),
    ):
        period = Period.of(fy, "ytd", through)
        template, params = period_scope(period.months)
        assert translator("fr").fill(template, params) == f"{fr}, toute la structure"
        assert translator("en").fill(template, params) == f"{en}, whole organisation"
        assert period.title(translator("fr")) == fr


def test_the_month_names_are_the_calendars_own() -> None:
    # The first month of a span is written by the catalog: it must read as babel writes it.
    for lang in ("fr", "en"):
        tr = translator(lang)
        for member in MonthName:
            expected = month_title(f"2026-{member.value}", tr).rsplit(" ", 1)[0]
            assert tr(member.label) == expected

"""Cash from the accounts: the plan's actual months are the FEC's bank balances, to the cent."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.budget.section import BudgetSection
from essdiag.funding import FundingSection
from essdiag.ledger import read_fec
from essdiag.periods import FiscalYear
from essdiag.treasury import TreasurySection, bank_balances, cash_actuals, gather
from essdiag.treasury.actuals import CASH_PREFIXES, CashFlowKind, flow_kind
from tests.treasury.cases import REPO, case

FEC_2026 = REPO / "sample_data" / "recyclerie" / "FEC_2026_01-10.txt"
FY2026 = FiscalYear(label_year=2026)


def fec_bank_balances(path: Path) -> dict[str, Decimal]:
    """End-of-month balances of the cash accounts, read from the FEC text with Decimal.

    Independent of the library: split each line on tabs, keep the accounts of class 5
    (opening entries included), Debit − Credit with a decimal comma,
    summed by the month of EcritureDate (AAAAMMJJ), then cumulated.
    """
    by_month: dict[str, Decimal] = defaultdict(Decimal)
    lines = path.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    at = {name: header.index(name) for name in ("EcritureDate", "CompteNum", "Debit", "Credit")}
    for line in lines[1:]:
        cells = line.split("\t")
        if not cells[at["CompteNum"]].startswith("5"):
            continue
        day = cells[at["EcritureDate"]]
        debit = Decimal(cells[at["Debit"]].replace(",", "."))
        credit = Decimal(cells[at["Credit"]].replace(",", "."))
        by_month[f"{day[:4]}-{day[4:6]}"] += debit - credit
    balances, running = {}, Decimal(0)
    for month in sorted(by_month):
        running += by_month[month]
        balances[month] = running
    return balances


@pytest.fixture(scope="module")
def ledger_2026() -> pd.DataFrame:
    result = read_fec(FEC_2026, file=FEC_2026.name)
    assert result.ledger is not None
    return result.ledger


def test_the_plans_actual_months_are_the_fec_bank_balances(ledger_2026: pd.DataFrame) -> None:
    expected = fec_bank_balances(FEC_2026)
    # The figure of issue #9: 168 028,63 € in the banks, cards to cash and till at 31/10/2026.
    assert expected["2026-10"] == Decimal("168028.63")
    funding, treasury = case("recyclerie")
    inputs, issues = gather(
        treasury, funding, BudgetSection(), FY2026, today=date(2026, 12, 1),
        ledgers={2026: ledger_2026},
    )  # fmt: skip
    assert inputs.actual_months == 10 and inputs.actual_through == date(2026, 10, 31)
    plan, _ = inputs.cash_plan()
    assert plan is not None
    actual = plan[plan["actual"]]
    assert list(actual["month"]) == list(expected)
    for month, closing in zip(actual["month"], actual["closing"], strict=True):
        assert Decimal(str(round(closing, 2))) == expected[month], month
    assert [Decimal(c).scaleb(-2) for c in cash_actuals(ledger_2026, FY2026).closing_cents] == list(
        expected.values()
    )
    frame = bank_balances(ledger_2026, FY2026)
    assert frame["balance_cents"].tolist() == [int(v * 100) for v in expected.values()]
    # The plan starts from the bank, not from the typed-in 209 134,86 € (equal here: the FEC's
    # opening entries), and the forecast from the balance at the end of October.
    assert inputs.opening_cash == pytest.approx(209_134.86)
    assert inputs.forecast().opening_cash == pytest.approx(168_028.63)
    assert "treasury_actual_months" in {i.code for i in issues}


def test_the_months_flows_add_up_to_the_change_of_balance(ledger_2026: pd.DataFrame) -> None:
    actuals = cash_actuals(ledger_2026, FY2026)
    previous = actuals.opening_cents
    for k, closing in enumerate(actuals.closing_cents):
        assert actuals.net_cents()[k] == closing - previous
        previous = closing
    # Payroll is paid through 421 (salaries), 431 and 437 (social bodies), 442 (tax withheld):
    # 343 656,70 + 122 707,93 + 62 169,61 + 7 040,81 = 535 575,05 € (sums of the FEC's BQ lines).
    assert sum(actuals.outflows["payroll"]) == 53_557_505
    # Grants come in through 441 (180 200 €), 741 (254 853,84 €) and 748 (38 318,80 €).
    assert sum(actuals.inflows["grants"]) == 47_337_264
    assert actuals.accounts == ("511500", "512000", "512200", "530000")


def _ledger(rows: list[tuple[str, str, str, str, int, int, bool]]) -> pd.DataFrame:
    journal, entry, day, account, debit, credit, opening = zip(*rows, strict=True)
    n = len(rows)
    return pd.DataFrame(
        {
            "journal": list(journal), "entry": list(entry), "date": pd.to_datetime(list(day)),
            "account": list(account), "account_label": [""] * n, "label": [""] * n,
            "debit_cents": list(debit), "credit_cents": list(credit), "analytic": [None] * n,
            "opening": list(opening),
        }
    )  # fmt: skip


def test_a_transfer_between_banks_moves_nothing_and_an_unbalanced_entry_is_other() -> None:
    led = _ledger(
        [
            ("AN", "0", "2026-01-01", "512000", 50_000, 0, True),
            ("BQ", "1", "2026-01-05", "512200", 20_000, 0, False),  # transfer to the savings
            ("BQ", "1", "2026-01-05", "512000", 0, 20_000, False),
            ("BQ", "2", "2026-01-07", "512000", 0, 1_000, False),  # unbalanced: 900 explained
            ("BQ", "2", "2026-01-07", "401000", 900, 0, False),
            ("AC", "3", "2026-01-08", "606000", 300, 0, False),  # no cash: not a flow
            ("AC", "3", "2026-01-08", "401000", 0, 300, False),
        ]
    )
    a = cash_actuals(led, FY2026)
    assert a.closing_cents == (49_000,) and a.has_opening
    assert a.outflows == {"purchases": (900,), "other": (100,)}
    assert a.inflows == {}


def test_without_opening_entries_the_balances_start_from_the_typed_in_cash() -> None:
    led = _ledger(
        [
            ("BQ", "1", "2026-02-10", "512000", 10_000, 0, False),
            ("BQ", "1", "2026-02-10", "706000", 0, 10_000, False),
        ]
    )
    _funding, _treasury = case("recyclerie")
    section = TreasurySection(first_month="2026-01", opening_cash=1_000.0)
    inputs, issues = gather(
        section, FundingSection(), BudgetSection(), FY2026, today=date(2026, 3, 1),
        ledgers={2026: led},
    )  # fmt: skip
    assert inputs.actual_months == 2 and inputs.actual_closing == (1_000.0, 1_100.0)
    assert "treasury_no_opening_entries" in {i.code for i in issues}
    assert inputs.incoming["Ventes, prestations et tarification"][:2] == (0.0, 100.0)


def test_a_plan_that_starts_after_the_accounts_opens_on_their_last_balance() -> None:
    led = _ledger(
        [
            ("AN", "0", "2026-01-01", "530000", 12_345, 0, True),
            ("VE", "1", "2026-10-31", "530000", 5_000, 0, False),
            ("VE", "1", "2026-10-31", "707000", 0, 5_000, False),
        ]
    )
    section = TreasurySection(first_month="2026-11", opening_cash=99.0)
    inputs, issues = gather(
        section, FundingSection(), BudgetSection(), FY2026, today=date(2026, 11, 27),
        ledgers={2026: led},
    )  # fmt: skip
    assert inputs.actual_months == 0 and inputs.opening_cash == pytest.approx(173.45)
    assert "treasury_typed_opening_unused" in {i.code for i in issues}


def test_the_kind_of_a_flow_is_read_from_the_other_account() -> None:
    assert flow_kind("441000") is CashFlowKind.GRANTS
    assert flow_kind("4421") is CashFlowKind.PAYROLL
    assert flow_kind("445660") is CashFlowKind.TAXES
    assert flow_kind("218300") is CashFlowKind.INVESTMENT
    assert flow_kind("791000") is CashFlowKind.OTHER_INCOME
    assert flow_kind("") is CashFlowKind.OTHER
    assert "519".startswith(CASH_PREFIXES)  # an overdraft is negative cash


entries = st.lists(
    st.tuples(
        st.integers(1, 12),  # month
        st.sampled_from(["512000", "530000", "519000", "511200"]),
        st.sampled_from(["411000", "401000", "421000", "706000", "164000", "512200", "467000"]),
        st.integers(-(10**9), 10**9),  # cents moved into cash (negative: out)
    ),
    max_size=40,
)


@settings(max_examples=80, deadline=None)
@given(entries, st.integers(-(10**8), 10**8))
def test_balances_are_the_cumulated_cash_lines_and_flows_explain_them(
    moves: list[tuple[int, str, str, int]], opening: int
) -> None:
    rows = [("AN", "0", "2026-01-01", "512000", max(opening, 0), max(-opening, 0), True)]
    for n, (month, cash, other, cents) in enumerate(moves, start=1):
        day = f"2026-{month:02d}-15"
        rows.append(("BQ", str(n), day, cash, max(cents, 0), max(-cents, 0), False))
        rows.append(("BQ", str(n), day, other, max(-cents, 0), max(cents, 0), False))
    a = cash_actuals(_ledger(rows), FY2026)
    last = max([1, *(m for m, *_ in moves)])
    assert len(a.months) == last
    for k in range(last):
        moved = sum(
            c if not o.startswith(CASH_PREFIXES) else 0 for m, _a, o, c in moves if m <= k + 1
        )
        assert a.closing_cents[k] == opening + moved
    assert all(v >= 0 for s in (*a.inflows.values(), *a.outflows.values()) for v in s)
    previous = opening
    for k, net in enumerate(a.net_cents()):
        assert net == a.closing_cents[k] - previous
        previous = a.closing_cents[k]

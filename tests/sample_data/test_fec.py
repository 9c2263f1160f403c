"""The FEC writer's analytic split (``sample_data/simulation/fec.py``): rows add up to the line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from sample_data.simulation.entries import Line
from sample_data.simulation.fec import analytic_parts
from sample_data.simulation.spec import load_case
from tests.sample_data.plain_files import SCIC, cents

CASE = load_case(SCIC)
ACCOUNTS = sorted(a for a in CASE.accounts if a[0] in "678" and a != "641110")


def test_a_payroll_line_is_split_by_the_teams_time() -> None:
    # 641100 weights, in euros of 2025 pay: PROD 50 056 of 184 300 → 27,16 % of 14 958,33 €
    # = 4 062,60 € (by hand: 1 495 833 × 50 056 / 184 300 = 406 267,7 cents → 406 268 by
    # largest remainder, the other codes taking their floor or one cent more)
    rows = analytic_parts(CASE, Line("641100", debit=14_958_33))
    assert [code for code, _, _ in rows] == [
        "PROD",
        "ACCOMP",
        "SOBRIETE",
        "EPARGNE",
        "STRUCT",
        "ETUDES",
        "EOLIEN",
    ]
    assert sum(cents(d) for _, d, _ in rows) == 14_958_33
    assert abs(cents(rows[0][1]) - 406_268) <= 1


def test_a_balance_sheet_line_has_no_code() -> None:
    assert analytic_parts(CASE, Line("401000", credit=12_00)) == [("", "0,00", "12,00")]


@given(account=st.sampled_from(ACCOUNTS), amount=st.integers(1, 10**9), debit=st.booleans())
def test_the_rows_of_a_line_add_up_to_it(account: str, amount: int, debit: bool) -> None:
    line = Line(account, debit=amount) if debit else Line(account, credit=amount)
    rows = analytic_parts(CASE, line)
    assert rows
    assert sum(cents(d) for _, d, _ in rows) == line.debit
    assert sum(cents(c) for _, _, c in rows) == line.credit
    assert {code for code, _, _ in rows} <= set(CASE.analytic_codes)
    assert all((d == "0,00") != (c == "0,00") for _, d, c in rows)

"""The run of both years: opening, each year's postings, closing, and the split into two FEC.

Where it sits: the heart of the simulation. :func:`simulate` draws every
random number from one generator seeded by the spec, in a fixed order (the
order of ``ledger.toml``), so two runs give the same entries: year 1 opens on
the spec's balances and is posted in full; year 2 opens on year 1's closing
balances and is posted up to the cut-off.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sample_data.simulation.bookkeeping import (
    balance_lines,
    opening_year_1,
    post_depreciation,
    post_entries,
    post_fnp_reversal,
    post_investment,
    post_loan,
    post_payroll,
    post_result_allocation,
    post_vat_returns,
    settle_opening_year_1,
)
from sample_data.simulation.entries import Entry, Ledger, Line, cre, deb
from sample_data.simulation.plan import Actuals, actual_months, plan_months
from sample_data.simulation.postings import POSTERS, Context, post_cvn
from sample_data.simulation.spec import Case

__all__ = ["Simulation", "closing_balances", "renumber_pieces", "simulate"]


def simulate_year(ctx: Context, act: Actuals) -> None:
    """Every posting of one year (up to ``ctx.last_month``)."""
    for spec in ctx.case.lines:
        if spec.kind in POSTERS:
            POSTERS[spec.kind](ctx, spec, act.months[spec.account])
    post_cvn(ctx, act.months)
    post_payroll(ctx, act)
    post_loan(ctx)
    post_depreciation(ctx)


def closing_balances(entries: Sequence[Entry]) -> tuple[dict[tuple[str, str], int], int]:
    """Balances of classes 1 to 5 by (account, aux) and the result (income − charges)."""
    balances: dict[tuple[str, str], int] = defaultdict(int)
    result = 0
    for entry in entries:
        for ln in entry.lines:
            if ln.account[0] in "12345":
                balances[(ln.account, ln.aux)] += ln.debit - ln.credit
            elif ln.account[0] in "67":
                result += ln.credit - ln.debit
    return dict(balances), result


TOKEN = re.compile(r"«([^#»]+)#(\d+)»")


def renumber_pieces(entries: Sequence[Entry]) -> None:
    """Number invoices chronologically (French invoices follow an unbroken sequence).

    Pieces are created as ``«KEY#n»`` tokens in generation order; the invoice
    entries (AC, VE) are sorted by date and each KEY gets 1, 2, 3… in that order.
    """
    final: dict[str, str] = {}
    counters: dict[str, int] = defaultdict(int)
    for entry in sorted(entries, key=lambda e: (e.date, e.seq)):
        match = TOKEN.fullmatch(entry.piece)
        if entry.journal in {"AC", "VE"} and match and match.group(0) not in final:
            key = match.group(1)
            counters[key] += 1
            width = 4 if key.startswith("FA") else 3
            final[match.group(0)] = f"{key}{counters[key]:0{width}d}"
    for entry in entries:
        entry.piece = TOKEN.sub(lambda m: final[m.group(0)], entry.piece)
        entry.label = TOKEN.sub(lambda m: final[m.group(0)], entry.label)


@dataclass
class Simulation:
    """The two years of entries and the numbers they were built from."""

    fec_year_1: list[Entry]
    fec_year_2: list[Entry]
    budget: dict[str, list[int]]
    result_year_1: int


def _open_year(led: Ledger, year: int, lines: list[Line], *, valid: dt.date) -> None:
    """The opening entry (AN) of 1 January, validated when the previous year was closed."""
    led.add(
        "AN", dt.date(year, 1, 1), f"AN-{year}", f"À nouveaux au 01/01/{year}", lines, valid=valid
    )


def simulate(case: Case, rng: np.random.Generator | None = None) -> Simulation:
    """Run both years and split the entries into the two FEC files."""
    rng = rng if rng is not None else np.random.default_rng(case.seed)
    year_1, year_2 = case.year_1, case.year_2
    cutoff: dt.date = case.dates["cutoff"]
    led = Ledger(accounts=case.accounts, parties=case.parties)
    _open_year(led, year_1, opening_year_1(case), valid=case.dates["closing_year_0"])
    settle_opening_year_1(case, led, rng)
    post_investment(case, led)
    post_entries(case, led)
    result_0 = -sum(
        b["amount"] for b in case.opening["balances"] if b["account"] in {"120000", "129000"}
    )
    post_result_allocation(led, year_1, result_0 * 100, case.allocation)
    ctx1 = Context(case, led, rng, year_1, 12)
    simulate_year(ctx1, actual_months(case, year_1, rng))
    ctx2 = Context(case, led, rng, year_2, cutoff.month, cash_deposits=ctx1.cash_deposits)
    simulate_year(ctx2, actual_months(case, year_2, rng))
    for day, amount in sorted(ctx1.cash_deposits.items()):
        led.add(
            "BQ",
            day,
            f"REL-{day:%Y-%m}",
            f"Remise d'espèces boutique du {day:%d/%m/%Y}",
            [deb("512000", amount), cre("530000", amount)],
        )
    post_fnp_reversal(led, year_2, ctx1.fnp_items)
    post_vat_returns(case, led, cutoff)
    renumber_pieces(led.entries)
    fec_1 = [e for e in led.entries if e.date.year == year_1]
    balances, result = closing_balances(fec_1)
    balances[("120000" if result >= 0 else "129000", "")] = -result
    _open_year(led, year_2, balance_lines(balances), valid=case.dates["closing_year_1"])
    post_result_allocation(led, year_2, result, case.allocation)
    fec_2 = [e for e in led.entries if e.date.year == year_2 and e.date <= cutoff]
    return Simulation(fec_1, fec_2, plan_months(case, year_2), result)

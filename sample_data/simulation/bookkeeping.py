"""Entries that do not follow one account line: payroll, loan, depreciation, opening and closing.

Where it sits: called by the yearly run (:mod:`.years`) beside the posting
rules of :mod:`.postings`. The payroll posts one PA entry a month and the
payments of net pay and contributions; the loan its instalments; the
depreciation its year-end allowance; the opening entry of year 1 and what was
open on that day is settled during the year; invoices not received are
reversed and invoiced; the general assembly allocates last year's result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np

from essdiag.budget.template import MONTH_NAMES
from sample_data.simulation.days import business_day, in_month, last_business_day, month_end
from sample_data.simulation.entries import Ledger, Line, cre, deb
from sample_data.simulation.plan import Actuals, loan_schedule, payroll_entry
from sample_data.simulation.postings import Context, FnpItem
from sample_data.simulation.spec import Case

__all__ = [
    "balance_lines",
    "opening_year_1",
    "post_depreciation",
    "post_fnp_reversal",
    "post_investment",
    "post_loan",
    "post_payroll",
    "post_result_allocation",
    "settle_opening_year_1",
]


def post_payroll(ctx: Context, act: Actuals) -> None:
    """Monthly payroll (PA) and the payments of net pay and contributions (BQ)."""
    for m in range(1, ctx.last_month + 1):
        debits, credits = payroll_entry(ctx.case, act.perm[m - 1], act.ins[m - 1], act.mutuelle)
        post_payroll_month(ctx.case, ctx.led, ctx.year, m, debits=debits, credits=credits)


def post_payroll_month(
    case: Case,
    led: Ledger,
    year: int,
    month: int,
    *,
    debits: dict[str, int],
    credits: dict[str, int],
) -> None:
    """One month's payroll and its payments (the month before year 1: its payments only)."""
    period = f"{MONTH_NAMES[month - 1].lower()} {year}"
    key = f"PAIE-{year}-{month:02d}"
    if year >= case.year_1:
        lines = [deb(acc, amt) for acc, amt in debits.items()]
        lines += [cre(acc, amt, match=key) for acc, amt in credits.items()]
        led.add("PA", month_end(year, month), key, f"Paie {period}", lines)
        pay_on = last_business_day(year, month)
        led.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"Virement des salaires nets {period}",
            [deb("421000", credits["421000"], match=key), cre("512000", credits["421000"])],
        )
    nxt_year, nxt_month = (year + 1, 1) if month == 12 else (year, month + 1)
    for account, (day, label) in case.payroll.payments.items():
        pay_on = in_month(nxt_year, nxt_month, day)
        led.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"{label} {period}",
            [deb(account, credits[account], match=key), cre("512000", credits[account])],
        )


def post_loan(ctx: Context) -> None:
    """Monthly loan instalments (capital and interest)."""
    for date, capital, interest in loan_schedule(ctx.case):
        if date.year == ctx.year and date.month <= ctx.last_month:
            ctx.led.add(
                "BQ",
                date,
                f"REL-{date:%Y-%m}",
                f"{ctx.case.loan['label']} {date:%m/%Y}",
                [
                    deb("164000", capital),
                    deb("661100", interest),
                    cre("512000", capital + interest),
                ],
            )


def post_depreciation(ctx: Context) -> None:
    """Depreciation allowance at year end."""
    if ctx.last_month < 12:
        return
    column = 0 if ctx.year == ctx.case.year_1 else 1
    lines = [cre(asset.depreciation, asset.allowance[column] * 100) for asset in ctx.case.assets]
    total = sum(ln.credit for ln in lines)
    ctx.led.add(
        "OD",
        dt.date(ctx.year, 12, 31),
        f"AMORT-{ctx.year}",
        f"Dotations aux amortissements {ctx.year}",
        [deb("681100", total), *lines],
    )


def post_fnp_reversal(led: Ledger, year: int, items: Sequence[FnpItem]) -> None:
    """Reverse last year's invoices not received and book the real invoices."""
    for account, supplier, amount, label, invoice_on in items:
        led.add(
            "OD",
            dt.date(year, 1, 1),
            f"EXT-FNP-{year}",
            f"Extourne FNP – {label}",
            [deb("408100", amount), cre(account, amount)],
        )
        pay_on = business_day(invoice_on + dt.timedelta(days=30))
        led.purchase(
            business_day(invoice_on), account, amount, supplier=supplier, pay_on=pay_on, label=label
        )


def post_result_allocation(led: Ledger, year: int, result: int) -> None:
    """General assembly in June: last year's result goes to retained earnings."""
    date = dt.date(year, 6, 20)
    label = f"Affectation du résultat {year - 1} (AG du {date:%d/%m/%Y})"
    if result >= 0:
        lines = [deb("120000", result), cre("110000", result)]
    else:
        lines = [deb("110000", -result), cre("129000", -result)]
    led.add("OD", date, f"AG-{year}", label, lines)


def _year_0_payroll_credits(case: Case) -> dict[str, int]:
    """What the December payroll of the year before year 1 left to pay."""
    year_0 = case.year_1 - 1
    pay = case.payroll
    _, credits = payroll_entry(
        case,
        pay.permanent_gross_month_cents[year_0],
        pay.insertion_gross_month_cents[year_0],
        pay.mutuelle_month_cents[year_0],
    )
    return credits


def _invoices_not_received(case: Case) -> list[FnpItem]:
    return [
        (i["account"], i["supplier"], i["amount"] * 100, i["label"], i["invoiced"])
        for i in case.opening["invoices_not_received"]
    ]


def opening_year_1(case: Case) -> list[Line]:
    """Opening entry on 1 January of year 1, with the December payroll debts and the FNP."""
    balances: dict[tuple[str, str], int] = {
        (b["account"], b.get("aux", "")): b["amount"] * 100 for b in case.opening["balances"]
    }
    credits = _year_0_payroll_credits(case)
    for account in case.payroll.payments:
        balances[(account, "")] = -credits[account]
    balances[("408100", "")] = -sum(item[2] for item in _invoices_not_received(case))
    balances[("110000", "")] = -sum(balances.values())
    return balance_lines(balances)


def balance_lines(balances: dict[tuple[str, str], int]) -> list[Line]:
    """The lines of an opening entry: each (account, aux) balance as a debit or a credit."""
    lines = []
    for (account, aux), amount in sorted(balances.items()):
        if amount > 0:
            lines.append(deb(account, amount, aux))
        elif amount < 0:
            lines.append(cre(account, -amount, aux))
    return lines


def _settlement(
    case: Case, balance: dict[str, Any], rng: np.random.Generator
) -> tuple[dt.date, str, list[Line]] | None:
    """When and how an opening balance is settled in year 1 (None: it stays)."""
    year = case.year_1
    account, aux = balance["account"], balance.get("aux", "")
    amount = abs(balance["amount"]) * 100
    name = case.parties.get(aux, "")
    if account == "401000":
        day = business_day(dt.date(year, 1, int(rng.integers(8, 26))))
        lines = [deb(account, amount, aux), cre("512000", amount)]
        return day, f"Virement {name} – facture {year - 1}", lines
    if account == "411000":
        day = business_day(dt.date(year, 1, 6) + dt.timedelta(days=int(rng.integers(0, 40))))
        lines = [deb("512000", amount), cre(account, amount, aux)]
        return day, f"Règlement {name} – facture {year - 1}", lines
    if account == "441000":
        lines = [deb("512000", amount), cre(account, amount, aux)]
        return case.opening["grant_receipts"][aux], f"Versement {name} – solde {year - 1}", lines
    if account == "447000":
        lines = [deb(account, amount), cre("512000", amount)]
        return dt.date(year, 1, 15), f"Taxe sur les salaires {year - 1}", lines
    return None


def settle_opening_year_1(case: Case, led: Ledger, rng: np.random.Generator) -> None:
    """Payments in year 1 of what was open on 1 January."""
    for balance in case.opening["balances"]:
        settled = _settlement(case, balance, rng)
        if settled is not None:
            day, label, lines = settled
            led.add("BQ", day, f"REL-{day:%Y-%m}", label, lines)
    post_payroll_month(
        case, led, case.year_1 - 1, 12, debits={}, credits=_year_0_payroll_credits(case)
    )
    post_fnp_reversal(led, case.year_1, _invoices_not_received(case))


def post_investment(case: Case, led: Ledger) -> None:
    """The year-1 investment, bought from a supplier of fixed assets and paid a month later."""
    inv = case.investment
    day, amount, supplier = inv["date"], inv["amount_cents"], inv["supplier"]
    name = case.parties[supplier]
    key = f"{supplier}-{day.year}-1"
    led.add(
        "AC",
        day,
        inv["piece"],
        f"{inv['label']} – {name}",
        [deb(inv["asset"], amount), cre("404000", amount, supplier, key)],
    )
    pay_on = business_day(day + dt.timedelta(days=inv["paid_after_days"]))
    led.add(
        "BQ",
        pay_on,
        f"REL-{pay_on:%Y-%m}",
        f"Virement {name} – {inv['payment_label']}",
        [deb("404000", amount, supplier, key), cre("512000", amount)],
    )

"""Entries that do not follow one account line: payroll, loan, depreciation, opening and closing.

Where it sits: called by the yearly run (:mod:`.years`) beside the posting
rules of :mod:`.postings`. The payroll posts one PA entry a month and the
payments of net pay and contributions; each loan its payout and instalments;
the depreciation its year-end allowance; the opening entry of year 1 and what
was open on that day is settled during the year; invoices not received are
reversed and invoiced; the general assembly allocates last year's result; the
spec's dated entries are posted as written; a body that charges VAT files its
monthly return.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np

from essdiag.budget.template import MONTH_NAMES
from sample_data.simulation.amounts import phase
from sample_data.simulation.days import business_day, in_month, last_business_day, month_end
from sample_data.simulation.entries import Ledger, Line, cre, deb
from sample_data.simulation.plan import Actuals, loan_schedule, payroll_entry
from sample_data.simulation.postings import Context, FnpItem
from sample_data.simulation.spec import Case

__all__ = [
    "balance_lines",
    "opening_year_1",
    "post_depreciation",
    "post_entries",
    "post_fnp_reversal",
    "post_investment",
    "post_loan",
    "post_payroll",
    "post_result_allocation",
    "post_vat_returns",
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
    """Each loan of the year: the money received when it is paid out, then its instalments."""
    for loan in ctx.case.loans:
        drawn = loan.drawn
        if drawn is not None and drawn.year == ctx.year and drawn.month <= ctx.last_month:
            ctx.led.add(
                "BQ",
                drawn,
                f"REL-{drawn:%Y-%m}",
                loan.drawn_label or f"Versement des fonds – {loan.label}",
                [deb("512000", loan.capital_cents), cre(loan.account, loan.capital_cents)],
            )
        for date, capital, interest in loan_schedule(loan):
            if date.year == ctx.year and date.month <= ctx.last_month:
                ctx.led.add(
                    "BQ",
                    date,
                    f"REL-{date:%Y-%m}",
                    f"{loan.label} {date:%m/%Y}",
                    [
                        deb(loan.account, capital),
                        deb(loan.interest_account, interest),
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


def post_result_allocation(
    led: Ledger, year: int, result: int, shares: dict[str, float] | None = None
) -> None:
    """General assembly in June: last year's result goes to reserves and retained earnings.

    A surplus is shared between the accounts of ``shares`` (by default all to
    retained earnings, 110000), in cents by largest remainder; a deficit is
    carried forward on 110000.
    """
    date = dt.date(year, 6, 20)
    label = f"Affectation du résultat {year - 1} (AG du {date:%d/%m/%Y})"
    if result >= 0:
        shares = shares or {"110000": 1.0}
        parts = phase(result, list(shares.values()))
        lines = [deb("120000", result)]
        lines += [cre(account, part) for account, part in zip(shares, parts, strict=True)]
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
    vat = case.vat
    if vat is not None and account == vat.payable:
        day = in_month(year, 1, vat.day)
        lines = [deb(account, amount), cre("512000", amount)]
        return day, f"{vat.label} décembre {year - 1}", lines
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
    if not inv:
        return
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


def post_entries(case: Case, led: Ledger) -> None:
    """The dated entries the spec writes out line by line (``[[entries]]``).

    Capital subscribed by the members, investments and their payment, an
    investment grant notified: movements of classes 1 to 5 that follow no
    account line. Amounts are euros; a bank entry is filed under its month's
    statement unless it names its piece.
    """
    for item in case.entries:
        date: dt.date = item["date"]
        journal = item["journal"]
        default = f"REL-{date:%Y-%m}" if journal == "BQ" else f"{journal}-{date:%Y%m%d}"
        lines = [
            Line(
                ln["account"],
                debit=round(ln.get("debit", 0) * 100),
                credit=round(ln.get("credit", 0) * 100),
                aux=ln.get("aux", ""),
                match=ln.get("match", ""),
            )
            for ln in item["lines"]
        ]
        led.add(journal, date, item.get("piece", default), item["label"], lines)


def post_vat_returns(case: Case, led: Ledger, last: dt.date) -> None:
    """The monthly VAT return of every month up to ``last``, and the payment of what is due.

    Notes:
        due = VAT collected − VAT deductible (goods and services, fixed assets)
        − the credit carried from the previous month; booked on the last day
        of the month (OD), paid on the spec's day of the next month (BQ). A
        negative balance is a credit carried to the next return (445670).
        Opening entries are left out.
    """
    vat = case.vat
    if vat is None:
        return
    sums: dict[tuple[int, int, str], int] = defaultdict(int)
    watched = {vat.collected, vat.deductible, vat.deductible_assets}
    for entry in led.entries:
        if entry.journal == "AN":
            continue
        for ln in entry.lines:
            if ln.account in watched:
                sums[(entry.date.year, entry.date.month, ln.account)] += ln.debit - ln.credit
    carried = 0
    year, month = case.year_1, 1
    while (year, month) <= (last.year, last.month):
        collected = -sums[(year, month, vat.collected)]
        goods = sums[(year, month, vat.deductible)]
        assets = sums[(year, month, vat.deductible_assets)]
        due = collected - goods - assets - carried
        period = f"{MONTH_NAMES[month - 1].lower()} {year}"
        key = f"TVA-{year}-{month:02d}"
        lines = [
            deb(vat.collected, collected),
            cre(vat.deductible, goods),
            cre(vat.deductible_assets, assets),
            cre(vat.credit, carried),
        ]
        lines.append(cre(vat.payable, due, match=key) if due > 0 else deb(vat.credit, -due))
        led.add("OD", month_end(year, month), key, f"Déclaration de TVA {period}", lines)
        carried = max(0, -due)
        nxt_year, nxt_month = (year + 1, 1) if month == 12 else (year, month + 1)
        if due > 0:
            pay_on = in_month(nxt_year, nxt_month, vat.day)
            led.add(
                "BQ",
                pay_on,
                f"REL-{pay_on:%Y-%m}",
                f"{vat.label} {period}",
                [deb(vat.payable, due, match=key), cre("512000", due)],
            )
        year, month = nxt_year, nxt_month

"""Posting rules, one per kind of account line: how a month's amount becomes entries.

Where it sits: the yearly run (:mod:`.years`) hands each ``[[lines]]`` entry
of the spec and its actual months to the poster of its ``kind``: supplier
invoices and payments, client invoices and receipts, bank receipts and
charges, grant instalments (receivable on 441, then paid), year-end entries,
the shop's daily till, and the contributions in kind.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from essdiag.budget.template import MONTH_NAMES
from sample_data.simulation.amounts import phase, split_amount
from sample_data.simulation.days import HOLIDAYS, business_day, business_days, in_month, month_end
from sample_data.simulation.entries import Ledger, cre, deb
from sample_data.simulation.plan import is_charge
from sample_data.simulation.spec import AccountSpec, Case

__all__ = ["POSTERS", "Context", "post_cvn", "vat_line"]

FnpItem = tuple[str, str, int, str, dt.date]
"""An invoice not received at year end: (account, supplier, cents, label, invoice date)."""


@dataclass
class Context:
    """What the posting rules of one year share."""

    case: Case
    led: Ledger
    rng: np.random.Generator
    year: int
    last_month: int
    fnp_items: list[FnpItem] = field(default_factory=list)
    cash_deposits: dict[dt.date, int] = field(default_factory=lambda: defaultdict(int))

    def pick(self, options: Sequence[str]) -> str:
        """A random element of ``options``."""
        return options[int(self.rng.integers(0, len(options)))]

    def days(self, month: int, count: int, spec: AccountSpec) -> list[dt.date]:
        """``count`` sorted business days in the month (fixed day if the spec has one)."""
        if spec.day:
            return [in_month(self.year, month, spec.day)] * count
        pool = business_days(self.year, month)
        picks = sorted(int(i) for i in self.rng.integers(0, len(pool), size=count))
        return [pool[i] for i in picks]

    def lag(self, bounds: tuple[int, int]) -> int:
        """A random delay in days."""
        return int(self.rng.integers(bounds[0], bounds[1] + 1))

    def count(self, bounds: tuple[int, int]) -> int:
        """A random number of documents in a month."""
        return int(self.rng.integers(bounds[0], bounds[1] + 1))

    def month_name(self, m: int) -> str:
        """« octobre 2026 » for the labels."""
        return f"{MONTH_NAMES[m - 1].lower()} {self.year}"


def _documents(
    ctx: Context, spec: AccountSpec, months: Sequence[int]
) -> Iterator[tuple[int, int, dt.date]]:
    """Each document of the year, ``(month, cents, day)``: a month's amount in random parts."""
    for m in range(1, ctx.last_month + 1):
        amount = months[m - 1]
        if amount <= 0:
            continue
        parts = split_amount(amount, ctx.count(spec.per_month), ctx.rng)
        for part, day in zip(parts, ctx.days(m, len(parts), spec), strict=True):
            yield m, part, day


def _post_fnp(ctx: Context, spec: AccountSpec) -> int:
    """The invoice not received at 31 December (408), to be invoiced next year; its cents."""
    fnp = spec.fnp * 100
    ctx.led.add(
        "OD",
        dt.date(ctx.year, 12, 31),
        f"FNP-{ctx.year}",
        f"Facture non parvenue – {spec.label} {ctx.year}",
        [deb(spec.account, fnp), cre("408100", fnp)],
    )
    invoice_on = dt.date(ctx.year + 1, *spec.fnp_invoiced)
    label = f"{spec.label} – clôture {ctx.year}"
    ctx.fnp_items.append((spec.account, spec.parties[0], fnp, label, invoice_on))
    return fnp


def post_supplier(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Supplier invoices and their payments; FNP for the part not yet invoiced in December."""
    fnp_due = bool(spec.fnp) and ctx.last_month == 12
    for m, part, day in _documents(ctx, spec, [*months[:11], 0] if fnp_due else months):
        _purchase(ctx, spec, m, part, day)
    if fnp_due:
        december = months[11] - _post_fnp(ctx, spec)
        for m, part, day in _documents(ctx, spec, [0] * 11 + [december]):
            _purchase(ctx, spec, m, part, day)


def vat_line(ctx: Context, spec: AccountSpec, cents: int, *, collected: bool) -> tuple[str, int]:
    """The VAT of an invoice of ``cents`` before tax: (account, cents), rounded half up.

    ``("", 0)`` for a line without VAT or a case outside VAT (the line is then dropped).

    Example (20 % of 123,45 € is 24,69 €):
        >>> (12345 * 2000 + 5000) // 10000
        2469
    """
    vat = ctx.case.vat
    if vat is None or not spec.vat:
        return "", 0
    rate = round(spec.vat * 10_000)
    return (vat.collected if collected else vat.deductible), (cents * rate + 5_000) // 10_000


def _purchase(ctx: Context, spec: AccountSpec, m: int, part: int, day: dt.date) -> None:
    supplier = ctx.pick(spec.parties)
    pay_on = business_day(day + dt.timedelta(days=ctx.lag(spec.lag)))
    label = f"{spec.label} {ctx.month_name(m)}"
    vat = vat_line(ctx, spec, part, collected=False)
    ctx.led.purchase(
        day, spec.account, part, supplier=supplier, pay_on=pay_on, label=label, vat=vat
    )


def post_client(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Client invoices and their receipts: individuals pay at once, organisations in 30–60 days."""
    for _m, part, day in _documents(ctx, spec, months):
        client = ctx.pick(spec.parties)
        individual = client in ctx.case.individuals
        bounds = spec.lag if individual else (max(spec.lag[0], 30), 60)
        paid_on = business_day(day + dt.timedelta(days=ctx.lag(bounds)))
        vat = vat_line(ctx, spec, part, collected=True)
        ctx.led.sale(
            day, spec.account, part, client=client, paid_on=paid_on, label=spec.label, vat=vat
        )


def post_receipt(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Money received straight on the bank account."""
    for m, part, day in _documents(ctx, spec, months):
        label = f"{spec.label} – {ctx.month_name(m)}"
        ctx.led.add(
            "BQ", day, f"REL-{day:%Y-%m}", label, [deb("512000", part), cre(spec.account, part)]
        )


def post_bank(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Bank charges debited by the bank."""
    for m in range(1, ctx.last_month + 1):
        if months[m - 1] > 0:
            day = in_month(ctx.year, m, spec.day or 28)
            ctx.led.add(
                "BQ",
                day,
                f"REL-{day:%Y-%m}",
                f"{spec.label} {ctx.month_name(m)}",
                [deb(spec.account, months[m - 1]), cre("512000", months[m - 1])],
            )


def _instalment_name(index: int, total: int) -> str:
    if total == 1:
        return "versement unique"
    if index == 0:
        return "avance"
    return "solde" if index == total - 1 else f"acompte {index}"


def post_grant(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Grant instalments: receivable on 441 (OD), then the payment (BQ)."""
    schedule = spec.instalments(year_2=ctx.year == ctx.case.year_2, actual=True)
    funder = spec.parties[0]
    for index, (month, day, share, lag) in enumerate(schedule):
        amount = months[month - 1]
        if month > ctx.last_month or amount <= 0:
            continue
        date = dt.date(ctx.year, month, day)
        date = date if (month, day) == (12, 31) else business_day(date)
        key = f"{funder}-{ctx.year}-{month}"
        name = _instalment_name(index, len(schedule))
        label = f"{spec.label} {ctx.year} – {name} ({share:.0%})".replace("%", " %")
        ctx.led.add(
            "OD",
            date,
            f"CONV-{funder}-{ctx.year}",
            label,
            [deb("441000", amount, funder, key), cre(spec.account, amount)],
        )
        paid_on = business_day(date + dt.timedelta(days=lag))
        ctx.led.add(
            "BQ",
            paid_on,
            f"REL-{paid_on:%Y-%m}",
            f"Versement {ctx.case.parties[funder]} – {label}",
            [deb("512000", amount), cre("441000", amount, funder, key)],
        )


def post_yearend(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Entries of 31 December (provisions, taxes, interest); the payroll tax is paid in January."""
    amount = months[11]
    if ctx.last_month < 12 or amount <= 0:
        return
    day = dt.date(ctx.year, 12, 31)
    if is_charge(spec.account):
        lines = [deb(spec.account, amount), cre(spec.counterpart, amount)]
    else:
        lines = [deb(spec.counterpart, amount), cre(spec.account, amount)]
    journal = "BQ" if spec.counterpart.startswith("512") else "OD"
    ctx.led.add(journal, day, f"CLOT-{ctx.year}", f"{spec.label} {ctx.year}", lines)
    if spec.counterpart == "447000":
        pay_on = dt.date(ctx.year + 1, 1, 15)
        key = f"TS-{ctx.year}"
        ctx.led.entries[-1].lines[1].match = key
        ctx.led.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"{spec.label} {ctx.year}",
            [deb("447000", amount, match=key), cre("512000", amount)],
        )


def shop_days(case: Case, year: int, month: int) -> list[dt.date]:
    """Opening days of the shop: its weekdays, not holidays, not its closed days."""
    weekdays = case.shop["weekdays"]
    closed = case.shop["closed"]
    first = dt.date(year, month, 1)
    days = (first + dt.timedelta(days=i) for i in range(month_end(year, month).day))
    return [
        d
        for d in days
        if d.weekday() in weekdays
        and (d.month, d.day) not in HOLIDAYS
        and not (d.month == closed["month"] and closed["first_day"] <= d.day <= closed["last_day"])
    ]


def post_shop(ctx: Context, spec: AccountSpec, months: list[int]) -> None:
    """Daily till (Z) of the shop: cash and cards, then bank remittances."""
    shop = ctx.case.shop
    low, high = shop["day_jitter"]
    cash_low, cash_high = shop["cash_share"]
    for m in range(1, ctx.last_month + 1):
        days = shop_days(ctx.case, ctx.year, m)
        weights = [shop["weekdays"][d.weekday()] * ctx.rng.uniform(low, high) for d in days]
        for day, amount in zip(days, phase(months[m - 1], weights), strict=True):
            cash = round(amount * ctx.rng.uniform(cash_low, cash_high))
            card = amount - cash
            ctx.led.add(
                "VE",
                day,
                f"Z{day:%Y%m%d}",
                f"Ventes boutique du {day:%d/%m/%Y}",
                [deb("530000", cash), deb("511500", card), cre(spec.account, amount)],
            )
            remit = business_day(day + dt.timedelta(days=1))
            ctx.led.add(
                "BQ",
                remit,
                f"REL-{remit:%Y-%m}",
                f"Remise cartes bancaires du {day:%d/%m/%Y}",
                [deb("512000", card), cre("511500", card)],
            )
            ctx.cash_deposits[day + dt.timedelta(days=7 - day.weekday())] += cash


POSTERS: dict[str, Callable[[Context, AccountSpec, list[int]], None]] = {
    "supplier": post_supplier,
    "client": post_client,
    "receipt": post_receipt,
    "bank": post_bank,
    "grant": post_grant,
    "yearend": post_yearend,
    "shop": post_shop,
}
"""The poster of each ``kind`` of line (``cvn`` lines are posted together by :func:`post_cvn`)."""


def post_cvn(ctx: Context, months: dict[str, list[int]]) -> None:
    """Voluntary contributions in kind, valued at year end (86 = 87)."""
    if ctx.last_month < 12:
        return
    for charge, income in ctx.case.cvn_pairs.items():
        amount = months[charge][11]
        spec = ctx.case.line(charge)
        assert spec is not None
        ctx.led.add(
            "OD",
            dt.date(ctx.year, 12, 31),
            f"CVN-{ctx.year}",
            f"{spec.label} – {ctx.year}",
            [deb(charge, amount), cre(income, amount)],
        )

"""The entries of the simulation: balanced lines in integer cents, checked as they are stored.

Where it sits: the posting rules (:mod:`.postings`, :mod:`.bookkeeping`) add
entries to one :class:`Ledger` for both years; :mod:`.fec` writes them out.
Every entry is checked to balance and to use known accounts before it is kept.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

__all__ = ["Entry", "Ledger", "Line", "cre", "deb"]


@dataclass
class Line:
    """One FEC line: an account, optional auxiliary account, debit or credit; ``match`` letters it."""

    account: str
    debit: int = 0
    credit: int = 0
    aux: str = ""
    match: str = ""


def deb(account: str, amount: int, aux: str = "", match: str = "") -> Line:
    """A debit line."""
    return Line(account, debit=amount, aux=aux, match=match)


def cre(account: str, amount: int, aux: str = "", match: str = "") -> Line:
    """A credit line."""
    return Line(account, credit=amount, aux=aux, match=match)


@dataclass
class Entry:
    """One balanced accounting entry (one EcritureNum)."""

    journal: str
    date: dt.date
    piece: str
    label: str
    lines: list[Line]
    piece_date: dt.date
    valid: dt.date | None = None
    seq: int = 0


@dataclass
class Ledger:
    """All the entries of the simulation, both years, over a chart of accounts and third parties."""

    accounts: dict[str, str]
    parties: dict[str, str]
    entries: list[Entry] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(
        self,
        journal: str,
        date: dt.date,
        piece: str,
        label: str,
        lines: list[Line],
        *,
        piece_date: dt.date | None = None,
        valid: dt.date | None = None,
    ) -> None:
        """Store an entry after checking it balances; zero lines are dropped."""
        kept = [ln for ln in lines if ln.debit or ln.credit]
        for ln in kept:
            if ln.account not in self.accounts or ln.debit < 0 or ln.credit < 0:
                raise ValueError(f"bad line {ln} in {label!r}")
            if ln.aux and ln.aux not in self.parties:
                raise ValueError(f"unknown auxiliary account {ln.aux!r}")
        if not kept:
            return
        if sum(ln.debit for ln in kept) != sum(ln.credit for ln in kept):
            raise ValueError(f"unbalanced entry {label!r} on {date}")
        self.entries.append(
            Entry(journal, date, piece, label, kept, piece_date or date, valid, len(self.entries))
        )

    def next_number(self, key: str) -> int:
        """A running number for piece references."""
        self.counters[key] += 1
        return self.counters[key]

    def purchase(
        self,
        date: dt.date,
        account: str,
        amount: int,
        *,
        supplier: str,
        pay_on: dt.date,
        label: str,
        payable: str = "401000",
        vat: tuple[str, int] = ("", 0),
    ) -> None:
        """A supplier invoice (AC) and its payment (BQ); ``vat``: deductible account and cents."""
        n = self.next_number(supplier)
        key = f"{supplier}-{date.year}-{n}"
        piece = f"«{supplier}-{date:%y}#{n}»"
        name = self.parties[supplier]
        text = f"{label} – {name}"
        total = amount + vat[1]
        self.add(
            "AC",
            date,
            piece,
            text,
            [deb(account, amount), deb(*vat), cre(payable, total, supplier, key)],
        )
        self.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"Virement {name} {piece}",
            [deb(payable, total, supplier, key), cre("512000", total)],
        )

    def sale(
        self,
        date: dt.date,
        account: str,
        amount: int,
        *,
        client: str,
        paid_on: dt.date,
        label: str,
        vat: tuple[str, int] = ("", 0),
    ) -> None:
        """A client invoice (VE) and its receipt (BQ); ``vat``: collected account and cents."""
        n = self.next_number(f"FA{date.year}")
        key = f"FA{date.year}-{n}"
        piece = f"«FA{date.year}-#{n}»"
        name = self.parties[client]
        total = amount + vat[1]
        self.add(
            "VE",
            date,
            piece,
            f"{label} – {name}",
            [deb("411000", total, client, key), cre(account, amount), cre(*vat)],
        )
        self.add(
            "BQ",
            paid_on,
            f"REL-{paid_on:%Y-%m}",
            f"Règlement {name} {piece}",
            [deb("512000", total), cre("411000", total, client, key)],
        )

"""The FEC writer: entries to the text file of LPF art. A47 A-1, with lettering and numbering.

Where it sits: last step for the accounts. Entries are sorted by date and
journal, numbered per journal (``BQ25-00042``), their matched lines lettered
(``EcritureLet``, ``DateLet``) when a group balances, and written as 18
tab-separated columns (:data:`essdiag.ledger.fec.FEC_COLUMNS`), header first,
``\\n`` line ends, decimal comma. A case with an analytic column (the SCIC)
adds a 19th column, ``CodeAnalytique``, and splits each charge or income line
into one row per analytic code of its account.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from essdiag.ledger.fec import FEC_COLUMNS
from sample_data.simulation.amounts import fmt_cents, phase
from sample_data.simulation.entries import Entry, Line
from sample_data.simulation.spec import Case

__all__ = ["analytic_parts", "fec_text", "lettering"]


def _letter_code(index: int) -> str:
    """``AAA``, ``AAB``… for the ``index``-th lettered group of an account.

    Example:
        >>> _letter_code(0), _letter_code(27)
        ('AAA', 'ABB')
    """
    letters = ""
    for _ in range(3):
        index, rem = divmod(index, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def lettering(entries: Sequence[Entry]) -> dict[tuple[int, int], tuple[str, dt.date]]:
    """Letter code and date of each matched line, keyed by (entry seq, line index)."""
    groups: dict[tuple[str, str, str], list[tuple[Entry, int]]] = defaultdict(list)
    for entry in entries:
        for i, ln in enumerate(entry.lines):
            if ln.match:
                groups[(ln.account, ln.aux, ln.match)].append((entry, i))
    out: dict[tuple[int, int], tuple[str, dt.date]] = {}
    counters: dict[str, int] = defaultdict(int)
    ordered = sorted(groups.items(), key=lambda kv: (max(e.date for e, _ in kv[1]), kv[0]))
    for (account, _aux, _match), members in ordered:
        debit = sum(e.lines[i].debit for e, i in members)
        credit = sum(e.lines[i].credit for e, i in members)
        if len(members) < 2 or debit != credit:
            continue
        code = _letter_code(counters[account])
        counters[account] += 1
        when = max(e.date for e, _ in members)
        for e, i in members:
            out[(e.seq, i)] = (code, when)
    return out


def analytic_parts(case: Case, line: Line) -> list[tuple[str, str, str]]:
    """(code, debit, credit) of each FEC row of a line, split by analytic code.

    A charge or income line (classes 6, 7 and 8) is split between the codes
    of its account (:meth:`Case.split_of`), in cents by largest remainder; any
    other line is one row without a code.

    Example:
        >>> from sample_data.simulation.spec import load_case
        >>> from sample_data.simulation.run import SAMPLE_DATA
        >>> scic = load_case(SAMPLE_DATA / "scic-energie")
        >>> analytic_parts(scic, Line("512000", debit=1000))
        [('', '10,00', '0,00')]
    """
    if line.account[0] not in "678":
        return [("", fmt_cents(line.debit), fmt_cents(line.credit))]
    split = case.split_of(line.account)
    codes = [code for code, _ in split]
    weights = [share for _, share in split]
    debits = phase(line.debit, weights)
    credits = phase(line.credit, weights)
    return [
        (code, fmt_cents(d), fmt_cents(c))
        for code, d, c in zip(codes, debits, credits, strict=True)
        if d or c
    ]


def fec_text(case: Case, entries: Sequence[Entry], *, year: int, validation_cap: dt.date) -> str:
    """The FEC as text: tab separated, header first, one line per entry line.

    An entry is validated six days after its date (at most ``validation_cap``);
    year 1's closing entries of 31 December on the closing date of the spec.
    """
    order = {code: i for i, code in enumerate(case.journals)}
    ordered = sorted(entries, key=lambda e: (e.date, order[e.journal], e.seq))
    letters = lettering(ordered)
    numbers: dict[str, int] = defaultdict(int)
    analytic = case.analytic_column
    rows = ["\t".join((*FEC_COLUMNS, analytic) if analytic else FEC_COLUMNS)]
    for entry in ordered:
        numbers[entry.journal] += 1
        num = f"{entry.journal}{year % 100:02d}-{numbers[entry.journal]:05d}"
        valid = entry.valid or min(entry.date + dt.timedelta(days=6), validation_cap)
        if entry.valid is None and (entry.date.month, entry.date.day) == (12, 31):
            valid = case.dates["closing_year_1"] if year == case.year_1 else valid
        for i, ln in enumerate(entry.lines):
            code, when = letters.get((entry.seq, i), ("", None))
            fields = (
                entry.journal,
                case.journals[entry.journal],
                num,
                f"{entry.date:%Y%m%d}",
                ln.account,
                case.accounts[ln.account],
                ln.aux,
                case.parties.get(ln.aux, ""),
                entry.piece,
                f"{entry.piece_date:%Y%m%d}",
                entry.label,
                fmt_cents(ln.debit),
                fmt_cents(ln.credit),
                code,
                f"{when:%Y%m%d}" if when else "",
                f"{valid:%Y%m%d}",
                "",
                "",
            )
            if any(("\t" in f or "\n" in f) for f in fields):
                raise ValueError(f"separator inside a field of {entry.label!r}")
            if not analytic:
                rows.append("\t".join(fields))
                continue
            for section, debit, credit in analytic_parts(case, ln):
                rows.append("\t".join((*fields[:11], debit, credit, *fields[13:], section)))
    return "\n".join(rows) + "\n"

"""Cash from the accounts: end-of-month bank balances and the month's cash flows by kind.

Where it sits: reads the canonical ledger (:mod:`essdiag.ledger`) of a fiscal
year and gives the treasury plan its actual months
(:func:`essdiag.treasury.inputs.gather`). Amounts stay integer cents here;
the plan turns them into euros.

Cash is the accounts' class 5, as the accounts screen and financial health
read it (:data:`essdiag.ledger.balances.CASH_PREFIXES`, PCG règlement ANC
2014-03): banks and cheques or card payments awaiting collection (51,
overdrafts 519 included, so a negative balance is an overdraft), short-term
investments (50), cash box (53), imprest accounts (54) and internal transfers
in transit (58, which nets to nothing once both sides are booked).

* :func:`bank_balances`: the balance of those accounts at the end of each
  month of the fiscal year up to the last month with an entry, opening
  entries (à-nouveaux) included — the figure to check against the bank
  statements, computed by :func:`essdiag.ledger.balances.bank_balances`;
* :func:`cash_actuals`: the same balances with, month by month, what came in
  and went out, by kind of flow (:class:`CashFlowKind`), read from the other
  lines of each entry that touches cash: an entry debit 512 / credit 411 is a
  customer's payment, debit 421 / credit 512 a salary paid. A transfer
  between two cash accounts moves nothing. Whatever an unbalanced entry
  leaves unexplained goes to « Autres mouvements », so the flows of a month
  always add up to the change of its bank balance, to the cent.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.i18n import N_, LabelledEnum
from essdiag.ledger.balances import CASH_PREFIXES
from essdiag.ledger.balances import bank_balances as ledger_bank_balances
from essdiag.periods import FiscalYear

__all__ = [
    "CASH_PREFIXES",
    "CashActuals",
    "CashFlowKind",
    "bank_balances",
    "cash_actuals",
    "flow_kind",
]


class CashFlowKind(LabelledEnum):
    """What a cash flow is, read from the accounts or from the budget."""

    SALES = "sales", N_("Ventes, prestations et tarification")
    GRANTS = "grants", N_("Subventions")
    OTHER_INCOME = "other_income", N_("Dons, cotisations et autres produits")
    PAYROLL = "payroll", N_("Salaires et charges sociales")
    PURCHASES = "purchases", N_("Achats, services et autres charges")
    TAXES = "taxes", N_("Impôts, taxes et TVA")
    LOANS = "loans", N_("Emprunts")
    INVESTMENT = "investment", N_("Investissements et cessions")
    OTHER = "other", N_("Autres mouvements")


_ACCOUNT_KINDS: tuple[tuple[str, CashFlowKind], ...] = (
    # Longest prefixes first: 441 (grants receivable) and 442 (income tax withheld
    # from pay) before the rest of 44 (VAT, other taxes).
    ("441", CashFlowKind.GRANTS),
    ("442", CashFlowKind.PAYROLL),
    ("40", CashFlowKind.PURCHASES),
    ("41", CashFlowKind.SALES),
    ("42", CashFlowKind.PAYROLL),
    ("43", CashFlowKind.PAYROLL),
    ("44", CashFlowKind.TAXES),
    ("16", CashFlowKind.LOANS),
    ("17", CashFlowKind.LOANS),
    ("2", CashFlowKind.INVESTMENT),
    ("60", CashFlowKind.PURCHASES),
    ("61", CashFlowKind.PURCHASES),
    ("62", CashFlowKind.PURCHASES),
    ("63", CashFlowKind.TAXES),
    ("64", CashFlowKind.PAYROLL),
    ("65", CashFlowKind.PURCHASES),
    ("66", CashFlowKind.PURCHASES),
    ("67", CashFlowKind.PURCHASES),
    ("69", CashFlowKind.TAXES),
    ("70", CashFlowKind.SALES),
    ("71", CashFlowKind.SALES),
    ("72", CashFlowKind.SALES),
    ("73", CashFlowKind.SALES),
    ("74", CashFlowKind.GRANTS),
    ("75", CashFlowKind.OTHER_INCOME),
    ("76", CashFlowKind.OTHER_INCOME),
    ("77", CashFlowKind.OTHER_INCOME),
    ("78", CashFlowKind.OTHER_INCOME),
    ("79", CashFlowKind.OTHER_INCOME),
)
_KINDS = tuple(CashFlowKind)


def flow_kind(account: str) -> CashFlowKind:
    """The kind of cash flow of the other side of a cash line, from its account.

    Example:
        >>> flow_kind("411000").value, flow_kind("441200").value, flow_kind("421000").value
        ('sales', 'grants', 'payroll')
        >>> flow_kind("445660").value, flow_kind("164000").value, flow_kind("467000").value
        ('taxes', 'loans', 'other')
    """
    code = str(account).strip()
    for prefix, kind in _ACCOUNT_KINDS:
        if code.startswith(prefix):
            return kind
    return CashFlowKind.OTHER


class CashActuals(BaseModel):
    """A fiscal year's cash as the accounts tell it, month by month (integer cents).

    Attributes:
        fiscal_year: the fiscal year read.
        months: month keys from the fiscal year's first month through the
            month of the last entry.
        opening_cents: balance of the cash accounts in the opening entries.
        has_opening: True when the ledger holds opening entries on cash
            accounts (without them the balances start from zero).
        closing_cents: balance at the end of each month, opening included.
        inflows, outflows: cents per month by :class:`CashFlowKind` value
            (both positive; a kind may have both: a loan received, a loan repaid).
        last_entry: date of the last entry of the fiscal year.
        accounts: the cash accounts found.
    """

    model_config = ConfigDict(frozen=True)

    fiscal_year: FiscalYear
    months: tuple[str, ...] = ()
    opening_cents: int = 0
    has_opening: bool = False
    closing_cents: tuple[int, ...] = ()
    inflows: dict[str, tuple[int, ...]] = {}
    outflows: dict[str, tuple[int, ...]] = {}
    last_entry: date | None = None
    accounts: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when the ledger has no entry in the fiscal year."""
        return not self.months

    @property
    def last_month(self) -> str | None:
        """The last month with actuals."""
        return self.months[-1] if self.months else None

    def closing_of(self, month: str) -> int | None:
        """The balance at the end of a month with actuals (None otherwise)."""
        return self.closing_cents[self.months.index(month)] if month in self.months else None

    def net_cents(self) -> list[int]:
        """Each month's change of balance: Σ inflows − Σ outflows."""
        return [
            sum(v[k] for v in self.inflows.values()) - sum(v[k] for v in self.outflows.values())
            for k in range(len(self.months))
        ]


def _positions(ledger: pd.DataFrame, fy: FiscalYear) -> tuple[np.ndarray, np.ndarray]:
    """Lines dated inside the fiscal year, and their month index (0 = first month)."""
    dates = ledger["date"].to_numpy(dtype="datetime64[ns]")
    lo = np.datetime64(fy.start, "ns")
    hi = np.datetime64(fy.end, "ns") + np.timedelta64(1, "D")
    inside = (dates >= lo) & (dates < hi)
    first = np.datetime64(fy.start, "M").astype(np.int64)
    month = dates.astype("datetime64[M]").astype(np.int64) - first
    return inside, month


def _sums(index: np.ndarray, cents: np.ndarray, size: int) -> np.ndarray:
    """Integer sums of cents by index, exact (``np.add.at`` keeps int64, unlike ``bincount``)."""
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, index, cents)
    return out


def _month_keys(fy: FiscalYear, count: int) -> tuple[str, ...]:
    return tuple(fy.month_keys()[:count])


def cash_actuals(ledger: pd.DataFrame, fiscal_year: FiscalYear) -> CashActuals:
    """Bank balances and cash flows by kind, month by month, from the canonical ledger.

    Notes:
        closing(m) = opening + Σ over lines dated up to the end of m of
        (debit − credit) on the cash accounts (:data:`CASH_PREFIXES`);
        for an entry touching cash, each other line's (credit − debit) is a
        flow of its kind (:func:`flow_kind`): an inflow when positive, an
        outflow when negative; each month's residual (cash change − Σ flows,
        non-zero only for unbalanced entries) goes to « Autres mouvements ».

    Example:
        >>> led = pd.DataFrame({
        ...     "journal": ["AN", "BQ", "BQ", "BQ", "BQ"], "entry": ["0", "1", "1", "2", "2"],
        ...     "date": pd.to_datetime(["2026-01-01", "2026-01-10", "2026-01-10",
        ...                             "2026-02-03", "2026-02-03"]),
        ...     "account": ["512000", "512000", "411000", "421000", "512000"],
        ...     "account_label": [""] * 5, "label": [""] * 5,
        ...     "debit_cents": [100000, 5000, 0, 30000, 0],
        ...     "credit_cents": [0, 0, 5000, 0, 30000], "analytic": [None] * 5,
        ...     "opening": [True, False, False, False, False]})
        >>> a = cash_actuals(led, FiscalYear(label_year=2026))
        >>> a.months, a.closing_cents
        (('2026-01', '2026-02'), (105000, 75000))
        >>> a.inflows["sales"], a.outflows["payroll"]
        ((5000, 0), (0, 30000))
    """
    inside, month = _positions(ledger, fiscal_year)
    if not inside.any():
        return CashActuals(fiscal_year=fiscal_year)
    count = int(month[inside].max()) + 1
    last = pd.Timestamp(ledger["date"].to_numpy(dtype="datetime64[ns]")[inside].max()).date()
    acc_codes, acc_uniques = pd.factorize(ledger["account"], sort=True)
    names = [str(a).strip() for a in acc_uniques]
    cash_of = np.array([n.startswith(CASH_PREFIXES) for n in names] + [False], dtype=bool)
    kind_of = np.array(
        [_KINDS.index(flow_kind(n)) for n in names] + [_KINDS.index(CashFlowKind.OTHER)],
        dtype=np.int64,
    )
    is_cash = cash_of[acc_codes]
    opening = ledger["opening"].to_numpy(dtype=bool)
    amount = ledger["debit_cents"].to_numpy(dtype=np.int64) - ledger["credit_cents"].to_numpy(
        dtype=np.int64
    )
    opening_mask = inside & opening & is_cash
    opening_cents = int(amount[opening_mask].sum())
    moving = inside & ~opening
    cash_lines = moving & is_cash
    balances = ledger_bank_balances(ledger, fiscal_year, prefixes=CASH_PREFIXES)
    count = max(count, len(balances))
    closing = balances["balance_cents"].to_numpy(dtype=np.int64)
    closing = np.concatenate(
        (closing, np.full(count - len(closing), closing[-1] if len(closing) else opening_cents))
    )
    cash_change = np.diff(closing, prepend=opening_cents)
    # Entries that touch cash: their other lines say what the money was for.
    journal_codes, journals = pd.factorize(ledger["journal"])
    number_codes, _numbers = pd.factorize(ledger["entry"])
    entry_codes = (number_codes.astype(np.int64) + 1) * (len(journals) + 1) + journal_codes + 1
    touches = np.zeros(int(entry_codes.max()) + 1, dtype=bool)
    touches[entry_codes[cash_lines]] = True
    other = moving & ~is_cash & touches[entry_codes]
    flow = -amount[other]  # credit − debit: money in when positive
    kinds = kind_of[acc_codes[other]]
    key = month[other] * len(_KINDS) + kinds
    size = count * len(_KINDS)
    ins = _sums(key[flow > 0], flow[flow > 0], size).reshape(count, -1)
    outs = _sums(key[flow < 0], -flow[flow < 0], size).reshape(count, -1)
    residual = cash_change - (ins.sum(axis=1) - outs.sum(axis=1))
    k_other = _KINDS.index(CashFlowKind.OTHER)
    ins[:, k_other] += np.where(residual > 0, residual, 0)
    outs[:, k_other] += np.where(residual < 0, -residual, 0)
    used = sorted(names[c] for c in np.unique(acc_codes[inside & is_cash]))
    return CashActuals(
        fiscal_year=fiscal_year,
        months=_month_keys(fiscal_year, count),
        opening_cents=opening_cents,
        has_opening=bool(opening_mask.any()),
        closing_cents=tuple(int(v) for v in closing),
        inflows={
            k.value: tuple(int(v) for v in ins[:, i])
            for i, k in enumerate(_KINDS)
            if ins[:, i].any()
        },
        outflows={
            k.value: tuple(int(v) for v in outs[:, i])
            for i, k in enumerate(_KINDS)
            if outs[:, i].any()
        },
        last_entry=last,
        accounts=tuple(used),
    )


def bank_balances(ledger: pd.DataFrame, fiscal_year: FiscalYear) -> pd.DataFrame:
    """DataFrame[month, balance_cents]: cash at the end of each month, opening entries included.

    From the fiscal year's first month through the month of its last entry;
    empty when the ledger has no entry in the fiscal year.

    Example:
        >>> led = pd.DataFrame({
        ...     "journal": ["AN", "BQ", "BQ"], "entry": ["0", "1", "1"],
        ...     "date": pd.to_datetime(["2026-01-01", "2026-03-10", "2026-03-10"]),
        ...     "account": ["512000", "530000", "706000"], "account_label": [""] * 3,
        ...     "label": [""] * 3, "debit_cents": [100000, 2500, 0],
        ...     "credit_cents": [0, 0, 2500], "analytic": [None] * 3,
        ...     "opening": [True, False, False]})
        >>> bank_balances(led, FiscalYear(label_year=2026))["balance_cents"].tolist()
        [100000, 100000, 102500]
    """
    actuals = cash_actuals(ledger, fiscal_year)
    return pd.DataFrame(
        {
            "month": pd.Series(list(actuals.months), dtype="str"),
            "balance_cents": pd.Series(list(actuals.closing_cents), dtype="int64"),
        }
    )

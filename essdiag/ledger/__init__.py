"""The accounts: FEC and CSV/XLSX readers, the canonical ledger, balances, storage.

The one domain every other domain may read (docs/ARCHITECTURE.md); it reads
no other domain.

The canonical ledger DataFrame
------------------------------
Every reader returns, and every computation takes, a pandas DataFrame with
exactly these columns (:data:`LEDGER_COLUMNS`, Arrow schema :data:`LEDGER_SCHEMA`):

==================  ======================  ==========================================
column              dtype                   meaning
==================  ======================  ==========================================
``journal``         category (str)          journal code (JournalCode)
``entry``           str                     entry number (EcritureNum)
``date``            datetime64[ns]          entry date (EcritureDate)
``account``         category (str)          account number, as written (CompteNum)
``account_label``   category (str)          account label (CompteLib)
``label``           str                     line label (EcritureLib)
``debit_cents``     int64                   debit in cents (exact)
``credit_cents``    int64                   credit in cents (exact)
``analytic``        str or null             analytic code (activity, project)
``opening``         bool                    opening entry (journals AN/RAN…)
==================  ======================  ==========================================

The three category columns (:data:`~essdiag.ledger.frame.CATEGORY_COLUMNS`)
hold each distinct value once, sorted; a computation reads them as text
(``.astype("str")``, ``.str``, comparisons) and a hand-made frame with plain
``str`` columns is taken as well.

Opening entries are kept for balances (:func:`account_balances`) and left
out of charges and income (:func:`monthly_activity`).

Flow: bytes → :func:`essdiag.ledger.fec.read_fec` or
:func:`essdiag.ledger.generic.read_table` + :func:`~essdiag.ledger.generic.apply_mapping`
(cells parsed by :mod:`essdiag.ledger.cells`) → ``(ledger, issues)`` →
:func:`fiscal_year_of` → :func:`essdiag.ledger.storage.store_ledger` (Parquet
attachment + original file) → :func:`account_balances`, :func:`monthly_activity`.
:mod:`essdiag.ledger.views` holds what the accounts screen shows.
"""

from __future__ import annotations

from essdiag.ledger.fec import FEC_COLUMNS, FecResult, read_fec
from essdiag.ledger.frame import (
    LEDGER_COLUMNS,
    LEDGER_SCHEMA,
    OPENING_JOURNALS,
    account_balances,
    account_labels,
    empty_ledger,
    fiscal_year_of,
    is_charge,
    is_income,
    ledger_from_table,
    monthly_activity,
)
from essdiag.ledger.generic import apply_mapping, read_table, suggest_mapping
from essdiag.ledger.section import ColumnMapping, ImportKind, LedgerImport, LedgerSection, SignRule
from essdiag.ledger.storage import (
    combine_ledgers,
    ledger_from_parquet,
    ledger_to_parquet,
    load_ledgers,
    store_ledger,
)

__all__ = [
    "FEC_COLUMNS",
    "LEDGER_COLUMNS",
    "LEDGER_SCHEMA",
    "OPENING_JOURNALS",
    "ColumnMapping",
    "FecResult",
    "ImportKind",
    "LedgerImport",
    "LedgerSection",
    "SignRule",
    "account_balances",
    "account_labels",
    "apply_mapping",
    "combine_ledgers",
    "empty_ledger",
    "fiscal_year_of",
    "is_charge",
    "is_income",
    "ledger_from_parquet",
    "ledger_from_table",
    "ledger_to_parquet",
    "load_ledgers",
    "monthly_activity",
    "read_fec",
    "read_table",
    "store_ledger",
    "suggest_mapping",
]

"""ledger package."""

from __future__ import annotations

from essdiag.ledger.section import LedgerSection

__all__ = ["LedgerSection"]

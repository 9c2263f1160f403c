"""Imported accounting ledgers (FEC, CSV/XLSX) referenced by attachment id.

This module owns the ``LedgerSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["LedgerSection"]


class LedgerSection(BaseModel):
    """Ledgers imported into the dossier."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

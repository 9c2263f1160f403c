"""Monthly cash plan, payment schedules and Monte Carlo of delays.

This module owns the ``TreasurySection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["TreasurySection"]


class TreasurySection(BaseModel):
    """Treasury assumptions of the organisation."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

"""Forecast budget lines, phasing and variance comments.

This module owns the ``BudgetSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["BudgetSection"]


class BudgetSection(BaseModel):
    """The forecast budget and its follow-up."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

"""Funding sources, mix indicators, stress tests and financing plans.

This module owns the ``FundingSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["FundingSection"]


class FundingSection(BaseModel):
    """Funders and resources of the organisation."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

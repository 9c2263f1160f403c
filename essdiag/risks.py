"""Risk register, matrices and continuity sheets (ISO 31000).

This module owns the ``RiskSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["RiskSection"]


class RiskSection(BaseModel):
    """The risk map of the organisation."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

"""ESS-law compliance: art. 1 and 2, ESUS, CSESS guide, grant thresholds.

This module owns the ``ComplianceSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["ComplianceSection"]


class ComplianceSection(BaseModel):
    """Legal and fiscal frame of the organisation."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

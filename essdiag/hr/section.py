"""Human resources: workforce, pay scale, equality index, OETH, skills.

This module owns the ``HRSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["HRSection"]


class HRSection(BaseModel):
    """Human resources of the organisation."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

"""Social impact: indicators, theory of change, SROI, satisfaction surveys.

This module owns the ``ImpactSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["ImpactSection"]


class ImpactSection(BaseModel):
    """Social utility and impact evaluation."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

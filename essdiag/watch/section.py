"""Territorial watch: indicators, journal, stakeholders, SWOT.

This module owns the ``WatchSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["WatchSection"]


class WatchSection(BaseModel):
    """Territorial watch and ecosystem analysis."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

"""The entrepreneurial project: plan, Gantt, agreements, evaluation, lessons.

This module owns the ``ProjectSection`` section of the dossier. It starts empty: the
capability that fills it adds fields here (with a schema migration when a
stored file would no longer validate).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["ProjectSection"]


class ProjectSection(BaseModel):
    """The entrepreneurial project and its conduct."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

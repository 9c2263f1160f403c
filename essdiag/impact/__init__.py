"""impact package."""

from __future__ import annotations

from essdiag.impact.section import ImpactSection

__all__ = ["ImpactSection"]

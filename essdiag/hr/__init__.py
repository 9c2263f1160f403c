"""hr package."""

from __future__ import annotations

from essdiag.hr.section import HRSection

__all__ = ["HRSection"]

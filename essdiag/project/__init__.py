"""project package."""

from __future__ import annotations

from essdiag.project.section import ProjectSection

__all__ = ["ProjectSection"]

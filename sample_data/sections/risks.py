"""Transitional: the risks sections of the sample cases are ``sample_data/<case>/dossier/risks.json``."""

from __future__ import annotations

from typing import Any

from . import section_file

__all__ = ["section"]


def section(case: str) -> dict[str, Any] | None:
    """The JSON of the case's risks section (None when the case has none)."""
    return section_file(case, "risks")

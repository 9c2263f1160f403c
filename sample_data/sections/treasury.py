"""Transitional: the treasury sections of the sample cases are ``sample_data/<case>/dossier/treasury.json``."""

from __future__ import annotations

from typing import Any

from . import section_file

__all__ = ["section"]


def section(case: str) -> dict[str, Any] | None:
    """The JSON of the case's treasury section (None when the case has none)."""
    return section_file(case, "treasury")

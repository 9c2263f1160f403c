"""Transitional: the sample cases' sections now live in ``sample_data/<case>/dossier/*.json``.

The modules of this package only read those files, for the tests that still
import ``sample_data.sections.<name>`` (or ``sections.<name>``). Read them
with :func:`essdiag.samples.case_sections` (``case_sections(case).get("risks")``)
or :func:`essdiag.samples.load_sample`; the package goes when nothing imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from essdiag.samples import case_sections

__all__ = ["section_file"]

SAMPLE_DATA = Path(__file__).resolve().parent.parent


def section_file(case: str, name: str) -> dict[str, Any] | None:
    """The JSON of the case's ``<name>.json`` section file (None when the case has none)."""
    data: dict[str, Any] | None = case_sections(case, root=SAMPLE_DATA).get(name)
    return data

"""Build canonical workforce frames for the HR tests (one dict per person, defaults filled)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from essdiag.hr.workforce import COLUMNS

START, END = date(2025, 1, 1), date(2025, 12, 31)

DEFAULTS: dict[str, Any] = {
    "sex": "F",
    "category": "emp",
    "level": "",
    "age": 35,
    "contract": "cdi",
    "fte": 1.0,
    "base_pay": 24000.0,
    "variable_pay": 0.0,
    "raised": False,
    "promoted": False,
    "maternity_return": False,
    "raised_after_return": False,
    "entry_date": None,
    "exit_date": None,
    "disabled_worker": False,
    "training_hours": 0.0,
    "absence_days": 0.0,
    "job_id": "",
}


def frame(*people: dict[str, Any]) -> pd.DataFrame:
    """A canonical frame; each person's id defaults to P1, P2…"""
    rows = [
        {**DEFAULTS, "id": p.get("id", f"P{i}"), "line": i + 1, **p} for i, p in enumerate(people)
    ]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def many(n: int, **values: Any) -> list[dict[str, Any]]:
    """``n`` people alike, with distinct ids taken from a prefix of the values."""
    tag = f"{values.get('sex', 'F')}{values.get('category', 'emp')}{values.get('age', 35)}"
    return [{**values, "id": f"{tag}-{values.get('base_pay', 0)}-{i}"} for i in range(n)]

"""The treasury assumptions as form values and editable tables, and back.

Where it sits: between :class:`~essdiag.treasury.section.TreasurySection` and
the forms of the "Trésorerie" screen. The hand-entered flows are a
January–December table; the funders' delay assumptions a table with one row
per scheduled funder, in percent. Reading them back validates the section and
returns French issues instead of raising.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from essdiag.errors import Issue
from essdiag.treasury.inputs import delay_vectors
from essdiag.treasury.section import TreasurySection
from essdiag.validation import validate_as

__all__ = [
    "DELAY_FIELDS",
    "delay_params",
    "delays_table",
    "manual_flows_table",
    "section_from_form",
    "section_with_delays",
]

DELAY_FIELDS = ("late_probability", "mean_delay_months", "cut_probability", "cut_share")


def manual_flows_table(section: TreasurySection, month_names: Sequence[str]) -> pd.DataFrame:
    """DataFrame[month, charges, income] of the hand-entered flows, January to December.

    ``month_names`` are the twelve names the reader sees in the first column.
    """
    return pd.DataFrame(
        {
            "month": list(month_names),
            "charges": section.monthly_charges or [0.0] * 12,
            "income": section.monthly_income or [0.0] * 12,
        }
    )


def _amounts(values: pd.Series) -> list[float]:
    return [float(v) if pd.notna(v) else 0.0 for v in values]


def section_from_form(
    section: TreasurySection, fields: Mapping[str, Any], flows: pd.DataFrame
) -> tuple[TreasurySection | None, list[Issue]]:
    """The section with the form's assumptions, or None and the issues (in French).

    ``fields`` holds ``first_month``, ``horizon_months``, ``yearly_growth_pct``
    (percent), ``opening_cash``, ``dedicated_funds`` and ``minimum_cash``; the
    flows table is :func:`manual_flows_table`'s (blank cells count as 0; all
    zeros means no hand-entered flows).
    """
    charges = _amounts(flows["charges"])
    income = _amounts(flows["income"])
    data = {
        **section.model_dump(),
        "first_month": str(fields["first_month"]).strip(),
        "horizon_months": fields["horizon_months"],
        "yearly_growth": fields["yearly_growth_pct"] / 100,
        "opening_cash": fields["opening_cash"],
        "dedicated_funds": fields["dedicated_funds"],
        "minimum_cash": fields["minimum_cash"],
        "monthly_charges": charges if any(charges) else [],
        "monthly_income": income if any(income) or any(charges) else [],
    }
    return validate_as(TreasurySection, data, prefix=("treasury",))


def delays_table(
    section: TreasurySection, source_ids: Sequence[str], names: Mapping[str, str]
) -> pd.DataFrame:
    """One row per scheduled funder: its delay assumptions in percent (its own, else the default)."""
    current = delay_vectors(section.delays, source_ids)
    return pd.DataFrame(
        {
            "source": [names[str(i)] for i in source_ids],
            "late_pct": current["late_probability"] * 100,
            "mean_delay": current["mean_delay_months"],
            "cut_pct": current["cut_probability"] * 100,
            "cut_share_pct": current["cut_share"] * 100,
        }
    )


def delay_params(table: pd.DataFrame) -> dict[str, tuple[float, ...]]:
    """The Monte Carlo assumptions of an edited :func:`delays_table` (fractions; blanks: 0, 1 month).

    Example:
        >>> t = pd.DataFrame({"source": ["a"], "late_pct": [30.0], "mean_delay": [None],
        ...                   "cut_pct": [float("nan")], "cut_share_pct": [20.0]})
        >>> delay_params(t)
        {'late_probability': (0.3,), 'mean_delay_months': (1.0,), 'cut_probability': (0.0,), 'cut_share': (0.2,)}
    """
    return {
        "late_probability": tuple(float(v) for v in table["late_pct"].fillna(0).to_numpy() / 100),
        "mean_delay_months": tuple(
            float(v) for v in table["mean_delay"].fillna(1).clip(lower=1).to_numpy()
        ),
        "cut_probability": tuple(float(v) for v in table["cut_pct"].fillna(0).to_numpy() / 100),
        "cut_share": tuple(float(v) for v in table["cut_share_pct"].fillna(0).to_numpy() / 100),
    }


def section_with_delays(
    section: TreasurySection, source_ids: Sequence[str], params: Mapping[str, Sequence[float]]
) -> tuple[TreasurySection | None, list[Issue]]:
    """The section with one delay assumption per funder (the default for all funders kept)."""
    rows = [
        {"source_id": str(sid), **{name: float(params[name][k]) for name in DELAY_FIELDS}}
        for k, sid in enumerate(source_ids)
    ]
    default = [d.model_dump() for d in section.delays if not d.source_id]
    return validate_as(
        TreasurySection, {**section.model_dump(), "delays": default + rows}, prefix=("treasury",)
    )

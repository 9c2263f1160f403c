"""The treasury assumptions as form values and editable tables, and back.

Where it sits: between :class:`~essdiag.treasury.section.TreasurySection` and
the forms of the "Trésorerie" screen. The hand-entered flows are a
January–December table; the funders' delay assumptions a table with one row
per scheduled funder, in percent. Reading them back validates the section and
returns French issues located by table, line and column instead of raising,
whatever the cells hold.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from essdiag.errors import Issue
from essdiag.finance.section import number_cell, readable_issues
from essdiag.i18n import N_
from essdiag.treasury.inputs import delay_vectors
from essdiag.treasury.section import TreasurySection
from essdiag.validation import validate_as

__all__ = [
    "DELAY_COLUMNS",
    "DELAY_FIELDS",
    "delay_params",
    "delays_table",
    "manual_flows_table",
    "section_from_form",
    "section_with_delays",
]

DELAY_FIELDS = ("late_probability", "mean_delay_months", "cut_probability", "cut_share")

FLOWS_TABLE = N_("Flux mensuels saisis")
DELAYS_TABLE = N_("Hypothèses de retard des financeurs")
FLOW_COLUMNS = {"charges": N_("Décaissements (€)"), "income": N_("Encaissements (€)")}
DELAY_COLUMNS = {
    "late_pct": N_("Probabilité de retard (%)"),
    "mean_delay": N_("Retard moyen (mois)"),
    "cut_pct": N_("Probabilité de baisse (%)"),
    "cut_share_pct": N_("Baisse si elle survient (%)"),
}
"""Columns of :func:`delays_table` and their French headers."""

_NOT_A_NUMBER = N_("« {value} » n'est pas un nombre.")


def _cells(
    table: pd.DataFrame, column: str, *, file: str, header: str, blank: float
) -> tuple[list[float], list[Issue]]:
    """The numbers of a column (a blank cell is ``blank``), and an issue per cell that is not one."""
    values: list[float] = []
    issues: list[Issue] = []
    cells = list(table[column]) if column in table.columns else []
    for line, value in enumerate(cells, start=1):
        try:
            number = number_cell(value)
        except ValueError:
            issues.append(
                Issue(
                    code="treasury_not_a_number",
                    template=_NOT_A_NUMBER,
                    params={"value": str(value)[:40]},
                    file=file,
                    line=line,
                    column=header,
                )
            )
            number = None
        values.append(blank if number is None else number)
    return values, issues


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


def section_from_form(
    section: TreasurySection, fields: Mapping[str, Any], flows: pd.DataFrame
) -> tuple[TreasurySection | None, list[Issue]]:
    """The section with the form's assumptions, or None and the issues (in French).

    ``fields`` holds ``first_month``, ``horizon_months``, ``yearly_growth_pct``
    (percent), ``opening_cash``, ``dedicated_funds`` and ``minimum_cash``; the
    flows table is :func:`manual_flows_table`'s (blank cells count as 0; all
    zeros means no hand-entered flows).

    Example:
        >>> flows = pd.DataFrame({"month": ["janvier"], "charges": ["dix"], "income": [None]})
        >>> edited, issues = section_from_form(TreasurySection(), {}, flows)
        >>> edited, issues[0].line, issues[0].column
        (None, 1, 'Décaissements (€)')
    """
    charges, issues = _cells(
        flows, "charges", file=FLOWS_TABLE, header=FLOW_COLUMNS["charges"], blank=0.0
    )
    income, more = _cells(
        flows, "income", file=FLOWS_TABLE, header=FLOW_COLUMNS["income"], blank=0.0
    )
    issues += more
    growth = fields.get("yearly_growth_pct", section.yearly_growth * 100)
    data = {
        **section.model_dump(),
        "first_month": str(fields.get("first_month", section.first_month)).strip(),
        "horizon_months": fields.get("horizon_months", section.horizon_months),
        "yearly_growth": growth / 100 if isinstance(growth, int | float) else growth,
        "opening_cash": fields.get("opening_cash", section.opening_cash),
        "dedicated_funds": fields.get("dedicated_funds", section.dedicated_funds),
        "minimum_cash": fields.get("minimum_cash", section.minimum_cash),
        "monthly_charges": charges if any(charges) else [],
        "monthly_income": income if any(income) or any(charges) else [],
    }
    if issues:
        return None, issues
    edited, found = validate_as(TreasurySection, data, prefix=("treasury",))
    return edited, readable_issues(found)


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


_BOUNDS = {
    "late_pct": (0, 100),
    "mean_delay": (1, 24),
    "cut_pct": (0, 100),
    "cut_share_pct": (0, 100),
}
_OUT_OF_RANGE = N_("La valeur doit être comprise entre {low} et {high} (reçu : {value}).")


def delay_params(table: pd.DataFrame) -> tuple[dict[str, tuple[float, ...]] | None, list[Issue]]:
    """The Monte Carlo assumptions of an edited :func:`delays_table` (fractions; blanks: 0, 1 month).

    Returns None and the issues, located by line and column, when a cell is
    not a number or is out of its range (0–100 %, 1–24 months).

    Example:
        >>> t = pd.DataFrame({"source": ["a"], "late_pct": [30.0], "mean_delay": [None],
        ...                   "cut_pct": [float("nan")], "cut_share_pct": [20.0]})
        >>> delay_params(t)[0]
        {'late_probability': (0.3,), 'mean_delay_months': (1.0,), 'cut_probability': (0.0,), 'cut_share': (0.2,)}
        >>> delay_params(t.assign(late_pct=[130.0]))[1][0].column
        'Probabilité de retard (%)'
    """
    columns: dict[str, list[float]] = {}
    issues: list[Issue] = []
    for key, header in DELAY_COLUMNS.items():
        low, high = _BOUNDS[key]
        values, found = _cells(table, key, file=DELAYS_TABLE, header=header, blank=float(low))
        issues += found
        for line, value in enumerate(values, start=1):
            if not low <= value <= high:
                issues.append(
                    Issue(
                        code="treasury_delay_range",
                        template=_OUT_OF_RANGE,
                        params={"low": low, "high": high, "value": f"{value:g}"},
                        file=DELAYS_TABLE,
                        line=line,
                        column=header,
                    )
                )
        columns[key] = values
    if issues:
        return None, issues
    return {
        "late_probability": tuple(v / 100 for v in columns["late_pct"]),
        "mean_delay_months": tuple(float(v) for v in columns["mean_delay"]),
        "cut_probability": tuple(v / 100 for v in columns["cut_pct"]),
        "cut_share": tuple(v / 100 for v in columns["cut_share_pct"]),
    }, []


def section_with_delays(
    section: TreasurySection, source_ids: Sequence[str], params: Mapping[str, Sequence[float]]
) -> tuple[TreasurySection | None, list[Issue]]:
    """The section with one delay assumption per funder (the default for all funders kept)."""
    rows = [
        {"source_id": str(sid), **{name: float(params[name][k]) for name in DELAY_FIELDS}}
        for k, sid in enumerate(source_ids)
    ]
    default = [d.model_dump() for d in section.delays if not d.source_id]
    edited, issues = validate_as(
        TreasurySection, {**section.model_dump(), "delays": default + rows}, prefix=("treasury",)
    )
    return edited, readable_issues(issues)

"""The register as editable tables, and back: what the "Financements" screen edits.

Where it sits: between the section model and the screen's data editors. A
register table has one row per resource and one ``y<year>`` column per year;
a schedule table has one row per instalment (share in %). Reading the edited
tables back validates everything at once and returns French issues (negative
amounts, schedules that do not sum to 100 %, duplicate identifiers…) instead of
raising: nothing is saved until all is right.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

import pandas as pd

from essdiag.errors import Issue
from essdiag.funding.section import FundingSection
from essdiag.i18n import N_
from essdiag.validation import validate_as

__all__ = [
    "REGISTER_COLUMNS",
    "SCHEDULE_COLUMNS",
    "accounts_table",
    "register_table",
    "schedule_table",
    "section_from_tables",
]

REGISTER_COLUMNS = (
    "id",
    "name",
    "funder",
    "funder_type",
    "purpose",
    "earmarked",
    "account",
    "agreement_start",
    "agreement_end",
    "conditions",
)
SCHEDULE_COLUMNS = ("source_id", "kind", "share_pct", "month", "year_offset")
ACCOUNT_FIELDS = (
    "year",
    "equity",
    "dedicated_funds",
    "provisions",
    "long_term_debt",
    "fixed_assets_net",
    "current_assets",
    "current_liabilities",
    "cash",
    "overdraft",
    "result",
    "depreciation",
    "reversals",
    "disposals_net",
    "cash_charges",
)


def register_table(section: FundingSection, years: Sequence[int]) -> pd.DataFrame:
    """One row per resource: its fields, then one ``y<year>`` amount column per year."""
    rows = []
    for s in section.sources:
        row: dict[str, Any] = {c: getattr(s, c) for c in REGISTER_COLUMNS}
        row["funder_type"] = s.funder_type.value
        row["purpose"] = s.purpose.value
        for y in years:
            row[f"y{y}"] = s.amount(y) if any(a.year == y for a in s.amounts) else None
        rows.append(row)
    columns = [*REGISTER_COLUMNS, *[f"y{y}" for y in years]]
    table = pd.DataFrame(rows, columns=columns)
    for y in years:
        table[f"y{y}"] = table[f"y{y}"].astype("float64")
    table["earmarked"] = table["earmarked"].astype("bool")
    for c in ("agreement_start", "agreement_end"):
        table[c] = pd.to_datetime(table[c]).dt.date if len(table) else pd.Series(dtype="object")
    return table


def schedule_table(section: FundingSection) -> pd.DataFrame:
    """One row per instalment of every resource (share in %)."""
    rows = [
        {
            "source_id": s.id,
            "kind": i.kind.value,
            "share_pct": i.share * 100,
            "month": i.month,
            "year_offset": i.year_offset,
        }
        for s in section.sources
        for i in s.schedule
    ]
    table = pd.DataFrame(rows, columns=list(SCHEDULE_COLUMNS))
    table["share_pct"] = table["share_pct"].astype("float64")
    return table


def accounts_table(section: FundingSection) -> pd.DataFrame:
    """One row per hand-entered year of accounts."""
    return pd.DataFrame(
        [a.model_dump() for a in section.accounts], columns=list(ACCOUNT_FIELDS)
    ).astype({c: "float64" for c in ACCOUNT_FIELDS if c != "year"})


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if value is pd.NaT:
        return True
    return isinstance(value, str) and not value.strip()


def _date(value: Any) -> Any:
    if _blank(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return value  # a string: pydantic parses it or reports it


def _text(value: Any) -> str:
    return "" if _blank(value) else str(value).strip()


def section_from_tables(
    section: FundingSection,
    register: pd.DataFrame,
    schedule: pd.DataFrame,
    accounts: pd.DataFrame | None = None,
) -> tuple[FundingSection | None, list[Issue]]:
    """The section rebuilt from edited tables, or None and the issues found (in French).

    Empty rows (no identifier and no name) are ignored; plans and alliances are
    kept as they were.
    """
    year_columns = [c for c in register.columns if str(c).startswith("y") and str(c)[1:].isdigit()]
    instalments: dict[str, list[dict[str, Any]]] = {}
    for row in schedule.to_dict("records"):
        sid = _text(row.get("source_id"))
        if not sid:
            continue
        share = row.get("share_pct")
        instalments.setdefault(sid, []).append(
            {
                "kind": _text(row.get("kind")) or "instalment",
                "share": None if _blank(share) else round(float(share) / 100, 12),
                "month": None if _blank(row.get("month")) else row.get("month"),
                "year_offset": 0 if _blank(row.get("year_offset")) else row.get("year_offset"),
            }
        )
    sources = []
    for row in register.to_dict("records"):
        sid, name = _text(row.get("id")), _text(row.get("name"))
        if not sid and not name:
            continue
        amounts = [
            {"year": int(str(c)[1:]), "amount": float(row[c])}
            for c in year_columns
            if not _blank(row.get(c))
        ]
        sources.append(
            {
                "id": sid,
                "name": name,
                "funder": _text(row.get("funder")),
                "funder_type": _text(row.get("funder_type")),
                "purpose": _text(row.get("purpose")) or "operating",
                "earmarked": bool(row.get("earmarked"))
                if not _blank(row.get("earmarked"))
                else False,
                "account": _text(row.get("account")),
                "amounts": amounts,
                "agreement_start": _date(row.get("agreement_start")),
                "agreement_end": _date(row.get("agreement_end")),
                "schedule": instalments.pop(sid, []),
                "conditions": _text(row.get("conditions")),
            }
        )
    data = section.model_dump()
    data["sources"] = sources
    if accounts is not None:
        data["accounts"] = [
            {k: (None if _blank(v) else v) for k, v in row.items() if not _blank(v)}
            for row in accounts.to_dict("records")
            if not _blank(row.get("year"))
        ]
    issues: list[Issue] = []
    for orphan in sorted(instalments):
        issues.append(
            Issue(
                code="funding_schedule_orphan",
                template=N_("L'échéancier cite la ressource « {id} », absente du registre."),
                params={"id": orphan},
                field="funding.schedule",
            )
        )
    rebuilt, more = validate_as(FundingSection, data, prefix=("funding",))
    issues += more
    if issues:
        return None, issues
    return rebuilt, []

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
from essdiag.finance.section import number_cell, readable_issues
from essdiag.funding.section import FundingSection
from essdiag.i18n import N_
from essdiag.validation import validate_as

__all__ = [
    "REGISTER_COLUMNS",
    "SCHEDULE_COLUMNS",
    "accounts_table",
    "locate_issues",
    "register_table",
    "schedule_table",
    "section_from_tables",
]

REGISTER_TABLE = N_("Registre des financements")
SCHEDULE_TABLE = N_("Échéanciers de versement")
SCHEDULE_COLUMN_LABELS = {
    "kind": N_("Type de versement"),
    "share": N_("Part du montant annuel (%)"),
    "month": N_("Mois de versement (1 à 12)"),
    "year_offset": N_("Décalage en années"),
}
REGISTER_COLUMN_LABELS = {
    "id": N_("Identifiant"),
    "name": N_("Ressource"),
    "funder": N_("Financeur"),
    "funder_type": N_("Type de financeur"),
    "purpose": N_("Nature de la ressource"),
    "account": N_("Compte"),
    "agreement_start": N_("Début de convention"),
    "agreement_end": N_("Fin de convention"),
    "conditions": N_("Conditions"),
}

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
        # datetime64 (a blank is NaT, shown empty by the editor; a date object blank shows « None »)
        table[c] = pd.to_datetime(table[c]) if len(table) else pd.Series(dtype="datetime64[ns]")
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


def _number(value: Any, table: str, line: int, column: str) -> tuple[float | None, list[Issue]]:
    """A number cell of an edited table (None when blank), or the issue that says it is not one."""
    try:
        return number_cell(value), []
    except ValueError:
        header = SCHEDULE_COLUMN_LABELS.get(column, column)
        return None, [
            Issue(
                code="funding_not_a_number",
                template=N_("« {value} » n'est pas un nombre."),
                params={"value": str(value)[:40]},
                file=table,
                line=line,
                column=header,
            )
        ]


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
    year_columns = [
        c
        for c in dict.fromkeys(register.columns)
        if str(c).startswith("y") and str(c)[1:].isdigit() and len(str(c)) == 5
    ]
    issues: list[Issue] = []
    instalments: dict[str, list[dict[str, Any]]] = {}
    schedule_lines: dict[str, list[int]] = {}
    for line, row in enumerate(schedule.to_dict("records"), start=1):
        sid = _text(row.get("source_id"))
        if not sid:
            continue
        schedule_lines.setdefault(sid, []).append(line)
        share, bad = _number(row.get("share_pct"), SCHEDULE_TABLE, line, "share")
        issues += bad
        instalments.setdefault(sid, []).append(
            {
                "kind": _text(row.get("kind")) or "instalment",
                "share": None if share is None else round(share / 100, 12),
                "month": None if _blank(row.get("month")) else row.get("month"),
                "year_offset": 0 if _blank(row.get("year_offset")) else row.get("year_offset"),
            }
        )
    sources = []
    register_lines: list[int] = []
    for line, row in enumerate(register.to_dict("records"), start=1):
        sid, name = _text(row.get("id")), _text(row.get("name"))
        if not sid and not name:
            continue
        register_lines.append(line)
        amounts = []
        for c in year_columns:
            year = int(str(c)[1:])
            amount, bad = _number(row.get(c), REGISTER_TABLE, line, f"Montant {year} (€)")
            issues += bad
            if amount is not None:
                amounts.append({"year": year, "amount": amount})
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
    for orphan in sorted(instalments):
        issues.append(
            Issue(
                code="funding_schedule_orphan",
                template=N_("L'échéancier cite la ressource « {id} », absente du registre."),
                params={"id": orphan},
                file=SCHEDULE_TABLE,
                line=schedule_lines[orphan][0],
                column=N_("Identifiant de la ressource"),
                field="funding.schedule",
            )
        )
    if issues:  # cells that are not numbers: said first, nothing validated on guesses
        return None, issues
    rebuilt, more = validate_as(FundingSection, data, prefix=("funding",))
    issues += readable_issues(locate_issues(more, sources, register_lines, schedule_lines))
    if issues:
        return None, issues
    return rebuilt, []


def locate_issues(
    issues: Sequence[Issue],
    sources: Sequence[dict[str, Any]],
    register_lines: Sequence[int],
    schedule_lines: dict[str, list[int]],
) -> list[Issue]:
    """The validation issues of the rebuilt register, pointed at the edited tables.

    An issue on ``funding.sources.<i>…`` gets the table (register or schedule),
    its 1-based line and the column's French header; a share out of range is
    restated in % (the table's unit), and a schedule that does not sum to 100 %
    lists the schedule's lines of that resource.

    Example:
        >>> from essdiag.errors import Issue
        >>> raw = Issue(code="funding_negative_amount", template="…", field="funding.sources.0.amounts.0")
        >>> i = locate_issues([raw], [{"id": "r", "name": "Région", "amounts": [{"year": 2026}]}],
        ...                   [3], {})[0]
        >>> i.file, i.line, i.column
        ('Registre des financements', 3, 'Montant 2026 (€)')
    """
    out: list[Issue] = []
    for issue in issues:
        parts = (issue.field or "").split(".")
        if len(parts) < 3 or parts[1] != "sources" or not parts[2].isdigit():
            out.append(issue)
            continue
        i = int(parts[2])
        if i >= len(sources):
            out.append(issue)
            continue
        source = sources[i]
        sid, rest = str(source.get("id", "")), parts[3:]
        update: dict[str, Any] = {"file": REGISTER_TABLE, "line": register_lines[i]}
        params = dict(issue.params)
        if rest[:1] == ["amounts"] and len(rest) >= 2 and rest[1].isdigit():
            year = source["amounts"][int(rest[1])]["year"]
            update["column"] = f"Montant {year} (€)"
            if issue.code == "funding_negative_amount":
                update["template"] = N_(
                    "Le montant {year} de « {name} » ne peut pas être négatif (reçu : {amount} €) : "
                    "saisissez un montant positif ou nul."
                )
                params["name"] = source.get("name") or sid
        elif rest[:1] == ["schedule"] and len(rest) >= 2 and rest[1].isdigit():
            j = int(rest[1])
            lines = schedule_lines.get(sid, [])
            update["file"] = SCHEDULE_TABLE
            if j < len(lines):
                update["line"] = lines[j]
            field_name = rest[2] if len(rest) > 2 else ""
            update["column"] = SCHEDULE_COLUMN_LABELS.get(field_name, field_name) or None
            if field_name == "share" and issue.code in {"less_than_equal", "greater_than"}:
                value = source["schedule"][j].get("share")
                update["template"] = N_(
                    "La part de « {name} » doit être comprise entre 0 et 100 % (reçu : {value} %)."
                )
                params = {
                    "name": source.get("name") or sid,
                    "value": "" if value is None else float(value) * 100,
                }
        elif issue.code == "funding_schedule_sum" and schedule_lines.get(sid):
            lines = schedule_lines[sid]
            update.update(
                {
                    "file": SCHEDULE_TABLE,
                    "line": lines[0],
                    "column": SCHEDULE_COLUMN_LABELS["share"],
                }
            )
            update["template"] = N_(
                "Les versements de « {name} » (lignes {lines} de l'échéancier) totalisent "
                "{total} % du montant annuel au lieu de 100 % : les parts doivent couvrir "
                "exactement la subvention."
            )
            params["lines"] = ", ".join(str(n) for n in lines)
        elif rest and rest[0] in REGISTER_COLUMN_LABELS:
            update["column"] = REGISTER_COLUMN_LABELS[rest[0]]
        elif issue.code == "funding_agreement_dates":
            update["column"] = REGISTER_COLUMN_LABELS["agreement_end"]
            # The dates as dates (validation passes them on as text), written the reader's way.
            params.update(start=source.get("agreement_start"), end=source.get("agreement_end"))
        else:
            update["column"] = REGISTER_COLUMN_LABELS["name"]
        update["params"] = params
        out.append(issue.model_copy(update=update))
    return out

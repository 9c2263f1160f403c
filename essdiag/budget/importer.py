"""Import a budget from any spreadsheet: one row per heading or account, one column per month.

Where it sits: bytes → :func:`essdiag.ledger.generic.read_table` (every cell as
text, the guards of :mod:`essdiag.guards`) → the user maps columns, as for the
accounts (:func:`suggest_budget_mapping` proposes one: which column holds the
account or heading, which the label, which twelve the months, whatever their
headers say: « Janvier », « janv. 26 », « Jan », « 2026-01 », « 01/2026 », «
M1 ») → :func:`lines_from_mapping` → budget lines, with every problem located
by line and column. Amounts follow the one rule of the accounts
(:func:`essdiag.ledger.cells.parse_amounts`: decimal comma or dot, spaces as
thousands separators, no exponent), so a file exported by any spreadsheet
imports without being edited.

A cell « 60 – Achats » in the account column is the heading 60 with its
label; rows without an account that say « Total » are skipped (and counted);
rows without an account and without amounts (section titles) are skipped.

Linear in the number of rows: the month columns are parsed as whole columns
and the lines validated at once as a list, in pydantic-core.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from essdiag.budget.section import BudgetLine
from essdiag.errors import Issue, Severity
from essdiag.i18n import N_, Money
from essdiag.ledger.cells import decimal_mark, parse_amounts
from essdiag.ledger.generic import row_issues, row_lines
from essdiag.periods import FiscalYear

__all__ = [
    "BudgetMapping",
    "lines_from_mapping",
    "month_of_header",
    "suggest_budget_mapping",
]

_LINES: Final = TypeAdapter(list[BudgetLine])

MAX_LISTED: Final = 200
"""At most this many issues of one kind are listed."""

_MONTH_WORDS: Final[dict[str, int]] = {
    **dict.fromkeys(("janvier", "janv", "jan", "january", "ja"), 1),
    **dict.fromkeys(("fevrier", "fevr", "fev", "feb", "february", "fe"), 2),
    **dict.fromkeys(("mars", "mar", "march"), 3),
    **dict.fromkeys(("avril", "avr", "apr", "april", "av"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juin", "jun", "june"), 6),
    **dict.fromkeys(("juillet", "juil", "jul", "july"), 7),
    **dict.fromkeys(("aout", "aou", "aug", "august"), 8),
    **dict.fromkeys(("septembre", "sept", "sep", "september"), 9),
    **dict.fromkeys(("octobre", "oct", "october"), 10),
    **dict.fromkeys(("novembre", "nov", "november"), 11),
    **dict.fromkeys(("decembre", "dec", "december"), 12),
}


class BudgetMapping(BaseModel):
    """Which column of a budget spreadsheet holds what.

    Attributes:
        account: the account or heading (« 6063 », « 64 », « 60 – Achats »).
        label, heading, analytic, funder: optional columns ("" = none).
        months: the twelve month columns in the fiscal year's order ("" for
            a month the file does not have: 0).
        total: a column checked against the sum of the months ("" = none).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    account: str = Field(default="", title=N_("Colonne compte ou rubrique"))
    label: str = Field(default="", title=N_("Colonne libellé"))
    heading: str = Field(default="", title=N_("Colonne rubrique"))
    analytic: str = Field(default="", title=N_("Colonne code analytique"))
    funder: str = Field(default="", title=N_("Colonne financeur"))
    months: list[str] = Field(
        default_factory=lambda: [""] * 12, title=N_("Colonnes des douze mois")
    )
    total: str = Field(default="", title=N_("Colonne total"))


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", folded).split())


def month_of_header(header: str) -> int | None:
    """The calendar month (1–12) a column header names, or None.

    Example:
        >>> [month_of_header(h) for h in ("Janvier", "janv. 26", "FEB", "2026-03", "04/2026",
        ...                               "M5", "Total", "Compte")]
        [1, 1, 2, 3, 4, 5, None, None]
    """
    plain = _plain(header)
    if not plain:
        return None
    words = plain.split()
    if words[0] in _MONTH_WORDS:
        return _MONTH_WORDS[words[0]]
    match = re.fullmatch(r"(\d{4}) (\d{1,2})|(\d{1,2}) (\d{4})|m ?(\d{1,2})|(\d{1,2})", plain)
    if match is None:
        match = re.fullmatch(r"m(\d{1,2})", plain.replace(" ", ""))
        if match is None:
            return None
    number = next(int(g) for g in reversed(match.groups()) if g is not None and len(g) <= 2)
    return number if 1 <= number <= 12 else None


_GUESSES: Final[dict[str, tuple[str, ...]]] = {
    "account": (
        "compte",
        "comptes",
        "account",
        "rubrique compte",
        "numero",
        "code compte",
        "poste",
    ),
    "label": ("libelle", "intitule", "label", "designation", "nature", "poste budgetaire"),
    "heading": ("rubrique", "heading", "chapitre"),
    "analytic": ("code analytique", "analytique", "activite", "projet", "action", "section"),
    "funder": ("financeur", "funder", "organisme"),
    "total": ("total", "total annuel", "annuel", "budget annuel"),
}


def suggest_budget_mapping(columns: list[str], fiscal_year: FiscalYear) -> BudgetMapping:
    """A first guess of the mapping from the column names (the template's are found at once).

    The month columns are the headers :func:`month_of_header` reads, put in
    the fiscal year's order; the account column is the first whose name says
    so, else the first column that is not a month.

    Example:
        >>> m = suggest_budget_mapping(["Poste", "Libellé", "Janv.", "Févr.", "Mars", "Total"],
        ...                            FiscalYear(label_year=2026))
        >>> m.account, m.label, m.months[:4], m.total
        ('Poste', 'Libellé', ['Janv.', 'Févr.', 'Mars', ''], 'Total')
        >>> suggest_budget_mapping(["Poste budgétaire", "Janv."], FiscalYear(label_year=2026)).account
        'Poste budgétaire'

    """
    order = [m for _y, m in fiscal_year.months()]
    months = [""] * 12
    month_columns = set()
    for column in columns:
        month = month_of_header(column)
        if month is not None and not months[order.index(month)]:
            months[order.index(month)] = column
            month_columns.add(column)
    found: dict[str, str] = {}
    others = [c for c in columns if c not in month_columns]
    for role, guesses in _GUESSES.items():
        for column in others:
            if column in found.values():
                continue
            if _plain(column) in guesses:
                found[role] = column
                break
    if "account" not in found:
        rest = [c for c in others if c not in found.values()]
        if rest:
            found["account"] = rest[0]
        elif "label" in found:  # one column « 60 – Achats »: the account and its label
            found["account"] = found.pop("label")
    return BudgetMapping(**found, months=months)


def _column(raw: pd.DataFrame, name: str) -> pa.Array:
    values = raw[name]
    if isinstance(values, pd.DataFrame):
        values = values.iloc[:, 0]
    if not isinstance(values.dtype, pd.StringDtype):  # a frame built by hand (tests, the screen)
        values = values.fillna("").astype("str")
    # The reader's text columns are Arrow-backed: handed over without a Python object per cell.
    found = pa.array(values, type=pa.string(), from_pandas=True)
    if isinstance(found, pa.ChunkedArray):
        found = found.combine_chunks()
    return pc.fill_null(found, "") if found.null_count else found


def _mapping_issues(raw: pd.DataFrame, mapping: BudgetMapping, file: str | None) -> list[Issue]:
    columns = set(raw.columns)
    issues = []
    if not mapping.account or mapping.account not in columns:
        issues.append(
            Issue(
                code="budget_mapping_missing",
                template=N_(
                    "Choisissez la colonne qui tient le compte ou la rubrique (6063, 64, « 60 – "
                    "Achats ») : elle est obligatoire."
                ),
                file=file,
            )
        )
    if not any(mapping.months):
        issues.append(
            Issue(
                code="budget_mapping_months",
                template=N_(
                    "Aucune colonne de mois n'est choisie : indiquez quelle colonne tient chaque "
                    "mois (les en-têtes « Janvier », « janv. », « 2026-01 »… sont reconnus)."
                ),
                file=file,
            )
        )
    named = [mapping.label, mapping.heading, mapping.analytic, mapping.funder, mapping.total]
    issues += [
        Issue(
            code="mapping_unknown_column",
            template=N_("La colonne « {name} » n'existe pas dans le fichier."),
            params={"name": name},
            file=file,
        )
        for name in [*named, *mapping.months]
        if name and name not in columns
    ]
    return issues


def lines_from_mapping(  # noqa: PLR0915 - one step per column role
    raw: pd.DataFrame, mapping: BudgetMapping, fiscal_year: FiscalYear, *, file: str | None = None
) -> tuple[list[BudgetLine], list[Issue]]:
    """Budget lines from a text table (:func:`essdiag.ledger.generic.read_table`) and a mapping.

    Rows with an invalid account or a month that is not an amount are set
    aside and reported with their line and column; a total that is not the
    sum of the months is a warning (the months are kept).

    Example:
        >>> raw = pd.DataFrame({"Poste": ["60 – Achats", "Total charges", "74"],
        ...     "Jan": ["1 000,50", "1 000,50", "1200"], "Feb": ["", "", "1200.00"]})
        >>> m = suggest_budget_mapping(list(raw.columns), FiscalYear(label_year=2026))
        >>> lines, issues = lines_from_mapping(raw, m, FiscalYear(label_year=2026))
        >>> [(ln.account, ln.label, ln.total) for ln in lines], [i.code for i in issues]
        ([('60', 'Achats', 1000.5), ('74', '', 2400.0)], ['budget_totals_skipped'])
    """
    issues = _mapping_issues(raw, mapping, file)
    if issues:
        return [], issues
    n = len(raw)
    keep = np.ones(n, dtype=bool)
    counts: dict[str, int] = {}

    def flag(bad: np.ndarray, code: str, template: str, column: str, values: pa.Array) -> None:
        rows = np.flatnonzero(bad & keep)
        already = counts.get(code, 0)
        shown = rows[: max(0, MAX_LISTED - already)]
        counts[code] = already + rows.size
        texts = values.take(pa.array(shown)).to_pylist() if shown.size else []
        issues.extend(
            row_issues(raw, shown, texts, code=code, template=template, column=column, file=file)
        )
        keep[rows] = False

    cell = pc.utf8_trim_whitespace(_column(raw, mapping.account))
    digits = pc.extract_regex(cell, r"^(?P<account>[0-9]{2,})\s*[-–—:.]?\s*(?P<rest>.*)$")
    account = pc.fill_null(pc.struct_field(digits, "account"), "")
    rest = pc.fill_null(pc.struct_field(digits, "rest"), "")
    month_cents = np.zeros((12, n), dtype=np.int64)
    # One decimal mark for the whole file (a column of « 1.230 » alone does not decide it).
    amount_columns = [_column(raw, c) for c in (*mapping.months, mapping.total) if c]
    mark = decimal_mark(pa.chunked_array(amount_columns, pa.string())) if amount_columns else ","
    for i, name in enumerate(mapping.months):
        if not name:
            continue
        values = _column(raw, name)
        found = parse_amounts(values, mark)
        flag(
            found.ambiguous,
            "budget_amount_ambiguous",
            N_(
                "Montant « {value} » ambigu : le fichier écrit les décimales avec l'autre "
                "séparateur (virgule ou point). Ligne mise de côté."
            ),
            name,
            values,
        )
        flag(
            ~found.valid & ~found.ambiguous,
            "budget_amount",
            N_("Montant non numérique « {value} » : ligne mise de côté."),
            name,
            values,
        )
        month_cents[i] = found.cents
    has_account = np.asarray(pc.not_equal(account, "").to_numpy(zero_copy_only=False), dtype=bool)
    empty_months = ~month_cents.any(axis=0)
    text = np.asarray(cell.to_numpy(zero_copy_only=False), dtype=object)
    says_total = np.asarray(
        pc.match_substring(pc.utf8_lower(cell), "total").to_numpy(zero_copy_only=False),
        dtype=bool,
    )
    totals = ~has_account & says_total
    blank = ~has_account & empty_months & ~says_total
    keep &= ~blank & ~totals
    if totals.any():
        issues.append(
            Issue(
                code="budget_totals_skipped",
                template=N_("{count} ligne(s) de total sans compte ignorée(s)."),
                params={"count": int(totals.sum())},
                severity=Severity.INFO,
                file=file,
            )
        )
    first = pc.utf8_slice_codeunits(account, 0, 1)
    known = np.asarray(
        pc.is_in(first, pa.array(["6", "7", "8"])).to_numpy(zero_copy_only=False), dtype=bool
    )
    flag(
        ~known,
        "budget_account",
        N_(
            "Compte « {value} » invalide (un compte de charges 6, de produits 7 ou de "
            "contributions 86/87) : ligne mise de côté."
        ),
        mapping.account,
        pa.array(text, pa.string()),
    )
    label = _column(raw, mapping.label) if mapping.label else rest
    label = pc.utf8_trim_whitespace(label)
    if mapping.label:  # « 60 – Achats » with an empty label column: the cell's text
        label = pc.if_else(pc.equal(label, ""), rest, label)
    heading = (
        pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(_column(raw, mapping.heading)), 0, 2)
        if mapping.heading
        else None
    )
    analytic = pc.utf8_trim_whitespace(_column(raw, mapping.analytic)) if mapping.analytic else None
    funder = pc.utf8_trim_whitespace(_column(raw, mapping.funder)) if mapping.funder else None
    if mapping.total:
        total_values = _column(raw, mapping.total)
        total = parse_amounts(total_values, mark)
        sums = month_cents.sum(axis=0)
        off = keep & total.valid & (np.abs(total.cents - sums) > 1) & ~empty_months
        rows = np.flatnonzero(off)
        for r, line in zip(rows[:MAX_LISTED], row_lines(raw, rows[:MAX_LISTED]), strict=True):
            issues.append(
                Issue(
                    code="budget_total",
                    template=N_(
                        "Le total {total} ne fait pas la somme des mois ({sum}) ; les mois sont "
                        "retenus."
                    ),
                    params={
                        "total": Money.of_cents(int(total.cents[r])),
                        "sum": Money.of_cents(int(sums[r])),
                    },
                    severity=Severity.WARNING,
                    file=file,
                    line=line,
                    column=mapping.total,
                )
            )
    lines = _make_lines(keep, account, label, heading, analytic, funder, month_cents)
    set_aside = [k for k in counts if counts[k] > MAX_LISTED]
    for code in set_aside:
        issues.append(
            Issue(
                code="more_issues",
                template=N_("… et {more} autre(s) problème(s) du même type, non listés."),
                params={"more": counts[code] - MAX_LISTED},
                file=file,
            )
        )
    return lines, issues


def _make_lines(  # noqa: PLR0917 - the columns of a line
    keep: np.ndarray,
    account: pa.Array,
    label: pa.Array,
    heading: pa.Array | None,
    analytic: pa.Array | None,
    funder: pa.Array | None,
    month_cents: np.ndarray,
) -> list[BudgetLine]:
    """The kept rows as budget lines, validated at once as a list (the rules were checked on columns)."""
    rows = np.flatnonzero(keep)
    take = pa.array(rows)

    def texts(values: pa.Array | None) -> list[str]:
        if values is None:
            return [""] * rows.size
        return [str(v or "") for v in values.take(take).to_pylist()]

    heads = [h if h[:2].isdigit() and len(h) == 2 else "" for h in texts(heading)]
    months = (month_cents[:, rows].T / 100).tolist()
    rows_ = [
        {"account": a, "label": lab, "heading": h, "analytic": an, "funder": f, "months": m}
        for a, lab, h, an, f, m in zip(
            texts(account), texts(label), heads, texts(analytic), texts(funder), months, strict=True
        )
    ]
    return _LINES.validate_python(rows_)  # in pydantic-core: faster than a construct per row

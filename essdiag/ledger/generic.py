"""Generic actuals from a CSV or XLSX file, through a column mapping.

Where it sits: bytes → :func:`read_table` (every cell as text, with the
issues of reading) → the user maps columns (:func:`suggest_mapping` proposes
one; the mapping is remembered in the dossier's ledger section) →
:func:`apply_mapping` → the canonical ledger of :mod:`essdiag.ledger`.

Cells are converted with the same vectorised functions as the FEC reader
(:mod:`essdiag.ledger.cells`): amounts to exact cents, dates, trimmed text.
"""

from __future__ import annotations

import logging
import unicodedata
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from essdiag.errors import Issue, Severity
from essdiag.guards import (
    TABLE_LIMITS,
    FileKind,
    Limits,
    kind_issue,
    open_workbook,
    sheet_rows,
    size_issue,
    sniff,
)
from essdiag.guards import reader as guarded_reader
from essdiag.i18n import N_
from essdiag.ledger.cells import (
    account_is_known,
    dates_from_text,
    detect_encoding,
    numbered_names,
    optional_text,
    parse_amounts,
    trimmed,
    workbook_cell_text,
)
from essdiag.ledger.fec import MAX_ISSUES_PER_CODE
from essdiag.ledger.fec_parse import line_numbers
from essdiag.ledger.frame import ledger_from_table, opening_flags
from essdiag.ledger.section import ColumnMapping, SignRule

__all__ = [
    "MAX_TABLE_BYTES",
    "RowLines",
    "apply_mapping",
    "read_table",
    "row_issues",
    "row_lines",
    "suggest_mapping",
    "unique_names",
]

MAX_TABLE_BYTES: Final = TABLE_LIMITS.max_bytes
"""Largest CSV/XLSX accepted (:data:`essdiag.guards.TABLE_LIMITS`)."""

log = logging.getLogger("essdiag.readers")

_GUESSES: Final[dict[str, tuple[str, ...]]] = {
    "date": ("date", "ecrituredate", "dateecriture", "datepiece", "jour"),
    "account": (
        "compte",
        "comptenum",
        "numerocompte",
        "account",
        "compte general",
        "n compte",  # « N° compte » (the ° is dropped)
        "no compte",
        "num compte",
        "numero de compte",
    ),
    "label": ("libelle", "ecriturelib", "libelleecriture", "intitule", "label", "designation"),
    "account_label": ("comptelib", "libellecompte", "intitulecompte"),
    "journal": ("journal", "journalcode", "codejournal"),
    "entry": ("ecriturenum", "numero", "piece", "numeroecriture", "entry", "n piece", "no piece"),
    "analytic": ("analytique", "codeanalytique", "axe", "section", "activite", "projet"),
    "amount": ("montant", "amount", "solde", "valeur"),
    "debit": ("debit", "debits"),
    "credit": ("credit", "credits"),
}


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in text if ch.isalnum() or ch == " ").strip()


def suggest_mapping(columns: list[str]) -> ColumnMapping:
    """A first guess of the mapping from the column names.

    Example:
        >>> m = suggest_mapping(["Date", "Compte", "Libellé", "Débit", "Crédit", "Code analytique"])
        >>> m.date, m.account, m.debit, m.credit, m.analytic
        ('Date', 'Compte', 'Débit', 'Crédit', 'Code analytique')
        >>> suggest_mapping(["Jour", "N° compte", "Intitulé", "Montant"]).account
        'N° compte'
    """
    normalised = {c: _norm(c).replace(" ", "") for c in columns}
    found: dict[str, str] = {}
    for target, guesses in _GUESSES.items():
        for col, norm in normalised.items():
            if col in found.values():
                continue
            if norm in {g.replace(" ", "") for g in guesses}:
                found[target] = col
                break
    if "debit" in found and "credit" in found:
        found.pop("amount", None)
    return ColumnMapping(**found)


def _issue(code: str, template: str, file: str | None, **params: Any) -> Issue:
    return Issue(code=code, template=template, params=params, file=file)


class RowLines:
    """The file's line of each row of a table read, kept in the frame's ``attrs``.

    Immutable and shared: pandas copies ``attrs`` with every derived frame,
    and copying a million line numbers each time would cost more than the work.
    """

    __slots__ = ("lines",)

    def __init__(self, lines: np.ndarray) -> None:
        self.lines = lines

    def __deepcopy__(self, memo: dict[int, Any]) -> RowLines:
        return self

    def of(self, rows: np.ndarray) -> list[int]:
        """The lines of some rows."""
        return [int(x) for x in self.lines[rows]]


def row_lines(raw: pd.DataFrame, rows: np.ndarray) -> list[int]:
    """The file's lines of some rows of a table from :func:`read_table` (header = line 1)."""
    known = raw.attrs.get("lines")
    if isinstance(known, RowLines):
        return known.of(rows)
    return [int(r) + 2 for r in rows]


def row_issues(
    raw: pd.DataFrame,
    rows: np.ndarray,
    values: list[Any],
    *,
    code: str,
    template: str,
    column: str,
    file: str | None,
) -> list[Issue]:
    """One located issue per row set aside, quoting its cell (cut to 80 characters)."""
    return [
        Issue(
            code=code,
            template=template,
            params={"value": str(value)[:80]},
            file=file,
            line=line,
            column=column,
        )
        for line, value in zip(row_lines(raw, rows), values, strict=True)
    ]


def unique_names(header: list[str]) -> tuple[list[str], list[Issue]]:
    """Column names a table can hold: blanks named « Colonne 3 », doubles numbered.

    A second « Montant » becomes « Montant (2) », so the mapping step can
    offer both; the warning says so. Linear in the number of columns.

    Example:
        >>> unique_names(["Date", "", "Montant", "Montant"])[0]
        ['Date', 'Colonne 2', 'Montant', 'Montant (2)']
    """
    names = [h.strip() or f"Colonne {i + 1}" for i, h in enumerate(header)]
    out, doubled = numbered_names(names)
    issues = []
    if doubled:
        issues.append(
            Issue(
                code="table_column_duplicate",
                template=N_(
                    "Colonnes de même nom : {names}. Elles sont numérotées « (2) », « (3) »… "
                    "pour que vous choisissiez la bonne."
                ),
                params={"names": ", ".join(doubled)[:200]},
                severity=Severity.WARNING,
                line=1,
            )
        )
    return out, issues


_UNREADABLE = N_(
    "Le fichier ne peut pas être lu comme un tableau : sa structure de texte est invalide "
    "(guillemets non refermés, retours à la ligne dans une cellule, octets inattendus). "
    "Enregistrez-le de nouveau au format CSV (séparateur point-virgule) depuis votre tableur."
)


def _csv_table(  # noqa: PLR0911 - a return per refusal
    data: bytes, file: str | None, limits: Limits
) -> tuple[pd.DataFrame | None, list[Issue]]:
    head = data[: 1 << 20]
    encoding = detect_encoding(head)
    end = head.find(b"\n")
    if end < 0 and len(data) > len(head):
        return None, [
            Issue(
                code="table_line_too_long",
                template=N_("La première ligne dépasse {limit} Mo : ce n'est pas un tableau."),
                params={"limit": len(head) >> 20},
                file=file,
                line=1,
            )
        ]
    first = head[: end if end >= 0 else len(head)].decode(encoding, errors="replace")
    first = first.lstrip("\ufeff").rstrip("\r")
    counts = {sep: first.count(sep) for sep in (";", "\t", "|", ",")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        return None, [
            Issue(
                code="table_separator",
                template=N_(
                    "Séparateur de colonnes introuvable dans la première ligne "
                    "(attendu ; , tabulation ou |)."
                ),
                file=file,
                line=1,
            )
        ]
    if counts[sep] + 1 > limits.max_columns:
        return None, [
            Issue(
                code="table_too_many_columns",
                template=N_(
                    "La première ligne a {count} colonnes : un tableau en a au plus {limit}."
                ),
                params={"count": counts[sep] + 1, "limit": limits.max_columns},
                file=file,
                line=1,
            )
        ]
    header = [h.strip().strip('"') for h in first.split(sep)]
    names, dup = unique_names(header)
    issues = [i.model_copy(update={"file": file}) for i in dup]
    bad: list[tuple[int | None, int]] = []

    def on_invalid(row: Any) -> str:
        number = getattr(row, "number", None)
        bad.append((int(number) if number is not None else None, int(row.actual_columns)))
        return "skip"

    try:
        table = _read_csv(data, names, sep, encoding, on_invalid)
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc) and encoding.startswith("utf-8"):
            try:
                bad.clear()
                encoding = "cp1252"
                table = _read_csv(data, names, sep, encoding, on_invalid)
            except (pa.ArrowException, UnicodeDecodeError, LookupError, ValueError):
                return None, [*issues, _issue("table_unreadable", _UNREADABLE, file)]
        else:
            log.info("table unreadable: %s: %s", file, str(exc)[:300])
            return None, [*issues, _issue("table_unreadable", _UNREADABLE, file)]
    except (pa.ArrowException, UnicodeDecodeError, LookupError, ValueError) as exc:
        log.info("table unreadable: %s: %s", file, str(exc)[:300])
        return None, [*issues, _issue("table_unreadable", _UNREADABLE, file)]
    if table.num_rows > limits.max_rows:
        return None, [
            *issues,
            Issue(
                code="table_too_many_rows",
                template=N_("Le tableau a {count} lignes : au plus {limit} sont acceptées."),
                params={"count": table.num_rows, "limit": limits.max_rows},
                file=file,
            ),
        ]
    issues += [
        Issue(
            code="table_field_count",
            template=N_("Ligne mise de côté : {actual} champ(s) au lieu de {expected}."),
            params={"actual": n, "expected": len(names)},
            file=file,
            line=line,
        )
        for line, n in bad[:MAX_ISSUES_PER_CODE]
    ]
    frame: pd.DataFrame = table.to_pandas()
    frame.attrs["set_aside"] = len(bad)
    lines = line_numbers(len(frame), [b[0] for b in bad if b[0] is not None])
    if lines is not None:
        frame.attrs["lines"] = RowLines(lines)
    return frame, issues


def _read_csv(data: bytes, names: list[str], sep: str, encoding: str, handler: Any) -> pa.Table:
    """Every cell as text (quotes as a spreadsheet writes them), bad rows to ``handler``."""
    return pacsv.read_csv(
        pa.py_buffer(data),
        read_options=pacsv.ReadOptions(
            column_names=names,
            skip_rows=1,
            encoding="utf8" if encoding.startswith("utf-8") else encoding,
            use_threads=False,
            block_size=4 << 20,
        ),
        parse_options=pacsv.ParseOptions(delimiter=sep, invalid_row_handler=handler),
        convert_options=pacsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
            null_values=[],
            auto_dict_encode=False,
        ),
    )


def _xlsx_table(
    data: bytes, file: str | None, sheet: str | None, limits: Limits
) -> tuple[pd.DataFrame | None, list[Issue]]:
    wb, issues = open_workbook(data, limits, file=file)
    if wb is None:
        return None, issues
    try:
        names = list(wb.sheetnames)
        ws = wb[sheet] if sheet and sheet in names else wb.worksheets[0] if names else None
        if ws is None:
            return None, [_issue("table_empty", N_("Le fichier est vide."), file)]
        rows, found = sheet_rows(ws, limits, file=file)
    finally:
        wb.close()
    issues += found
    numbered = [
        (i + 1, [workbook_cell_text(v) for v in row])
        for i, row in enumerate(rows)
        if any(v is not None and str(v).strip() for v in row)
    ]
    if not numbered:
        return None, [*issues, _issue("table_empty", N_("Le fichier est vide."), file)]
    (_first, head), body = numbered[0], numbered[1:]
    names, dup = unique_names(head)
    issues += [i.model_copy(update={"file": file}) for i in dup]
    width = len(names)
    frame = pd.DataFrame(
        {
            name: pd.Series([(r + [""] * width)[k] for _line, r in body], dtype="str")
            for k, name in enumerate(names)
        }
    )
    frame.attrs["set_aside"] = 0
    lines = np.asarray([line for line, _r in body], dtype=np.int64)
    if not np.array_equal(lines, np.arange(len(body)) + 2):
        frame.attrs["lines"] = RowLines(lines)
    return frame, issues


@guarded_reader
def read_table(
    data: bytes,
    *,
    file: str | None = None,
    sheet: str | None = None,
    limits: Limits = TABLE_LIMITS,
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Every cell of a CSV or XLSX file as text (the sheet named ``sheet``, else the first).

    Returns ``(frame, issues)``; frame is None when nothing could be read.
    Column names are unique (doubles numbered, blanks named); the frame's
    ``attrs["lines"]`` holds the line of the file of each row when it is not
    simply row + 2 (lines set aside, blank rows of a sheet).

    Example:
        >>> f, issues = read_table("Date;Compte;Montant\\n2026-01-31;606;12,5\\n".encode())
        >>> list(f.columns), f.iloc[0].tolist(), issues
        (['Date', 'Compte', 'Montant'], ['2026-01-31', '606', '12,5'], [])
    """
    too_large = size_issue(len(data), limits, file=file)
    if too_large is not None:
        return None, [too_large]
    kind = sniff(data[:65536])
    if kind is FileKind.EMPTY or (kind is FileKind.TEXT and data.isspace()):
        return None, [_issue("table_empty", N_("Le fichier est vide."), file)]
    if kind is FileKind.ZIP:
        return _xlsx_table(data, file, sheet, limits)
    if kind is not FileKind.TEXT:
        expected = N_("un tableau CSV (texte) ou un classeur Excel .xlsx")
        return None, [kind_issue(kind, expected, file=file)]
    return _csv_table(data, file, limits)


_ROLES: Final = {
    "date": N_("Date"),
    "account": N_("Compte"),
    "amount": N_("Montant (ou Débit et Crédit)"),
}


def _mapping_issues(columns: list[str], mapping: ColumnMapping, file: str | None) -> list[Issue]:
    """Problems of the mapping itself (a required role without a column, unknown columns)."""
    issues: list[Issue] = []
    two = bool(mapping.debit and mapping.credit)
    missing = [r for r in ("date", "account") if getattr(mapping, r) not in columns]
    if not two and not mapping.amount:
        missing.append("amount")
    issues += [
        Issue(
            code="mapping_missing",
            template=N_(
                "Choisissez la colonne qui tient « {label} » : elle est obligatoire pour importer."
            ),
            params={"label": _ROLES[role]},
            file=file,
        )
        for role in missing
    ]
    optional = (
        mapping.amount,
        mapping.debit,
        mapping.credit,
        mapping.label,
        mapping.analytic,
        mapping.account_label,
        mapping.journal,
        mapping.entry,
    )
    issues += [
        Issue(
            code="mapping_unknown_column",
            template=N_("La colonne « {name} » n'existe pas dans le fichier."),
            params={"name": name},
            file=file,
        )
        for name in optional
        if name and name not in columns
    ]
    return issues


def apply_mapping(
    raw: pd.DataFrame, mapping: ColumnMapping, *, file: str | None = None
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The canonical ledger from a text table and a column mapping.

    Each line becomes its own entry unless an entry column is mapped; lines
    with a bad date, amount or account are set aside and reported with their
    line in the file (:func:`row_lines`). Amounts follow the one rule of
    :func:`essdiag.ledger.cells.parse_amounts` (an amount written with the
    other decimal mark than its column is ambiguous and set aside).

    Example:
        >>> raw = pd.DataFrame({"D": ["31/01/2026", "x"], "C": ["606", "706"], "M": ["10,00", "5"]})
        >>> led, issues = apply_mapping(raw, ColumnMapping(date="D", account="C", amount="M"))
        >>> led["debit_cents"].tolist(), [i.code for i in issues]
        ([1000], ['table_date', 'table_set_aside'])
    """
    issues = _mapping_issues(list(raw.columns), mapping, file)
    two = bool(mapping.debit and mapping.credit)
    if issues:
        return None, issues
    n = len(raw)

    def col(name: str) -> pa.Array:
        values = raw[name]
        if isinstance(values, pd.DataFrame):  # two columns of that name: the first one
            values = values.iloc[:, 0]
        return pa.array(values.fillna("").astype("str").to_numpy(dtype=object), pa.string())

    def blank() -> pa.Array:
        return pa.array(np.full(n, "", dtype=object), pa.string())

    keep = np.ones(n, dtype=bool)

    def flag(bad: np.ndarray, code: str, template: str, column: str) -> None:
        rows = np.flatnonzero(bad & keep)
        shown = rows[:MAX_ISSUES_PER_CODE]
        values = col(column).take(pa.array(shown)).to_pylist() if shown.size else []
        issues.extend(
            row_issues(raw, shown, values, code=code, template=template, column=column, file=file)
        )
        keep[rows] = False

    when, ok = dates_from_text(col(mapping.date))
    flag(
        ~ok,
        "table_date",
        N_("Date invalide « {value} » : ligne mise de côté."),
        mapping.date,
    )
    account = trimmed(col(mapping.account))
    flag(
        ~account_is_known(account),
        "table_account",
        N_("Compte « {value} » inconnu : ligne mise de côté."),
        mapping.account,
    )
    amount_template = N_("Montant non numérique « {value} » : ligne mise de côté.")
    ambiguous_template = N_(
        "Montant « {value} » ambigu : la colonne écrit les décimales avec l'autre séparateur "
        "(virgule ou point). Séparateur de milliers ou décimales ? Ligne mise de côté."
    )

    def amounts(name: str) -> np.ndarray:
        found = parse_amounts(col(name))
        flag(found.ambiguous, "table_amount_ambiguous", ambiguous_template, name)
        flag(~found.valid & ~found.ambiguous, "table_amount", amount_template, name)
        return found.cents

    if two:
        debit = amounts(mapping.debit)
        credit = amounts(mapping.credit)
    else:
        signed = amounts(mapping.amount)
        if mapping.sign is SignRule.CREDIT_POSITIVE:
            signed = -signed
        elif mapping.sign is SignRule.NATURAL:
            first = pc.utf8_slice_codeunits(account, 0, 1)
            is_income = np.asarray(pc.equal(first, "7").to_numpy(zero_copy_only=False))
            signed = np.where(is_income, -signed, signed)
        debit = np.where(signed > 0, signed, 0)
        credit = np.where(signed < 0, -signed, 0)
    journal = (
        trimmed(col(mapping.journal))
        if mapping.journal
        else pa.array(np.full(n, "IMP", dtype=object), pa.string())
    )
    entry = (
        trimmed(col(mapping.entry))
        if mapping.entry
        else pa.array([str(line) for line in row_lines(raw, np.arange(n))], pa.string())
    )
    analytic = (
        optional_text(col(mapping.analytic)) if mapping.analytic else pa.nulls(n, pa.string())
    )
    table = pa.table(
        {
            "journal": journal,
            "entry": entry,
            "date": when,
            "account": account,
            "account_label": col(mapping.account_label) if mapping.account_label else blank(),
            "label": col(mapping.label) if mapping.label else blank(),
            "debit_cents": pa.array(debit, pa.int64()),
            "credit_cents": pa.array(credit, pa.int64()),
            "analytic": analytic,
            "opening": opening_flags(journal),
        }
    )
    table = table.filter(pa.array(keep))
    set_aside = int((~keep).sum()) + int(raw.attrs.get("set_aside", 0))
    if set_aside:
        issues.append(
            Issue(
                code="table_set_aside",
                template=N_(
                    "{count} ligne(s) sur {total} mise(s) de côté ; les {kept} autres sont "
                    "importables."
                ),
                params={
                    "count": set_aside,
                    "total": n + int(raw.attrs.get("set_aside", 0)),
                    "kept": int(keep.sum()),
                },
                severity=Severity.WARNING,
                file=file,
            )
        )
    if table.num_rows == 0:
        issues.append(
            Issue(
                code="table_no_lines",
                template=N_("Aucune ligne utilisable dans le fichier."),
                file=file,
            )
        )
        return None, issues
    return ledger_from_table(table), issues

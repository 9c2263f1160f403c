"""Generic actuals from a CSV or XLSX file, through a column mapping.

Where it sits: bytes → :func:`read_table` (every cell as text, with the
issues of reading) → the user maps columns (:func:`suggest_mapping` proposes
one; the mapping is remembered in the dossier's ledger section) →
:func:`apply_mapping` → the canonical ledger of :mod:`essdiag.ledger`.

Cells are converted with the same vectorised functions as the FEC reader
(:mod:`essdiag.ledger.cells`): amounts to exact cents, dates, trimmed text.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from essdiag.errors import Issue, Severity
from essdiag.i18n import N_
from essdiag.ledger.cells import (
    account_is_known,
    cents_from_text,
    dates_from_text,
    detect_encoding,
    optional_text,
    trimmed,
    workbook_cell_text,
)
from essdiag.ledger.fec import MAX_ISSUES_PER_CODE
from essdiag.ledger.frame import ledger_from_table, opening_flags
from essdiag.ledger.section import ColumnMapping, SignRule

__all__ = ["MAX_TABLE_BYTES", "apply_mapping", "read_table", "suggest_mapping"]

MAX_TABLE_BYTES: Final = 200 * 1024 * 1024
"""Largest CSV/XLSX accepted."""

_XLSX_MAGIC: Final = b"PK\x03\x04"

_GUESSES: Final[dict[str, tuple[str, ...]]] = {
    "date": ("date", "ecrituredate", "dateecriture", "datepiece", "jour"),
    "account": ("compte", "comptenum", "numerocompte", "account", "compte general"),
    "label": ("libelle", "ecriturelib", "libelleecriture", "intitule", "label", "designation"),
    "account_label": ("comptelib", "libellecompte", "intitulecompte"),
    "journal": ("journal", "journalcode", "codejournal"),
    "entry": ("ecriturenum", "numero", "piece", "numeroecriture", "entry"),
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


def _csv_table(data: bytes, file: str | None) -> tuple[pd.DataFrame | None, list[Issue]]:
    encoding = detect_encoding(data)
    first = data.split(b"\n", 1)[0].decode(encoding, errors="replace").lstrip("\ufeff")
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
    bad: list[int] = []

    def on_invalid(row: Any) -> str:
        bad.append(int(row.actual_columns))
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(
                encoding="utf8" if encoding.startswith("utf-8") else encoding
            ),
            parse_options=pacsv.ParseOptions(delimiter=sep, invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(
                strings_can_be_null=False,
                null_values=[],
                column_types=None,
                auto_dict_encode=False,
                include_missing_columns=False,
            ),
        )
        table = table.cast(pa.schema([(n, pa.string()) for n in table.column_names]))
    except (pa.ArrowException, UnicodeDecodeError, LookupError, ValueError) as exc:
        return None, [
            Issue(
                code="table_unreadable",
                template=N_("Le fichier ne peut pas être lu comme un tableau : {error}."),
                params={"error": (str(exc).splitlines() or [""])[0][:200]},
                file=file,
            )
        ]
    issues = [
        Issue(
            code="table_field_count",
            template=N_("Ligne mise de côté : {actual} champ(s) au lieu de {expected}."),
            params={"actual": n, "expected": table.num_columns},
            file=file,
        )
        for n in bad[:MAX_ISSUES_PER_CODE]
    ]
    frame: pd.DataFrame = table.to_pandas()
    frame.attrs["set_aside"] = len(bad)
    return frame, issues


def _xlsx_table(
    data: bytes, file: str | None, sheet: str | None = None
) -> tuple[pd.DataFrame | None, list[Issue]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl/zipfile/lxml raise many kinds on a broken file
        return None, [
            Issue(
                code="table_unreadable",
                template=N_("Le fichier ne peut pas être lu comme un tableau : {error}."),
                params={"error": str(exc)[:200] or type(exc).__name__},
                file=file,
            )
        ]
    try:
        ws = wb[sheet] if sheet and sheet in wb.sheetnames else wb.worksheets[0]
        rows = [[workbook_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
    except Exception as exc:  # a sheet's XML can be broken in as many ways
        return None, [
            Issue(
                code="table_unreadable",
                template=N_("Le fichier ne peut pas être lu comme un tableau : {error}."),
                params={"error": str(exc)[:200]},
                file=file,
            )
        ]
    finally:
        wb.close()
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return None, [Issue(code="table_empty", template=N_("Le fichier est vide."), file=file)]
    header = [h.strip() or f"Colonne {i + 1}" for i, h in enumerate(rows[0])]
    body = [r + [""] * (len(header) - len(r)) for r in rows[1:]]
    frame = pd.DataFrame([r[: len(header)] for r in body], columns=header, dtype="str")
    frame.attrs["set_aside"] = 0
    return frame, []


def read_table(
    data: bytes, *, file: str | None = None, sheet: str | None = None
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """Every cell of a CSV or XLSX file as text (the sheet named ``sheet``, else the first).

    Returns ``(frame, issues)``; frame is None when nothing could be read.

    Example:
        >>> f, issues = read_table("Date;Compte;Montant\\n2026-01-31;606;12,5\\n".encode())
        >>> list(f.columns), f.iloc[0].tolist(), issues
        (['Date', 'Compte', 'Montant'], ['2026-01-31', '606', '12,5'], [])
    """
    if not data or data.isspace():
        return None, [Issue(code="table_empty", template=N_("Le fichier est vide."), file=file)]
    if len(data) > MAX_TABLE_BYTES:
        return None, [
            Issue(
                code="table_too_large",
                template=N_("Fichier trop volumineux ({size} Mo, au plus {max} Mo)."),
                params={"size": len(data) // 2**20, "max": MAX_TABLE_BYTES // 2**20},
                file=file,
            )
        ]
    if data.startswith(_XLSX_MAGIC):
        return _xlsx_table(data, file, sheet)
    return _csv_table(data, file)


def _mapping_issues(columns: list[str], mapping: ColumnMapping, file: str | None) -> list[Issue]:
    """Problems of the mapping itself (a required role without a column, unknown columns)."""
    issues: list[Issue] = []
    required = {"date": mapping.date, "account": mapping.account}
    for role, name in required.items():
        if not name or name not in columns:
            issues.append(
                Issue(
                    code="mapping_missing",
                    template=N_("Aucune colonne valide n'est associée à « {role} »."),
                    params={"role": role},
                    file=file,
                )
            )
    two = bool(mapping.debit and mapping.credit)
    if not two and not mapping.amount:
        issues.append(
            Issue(
                code="mapping_missing",
                template=N_("Aucune colonne valide n'est associée à « {role} »."),
                params={"role": "montant"},
                file=file,
            )
        )
    for name in (mapping.amount, mapping.debit, mapping.credit, mapping.label, mapping.analytic):
        if name and name not in columns:
            issues.append(
                Issue(
                    code="mapping_unknown_column",
                    template=N_("La colonne « {name} » n'existe pas dans le fichier."),
                    params={"name": name},
                    file=file,
                )
            )
    return issues


def apply_mapping(
    raw: pd.DataFrame, mapping: ColumnMapping, *, file: str | None = None
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The canonical ledger from a text table and a column mapping.

    Each line becomes its own entry unless an entry column is mapped; lines
    with a bad date, amount or account are set aside and reported (line
    numbers count the header as line 1).

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
        return pa.array(raw[name].fillna("").astype("str").to_numpy(dtype=object), pa.string())

    def blank() -> pa.Array:
        return pa.array(np.full(n, "", dtype=object), pa.string())

    keep = np.ones(n, dtype=bool)

    def flag(bad: np.ndarray, code: str, template: str, column: str) -> None:
        rows = np.flatnonzero(bad)
        values = raw[column].to_numpy(dtype=object)
        for r in rows[:MAX_ISSUES_PER_CODE]:
            issues.append(
                Issue(
                    code=code,
                    template=template,
                    params={"value": str(values[r])},
                    file=file,
                    line=int(r) + 2,
                    column=column,
                )
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
    if two:
        debit, dok = cents_from_text(col(mapping.debit))
        credit, cok = cents_from_text(col(mapping.credit))
        flag(~dok, "table_amount", amount_template, mapping.debit)
        flag(~cok, "table_amount", amount_template, mapping.credit)
    else:
        signed, aok = cents_from_text(col(mapping.amount))
        flag(~aok, "table_amount", amount_template, mapping.amount)
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
        else pa.array([str(i + 2) for i in range(n)], pa.string())
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
                    "{count} ligne(s) sur {total} mise(s) de côté ; les autres sont importées."
                ),
                params={"count": set_aside, "total": n + int(raw.attrs.get("set_aside", 0))},
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

"""Read a FEC (Fichier des écritures comptables, LPF art. A47 A-1) into the canonical ledger.

Where it sits: bytes of an export → :func:`read_fec` → ``FecResult`` (the
canonical ledger of :mod:`essdiag.ledger` plus the issues found) → storage,
balances, variance.

The file is parsed by ``pyarrow.csv`` with every column read as text (account
numbers, dates and references keep their leading zeros) and quoting off (labels
may contain quote characters); dates and amounts are then converted column by
column with ``pyarrow.compute`` (:mod:`essdiag.ledger.cells`), never in a
Python loop over lines. Amounts are exact integer cents.

Accepted: tab or pipe separator (detected from the header line); UTF-8, UTF-8
with BOM, ISO-8859-15 or Windows-1252; decimal comma or dot; Debit/Credit or
Montant + Sens.

References:
    Livre des procédures fiscales, art. A47 A-1 (structure of the FEC);
    BOI-CF-IOR-60-40-20 (format of the fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
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
    cents_from_column,
    dates_from_text,
    detect_encoding,
    optional_text,
    trimmed,
)
from essdiag.ledger.frame import ledger_from_table, opening_flags
from essdiag.periods import FiscalYear

__all__ = [
    "FEC_COLUMNS",
    "MAX_ISSUES_PER_CODE",
    "FecResult",
    "read_fec",
]

FEC_COLUMNS: Final = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)
"""The 18 columns of the FEC, in the order of art. A47 A-1."""

_REQUIRED: Final = ("JournalCode", "EcritureNum", "EcritureDate", "CompteNum")
_ANALYTIC_NAMES: Final = frozenset(
    {"codeanalytique", "analytique", "axeanalytique", "codeana", "analytic", "section"}
)
MAX_ISSUES_PER_CODE: Final = 200
"""At most this many issues of one code are listed; a summary issue counts the rest."""

_CANONICAL: Final = {c.lower(): c for c in (*FEC_COLUMNS, "Montant", "Sens")}


@dataclass(frozen=True)
class FecResult:
    """What :func:`read_fec` found.

    Attributes:
        ledger: the canonical ledger, or None when nothing usable was read.
        issues: every problem found (at most :data:`MAX_ISSUES_PER_CODE` per code).
        lines_read: data lines in the file (header excluded).
        lines_kept: lines in the ledger.
        encoding: the text encoding used.
        separator: the field separator found in the header.
    """

    ledger: pd.DataFrame | None
    issues: list[Issue] = field(default_factory=list)
    lines_read: int = 0
    lines_kept: int = 0
    encoding: str = "utf-8"
    separator: str = "\t"

    @property
    def set_aside(self) -> int:
        """Lines read but left out of the ledger."""
        return self.lines_read - self.lines_kept

    @property
    def usable(self) -> bool:
        """True when a ledger was produced."""
        return self.ledger is not None


class _Issues:
    """Collects issues, keeping at most :data:`MAX_ISSUES_PER_CODE` per code."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.items: list[Issue] = []
        self.counts: dict[str, int] = {}
        self.templates: dict[str, tuple[str, Severity]] = {}

    def add(
        self,
        code: str,
        template: str,
        *,
        severity: Severity = Severity.ERROR,
        line: int | None = None,
        column: str | None = None,
        **params: Any,
    ) -> None:
        n = self.counts.get(code, 0) + 1
        self.counts[code] = n
        self.templates[code] = (template, severity)
        if n <= MAX_ISSUES_PER_CODE:
            self.items.append(
                Issue(
                    code=code,
                    template=template,
                    params=params,
                    severity=severity,
                    file=self.file,
                    line=line,
                    column=column,
                )
            )

    def finish(self) -> list[Issue]:
        out = list(self.items)
        for code, n in self.counts.items():
            if n > MAX_ISSUES_PER_CODE:
                _, severity = self.templates[code]
                out.append(
                    Issue(
                        code="more_issues",
                        template=N_(
                            "… et {more} autre(s) problème(s) du même type ({code}), non listés."
                        ),
                        params={"more": n - MAX_ISSUES_PER_CODE, "code": code},
                        severity=severity,
                        file=self.file,
                    )
                )
        return out


def _header(data: bytes, encoding: str) -> tuple[str, list[str]]:
    end = data.find(b"\n")
    raw = data[: end if end >= 0 else len(data)]
    text = raw.decode(encoding, errors="replace").lstrip("\ufeff").rstrip("\r")
    counts = {sep: text.count(sep) for sep in ("\t", "|", ";")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        return "", [text.strip()]
    return sep, [c.strip() for c in text.split(sep)]


def _line_numbers(
    data: bytes, sep: bytes, ncols: int, kept_rows: int
) -> tuple[np.ndarray | None, list[int]]:
    """Line number of each parsed row, and of each malformed line (slow path, broken files)."""
    lines = data.split(b"\n")
    if lines and lines[-1] in (b"", b"\r"):
        lines.pop()
    numbers: list[int] = []
    bad: list[int] = []
    for i, raw in enumerate(lines[1:], start=2):
        blank = not raw.strip(b"\r")  # the reader keeps blank lines as empty rows
        (numbers if blank or raw.count(sep) + 1 == ncols else bad).append(i)
    if len(numbers) != kept_rows:
        return None, bad
    return np.asarray(numbers, dtype=np.int64), bad


def _locate(
    source: pa.Buffer, sep: str, ncols: int, n: int, bad: int
) -> tuple[np.ndarray | None, list[int]]:
    """Line numbers when rows were skipped; (None, []) when row i is simply line i + 2.

    Blank lines are kept as empty rows by the reader, so without malformed
    rows the mapping is the identity and nothing is scanned.
    """
    if not bad:
        return None, []
    line_map, bad_lines = _line_numbers(source.to_pybytes(), sep.encode(), ncols, n)
    return line_map, bad_lines if len(bad_lines) == bad else []


def _row_lines(rows: np.ndarray, line_map: np.ndarray | None) -> list[int]:
    if line_map is None:
        return [int(r) + 2 for r in rows]
    return [int(line_map[r]) for r in rows]


def read_fec(
    data: bytes | Path,
    *,
    file: str | None = None,
    fiscal_year: FiscalYear | None = None,
) -> FecResult:
    """Read a FEC export into the canonical ledger, with every problem found.

    Parameters:
        data: the file's bytes, or its path (memory-mapped, not copied).
        file: its name, used in the issues.
        fiscal_year: when given, lines dated outside it are reported (and kept).

    Returns:
        A :class:`FecResult`; ``ledger`` is None when nothing usable was found.
        Lines with a bad date, a non-numeric amount, a wrong number of fields
        or no account are set aside; unbalanced entries and lines outside the
        fiscal year are kept and reported.

    Notes:
        Never raises on bad bytes: every problem is an :class:`~essdiag.errors.Issue`.
    """
    issues = _Issues(file)
    source = _open(data, issues)
    head = b"" if source is None else source.slice(0, min(source.size, 1 << 20)).to_pybytes()
    whole = head if source is not None and source.size <= len(head) else None
    if source is None or _refused(head, issues, complete=whole is not None):
        return FecResult(None, issues.finish())
    encoding = detect_encoding(head if whole is not None else source.to_pybytes())
    sep, header = _header(head, encoding)
    if encoding not in ("utf-8", "utf-8-sig"):
        issues.add(
            "fec_encoding",
            N_("Fichier lu avec l'encodage {encoding} (pas en UTF-8)."),
            severity=Severity.INFO,
            encoding=encoding,
        )
    if sep not in ("\t", "|"):
        issues.add(
            "fec_separator",
            N_(
                "Séparateur non reconnu dans la ligne d'en-tête : un FEC est séparé par des "
                "tabulations ou des barres verticales (|)."
            ),
            line=1,
        )
        return FecResult(None, issues.finish(), encoding=encoding, separator=sep)

    plan = _plan(header, issues)
    if plan is None:
        return FecResult(None, issues.finish(), encoding=encoding, separator=sep)
    names, wanted, has_dc = plan

    try:
        decimal = _decimal_mark(head, encoding, sep, names)
        table, bad_rows = _parse(source, names, wanted, sep, encoding, decimal=decimal)
    except (pa.ArrowException, UnicodeDecodeError, LookupError, ValueError) as exc:
        message = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        issues.add(
            "fec_unreadable",
            N_("Le fichier ne peut pas être lu comme un FEC : {error}."),
            error=message,
        )
        return FecResult(None, issues.finish(), encoding=encoding, separator=sep)

    n = table.num_rows
    lines_read = n + len(bad_rows)
    line_map, bad_lines = _locate(source, sep, len(names), n, len(bad_rows))
    for k, (text, expected_n, actual) in enumerate(bad_rows):
        issues.add(
            "fec_field_count",
            N_("Ligne mise de côté : {actual} champ(s) au lieu de {expected} (« {text} »)."),
            line=bad_lines[k] if bad_lines else None,
            expected=expected_n,
            actual=actual,
            text=text,
        )
    out, debit, credit, keep, blank = _convert(table, wanted, has_dc, line_map, issues)
    lines_read -= blank
    kept_rows = np.flatnonzero(keep)
    if kept_rows.size < n:
        out = out.take(pa.array(kept_rows))
        debit, credit = debit[kept_rows], credit[kept_rows]
    kept = out.num_rows
    if kept == 0:
        issues.add("fec_no_lines", N_("Aucune ligne d'écriture utilisable dans le fichier."))
        return FecResult(
            None, issues.finish(), lines_read=lines_read, encoding=encoding, separator=sep
        )
    _check_balance(out, debit - credit, kept_rows, line_map, issues)
    if fiscal_year is not None:
        _check_year(out, kept_rows, line_map, fiscal_year, issues)
    ledger = ledger_from_table(out)
    if kept < lines_read:
        issues.add(
            "fec_set_aside",
            N_("{count} ligne(s) sur {total} mise(s) de côté ; les autres sont importées."),
            severity=Severity.WARNING,
            count=lines_read - kept,
            total=lines_read,
        )
    return FecResult(
        ledger,
        issues.finish(),
        lines_read=lines_read,
        lines_kept=kept,
        encoding=encoding,
        separator=sep,
    )


def _open(data: bytes | Path, issues: _Issues) -> pa.Buffer | None:
    """The bytes to parse: a memory map of a path (no copy), or the bytes given."""
    if not isinstance(data, Path):
        return pa.py_buffer(data)
    try:
        if not data.stat().st_size:
            return pa.py_buffer(b"")
        return pa.memory_map(str(data)).read_buffer()
    except OSError as exc:
        issues.add(
            "fec_unreadable",
            N_("Le fichier ne peut pas être lu comme un FEC : {error}."),
            error=str(exc)[:200],
        )
        return None


def _refused(data: bytes, issues: _Issues, *, complete: bool = True) -> bool:
    """Files refused before any parsing: empty, or UTF-16 (which pyarrow cannot read)."""
    if complete and (not data or data.isspace()):
        issues.add("fec_empty", N_("Le fichier est vide."))
        return True
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        issues.add(
            "fec_utf16",
            N_(
                "Fichier en UTF-16 : réenregistrez-le en UTF-8 ou ISO-8859-15 (texte "
                "tabulé) depuis votre logiciel ou votre tableur."
            ),
        )
        return True
    return False


def _plan(header: list[str], issues: _Issues) -> tuple[list[str], list[str], bool] | None:
    """Check the header; return (column names, columns to read, Debit/Credit form) or None."""
    names = [_CANONICAL.get(h.lower(), h) for h in header]
    present = set(names)
    missing = [c for c in _REQUIRED if c not in present]
    has_dc = "Debit" in present and "Credit" in present
    has_ms = "Montant" in present and "Sens" in present
    if not (has_dc or has_ms):
        missing += [c for c in ("Debit", "Credit") if c not in present]
    for col in missing:
        issues.add(
            "fec_column_missing",
            N_("Colonne obligatoire absente : {name}."),
            line=1,
            column=col,
            name=col,
        )
    if missing:
        return None
    optional_missing = [
        c for c in FEC_COLUMNS if c not in present and not (has_ms and c in ("Debit", "Credit"))
    ]
    if optional_missing:
        issues.add(
            "fec_column_missing_optional",
            N_("Colonnes du FEC absentes (non bloquant) : {names}."),
            severity=Severity.WARNING,
            line=1,
            names=", ".join(optional_missing),
        )
    standard = [n for n in names if n in FEC_COLUMNS]
    expected = [c for c in FEC_COLUMNS if c in present]
    if standard != expected:
        issues.add(
            "fec_column_order",
            N_(
                "Les colonnes ne sont pas dans l'ordre réglementaire (art. A47 A-1) ; "
                "elles sont lues par leur nom."
            ),
            severity=Severity.WARNING,
            line=1,
        )
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        issues.add(
            "fec_column_duplicate",
            N_("Colonne en double : {names}."),
            line=1,
            names=", ".join(dup),
        )
        return None
    analytic_col = next((n for n in names if n.lower() in _ANALYTIC_NAMES), None)
    wanted = ["JournalCode", "EcritureNum", "EcritureDate", "CompteNum"]
    wanted += [c for c in ("CompteLib", "EcritureLib") if c in present]
    wanted += ["Debit", "Credit"] if has_dc else ["Montant", "Sens"]
    if analytic_col:
        wanted.append(analytic_col)

    return names, wanted, has_dc


def _convert(
    table: pa.Table,
    wanted: list[str],
    has_dc: bool,
    line_map: np.ndarray | None,
    issues: _Issues,
) -> tuple[pa.Table, np.ndarray, np.ndarray, np.ndarray, int]:
    """Canonical columns from the parsed table: (table, debit, credit, keep mask, blank rows)."""
    n = table.num_rows
    analytic_col = next((c for c in wanted if c.lower() in _ANALYTIC_NAMES), None)
    journal = trimmed(table.column("JournalCode"))
    entry = trimmed(table.column("EcritureNum"))
    account = trimmed(table.column("CompteNum"))
    # Blank lines come back as empty rows: dropped silently, not counted as lines.
    blank = np.asarray(
        pc.and_(
            pc.equal(pc.utf8_length(journal), 0),
            pc.and_(pc.equal(pc.utf8_length(entry), 0), pc.equal(pc.utf8_length(account), 0)),
        ).to_numpy(zero_copy_only=False),
        dtype=bool,
    )
    keep = ~blank

    def flag(bad: np.ndarray, code: str, template: str, column: str) -> None:
        rows = np.flatnonzero(bad & ~blank)
        if rows.size == 0:
            return
        shown = rows[:MAX_ISSUES_PER_CODE]
        texts = table.column(column).take(pa.array(shown)).to_pylist()
        for line, value in zip(_row_lines(shown, line_map), texts, strict=True):
            issues.add(code, template, line=line, column=column, value=str(value))
        issues.counts[code] += rows.size - shown.size
        keep[rows] = False

    when, date_ok = dates_from_text(table.column("EcritureDate"))
    flag(
        ~date_ok,
        "fec_date",
        N_("Date invalide « {value} » (attendu AAAAMMJJ) : ligne mise de côté."),
        "EcritureDate",
    )
    amount_template = N_("Montant non numérique « {value} » : ligne mise de côté.")
    if has_dc:
        debit, debit_ok = cents_from_column(table.column("Debit"))
        credit, credit_ok = cents_from_column(table.column("Credit"))
        flag(~debit_ok, "fec_amount", amount_template, "Debit")
        flag(~credit_ok, "fec_amount", amount_template, "Credit")
    else:
        amount, amount_ok = cents_from_column(table.column("Montant"))
        flag(~amount_ok, "fec_amount", amount_template, "Montant")
        sens = pc.utf8_upper(pc.utf8_slice_codeunits(trimmed(table.column("Sens")), 0, 1))
        is_d = np.asarray(pc.is_in(sens, pa.array(["D", "+"])).to_numpy(zero_copy_only=False))
        is_c = np.asarray(pc.is_in(sens, pa.array(["C", "-"])).to_numpy(zero_copy_only=False))
        flag(
            ~(is_d | is_c),
            "fec_sens",
            N_("Sens « {value} » inconnu (attendu D ou C) : ligne mise de côté."),
            "Sens",
        )
        debit = np.where(is_d, amount, 0)
        credit = np.where(is_c, amount, 0)

    flag(
        ~account_is_known(account),
        "fec_account_unknown",
        N_(
            "Compte « {value} » inconnu (un compte commence par un chiffre de 1 à 8) : "
            "ligne mise de côté."
        ),
        "CompteNum",
    )

    def text_or_blank(name: str) -> pa.ChunkedArray | pa.Array:
        if name in wanted:
            return table.column(name)
        return pa.array(np.full(n, "", dtype=object), pa.string())

    analytic: Any = (
        optional_text(table.column(analytic_col)) if analytic_col else pa.nulls(n, pa.string())
    )
    out = pa.table(
        {
            "journal": journal,
            "entry": entry,
            "date": when,
            "account": account,
            "account_label": text_or_blank("CompteLib"),
            "label": text_or_blank("EcritureLib"),
            "debit_cents": pa.array(debit, pa.int64()),
            "credit_cents": pa.array(credit, pa.int64()),
            "analytic": analytic,
            "opening": opening_flags(journal),
        }
    )
    return out, debit, credit, keep, int(blank.sum())


def _decimal_mark(head: bytes, encoding: str, sep: str, names: list[str]) -> str:
    """The decimal mark of the amount columns, from the first lines (``,`` or ``.``)."""
    cols = [names.index(c) for c in ("Debit", "Credit", "Montant") if c in names]
    lines = head.decode(encoding, errors="replace").splitlines()[1:200]
    fields = [line.split(sep) for line in lines]
    values = [f[i] for f in fields for i in cols if i < len(f)]
    return "," if any("," in v for v in values) else "."


def _parse(
    source: pa.Buffer,
    names: list[str],
    wanted: list[str],
    sep: str,
    encoding: str,
    *,
    decimal: str,
) -> tuple[pa.Table, list[tuple[str, int, int]]]:
    """Parse with pyarrow, fastest form first.

    1. dates as integers and amounts as floats (decimal mark detected): the
       reader converts them in parallel while parsing;
    2. if a value does not convert, every column as text (converted after);
    3. if a row has a wrong number of fields, text again with a handler that
       collects the malformed rows.
    """
    bad_rows: list[tuple[str, int, int]] = []

    def on_invalid(row: Any) -> str:
        bad_rows.append((str(row.text)[:80], int(row.expected_columns), int(row.actual_columns)))
        return "skip"

    read_encoding = "utf8" if encoding.startswith("utf-8") else encoding
    text_types = dict.fromkeys(wanted, pa.string())
    fast_types = {
        **text_types,
        "EcritureDate": pa.int64(),
        **{c: pa.float64() for c in ("Debit", "Credit", "Montant") if c in wanted},
    }

    def attempt(types: dict[str, pa.DataType], handler: Any) -> pa.Table:
        return pacsv.read_csv(
            pa.BufferReader(source),
            read_options=pacsv.ReadOptions(
                column_names=names, skip_rows=1, encoding=read_encoding, block_size=16 << 20
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=sep,
                quote_char=False,
                double_quote=False,
                escape_char=False,
                newlines_in_values=False,
                ignore_empty_lines=False,
                invalid_row_handler=handler,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=types,
                include_columns=wanted,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
                null_values=[""] if types is fast_types else [],
                decimal_point=decimal,
            ),
        )

    try:
        return attempt(fast_types, None), bad_rows
    except pa.ArrowInvalid:
        pass
    try:
        return attempt(text_types, None), bad_rows
    except pa.ArrowInvalid as exc:
        if "column" not in str(exc).lower():
            raise
    bad_rows.clear()
    return attempt(text_types, on_invalid), bad_rows


def _check_balance(
    out: pa.Table,
    net: np.ndarray,
    kept_rows: np.ndarray,
    line_map: np.ndarray | None,
    issues: _Issues,
) -> None:
    """Each entry (EcritureNum) must balance: Σ debit = Σ credit.

    Notes:
        Lines of an entry are normally contiguous: the net (debit − credit) is
        summed per run of equal entry numbers with ``numpy.add.reduceat``;
        only the rows of unbalanced runs are grouped again by entry number, so
        an entry split in several runs is still judged as a whole.
    """
    entry = out.column("entry")
    n = out.num_rows
    boundary = np.ones(n, dtype=bool)
    if n > 1:
        differs = pc.not_equal(entry.slice(1), entry.slice(0, n - 1))
        boundary[1:] = np.asarray(differs.to_numpy(zero_copy_only=False), dtype=bool)
    starts = np.flatnonzero(boundary)
    sums = np.add.reduceat(net, starts)
    bad_runs = np.flatnonzero(sums != 0)
    if bad_runs.size == 0:
        return
    ends = np.append(starts[1:], n)
    rows = np.concatenate([np.arange(starts[r], ends[r]) for r in bad_runs])
    part = pd.DataFrame(
        {
            "entry": entry.take(pa.array(rows)).to_pylist(),
            "journal": out.column("journal").take(pa.array(rows)).to_pylist(),
            "debit": out.column("debit_cents").take(pa.array(rows)).to_numpy(),
            "credit": out.column("credit_cents").take(pa.array(rows)).to_numpy(),
            "row": rows,
        }
    )
    grouped = part.groupby("entry", sort=False).agg(
        debit=("debit", "sum"),
        credit=("credit", "sum"),
        row=("row", "min"),
        journal=("journal", "first"),
    )
    grouped = grouped[grouped["debit"] != grouped["credit"]].sort_values("row")
    for entry_num, rec in grouped.head(MAX_ISSUES_PER_CODE).iterrows():
        (line,) = _row_lines(np.asarray([kept_rows[int(rec["row"])]]), line_map)
        issues.add(
            "fec_unbalanced",
            N_(
                "Écriture {entry} (journal {journal}) déséquilibrée : débit {debit} €, "
                "crédit {credit} €, écart {gap} €."
            ),
            severity=Severity.WARNING,
            line=line,
            column="EcritureNum",
            entry=str(entry_num),
            journal=str(rec["journal"]),
            debit=int(rec["debit"]) / 100,
            credit=int(rec["credit"]) / 100,
            gap=(int(rec["debit"]) - int(rec["credit"])) / 100,
        )
    extra = len(grouped) - MAX_ISSUES_PER_CODE
    if extra > 0:
        issues.counts["fec_unbalanced"] += extra


def _check_year(
    out: pa.Table,
    kept_rows: np.ndarray,
    line_map: np.ndarray | None,
    fy: FiscalYear,
    issues: _Issues,
) -> None:
    """Lines dated outside the fiscal year are reported (kept: the user decides)."""
    dates = out.column("date")
    lo = pa.scalar(pd.Timestamp(fy.start).as_unit("ns"), pa.timestamp("ns"))
    hi = pa.scalar(pd.Timestamp(fy.end).as_unit("ns"), pa.timestamp("ns"))
    outside = pc.or_(pc.less(dates, lo), pc.greater(dates, hi)).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(outside)
    if rows.size == 0:
        return
    shown = rows[:MAX_ISSUES_PER_CODE]
    values = dates.take(pa.array(shown)).to_pylist()
    for line, value in zip(_row_lines(kept_rows[shown], line_map), values, strict=True):
        issues.add(
            "fec_outside_year",
            N_("Écriture datée du {value} hors de l'exercice {start} – {end}."),
            severity=Severity.WARNING,
            line=line,
            column="EcritureDate",
            value=_day(value),
            start=fy.start,
            end=fy.end,
        )
    if rows.size > shown.size:
        issues.counts["fec_outside_year"] += rows.size - shown.size


def _day(value: Any) -> date | str:
    """A date read back from the ledger as a plain date (the reader's translator writes it)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return str(value)

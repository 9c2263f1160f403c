"""Read a FEC (Fichier des écritures comptables, LPF art. A47 A-1) into the canonical ledger.

Where it sits: bytes of an export → :func:`read_fec` → ``FecResult`` (the
canonical ledger of :mod:`essdiag.ledger` plus the issues found) → storage,
balances, variance.

The file is parsed by ``pyarrow.csv`` with every column read as text (account
numbers, dates and references keep their leading zeros) and quoting off (labels
may contain quote characters); dates and amounts are then converted column by
column with ``pyarrow.compute``, never in a Python loop over lines. Amounts are
exact integer cents.

Accepted: tab or pipe separator (detected from the header line); UTF-8, UTF-8
with BOM, ISO-8859-15 or Windows-1252; decimal comma or dot; Debit/Credit or
Montant + Sens.

References:
    Livre des procédures fiscales, art. A47 A-1 (structure of the FEC);
    BOI-CF-IOR-60-40-20 (format of the fields).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from essdiag.errors import Issue, Severity
from essdiag.i18n import N_
from essdiag.ledger.frame import OPENING_JOURNALS, ledger_from_table
from essdiag.periods import FiscalYear

__all__ = [
    "FEC_COLUMNS",
    "MAX_ISSUES_PER_CODE",
    "FecResult",
    "cents_from_text",
    "detect_encoding",
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

_AMOUNT_RE: Final = r"^[+-]?[0-9]{1,13}(\.[0-9]{0,2}0*)?$"
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


def detect_encoding(data: bytes) -> str:
    """Guess the text encoding of an accounting export.

    UTF-8 (with or without BOM) when the bytes decode as UTF-8; otherwise
    ISO-8859-15 when the byte 0xA4 (€ in ISO-8859-15) appears and no byte of
    0x80–0x9F does; otherwise Windows-1252.

    Example:
        >>> detect_encoding("Débit".encode("utf-8")), detect_encoding("Débit".encode("cp1252"))
        ('utf-8', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    sample = data[: 1 << 20]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still UTF-8.
        if exc.start < len(sample) - 4 or len(sample) == len(data):
            return _latin_family(data)
    return "utf-8"


def _latin_family(data: bytes) -> str:
    if b"\xa4" in data and not any(bytes([b]) in data for b in range(0x80, 0xA0)):
        return "iso8859_15"
    return "cp1252"


def _header(data: bytes, encoding: str) -> tuple[str, list[str]]:
    end = data.find(b"\n")
    raw = data[: end if end >= 0 else len(data)]
    text = raw.decode(encoding, errors="replace").lstrip("\ufeff").rstrip("\r")
    counts = {sep: text.count(sep) for sep in ("\t", "|", ";")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        return "", [text.strip()]
    return sep, [c.strip() for c in text.split(sep)]


def cents_from_text(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Exact integer cents from amount text, vectorised.

    Accepts a decimal comma or dot, spaces as thousands separators, a sign,
    and at most two significant decimals; an empty cell is zero.

    Returns:
        ``(cents, valid)``: int64 cents (0 where invalid) and a boolean mask.

    Notes:
        Fast path: ``,`` → ``.`` then one cast to float64 for the whole
        column; a value is kept only if ``100 × value`` is an integer to
        within 10⁻⁶ and below 10¹⁵ cents, so the int64 result is exact. When
        the cast fails (spaces, letters…), each value is checked by a regular
        expression first.

    Example:
        >>> c, ok = cents_from_text(pa.array(["1 234,56", "-0,5", "", "12.30", "abc"]))
        >>> c.tolist(), ok.tolist()
        ([123456, -50, 0, 1230, 0], [True, True, True, True, False])
    """
    s = pc.replace_substring(values, ",", ".")
    if pc.any(pc.equal(pc.utf8_length(s), 0)).as_py():
        s = pc.if_else(pc.equal(pc.utf8_length(s), 0), "0", s)
    try:
        # Exponents, "nan" and "inf" parse as floats but are not amounts.
        for letter in ("e", "n"):
            if pc.any(pc.match_substring(s, letter, ignore_case=True)).as_py():
                raise pa.ArrowInvalid(f"letter {letter} in an amount")
        floats = pc.cast(s, pa.float64())
        valid = np.ones(len(s), dtype=bool)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        s = pc.utf8_trim_whitespace(s)
        s = pc.replace_substring_regex(s, "[ \u00a0\u202f']", "")
        s = pc.if_else(pc.equal(pc.utf8_length(s), 0), "0", s)
        ok = pc.fill_null(pc.match_substring_regex(s, _AMOUNT_RE), False)
        floats = pc.cast(pc.if_else(ok, s, "0"), pa.float64())
        valid = np.asarray(ok.to_numpy(zero_copy_only=False), dtype=bool)
    scaled = np.asarray(floats.to_numpy(zero_copy_only=False), dtype=np.float64) * 100.0
    rounded = np.rint(scaled)
    valid &= np.abs(scaled - rounded) < 1e-6
    valid &= np.abs(rounded) < 1e15
    cents = np.where(valid, rounded, 0.0).astype(np.int64)
    return cents, valid


_DAYS_IN_MONTH: Final = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm)."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = np.where(m > 2, m - 3, m + 9)
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days: np.ndarray = era * 146097 + doe - 719468
    return days


@cache
def _day_table() -> tuple[np.ndarray, np.ndarray]:
    """Days since 1970-01-01 and validity for every (year, month, day ≤ 31) of 1900–2199.

    Index = (year − 1900) × 372 + (month − 1) × 31 + (day − 1): a row's date is
    then one array lookup instead of a calendar computation per line.
    """
    idx = np.arange(300 * 372)
    y = idx // 372 + 1900
    m = idx % 372 // 31 + 1
    d = idx % 31 + 1
    leap = ((y % 4 == 0) & (y % 100 != 0)) | (y % 400 == 0)
    valid = d <= _DAYS_IN_MONTH[m] + ((m == 2) & leap)
    return _days_from_civil(y, m, d), valid


def _dates(values: pa.Array | pa.ChunkedArray) -> tuple[pa.Array, np.ndarray]:
    """Timestamps from ``AAAAMMJJ`` dates (text or already parsed as integers).

    ``AAAA-MM-JJ`` and ``JJ/MM/AAAA`` text is tolerated.

    Example:
        >>> d, ok = _dates(pa.array(["20260115", "20250231", "2026-02-01", "x"]))
        >>> ok.tolist()
        [True, False, True, False]
    """
    if pa.types.is_integer(values.type):
        numbers = pc.fill_null(values, 0)
        valid = np.ones(len(values), dtype=bool)
    else:
        s = values
        try:
            if not pc.all(pc.equal(pc.utf8_length(s), 8)).as_py():
                raise pa.ArrowInvalid("not eight characters")
            numbers = pc.cast(s, pa.int64())
            valid = np.ones(len(s), dtype=bool)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            s = pc.utf8_trim_whitespace(s)
            s = pc.replace_substring_regex(s, r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$", r"\1\2\3")
            s = pc.replace_substring_regex(s, r"^([0-9]{2})/([0-9]{2})/([0-9]{4})$", r"\3\2\1")
            ok = pc.fill_null(pc.match_substring_regex(s, r"^[0-9]{8}$"), False)
            numbers = pc.cast(pc.if_else(ok, s, "19700101"), pa.int64())
            valid = np.asarray(ok.to_numpy(zero_copy_only=False), dtype=bool)
    v = np.asarray(numbers.to_numpy(zero_copy_only=False), dtype=np.int64)
    y = v // 10000
    md = v - y * 10000
    m = md // 100
    d = md - m * 100
    valid &= (y >= 1900) & (y <= 2199) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= 31)
    index = np.where(valid, (y - 1900) * 372 + (m - 1) * 31 + (d - 1), 0)
    days_table, valid_table = _day_table()
    valid &= valid_table[index]
    days = np.where(valid, days_table[index], 0)
    stamps = pa.array(days * 86_400_000_000_000, pa.int64()).view(pa.timestamp("ns"))
    return stamps, valid


def _cents(values: pa.Array | pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Exact cents from an amount column parsed as float64 by the reader, or as text.

    Notes:
        A float is kept only when 100 × value is an integer to within 10⁻⁶
        (at most two decimals) and below 10¹⁵ cents; empty cells are zero.
    """
    if not pa.types.is_floating(values.type):
        return cents_from_text(values)
    scaled = np.asarray(pc.fill_null(values, 0.0).to_numpy(zero_copy_only=False)) * 100.0
    rounded = np.rint(scaled)
    valid = (np.abs(scaled - rounded) < 1e-6) & (np.abs(rounded) < 1e15)
    return np.where(valid, rounded, 0.0).astype(np.int64), valid


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
    journal = pc.utf8_trim_whitespace(table.column("JournalCode"))
    entry = pc.utf8_trim_whitespace(table.column("EcritureNum"))
    account = pc.utf8_trim_whitespace(table.column("CompteNum"))
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

    when, date_ok = _dates(table.column("EcritureDate"))
    flag(
        ~date_ok,
        "fec_date",
        N_("Date invalide « {value} » (attendu AAAAMMJJ) : ligne mise de côté."),
        "EcritureDate",
    )
    amount_template = N_("Montant non numérique « {value} » : ligne mise de côté.")
    if has_dc:
        debit, debit_ok = _cents(table.column("Debit"))
        credit, credit_ok = _cents(table.column("Credit"))
        flag(~debit_ok, "fec_amount", amount_template, "Debit")
        flag(~credit_ok, "fec_amount", amount_template, "Credit")
    else:
        amount, amount_ok = _cents(table.column("Montant"))
        flag(~amount_ok, "fec_amount", amount_template, "Montant")
        sens = pc.utf8_upper(
            pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(table.column("Sens")), 0, 1)
        )
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

    first = pc.utf8_slice_codeunits(account, 0, 1)
    known = np.asarray(
        pc.fill_null(pc.is_in(first, pa.array(list("12345678"))), False).to_numpy(
            zero_copy_only=False
        )
    )
    flag(
        ~known,
        "fec_account_unknown",
        N_(
            "Compte « {value} » inconnu (un compte commence par un chiffre de 1 à 8) : "
            "ligne mise de côté."
        ),
        "CompteNum",
    )

    opening = pc.is_in(pc.utf8_upper(journal), pa.array(sorted(OPENING_JOURNALS)))

    def text_or_blank(name: str) -> pa.ChunkedArray | pa.Array:
        if name in wanted:
            return table.column(name)
        return pa.array(np.full(n, "", dtype=object), pa.string())

    analytic: Any
    if analytic_col:
        a = pc.utf8_trim_whitespace(table.column(analytic_col))
        analytic = pc.if_else(pc.equal(pc.utf8_length(a), 0), pa.scalar(None, pa.string()), a)
    else:
        analytic = pa.nulls(n, pa.string())
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
            "opening": opening,
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
            debit=_euros(int(rec["debit"])),
            credit=_euros(int(rec["credit"])),
            gap=_euros(int(rec["debit"]) - int(rec["credit"])),
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
            start=fy.start.strftime("%d/%m/%Y"),
            end=fy.end.strftime("%d/%m/%Y"),
        )
    if rows.size > shown.size:
        issues.counts["fec_outside_year"] += rows.size - shown.size


def _euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(int(cents)), 100)
    return f"{sign}{whole},{part:02d}"


def _day(value: Any) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)

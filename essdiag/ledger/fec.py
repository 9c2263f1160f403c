"""Read a FEC (Fichier des écritures comptables, LPF art. A47 A-1) into the canonical ledger.

Where it sits: bytes of an export → :func:`read_fec` → ``FecResult`` (the
canonical ledger of :mod:`essdiag.ledger` plus the issues found) → storage,
balances, variance.

Guards first (:mod:`essdiag.guards`): the file's size, then its kind by
signature (a workbook renamed ``.txt`` is said to be a workbook), then the
header (separator, at most ``max_columns`` columns, names checked in linear
time). The file is parsed by ``pyarrow.csv`` (:mod:`essdiag.ledger.fec_parse`)
with the columns it needs read as text (account numbers and references keep
their leading zeros; dates, journals and accounts dictionary-encoded, each
test then running once per distinct value), and quoting off (labels may
contain quote characters); amounts are then converted column by column with
``pyarrow.compute`` (:mod:`essdiag.ledger.cells`), never in a Python loop over
lines, to exact integer cents. Only the first megabyte is copied (to read the
header and guess the encoding); a path is read block by block.

Accepted: tab or pipe separator (detected from the header line); UTF-8, UTF-8
with BOM, ISO-8859-15 or Windows-1252; decimal comma or dot (the file's own,
from its first lines: an amount written with the other mark is ambiguous and
set aside); Debit/Credit or Montant + Sens. The fiscal year is the one given,
else the one the file name and the dates say (:mod:`essdiag.ledger.nature`),
and opening entries are recognised by their nature.

References:
    Livre des procédures fiscales, art. A47 A-1 (structure of the FEC);
    BOI-CF-IOR-60-40-20 (format of the fields).
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from essdiag.errors import EssdiagError, Issue, Severity
from essdiag.guards import (
    TABLE_LIMITS,
    FileKind,
    Limits,
    kind_issue,
    size_issue,
    sniff,
    unexpected_issue,
)
from essdiag.i18n import N_, Money
from essdiag.ledger.cells import (
    account_is_known,
    dates_from_text,
    decimal_mark,
    detect_encoding,
    each_flag,
    each_text,
    empty_cells,
    is_ascii,
    numbered_names,
    optional_text,
    parse_amounts,
    trimmed,
)
from essdiag.ledger.fec_parse import ParseFailure, line_numbers, parse
from essdiag.ledger.frame import ledger_from_table
from essdiag.ledger.nature import first_day_openings, infer_fiscal_year, journal_openings
from essdiag.periods import FiscalYear

__all__ = [
    "FEC_COLUMNS",
    "MAX_ISSUES_PER_CODE",
    "FecResult",
    "line_span",
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
_FEW_VALUES: Final = frozenset(
    {"JournalCode", "JournalLib", "EcritureDate", "CompteNum", "CompteLib", "Sens"}
)
"""Columns with few distinct values, read dictionary-encoded (each test runs once per value:
a year has at most 366 days)."""

_LEDGER_TEXT: Final = ("EcritureNum", "EcritureLib")
"""Free text the ledger keeps, read with 64-bit offsets: the type its frame holds text in."""


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
        fiscal_year: the fiscal year the lines were checked against (given,
            or inferred), None when none could be told.
        year_source: how it was found: ``given``, ``name`` (the file name
            ``SIRENFECAAAAMMJJ``), ``dates`` (most entries) or empty.
    """

    ledger: pd.DataFrame | None
    issues: list[Issue] = field(default_factory=list)
    lines_read: int = 0
    lines_kept: int = 0
    encoding: str = "utf-8"
    separator: str = "\t"
    fiscal_year: FiscalYear | None = None
    year_source: str = ""

    @property
    def blocking(self) -> list[Issue]:
        """The issues that set lines aside or stop the import (errors)."""
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def set_aside(self) -> int:
        """Lines read but left out of the ledger."""
        return self.lines_read - self.lines_kept

    @property
    def usable(self) -> bool:
        """True when a ledger was produced."""
        return self.ledger is not None


_MORE_KINDS: Final[dict[str, str]] = {
    "fec_date": N_("dates invalides"),
    "fec_amount": N_("montants non numériques"),
    "fec_amount_ambiguous": N_("montants au séparateur décimal ambigu"),
    "fec_sens": N_("sens inconnus"),
    "fec_account_unknown": N_("comptes inconnus"),
    "fec_field_count": N_("lignes au nombre de champs incorrect"),
    "fec_not_utf8": N_("lignes aux caractères illisibles"),
    "fec_unbalanced": N_("écritures déséquilibrées"),
    "fec_outside_year": N_("écritures hors de l'exercice"),
}
"""What the summary issue names when more problems of one kind were found than are listed."""


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
                            "… et {more} autre(s) problème(s) du même type ({kind}), non listés."
                        ),
                        params={
                            "more": n - MAX_ISSUES_PER_CODE,
                            "kind": _MORE_KINDS.get(code, N_("autres problèmes")),
                        },
                        severity=severity,
                        file=self.file,
                    )
                )
        return out


def _header(head: bytes, encoding: str) -> tuple[str, list[str]]:
    end = head.find(b"\n")
    raw = head[: end if end >= 0 else len(head)]
    text = raw.decode(encoding, errors="replace").lstrip("\ufeff").rstrip("\r")
    counts = {sep: text.count(sep) for sep in ("\t", "|", ";")}
    sep = max(counts, key=lambda s: counts[s])
    if counts[sep] == 0:
        return "", [text.strip()[:80]]
    return sep, [c.strip() for c in text.split(sep)]


def _row_lines(rows: np.ndarray, line_map: np.ndarray | None) -> list[int]:
    if line_map is None:
        return [int(r) + 2 for r in rows]
    return [int(line_map[r]) for r in rows]


_EXPECTED: Final = N_("un FEC au format texte (colonnes séparées par des tabulations ou des |)")


def read_fec(
    data: bytes | Path,
    *,
    file: str | None = None,
    fiscal_year: FiscalYear | None = None,
    start_month: int = 1,
    limits: Limits = TABLE_LIMITS,
) -> FecResult:
    """Read a FEC export into the canonical ledger, with every problem found.

    Parameters:
        data: the file's bytes, or its path (read block by block, never whole).
        file: its name, used in the issues and to find the fiscal year
            (``SIRENFECAAAAMMJJ``).
        fiscal_year: when given, lines dated outside it are reported (and
            kept); when not, the fiscal year is inferred from the file name
            and the dates (:func:`essdiag.ledger.nature.infer_fiscal_year`,
            with ``start_month``) and checked the same way.
        limits: size and column limits (:data:`essdiag.guards.TABLE_LIMITS`).

    Returns:
        A :class:`FecResult`; ``ledger`` is None when nothing usable was found.
        Lines with a bad date, a non-numeric or ambiguous amount, a wrong
        number of fields, bytes that are not text in the file's encoding, or
        no account are set aside; unbalanced entries and lines outside the
        fiscal year are kept and reported.

    Notes:
        Never raises on bad bytes: every problem is an :class:`~essdiag.errors.Issue`;
        an unexpected failure becomes one issue with a reference to the server log.
    """
    try:
        return _read_fec(data, file, fiscal_year, start_month, limits)
    except EssdiagError:
        raise
    except (Exception, RecursionError, MemoryError) as exc:
        return FecResult(None, [unexpected_issue(file, exc)])


def _read_fec(  # noqa: PLR0911, PLR0912, PLR0915 - the reader's steps, each may stop it
    data: bytes | Path,
    file: str | None,
    fiscal_year: FiscalYear | None,
    start_month: int,
    limits: Limits,
) -> FecResult:
    issues = _Issues(file)
    opened = _open(data, issues)
    if opened is None:
        return FecResult(None, issues.finish())
    source, size, head = opened
    too_large = size_issue(size, limits, file=file)
    if too_large is not None:
        return FecResult(None, [too_large])
    if _refused(head, issues):
        return FecResult(None, issues.finish())
    encoding = detect_encoding(head)
    if b"\n" not in head and size > len(head):
        issues.add(
            "fec_line_too_long",
            N_("La ligne d'en-tête dépasse {limit} Mo : ce n'est pas un FEC."),
            line=1,
            limit=len(head) >> 20,
        )
        return FecResult(None, issues.finish(), encoding=encoding)
    sep, header = _header(head, encoding)
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
    if len(header) > limits.max_columns:
        issues.add(
            "fec_too_many_columns",
            N_(
                "La ligne d'en-tête a {count} colonnes : un FEC en a 18 (au plus {limit} sont "
                "acceptées). Ce fichier n'est pas un FEC."
            ),
            line=1,
            count=len(header),
            limit=limits.max_columns,
        )
        return FecResult(None, issues.finish(), encoding=encoding, separator=sep)

    plan = _plan(header, issues)
    if plan is None:
        return FecResult(None, issues.finish(), encoding=encoding, separator=sep)
    names, wanted, has_dc = plan
    decimal = _decimal_mark(head, encoding, sep, names)
    try:
        parsed = parse(
            source,
            names,
            wanted,
            sep,
            encoding,
            ascii_head=is_ascii(head),
            dictionary=tuple(c for c in wanted if c in _FEW_VALUES or c.lower() in _ANALYTIC_NAMES),
            large=_LEDGER_TEXT,
        )
    except ParseFailure as failure:
        issues.add("fec_unreadable", failure.template, **failure.params)
        return FecResult(None, issues.finish(), encoding=encoding, separator=sep)
    pa.default_memory_pool().release_unused()  # the parser's blocks, before the conversions
    if parsed.reencoded or encoding != parsed.encoding:
        encoding = parsed.encoding
    if encoding not in ("utf-8", "utf-8-sig"):
        issues.add(
            "fec_encoding",
            N_("Fichier lu avec l'encodage {encoding} (pas en UTF-8)."),
            severity=Severity.INFO,
            encoding=_ENCODING_NAMES.get(encoding, encoding),
        )
    table = parsed.table
    n = table.num_rows
    lines_read = n + len(parsed.bad_rows)
    line_map = line_numbers(n, [b.line for b in parsed.bad_rows if b.line is not None])
    for bad in parsed.bad_rows:
        issues.add(
            "fec_field_count",
            N_("Ligne mise de côté : {actual} champ(s) au lieu de {expected} (« {text} »)."),
            line=bad.line,
            expected=bad.expected,
            actual=bad.actual,
            text=bad.text,
        )
    converted = _convert(table, wanted, has_dc, decimal, line_map, issues, parsed.not_utf8)
    del parsed, table  # the text columns not kept are freed before the ledger is made
    pa.default_memory_pool().release_unused()
    out, debit, credit, keep, blank, said = converted
    del converted
    lines_read -= blank
    kept_rows = np.flatnonzero(keep)
    whole = out  # every line read: an opening entry is judged on all its lines
    if kept_rows.size < n:
        out = out.take(pa.array(kept_rows))
        debit, credit = debit[kept_rows], credit[kept_rows]
    kept = out.num_rows
    if kept == 0:
        issues.add("fec_no_lines", N_("Aucune ligne d'écriture utilisable dans le fichier."))
        return FecResult(
            None, issues.finish(), lines_read=lines_read, encoding=encoding, separator=sep
        )
    # The pandas frame is made and the entries' balance checked on a second core while this one
    # finds the fiscal year and the opening entries; the dates are checked and the openings set
    # in the frame after (the issues keep their order).
    with ThreadPoolExecutor(max_workers=1) as pool:
        making = pool.submit(_frame_and_balance, out, debit - credit, kept_rows, line_map, issues)
        fy, year_source = (fiscal_year, "given") if fiscal_year else (None, "")
        days = whole.column("date").to_numpy(zero_copy_only=False)
        if fy is None:
            dated = keep & ~said
            fy, year_source = infer_fiscal_year(
                days if dated.all() else days[dated], name=file, start_month=start_month
            )
        opening = said | first_day_openings(
            whole.column("entry"), whole.column("account"), days, fy
        )
        del whole, days
        ledger = making.result()
    if fy is not None:
        _check_year(out, kept_rows, line_map, fy, issues)
    ledger["opening"] = opening if kept == n else opening[kept_rows]
    del out
    if kept < lines_read:
        issues.add(
            "fec_set_aside",
            N_(
                "{count} ligne(s) sur {total} mise(s) de côté ; les {kept} autres sont importables."
            ),
            severity=Severity.WARNING,
            count=lines_read - kept,
            total=lines_read,
            kept=kept,
        )
    return FecResult(
        ledger,
        issues.finish(),
        lines_read=lines_read,
        lines_kept=kept,
        encoding=encoding,
        separator=sep,
        fiscal_year=fy,
        year_source=year_source,
    )


_ENCODING_NAMES: Final = {"cp1252": "Windows-1252", "iso8859_15": "ISO-8859-15"}
"""Encodings as people name them."""


def _open(data: bytes | Path, issues: _Issues) -> tuple[pa.Buffer | str, int, bytes] | None:
    """The source to parse (the bytes given, or the path: read block by block), its size, its head.

    The head is the first megabyte, the only part copied: enough for the
    header, the encoding and the decimal mark.
    """
    if not isinstance(data, Path):
        return pa.py_buffer(data), len(data), bytes(memoryview(data)[:_HEAD])
    try:
        size = data.stat().st_size
        with data.open("rb") as fh:
            head = fh.read(_HEAD)
    except OSError:
        issues.add(
            "fec_unreadable",
            N_("Le fichier ne peut pas être ouvert : vérifiez son chemin et vos droits d'accès."),
        )
        return None
    return str(data), size, head


_HEAD: Final = 1 << 20
"""Bytes read first (header, encoding, decimal mark)."""


def _refused(head: bytes, issues: _Issues) -> bool:
    """Files refused before any parsing: empty, UTF-16 (which pyarrow cannot read), not text."""
    kind = sniff(head)
    if kind is FileKind.EMPTY or (kind is FileKind.TEXT and head.isspace()):
        issues.add("fec_empty", N_("Le fichier est vide."))
        return True
    if kind is FileKind.UTF16:
        issues.add(
            "fec_utf16",
            N_(
                "Fichier en UTF-16 : réenregistrez-le en UTF-8 ou ISO-8859-15 (texte "
                "tabulé) depuis votre logiciel ou votre tableur."
            ),
        )
        return True
    if kind is not FileKind.TEXT:
        issue = kind_issue(kind, _EXPECTED, file=issues.file)
        issues.add(issue.code, issue.template, **issue.params)
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
    counts = Counter(names)
    doubled = sorted(n for n, k in counts.items() if k > 1)
    read = {
        *_REQUIRED,
        "Debit",
        "Credit",
        "Montant",
        "Sens",
        "CompteLib",
        "EcritureLib",
        "JournalLib",
    }
    if any(n in read or n.lower() in _ANALYTIC_NAMES for n in doubled):
        issues.add(
            "fec_column_duplicate",
            N_("Colonne en double : {names}. Laquelle lire ? Gardez-en une seule dans l'export."),
            line=1,
            names=", ".join(n for n in doubled if n)[:200],
        )
        return None
    if doubled:
        issues.add(
            "fec_column_duplicate_unused",
            N_("Colonne en double, non lue (non bloquant) : {names}."),
            severity=Severity.WARNING,
            line=1,
            names=", ".join(n or "(sans nom)" for n in doubled)[:200],
        )
    names = numbered_names(names)[0]
    analytic_col = next((n for n in names if n.lower() in _ANALYTIC_NAMES), None)
    wanted = ["JournalCode", "EcritureNum", "EcritureDate", "CompteNum"]
    wanted += [c for c in ("JournalLib", "CompteLib", "EcritureLib") if c in present]
    wanted += ["Debit", "Credit"] if has_dc else ["Montant", "Sens"]
    if analytic_col:
        wanted.append(analytic_col)

    return names, wanted, has_dc


def _convert(  # noqa: PLR0915, PLR0917 - the parsed table and what the reader knows of it
    table: pa.Table,
    wanted: list[str],
    has_dc: bool,
    decimal: str,
    line_map: np.ndarray | None,
    issues: _Issues,
    not_utf8: np.ndarray,
) -> tuple[pa.Table, np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
    """Canonical columns from the parsed table and what they say of each line.

    Returns ``(table, debit, credit, keep, blank rows, said)``: ``said`` marks
    the lines whose journal code or label says they open the year (the
    table's ``opening`` column until the reader adds the entries opened on
    the first day, by their nature).
    """
    n = table.num_rows
    analytic_col = next((c for c in wanted if c.lower() in _ANALYTIC_NAMES), None)
    # The amount columns are converted on their own threads while this one trims the codes and
    # reads the dates (pyarrow and numpy release the interpreter's lock); issues are listed in order.
    amount_columns = ["Debit", "Credit"] if has_dc else ["Montant"]
    texts = {c: table.column(c) for c in amount_columns}
    with ThreadPoolExecutor(max_workers=1) as pool:
        parsing = [pool.submit(parse_amounts, values, decimal) for values in texts.values()]
        table = _one_dictionary_each(table)
        journal, entry, account, when, date_ok = _codes_and_dates(table)
        # Blank lines come back as empty rows: dropped silently, not counted as lines.
        blank = empty_cells(journal)
        if blank.any():
            blank &= empty_cells(entry) & empty_cells(account)
        known = account_is_known(account)
        label = table.column("JournalLib") if "JournalLib" in wanted else None
        said = journal_openings(journal, label)
        found_amounts = dict(zip(texts, (job.result() for job in parsing), strict=True))
    del texts
    keep = ~blank

    def flag(bad: np.ndarray, code: str, template: str, column: str) -> None:
        rows = np.flatnonzero(bad & keep)
        if rows.size == 0:
            return
        shown = rows[:MAX_ISSUES_PER_CODE]
        texts = table.column(column).take(pa.array(shown)).to_pylist()
        for line, value in zip(_row_lines(shown, line_map), texts, strict=True):
            issues.add(code, template, line=line, column=column, value=str(value)[:80])
        issues.counts[code] += rows.size - shown.size
        keep[rows] = False

    if not_utf8.size:
        bad = np.zeros(n, dtype=bool)
        bad[not_utf8] = True
        rows = np.flatnonzero(bad & keep)
        for line in _row_lines(rows[:MAX_ISSUES_PER_CODE], line_map):
            issues.add(
                "fec_not_utf8",
                N_(
                    "Ligne mise de côté : elle contient des caractères qui ne sont pas en UTF-8 "
                    "(l'encodage du reste du fichier). Corrigez-la dans votre logiciel."
                ),
                line=line,
            )
        issues.counts["fec_not_utf8"] = issues.counts.get("fec_not_utf8", 0) + max(
            0, rows.size - MAX_ISSUES_PER_CODE
        )
        keep[rows] = False

    flag(
        ~date_ok,
        "fec_date",
        N_("Date invalide « {value} » (attendu AAAAMMJJ) : ligne mise de côté."),
        "EcritureDate",
    )
    amount_template = N_("Montant non numérique « {value} » : ligne mise de côté.")
    ambiguous_template = (
        N_(
            "Montant « {value} » ambigu : ce fichier écrit les décimales avec une virgule, le "
            "point est-il un séparateur de milliers ou une virgule ? Ligne mise de côté."
        )
        if decimal == ","
        else N_(
            "Montant « {value} » ambigu : ce fichier écrit les décimales avec un point, la "
            "virgule est-elle un séparateur de milliers ou une virgule ? Ligne mise de côté."
        )
    )

    def amounts(column: str) -> np.ndarray:
        found = found_amounts.pop(column)
        flag(found.ambiguous, "fec_amount_ambiguous", ambiguous_template, column)
        flag(~found.valid & ~found.ambiguous, "fec_amount", amount_template, column)
        return found.cents

    if has_dc:
        debit = amounts("Debit")
        credit = amounts("Credit")
    else:
        amount = amounts("Montant")
        sens = each_text(
            table.column("Sens"),
            lambda v: pc.utf8_upper(pc.utf8_slice_codeunits(pc.utf8_trim_whitespace(v), 0, 1)),
        )
        is_d = each_flag(sens, lambda v: pc.is_in(v, pa.array(["D", "+"])))
        is_c = each_flag(sens, lambda v: pc.is_in(v, pa.array(["C", "-"])))
        flag(
            ~(is_d | is_c),
            "fec_sens",
            N_("Sens « {value} » inconnu (attendu D ou C) : ligne mise de côté."),
            "Sens",
        )
        debit = np.where(is_d, amount, 0)
        credit = np.where(is_c, amount, 0)

    flag(
        ~known,
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
        return pa.repeat(pa.scalar("", pa.large_string()), n)

    def large(values: pa.ChunkedArray | pa.Array) -> pa.ChunkedArray | pa.Array:
        # The text type pandas holds: cast once here, the text itself is not copied.
        return values if pa.types.is_dictionary(values.type) else values.cast(pa.large_string())

    analytic: Any = (
        large(optional_text(table.column(analytic_col)))
        if analytic_col
        else pa.nulls(n, pa.large_string())
    )
    out = pa.table(
        {
            "journal": journal,
            "entry": large(entry),
            "date": when,
            "account": account,
            "account_label": text_or_blank("CompteLib"),
            "label": large(text_or_blank("EcritureLib")),
            "debit_cents": pa.array(debit, pa.int64()),
            "credit_cents": pa.array(credit, pa.int64()),
            "analytic": analytic,
            "opening": pa.array(said),  # completed by the reader, by nature on the first day
        }
    )
    return out, debit, credit, keep, int(blank.sum()), said


def _frame_and_balance(
    out: pa.Table,
    net: np.ndarray,
    kept_rows: np.ndarray,
    line_map: np.ndarray | None,
    issues: _Issues,
) -> pd.DataFrame:
    """The ledger frame, then each entry's balance checked (:func:`_check_balance`)."""
    frame = ledger_from_table(out)
    _check_balance(out, net, kept_rows, line_map, issues)
    return frame


def _codes_and_dates(table: pa.Table) -> tuple[Any, Any, Any, pa.Array, np.ndarray]:
    """Journal, entry and account trimmed, and the dates with their validity."""
    journal = trimmed(table.column("JournalCode"))
    entry = trimmed(table.column("EcritureNum"))
    account = trimmed(table.column("CompteNum"))
    when, date_ok = dates_from_text(table.column("EcritureDate"))
    return journal, entry, account, when, date_ok


def _one_dictionary_each(table: pa.Table) -> pa.Table:
    """Dictionary columns with one dictionary for the whole file (a test per distinct value)."""
    for i, name in enumerate(table.column_names):
        column = table.column(i)
        if pa.types.is_dictionary(column.type) and column.num_chunks > 1:
            table = table.set_column(i, name, pa.chunked_array([column.combine_chunks()]))
    return table


def _decimal_mark(head: bytes, encoding: str, sep: str, names: list[str]) -> str:
    """The decimal mark of the file's amounts, from its first lines (``,`` or ``.``).

    The mark most non-zero amounts of the first 200 lines end with
    (:func:`essdiag.ledger.cells.decimal_mark`; a comma on a tie), so that one
    odd ``1.230`` in a comma-decimal file is the ambiguous one, not the rest.
    """
    cols = [names.index(c) for c in ("Debit", "Credit", "Montant") if c in names]
    end = -1
    for _line in range(200):
        end = head.find(b"\n", end + 1)
        if end < 0:
            break
    lines = (head if end < 0 else head[:end]).decode(encoding, errors="replace").splitlines()[1:]
    fields = [line.split(sep) for line in lines]
    values = [f[i] for f in fields for i in cols if i < len(f)]
    return decimal_mark(pa.array(values, pa.string())) if values else ","


_UNBALANCED_LINES: Final = N_(
    "Écriture {entry} (journal {journal}) déséquilibrée : débit {debit}, "
    "crédit {credit}, écart {gap} (lignes {lines})."
)
_UNBALANCED_LINE: Final = N_(
    "Écriture {entry} (journal {journal}) déséquilibrée : débit {debit}, "
    "crédit {credit}, écart {gap} (ligne {lines})."
)
"""An unbalanced entry, spread over several lines or on one."""


def _check_balance(
    out: pa.Table,
    net: np.ndarray,
    kept_rows: np.ndarray,
    line_map: np.ndarray | None,
    issues: _Issues,
) -> None:
    """Each entry (EcritureNum) must balance: Σ debit = Σ credit.

    The issue names the entry, its journal, its totals and every line it
    spans (« lignes 12, 13 et 40 »).

    Notes:
        Lines of an entry are normally contiguous: the net (debit − credit) is
        summed per run of equal entry numbers with ``numpy.add.reduceat``;
        only the rows of unbalanced runs are grouped again by entry number, so
        an entry split in several runs is still judged as a whole (its other
        runs are found by number among every row, once).
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
    suspects = pa.array(sorted({str(entry[int(starts[r])]) for r in bad_runs}))
    rows = np.flatnonzero(
        np.asarray(pc.is_in(entry, suspects).to_numpy(zero_copy_only=False), dtype=bool)
    )
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
        rows=("row", list),
        journal=("journal", "first"),
    )
    grouped = grouped[grouped["debit"] != grouped["credit"]].sort_values("row")
    for entry_num, rec in grouped.head(MAX_ISSUES_PER_CODE).iterrows():
        lines = _row_lines(kept_rows[np.asarray(rec["rows"], dtype=np.int64)], line_map)
        issues.add(
            "fec_unbalanced",
            _UNBALANCED_LINE if len(set(lines)) == 1 else _UNBALANCED_LINES,
            severity=Severity.WARNING,
            line=lines[0],
            column="EcritureNum",
            entry=str(entry_num)[:40],
            journal=str(rec["journal"])[:20],
            debit=Money.of_cents(int(rec["debit"])),
            credit=Money.of_cents(int(rec["credit"])),
            gap=Money.of_cents(int(rec["debit"]) - int(rec["credit"])),
            lines=line_span(lines),
        )
    extra = len(grouped) - MAX_ISSUES_PER_CODE
    if extra > 0:
        issues.counts["fec_unbalanced"] += extra


def line_span(lines: list[int], most: int = 12) -> str:
    """Line numbers as a reader scans them: runs joined by a dash (« 12–14, 40 »).

    Example:
        >>> line_span([12, 13, 14, 40]), line_span(list(range(2, 60, 2)), most=3)
        ('12–14, 40', '2, 4, 6, …')
    """
    runs: list[tuple[int, int]] = []
    for line in sorted(set(lines)):
        if runs and line == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], line)
        else:
            runs.append((line, line))
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs[:most]]
    return ", ".join(parts) + (", …" if len(runs) > most else "")


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

"""Guards shared by every reader: file kind, size and zip limits, bounded workbooks, a safety net.

Where it sits: kernel. Every reader of user files (dossier JSON/XLSX, FEC,
CSV/XLSX tables, budget template, risk register, and the readers of the
capabilities to come) calls these before and while it parses, so that bad
input is reported as French :class:`~essdiag.errors.Issue` records and never
as an exception, a hang or a process that runs out of memory:

1. :func:`sniff` recognises the kind of a file by its first bytes (a
   workbook renamed ``.txt`` is said to be a workbook, not « colonne
   absente » six times);
2. :func:`size_issue` refuses a file over its reader's limit before anything
   is decoded;
3. :func:`zip_issues` checks a workbook's archive before decompressing it:
   member count, declared uncompressed size, compression ratio (a 3 MB zip of
   a 1 GB sheet is refused at once), encrypted or multi-disk archives;
4. :func:`open_workbook` opens it with openpyxl in read-only mode and
   :func:`sheet_rows` reads a sheet with the declared ``dimension`` ignored
   (a 5 KB file declaring ``A1:XFD1048576`` would otherwise pad every row to
   16,384 cells), at most ``max_rows`` rows and ``max_columns`` columns, every
   parser error turned into an issue located by sheet and row;
5. :func:`reader` wraps a whole reader: any exception left (a library's, or a
   bug of ours) becomes one French issue with a reference to the server log,
   and the traceback goes to the log, never to the screen.

Limits are stated in the messages, so the user knows what is accepted.
"""

from __future__ import annotations

import functools
import io
import json
import logging
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Final, ParamSpec, TypeVar

from essdiag.errors import EssdiagError, Issue, Severity
from essdiag.i18n import N_

__all__ = [
    "FileKind",
    "Limits",
    "json_reason",
    "json_syntax_issue",
    "kind_issue",
    "open_workbook",
    "reader",
    "sheet_rows",
    "size_issue",
    "sniff",
    "unexpected_issue",
    "zip_issues",
]

log = logging.getLogger("essdiag.readers")

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a reader accepts; each limit is said in the message that refuses a file.

    Attributes:
        max_bytes: size of the file as uploaded.
        max_rows: data rows read from a table or a sheet.
        max_columns: columns of a table or a sheet.
        max_line_bytes: length of one line of a text file.
        max_members: files inside a workbook's archive.
        max_uncompressed: total declared size of the archive's members.
        max_ratio: declared size over compressed size, per member.
        max_blank_rows: empty rows in a row inside a sheet (a row numbered
            99,999,999 is preceded by that many empty ones).
    """

    max_bytes: int = 200 * MiB
    max_rows: int = 2_000_000
    max_columns: int = 200
    max_line_bytes: int = 1 * MiB
    max_members: int = 2_000
    max_uncompressed: int = 600 * MiB
    max_ratio: int = 200
    max_blank_rows: int = 10_000

    def but(self, **changes: int) -> Limits:
        """The same limits with some changed."""
        return replace(self, **changes)


TABLE_LIMITS = Limits()
"""Ledgers and large tables (a year of accounts: up to a few million lines)."""
FORM_LIMITS = Limits(
    max_bytes=20 * MiB, max_rows=100_000, max_columns=200, max_uncompressed=200 * MiB
)
"""Dossiers, budgets, registers, surveys: what people type in a workbook."""


class FileKind(StrEnum):
    """What a file is, from its first bytes."""

    EMPTY = "empty"
    ZIP = "zip"  # XLSX, DOCX, ODS… (an Office Open XML or OpenDocument archive)
    OLE2 = "ole2"  # an old Excel .xls (or Word .doc) file
    PDF = "pdf"
    GZIP = "gzip"
    UTF16 = "utf16"  # text with a UTF-16 byte order mark
    BINARY = "binary"  # NUL bytes or other control bytes: not text
    TEXT = "text"


_KIND_WORDS: dict[FileKind, str] = {
    FileKind.EMPTY: N_("un fichier vide"),
    FileKind.ZIP: N_("un classeur Excel (ou un autre document compressé)"),
    FileKind.OLE2: N_("un ancien classeur Excel .xls"),
    FileKind.PDF: N_("un document PDF"),
    FileKind.GZIP: N_("une archive compressée (gzip)"),
    FileKind.UTF16: N_("un texte en UTF-16"),
    FileKind.BINARY: N_("un fichier binaire, pas un texte"),
    FileKind.TEXT: N_("un fichier texte"),
}

_SIGNATURES: tuple[tuple[bytes, FileKind], ...] = (
    (b"PK\x03\x04", FileKind.ZIP),
    (b"PK\x05\x06", FileKind.ZIP),
    (b"PK\x07\x08", FileKind.ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", FileKind.OLE2),
    (b"%PDF", FileKind.PDF),
    (b"\x1f\x8b", FileKind.GZIP),
    (b"\xff\xfe", FileKind.UTF16),
    (b"\xfe\xff", FileKind.UTF16),
)
_CONTROL = bytes(range(32)).replace(b"\t", b"").replace(b"\n", b"").replace(b"\r", b"")


def sniff(raw: bytes) -> FileKind:
    """The kind of a file by its signature (and, for text, by the absence of control bytes).

    Example:
        >>> sniff(b"PK\\x03\\x04..."), sniff(b"JournalCode\\tJournalLib\\n"), sniff(b"")
        (<FileKind.ZIP: 'zip'>, <FileKind.TEXT: 'text'>, <FileKind.EMPTY: 'empty'>)
    """
    if not raw:
        return FileKind.EMPTY
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return kind
    sample = raw[:65536]
    if b"\x00" in sample or sum(sample.count(bytes([c])) for c in _CONTROL) > len(sample) // 100:
        return FileKind.BINARY
    return FileKind.TEXT


def kind_issue(kind: FileKind, expected: str, *, file: str | None) -> Issue:
    """The issue for a file of the wrong kind: what it is, and what was expected.

    ``expected`` is a French phrase marked with ``N_`` (« un FEC au format texte »).
    """
    return Issue(
        code="file_kind",
        template=N_(
            "Ce fichier est {kind} : il fallait {expected}. Vérifiez que vous avez choisi le "
            "bon fichier (ou enregistrez-le au bon format)."
        ),
        params={"kind": _KIND_WORDS[kind], "expected": expected},
        file=file,
    )


def size_issue(size: int, limits: Limits, *, file: str | None) -> Issue | None:
    """The issue for a file larger than the reader accepts, or None."""
    if size <= limits.max_bytes:
        return None
    return Issue(
        code="file_too_large",
        template=N_("Le fichier pèse {size} Mo : ce type de fichier est limité à {limit} Mo."),
        params={"size": round(size / MiB, 1), "limit": limits.max_bytes // MiB},
        file=file,
    )


def _archive_issue(template: str, file: str | None, **params: Any) -> Issue:
    return Issue(code="xlsx_archive", template=template, params=params, file=file)


_DAMAGED = N_(
    "Le classeur est abîmé ou n'est pas un vrai fichier Excel (son archive ne se lit pas) : "
    "ouvrez-le dans votre tableur et enregistrez-le de nouveau au format .xlsx."
)


_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
"""Compression methods of the workbooks that spreadsheets write (and zipfile reads)."""


def zip_issues(raw: bytes, limits: Limits, *, file: str | None) -> list[Issue]:  # noqa: PLR0911 - a return per refusal
    """Problems of a workbook's archive, found before anything is decompressed.

    Checks that it opens as a zip, is not encrypted nor split over several
    disks, uses the compression spreadsheets write (stored or deflated), holds at most ``max_members`` files whose declared sizes add up to
    at most ``max_uncompressed`` bytes, none compressed more than
    ``max_ratio`` times (a zip bomb).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, ValueError):
        return [_archive_issue(_DAMAGED, file)]
    except Exception:
        log.warning("zip directory unreadable: %s", file, exc_info=True)
        return [_archive_issue(_DAMAGED, file)]
    if len(members) > limits.max_members:
        return [
            _archive_issue(
                N_("Le classeur contient {n} fichiers internes (au plus {limit}) : il est refusé."),
                file,
                n=len(members),
                limit=limits.max_members,
            )
        ]
    if any(m.flag_bits & 0x1 for m in members):
        return [
            _archive_issue(
                N_(
                    "Le classeur est protégé par un mot de passe : enregistrez-en une copie sans "
                    "mot de passe, puis importez-la."
                ),
                file,
            )
        ]
    odd = sorted({m.compress_type for m in members} - _METHODS)
    if odd:
        return [
            _archive_issue(
                N_(
                    "Le classeur est compressé d'une façon qu'essdiag ne lit pas (méthode "
                    "{method}) : ouvrez-le dans votre tableur et enregistrez-le de nouveau au "
                    "format .xlsx."
                ),
                file,
                method=str(odd[0]),
            )
        ]
    declared = sum(m.file_size for m in members)
    if declared > limits.max_uncompressed:
        return [
            _archive_issue(
                N_(
                    "Une fois décompressé, le classeur ferait {size} Mo (au plus {limit} Mo) : "
                    "il est refusé. Allégez-le (feuilles inutiles, mises en forme) ou découpez-le."
                ),
                file,
                size=round(declared / MiB),
                limit=limits.max_uncompressed // MiB,
            )
        ]
    for m in members:
        if m.file_size > 1 * MiB and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            return [
                _archive_issue(
                    N_(
                        "Le classeur contient une partie anormalement compressée ({member}, "
                        "{ratio} fois) : par prudence, il est refusé."
                    ),
                    file,
                    member=m.filename[:80],
                    ratio=m.file_size // max(m.compress_size, 1),
                )
            ]
    return []


def open_workbook(
    raw: bytes, limits: Limits = FORM_LIMITS, *, file: str | None
) -> tuple[Any | None, list[Issue]]:
    """An openpyxl workbook in read-only mode (values, not formulas), or None and the issues.

    The caller closes it (``wb.close()``) when done.
    """
    issue = size_issue(len(raw), limits, file=file)
    if issue is not None:
        return None, [issue]
    kind = sniff(raw)
    if kind is not FileKind.ZIP:
        return None, [kind_issue(kind, N_("un classeur Excel .xlsx"), file=file)]
    issues = zip_issues(raw, limits, file=file)
    if issues:
        return None, issues
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception:
        log.info("workbook unreadable: %s", file, exc_info=True)
        return None, [_archive_issue(_DAMAGED, file)]
    return wb, []


def sheet_rows(
    ws: Any, limits: Limits = FORM_LIMITS, *, file: str | None, sheet: str | None = None
) -> tuple[list[tuple[Any, ...]], list[Issue]]:
    """The rows of a read-only sheet as tuples of values, bounded, with the problems met.

    The sheet's declared dimension is ignored (it may lie); at most
    ``max_columns`` columns and ``max_rows`` rows are read (the rest is
    refused with an issue saying so). A parser error part-way (a damaged XML
    part, a shared string that does not exist, an impossible date) stops the
    reading with an issue located at the row reached; the rows read before it
    are returned. Empty rows come back as ``()``; a run of more than
    ``max_blank_rows`` of them (a row numbered 99,999,999, which openpyxl pads with
    empty rows) ends the reading with a warning, in time linear in the limit.
    """
    name = sheet or getattr(ws, "title", None)
    rows: list[tuple[Any, ...]] = []
    issues: list[Issue] = []
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()
    widest = 0
    blank = 0  # empty rows since the last row with a value
    try:
        for row in ws.iter_rows(max_col=limits.max_columns + 1, values_only=True):
            if row.count(None) == len(row):  # a gap: openpyxl pads missing rows (r="99999999")
                blank += 1
                if blank > limits.max_blank_rows:
                    issues.append(_blank_run_issue(name, limits, file, len(rows) - blank + 2))
                    del rows[len(rows) - blank + 1 :]
                    break
                rows.append(())
                continue
            blank = 0
            if len(rows) >= limits.max_rows:
                issues.append(
                    Issue(
                        code="table_too_many_rows",
                        template=N_(
                            "La feuille « {sheet} » a plus de {limit} lignes : seules les "
                            "{limit} premières sont lues."
                        ),
                        params={"sheet": name, "limit": limits.max_rows},
                        file=file,
                        severity=Severity.WARNING,
                    )
                )
                break
            end = len(row)
            while end and row[end - 1] is None:
                end -= 1
            widest = max(widest, end)
            rows.append(tuple(row[: min(end, limits.max_columns)]))
    except Exception:
        log.info("sheet unreadable: %s / %s", file, name, exc_info=True)
        issues.append(
            Issue(
                code="xlsx_sheet_damaged",
                template=N_(
                    "La feuille « {sheet} » est abîmée à partir de la ligne {line} (contenu "
                    "illisible) : les lignes suivantes ne sont pas lues. Enregistrez le classeur "
                    "de nouveau depuis votre tableur."
                ),
                params={"sheet": name, "line": len(rows) + 1},
                file=file,
                line=len(rows) + 1,
            )
        )
    if widest > limits.max_columns:
        issues.append(
            Issue(
                code="table_too_many_columns",
                template=N_(
                    "La feuille « {sheet} » a plus de {limit} colonnes : seules les {limit} "
                    "premières sont lues."
                ),
                params={"sheet": name, "limit": limits.max_columns},
                file=file,
                severity=Severity.WARNING,
            )
        )
    return rows, issues


def _blank_run_issue(sheet: str | None, limits: Limits, file: str | None, line: int) -> Issue:
    return Issue(
        code="table_blank_run",
        template=N_(
            "La feuille « {sheet} » a plus de {limit} lignes vides d'affilée à partir de la "
            "ligne {line} : la suite n'est pas lue."
        ),
        params={"sheet": sheet, "limit": limits.max_blank_rows, "line": line},
        file=file,
        line=line,
        severity=Severity.WARNING,
    )


def unexpected_issue(file: str | None, exc: BaseException | None = None) -> Issue:
    """The one issue shown when a reader failed unexpectedly; the details go to the server log."""
    ref = uuid.uuid4().hex[:8]
    if exc is not None:
        log.error("reader failed on %s (ref %s)", file, ref, exc_info=exc)
    return Issue(
        code="reader_failed",
        template=N_(
            "Ce fichier n'a pas pu être lu : il est peut-être abîmé ou d'un autre format. Rien "
            "n'a été importé et votre dossier n'a pas changé. (Référence pour l'assistance : "
            "{ref}.)"
        ),
        params={"ref": ref},
        file=file,
    )


P = ParamSpec("P")
V = TypeVar("V")


def reader(
    fn: Callable[P, tuple[V | None, list[Issue]]],
) -> Callable[P, tuple[V | None, list[Issue]]]:
    """Make a reader keep the contract whatever the input: ``(value, issues)`` or its own error.

    The reader's own :class:`~essdiag.errors.EssdiagError` passes through;
    any other exception (a library's, or a bug) becomes
    :func:`unexpected_issue`, with the traceback in the server log. The file
    name is taken from the reader's ``file`` keyword argument.
    """

    @functools.wraps(fn)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> tuple[V | None, list[Issue]]:
        try:
            return fn(*args, **kwargs)
        except EssdiagError:
            raise
        except (Exception, RecursionError, MemoryError) as exc:
            file = kwargs.get("file")
            return None, [unexpected_issue(file if isinstance(file, str) else None, exc)]

    return guarded


_JSON_REASONS: Final[dict[str, str]] = {
    "Expecting value": N_("une valeur est attendue"),
    "Expecting property name enclosed in double quotes": N_(
        "un nom de champ entre guillemets est attendu"
    ),
    "Expecting ',' delimiter": N_("une virgule est attendue"),
    "Expecting ':' delimiter": N_("deux-points sont attendus"),
    "Unterminated string starting at": N_("un texte n'est pas refermé"),
    "Extra data": N_("du contenu suit la fin du fichier"),
    "Invalid control character at": N_("un caractère de contrôle est interdit dans un texte"),
    "Invalid \\escape": N_("une barre oblique inverse est mal utilisée"),
    "Illegal trailing comma before end of object": N_("une virgule est en trop"),
    "Illegal trailing comma before end of array": N_("une virgule est en trop"),
}
"""The json module's English reasons, in French (the issue names the place)."""


def json_reason(msg: str) -> str:
    """The French reason of a JSON syntax error; a general one for a reason not listed.

    >>> json_reason("Expecting value")
    'une valeur est attendue'
    >>> json_reason("Something new in Python 3.14")
    "la syntaxe JSON n'est pas respectée"
    """
    return _JSON_REASONS.get(msg, N_("la syntaxe JSON n'est pas respectée"))


def json_syntax_issue(exc: json.JSONDecodeError, file: str | None) -> Issue:
    """The issue of a file that is not valid JSON: the reason in French, its line and column."""
    return Issue(
        code="json_syntax",
        template=N_(
            "Le fichier n'est pas un JSON valide ({reason}) : il est peut-être "
            "tronqué ou a été modifié à la main."
        ),
        params={"reason": json_reason(exc.msg)},
        file=file,
        line=exc.lineno,
        column=str(exc.colno),
    )

"""Import a register or a survey into the HR section: read, store as attachments, reference.

Where it sits: the screen's import buttons and a sample case's files →
:func:`import_workforce` / :func:`import_survey` (reader + attachments) → the
new :class:`~essdiag.hr.section.HRSection` the caller saves. Nothing
half-imported replaces good data: when a file is unusable the section is
returned unchanged (None) with the issues.

:func:`import_case_files` takes a sample case's files (``effectif_AAAA.csv``,
``qvt_AAAA.csv``) so that opening a copy of a case brings its register and
its survey (the period is the calendar year in the file's name);
:func:`case_files_to_import` says which of them the section does not hold yet,
so importing a case twice never duplicates it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from essdiag.errors import Issue, Severity
from essdiag.hr.qvt import read_survey
from essdiag.hr.section import HRSection, StoredTable
from essdiag.hr.storage import SURVEY_KIND, WORKFORCE_KIND, store_table
from essdiag.hr.workforce import read_workforce
from essdiag.ledger.storage import AttachmentStore

__all__ = [
    "CASE_PREFIXES",
    "case_files_to_import",
    "hr_names",
    "import_case_files",
    "import_survey",
    "import_workforce",
]


def import_workforce(
    store: AttachmentStore,
    dossier_id: str,
    section: HRSection,
    raw: bytes,
    *,
    file: str,
    period_start: date,
    period_end: date,
    mapping: Mapping[str, str | None] | None = None,
) -> tuple[HRSection | None, list[Issue]]:
    """The section with the register imported (None when the file is unusable), and the issues."""
    read, issues = read_workforce(
        raw, file=file, period_start=period_start, period_end=period_end, mapping=mapping
    )
    if read is None or read.frame is None:
        return None, issues
    stored = store_table(
        store,
        dossier_id,
        read.frame,
        original=raw,
        name=file,
        kind=WORKFORCE_KIND,
        period_start=period_start,
        period_end=period_end,
        rows_read=read.rows_read,
        issues=sum(i.severity is Severity.ERROR for i in issues),
    )
    return section.model_copy(update={"workforce": stored}), issues


def import_survey(
    store: AttachmentStore,
    dossier_id: str,
    section: HRSection,
    raw: bytes,
    *,
    file: str,
    period_start: date,
    period_end: date,
) -> tuple[HRSection | None, list[Issue]]:
    """The section with the survey answers imported (None when unusable), and the issues."""
    answers, issues = read_survey(raw, file=file)
    if answers is None:
        return None, issues
    stored = store_table(
        store,
        dossier_id,
        answers,
        original=raw,
        name=file,
        kind=SURVEY_KIND,
        period_start=period_start,
        period_end=period_end,
        rows_read=int(answers["respondent"].nunique()),
        issues=sum(i.severity is Severity.ERROR for i in issues),
    )
    return section.model_copy(update={"survey": stored}), issues


def _year(name: str) -> int | None:
    found = re.search(r"(19|20)\d\d", name)
    return int(found.group(0)) if found else None


def _year_of(name: str) -> int:
    return _year(name) or 0


CASE_PREFIXES = ("effectif", "qvt")
"""Names of a case's register (``effectif_AAAA``) and survey (``qvt_AAAA``) files."""


def _latest(files: Mapping[str, bytes], prefix: str) -> str | None:
    """The file of a kind with the latest year in its name, if any."""
    names = sorted((n for n in hr_names(files) if n.lower().startswith(prefix)), key=_year_of)
    return names[-1] if names else None


def hr_names(names: Iterable[str]) -> list[str]:
    """The names of a case's files that this module imports (register and survey).

    Example:
        >>> hr_names(["FEC_2025.txt", "effectif_2025.csv", "qvt_2025.csv", "budget_2026.csv"])
        ['effectif_2025.csv', 'qvt_2025.csv']
    """
    return [n for n in names if n.lower().startswith(CASE_PREFIXES) and _year(n)]


def _held(store: AttachmentStore, stored: StoredTable | None, raw: bytes) -> bool:
    """True when the section's table was imported from these very bytes."""
    if stored is None or not stored.original_id:
        return False
    return store.attachment_bytes(stored.original_id) == raw


def case_files_to_import(
    store: AttachmentStore, section: HRSection, files: Mapping[str, bytes]
) -> dict[str, bytes]:
    """The register and survey files of a case that the section does not hold yet.

    A file counts as held when the section's register (survey) was imported
    from the same bytes — a copy of a case opened with its files, or a case
    imported once already — so a second import never duplicates the first.

    Example:
        >>> case_files_to_import(None, HRSection(), {"FEC_2025.txt": b""})  # no register: no store read
        {}
    """
    todo: dict[str, bytes] = {}
    for prefix, stored in zip(CASE_PREFIXES, (section.workforce, section.survey), strict=True):
        name = _latest(files, prefix)
        if name is not None and not _held(store, stored, files[name]):
            todo[name] = files[name]
    return todo


def import_case_files(
    store: AttachmentStore, dossier_id: str, section: HRSection, files: Mapping[str, bytes]
) -> tuple[HRSection, list[Issue]]:
    """A sample case's ``effectif_AAAA`` and ``qvt_AAAA`` files (CSV or XLSX) into the section.

    The latest year of each kind is imported, over that calendar year; a file
    the section already holds (same bytes) is not imported again, and a file
    that cannot be used leaves the section as it was and is reported.
    """
    issues: list[Issue] = []
    todo = case_files_to_import(store, section, files)
    for prefix, importer in zip(CASE_PREFIXES, (import_workforce, import_survey), strict=True):
        name = _latest(todo, prefix)
        if name is None:
            continue
        year = _year(name) or 0
        new, found = importer(
            store,
            dossier_id,
            section,
            todo[name],
            file=name,
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
        )
        issues += found
        if new is not None:
            section = new
    return section, issues

"""Import a register or a survey into the HR section: read, store as attachments, reference.

Where it sits: the screen's import buttons and a sample case's files →
:func:`import_workforce` / :func:`import_survey` (reader + attachments) → the
new :class:`~essdiag.hr.section.HRSection` the caller saves. Nothing
half-imported replaces good data: when a file is unusable the section is
returned unchanged (None) with the issues.

:func:`import_case_files` takes a sample case's files (``effectif_AAAA.csv``,
``qvt_AAAA.csv``) so that opening a copy of a case brings its register and
its survey (the period is the calendar year in the file's name).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from essdiag.errors import Issue, Severity
from essdiag.hr.qvt import read_survey
from essdiag.hr.section import HRSection
from essdiag.hr.storage import SURVEY_KIND, WORKFORCE_KIND, store_table
from essdiag.hr.workforce import read_workforce
from essdiag.ledger.storage import AttachmentStore

__all__ = ["import_case_files", "import_survey", "import_workforce"]


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


def import_case_files(
    store: AttachmentStore, dossier_id: str, section: HRSection, files: Mapping[str, bytes]
) -> tuple[HRSection, list[Issue]]:
    """A sample case's ``effectif_AAAA`` and ``qvt_AAAA`` files (CSV or XLSX) into the section.

    The latest year of each kind is imported, over that calendar year; a file
    that cannot be used leaves the section as it was and is reported.
    """
    issues: list[Issue] = []
    for prefix, importer in (("effectif", import_workforce), ("qvt", import_survey)):
        names = sorted(
            (n for n in files if n.lower().startswith(prefix) and _year(n)),
            key=lambda n: _year(n) or 0,
        )
        if not names:
            continue
        name = names[-1]
        year = _year(name) or 0
        new, found = importer(
            store,
            dossier_id,
            section,
            files[name],
            file=name,
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
        )
        issues += found
        if new is not None:
            section = new
    return section, issues

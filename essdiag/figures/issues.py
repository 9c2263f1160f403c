"""Problems found in the input, written for the reader: one message each, and a table of them.

Where it sits: kernel, over :class:`~essdiag.errors.Issue`. A reader returns
issues with raw values; :func:`issue_text` writes one in the reader's
language with where it was found, and :func:`issues_view` makes the table the
screens and exports show when there are many (French messages and locations,
never raw codes or « None »).
"""

from __future__ import annotations

from collections.abc import Iterable

from essdiag.errors import Issue, Severity
from essdiag.figures.view import Column, View
from essdiag.i18n import N_, Translator

__all__ = ["LIBRARY_WORDS", "issue_message", "issue_text", "issues_view", "sorted_issues"]

LIBRARY_WORDS = ("label", "reason", "hint", "kind", "expected", "expected_kind")
"""Issue parameters that hold French words of the library (translated), not user input."""

_SEVERITY = {
    Severity.ERROR: N_("Bloquant"),
    Severity.WARNING: N_("À vérifier"),
    Severity.INFO: N_("Information"),
}


def issue_message(issue: Issue, tr: Translator) -> str:
    """The message alone, in the reader's language, its values written the reader's way."""
    return tr.fill(issue.template, issue.params, LIBRARY_WORDS)


def issue_text(issue: Issue, tr: Translator) -> str:
    """The message with where it was found (« …(fec.txt, ligne 3, colonne Debit) »)."""
    where = issue.where(tr)
    message = issue_message(issue, tr)
    return f"{message} ({where})" if where else message


def sorted_issues(issues: Iterable[Issue]) -> list[Issue]:
    """Errors first, then by line."""
    return sorted(issues, key=lambda i: (i.severity != Severity.ERROR, i.line or 0))


def issues_view(issues: Iterable[Issue], tr: Translator) -> View:
    """One row per issue: severity, message, file, line, column (blank where unknown)."""
    rows = [
        {
            "severity": tr(_SEVERITY[i.severity]),
            "message": issue_message(i, tr),
            "file": i.file or "",
            "line": "" if i.line is None else str(i.line),
            "column": i.column or (i.field or ""),
        }
        for i in sorted_issues(issues)
    ]
    columns = (
        Column("severity", N_("Importance")),
        Column("message", N_("Message")),
        Column("file", N_("Fichier")),
        Column("line", N_("Ligne")),
        Column("column", N_("Colonne ou champ")),
    )
    return View.of(columns, rows, N_("Problèmes trouvés"))

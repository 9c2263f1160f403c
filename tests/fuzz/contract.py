"""The readers' contract, checked on one result: what the fuzz suite asserts of every reader.

A reader given any bytes either returns its value with a list of
:class:`essdiag.errors.Issue` (a ``(value, issues)`` tuple, a longer tuple
whose last item is the issues, or a result object with an ``issues``
attribute) or raises the library's own :class:`essdiag.errors.EssdiagError`.
Every message it gives is French, filled and, when it is about one row, says
which line. The checks, each a *kind* of failure counted by the suite:

``exception``
    anything else left the reader (a library's exception, a bug of ours);
``safety_net``
    the reader's :func:`essdiag.guards.reader` net caught an exception: the
    contract holds, but the problem was not turned into a located issue;
``memory``
    the reader ran out of the worker's memory bound;
``shape``
    the result is not ``(value, issues)`` or the issues are not issues;
``silent``
    nothing was read and no error says why;
``english``
    a message holds English library text (words that are not in the input);
``placeholder``
    a ``{name}`` of the template has no parameter (French or English text);
``no_line``
    a row-level issue (a line set aside, a cell's value) has no line number;
``render``
    writing a message raised (the screen that shows it would fail).

The worker adds ``slow`` (over the time bound), ``timeout`` and ``crash``
(the process was killed or died).

Only the standard library is imported here: the worker loads this module
beside whichever tree of essdiag it fuzzes.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ENGLISH_PHRASES = (
    "Input should be",
    "File is not a zip file",
    "Expecting",
    "invalid UTF8",
    "invalid literal",
    "Invalid datetime",
    "Extra data",
    "Unterminated",
    "not well-formed",
    "mismatched tag",
    "junk after",
    "out of range",
    "list index",
    "codec can't",
    "Traceback",
    "Errno",
    "zlib",
    "Error -",
    "Field required",
    "No such file",
    "is not a",
    "Exceeds the limit",
    "could not convert",
    "unsupported operand",
    "object has no attribute",
)
"""Known library messages (pydantic, json, zipfile, zlib, expat, lxml, openpyxl, Python)."""

ENGLISH_WORDS = frozenset(
    """
    the is are was were not invalid expected expecting should must cannot could would
    error errors file files line column value values input field required unexpected
    failed found missing unsupported decode codec object none null with from this that
    which when does doesn't can't isn't of and than has have been only byte bytes
    character characters string integer digits number numbers limit
    exceeds empty key keys sheet worksheet workbook
    """.split()  # noqa: SIM905 - a paragraph of words reads better than a list of 70 strings
)
"""Frequent English words that are not French words (« type », « index », « position » are both)."""

ROW_LEVEL = re.compile(
    r"\bligne (mise de côté|écartée|ignorée)|\bla ligne est (mise de côté|écartée)"
    r"|\b(réponse|rangée) (mise de côté|écartée)",
    re.IGNORECASE,
)
"""A template about one row of the file: the issue must say which line."""
ROW_CODES = frozenset({"table_field_count"})
"""Codes of row-level issues whose template does not say so in words."""

# Whole words, accents included (« limité » is not « limit »).
_WORD = re.compile(r"[^\W\d_][^\W\d_']+")
_SPREADSHEET_ERRORS = re.compile(r"#(?:VALUE!|REF!|DIV/0!|NAME\?|N/A|NUM!|NULL!|SPILL!|CALC!)")
"""A cell's error value as the workbook holds it (« #VALUE! »): the file's content, not ours."""


@dataclass
class Verdict:
    """What one call of a reader gave.

    Attributes:
        reader: the reader's name in the registry.
        ok: the contract held.
        kind: the first failure's kind (see the module docstring), or "".
        detail: what failed, for a person (the exception, the message).
        issues: the number of issues returned.
        codes: the distinct codes of the issues.
        cpu: CPU seconds of the call.
    """

    reader: str
    ok: bool = True
    kind: str = ""
    detail: str = ""
    issues: int = 0
    codes: list[str] = field(default_factory=list)
    cpu: float = 0.0

    def fail(self, kind: str, detail: str) -> Verdict:
        if self.ok:
            self.ok, self.kind, self.detail = False, kind, detail[:2000]
        return self

    @property
    def signature(self) -> str:
        """What tells two failures apart: the kind and the first line of the detail."""
        return f"{self.kind}: {self.detail.splitlines()[0] if self.detail else ''}"[:200]


def input_text(raw: bytes) -> str:
    """The input as text, to tell the user's words from the library's."""
    text = raw.decode("latin-1")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text += raw.decode("utf-16", errors="ignore")
    try:
        text += raw.decode("utf-8")
    except UnicodeDecodeError:
        text += raw.decode("utf-8", errors="ignore")
    return text.lower()


def english_in(message: str, raw_text: str) -> str | None:
    """English library text in a message (words of the input excluded), or None."""
    message = _SPREADSHEET_ERRORS.sub(" ", message)
    for phrase in ENGLISH_PHRASES:
        if phrase in message and phrase.lower() not in raw_text:
            return phrase
    for word in _WORD.findall(message):
        low = word.lower()
        if low in ENGLISH_WORDS and low not in raw_text:
            return word
    return None


def fields_of(template: str) -> set[str]:
    """The placeholder names of a template (``{name}``, ``{name!r}``, ``{name:.2f}``)."""
    names = set()
    try:
        for _text, name, _spec, _conv in string.Formatter().parse(template):
            if name is not None:
                names.add(name.split(".")[0].split("[")[0])
    except ValueError:
        names.add("<unbalanced braces>")
    return names


def unfilled(template: str, params: dict[str, Any]) -> set[str]:
    """Placeholders of the template that have no parameter."""
    return {n for n in fields_of(template) if n not in params}


def is_row_level(issue: Any) -> bool:
    """True when the issue is about one row of the file (it must carry ``line``)."""
    return issue.code in ROW_CODES or bool(ROW_LEVEL.search(issue.template))


def split_result(result: Any) -> tuple[Any, Any]:
    """``(value, issues)`` of a reader's result, or raise TypeError."""
    if isinstance(result, tuple) and len(result) >= 2:
        return result[0], result[-1]
    if hasattr(result, "issues"):
        for name in ("value", "ledger", "table", "dossier", "frame"):
            if hasattr(result, name):
                return getattr(result, name), result.issues
        return result, result.issues
    raise TypeError(f"result of type {type(result).__name__} is not (value, issues)")


def check_issues(  # noqa: PLR0911 - a return per failed check
    verdict: Verdict, issues: Iterable[Any], raw: bytes, issue_type: type, en: Any
) -> Verdict:
    """The checks on the issues: their type, French text, filled placeholders, line numbers."""
    raw_text = input_text(raw)
    codes: dict[str, None] = {}
    count = 0
    for issue in issues:
        count += 1
        if not isinstance(issue, issue_type):
            return verdict.fail("shape", f"an issue of type {type(issue).__name__}: {issue!r}")
        codes[issue.code] = None
        missing = unfilled(issue.template, issue.params)
        if missing:
            return verdict.fail(
                "placeholder", f"[{issue.code}] {sorted(missing)} unfilled in: {issue.template}"
            )
        english_template = en(issue.template)
        missing = unfilled(english_template, issue.params)
        if missing:
            return verdict.fail(
                "placeholder",
                f"[{issue.code}] {sorted(missing)} unfilled in English: {english_template}",
            )
        try:
            message = issue.message
            en.fill(issue.template, issue.params)
        except Exception as exc:  # a message that cannot be written breaks the screen showing it
            return verdict.fail(
                "render",
                f"[{issue.code}] {type(exc).__name__} writing {issue.params!r:.200}: {exc!s:.200}",
            )
        word = english_in(message, raw_text)
        if word is not None:
            return verdict.fail("english", f"[{issue.code}] « {word} » in: {message}")
        if issue.line is None and is_row_level(issue):
            return verdict.fail("no_line", f"[{issue.code}] row-level without line: {message}")
    verdict.issues = count
    verdict.codes = list(codes)
    return verdict

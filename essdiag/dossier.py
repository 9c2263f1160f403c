"""The dossier: one organisation's case file, the root of every computation.

The :class:`Dossier` composes the identity and one section per domain; each
domain module owns its section model, so this module only puts them together.
A dossier round-trips to JSON losslessly (``to_json`` / ``read_dossier_json``)
and carries a ``schema_version``: files written by an older essdiag are
migrated step by step through :data:`MIGRATIONS` before validation.

Readers return ``(dossier, issues)`` and never raise on bad bytes: a file that
cannot be used gives ``None`` and the issues that say why, in French.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, model_validator

from essdiag.budget.section import BudgetSection
from essdiag.compliance.section import ComplianceSection
from essdiag.errors import Issue, Severity, has_errors
from essdiag.funding.section import FundingSection
from essdiag.guards import FileKind, json_syntax_issue, kind_issue, reader, sniff
from essdiag.hr.section import HRSection
from essdiag.i18n import N_
from essdiag.identity import Identity
from essdiag.impact.section import ImpactSection
from essdiag.ledger.section import LedgerSection
from essdiag.project.section import ProjectSection
from essdiag.risks import RiskSection  # from essdiag.risks.section once that module settles
from essdiag.treasury.section import TreasurySection
from essdiag.validation import custom_error, field_label, issues_from_validation
from essdiag.watch.section import WatchSection

__all__ = [
    "MAX_ABS_NUMBER",
    "MAX_DOSSIER_BYTES",
    "MAX_LIST_ITEMS",
    "MAX_VALUES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SECTIONS",
    "Dossier",
    "migrate",
    "new_dossier",
    "read_dossier_dict",
    "read_dossier_json",
    "too_large_issue",
    "value_issues",
]

SCHEMA_VERSION: Final = 2
"""Version of the dossier schema written by this essdiag.

2: budgets in versions per fiscal year (:class:`~essdiag.budget.section.BudgetVersion`).
"""

MAX_DOSSIER_BYTES = 20 * 1024 * 1024
"""Largest dossier file accepted (bulk ledgers live in attachments, not here)."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _budget_versions(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 → 2: the one budget becomes the adopted initial version of its year.

    ``budget.fiscal_year``, ``start_month`` and ``lines`` become
    ``budget.versions[0]`` (id ``<year>-0``, number 0, adopted); the
    thresholds and the explanations stay. A budget already written with
    versions, or an empty one, is left as it is.
    """
    out = {**data, "schema_version": 2}
    budget = data.get("budget")
    if isinstance(budget, dict) and "versions" not in budget:
        rest = {k: v for k, v in budget.items() if k not in ("fiscal_year", "start_month", "lines")}
        lines = budget.get("lines") or []
        year = budget.get("fiscal_year")
        versions = []
        if lines:
            versions.append(
                {
                    "id": f"{year if isinstance(year, int) else 0}-0",
                    "fiscal_year": year,
                    "start_month": budget.get("start_month", 1),
                    "number": 0,
                    "status": "adopted",
                    "lines": lines,
                }
            )
        out["budget"] = {**rest, "versions": versions}
    return out


MIGRATIONS: dict[int, Migration] = {1: _budget_versions}
"""``MIGRATIONS[n]`` turns a version-``n`` dict into a version-``n+1`` dict."""


class Dossier(BaseModel):
    """One organisation's case file.

    Attributes:
        schema_version: version of the schema the file follows.
        identity: who the organisation is.
        ledger, budget, funding, treasury, risks, watch, compliance, impact,
        hr, project: one section per domain, empty until filled.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: Literal[2] = Field(default=SCHEMA_VERSION, title=N_("Version du schéma"))
    identity: Identity = Field(title=N_("Identité"))
    watch: WatchSection = Field(default_factory=WatchSection, title=N_("Veille et territoire"))
    compliance: ComplianceSection = Field(
        default_factory=ComplianceSection, title=N_("Cadre juridique et fiscal")
    )
    impact: ImpactSection = Field(default_factory=ImpactSection, title=N_("Utilité sociale"))
    risks: RiskSection = Field(default_factory=RiskSection, title=N_("Risques"))
    funding: FundingSection = Field(default_factory=FundingSection, title=N_("Financements"))
    ledger: LedgerSection = Field(default_factory=LedgerSection, title=N_("Comptabilité"))
    budget: BudgetSection = Field(default_factory=BudgetSection, title=N_("Budget"))
    treasury: TreasurySection = Field(default_factory=TreasurySection, title=N_("Trésorerie"))
    hr: HRSection = Field(default_factory=HRSection, title=N_("Ressources humaines"))
    project: ProjectSection = Field(default_factory=ProjectSection, title=N_("Projet"))

    def to_json(self) -> str:
        """The dossier as indented UTF-8 JSON, readable by :func:`read_dossier_json`."""
        return self.model_dump_json(indent=2)

    @model_validator(mode="after")
    def _values_a_dossier_can_keep(self, info: ValidationInfo) -> Dossier:
        """Every number finite and within :data:`MAX_ABS_NUMBER`, no text with NUL.

        The readers validate with the ``essdiag_door`` context and report
        every bad value themselves, located by field (:func:`value_issues`).
        """
        if isinstance(info.context, dict) and info.context.get(_DOOR):
            return self
        found = value_issues(self)
        if found:
            first = found[0]
            raise custom_error(first.code, first.template, first.params)
        return self


SECTIONS: tuple[str, ...] = tuple(n for n in Dossier.model_fields if n != "schema_version")
"""Names of the dossier's sections, identity first, in display order."""


def new_dossier(name: str, **identity: Any) -> Dossier:
    """A blank dossier for an organisation called ``name``."""
    return Dossier(identity=Identity(name=name, **identity))


def migrate(
    data: dict[str, Any], migrations: Mapping[int, Migration] = MIGRATIONS
) -> tuple[dict[str, Any] | None, list[Issue]]:
    """Bring a dossier dict up to :data:`SCHEMA_VERSION`, one step at a time."""
    version = data.get("schema_version")
    if version is None:
        return None, [
            Issue(
                code="schema_version_missing",
                template=N_(
                    "Ce fichier ne dit pas sa version de schéma (« schema_version ») : "
                    "ce n'est probablement pas un dossier essdiag."
                ),
                field="schema_version",
            )
        ]
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        return None, [
            Issue(
                code="schema_version_invalid",
                template=N_("La version de schéma « {version} » n'est pas valide."),
                params={"version": str(version)[:40]},  # as written: a float like 1e308 too
                field="schema_version",
            )
        ]
    if version > SCHEMA_VERSION:
        return None, [
            Issue(
                code="schema_version_newer",
                template=N_(
                    "Ce dossier a été enregistré par une version plus récente d'essdiag "
                    "(schéma {version}, cette version lit jusqu'au schéma {known}). "
                    "Mettez essdiag à jour pour l'ouvrir."
                ),
                params={"version": version, "known": SCHEMA_VERSION},
                field="schema_version",
            )
        ]
    current = dict(data)
    while current["schema_version"] < SCHEMA_VERSION:
        step = migrations.get(current["schema_version"])
        if step is None:
            return None, [
                Issue(
                    code="schema_version_unsupported",
                    template=N_("Aucune migration n'est connue depuis le schéma {version}."),
                    params={"version": current["schema_version"]},
                    field="schema_version",
                )
            ]
        current = step(current)
    return current, []


def read_dossier_dict(
    data: object,
    *,
    file: str | None = None,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    strict: bool = True,
) -> tuple[Dossier | None, list[Issue]]:
    """Validate an already-parsed dossier (from JSON or a spreadsheet).

    Before validation the dict is checked at the door: lists of at most
    :data:`MAX_LIST_ITEMS` items, at most :data:`MAX_VALUES` values, numbers
    finite and within :data:`MAX_ABS_NUMBER`; NUL characters are removed from
    texts in place, with a warning. Every problem is an issue located by
    field, in French; at most :data:`MAX_ISSUES` are detailed. ``strict=False``
    (a revision the workspace saved earlier) lets out-of-bounds numbers
    through, so that an old revision stays readable.
    """
    if not isinstance(data, dict):
        return None, [
            Issue(
                code="dossier_not_object",
                template=N_("Le fichier doit contenir un dossier (un objet JSON), pas {kind}."),
                params={"kind": _json_kind(data)},
                file=file,
            )
        ]
    migrated, issues = migrate(data, migrations)
    if migrated is None:
        return None, [i.model_copy(update={"file": file}) for i in issues]
    door = [i for i in _door_issues(migrated, file) if strict or not i.code.startswith("number_")]
    if has_errors(door):
        return None, door
    try:
        dossier = Dossier.model_validate(migrated, context={_DOOR: True})
    except ValidationError as exc:
        return None, door + _validation_issues(exc, file)
    found = value_issues(dossier, file=file) if strict else []
    if found:
        return None, door + found
    return dossier, door


def too_large_issue(size: int, file: str | None) -> Issue:
    """The issue for a dossier file over :data:`MAX_DOSSIER_BYTES`."""
    return Issue(
        code="file_too_large",
        template=N_("Le fichier pèse {size} Mo : un dossier ne peut pas dépasser {limit} Mo."),
        params={"size": round(size / 2**20, 1), "limit": MAX_DOSSIER_BYTES // 2**20},
        file=file,
    )


@reader
def read_dossier_json(
    raw: bytes,
    *,
    file: str | None = None,
    migrations: Mapping[int, Migration] = MIGRATIONS,
    strict: bool = True,
) -> tuple[Dossier | None, list[Issue]]:
    """Read a dossier from JSON bytes; never raises on bad input.

    Returns the dossier (or None) and every issue found: size, kind of file
    (a workbook or a PDF is named as such), encoding, JSON syntax with line
    and column, schema version, the bounds every dossier keeps, then each
    invalid field (see :func:`read_dossier_dict`, and ``strict`` there).
    """
    if len(raw) > MAX_DOSSIER_BYTES:
        return None, [too_large_issue(len(raw), file)]
    if not raw.strip():
        return None, [Issue(code="file_empty", template=N_("Le fichier est vide."), file=file)]
    kind = sniff(raw[:8])
    if kind in (FileKind.ZIP, FileKind.OLE2, FileKind.PDF, FileKind.GZIP):
        return None, [kind_issue(kind, N_("un dossier essdiag au format JSON (.json)"), file=file)]
    try:
        # Every leading byte order mark is dropped: an editor that adds one to a file
        # which already had one leaves two, which json reads as a syntax error.
        text = raw.decode("utf-8-sig").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        return None, [
            Issue(
                code="encoding",
                template=N_(
                    "Le fichier n'est pas un texte UTF-8 (octet illisible en position {pos}) : "
                    "est-ce bien un dossier essdiag au format JSON ?"
                ),
                params={"pos": exc.start + 1},
                file=file,
            )
        ]
    data, issues = _parse_json(text, file)
    if issues:
        return None, issues
    return read_dossier_dict(data, file=file, migrations=migrations, strict=strict)


def _parse_json(text: str, file: str | None) -> tuple[object, list[Issue]]:
    """The parsed JSON, or None and the issue saying what is wrong and where."""
    try:
        return json.loads(
            text,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        ), []
    except _HugeIntegerError as exc:
        line, column = _line_and_column(text, exc.token[:50])
        return None, [
            Issue(
                code="json_huge_integer",
                template=_HUGE_INTEGER,
                params={"limit": _INT_DIGITS_LIMIT},
                file=file,
                line=line,
                column=column,
            )
        ]
    except _NonFiniteNumberError as exc:
        line, column = _line_and_column(text, exc.token)
        return None, [
            Issue(
                code="json_not_finite",
                template=N_(
                    "Le fichier contient « {token} », qui n'est pas un nombre utilisable : "
                    "remplacez-le par un nombre."
                ),
                params={"token": exc.token},
                file=file,
                line=line,
                column=column,
            )
        ]
    except json.JSONDecodeError as exc:
        return None, [json_syntax_issue(exc, file)]
    except RecursionError:
        return None, [
            Issue(
                code="json_too_deep",
                template=N_("Le JSON est trop profondément imbriqué."),
                file=file,
            )
        ]


class _NonFiniteNumberError(ValueError):
    """Python's json accepts NaN and Infinity, which essdiag cannot save back."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.token = token


def _refuse_constant(token: str) -> float:
    raise _NonFiniteNumberError(token)


def _line_and_column(text: str, token: str) -> tuple[int | None, str | None]:
    """1-based line and column of the first ``token`` of ``text`` (None when absent)."""
    pos = text.find(token)
    if pos < 0:
        return None, None
    line = text.count("\n", 0, pos) + 1
    return line, str(pos - (text.rfind("\n", 0, pos) + 1) + 1)


def _json_kind(value: object) -> str:
    """What a JSON value is, in a French word of the library (translated where shown)."""
    if isinstance(value, list):
        return N_("une liste")
    if isinstance(value, str):
        return N_("un texte")
    if isinstance(value, bool):
        return N_("un booléen")
    if isinstance(value, int | float):
        return N_("un nombre")
    if value is None:
        return "null"
    return type(value).__name__


# -- values at the door: list sizes, numbers and texts every section can keep ------------
#
# A dossier comes in from a file (JSON, a workbook) or from a screen. Whatever
# its section models say, every dossier keeps to a few bounds: lists and the
# count of values stay small (bulk data lives in attachments), numbers are
# finite and plausible (an exported amount stays exact in a spreadsheet), and
# texts hold no NUL character (PostgreSQL cannot store one). Files are checked
# before validation (:func:`_door_issues`, NUL removed with a warning), every
# validated dossier after it (:func:`value_issues`, run by the model itself).

MAX_LIST_ITEMS: Final = 10_000
"""Longest list a dossier may hold (risks, budget lines…): bulk data lives in attachments."""

MAX_VALUES: Final = 200_000
"""Most values (fields, texts, numbers) one dossier may hold (a sample case holds 4 500)."""

MAX_ABS_NUMBER: Final = 10**15
"""Largest number, in absolute value, a dossier may hold (a spreadsheet keeps 15 digits)."""

MAX_ISSUES: Final = 200
"""Validation problems reported one by one; the others are counted in one last issue."""

_INT_DIGITS_LIMIT = 4_300  # Python refuses to read longer integers (sys.get_int_max_str_digits)

_DOOR = "essdiag_door"
"""Validation context key: the reader reports every bad value itself, located."""

_LIST_TOO_LONG = N_(
    "« {label} » compte {count} éléments : un dossier en accepte au plus {limit} par liste."
)
_TOO_MANY_VALUES = N_(
    "Le dossier contient plus de {limit} valeurs : il est trop volumineux pour être importé "
    "(les écritures comptables et autres données en masse s'importent à part, depuis leur écran)."
)
_NOT_FINITE = N_("« {label} » n'est pas un nombre fini : remplacez-le par un nombre.")
_OUT_OF_RANGE = N_(
    "« {label} » vaut {value} : aucun nombre d'un dossier ne peut dépasser {limit} en valeur "
    "absolue."
)
_NUL_REMOVED = N_("« {label} » contenait un caractère nul (invisible) : il a été retiré.")
_NUL_FOUND = N_(
    "« {label} » contient un caractère nul (invisible), qui ne peut pas être enregistré : "
    "retirez-le."
)
_HUGE_INTEGER = N_(
    "Le fichier contient un nombre de plus de {limit} chiffres : ce n'est pas une valeur "
    "qu'un dossier peut contenir."
)
_MORE_ISSUES = N_("… et {count} autres problèmes du même fichier, non détaillés.")


def _label_at(path: tuple[str | int, ...]) -> str:
    """French label of the field at ``path`` of the dossier."""
    return field_label(Dossier, path)


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


def _shown_number(value: float | int) -> str:
    """A number too large to write out (the translator would choke), in short scientific form."""
    return f"{float(value):.6g}"


def _number_issue(path: tuple[str | int, ...], value: object, file: str | None) -> Issue | None:
    """The issue for a number no dossier can keep (infinite, NaN, beyond the bound), or None."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None
    if isinstance(value, int):
        if -MAX_ABS_NUMBER <= value <= MAX_ABS_NUMBER:
            return None
        shown = _shown_number(value) if value.bit_length() < 1000 else "∞"
    else:
        number = float(value)
        if math.isfinite(number) and abs(number) <= MAX_ABS_NUMBER:
            return None
        if not math.isfinite(number):
            return Issue(
                code="number_not_finite",
                template=_NOT_FINITE,
                params={"label": _label_at(path)},
                file=file,
                field=_dotted(path),
            )
        shown = _shown_number(number)
    return Issue(
        code="number_out_of_range",
        template=_OUT_OF_RANGE,
        params={"label": _label_at(path), "value": shown, "limit": MAX_ABS_NUMBER},
        file=file,
        field=_dotted(path),
    )


def _all_fine(root: object) -> bool:  # noqa: PLR0911, PLR0912 - one branch per kind, for speed
    """True when nothing in ``root`` (raw data or models) breaks a bound: the fast path.

    No path is built and no issue made, so a dossier that keeps every bound
    (nearly all of them) is checked in a few milliseconds; otherwise the
    callers walk it again, slowly, to say where.
    """
    stack: list[Any] = [root]
    seen = 0
    low, high = -MAX_ABS_NUMBER, MAX_ABS_NUMBER
    while stack:
        value = stack.pop()
        seen += 1
        kind = type(value)
        if kind is str:
            if "\x00" in value:
                return False
        elif kind is dict:
            if any(type(k) is str and "\x00" in k for k in value):
                return False
            stack.extend(value.values())
        elif kind is list:
            if len(value) > MAX_LIST_ITEMS:
                return False
            stack.extend(value)
        elif kind is int or kind is float:
            if not low <= value <= high:  # NaN and infinities fail too
                return False
        elif value is None or kind is bool:
            pass
        elif isinstance(value, BaseModel):
            stack.extend(value.__dict__.values())
        elif isinstance(value, str):  # an enum member
            if "\x00" in value:
                return False
        elif isinstance(value, list | tuple | set | frozenset):
            if len(value) > MAX_LIST_ITEMS:
                return False
            stack.extend(value)
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, int | float | Decimal) and not low <= float(value) <= high:
            return False
        if seen > MAX_VALUES:
            return False
    return True


def _door_issues(data: dict[str, Any], file: str | None) -> list[Issue]:
    """Check a raw dossier dict before validation; NUL characters are removed in place.

    Linear in the size of the data, iterative (no recursion limit), and it
    stops at the first list over :data:`MAX_LIST_ITEMS` (10⁶ empty risks are
    refused at once) or once :data:`MAX_VALUES` values were counted.
    """
    if _all_fine(data):
        return []
    issues: list[Issue] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    seen = 0
    while stack and len(issues) <= MAX_ISSUES:
        path, value = stack.pop()
        seen += 1
        if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
            issues.append(
                Issue(
                    code="list_too_long",
                    template=_LIST_TOO_LONG,
                    params={"label": _label_at(path), "count": len(value), "limit": MAX_LIST_ITEMS},
                    file=file,
                    field=_dotted(path),
                )
            )
        elif isinstance(value, dict | list):
            seen += _open(path, value, stack, issues, file)
        elif (found := _number_issue(path, value, file)) is not None:
            issues.append(found)
        if seen > MAX_VALUES:
            return [
                Issue(
                    code="dossier_too_many_values",
                    template=_TOO_MANY_VALUES,
                    params={"limit": MAX_VALUES},
                    file=file,
                )
            ]
    return issues


def _open(
    path: tuple[str | int, ...],
    container: Any,
    stack: list[tuple[tuple[str | int, ...], Any]],
    issues: list[Issue],
    file: str | None,
) -> int:
    """Push the children of a dict or a list; its texts are checked at once (NUL removed).

    Returns how many texts it held (values counted without being pushed).
    """
    if isinstance(container, dict):
        if any(isinstance(k, str) and "\x00" in k for k in container):
            cleaned = {
                (k.replace("\x00", "") if isinstance(k, str) else k): v
                for k, v in container.items()
            }
            container.clear()
            container.update(cleaned)
        items: list[tuple[Any, Any]] = list(container.items())
    else:
        items = list(enumerate(container))
    texts = 0
    for key, sub in items:
        if not isinstance(sub, str):
            stack.append(((*path, key), sub))
            continue
        texts += 1
        if "\x00" in sub:
            container[key] = sub.replace("\x00", "")
            issues.append(_nul_issue((*path, key), file))
    return texts


def _nul_issue(path: tuple[str | int, ...], file: str | None) -> Issue:
    return Issue(
        code="text_nul_removed",
        template=_NUL_REMOVED,
        params={"label": _label_at(path)},
        severity=Severity.WARNING,
        file=file,
        field=_dotted(path),
    )


def value_issues(dossier: BaseModel, *, file: str | None = None) -> list[Issue]:
    """The values a dossier cannot keep, located by field: numbers and texts.

    A number infinite, NaN or beyond :data:`MAX_ABS_NUMBER` in absolute value,
    or a text holding a NUL character, wherever it is (a screen's table, a
    model built in code): the dossier model refuses them, and the store checks
    a dossier with this before saving it.
    """
    if _all_fine(dossier):
        return []
    issues: list[Issue] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), dossier)]
    while stack and len(issues) < MAX_ISSUES:
        path, value = stack.pop()
        if isinstance(value, BaseModel):
            stack.extend(((*path, name), getattr(value, name)) for name in type(value).model_fields)
        elif isinstance(value, list | tuple | set | frozenset):
            stack.extend(((*path, i), sub) for i, sub in enumerate(value))
        elif isinstance(value, dict):
            stack.extend(((*path, str(k)), sub) for k, sub in value.items())
        elif isinstance(value, str):
            if "\x00" in value:
                issues.append(
                    Issue(
                        code="text_nul",
                        template=_NUL_FOUND,
                        params={"label": _label_at(path)},
                        file=file,
                        field=_dotted(path),
                    )
                )
        else:
            found = _number_issue(path, value, file)
            if found is not None:
                issues.append(found)
    return sorted(issues, key=lambda i: i.field or "")


def _bounded_int(token: str) -> int:
    """``json``'s integer parser, refusing what Python cannot read (over 4,300 digits)."""
    if len(token) > _INT_DIGITS_LIMIT:
        raise _HugeIntegerError(token)
    return int(token)


def _finite_float(token: str) -> float:
    """``json``'s float parser, refusing what overflows to infinity (``1e400``)."""
    value = float(token)
    if not math.isfinite(value):
        raise _NonFiniteNumberError(token)
    return value


class _HugeIntegerError(ValueError):
    """An integer of more digits than Python reads."""

    def __init__(self, token: str) -> None:
        super().__init__(token[:20])
        self.token = token


def _validation_issues(exc: ValidationError, file: str | None) -> list[Issue]:
    """At most :data:`MAX_ISSUES` French issues from a validation error, and a count of the rest."""
    return issues_from_validation(exc, Dossier, file=file, limit=MAX_ISSUES)

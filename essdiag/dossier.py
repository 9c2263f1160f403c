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
from collections.abc import Callable, Mapping
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from essdiag.budget.section import BudgetSection
from essdiag.compliance.section import ComplianceSection
from essdiag.errors import Issue
from essdiag.funding.section import FundingSection
from essdiag.hr.section import HRSection
from essdiag.i18n import N_
from essdiag.identity import Identity
from essdiag.impact.section import ImpactSection
from essdiag.ledger.section import LedgerSection
from essdiag.project.section import ProjectSection
from essdiag.risks import RiskSection  # from essdiag.risks.section once that module settles
from essdiag.treasury.section import TreasurySection
from essdiag.validation import issues_from_validation
from essdiag.watch.section import WatchSection

__all__ = [
    "MAX_DOSSIER_BYTES",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SECTIONS",
    "Dossier",
    "migrate",
    "new_dossier",
    "read_dossier_dict",
    "read_dossier_json",
    "too_large_issue",
]

SCHEMA_VERSION: Final = 1
"""Version of the dossier schema written by this essdiag."""

MAX_DOSSIER_BYTES = 20 * 1024 * 1024
"""Largest dossier file accepted (bulk ledgers live in attachments, not here)."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {}
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

    schema_version: Literal[1] = Field(default=SCHEMA_VERSION, title=N_("Version du schéma"))
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
                params={"version": version},
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
    data: object, *, file: str | None = None, migrations: Mapping[int, Migration] = MIGRATIONS
) -> tuple[Dossier | None, list[Issue]]:
    """Validate an already-parsed dossier (from JSON or a spreadsheet)."""
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
    try:
        return Dossier.model_validate(migrated), []
    except ValidationError as exc:
        return None, issues_from_validation(exc, Dossier, file=file)


def too_large_issue(size: int, file: str | None) -> Issue:
    """The issue for a dossier file over :data:`MAX_DOSSIER_BYTES`."""
    return Issue(
        code="file_too_large",
        template=N_("Le fichier pèse {size} Mo : un dossier ne peut pas dépasser {limit} Mo."),
        params={"size": round(size / 2**20, 1), "limit": MAX_DOSSIER_BYTES // 2**20},
        file=file,
    )


def read_dossier_json(
    raw: bytes, *, file: str | None = None, migrations: Mapping[int, Migration] = MIGRATIONS
) -> tuple[Dossier | None, list[Issue]]:
    """Read a dossier from JSON bytes; never raises on bad input.

    Returns the dossier (or None) and every issue found: size, encoding, JSON
    syntax with line and column, schema version, then each invalid field.
    """
    if len(raw) > MAX_DOSSIER_BYTES:
        return None, [too_large_issue(len(raw), file)]
    if not raw.strip():
        return None, [Issue(code="file_empty", template=N_("Le fichier est vide."), file=file)]
    try:
        text = raw.decode("utf-8-sig")
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
    return read_dossier_dict(data, file=file, migrations=migrations)


def _parse_json(text: str, file: str | None) -> tuple[object, list[Issue]]:
    """The parsed JSON, or None and the issue saying what is wrong and where."""
    try:
        return json.loads(text, parse_constant=_refuse_constant), []
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
        return None, [
            Issue(
                code="json_syntax",
                template=N_(
                    "Le fichier n'est pas un JSON valide ({reason}) : il est peut-être "
                    "tronqué ou a été modifié à la main."
                ),
                params={"reason": _json_reason(exc.msg)},
                file=file,
                line=exc.lineno,
                column=str(exc.colno),
            )
        ]
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


_JSON_REASONS: dict[str, str] = {
    "Expecting value": N_("une valeur est attendue"),
    "Expecting property name enclosed in double quotes": N_(
        "un nom de champ entre guillemets est attendu"
    ),
    "Expecting ',' delimiter": N_("une virgule est attendue"),
    "Expecting ':' delimiter": N_("deux-points sont attendus"),
    "Unterminated string starting at": N_("un texte n'est pas refermé"),
    "Extra data": N_("du contenu suit la fin du dossier"),
    "Invalid control character at": N_("un caractère de contrôle est interdit dans un texte"),
    "Invalid \\escape": N_("une barre oblique inverse est mal utilisée"),
    "Illegal trailing comma before end of object": N_("une virgule est en trop"),
    "Illegal trailing comma before end of array": N_("une virgule est en trop"),
}
"""The json module's English reasons, in French (the message names the place)."""


def _json_reason(msg: str) -> str:
    """The French reason of a JSON syntax error (the English one when unknown)."""
    return _JSON_REASONS.get(msg, msg)


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

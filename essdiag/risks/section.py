"""The ``risks`` section of the dossier: matrices, risks, assessments, actions, continuity sheets.

Where it sits: layer 1 (models only; it imports the kernel alone).
:class:`RiskSection` is the ``risks`` section of the dossier. A :class:`Risk`
is identified (category, cause, consequence, owner), analysed (an inherent
:class:`Assessment` before controls, a residual one after), treated (reduce,
accept, transfer, avoid, with :class:`RiskAction` records) and reviewed
(review date). Assessments store levels and the version of the
:class:`RiskMatrix` they were made with; scores and bands are computed
(:mod:`essdiag.risks.scoring`), never stored, so they cannot disagree with
the matrix. A section that saved no matrix uses the 5×5 house matrix,
version 1 (:data:`HOUSE_MATRIX_SIZE`; its words are in
:mod:`essdiag.risks.matrix`).

Rules at the door (French templates, machine-readable codes): levels inside
the matrix of their version, bands that cover every score, an action not due
before it was created, unique identifiers, continuity sheets that name
existing risks. :func:`validate_section` turns a refusal into French issues.

Notes:
    score = probabilité × gravité (ISO 31000 / IEC 31010 "consequence-likelihood
    matrix"), from 1 to n² on an n × n matrix (:func:`score`).

References:
    ISO 31000:2018, §6.4 (appréciation) to §6.6 (surveillance et revue);
    IEC 31010:2019, annexe B.10 (matrice conséquence/vraisemblance).
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from essdiag.errors import Issue
from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import issues_from_validation

__all__ = [
    "CATEGORY_CODES",
    "CATEGORY_WORDS",
    "HOUSE_MATRIX_SIZE",
    "HOUSE_MATRIX_VERSION",
    "MATRIX_MESSAGES",
    "MATRIX_SIZES",
    "OPEN_STATUSES",
    "RISK_MESSAGES",
    "STATUS_WORDS",
    "TREATMENT_WORDS",
    "ActionStatus",
    "Assessment",
    "Axis",
    "Band",
    "ContinuitySheet",
    "Level",
    "MatrixSize",
    "Risk",
    "RiskAction",
    "RiskCategory",
    "RiskMatrix",
    "RiskSection",
    "Treatment",
    "rule_issues",
    "score",
    "validate_matrix",
    "validate_section",
]


class RiskCategory(LabelledEnum):
    """Family of a risk (ESS organisations' usual map)."""

    FINANCIAL = "financial", N_("Financier")
    HUMAN = "human", N_("Humain et bénévolat")
    GOVERNANCE = "governance", N_("Gouvernance et institutionnel")
    LEGAL = "legal", N_("Juridique et conformité")
    OPERATIONAL = "operational", N_("Opérationnel et continuité")
    REPUTATIONAL = "reputational", N_("Image et réputation")
    ENVIRONMENTAL = "environmental", N_("Environnemental")
    DIGITAL = "digital", N_("Numérique et données")


class Treatment(LabelledEnum):
    """ISO 31000 treatment options."""

    REDUCE = "reduce", N_("Réduire")
    ACCEPT = "accept", N_("Accepter")
    TRANSFER = "transfer", N_("Transférer")
    AVOID = "avoid", N_("Éviter")


class ActionStatus(LabelledEnum):
    """Where an action stands."""

    TODO = "todo", N_("À faire")
    DOING = "doing", N_("En cours")
    DONE = "done", N_("Faite")
    DROPPED = "dropped", N_("Abandonnée")


OPEN_STATUSES = frozenset({ActionStatus.TODO, ActionStatus.DOING})
"""Statuses of an action still to be carried out."""


class Axis(LabelledEnum):
    """An axis of the matrix (a message parameter: the translator writes its word)."""

    LIKELIHOOD = "likelihood", N_("probabilité")
    IMPACT = "impact", N_("gravité")


# The allowed values of a choice, as one message each, so that a message listing them reads in
# the reader's language (``tests/risks/test_section.py`` checks they match the enums' labels).
CATEGORY_WORDS = N_(
    "Financier, Humain et bénévolat, Gouvernance et institutionnel, Juridique et conformité, "
    "Opérationnel et continuité, Image et réputation, Environnemental, Numérique et données"
)
"""The categories' words, as the import template accepts them."""
CATEGORY_CODES = N_(
    "financial (Financier), human (Humain et bénévolat), governance (Gouvernance et "
    "institutionnel), legal (Juridique et conformité), operational (Opérationnel et "
    "continuité), reputational (Image et réputation), environmental (Environnemental), digital "
    "(Numérique et données)"
)
"""The categories' codes with their words, as a dossier file writes them."""
TREATMENT_WORDS = N_("Réduire, Accepter, Transférer, Éviter")
"""The treatments' words."""
STATUS_WORDS = N_("À faire, En cours, Faite, Abandonnée")
"""The action statuses' words."""

MatrixSize = Literal[3, 4, 5]
MATRIX_SIZES: tuple[int, ...] = (3, 4, 5)
HOUSE_MATRIX_SIZE = 5
"""Size of the house matrix a section uses until it saves one."""
HOUSE_MATRIX_VERSION = 1

_COLOUR = r"^#[0-9A-Fa-f]{6}$"

MATRIX_MESSAGES: dict[str, str] = {
    "risk_matrix_levels": N_(
        "Une matrice {size}×{size} doit avoir {size} niveaux de {axis} (elle en a {count})."
    ),
    "risk_matrix_bands": N_("La matrice doit avoir au moins une zone."),
    "risk_matrix_bands_order": N_(
        "Les zones doivent être rangées par score maximal croissant (reçu : {tops})."
    ),
    "risk_matrix_bands_cover": N_(
        "La dernière zone doit aller jusqu'au score {top} ({size}×{size}), pas {last}."
    ),
}
"""French templates of the matrix rules, by error code (translated by the screens)."""

RISK_MESSAGES: dict[str, str] = {
    **MATRIX_MESSAGES,
    "risk_action_due_before_creation": N_(
        "L'échéance de l'action « {action} » ({due}) précède sa date de création ({created}) : "
        "choisissez une échéance postérieure."
    ),
    "risk_review_before_creation": N_(
        "La date de revue du risque « {risk} » ({review}) précède sa date d'identification "
        "({created})."
    ),
    "risk_assessment_versions": N_(
        "Les évaluations brute et résiduelle du risque « {risk} » doivent utiliser la même "
        "version de la matrice (versions {a} et {b})."
    ),
    "risk_matrix_version_duplicate": N_(
        "Deux matrices portent le même numéro de version ({versions})."
    ),
    "risk_duplicate_id": N_("L'identifiant de risque « {risk} » est utilisé deux fois."),
    "risk_matrix_version_unknown": N_(
        "L'évaluation brute du risque « {risk} » renvoie à une version {version} de la matrice "
        "qui n'existe pas."
    ),
    "risk_matrix_version_unknown/residual": N_(
        "L'évaluation résiduelle du risque « {risk} » renvoie à une version {version} de la "
        "matrice qui n'existe pas."
    ),
    "risk_level_outside_matrix": N_(
        "L'évaluation brute du risque « {risk} » (probabilité {likelihood}, gravité {impact}) "
        "sort de la matrice {size}×{size} : choisissez des niveaux de 1 à {size}."
    ),
    "risk_level_outside_matrix/residual": N_(
        "L'évaluation résiduelle du risque « {risk} » (probabilité {likelihood}, gravité "
        "{impact}) sort de la matrice {size}×{size} : choisissez des niveaux de 1 à {size}."
    ),
    "continuity_duplicate_id": N_(
        "L'identifiant de fiche de continuité « {sheet} » est utilisé deux fois."
    ),
    "continuity_unknown_risk": N_(
        "La fiche de continuité « {sheet} » renvoie à des risques absents du registre : {risks}."
    ),
    "risk_unknown_category": N_("Catégorie inconnue « {input} » : valeurs admises {expected}."),
}
"""French templates of the register rules, by error code (translated by the screens).

Dates in their parameters are raw :class:`~datetime.date` values: the
translator writes them the reader's way (``01/02/2026``).
"""


def _template(code: str, ctx: dict[str, Any]) -> str:
    """The template of a rule; ``ctx["kind"] == "residual"`` picks the residual wording."""
    return RISK_MESSAGES.get(f"{code}/{ctx.get('kind')}", RISK_MESSAGES[code])


def _fail(code: str, ctx: dict[str, Any]) -> PydanticCustomError:
    return PydanticCustomError(code, _template(code, ctx), ctx)


def score(likelihood: int, impact: int) -> int:
    """Criticality of a cell: likelihood × impact.

    >>> score(3, 3)
    9
    """
    return likelihood * impact


# --------------------------------------------------------------------------- matrix


class Level(BaseModel):
    """One level of an axis (its value is its rank, from 1).

    Attributes:
        label: short French word (« Possible »).
        description: what it means in practice (frequency, amount at stake).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = Field(min_length=1, max_length=60, title=N_("Libellé du niveau"))
    description: str = Field(default="", max_length=300, title=N_("Description du niveau"))


class Band(BaseModel):
    """A band of scores with a word, a colour and what to do.

    Attributes:
        label: the word shown with the colour (never colour alone).
        colour: ``#RRGGBB``.
        max_score: highest score of the band (the band starts after the previous one).
        guidance: the expected response (« traiter sous 3 mois »).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    label: str = Field(min_length=1, max_length=40, title=N_("Libellé de la zone"))
    colour: str = Field(pattern=_COLOUR, title=N_("Couleur de la zone"))
    max_score: int = Field(ge=1, le=25, title=N_("Score maximal de la zone"))
    guidance: str = Field(default="", max_length=300, title=N_("Conduite à tenir"))


class RiskMatrix(BaseModel):
    """One version of the likelihood × impact matrix.

    A matrix is ``n × n`` (3, 4 or 5 levels on each axis); bands are described
    by their highest score, in ascending order, the last one ending at n². A
    matrix in use is never changed under an assessment: editing it makes a
    new version (:func:`essdiag.risks.migration.revise_matrix`).

    Attributes:
        version: 1, 2, … (an assessment records the version it was made with).
        size: number of levels on each axis (3, 4 or 5).
        likelihood: the likelihood levels, lowest first.
        impact: the impact levels, lowest first.
        bands: score bands, ascending, the last ending at size².
        created_on: when this version was made.
        note: why it was changed.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    version: int = Field(default=1, ge=1, title=N_("Version de la matrice"))
    size: MatrixSize = Field(default=5, title=N_("Taille de la matrice"))
    likelihood: list[Level] = Field(title=N_("Niveaux de probabilité"))
    impact: list[Level] = Field(title=N_("Niveaux de gravité"))
    bands: list[Band] = Field(title=N_("Zones de criticité"))
    created_on: date | None = Field(default=None, title=N_("Date de la version"))
    note: str = Field(default="", max_length=500, title=N_("Motif de la version"))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        n = self.size
        for axis, levels in ((Axis.LIKELIHOOD, self.likelihood), (Axis.IMPACT, self.impact)):
            if len(levels) != n:
                raise _fail("risk_matrix_levels", {"size": n, "axis": axis, "count": len(levels)})
        if not self.bands:
            raise _fail("risk_matrix_bands", {})
        tops = [b.max_score for b in self.bands]
        if any(b <= a for a, b in pairwise(tops)):
            raise _fail("risk_matrix_bands_order", {"tops": ", ".join(map(str, tops))})
        if tops[-1] != n * n:
            raise _fail("risk_matrix_bands_cover", {"top": n * n, "size": n, "last": tops[-1]})
        return self

    def likelihood_label(self, level: int) -> str:
        """Word of a likelihood level (1-based)."""
        return self.likelihood[level - 1].label

    def impact_label(self, level: int) -> str:
        """Word of an impact level (1-based)."""
        return self.impact[level - 1].label

    def contains(self, likelihood: int, impact: int) -> bool:
        """True when both levels exist on this matrix."""
        return 1 <= likelihood <= self.size and 1 <= impact <= self.size


# --------------------------------------------------------------------------- register


class Assessment(BaseModel):
    """Likelihood and impact levels on one version of the matrix.

    Attributes:
        likelihood: level of likelihood, from 1.
        impact: level of impact, from 1.
        matrix_version: the matrix version the levels refer to.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, frozen=False)

    likelihood: int = Field(ge=1, le=5, title=N_("Probabilité"))
    impact: int = Field(ge=1, le=5, title=N_("Gravité"))
    matrix_version: int = Field(default=1, ge=1, title=N_("Version de la matrice"))

    @property
    def score(self) -> int:
        """likelihood × impact."""
        return score(self.likelihood, self.impact)


class RiskAction(BaseModel):
    """A treatment action.

    Attributes:
        title: what will be done.
        owner: who does it.
        created_on: when it was decided.
        due_on: deadline.
        status: à faire, en cours, faite, abandonnée.
        note: follow-up note.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    title: str = Field(min_length=1, max_length=300, title=N_("Action"))
    owner: str = Field(default="", max_length=120, title=N_("Responsable de l'action"))
    created_on: date | None = Field(default=None, title=N_("Date de création de l'action"))
    due_on: date | None = Field(default=None, title=N_("Échéance de l'action"))
    status: ActionStatus = Field(default=ActionStatus.TODO, title=N_("Statut de l'action"))
    note: str = Field(default="", max_length=1000, title=N_("Suivi de l'action"))

    @property
    def is_open(self) -> bool:
        """True while the action is to do or in progress."""
        return self.status in OPEN_STATUSES


class Risk(BaseModel):
    """One risk of the register.

    Attributes:
        id: short identifier (``R01``), unique in the register.
        title: the risk in a few words.
        category: its family.
        cause: what could make it happen.
        consequence: what would follow.
        owner: who watches it.
        created_on: when it entered the register.
        inherent: assessment before controls.
        controls: controls already in place.
        residual: assessment with the controls (None until assessed).
        residual_reason: why the residual score exceeds the inherent one, if it does.
        treatment: reduce, accept, transfer or avoid.
        treatment_note: the treatment in words.
        actions: treatment actions.
        review_on: next review date.
        funder: funder concerned (free identifier or name, funding stress test).
        skill: skill concerned (free identifier or name, HR module).
        library_key: library entry it came from, if any.
        closed: no longer followed.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(min_length=1, max_length=20, title=N_("Identifiant du risque"))
    title: str = Field(min_length=1, max_length=200, title=N_("Intitulé du risque"))
    category: RiskCategory = Field(title=N_("Catégorie"))
    cause: str = Field(default="", max_length=2000, title=N_("Cause"))
    consequence: str = Field(default="", max_length=2000, title=N_("Conséquence"))
    owner: str = Field(default="", max_length=120, title=N_("Responsable du risque"))
    created_on: date | None = Field(default=None, title=N_("Date d'identification"))
    inherent: Assessment = Field(title=N_("Évaluation brute"))
    controls: list[str] = Field(default_factory=list, title=N_("Mesures de maîtrise existantes"))
    residual: Assessment | None = Field(default=None, title=N_("Évaluation résiduelle"))
    residual_reason: str = Field(
        default="", max_length=1000, title=N_("Justification du risque résiduel")
    )
    treatment: Treatment | None = Field(default=None, title=N_("Traitement"))
    treatment_note: str = Field(default="", max_length=2000, title=N_("Détail du traitement"))
    actions: list[RiskAction] = Field(default_factory=list, title=N_("Actions"))
    review_on: date | None = Field(default=None, title=N_("Prochaine revue"))
    funder: str = Field(default="", max_length=120, title=N_("Financeur concerné"))
    skill: str = Field(default="", max_length=120, title=N_("Compétence concernée"))
    library_key: str = Field(default="", max_length=60, title=N_("Entrée de la bibliothèque"))
    closed: bool = Field(default=False, title=N_("Risque clos"))

    @field_validator("id", "title", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("controls", mode="before")
    @classmethod
    def _drop_blank_controls(cls, value: object) -> object:
        if isinstance(value, list):
            return [v.strip() if isinstance(v, str) else v for v in value if v not in (None, "")]
        return value

    @model_validator(mode="after")
    def _dates(self) -> Self:
        for action in self.actions:
            start = action.created_on or self.created_on
            if action.due_on is not None and start is not None and action.due_on < start:
                raise _fail(
                    "risk_action_due_before_creation",
                    {"action": action.title, "due": action.due_on, "created": start},
                )
        if self.review_on and self.created_on and self.review_on < self.created_on:
            raise _fail(
                "risk_review_before_creation",
                {"risk": self.id, "review": self.review_on, "created": self.created_on},
            )
        if self.residual and self.residual.matrix_version != self.inherent.matrix_version:
            raise _fail(
                "risk_assessment_versions",
                {
                    "risk": self.id,
                    "a": self.inherent.matrix_version,
                    "b": self.residual.matrix_version,
                },
            )
        return self

    @property
    def open_actions(self) -> list[RiskAction]:
        """Actions to do or in progress."""
        return [a for a in self.actions if a.is_open]


class ContinuitySheet(BaseModel):
    """How a critical activity keeps going when a risk strikes.

    Attributes:
        id: short identifier (``C01``).
        activity: the critical activity.
        max_interruption: longest acceptable interruption (« 48 heures »).
        minimum_service: what must still be delivered.
        who: who runs the degraded mode, and their deputy.
        fallback: the fallback solution (other site, partner, manual mode).
        resources: what is needed (people, premises, tools, money, contacts).
        risk_ids: risks that threaten the activity.
        tested_on: last exercise of the plan.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(min_length=1, max_length=20, title=N_("Identifiant de la fiche"))
    activity: str = Field(min_length=1, max_length=200, title=N_("Activité critique"))
    max_interruption: str = Field(
        default="", max_length=100, title=N_("Interruption maximale acceptable")
    )
    minimum_service: str = Field(default="", max_length=2000, title=N_("Service minimum"))
    who: str = Field(default="", max_length=500, title=N_("Qui (titulaire et suppléant)"))
    fallback: str = Field(default="", max_length=2000, title=N_("Solution de repli"))
    resources: str = Field(default="", max_length=2000, title=N_("Ressources nécessaires"))
    risk_ids: list[str] = Field(default_factory=list, title=N_("Risques menaçant l'activité"))
    tested_on: date | None = Field(default=None, title=N_("Dernier exercice"))


class RiskSection(BaseModel):
    """The risk map of the organisation.

    Attributes:
        matrices: every version of the matrix (empty: the 5×5 house matrix, version 1).
        risks: the register.
        continuity: continuity sheets of the critical activities.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    matrices: list[RiskMatrix] = Field(default_factory=list, title=N_("Versions de la matrice"))
    risks: list[Risk] = Field(default_factory=list, title=N_("Registre des risques"))
    continuity: list[ContinuitySheet] = Field(
        default_factory=list, title=N_("Fiches de continuité")
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        versions = [m.version for m in self.matrices]
        if len(set(versions)) != len(versions):
            raise _fail(
                "risk_matrix_version_duplicate", {"versions": ", ".join(map(str, versions))}
            )
        sizes = self.matrix_sizes()
        seen: set[str] = set()
        for risk in self.risks:
            if risk.id in seen:
                raise _fail("risk_duplicate_id", {"risk": risk.id})
            seen.add(risk.id)
            for kind, assessment in (("inherent", risk.inherent), ("residual", risk.residual)):
                if assessment is not None:
                    _check_levels(kind, risk.id, assessment, sizes)
        sheet_ids: set[str] = set()
        for sheet in self.continuity:
            if sheet.id in sheet_ids:
                raise _fail("continuity_duplicate_id", {"sheet": sheet.id})
            sheet_ids.add(sheet.id)
            unknown = [r for r in sheet.risk_ids if r not in seen]
            if unknown:
                raise _fail(
                    "continuity_unknown_risk", {"sheet": sheet.id, "risks": ", ".join(unknown)}
                )
        return self

    def matrix_sizes(self) -> dict[int, int]:
        """Size of each matrix version (the house matrix, version 1, when none was saved)."""
        return {m.version: m.size for m in self.matrices} or {
            HOUSE_MATRIX_VERSION: HOUSE_MATRIX_SIZE
        }

    def risk(self, risk_id: str) -> Risk | None:
        """The risk with this identifier, or None."""
        return next((r for r in self.risks if r.id == risk_id), None)

    def active_risks(self) -> list[Risk]:
        """Risks still followed (not closed), in register order."""
        return [r for r in self.risks if not r.closed]


def _check_levels(kind: str, risk_id: str, a: Assessment, sizes: dict[int, int]) -> None:
    """Refuse an assessment on a matrix version that does not exist, or outside its matrix."""
    size = sizes.get(a.matrix_version)
    if size is None:
        raise _fail(
            "risk_matrix_version_unknown",
            {"kind": kind, "risk": risk_id, "version": a.matrix_version},
        )
    if not (1 <= a.likelihood <= size and 1 <= a.impact <= size):
        raise _fail(
            "risk_level_outside_matrix",
            {
                "kind": kind,
                "risk": risk_id,
                "likelihood": a.likelihood,
                "impact": a.impact,
                "size": size,
            },
        )


# --------------------------------------------------------------------------- validation


def rule_issues(
    exc: ValidationError, model: type[BaseModel], *, prefix: tuple[str, ...] = ()
) -> list[Issue]:
    """French issues for a validation error of a risk model.

    The register's own rules keep their translatable template and raw
    parameters (:data:`RISK_MESSAGES`); an unknown category lists the codes
    with their words (:data:`CATEGORY_CODES`, translated); other errors get
    :func:`essdiag.validation.issues_from_validation`'s.
    """
    generic = issues_from_validation(exc, model, prefix=prefix)
    out = []
    for err, found in zip(exc.errors(include_url=False), generic, strict=True):
        issue = found
        code = err["type"]
        if code in RISK_MESSAGES:
            ctx = dict(err.get("ctx") or {})
            issue = issue.model_copy(update={"template": _template(code, ctx), "params": ctx})
        elif code == "enum" and err["loc"] and err["loc"][-1] == "category":
            issue = issue.model_copy(
                update={
                    "code": "risk_unknown_category",
                    "template": RISK_MESSAGES["risk_unknown_category"],
                    "params": {"input": issue.params.get("input", ""), "expected": CATEGORY_CODES},
                }
            )
        out.append(issue)
    return out


def validate_section(
    data: Any, *, prefix: tuple[str, ...] = ("risks",)
) -> tuple[RiskSection | None, list[Issue]]:
    """Validate a risk section (a dict): the section, or None and French issues."""
    try:
        return RiskSection.model_validate(data), []
    except ValidationError as exc:
        return None, rule_issues(exc, RiskSection, prefix=prefix)


def validate_matrix(data: Any) -> tuple[RiskMatrix | None, list[Issue]]:
    """Validate a matrix version (a dict): the matrix, or None and French issues."""
    try:
        return RiskMatrix.model_validate(data), []
    except ValidationError as exc:
        return None, rule_issues(exc, RiskMatrix, prefix=("risks", "matrices"))

"""The risk register: risks, assessments, actions and continuity sheets.

Where it sits: :class:`RiskSection` is the ``risks`` section of the dossier.
A :class:`Risk` is identified (category, cause, consequence, owner), analysed
(an inherent :class:`Assessment` before controls, a residual one after),
treated (reduce, accept, transfer, avoid, with :class:`RiskAction` records)
and reviewed (review date). Assessments store levels and the matrix version
they were made with; scores and bands are computed, never stored, so they
cannot disagree with the matrix (:func:`risk_score`).

Rules at the door (French messages, machine-readable codes): levels inside
the matrix of their version, an action not due before it was created, unique
identifiers, continuity sheets that name existing risks. A residual score
above the inherent one is allowed but flagged by :func:`register_warnings`
unless the user wrote why.

References:
    ISO 31000:2018, §6.4 (appréciation) to §6.6 (surveillance et revue).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from essdiag.errors import Issue, Severity
from essdiag.i18n import N_
from essdiag.risks.matrix import (
    MATRIX_MESSAGES,
    RiskMatrix,
    band_for,
    default_matrix,
    rescale_level,
    score,
)
from essdiag.validation import issues_from_validation

__all__ = [
    "ACTION_STATUS_LABELS",
    "CATEGORY_LABELS",
    "RISK_MESSAGES",
    "TREATMENT_LABELS",
    "ActionStatus",
    "Assessment",
    "ContinuitySheet",
    "MigrationProposal",
    "Risk",
    "RiskAction",
    "RiskCategory",
    "RiskScore",
    "RiskSection",
    "Treatment",
    "apply_migration",
    "current_matrix",
    "matrices_of",
    "matrix_by_version",
    "migration_proposals",
    "next_risk_id",
    "register_warnings",
    "revise_matrix",
    "risk_score",
    "rule_issues",
    "validate_matrix",
    "validate_section",
]


class RiskCategory(StrEnum):
    """Family of a risk (ESS organisations' usual map)."""

    FINANCIAL = "financial"
    HUMAN = "human"
    GOVERNANCE = "governance"
    LEGAL = "legal"
    OPERATIONAL = "operational"
    REPUTATIONAL = "reputational"
    ENVIRONMENTAL = "environmental"
    DIGITAL = "digital"


CATEGORY_LABELS: dict[RiskCategory, str] = {
    RiskCategory.FINANCIAL: N_("Financier"),
    RiskCategory.HUMAN: N_("Humain et bénévolat"),
    RiskCategory.GOVERNANCE: N_("Gouvernance et institutionnel"),
    RiskCategory.LEGAL: N_("Juridique et conformité"),
    RiskCategory.OPERATIONAL: N_("Opérationnel et continuité"),
    RiskCategory.REPUTATIONAL: N_("Image et réputation"),
    RiskCategory.ENVIRONMENTAL: N_("Environnemental"),
    RiskCategory.DIGITAL: N_("Numérique et données"),
}


class Treatment(StrEnum):
    """ISO 31000 treatment options."""

    REDUCE = "reduce"
    ACCEPT = "accept"
    TRANSFER = "transfer"
    AVOID = "avoid"


TREATMENT_LABELS: dict[Treatment, str] = {
    Treatment.REDUCE: N_("Réduire"),
    Treatment.ACCEPT: N_("Accepter"),
    Treatment.TRANSFER: N_("Transférer"),
    Treatment.AVOID: N_("Éviter"),
}


class ActionStatus(StrEnum):
    """Where an action stands."""

    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    DROPPED = "dropped"


ACTION_STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.TODO: N_("À faire"),
    ActionStatus.DOING: N_("En cours"),
    ActionStatus.DONE: N_("Faite"),
    ActionStatus.DROPPED: N_("Abandonnée"),
}

OPEN_STATUSES = frozenset({ActionStatus.TODO, ActionStatus.DOING})

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
    "risk_unknown_category": N_("Catégorie inconnue « {input} » : valeurs admises {allowed}."),
}
"""French templates of the register rules, by error code (translated by the screens)."""


def _template(code: str, ctx: dict[str, Any]) -> str:
    """The template of a rule; ``ctx["kind"] == "residual"`` picks the residual wording."""
    return RISK_MESSAGES.get(f"{code}/{ctx.get('kind')}", RISK_MESSAGES[code])


def _fail(code: str, ctx: dict[str, Any]) -> PydanticCustomError:
    return PydanticCustomError(code, _template(code, ctx), ctx)


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
                    {
                        "action": action.title,
                        "due": action.due_on.strftime("%d/%m/%Y"),
                        "created": start.strftime("%d/%m/%Y"),
                    },
                )
        if self.review_on and self.created_on and self.review_on < self.created_on:
            raise _fail(
                "risk_review_before_creation",
                {
                    "risk": self.id,
                    "review": self.review_on.strftime("%d/%m/%Y"),
                    "created": self.created_on.strftime("%d/%m/%Y"),
                },
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
        by_version = {m.version: m for m in matrices_of(self)}
        seen: set[str] = set()
        for risk in self.risks:
            if risk.id in seen:
                raise _fail("risk_duplicate_id", {"risk": risk.id})
            seen.add(risk.id)
            for kind, assessment in (("inherent", risk.inherent), ("residual", risk.residual)):
                if assessment is None:
                    continue
                matrix = by_version.get(assessment.matrix_version)
                if matrix is None:
                    raise _fail(
                        "risk_matrix_version_unknown",
                        {"kind": kind, "risk": risk.id, "version": assessment.matrix_version},
                    )
                if not matrix.contains(assessment.likelihood, assessment.impact):
                    raise _fail(
                        "risk_level_outside_matrix",
                        {
                            "kind": kind,
                            "risk": risk.id,
                            "likelihood": assessment.likelihood,
                            "impact": assessment.impact,
                            "size": matrix.size,
                        },
                    )
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

    def risk(self, risk_id: str) -> Risk | None:
        """The risk with this identifier, or None."""
        return next((r for r in self.risks if r.id == risk_id), None)


@cache
def _house_matrix() -> RiskMatrix:
    """The 5×5 house matrix, version 1, built once (read-only: never mutate it)."""
    return default_matrix(5, version=1)


def matrices_of(section: RiskSection) -> list[RiskMatrix]:
    """The matrix versions of a section; the 5×5 house matrix when none was saved."""
    return list(section.matrices) or [_house_matrix()]


def current_matrix(section: RiskSection) -> RiskMatrix:
    """The latest matrix version: the one new assessments use."""
    return max(matrices_of(section), key=lambda m: m.version)


def matrix_by_version(section: RiskSection, version: int) -> RiskMatrix | None:
    """One version of the matrix, or None."""
    return next((m for m in matrices_of(section) if m.version == version), None)


class RiskScore(BaseModel):
    """Scores and bands of a risk on the matrix version it was assessed with.

    Attributes:
        risk_id: the risk.
        matrix_version: version used.
        size: size of that matrix.
        inherent: inherent score; inherent_band its band's word; inherent_colour its colour.
        residual: residual score (None when not assessed); residual_band, residual_colour.
        band_rank: rank of the residual band (inherent when no residual), 0 = lowest.
        current: True when assessed on the current matrix version.
    """

    model_config = ConfigDict(frozen=True)

    risk_id: str
    matrix_version: int
    size: int
    inherent: int
    inherent_band: str
    inherent_colour: str
    residual: int | None
    residual_band: str | None
    residual_colour: str | None
    band_rank: int
    current: bool

    @property
    def net(self) -> int:
        """The score that counts now: residual when assessed, else inherent."""
        return self.residual if self.residual is not None else self.inherent


def risk_score(risk: Risk, section: RiskSection) -> RiskScore:
    """Scores and bands of a risk (the section validated its matrix version).

    Example:
        >>> r = Risk(id="R1", title="Retard", category="financial",
        ...          inherent=Assessment(likelihood=4, impact=4),
        ...          residual=Assessment(likelihood=2, impact=4))
        >>> s = risk_score(r, RiskSection(risks=[r]))
        >>> (s.inherent, s.inherent_band, s.residual, s.residual_band)
        (16, 'Élevé', 8, 'Modéré')
    """
    versions = matrices_of(section)
    latest = max(versions, key=lambda m: m.version)
    matrix = next((m for m in versions if m.version == risk.inherent.matrix_version), latest)
    inherent = risk.inherent.score
    ib = band_for(inherent, matrix)
    residual = risk.residual.score if risk.residual else None
    rb = band_for(residual, matrix) if residual is not None else None
    net = residual if residual is not None else inherent
    return RiskScore(
        risk_id=risk.id,
        matrix_version=matrix.version,
        size=matrix.size,
        inherent=inherent,
        inherent_band=ib.label,
        inherent_colour=ib.colour,
        residual=residual,
        residual_band=rb.label if rb else None,
        residual_colour=rb.colour if rb else None,
        band_rank=matrix.bands.index(band_for(net, matrix)),
        current=matrix.version == latest.version,
    )


def register_warnings(section: RiskSection) -> list[Issue]:
    """What the user should look at, as warnings (never an error, never a crash).

    * ``residual_above_inherent``: residual score above the inherent one with no
      justification written;
    * ``risk_matrix_outdated``: assessed on an older matrix version (offer migration);
    * ``risk_reduce_without_action``: treatment « réduire » without any open action.
    """
    issues: list[Issue] = []
    latest = current_matrix(section).version
    for i, risk in enumerate(section.risks):
        field = f"risks.risks.{i}"
        if (
            risk.residual is not None
            and risk.residual.score > risk.inherent.score
            and not risk.residual_reason.strip()
        ):
            issues.append(
                Issue(
                    code="residual_above_inherent",
                    template=N_(
                        "Le risque résiduel de « {risk} » ({residual}) dépasse le risque brut "
                        "({inherent}) : les mesures l'aggravent-elles ? Écrivez pourquoi dans "
                        "« Justification du risque résiduel », ou corrigez l'évaluation."
                    ),
                    params={
                        "risk": risk.id,
                        "residual": risk.residual.score,
                        "inherent": risk.inherent.score,
                    },
                    severity=Severity.WARNING,
                    field=field,
                )
            )
        if risk.inherent.matrix_version != latest:
            issues.append(
                Issue(
                    code="risk_matrix_outdated",
                    template=N_(
                        "Le risque « {risk} » est évalué sur la version {old} de la matrice ; "
                        "la version en vigueur est la {new} : proposez la migration."
                    ),
                    params={"risk": risk.id, "old": risk.inherent.matrix_version, "new": latest},
                    severity=Severity.WARNING,
                    field=field,
                )
            )
        if risk.treatment is Treatment.REDUCE and not risk.open_actions and not risk.closed:
            issues.append(
                Issue(
                    code="risk_reduce_without_action",
                    template=N_(
                        "Le risque « {risk} » doit être réduit mais n'a aucune action en cours."
                    ),
                    params={"risk": risk.id},
                    severity=Severity.INFO,
                    field=field,
                )
            )
    return issues


def next_risk_id(existing: Iterable[str], prefix: str = "R") -> str:
    """The next free identifier ``R01``, ``R02``…

    >>> next_risk_id(["R01", "R02", "X"])
    'R03'
    """
    taken = set(existing)
    n = 1
    while f"{prefix}{n:02d}" in taken:
        n += 1
    return f"{prefix}{n:02d}"


def revise_matrix(
    section: RiskSection, matrix: RiskMatrix, *, on: date | None = None
) -> RiskSection:
    """A section with ``matrix`` added as a new version; assessments are untouched.

    The implicit house matrix (version 1) is written out first so that older
    assessments keep the exact matrix they were made with.
    """
    versions = matrices_of(section)
    new_version = max(m.version for m in versions) + 1
    added = matrix.model_copy(
        update={"version": new_version, "created_on": on or matrix.created_on}
    )
    return section.model_copy(
        update={"matrices": [*versions, RiskMatrix.model_validate(added.model_dump())]}
    )


class MigrationProposal(BaseModel):
    """How one assessment would move to another matrix version.

    Attributes:
        risk_id: the risk.
        kind: ``inherent`` or ``residual``.
        from_version, to_version: matrix versions.
        old_likelihood, old_impact, old_score, old_band: before.
        new_likelihood, new_impact, new_score, new_band: proposed.
    """

    model_config = ConfigDict(frozen=True)

    risk_id: str
    kind: str
    from_version: int
    to_version: int
    old_likelihood: int
    old_impact: int
    old_score: int
    old_band: str
    new_likelihood: int
    new_impact: int
    new_score: int
    new_band: str


def migration_proposals(
    section: RiskSection, to_version: int | None = None
) -> list[MigrationProposal]:
    """Proposed levels on ``to_version`` (default: current) for every older assessment.

    Levels are rescaled with :func:`essdiag.risks.matrix.rescale_level`; nothing
    is changed until :func:`apply_migration` is called with the accepted proposals.
    """
    target = (matrix_by_version(section, to_version) if to_version else None) or current_matrix(
        section
    )
    proposals = []
    for risk in section.risks:
        for kind, a in (("inherent", risk.inherent), ("residual", risk.residual)):
            if a is None or a.matrix_version == target.version:
                continue
            source = matrix_by_version(section, a.matrix_version)
            if source is None:
                continue
            nl = rescale_level(a.likelihood, source.size, target.size)
            ni = rescale_level(a.impact, source.size, target.size)
            proposals.append(
                MigrationProposal(
                    risk_id=risk.id,
                    kind=kind,
                    from_version=source.version,
                    to_version=target.version,
                    old_likelihood=a.likelihood,
                    old_impact=a.impact,
                    old_score=a.score,
                    old_band=band_for(a.score, source).label,
                    new_likelihood=nl,
                    new_impact=ni,
                    new_score=score(nl, ni),
                    new_band=band_for(score(nl, ni), target).label,
                )
            )
    return proposals


def apply_migration(section: RiskSection, proposals: Sequence[MigrationProposal]) -> RiskSection:
    """The section with the accepted proposals applied (both assessments of a risk move together).

    A risk is moved only when its inherent assessment is among the proposals;
    its residual one moves with it (proposed levels, or rescaled ones).
    """
    by_key = {(p.risk_id, p.kind): p for p in proposals}
    risks = []
    for risk in section.risks:
        p_in = by_key.get((risk.id, "inherent"))
        if p_in is None:
            risks.append(risk)
            continue
        inherent = Assessment(
            likelihood=p_in.new_likelihood, impact=p_in.new_impact, matrix_version=p_in.to_version
        )
        residual = risk.residual
        if residual is not None:
            p_res = by_key.get((risk.id, "residual"))
            if p_res is None:
                source = matrix_by_version(section, residual.matrix_version)
                target = matrix_by_version(section, p_in.to_version)
                assert source is not None and target is not None
                residual = Assessment(
                    likelihood=rescale_level(residual.likelihood, source.size, target.size),
                    impact=rescale_level(residual.impact, source.size, target.size),
                    matrix_version=p_in.to_version,
                )
            else:
                residual = Assessment(
                    likelihood=p_res.new_likelihood,
                    impact=p_res.new_impact,
                    matrix_version=p_res.to_version,
                )
        risks.append(risk.model_copy(update={"inherent": inherent, "residual": residual}))
    return RiskSection.model_validate(
        {**section.model_dump(), "risks": [r.model_dump() for r in risks]}
    )


def rule_issues(
    exc: ValidationError, model: type[BaseModel], *, prefix: tuple[str, ...] = ()
) -> list[Issue]:
    """French issues for a validation error of a risk model.

    The register's own rules keep their translatable template and parameters
    (:data:`RISK_MESSAGES`); an unknown category lists the codes with their
    French words; other errors get :func:`essdiag.validation.issues_from_validation`'s.
    """
    generic = issues_from_validation(exc, model, prefix=prefix)
    out = []
    allowed = ", ".join(f"{c.value} ({label})" for c, label in CATEGORY_LABELS.items())
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
                    "params": {"input": issue.params.get("input", ""), "allowed": allowed},
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

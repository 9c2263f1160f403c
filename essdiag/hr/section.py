"""Human resources: workforce, pay scale, equality index, OETH, skills, working-life quality.

This module owns the ``HRSection`` section of the dossier: models only. Bulk
data live as workspace attachments referenced by id (the workforce register
and the working-life survey, each kept as Parquet with its original upload,
see :mod:`essdiag.hr.storage`); what people type on the screen (jobs and
skills, OETH purchases, accidents, the equality settings) lives here. Every
field has a default, so dossiers saved before the HR capability still read.

Enums carry their French label (:class:`~essdiag.i18n.LabelledEnum`).
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import custom_error

__all__ = [
    "Category",
    "Contract",
    "EqualityMode",
    "HRSection",
    "Job",
    "OethInputs",
    "PersonSkills",
    "Sex",
    "ShelteredKind",
    "ShelteredPurchase",
    "SizeBand",
    "Skill",
    "SocialInputs",
    "StoredTable",
]

LEVEL_MAX = 4
"""Skill levels run 0 (none) to 4 (expert, can teach)."""


def _check_levels(value: dict[str, int]) -> dict[str, int]:
    """Skill levels must lie in 0–4."""
    for skill, level in value.items():
        if not 0 <= level <= LEVEL_MAX:
            raise custom_error(
                "hr_skill_level",
                N_("Le niveau de « {skill} » doit être compris entre 0 et 4 (reçu : {level})."),
                {"skill": skill, "level": level},
            )
    return value


class Sex(LabelledEnum):
    """Sex as the register and the equality index record it (``sexe``: F or H)."""

    WOMAN = "F", N_("Femme")
    MAN = "H", N_("Homme")


class Category(LabelledEnum):
    """Socio-professional category of a post, as the equality index groups them (CSP)."""

    OUV = "ouv", N_("Ouvriers")
    EMP = "emp", N_("Employés")
    TAM = "tam", N_("Techniciens et agents de maîtrise")
    IC = "ic", N_("Ingénieurs et cadres")


class Contract(LabelledEnum):
    """Kind of employment contract.

    ``excluded_from_headcount`` follows Code du travail L1111-3: apprentices,
    subsidised contracts (PEC, the CUI-CAE of the non-market sector) and
    professionalisation contracts are not counted in the headcount; the CDDI of
    an insertion workshop is (Senate written answer of 5 February 2015).
    """

    CDI = "cdi", N_("CDI")
    CDD = "cdd", N_("CDD")
    CDDI = "cddi", N_("CDD d'insertion (CDDI)")
    PEC = "pec", N_("Parcours emploi compétences (PEC)")
    APPRENTICESHIP = "apprentissage", N_("Contrat d'apprentissage")
    PROFESSIONALISATION = "professionnalisation", N_("Contrat de professionnalisation")

    @property
    def excluded_from_headcount(self) -> bool:
        """True for contracts left out of the headcount (L1111-3)."""
        return self in (Contract.PEC, Contract.APPRENTICESHIP, Contract.PROFESSIONALISATION)

    @property
    def excluded_from_equality_index(self) -> bool:
        """True for contracts left out of the index (décret 2019-15, annexes, 2)."""
        return self in (Contract.APPRENTICESHIP, Contract.PROFESSIONALISATION)


class EqualityMode(LabelledEnum):
    """How the pay-gap indicator groups posts."""

    CSP = "csp", N_("Catégories socioprofessionnelles (seuil de pertinence 5 %)")
    LEVEL = "niveau", N_("Niveaux ou coefficients de la convention (seuil de pertinence 2 %)")


class SizeBand(LabelledEnum):
    """Size band of the equality index."""

    FROM_50_TO_250 = "50-250", N_("50 à 250 salariés")
    OVER_250 = "250+", N_("Plus de 250 salariés")


class ShelteredKind(LabelledEnum):
    """Supplier of the sheltered and adapted sector whose work counts for the OETH."""

    EA = "ea", N_("Entreprise adaptée (EA)")
    ESAT = "esat", N_("Établissement ou service d'accompagnement par le travail (ESAT)")
    TIH = "tih", N_("Travailleur indépendant handicapé (TIH)")


class StoredTable(BaseModel):
    """A bulk table kept as workspace attachments (Parquet and the original upload).

    Attributes:
        name: file name as uploaded.
        parquet_id: attachment id of the canonical table (Parquet).
        original_id: attachment id of the original upload.
        rows_read: data rows in the file.
        rows_kept: rows kept after checks.
        issues: number of problems reported on import.
        period_start, period_end: the period the table covers.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=300, title=N_("Fichier"))
    parquet_id: str = Field(min_length=1, title=N_("Pièce jointe (Parquet)"))
    original_id: str = Field(default="", title=N_("Pièce jointe (fichier d'origine)"))
    rows_read: int = Field(default=0, ge=0, title=N_("Lignes lues"))
    rows_kept: int = Field(default=0, ge=0, title=N_("Lignes retenues"))
    issues: int = Field(default=0, ge=0, title=N_("Problèmes signalés"))
    period_start: date = Field(title=N_("Début de la période"))
    period_end: date = Field(title=N_("Fin de la période"))

    @model_validator(mode="after")
    def _period(self) -> Self:
        if self.period_end < self.period_start:
            raise custom_error(
                "hr_period_order",
                N_("La fin de la période ({end}) précède son début ({start})."),
                {"end": self.period_end.isoformat(), "start": self.period_start.isoformat()},
            )
        return self


class Skill(BaseModel):
    """A skill of the organisation's catalogue.

    Attributes:
        id: short identifier (``tri``, ``cip-accomp``).
        label: the skill in a few words.
        rome_code: ROME 4.0 code of the skill or of the job it comes from, when known.
        critical: the activity stops if nobody holds it.
        training_cost_per_level: cost of raising one person by one level (euros).
        training_hours_per_level: hours of training for one level.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(min_length=1, max_length=40, title=N_("Identifiant de la compétence"))
    label: str = Field(min_length=1, max_length=200, title=N_("Compétence"))
    rome_code: str = Field(default="", max_length=20, title=N_("Code ROME"))
    critical: bool = Field(default=False, title=N_("Compétence critique"))
    training_cost_per_level: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Coût de formation par niveau (€)")
    )
    training_hours_per_level: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Heures de formation par niveau")
    )


class Job(BaseModel):
    """A job (post) of the organisation and the skill levels it requires.

    Attributes:
        id: short identifier, as in the register's ``emploi`` column.
        title: job title.
        rome_code: ROME 4.0 job code, when known (indicative).
        required: skill id → required level (0–4).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(min_length=1, max_length=40, title=N_("Identifiant de l'emploi"))
    title: str = Field(min_length=1, max_length=200, title=N_("Intitulé de l'emploi"))
    rome_code: str = Field(default="", max_length=20, title=N_("Code ROME"))
    required: dict[str, int] = Field(default_factory=dict, title=N_("Niveaux requis"))

    @field_validator("required")
    @classmethod
    def _levels(cls, value: dict[str, int]) -> dict[str, int]:
        return _check_levels(value)


class PersonSkills(BaseModel):
    """The skill levels one person of the register holds (by anonymous id).

    Attributes:
        person_id: the person's id in the workforce register.
        job_id: the job they hold (overrides the register's ``emploi`` column).
        levels: skill id → level held (0–4).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    person_id: str = Field(min_length=1, max_length=40, title=N_("Identifiant de la personne"))
    job_id: str = Field(default="", max_length=40, title=N_("Emploi"))
    levels: dict[str, int] = Field(default_factory=dict, title=N_("Niveaux détenus"))

    @field_validator("levels")
    @classmethod
    def _levels(cls, value: dict[str, int]) -> dict[str, int]:
        return _check_levels(value)


class ShelteredPurchase(BaseModel):
    """A purchase from the sheltered or adapted sector over the OETH year.

    Attributes:
        supplier: supplier's name.
        kind: EA, ESAT or TIH.
        amount_excl_tax: price excluding VAT.
        labour_cost: labour cost stated on the supplier's attestation (excluding VAT).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    supplier: str = Field(min_length=1, max_length=200, title=N_("Fournisseur"))
    kind: ShelteredKind = Field(title=N_("Type de fournisseur"))
    amount_excl_tax: float = Field(ge=0, allow_inf_nan=False, title=N_("Montant HT (€)"))
    labour_cost: float = Field(
        ge=0, allow_inf_nan=False, title=N_("Coût de la main-d'œuvre attesté HT (€)")
    )

    @model_validator(mode="after")
    def _labour_within_price(self) -> Self:
        if self.labour_cost > self.amount_excl_tax:
            raise custom_error(
                "hr_labour_above_price",
                N_(
                    "Le coût de main-d'œuvre attesté ({labour} €) dépasse le montant HT de "
                    "l'achat ({amount} €) chez « {supplier} »."
                ),
                {
                    "labour": self.labour_cost,
                    "amount": self.amount_excl_tax,
                    "supplier": self.supplier,
                },
            )
        return self


class OethInputs(BaseModel):
    """What the OETH declaration needs beyond the register.

    Attributes:
        purchases: purchases from EA, ESAT and TIH over the year.
        partnership_expenses: deductible partnership expenses (excluding VAT).
        other_beneficiaries: beneficiaries not in the register (temporary staff,
            trainees, placements), in annual-average units.
        no_action_three_years: no beneficiary, no purchase, no agreement for
            more than three years (the 1,500 × SMIC over-contribution).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    purchases: list[ShelteredPurchase] = Field(
        default_factory=list, title=N_("Achats EA, ESAT, TIH")
    )
    partnership_expenses: float = Field(
        default=0.0, ge=0, allow_inf_nan=False, title=N_("Dépenses de partenariat déductibles (€)")
    )
    other_beneficiaries: float = Field(
        default=0.0, ge=0, le=10_000, allow_inf_nan=False, title=N_("Autres bénéficiaires (unités)")
    )
    no_action_three_years: bool = Field(
        default=False, title=N_("Aucune action depuis plus de trois ans")
    )


class SocialInputs(BaseModel):
    """Social figures not in the register.

    Attributes:
        accidents_with_leave: work accidents with at least one day off.
        days_lost: calendar days lost to those accidents.
        hours_worked: hours actually worked over the period (None: FTE × 1,607 h).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    accidents_with_leave: int = Field(
        default=0, ge=0, le=100_000, title=N_("Accidents du travail avec arrêt")
    )
    days_lost: int = Field(default=0, ge=0, le=10_000_000, title=N_("Jours perdus (accidents)"))
    hours_worked: float | None = Field(
        default=None, gt=0, allow_inf_nan=False, title=N_("Heures travaillées")
    )


class HRSection(BaseModel):
    """Human resources of the organisation.

    Attributes:
        workforce: the workforce register (attachments), when imported.
        survey: the working-life quality survey (attachments), when imported.
        equality_mode: how the pay-gap indicator groups posts.
        size_band: the equality index's size band (None: from the headcount).
        branch_minimum_annual: the branch's annual full-time minimum, when
            higher than the SMIC (ESUS pay caps).
        skills, jobs, people: the skills catalogue, the jobs and what each person holds.
        training_budget: the training budget the plan is set against.
        oeth: OETH inputs beyond the register.
        social: accidents and hours worked.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    workforce: StoredTable | None = Field(default=None, title=N_("Registre du personnel"))
    survey: StoredTable | None = Field(default=None, title=N_("Enquête qualité de vie au travail"))
    equality_mode: EqualityMode = Field(
        default=EqualityMode.CSP, title=N_("Groupes de l'indicateur d'écart de rémunération")
    )
    size_band: SizeBand | None = Field(default=None, title=N_("Tranche d'effectif de l'index"))
    branch_minimum_annual: float | None = Field(
        default=None, gt=0, allow_inf_nan=False, title=N_("Minimum conventionnel annuel (€)")
    )
    skills: list[Skill] = Field(default_factory=list, title=N_("Compétences"))
    jobs: list[Job] = Field(default_factory=list, title=N_("Emplois"))
    people: list[PersonSkills] = Field(default_factory=list, title=N_("Compétences détenues"))
    training_budget: float | None = Field(
        default=None, ge=0, allow_inf_nan=False, title=N_("Budget de formation (€)")
    )
    oeth: OethInputs = Field(default_factory=OethInputs, title=N_("Obligation d'emploi (OETH)"))
    social: SocialInputs = Field(default_factory=SocialInputs, title=N_("Indicateurs sociaux"))

    @model_validator(mode="after")
    def _references(self) -> Self:
        skill_ids = [s.id for s in self.skills]
        if len(set(skill_ids)) != len(skill_ids):
            raise custom_error(
                "hr_duplicate_skill",
                N_("Deux compétences portent le même identifiant."),
                {},
            )
        job_ids = [j.id for j in self.jobs]
        if len(set(job_ids)) != len(job_ids):
            raise custom_error(
                "hr_duplicate_job", N_("Deux emplois portent le même identifiant."), {}
            )
        known = set(skill_ids)
        for job in self.jobs:
            for skill in job.required:
                if skill not in known:
                    raise custom_error(
                        "hr_unknown_skill",
                        N_("L'emploi « {job} » requiert une compétence inconnue : « {skill} »."),
                        {"job": job.id, "skill": skill},
                    )
        for person in self.people:
            for skill in person.levels:
                if skill not in known:
                    raise custom_error(
                        "hr_unknown_skill_held",
                        N_(
                            "La personne « {person} » détient une compétence inconnue : « {skill} »."
                        ),
                        {"person": person.person_id, "skill": skill},
                    )
            if person.job_id and person.job_id not in job_ids:
                raise custom_error(
                    "hr_unknown_job",
                    N_("La personne « {person} » occupe un emploi inconnu : « {job} »."),
                    {"person": person.person_id, "job": person.job_id},
                )
        return self

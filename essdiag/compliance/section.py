"""The legal and fiscal frame the organisation declares: statutes, ESUS, grants, taxes, CSESS guide.

A section of the dossier (layer 1, models only; ``dossier.py`` composes it).
It holds only what the dossier cannot know by itself: what the statutes say,
the ESUS agreement, declarations about the auditor and the contracts signed,
the leaders' pay, each activity's « 4P » answers, and the self-assessment on
the eight themes of the CSESS guide. Everything that other sections already
know (legal form, funding register, accounts, workforce) is read there by
:mod:`essdiag.compliance.engine`, never asked again.

Answers are tri-state (:class:`Answer`: yes, no, not answered) so that a rule
can say « à vérifier » rather than guess. Every field has a default, so a
dossier saved before this section was filled still reads.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator

from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import custom_error

__all__ = [
    "Answer",
    "ByRightKind",
    "ComplianceSection",
    "CsessAnswers",
    "CsessAssessment",
    "CsessLevel",
    "CsessTheme",
    "DeclaredCharges",
    "DeclaredPay",
    "EsusAnswers",
    "GrantAnswers",
    "Leader",
    "SocialUtility",
    "SocialUtilityObject",
    "Statement",
    "StatutesAnswers",
    "TaxActivity",
    "TaxAnswers",
]

_MODEL = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)


class Answer(LabelledEnum):
    """An answer to a question on the statutes or the practice."""

    YES = "yes", N_("Oui")
    NO = "no", N_("Non")
    UNKNOWN = "unknown", N_("Non renseigné")


class Statement(BaseModel):
    """An answer and what supports it (an article of the statutes, a board decision).

    Attributes:
        answer: yes, no or not answered.
        evidence: where it is written (« statuts, art. 12 »), free text.
    """

    model_config = _MODEL

    answer: Answer = Field(default=Answer.UNKNOWN, title=N_("Réponse"))
    evidence: str = Field(default="", max_length=1000, title=N_("Justification"))


class StatutesAnswers(BaseModel):
    """What the statutes say, for art. 1 of the ESS law (loi n° 2014-856).

    Attributes:
        purpose_other_than_profit: a purpose other than sharing profits (I, 1°).
        democratic_governance: democratic governance defined in the statutes,
            not tied only to capital (I, 2°).
        profits_mostly_reinvested: profits mostly devoted to maintaining or
            developing the activity (I, 3° a).
        reserves_not_distributed: compulsory reserves not shareable nor
            distributed (I, 3° b).
        liquidation_surplus_to_ess: the liquidation surplus goes to another
            ESS entity (II, 2° c for commercial companies).
        conditions_in_statutes: a commercial company writes these conditions
            in its statutes (II, 2°).
        no_capital_amortisation: no amortisation of capital nor reduction not
            justified by losses (II, 2° c, third dash).
        development_reserve_share: fraction of profits the statutes allocate
            to the development fund (0–1), for a commercial company.
        retained_earnings_share: fraction of profits the statutes allocate to
            retained earnings and compulsory reserves (0–1).
    """

    model_config = _MODEL

    purpose_other_than_profit: Statement = Field(
        default_factory=Statement, title=N_("But autre que le seul partage des bénéfices")
    )
    democratic_governance: Statement = Field(
        default_factory=Statement, title=N_("Gouvernance démocratique définie par les statuts")
    )
    profits_mostly_reinvested: Statement = Field(
        default_factory=Statement,
        title=N_(
            "Bénéfices majoritairement consacrés au maintien ou au développement de l'activité"
        ),
    )
    reserves_not_distributed: Statement = Field(
        default_factory=Statement,
        title=N_("Réserves obligatoires impartageables et non distribuées"),
    )
    liquidation_surplus_to_ess: Statement = Field(
        default_factory=Statement,
        title=N_("Boni de liquidation dévolu à une autre entreprise de l'ESS"),
    )
    conditions_in_statutes: Statement = Field(
        default_factory=Statement, title=N_("Ces conditions sont écrites dans les statuts")
    )
    no_capital_amortisation: Statement = Field(
        default_factory=Statement,
        title=N_("Ni amortissement du capital ni réduction non motivée par des pertes"),
    )
    development_reserve_share: float | None = Field(
        default=None, ge=0, le=1, title=N_("Part des bénéfices affectée au fonds de développement")
    )
    retained_earnings_share: float | None = Field(
        default=None,
        ge=0,
        le=1,
        title=N_("Part des bénéfices affectée au report bénéficiaire et aux réserves obligatoires"),
    )


class SocialUtilityObject(LabelledEnum):
    """What the company's object pursues, in the words of art. 2 of the ESS law.

    The list is finer than the law's conditions so that both wordings can be
    read from it: the original one (three conditions, 2014) and the one of
    the loi PACTE (four conditions, from 24 May 2019).
    """

    FRAGILE_SUPPORT = "fragile_support", N_("Soutien à des personnes en situation de fragilité")
    EXCLUSION = "exclusion", N_("Lutte contre l'exclusion de ces personnes")
    SOCIAL_LINK = "social_link", N_("Préservation et développement du lien social")
    TERRITORIAL_COHESION = (
        "territorial_cohesion",
        N_("Maintien et renforcement de la cohésion territoriale"),
    )
    CITIZENSHIP_EDUCATION = (
        "citizenship_education",
        N_("Éducation à la citoyenneté (éducation populaire, participation des bénéficiaires)"),
    )
    INEQUALITIES = (
        "inequalities",
        N_(
            "Réduction des inégalités sociales et culturelles, notamment entre les femmes et les hommes"
        ),
    )
    SUSTAINABLE_DEVELOPMENT = "sustainable_development", N_("Développement durable")
    ENERGY_TRANSITION = "energy_transition", N_("Transition énergétique")
    CULTURAL_PROMOTION = "cultural_promotion", N_("Promotion culturelle")
    INTERNATIONAL_SOLIDARITY = "international_solidarity", N_("Solidarité internationale")


class SocialUtility(BaseModel):
    """The social utility the object pursues (art. 2 of the ESS law).

    Attributes:
        objects: what the object pursues.
        main_purpose: the object meets them as its main purpose (« à titre principal »).
        evidence: the article of the statutes and the activities that show it.
    """

    model_config = _MODEL

    objects: list[SocialUtilityObject] = Field(
        default_factory=list, title=N_("Objectifs d'utilité sociale")
    )
    main_purpose: Statement = Field(
        default_factory=Statement, title=N_("À titre principal dans l'objet social")
    )
    evidence: str = Field(default="", max_length=2000, title=N_("Justification"))


class ByRightKind(LabelledEnum):
    """Structures that hold the ESUS agreement by right (Code du travail L3332-17-1, II)."""

    NONE = "none", N_("Aucune : agrément sur dossier")
    INSERTION_COMPANY = "insertion_company", N_("Entreprise d'insertion")
    TEMPORARY_WORK_INSERTION = (
        "temporary_work_insertion",
        N_("Entreprise de travail temporaire d'insertion"),
    )
    INTERMEDIATE_ASSOCIATION = "intermediate_association", N_("Association intermédiaire")
    INSERTION_WORKSHOP = "insertion_workshop", N_("Atelier et chantier d'insertion")
    SOCIAL_INSERTION_BODY = (
        "social_insertion_body",
        N_("Organisme d'insertion sociale (CASF L121-2)"),
    )
    CHILD_WELFARE_SERVICE = "child_welfare_service", N_("Service de l'aide sociale à l'enfance")
    CHRS = "chrs", N_("Centre d'hébergement et de réinsertion sociale")
    REGIE_DE_QUARTIER = "regie_de_quartier", N_("Régie de quartier")
    ADAPTED_COMPANY = "adapted_company", N_("Entreprise adaptée")
    ESAT = "esat", N_("Établissement et service d'aide par le travail")
    HOUSING_BODY = (
        "housing_body",
        N_("Organisme agréé de maîtrise d'ouvrage d'insertion (logement)"),
    )
    RUP = "rup", N_("Association ou fondation reconnue d'utilité publique")
    DISABILITY_SERVICE = (
        "disability_service",
        N_("Établissement ou service accueillant des personnes handicapées"),
    )


class DeclaredCharges(BaseModel):
    """Operating charges of a closed fiscal year, as the annual accounts show them.

    Used for the ESUS charges criterion when the dossier holds no ledger of
    that year, or a ledger without analytic codes.

    Attributes:
        year: the fiscal year (named by the calendar year in which it ends).
        operating_charges: all operating charges (accounts 60 to 65 and 681), euros.
        social_utility_charges: those of the social-utility activities, euros.
        source: where the split comes from (analytic accounts, the auditor's note).
    """

    model_config = _MODEL

    year: int = Field(ge=1990, le=2100, title=N_("Exercice"))
    operating_charges: float = Field(ge=0, title=N_("Charges d'exploitation (€)"))
    social_utility_charges: float = Field(
        ge=0, title=N_("Charges d'exploitation des activités d'utilité sociale (€)")
    )
    source: str = Field(default="", max_length=300, title=N_("Source"))

    @model_validator(mode="after")
    def _part_within_total(self) -> DeclaredCharges:
        if self.social_utility_charges > self.operating_charges:
            raise custom_error(
                "compliance_charges_part",
                N_(
                    "Exercice {year} : les charges d'utilité sociale ({part} €) dépassent le total "
                    "des charges d'exploitation ({total} €)."
                ),
                {
                    "year": self.year,
                    "part": self.social_utility_charges,
                    "total": self.operating_charges,
                },
            )
        return self


class DeclaredPay(BaseModel):
    """One of the highest pays, typed by hand when the dossier holds no workforce.

    Attributes:
        role: the job (« direction »), never a name.
        annual_gross: gross pay actually paid over the year, bonuses included, euros.
        fte: full-time equivalent of the job over the year (0 < fte ≤ 1).
    """

    model_config = _MODEL

    role: str = Field(min_length=1, max_length=120, title=N_("Poste"))
    annual_gross: float = Field(ge=0, title=N_("Rémunération brute annuelle versée (€)"))
    fte: float = Field(gt=0, le=1, title=N_("Équivalent temps plein"))


class EsusAnswers(BaseModel):
    """The ESUS agreement (Code du travail L3332-17-1; décret n° 2015-719).

    Attributes:
        by_right: the kind of structure that holds the agreement by right, if any.
        agreement_date: date of the prefect's decision, when the agreement is held.
        agreement_until: end of its validity.
        objective_in_statutes: the social-utility objective is written in the statutes.
        pay_policy_in_statutes: the pay policy is written in the statutes (required
            before the loi PACTE).
        shares_listed: the company's shares are listed on a market (no for an
            association or a cooperative without listed shares).
        social_utility_codes: analytic codes of the social-utility activities in
            the accounts.
        declared_charges: operating charges per closed year, when no usable ledger.
        declared_pays: the highest pays, when the dossier holds no workforce
            (the branch minimum is read in the HR section).
    """

    model_config = _MODEL

    by_right: ByRightKind = Field(default=ByRightKind.NONE, title=N_("ESUS de plein droit"))
    agreement_date: date | None = Field(default=None, title=N_("Date de l'agrément"))
    agreement_until: date | None = Field(default=None, title=N_("Agrément valable jusqu'au"))
    objective_in_statutes: Statement = Field(
        default_factory=Statement,
        title=N_("L'objectif d'utilité sociale figure dans les statuts"),
    )
    pay_policy_in_statutes: Statement = Field(
        default_factory=Statement,
        title=N_("La politique de rémunération figure dans les statuts"),
    )
    shares_listed: Answer = Field(
        default=Answer.NO, title=N_("Titres de capital admis sur un marché financier")
    )
    social_utility_codes: list[str] = Field(
        default_factory=list, title=N_("Codes analytiques des activités d'utilité sociale")
    )
    declared_charges: list[DeclaredCharges] = Field(
        default_factory=list, title=N_("Charges d'exploitation déclarées")
    )
    declared_pays: list[DeclaredPay] = Field(
        default_factory=list, title=N_("Plus hautes rémunérations déclarées")
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_the_draft_branch_minimum(cls, data: object) -> object:
        """A first draft kept the branch minimum here; it is the HR section's now (read there)."""
        if isinstance(data, dict) and "branch_minimum_annual" in data:
            return {k: v for k, v in data.items() if k != "branch_minimum_annual"}
        return data

    @model_validator(mode="after")
    def _one_declaration_per_year(self) -> EsusAnswers:
        years = [c.year for c in self.declared_charges]
        if len(years) != len(set(years)):
            raise custom_error(
                "compliance_charges_year_twice",
                N_("Les charges d'exploitation d'un même exercice sont déclarées deux fois."),
                {},
            )
        return self


class GrantAnswers(BaseModel):
    """Declarations about the obligations that come with public grants and gifts.

    Attributes:
        auditor_appointed: a statutory auditor (commissaire aux comptes) is appointed.
        accounts_published: the annual accounts are published (JO associations).
        resources_statement: a statement of the use of resources raised from
            the public (compte d'emploi des ressources) is drawn up.
        republican_contract: the contrat d'engagement républicain is signed.
    """

    model_config = _MODEL

    auditor_appointed: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Commissaire aux comptes nommé")
    )
    accounts_published: Answer = Field(default=Answer.UNKNOWN, title=N_("Comptes annuels publiés"))
    resources_statement: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Compte d'emploi des ressources établi")
    )
    republican_contract: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Contrat d'engagement républicain souscrit")
    )


class Leader(BaseModel):
    """A leader (board member, de jure or de facto) and what the organisation pays them.

    Attributes:
        role: the office (« présidente », « trésorier »).
        monthly_gross: average gross monthly pay and benefits from the
            organisation, all functions included, euros (0 for a volunteer).
    """

    model_config = _MODEL

    role: str = Field(min_length=1, max_length=120, title=N_("Fonction"))
    monthly_gross: float = Field(default=0, ge=0, title=N_("Rémunération brute mensuelle (€)"))


class TaxActivity(BaseModel):
    """An activity, examined for the non-profit tax status (BOI-IS-CHAMP-10-50-10-20).

    Attributes:
        id: short stable identifier.
        name: what it is (« boutique solidaire »).
        receipts: receipts of the year before tax, euros, when no register line is named.
        funding_ids: the register lines (funding sources) that are its receipts.
        competes: the activity competes with businesses of the territory.
        product: the product meets a need the market does not (or badly) meet.
        public: it is aimed at people who justify it (economic or social situation).
        price: prices are clearly lower, or modulated by the users' situation.
        publicity: no commercial advertising (information only).
        notes: what supports the answers.
    """

    model_config = _MODEL

    id: str = Field(min_length=1, max_length=40, title=N_("Identifiant"))
    name: str = Field(min_length=1, max_length=200, title=N_("Activité examinée"))
    receipts: float = Field(default=0, ge=0, title=N_("Recettes de l'exercice (€)"))
    funding_ids: list[str] = Field(
        default_factory=list, title=N_("Lignes du registre des financements")
    )
    competes: Answer = Field(
        default=Answer.UNKNOWN, title=N_("En concurrence avec des entreprises")
    )
    product: Answer = Field(default=Answer.UNKNOWN, title=N_("Produit : besoin mal satisfait"))
    public: Answer = Field(default=Answer.UNKNOWN, title=N_("Public : personnes qui le justifient"))
    price: Answer = Field(default=Answer.UNKNOWN, title=N_("Prix : inférieurs ou modulés"))
    publicity: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Publicité : pas de publicité commerciale")
    )
    notes: str = Field(default="", max_length=2000, title=N_("Justification"))


class TaxAnswers(BaseModel):
    """The non-profit tax status: disinterested management and each activity.

    Attributes:
        leaders: the leaders and their pay.
        paid_leaders_in_statutes: the statutes allow paying leaders and say how.
        transparency: financial transparency (accounts certified, pay in the
            annex, report to the general assembly), needed to pay leaders.
        no_profit_distribution: no direct or indirect distribution of profits.
        non_lucrative_preponderant: the non-lucrative activities stay
            significantly preponderant (receipts, staff, means).
        activities: the activities examined.
    """

    model_config = _MODEL

    leaders: list[Leader] = Field(default_factory=list, title=N_("Dirigeants"))
    paid_leaders_in_statutes: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Les statuts prévoient la rémunération de dirigeants")
    )
    transparency: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Transparence financière (comptes certifiés, annexe)")
    )
    no_profit_distribution: Answer = Field(
        default=Answer.UNKNOWN, title=N_("Aucune distribution directe ou indirecte de bénéfices")
    )
    non_lucrative_preponderant: Answer = Field(
        default=Answer.UNKNOWN,
        title=N_("Activités non lucratives significativement prépondérantes"),
    )
    activities: list[TaxActivity] = Field(default_factory=list, title=N_("Activités"))

    @model_validator(mode="after")
    def _unique_ids(self) -> TaxAnswers:
        ids = [a.id for a in self.activities]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise custom_error(
                "compliance_activity_id_twice",
                N_("Plusieurs activités portent le même identifiant : {ids}."),
                {"ids": ", ".join(dupes)},
            )
        return self


class CsessTheme(LabelledEnum):
    """The eight themes of the guide of good practices (loi n° 2014-856, art. 3; CSESS, 2016)."""

    GOVERNANCE = "governance", N_("Gouvernance démocratique")
    STRATEGY = "strategy", N_("Concertation dans l'élaboration de la stratégie")
    TERRITORY = "territory", N_("Ancrage territorial de l'activité et des emplois")
    PAY_POLICY = (
        "pay_policy",
        N_(
            "Politique salariale et exemplarité sociale (formation, dialogue social, santé, qualité des emplois)"
        ),
    )
    USERS = "users", N_("Lien avec les usagers, bénéficiaires et clients")
    DIVERSITY = (
        "diversity",
        N_("Diversité, lutte contre les discriminations et égalité femmes-hommes"),
    )
    SUSTAINABILITY = "sustainability", N_("Développement durable")
    ETHICS = "ethics", N_("Éthique et déontologie")


class CsessLevel(LabelledEnum):
    """How far a practice has gone, from 0 to 4 points."""

    NONE = "0", N_("0 — pas encore engagé")
    FIRST_STEPS = "1", N_("1 — premières actions")
    PROGRESSING = "2", N_("2 — démarche en cours")
    ESTABLISHED = "3", N_("3 — pratique établie et suivie")
    EXEMPLARY = "4", N_("4 — pratique exemplaire, évaluée et partagée")

    @property
    def points(self) -> int:
        """The level's points (0 to 4)."""
        return int(self.value)


class CsessAssessment(BaseModel):
    """The self-assessment of one theme of the guide.

    Attributes:
        theme: the theme.
        level: how far the practice has gone (None when not assessed yet).
        evidence: what shows it (documents, figures, decisions).
        actions: what is planned to improve it.
    """

    model_config = _MODEL

    theme: CsessTheme = Field(title=N_("Thème"))
    level: CsessLevel | None = Field(default=None, title=N_("Niveau"))
    evidence: str = Field(default="", max_length=3000, title=N_("Éléments de preuve"))
    actions: str = Field(default="", max_length=3000, title=N_("Actions d'amélioration"))


class CsessAnswers(BaseModel):
    """The self-assessment on the guide of good practices and its presentation to the members.

    Attributes:
        assessments: one per theme assessed.
        assembly_date: date of the general assembly that hears the report.
    """

    model_config = _MODEL

    assessments: list[CsessAssessment] = Field(default_factory=list, title=N_("Auto-évaluation"))
    assembly_date: date | None = Field(default=None, title=N_("Date de l'assemblée générale"))

    @model_validator(mode="after")
    def _one_per_theme(self) -> CsessAnswers:
        themes = [a.theme for a in self.assessments]
        if len(themes) != len(set(themes)):
            raise custom_error(
                "compliance_csess_theme_twice",
                N_("Un thème du guide est évalué deux fois."),
                {},
            )
        return self

    def of(self, theme: CsessTheme) -> CsessAssessment:
        """The assessment of a theme (an empty one when not assessed)."""
        for a in self.assessments:
            if a.theme is theme:
                return a
        return CsessAssessment(theme=theme)


class ComplianceSection(BaseModel):
    """Legal and fiscal frame of the organisation, as it declares it.

    Attributes:
        statutes: what the statutes say (ESS law, art. 1).
        social_utility: the social utility pursued (art. 2).
        esus: the ESUS agreement.
        grants: obligations tied to grants and gifts.
        tax: the non-profit tax status.
        csess: the self-assessment on the guide of good practices (art. 3).
    """

    model_config = _MODEL

    statutes: StatutesAnswers = Field(
        default_factory=StatutesAnswers, title=N_("Statuts (loi ESS, art. 1)")
    )
    social_utility: SocialUtility = Field(
        default_factory=SocialUtility, title=N_("Utilité sociale (loi ESS, art. 2)")
    )
    esus: EsusAnswers = Field(default_factory=EsusAnswers, title=N_("Agrément ESUS"))
    grants: GrantAnswers = Field(
        default_factory=GrantAnswers, title=N_("Obligations liées aux subventions")
    )
    tax: TaxAnswers = Field(default_factory=TaxAnswers, title=N_("Fiscalité"))
    csess: CsessAnswers = Field(
        default_factory=CsessAnswers, title=N_("Guide des bonnes pratiques")
    )

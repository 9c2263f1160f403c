"""The ``impact`` section of the dossier: theory of change, indicators, SROI case, surveys.

Where it sits: layer 1 (models only; it imports the kernel alone). The
computations live beside it: :mod:`essdiag.impact.indicators` (progress,
status, trend, values the dossier computes itself), :mod:`essdiag.impact.theory`
(the chain needs → impact), :mod:`essdiag.impact.sroi` (the SROI engine) and
:mod:`essdiag.impact.surveys` (answers, Likert, NPS).

* A **theory of change** is a list of :class:`ChangeElement` on six levels
  (:class:`Level`: needs → inputs → activities → outputs → outcomes →
  impact), each pointing to the elements it leads to.
* An :class:`Indicator` is attached to a level (and optionally to one
  element); it has a dimension (social, economic, environmental,
  territorial), a unit, a direction, a baseline, a target, actual values per
  period (:class:`Measure`), a source, a frequency, an owner, and optionally
  an SDG (1–17) and an IRIS+ dimension. An indicator the dossier can compute
  itself carries a :class:`Computation` instead of typed values.
* An :class:`SroiCase` holds the inputs and outcomes of a social return on
  investment analysis, in the JSON shape of :mod:`essdiag.impact.sroi`.
* A :class:`Survey` describes an imported questionnaire (its questions and
  how each column of the file is read); the answers themselves are a
  workspace attachment (Parquet) named by ``answers_id``.

Periods are keyed ``2026`` (a year), ``2026-S1`` (a half-year), ``2026-T2``
(a quarter) or ``2026-03`` (a month).

Rates are fractions of 1 (0.035 for 3.5 %); amounts are floats in euros
(SROI values are projections, not accounting amounts).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import custom_error

__all__ = [
    "ID_PATTERN",
    "PERIOD_PATTERN",
    "ChangeElement",
    "Computation",
    "ComputeKind",
    "Dimension",
    "Direction",
    "Frequency",
    "ImpactSection",
    "Indicator",
    "IrisDimension",
    "Level",
    "Measure",
    "PeriodUnit",
    "Public",
    "QuestionKind",
    "SroiCase",
    "SroiInput",
    "SroiOutcome",
    "Survey",
    "SurveyKind",
    "SurveyQuestion",
    "period_sort_key",
]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$"
"""Identifiers of elements, indicators and surveys: letters, digits, ``_ . -`` (40 at most)."""

PERIOD_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]|T[1-4]|S[12]))?$"
"""A period key: ``2026``, ``2026-S1``, ``2026-T2`` or ``2026-03``."""
_OPTIONAL_PERIOD = r"^(\d{4}(-(0[1-9]|1[0-2]|T[1-4]|S[12]))?)?$"

_PERIOD_HINT = N_("une année (2026), un semestre (2026-S1), un trimestre (2026-T2) ou un mois")


def period_sort_key(period: str) -> tuple[int, int, int]:
    """Chronological order of period keys: (year, first month, length in months reversed).

    A year sorts before its halves, quarters and months; within a year,
    periods sort by their first month.

    Example:
        >>> sorted(["2026-T2", "2026", "2025-12", "2026-S1", "2026-03"], key=period_sort_key)
        ['2025-12', '2026', '2026-S1', '2026-03', '2026-T2']
    """
    year = int(period[:4]) if period[:4].isdigit() else 0
    rest = period[5:]
    if not rest:
        return year, 1, 0
    if rest.startswith("S"):
        return year, 1 + 6 * (int(rest[1:]) - 1), 1
    if rest.startswith("T"):
        return year, 1 + 3 * (int(rest[1:]) - 1), 2
    return year, int(rest) if rest.isdigit() else 1, 3


Finite = Annotated[float, Field(allow_inf_nan=False)]
"""A float that is a finite number (no NaN, no infinity)."""
OptionalFinite = Annotated[float, Field(allow_inf_nan=False)] | None


class Level(LabelledEnum):
    """The six levels of a theory of change, in their order."""

    NEED = "need", N_("Besoins")
    INPUT = "input", N_("Ressources mobilisées")
    ACTIVITY = "activity", N_("Activités")
    OUTPUT = "output", N_("Réalisations")
    OUTCOME = "outcome", N_("Effets")
    IMPACT = "impact", N_("Impact")

    @property
    def rank(self) -> int:
        """0 for needs … 5 for impact."""
        return list(Level).index(self)


class Dimension(LabelledEnum):
    """What an indicator measures (VALOR'ESS and the RNCP title's three dimensions, plus the territory)."""

    SOCIAL = "social", N_("Sociale")
    ECONOMIC = "economic", N_("Économique")
    ENVIRONMENTAL = "environmental", N_("Environnementale")
    TERRITORIAL = "territorial", N_("Territoriale")


class Direction(LabelledEnum):
    """Which way is better."""

    INCREASE = "increase", N_("Plus haut, c'est mieux")
    DECREASE = "decrease", N_("Plus bas, c'est mieux")


class Frequency(LabelledEnum):
    """How often an indicator is measured."""

    MONTHLY = "monthly", N_("Mensuelle")
    QUARTERLY = "quarterly", N_("Trimestrielle")
    HALF_YEARLY = "half_yearly", N_("Semestrielle")
    YEARLY = "yearly", N_("Annuelle")
    ONCE = "once", N_("Ponctuelle")


class IrisDimension(LabelledEnum):
    """The five dimensions of impact of IRIS+ (GIIN) / Impact Management Project."""

    WHAT = "what", N_("Quoi (quel effet)")
    WHO = "who", N_("Qui (quelles personnes)")
    HOW_MUCH = "how_much", N_("Combien (ampleur, profondeur, durée)")
    CONTRIBUTION = "contribution", N_("Contribution (ce qui serait arrivé sans nous)")
    RISK = "risk", N_("Risque (que l'effet n'advienne pas)")


class Public(LabelledEnum):
    """Publics the organisation listens to."""

    MEMBERS = "members", N_("Adhérents et sociétaires")
    BENEFICIARIES = "beneficiaries", N_("Bénéficiaires")
    CLIENTS = "clients", N_("Clients")
    PARTNERS = "partners", N_("Partenaires")
    OTHER = "other", N_("Autres")


class ChangeElement(BaseModel):
    """One box of the theory of change.

    Attributes:
        id: stable identifier (``N1``, ``ACT-collecte``).
        level: where it sits in the chain.
        title: short French title.
        description: what it is, in a sentence or two.
        leads_to: ids of the elements it contributes to (on later levels).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(pattern=ID_PATTERN, title=N_("Identifiant de l'élément"))
    level: Level = Field(title=N_("Niveau"))
    title: str = Field(min_length=1, max_length=200, title=N_("Intitulé"))
    description: str = Field(default="", max_length=2000, title=N_("Description"))
    leads_to: list[str] = Field(default_factory=list, title=N_("Conduit à"))


class Measure(BaseModel):
    """One actual value of an indicator for a period.

    Attributes:
        period: period key (``2025``, ``2026-T2``…).
        value: the value, in the indicator's unit.
        note: how it was measured, a caveat.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    period: str = Field(pattern=PERIOD_PATTERN, title=N_("Période"), description=_PERIOD_HINT)
    value: Finite = Field(title=N_("Valeur réalisée"))
    note: str = Field(default="", max_length=500, title=N_("Commentaire"))


class ComputeKind(LabelledEnum):
    """How the dossier computes an indicator itself."""

    VOLUNTEER_HOURS = "volunteer_hours", N_("Heures de bénévolat (comptes 864 / 875)")
    LEDGER = "ledger", N_("Montant comptable ÷ valeur unitaire")
    WORKFORCE_FTE = "workforce_fte", N_("Emplois en ETP (registre du personnel)")
    WORKFORCE_HEADCOUNT = "workforce_headcount", N_("Salariés (registre du personnel)")
    SURVEY_NPS = "survey_nps", N_("NPS d'une enquête")
    SURVEY_MEAN = "survey_mean", N_("Moyenne d'une question d'enquête")
    SURVEY_RESPONDENTS = "survey_respondents", N_("Répondants d'une enquête")


class Computation(BaseModel):
    """How an indicator is computed from the dossier (rather than typed).

    Attributes:
        kind: the rule.
        accounts: account prefixes summed (rule ``ledger``), e.g. ``["708800"]``.
        analytic: analytic code the lines must carry (``""`` = any).
        unit_value: euros per unit of the indicator (rule ``ledger``:
            a price per tonne, a support per tonne…).
        unit_value_source: where that unit value comes from.
        contracts: contract types counted (workforce rules; empty = all).
        survey: id of the survey (survey rules).
        question: key of the question (survey rules).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    kind: ComputeKind = Field(title=N_("Règle de calcul"))
    accounts: list[Annotated[str, Field(pattern=r"^\d{1,10}$")]] = Field(
        default_factory=list, title=N_("Comptes (préfixes)")
    )
    analytic: str = Field(default="", max_length=40, title=N_("Code analytique"))
    unit_value: float | None = Field(default=None, gt=0, title=N_("Valeur unitaire (€)"))
    unit_value_source: str = Field(
        default="", max_length=300, title=N_("Source de la valeur unitaire")
    )
    contracts: list[str] = Field(default_factory=list, title=N_("Contrats comptés"))
    survey: str = Field(default="", max_length=40, title=N_("Enquête"))
    question: str = Field(default="", max_length=40, title=N_("Question"))

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.kind is ComputeKind.LEDGER and (
            not self.accounts or self.unit_value is None or not self.unit_value_source.strip()
        ):
            raise custom_error(
                "impact_ledger_rule_incomplete",
                N_(
                    "Un indicateur calculé depuis les comptes a besoin des comptes à sommer, "
                    "d'une valeur unitaire en euros et de sa source."
                ),
                {},
            )
        survey_kinds = (
            ComputeKind.SURVEY_NPS,
            ComputeKind.SURVEY_MEAN,
            ComputeKind.SURVEY_RESPONDENTS,
        )
        needs_question = self.kind in (ComputeKind.SURVEY_NPS, ComputeKind.SURVEY_MEAN)
        if self.kind in survey_kinds and (
            not self.survey or (needs_question and not self.question)
        ):
            raise custom_error(
                "impact_survey_rule_incomplete",
                N_(
                    "Un indicateur calculé depuis une enquête doit nommer l'enquête et la question."
                ),
                {},
            )
        return self


class Indicator(BaseModel):
    """An indicator of the dashboard.

    Attributes:
        id: stable identifier.
        name: French name.
        definition: what is counted, and how.
        level: level of the theory of change it measures.
        element: id of the element it is attached to (``""`` = the level only).
        dimension: social, economic, environmental or territorial.
        unit: unit word (``personnes``, ``t``, ``h``, ``%``, ``€``…).
        direction: which way is better.
        baseline: the starting value; baseline_period: when it was measured.
        target: the value aimed at; target_period: by when.
        actuals: actual values per period (typed).
        source: where the values come from (tool, register, survey).
        frequency: how often it is measured.
        owner: who measures it.
        sdg: the Sustainable Development Goal it serves (1–17), if any.
        iris: the IRIS+ dimension of impact it documents, if any.
        library_key: the library entry it was made from, if any.
        computed: the rule, when the dossier computes it itself.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(pattern=ID_PATTERN, title=N_("Identifiant de l'indicateur"))
    name: str = Field(min_length=1, max_length=200, title=N_("Indicateur"))
    definition: str = Field(default="", max_length=2000, title=N_("Définition"))
    level: Level = Field(default=Level.OUTCOME, title=N_("Niveau"))
    element: str = Field(default="", max_length=40, title=N_("Élément de la théorie du changement"))
    dimension: Dimension = Field(default=Dimension.SOCIAL, title=N_("Dimension"))
    unit: str = Field(default="", max_length=30, title=N_("Unité"))
    direction: Direction = Field(default=Direction.INCREASE, title=N_("Sens souhaité"))
    baseline: OptionalFinite = Field(default=None, title=N_("Valeur de référence"))
    baseline_period: str = Field(
        default="", pattern=_OPTIONAL_PERIOD, title=N_("Période de référence")
    )
    target: OptionalFinite = Field(default=None, title=N_("Cible"))
    target_period: str = Field(
        default="", pattern=_OPTIONAL_PERIOD, title=N_("Échéance de la cible")
    )
    actuals: list[Measure] = Field(default_factory=list, title=N_("Valeurs réalisées"))
    source: str = Field(default="", max_length=300, title=N_("Source"))
    frequency: Frequency = Field(default=Frequency.YEARLY, title=N_("Fréquence"))
    owner: str = Field(default="", max_length=120, title=N_("Responsable"))
    sdg: int | None = Field(default=None, ge=1, le=17, title=N_("ODD"))
    iris: IrisDimension | None = Field(default=None, title=N_("Dimension IRIS+"))
    library_key: str = Field(default="", max_length=60, title=N_("Modèle de la bibliothèque"))
    computed: Computation | None = Field(default=None, title=N_("Calcul automatique"))

    @model_validator(mode="after")
    def _one_value_per_period(self) -> Self:
        seen: set[str] = set()
        for m in self.actuals:
            if m.period in seen:
                raise custom_error(
                    "impact_indicator_period_twice",
                    N_("L'indicateur « {indicator} » a deux valeurs pour la période {period}."),
                    {"indicator": self.name, "period": m.period},
                )
            seen.add(m.period)
        return self

    def measures(self) -> list[Measure]:
        """Typed actual values, oldest period first."""
        return sorted(self.actuals, key=lambda m: period_sort_key(m.period))


# --------------------------------------------------------------------------- SROI


def _rate(title: str) -> Any:
    return Field(default=0.0, ge=0, le=1, title=title, description=N_("une part de 0 à 1"))


class SroiInput(BaseModel):
    """One input of an SROI case: money given, or time valued at an hourly rate.

    Attributes:
        stakeholder: who puts it in (funder, volunteers, staff).
        description: what it is.
        value: its value in euros, or
        hours and hourly_rate: time given and its rate (the hourly SMIC when
            the rate is left out, see :mod:`essdiag.impact.sroi`).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)

    stakeholder: str = Field(min_length=1, max_length=120, title=N_("Partie prenante"))
    description: str = Field(default="", max_length=300, title=N_("Description"))
    value: OptionalFinite = Field(default=None, ge=0, title=N_("Valeur (€)"))
    hours: OptionalFinite = Field(default=None, ge=0, title=N_("Heures"))
    hourly_rate: OptionalFinite = Field(default=None, ge=0, title=N_("Taux horaire (€/h)"))

    @model_validator(mode="after")
    def _value_or_hours(self) -> Self:
        if (self.value is None) == (self.hours is None):
            raise custom_error(
                "sroi_input_value_or_hours",
                N_(
                    "Une ressource mobilisée a soit une valeur en euros (« value »), soit des "
                    "heures (« hours », avec « hourly_rate » facultatif), pas les deux ni aucune."
                ),
                {},
            )
        if self.hourly_rate is not None and self.hours is None:
            raise custom_error(
                "sroi_input_rate_without_hours",
                N_("Un taux horaire (« hourly_rate ») n'a de sens qu'avec des heures (« hours »)."),
                {},
            )
        return self


class SroiOutcome(BaseModel):
    """One outcome of an SROI case, with its financial proxy and its deductions.

    Attributes:
        name: the outcome (unique in the case).
        stakeholder: who experiences it.
        quantity: how many (people, tonnes…) experience it in year 1.
        proxy: value of one unit of outcome for one year, in euros.
        proxy_source: where the proxy comes from (study, official cost).
        duration_years: years the outcome lasts (1 = year 1 only).
        deadweight: share that would have happened anyway (0–1).
        displacement: share that displaces other outcomes (0–1).
        attribution: share due to others (0–1).
        drop_off: share lost each year after the first (0–1).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=160, title=N_("Effet"))
    stakeholder: str = Field(min_length=1, max_length=120, title=N_("Partie prenante"))
    quantity: Finite = Field(ge=0, title=N_("Quantité"))
    proxy: Finite = Field(ge=0, title=N_("Valeur financière (proxy, €)"))
    proxy_source: str = Field(
        min_length=1,
        max_length=400,
        title=N_("Source du proxy"),
        description=N_("l'étude, le coût public ou le prix de marché dont vient la valeur"),
    )
    duration_years: int = Field(default=1, ge=1, le=50, title=N_("Durée (années)"))
    deadweight: Finite = _rate(N_("Effet d'aubaine"))
    displacement: Finite = _rate(N_("Déplacement"))
    attribution: Finite = _rate(N_("Attribution"))
    drop_off: Finite = _rate(N_("Dégressivité"))


class SroiCase(BaseModel):
    """An SROI case: inputs, outcomes and the discount rate.

    Attributes:
        title: what the analysis covers (« Exercice 2025, ACI et recyclerie »).
        discount_rate: yearly discount rate (0.035 = 3.5 %, HM Treasury Green Book).
        valuation_date: the date volunteer time is valued at (hourly SMIC in
            force then) when an input gives hours without a rate.
        inputs: what is put in.
        outcomes: what changes, valued.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    title: str = Field(default="", max_length=200, title=N_("Titre de l'analyse"))
    discount_rate: Finite = Field(default=0.035, ge=0, le=1, title=N_("Taux d'actualisation"))
    valuation_date: date | None = Field(default=None, title=N_("Date de valorisation"))
    inputs: list[SroiInput] = Field(default_factory=list, title=N_("Ressources mobilisées"))
    outcomes: list[SroiOutcome] = Field(default_factory=list, title=N_("Effets"))

    @model_validator(mode="after")
    def _unique_names(self) -> Self:
        seen: set[str] = set()
        for o in self.outcomes:
            if o.name in seen:
                raise custom_error(
                    "sroi_outcome_name_twice",
                    N_(
                        "Deux effets portent le même nom « {name} » : donnez-leur des noms distincts."
                    ),
                    {"name": o.name},
                )
            seen.add(o.name)
        return self

    def outcome(self, name: str) -> SroiOutcome | None:
        """The outcome of that name, or None."""
        return next((o for o in self.outcomes if o.name == name), None)


# --------------------------------------------------------------------------- surveys


class SurveyKind(LabelledEnum):
    """What a survey is for."""

    SATISFACTION = "satisfaction", N_("Satisfaction")
    NEEDS = "needs", N_("Recueil des besoins")


class QuestionKind(LabelledEnum):
    """How a column of the answers file is read."""

    LIKERT = "likert", N_("Échelle de satisfaction ou d'accord (Likert)")
    NPS = "nps", N_("Recommandation de 0 à 10 (NPS)")
    TEXT = "text", N_("Réponse libre")
    CHOICE = "choice", N_("Choix parmi des modalités")
    PUBLIC = "public", N_("Public du répondant")
    PERIOD = "period", N_("Date ou période de la réponse")
    IGNORE = "ignore", N_("Colonne ignorée")


class PeriodUnit(LabelledEnum):
    """How the dates of the answers are grouped into periods."""

    YEAR = "year", N_("Année")
    HALF = "half", N_("Semestre")
    QUARTER = "quarter", N_("Trimestre")
    MONTH = "month", N_("Mois")


class SurveyQuestion(BaseModel):
    """One column of a survey file and how it is read.

    Attributes:
        key: stable identifier (``q1``…), the column name in the stored answers.
        column: the column header in the imported file.
        text: the question as asked.
        kind: how it is read.
        scale_min, scale_max: the Likert scale (1–5 by default; NPS is 0–10).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", title=N_("Clé de la question"))
    column: str = Field(min_length=1, max_length=300, title=N_("Colonne du fichier"))
    text: str = Field(default="", max_length=500, title=N_("Question"))
    kind: QuestionKind = Field(default=QuestionKind.TEXT, title=N_("Type de question"))
    scale_min: int = Field(default=1, ge=0, le=10, title=N_("Minimum de l'échelle"))
    scale_max: int = Field(default=5, ge=1, le=11, title=N_("Maximum de l'échelle"))

    @model_validator(mode="after")
    def _scale(self) -> Self:
        if self.kind is QuestionKind.LIKERT and self.scale_max - self.scale_min < 2:
            raise custom_error(
                "survey_scale_too_short",
                N_(
                    "L'échelle de la question « {question} » va de {low} à {high} : il faut au "
                    "moins trois niveaux."
                ),
                {
                    "question": self.text or self.column,
                    "low": self.scale_min,
                    "high": self.scale_max,
                },
            )
        return self

    @property
    def label(self) -> str:
        """The question as shown: its text, else its column header."""
        return self.text or self.column


class Survey(BaseModel):
    """An imported survey: its questions, and the attachment that holds its answers.

    Attributes:
        id: stable identifier.
        title: French title (« Satisfaction des clients de la boutique 2026 »).
        kind: satisfaction or needs.
        period: period of the answers when the file has no date column.
        period_unit: how the dates of a date column are grouped (year by default).
        public: public of every respondent when the file has no public column.
        questions: how each column is read.
        public_values: answers of the public column → public (what the file
            says, e.g. « Client de la boutique », mapped to ``clients``).
        keywords: words whose occurrences are counted in free-text answers.
        answers_id: attachment id of the canonical answers (Parquet).
        original_id: attachment id of the file as uploaded.
        file: the uploaded file's name.
        rows_read, rows_kept: data rows found and kept.
        issues: number of problems reported when importing.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: str = Field(pattern=ID_PATTERN, title=N_("Identifiant de l'enquête"))
    title: str = Field(min_length=1, max_length=200, title=N_("Titre de l'enquête"))
    kind: SurveyKind = Field(default=SurveyKind.SATISFACTION, title=N_("Type d'enquête"))
    period: str = Field(default="", pattern=_OPTIONAL_PERIOD, title=N_("Période de l'enquête"))
    period_unit: PeriodUnit = Field(default=PeriodUnit.YEAR, title=N_("Regroupement des dates"))
    public: Public | None = Field(default=None, title=N_("Public interrogé"))
    questions: list[SurveyQuestion] = Field(default_factory=list, title=N_("Questions"))
    public_values: dict[str, Public] = Field(
        default_factory=dict, title=N_("Correspondance des publics")
    )
    keywords: list[str] = Field(default_factory=list, title=N_("Mots-clés suivis"))
    answers_id: str = Field(default="", max_length=80, title=N_("Pièce jointe (réponses)"))
    original_id: str = Field(default="", max_length=80, title=N_("Pièce jointe (fichier)"))
    file: str = Field(default="", max_length=300, title=N_("Fichier importé"))
    rows_read: int = Field(default=0, ge=0, title=N_("Lignes lues"))
    rows_kept: int = Field(default=0, ge=0, title=N_("Réponses retenues"))
    issues: int = Field(default=0, ge=0, title=N_("Problèmes signalés"))

    @model_validator(mode="after")
    def _unique_keys(self) -> Self:
        keys = [q.key for q in self.questions]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise custom_error(
                "survey_question_key_twice",
                N_("Deux questions de l'enquête ont la même clé : {keys}."),
                {"keys": ", ".join(dupes)},
            )
        return self

    def question(self, key: str) -> SurveyQuestion | None:
        """The question of that key, or None."""
        return next((q for q in self.questions if q.key == key), None)

    def scored(self) -> list[SurveyQuestion]:
        """Likert and NPS questions, in the file's order."""
        return [q for q in self.questions if q.kind in (QuestionKind.LIKERT, QuestionKind.NPS)]


# --------------------------------------------------------------------------- the section


class ImpactSection(BaseModel):
    """Social utility and impact evaluation.

    Attributes:
        theory: the theory of change, element by element.
        indicators: the indicator dashboard.
        sroi: the SROI case, when one is built.
        surveys: the imported surveys (answers in attachments).
        volunteer_hourly_rate: rate at which the accounts value volunteer
            time (864/875), to turn that amount back into hours; None = the
            hourly SMIC in force at the end of the fiscal year.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    theory: list[ChangeElement] = Field(default_factory=list, title=N_("Théorie du changement"))
    indicators: list[Indicator] = Field(default_factory=list, title=N_("Indicateurs"))
    sroi: SroiCase | None = Field(default=None, title=N_("Analyse SROI"))
    surveys: list[Survey] = Field(default_factory=list, title=N_("Enquêtes"))
    volunteer_hourly_rate: float | None = Field(
        default=None, gt=0, le=1000, title=N_("Taux de valorisation du bénévolat (€/h)")
    )

    @model_validator(mode="after")
    def _references(self) -> Self:
        _unique("impact_element_id_twice", [e.id for e in self.theory])
        _unique("impact_indicator_id_twice", [i.id for i in self.indicators])
        _unique("impact_survey_id_twice", [s.id for s in self.surveys])
        elements = {e.id: e for e in self.theory}
        for e in self.theory:
            for target in e.leads_to:
                linked = elements.get(target)
                if linked is None:
                    raise custom_error(
                        "impact_element_unknown_link",
                        N_("L'élément « {element} » conduit à « {target} », qui n'existe pas."),
                        {"element": e.title, "target": target},
                    )
                if linked.level.rank <= e.level.rank:
                    raise custom_error(
                        "impact_element_link_backwards",
                        N_(
                            "L'élément « {element} » ({level}) ne peut conduire qu'à un niveau "
                            "suivant, pas à « {target} » ({target_level})."
                        ),
                        {
                            "element": e.title,
                            "level": e.level.label,
                            "target": linked.title,
                            "target_level": linked.level.label,
                        },
                    )
        surveys = {s.id for s in self.surveys}
        for i in self.indicators:
            if i.element and i.element not in elements:
                raise custom_error(
                    "impact_indicator_unknown_element",
                    N_(
                        "L'indicateur « {indicator} » est rattaché à l'élément « {element} », qui n'existe pas."
                    ),
                    {"indicator": i.name, "element": i.element},
                )
            if i.element and elements[i.element].level is not i.level:
                raise custom_error(
                    "impact_indicator_level_mismatch",
                    N_(
                        "L'indicateur « {indicator} » est au niveau « {level} » mais son élément "
                        "« {element} » est au niveau « {element_level} »."
                    ),
                    {
                        "indicator": i.name,
                        "level": i.level.label,
                        "element": elements[i.element].title,
                        "element_level": elements[i.element].level.label,
                    },
                )
            if i.computed is not None and i.computed.survey and i.computed.survey not in surveys:
                raise custom_error(
                    "impact_indicator_unknown_survey",
                    N_(
                        "L'indicateur « {indicator} » est calculé depuis l'enquête « {survey} », qui n'existe pas."
                    ),
                    {"indicator": i.name, "survey": i.computed.survey},
                )
        return self

    def element(self, element_id: str) -> ChangeElement | None:
        """The element of that id, or None."""
        return next((e for e in self.theory if e.id == element_id), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        """The indicator of that id, or None."""
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def survey(self, survey_id: str) -> Survey | None:
        """The survey of that id, or None."""
        return next((s for s in self.surveys if s.id == survey_id), None)


def _unique(code: str, ids: list[str]) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise custom_error(
            code,
            N_("Identifiant utilisé deux fois : {ids}."),
            {"ids": ", ".join(dupes)},
        )

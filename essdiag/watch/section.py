"""The ``watch`` section of the dossier: territory, needs, watch journal, ecosystem, diagnosis.

Where it sits: layer 1 (models only; it imports the kernel alone). The
section holds what the user keeps of the block 1 chain « données → lecture →
besoins → orientations »:

* ``observations``: indicator values of the territory (imported from an
  INSEE extract or typed in), beside the references shipped with essdiag
  (:mod:`essdiag.watch.territory`), and ``indicators``: the user's own
  indicators with their direction of « worse »;
* ``settings``: the references the territory is compared to and the gap
  threshold that turns a gap into a candidate need;
* ``needs``: the needs retained, each keeping the rule and the figures that
  produced it (or « saisi » when typed in);
* ``journal``: watch items (PESTEL category, tags, relevance), each may point
  to a need, an opportunity or a threat;
* ``actors``: the ecosystem (type, relation, influence and interest 1–5); a
  funder of the funding register is not typed again (it is read from
  ``dossier.funding``; an actor may say which funding sources it stands for);
* ``diagnosis``: the organisation analysis (governance bodies and how they
  work, activities, skills), the SWOT whose items keep their origin (watch
  item, need, risk, funding or variance indicator, actor, typed in) and the
  TOWS orientations (SO/ST/WO/WT) with their objective, the jobs they create
  or keep and their actions.

Rules at the door (French templates, stable codes): unique identifiers, links
that point to something that exists (a journal item's need, an orientation's
SWOT items), an attendance rate between 0 and 1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import custom_error

__all__ = [
    "Activity",
    "Actor",
    "ActorType",
    "CustomIndicator",
    "Diagnosis",
    "GeoLevel",
    "GovernanceBody",
    "ItemLink",
    "JournalItem",
    "Need",
    "NeedOrigin",
    "Observation",
    "Orientation",
    "OrientationKind",
    "Origin",
    "OriginKind",
    "Pestel",
    "Quadrant",
    "Relation",
    "Relevance",
    "Skill",
    "SwotItem",
    "TerritorySettings",
    "WatchSection",
    "Worse",
    "next_id",
]

_ID = Annotated[str, Field(min_length=1, max_length=40)]


class GeoLevel(LabelledEnum):
    """Level of a territory in the INSEE official geography."""

    COMMUNE = "commune", N_("Commune")
    EPCI = "epci", N_("Intercommunalité (EPCI)")
    DEPARTEMENT = "departement", N_("Département")
    REGION = "region", N_("Région")
    FRANCE = "france", N_("France")


class Worse(LabelledEnum):
    """Which direction of an indicator is unfavourable to the population."""

    HIGHER = "higher", N_("plus haut = moins favorable")
    LOWER = "lower", N_("plus bas = moins favorable")
    NONE = "none", N_("contexte (pas de sens)")


class Pestel(LabelledEnum):
    """PESTEL category of a watch item."""

    POLITICAL = "political", N_("Politique")
    ECONOMIC = "economic", N_("Économique")
    SOCIAL = "social", N_("Socioculturel")
    TECHNOLOGICAL = "technological", N_("Technologique")
    ENVIRONMENTAL = "environmental", N_("Environnemental")
    LEGAL = "legal", N_("Légal et réglementaire")


class Relevance(LabelledEnum):
    """How much a watch item matters to the organisation."""

    LOW = "1", N_("Faible")
    MEDIUM = "2", N_("Moyenne")
    HIGH = "3", N_("Forte")


class ItemLink(LabelledEnum):
    """What a watch item points to."""

    NONE = "none", N_("Information")
    NEED = "need", N_("Besoin")
    OPPORTUNITY = "opportunity", N_("Opportunité")
    THREAT = "threat", N_("Menace")


class ActorType(LabelledEnum):
    """Kind of actor of the ecosystem."""

    PUBLIC_BODY = "public_body", N_("Acteur public")
    ESS = "ess", N_("Structure de l'ESS")
    COMPANY = "company", N_("Entreprise")
    FUNDER = "funder", N_("Financeur")
    PRESCRIBER = "prescriber", N_("Prescripteur")
    COMPETITOR = "competitor", N_("Concurrent")
    NETWORK = "network", N_("Réseau ou fédération")
    CITIZENS = "citizens", N_("Habitants et usagers")


class Relation(LabelledEnum):
    """Where the organisation stands with an actor today."""

    PARTNER = "partner", N_("Partenaire")
    FUNDER = "funder", N_("Finance la structure")
    CLIENT = "client", N_("Client ou donneur d'ordre")
    SUPPLIER = "supplier", N_("Fournisseur")
    MEMBER = "member", N_("Membre ou sociétaire")
    COMPETITOR = "competitor", N_("En concurrence")
    NONE = "none", N_("Pas encore de relation")


class NeedOrigin(LabelledEnum):
    """Where a need comes from."""

    TERRITORY = "territory", N_("Écart territorial")
    WATCH = "watch", N_("Veille")
    TYPED = "typed", N_("Saisi")


class Quadrant(LabelledEnum):
    """A quadrant of the SWOT (strengths and weaknesses inside, opportunities and threats outside)."""

    STRENGTH = "S", N_("Force")
    WEAKNESS = "W", N_("Faiblesse")
    OPPORTUNITY = "O", N_("Opportunité")
    THREAT = "T", N_("Menace")


class OriginKind(LabelledEnum):
    """What a SWOT item was drawn from."""

    TYPED = "typed", N_("Saisi")
    WATCH = "watch", N_("Journal de veille")
    NEED = "need", N_("Besoin du territoire")
    RISK = "risk", N_("Registre des risques")
    FUNDING = "funding", N_("Indicateur de financement")
    VARIANCE = "variance", N_("Écart budgétaire")
    ACTOR = "actor", N_("Écosystème")
    GOVERNANCE = "governance", N_("Gouvernance")


class OrientationKind(LabelledEnum):
    """The four strategies of the TOWS matrix (Weihrich, 1982)."""

    SO = "SO", N_("SO : s'appuyer sur une force pour saisir une opportunité")
    ST = "ST", N_("ST : s'appuyer sur une force pour parer une menace")
    WO = "WO", N_("WO : saisir une opportunité pour corriger une faiblesse")
    WT = "WT", N_("WT : réduire une faiblesse exposée à une menace")

    @property
    def quadrants(self) -> tuple[Quadrant, Quadrant]:
        """The two SWOT quadrants the strategy crosses (internal first)."""
        return Quadrant(self.value[0]), Quadrant(self.value[1])


# --------------------------------------------------------------------------- territory


class Observation(BaseModel):
    """One value of an indicator for one territory and one year.

    Attributes:
        indicator: key of the indicator (``poverty_rate``, or a custom key).
        level: level of the territory.
        code: its INSEE code (commune, EPCI SIREN, département, région; ``FR``).
        name: its name (``Loriol-sur-Drôme``).
        year: the year the value describes.
        value: the value; shares are fractions (0.25 for 25 %), money in euros.
        source: where it comes from (« Insee, RP 2021, base comparateur »).
        illustrative: True for values that are not official (teaching data).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    indicator: str = Field(min_length=1, max_length=60, title=N_("Indicateur"))
    level: GeoLevel = Field(title=N_("Niveau"))
    code: str = Field(min_length=1, max_length=20, title=N_("Code géographique"))
    name: str = Field(default="", max_length=200, title=N_("Territoire"))
    year: int = Field(ge=1900, le=2100, title=N_("Année"))
    value: float = Field(title=N_("Valeur"))
    source: str = Field(default="", max_length=300, title=N_("Source"))
    illustrative: bool = Field(default=False, title=N_("Donnée illustrative"))


class CustomIndicator(BaseModel):
    """An indicator the user adds to the catalogue.

    Attributes:
        key: stable key (letters, digits and ``_``).
        label: its French name.
        unit: ``%`` (a fraction), ``EUR``, ``count`` or a unit word.
        worse: which direction is unfavourable.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,59}$", title=N_("Clé de l'indicateur"))
    label: str = Field(min_length=1, max_length=120, title=N_("Libellé de l'indicateur"))
    unit: str = Field(default="count", max_length=20, title=N_("Unité"))
    worse: Worse = Field(default=Worse.HIGHER, title=N_("Sens défavorable"))


class TerritorySettings(BaseModel):
    """How the territory is compared.

    Attributes:
        level: the level of the dossier's territory studied (commune by default).
        references: the levels it is compared to.
        threshold: relative gap from which an unfavourable gap becomes a
            candidate need (0.10: 10 % worse than the reference).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    level: GeoLevel = Field(default=GeoLevel.COMMUNE, title=N_("Territoire étudié"))
    references: list[GeoLevel] = Field(
        default_factory=lambda: [GeoLevel.DEPARTEMENT, GeoLevel.FRANCE],
        title=N_("Références de comparaison"),
    )
    threshold: float = Field(default=0.10, gt=0, le=5, title=N_("Seuil d'écart relatif"))


class Need(BaseModel):
    """A need of the territory that is new or badly met, retained by the user.

    Attributes:
        id: short identifier (``B01``).
        title: the need in a sentence.
        description: who is concerned and how.
        origin: territorial gap, watch or typed in.
        indicator: the indicator whose gap produced it, if any.
        rule: the rule that produced it, as written when it was retained.
        evidence: the figures that produced it (territory vs reference).
        public: the people concerned.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: _ID = Field(title=N_("Identifiant du besoin"))
    title: str = Field(min_length=1, max_length=300, title=N_("Besoin"))
    description: str = Field(default="", max_length=3000, title=N_("Description"))
    origin: NeedOrigin = Field(default=NeedOrigin.TYPED, title=N_("Origine"))
    indicator: str = Field(default="", max_length=60, title=N_("Indicateur"))
    rule: str = Field(default="", max_length=500, title=N_("Règle"))
    evidence: str = Field(default="", max_length=1000, title=N_("Chiffres"))
    public: str = Field(default="", max_length=300, title=N_("Public concerné"))


# --------------------------------------------------------------------------- journal


class JournalItem(BaseModel):
    """One item of the watch journal.

    Attributes:
        id: short identifier (``V001``).
        date: when it was published or noticed.
        title: its title.
        source: who published it (« Insee Auvergne-Rhône-Alpes »).
        url: a link to it (never fetched by essdiag).
        category: its PESTEL category.
        tags: free keywords.
        relevance: how much it matters.
        summary: what it says and why it matters.
        link: whether it points to a need, an opportunity or a threat.
        need_id: the need it documents, when ``link`` is « need ».
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: _ID = Field(title=N_("Identifiant de l'article"))
    date: dt.date = Field(title=N_("Date"))
    title: str = Field(min_length=1, max_length=300, title=N_("Titre"))
    source: str = Field(default="", max_length=200, title=N_("Source"))
    url: str = Field(default="", max_length=1000, title=N_("Lien"))
    category: Pestel = Field(default=Pestel.SOCIAL, title=N_("Catégorie PESTEL"))
    tags: list[str] = Field(default_factory=list, title=N_("Mots-clés"))
    relevance: Relevance = Field(default=Relevance.MEDIUM, title=N_("Pertinence"))
    summary: str = Field(default="", max_length=3000, title=N_("Résumé"))
    link: ItemLink = Field(default=ItemLink.NONE, title=N_("Lien stratégique"))
    need_id: str = Field(default="", max_length=40, title=N_("Besoin documenté"))

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.split(",")
        if isinstance(value, list):
            seen: list[str] = []
            for tag in value:
                text = str(tag).strip().lower()
                if text and text not in seen:
                    seen.append(text)
            return seen
        return value


# --------------------------------------------------------------------------- ecosystem


class Actor(BaseModel):
    """An actor of the ecosystem.

    Attributes:
        id: short identifier (``A01``).
        name: its name.
        type: its kind.
        relation: where the organisation stands with it.
        influence: its power over the organisation's project (1–5).
        interest: its interest in the project (1–5).
        funding_ids: the funding sources of the register it stands for (so a
            funder is typed once).
        notes: what the organisation knows of it.
        cooperation: the cooperation already considered with it.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: _ID = Field(title=N_("Identifiant de l'acteur"))
    name: str = Field(min_length=1, max_length=200, title=N_("Acteur"))
    type: ActorType = Field(title=N_("Type d'acteur"))
    relation: Relation = Field(default=Relation.NONE, title=N_("Relation"))
    influence: int = Field(default=3, ge=1, le=5, title=N_("Influence (1 à 5)"))
    interest: int = Field(default=3, ge=1, le=5, title=N_("Intérêt (1 à 5)"))
    funding_ids: list[str] = Field(default_factory=list, title=N_("Financements liés"))
    notes: str = Field(default="", max_length=2000, title=N_("Notes"))
    cooperation: str = Field(default="", max_length=1000, title=N_("Coopération envisagée"))


# --------------------------------------------------------------------------- diagnosis


class GovernanceBody(BaseModel):
    """A governance body and how it worked over the last year.

    Attributes:
        name: its name (« Conseil d'administration »).
        members: seats filled.
        meetings_planned: meetings the statutes or rules call for in a year.
        meetings_held: meetings held in the last year.
        attendance: average attendance (members present / members), 0–1.
        renewed: members renewed at the last election or general assembly.
        elected: True for a body whose members are elected (a board, a
            bureau); a general assembly is not, its renewal is not read.
        women: women among the members.
        notes: how it works (who prepares, what it decides).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    name: str = Field(min_length=1, max_length=120, title=N_("Instance"))
    members: int = Field(default=0, ge=0, le=100_000, title=N_("Membres"))
    meetings_planned: int = Field(default=0, ge=0, le=366, title=N_("Réunions prévues par an"))
    meetings_held: int = Field(default=0, ge=0, le=366, title=N_("Réunions tenues"))
    attendance: float | None = Field(default=None, ge=0, le=1, title=N_("Taux de présence"))
    renewed: int = Field(default=0, ge=0, le=100_000, title=N_("Membres renouvelés"))
    elected: bool = Field(default=True, title=N_("Instance élue"))
    women: int = Field(default=0, ge=0, le=100_000, title=N_("Femmes"))
    notes: str = Field(default="", max_length=2000, title=N_("Fonctionnement"))


class Activity(BaseModel):
    """An activity of the organisation.

    Attributes:
        name: its name.
        description: what it does, for whom.
        fte: full-time equivalents it employs.
        social_utility: True when it serves the social-utility purpose.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    name: str = Field(min_length=1, max_length=120, title=N_("Activité"))
    description: str = Field(default="", max_length=2000, title=N_("Description"))
    fte: float = Field(default=0.0, ge=0, le=100_000, title=N_("ETP"))
    social_utility: bool = Field(default=True, title=N_("Activité d'utilité sociale"))


class Skill(BaseModel):
    """A skill the organisation relies on.

    Attributes:
        name: the skill.
        holders: how many people hold it.
        critical: True when losing it would stop an activity.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field(min_length=1, max_length=120, title=N_("Compétence"))
    holders: int = Field(default=1, ge=0, le=100_000, title=N_("Personnes qui la détiennent"))
    critical: bool = Field(default=False, title=N_("Compétence critique"))


class Origin(BaseModel):
    """Where a SWOT item comes from, kept so the reading stays traceable.

    Attributes:
        kind: watch item, need, risk, indicator, actor, governance, typed in.
        ref: the identifier of what it was drawn from (``V003``, ``R01``, ``hhi``).
        detail: the figures or words it was drawn from, as written then.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    kind: OriginKind = Field(default=OriginKind.TYPED, title=N_("Origine"))
    ref: str = Field(default="", max_length=60, title=N_("Référence d'origine"))
    detail: str = Field(default="", max_length=1000, title=N_("Détail de l'origine"))


class SwotItem(BaseModel):
    """One item of the SWOT.

    Attributes:
        id: short identifier (``S1``, ``W2``…).
        quadrant: strength, weakness, opportunity or threat.
        text: the item in a sentence.
        origin: what it was drawn from.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    id: _ID = Field(title=N_("Identifiant de l'élément"))
    quadrant: Quadrant = Field(title=N_("Case du SWOT"))
    text: str = Field(min_length=1, max_length=500, title=N_("Élément"))
    origin: Origin = Field(default_factory=Origin, title=N_("Origine"))


class Orientation(BaseModel):
    """A strategic orientation of the TOWS step.

    Attributes:
        id: short identifier (``O1``).
        kind: SO, ST, WO or WT.
        title: the orientation in a few words.
        objective: what it aims at, measurable where possible.
        item_ids: the SWOT items it crosses.
        jobs_created: jobs (FTE) it creates on the territory.
        jobs_kept: jobs (FTE) it keeps.
        actions: the actions it calls for (sent to the project's action plan).
        horizon: the year it should be reached by.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    id: _ID = Field(title=N_("Identifiant de l'orientation"))
    kind: OrientationKind = Field(title=N_("Stratégie TOWS"))
    title: str = Field(min_length=1, max_length=200, title=N_("Orientation"))
    objective: str = Field(default="", max_length=1000, title=N_("Objectif"))
    item_ids: list[str] = Field(default_factory=list, title=N_("Éléments du SWOT croisés"))
    jobs_created: float = Field(default=0.0, ge=0, le=100_000, title=N_("Emplois créés (ETP)"))
    jobs_kept: float = Field(default=0.0, ge=0, le=100_000, title=N_("Emplois maintenus (ETP)"))
    actions: list[str] = Field(default_factory=list, title=N_("Actions"))
    horizon: int | None = Field(default=None, ge=2000, le=2100, title=N_("Échéance (année)"))

    @field_validator("actions", mode="before")
    @classmethod
    def _actions(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.splitlines()
        if isinstance(value, list):
            return [str(a).strip() for a in value if str(a).strip()]
        return value


class Diagnosis(BaseModel):
    """The strategic diagnosis: organisation analysis, SWOT, TOWS orientations.

    Attributes:
        assessed_on: date of the diagnosis.
        status_notes: what the status and statutes allow and require.
        bodies: governance bodies and how they work.
        activities: the activities.
        skills: the skills relied on.
        economic_notes: the reading of the economic model.
        swot: the SWOT items.
        orientations: the TOWS orientations.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    assessed_on: dt.date | None = Field(default=None, title=N_("Date du diagnostic"))
    status_notes: str = Field(default="", max_length=3000, title=N_("Statut et statuts"))
    bodies: list[GovernanceBody] = Field(default_factory=list, title=N_("Instances"))
    activities: list[Activity] = Field(default_factory=list, title=N_("Activités"))
    skills: list[Skill] = Field(default_factory=list, title=N_("Compétences"))
    economic_notes: str = Field(default="", max_length=3000, title=N_("Modèle économique"))
    swot: list[SwotItem] = Field(default_factory=list, title=N_("SWOT"))
    orientations: list[Orientation] = Field(default_factory=list, title=N_("Orientations"))

    @model_validator(mode="after")
    def _links(self) -> Self:
        _unique("watch_swot_id_twice", (i.id for i in self.swot))
        _unique("watch_orientation_id_twice", (o.id for o in self.orientations))
        known = {i.id for i in self.swot}
        for o in self.orientations:
            missing = [i for i in o.item_ids if i not in known]
            if missing:
                raise custom_error(
                    "watch_orientation_unknown_item",
                    N_(
                        "L'orientation « {orientation} » croise des éléments absents du SWOT : "
                        "{items}."
                    ),
                    {"orientation": o.id, "items": ", ".join(missing)},
                )
        return self


_TWICE = {
    "watch_need_id_twice": N_("L'identifiant de besoin « {id} » est utilisé deux fois."),
    "watch_item_id_twice": N_("L'identifiant d'article de veille « {id} » est utilisé deux fois."),
    "watch_actor_id_twice": N_("L'identifiant d'acteur « {id} » est utilisé deux fois."),
    "watch_swot_id_twice": N_("L'identifiant d'élément du SWOT « {id} » est utilisé deux fois."),
    "watch_orientation_id_twice": N_("L'identifiant d'orientation « {id} » est utilisé deux fois."),
    "watch_indicator_twice": N_("L'indicateur « {id} » est déclaré deux fois."),
}


def _unique(code: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise custom_error(code, _TWICE[code], {"id": i})
        seen.add(i)


class WatchSection(BaseModel):
    """Territorial watch, ecosystem and strategic diagnosis (block 1 of the title).

    Attributes:
        observations: indicator values of the territory and of references.
        indicators: the user's own indicators.
        settings: what the territory is compared to, and the gap threshold.
        needs: the needs retained.
        journal: the watch journal.
        actors: the ecosystem's actors.
        diagnosis: organisation analysis, SWOT and orientations.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    observations: list[Observation] = Field(
        default_factory=list, title=N_("Indicateurs du territoire")
    )
    indicators: list[CustomIndicator] = Field(default_factory=list, title=N_("Indicateurs ajoutés"))
    settings: TerritorySettings = Field(
        default_factory=TerritorySettings, title=N_("Comparaison territoriale")
    )
    needs: list[Need] = Field(default_factory=list, title=N_("Besoins retenus"))
    journal: list[JournalItem] = Field(default_factory=list, title=N_("Journal de veille"))
    actors: list[Actor] = Field(default_factory=list, title=N_("Acteurs de l'écosystème"))
    diagnosis: Diagnosis = Field(default_factory=Diagnosis, title=N_("Diagnostic stratégique"))

    @model_validator(mode="after")
    def _links(self) -> Self:
        _unique("watch_need_id_twice", (n.id for n in self.needs))
        _unique("watch_item_id_twice", (i.id for i in self.journal))
        _unique("watch_actor_id_twice", (a.id for a in self.actors))
        _unique("watch_indicator_twice", (i.key for i in self.indicators))
        needs = {n.id for n in self.needs}
        for item in self.journal:
            if item.need_id and item.need_id not in needs:
                raise custom_error(
                    "watch_item_unknown_need",
                    N_(
                        "L'article de veille « {item} » renvoie au besoin « {need} », absent de "
                        "la liste des besoins."
                    ),
                    {"item": item.id, "need": item.need_id},
                )
        return self

    def need(self, need_id: str) -> Need | None:
        """The need with that identifier, if any."""
        return next((n for n in self.needs if n.id == need_id), None)


def next_id(existing: Iterable[str], prefix: str, width: int = 2) -> str:
    """The next free identifier ``<prefix><n>`` after the existing ones.

    Example:
        >>> next_id(["V01", "V07", "X"], "V")
        'V08'
    """
    numbers = [
        int(i[len(prefix) :])
        for i in existing
        if i.startswith(prefix) and i[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"

"""The competencies of the RNCP38126 title "Entrepreneur de l'ESS" (level 7).

Each screen names in its header the competencies it serves, so learners can
build their portfolio on the official map. Codes are ``BC01.C1``…: block,
then the rank of the competency in the official sheet's list.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from essdiag.i18n import N_

__all__ = ["BLOCKS", "COMPETENCIES", "Competency", "competency"]

BLOCKS: dict[str, str] = {
    "BC01": "Élaborer la stratégie de l'entreprise dans le respect des principes et valeurs de l'ESS",
    "BC02": "Piloter l'entreprise dans le respect des principes de l'ESS",
    "BC03": "Conduire un projet entrepreneurial social et solidaire",
}


class Competency(BaseModel):
    """One competency of the title.

    Attributes:
        code: ``BC02.C4``.
        short: a few French words for a header badge.
        text: the official wording's first clause.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    short: str
    text: str

    @property
    def block(self) -> str:
        """The block code (``BC02``)."""
        return self.code.split(".")[0]


_RAW: list[tuple[str, str, str]] = [
    (
        "BC01.C1",
        N_("Veille territoriale"),
        "Réaliser une veille dans le champ de l'ESS sur les besoins du territoire",
    ),
    (
        "BC01.C2",
        N_("Écosystème territorial"),
        "Analyser l'écosystème territorial de l'entreprise de l'ESS",
    ),
    (
        "BC01.C3",
        N_("Analyse de la structure"),
        "Analyser le fonctionnement de l'entreprise (statut, gouvernance, activités, organisation, compétences)",
    ),
    (
        "BC01.C4",
        N_("Orientations stratégiques"),
        "Caractériser les orientations stratégiques de l'entreprise de l'ESS",
    ),
    (
        "BC01.C5",
        N_("Plan d'actions stratégique"),
        "Piloter la stratégie en déclinant les orientations en plan d'actions",
    ),
    (
        "BC01.C6",
        N_("Cadre juridique et fiscal"),
        "Garantir le cadre juridique et fiscal de l'entreprise de l'ESS",
    ),
    (
        "BC01.C7",
        N_("Utilité sociale"),
        "Évaluer l'utilité sociale à travers des indicateurs sociaux, économiques et environnementaux",
    ),
    (
        "BC01.C8",
        N_("Coopérations"),
        "Développer une logique de coopération et de partenariats sur le territoire",
    ),
    (
        "BC02.C1",
        N_("Continuité des activités"),
        "Piloter les activités et les moyens opérationnels en assurant la continuité",
    ),
    ("BC02.C2", N_("RSE"), "Décliner de manière opérationnelle les principes de la RSE"),
    (
        "BC02.C3",
        N_("Écoute des publics"),
        "Adapter la réponse aux besoins des publics et mesurer leur satisfaction",
    ),
    (
        "BC02.C4",
        N_("Gestion des risques"),
        "Gérer les risques en s'appuyant sur une cartographie des risques",
    ),
    (
        "BC02.C5",
        N_("Ingénierie financière"),
        "Réaliser l'ingénierie financière combinant une mixité des ressources",
    ),
    (
        "BC02.C6",
        N_("Budget prévisionnel"),
        "Établir un budget prévisionnel cohérent avec la stratégie et les moyens",
    ),
    (
        "BC02.C7",
        N_("Suivi budgétaire"),
        "Réaliser le suivi budgétaire en mesurant les écarts entre prévisionnel et réalisé",
    ),
    (
        "BC02.C8",
        N_("Droit social"),
        "Garantir le respect de la réglementation en matière de RH et de droit social",
    ),
    (
        "BC02.C9",
        N_("Pratiques managériales"),
        "Garantir la conformité des pratiques managériales (QVT, handicap, RPS)",
    ),
    (
        "BC02.C10",
        N_("Compétences"),
        "Mesurer l'écart entre compétences disponibles et compétences requises",
    ),
    (
        "BC03.C1",
        N_("Conception du projet"),
        "Élaborer un projet entrepreneurial répondant à un besoin social, ses objectifs et son plan d'action",
    ),
    (
        "BC03.C2",
        N_("Organisation du projet"),
        "Définir l'organisation du projet : parties prenantes, ressources, instances",
    ),
    (
        "BC03.C3",
        N_("Promotion du projet"),
        "Porter le projet entrepreneurial auprès des parties prenantes",
    ),
    (
        "BC03.C4",
        N_("Pilotage du projet"),
        "Piloter la mise en œuvre du projet avec des outils de gestion de projet",
    ),
    (
        "BC03.C5",
        N_("Mobilisation des acteurs"),
        "Mobiliser les acteurs internes et externes du projet",
    ),
    (
        "BC03.C6",
        N_("Conventions partenariales"),
        "Formaliser les engagements des parties prenantes (conventions)",
    ),
    (
        "BC03.C7",
        N_("Évaluation des résultats"),
        "Évaluer les résultats au regard des objectifs avec des indicateurs",
    ),
    (
        "BC03.C8",
        N_("Mesure d'impact"),
        "Valoriser la contribution du projet à l'utilité sociale (mesure d'impact)",
    ),
    (
        "BC03.C9",
        N_("Capitalisation"),
        "Capitaliser les expériences dans des livrables de retour d'expérience",
    ),
]

COMPETENCIES: dict[str, Competency] = {
    code: Competency(code=code, short=short, text=text) for code, short, text in _RAW
}


def competency(code: str) -> Competency:
    """The competency with that code (``KeyError`` for an unknown code)."""
    return COMPETENCIES[code]

"""Risk map of the sample cases (the ``risks`` section of their dossiers).

``section(case)`` returns the JSON dict of :class:`essdiag.risks.RiskSection`
for ``"recyclerie"`` and ``"scic-energie"`` (None otherwise). The maps follow
the cases' READMEs: for the recyclerie, the end of the fixed-price energy
contract, the unpaid FSE+ 2025 balance, the dependence on the ACI aide au
poste, the ageing fleet, the boutique's tax question; for the SCIC, production,
loans, grid connection, member mobilisation and a few large roofs.

The recyclerie's matrix was 4×4 in 2025 (version 1) and became the 5×5 house
matrix in March 2026 (version 2); one minor risk is still on version 1, so a
learner sees the migration offer. Dates are those of a director working in
November 2026: some actions and reviews are overdue on purpose.
"""

from __future__ import annotations

from typing import Any

__all__ = ["section"]


def _levels(labels: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"label": a, "description": b} for a, b in labels]


_BANDS_4 = [
    {
        "label": "Faible",
        "colour": "#56B4E9",
        "max_score": 3,
        "guidance": "Accepter et surveiller ; revoir une fois par an.",
    },
    {
        "label": "Modéré",
        "colour": "#F0E442",
        "max_score": 6,
        "guidance": "Maîtriser par les mesures courantes ; revoir tous les six mois.",
    },
    {
        "label": "Élevé",
        "colour": "#E69F00",
        "max_score": 9,
        "guidance": "Plan d'actions sous trois mois, suivi par la direction.",
    },
    {
        "label": "Critique",
        "colour": "#D55E00",
        "max_score": 16,
        "guidance": "Action immédiate ; information du conseil d'administration.",
    },
]
_BANDS_5 = [
    {
        "label": "Faible",
        "colour": "#56B4E9",
        "max_score": 4,
        "guidance": "Accepter et surveiller ; revoir une fois par an.",
    },
    {
        "label": "Modéré",
        "colour": "#F0E442",
        "max_score": 9,
        "guidance": "Maîtriser par les mesures courantes ; revoir tous les six mois.",
    },
    {
        "label": "Élevé",
        "colour": "#E69F00",
        "max_score": 16,
        "guidance": "Plan d'actions sous trois mois, suivi par la direction.",
    },
    {
        "label": "Critique",
        "colour": "#D55E00",
        "max_score": 25,
        "guidance": "Action immédiate ; information du conseil d'administration.",
    },
]
_LIKELIHOOD_4 = _levels(
    [
        ("Rare", "Moins d'une fois en 10 ans."),
        ("Peu probable", "Une fois en 5 à 10 ans."),
        ("Probable", "Une fois en 1 à 5 ans."),
        ("Très probable", "Au moins une fois par an."),
    ]
)
_IMPACT_4 = _levels(
    [
        ("Mineur", "Gêne passagère, moins de 1 % du budget."),
        ("Significatif", "Activité perturbée quelques jours, 1 à 3 % du budget."),
        ("Majeur", "Activité arrêtée des semaines, 3 à 10 % du budget."),
        ("Critique", "Survie menacée, plus de 10 % du budget, atteinte grave aux personnes."),
    ]
)
_LIKELIHOOD_5 = _levels(
    [
        ("Rare", "Moins d'une fois en 10 ans."),
        ("Peu probable", "Une fois en 5 à 10 ans."),
        ("Possible", "Une fois en 2 à 5 ans."),
        ("Probable", "Environ une fois par an."),
        ("Quasi certain", "Plusieurs fois par an, ou déjà en cours."),
    ]
)
_IMPACT_5 = _levels(
    [
        ("Négligeable", "Moins de 5 000 € ; sans effet sur les parcours."),
        ("Mineur", "5 000 à 10 000 € ; gêne de quelques jours."),
        ("Modéré", "10 000 à 30 000 € ; activité perturbée, un parcours interrompu."),
        ("Majeur", "30 000 à 100 000 € ; atelier ou boutique fermés des semaines ; blessure."),
        (
            "Critique",
            "Plus de 100 000 € ; survie de l'association ou atteinte grave aux personnes.",
        ),
    ]
)


def _a(likelihood: int, impact: int, version: int) -> dict[str, int]:
    return {"likelihood": likelihood, "impact": impact, "matrix_version": version}


def _act(
    title: str, owner: str, created: str, due: str | None, status: str = "todo", *, note: str = ""
) -> dict[str, Any]:
    return {
        "title": title,
        "owner": owner,
        "created_on": created,
        "due_on": due,
        "status": status,
        "note": note,
    }


def _risk(
    rid: str,
    title: str,
    category: str,
    *,
    cause: str,
    consequence: str,
    owner: str,
    created: str,
    inherent: dict[str, int],
    controls: list[str],
    residual: dict[str, int] | None,
    treatment: str,
    treatment_note: str = "",
    actions: list[dict[str, Any]] | None = None,
    review: str | None = None,
    funder: str = "",
    skill: str = "",
    library_key: str = "",
    residual_reason: str = "",
) -> dict[str, Any]:
    return {
        "id": rid,
        "title": title,
        "category": category,
        "cause": cause,
        "consequence": consequence,
        "owner": owner,
        "created_on": created,
        "inherent": inherent,
        "controls": controls,
        "residual": residual,
        "residual_reason": residual_reason,
        "treatment": treatment,
        "treatment_note": treatment_note,
        "actions": actions or [],
        "review_on": review,
        "funder": funder,
        "skill": skill,
        "library_key": library_key,
        "closed": False,
    }


def _recyclerie() -> dict[str, Any]:
    v = 2
    risks = [
        _risk(
            "R01",
            "Dépendance à l'aide au poste ACI",
            "financial",
            cause=(
                "L'aide au poste de l'État (ASP) apporte près d'un tiers des produits ; elle suit "
                "le taux d'occupation des postes conventionnés (96 % en 2026)."
            ),
            consequence=(
                "Une baisse du montant socle ou des postes vacants réduit directement les "
                "ressources : 12 000 € de moins en 2026 à 96 % d'occupation."
            ),
            owner="Directeur",
            created="2025-01-20",
            inherent=_a(4, 5, v),
            controls=[
                "Conventionnement ACI sur trois ans avec dialogue de gestion annuel",
                "Suivi mensuel du taux d'occupation des postes avec la CIP",
            ],
            residual=_a(3, 4, v),
            treatment="reduce",
            treatment_note="Augmenter la part des ventes et des prestations dans les produits.",
            actions=[
                _act(
                    "Simuler dans le budget 2027 une aide au poste à 90 % d'occupation",
                    "Responsable administrative et financière",
                    "2026-06-15",
                    "2026-11-30",
                    "doing",
                ),
                _act(
                    "Organiser deux sessions de recrutement avec France Travail et le Département",
                    "CIP",
                    "2026-06-15",
                    "2026-09-30",
                    "done",
                ),
            ],
            review="2027-01-31",
            funder="ASP – aide au poste ACI (État)",
            library_key="funder_dependence",
        ),
        _risk(
            "R02",
            "Retard de versement du solde FSE+",
            "financial",
            cause=(
                "Le FSE+ est versé sur justificatifs après contrôle de service fait ; le solde "
                "2025 (85 000 €) n'est toujours pas versé au 31 octobre 2026."
            ),
            consequence=(
                "Trésorerie tendue à l'automne, découvert possible au moment des salaires de "
                "décembre, fournisseurs payés en retard."
            ),
            owner="Responsable administrative et financière",
            created="2025-03-10",
            inherent=_a(5, 4, v),
            controls=[
                "Plan de trésorerie mensuel à 12 mois",
                "Pièces justificatives classées par opération",
            ],
            residual=_a(4, 4, v),
            treatment="reduce",
            actions=[
                _act(
                    "Demander un prêt relais FSE+ à France Active",
                    "Trésorier",
                    "2026-05-12",
                    "2026-09-30",
                    "doing",
                    note="Dossier déposé, comité de décembre.",
                ),
                _act(
                    "Relancer le Département (organisme intermédiaire) par écrit",
                    "Directeur",
                    "2026-09-01",
                    "2026-10-15",
                    "done",
                ),
            ],
            review="2026-10-31",
            funder="FSE+ (Département de la Drôme, organisme intermédiaire)",
            library_key="late_grant_payment",
        ),
        _risk(
            "R03",
            "Accident du travail à l'atelier de valorisation",
            "operational",
            cause=(
                "Manutention de meubles et d'électroménager, outillage électrique, chariot "
                "élévateur ; salariés en parcours peu expérimentés à leur arrivée."
            ),
            consequence=(
                "Blessure grave d'un salarié, arrêt de l'atelier, responsabilité pénale de "
                "l'employeur, hausse du taux de cotisation accidents du travail."
            ),
            owner="Encadrant technique atelier",
            created="2025-01-20",
            inherent=_a(3, 5, v),
            controls=[
                "Document unique d'évaluation des risques revu en février 2026",
                "EPI fournis (chaussures, gants) et port contrôlé",
                "Formation sécurité et habilitation chariot à l'arrivée",
            ],
            residual=_a(2, 5, v),
            treatment="reduce",
            actions=[
                _act(
                    "Former deux sauveteurs secouristes du travail supplémentaires",
                    "Encadrant technique atelier",
                    "2026-02-20",
                    "2026-06-30",
                    "done",
                ),
                _act(
                    "Faire vérifier les machines et le chariot par un organisme agréé",
                    "Responsable logistique et collecte",
                    "2026-02-20",
                    "2027-02-28",
                    "todo",
                ),
            ],
            review="2027-02-28",
            skill="Prévention des risques professionnels",
            library_key="work_accident",
        ),
        _risk(
            "R04",
            "Épuisement des bénévoles de la boutique",
            "human",
            cause=(
                "Un noyau d'une quinzaine de bénévoles assure l'essentiel des 4 950 heures ; "
                "le nouvel espace mobilier a augmenté l'affluence."
            ),
            consequence="Départs, permanences non tenues, boutique fermée certains samedis.",
            owner="Chargée de communication et de vie associative",
            created="2025-01-20",
            inherent=_a(4, 3, v),
            controls=["Planning partagé des permanences", "Référente bénévoles"],
            residual=_a(3, 3, v),
            treatment="reduce",
            actions=[
                _act(
                    "Lancer une campagne de recrutement de bénévoles avec le centre social",
                    "Chargée de communication et de vie associative",
                    "2026-04-02",
                    "2026-10-31",
                    "doing",
                ),
                _act(
                    "Organiser une soirée de reconnaissance des bénévoles",
                    "Présidente",
                    "2026-04-02",
                    "2026-12-15",
                    "todo",
                ),
            ],
            review="2026-12-31",
            library_key="volunteer_burnout",
        ),
        _risk(
            "R05",
            "Hausse du coût de l'énergie",
            "financial",
            cause=(
                "Le contrat d'électricité et de gaz à prix fixe a pris fin le 31 décembre 2025 ; "
                "entrepôt de 1 800 m² chauffé et atelier équipé."
            ),
            consequence=(
                "Factures d'énergie bien au-dessus des +4 % prévus au budget 2026 ; marge de "
                "la boutique réduite."
            ),
            owner="Directeur",
            created="2025-11-05",
            inherent=_a(5, 3, v),
            controls=["Suivi mensuel des consommations (compteur communicant)"],
            residual=_a(4, 3, v),
            treatment="reduce",
            actions=[
                _act(
                    "Faire réaliser un audit énergétique de l'entrepôt (aide ADEME)",
                    "Responsable logistique et collecte",
                    "2026-03-01",
                    "2026-09-30",
                    "todo",
                ),
                _act(
                    "Rejoindre l'achat groupé d'énergie du réseau régional des ressourceries",
                    "Directeur",
                    "2026-03-01",
                    "2026-12-31",
                    "doing",
                ),
            ],
            review="2026-12-31",
            funder="",
            library_key="energy_costs",
        ),
        _risk(
            "R06",
            "Départ de la conseillère en insertion professionnelle",
            "human",
            cause=(
                "Une seule CIP suit les 17 parcours, tient les bilans pour la DREETS et le lien "
                "avec les prescripteurs."
            ),
            consequence=(
                "Accompagnement interrompu, bilans non produits, conventionnement ACI fragilisé."
            ),
            owner="Directeur",
            created="2025-01-20",
            inherent=_a(3, 4, v),
            controls=["Dossiers de suivi des parcours dans le logiciel partagé"],
            residual=_a(3, 3, v),
            treatment="reduce",
            actions=[
                _act(
                    "Former un encadrant technique au suivi des parcours (binôme)",
                    "Directeur",
                    "2026-01-15",
                    "2026-06-30",
                    "todo",
                ),
            ],
            review="2026-07-31",
            skill="Conseil en insertion professionnelle",
            library_key="key_person",
        ),
        _risk(
            "R07",
            "Non-renouvellement du conventionnement ACI",
            "legal",
            cause=(
                "Le conventionnement IAE est renouvelé par la DREETS au vu des sorties "
                "dynamiques et du respect des obligations d'accompagnement."
            ),
            consequence=(
                "Fin de l'aide au poste et des CDDI : l'activité d'insertion, raison d'être de "
                "l'association, s'arrête."
            ),
            owner="Directeur",
            created="2025-01-20",
            inherent=_a(2, 5, v),
            controls=[
                "Indicateurs de sorties suivis trimestriellement",
                "Dialogue de gestion annuel préparé avec le CDIAE",
            ],
            residual=_a(1, 5, v),
            treatment="reduce",
            review="2027-03-31",
            funder="DREETS Auvergne-Rhône-Alpes",
            library_key="licence_loss",
        ),
        _risk(
            "R08",
            "Baisse du soutien du Département",
            "financial",
            cause=(
                "Contraintes budgétaires du Département : convention 2026 signée à 90 % du "
                "montant demandé (85 500 € au lieu de 95 000 €)."
            ),
            consequence="9 500 € de moins en 2026 ; nouvelle baisse possible en 2027.",
            owner="Présidente",
            created="2026-02-10",
            inherent=_a(4, 3, v),
            controls=["Rencontre annuelle avec la vice-présidente à l'insertion"],
            residual=_a(4, 3, v),
            treatment="accept",
            treatment_note=(
                "Risque accepté pour 2026 ; compenser par la demande à une fondation (38 318,80 €)."
            ),
            review="2026-09-30",
            funder="Département de la Drôme",
            library_key="public_policy_change",
        ),
        _risk(
            "R09",
            "Remise en cause de la non-lucrativité de la boutique",
            "legal",
            cause=(
                "Les ventes de la boutique progressent avec le nouvel espace mobilier ; les "
                "recettes lucratives approchent la franchise des impôts commerciaux."
            ),
            consequence=(
                "Assujettissement à la TVA, à l'impôt sur les sociétés et à la CET, avec rappel "
                "possible sur trois ans."
            ),
            owner="Trésorier",
            created="2026-05-20",
            inherent=_a(3, 4, v),
            controls=["Analyse « 4P » de la boutique faite avec l'expert-comptable"],
            residual=_a(2, 4, v),
            treatment="reduce",
            actions=[
                _act(
                    "Déposer une demande de rescrit fiscal",
                    "Trésorier",
                    "2026-06-10",
                    "2026-12-31",
                    "todo",
                ),
            ],
            review="2026-12-31",
            library_key="tax_requalification",
        ),
        _risk(
            "R10",
            "Incendie ou sinistre de l'entrepôt",
            "operational",
            cause=(
                "Stock combustible (textiles, mobilier), atelier électrique, entrepôt loué de la "
                "ZA des Crozes."
            ),
            consequence=(
                "Activité arrêtée plusieurs mois, stock perdu, 25 salariés sans poste de travail."
            ),
            owner="Directeur",
            created="2025-01-20",
            inherent=_a(2, 5, v),
            controls=[
                "Assurance multirisque avec perte d'exploitation",
                "Extincteurs vérifiés, exercice d'évacuation annuel",
            ],
            residual=_a(2, 3, v),
            treatment="transfer",
            treatment_note="Impact financier transféré à l'assureur ; continuité : fiche C02.",
            review="2027-01-31",
            library_key="premises_loss",
        ),
        _risk(
            "R11",
            "Immobilisation du camion de collecte",
            "operational",
            cause=(
                "Flotte ancienne, totalement amortie fin 2027 ; grosse réparation du camion en "
                "juin 2026."
            ),
            consequence=(
                "Collectes en déchetterie et débarras annulés, prestations EPCI non assurées."
            ),
            owner="Responsable logistique et collecte",
            created="2025-01-20",
            inherent=_a(4, 3, v),
            controls=["Entretien préventif au garage du Pont", "Location de secours possible"],
            residual=_a(3, 3, v),
            treatment="reduce",
            actions=[
                _act(
                    "Monter le plan de financement d'un utilitaire électrique (ADEME, Région, "
                    "financement participatif)",
                    "Directeur",
                    "2026-07-01",
                    "2027-03-31",
                    "doing",
                ),
            ],
            review="2027-01-31",
            funder="ADEME",
            library_key="vehicle_breakdown",
        ),
        _risk(
            "R12",
            "Violation de données des salariés en parcours",
            "digital",
            cause=(
                "Dossiers de suivi (santé, justice, situation sociale) dans des tableurs partagés, "
                "mots de passe communs."
            ),
            consequence=(
                "Atteinte à la vie privée de personnes fragiles, notification à la CNIL, "
                "perte de confiance des prescripteurs."
            ),
            owner="Responsable administrative et financière",
            created="2025-06-02",
            inherent=_a(3, 4, v),
            controls=["Registre des traitements RGPD"],
            residual=_a(3, 4, v),
            treatment="reduce",
            actions=[
                _act(
                    "Passer les dossiers de suivi dans le logiciel IAE avec accès nominatifs",
                    "CIP",
                    "2025-06-02",
                    "2026-03-31",
                    "doing",
                ),
            ],
            review="2026-06-30",
            library_key="data_breach",
        ),
        _risk(
            "R13",
            "Boutique non accessible aux personnes à mobilité réduite",
            "legal",
            cause="Rampe d'accès trop raide et allées encombrées dans l'espace mobilier.",
            consequence="Clients exclus, non-conformité ERP signalée lors d'une visite.",
            owner="Encadrante de la boutique",
            created="2025-04-14",
            inherent=_a(3, 2, 1),
            controls=["Registre public d'accessibilité"],
            residual=_a(2, 2, 1),
            treatment="reduce",
            review="2026-04-30",
            library_key="accessibility",
        ),
    ]
    continuity = [
        {
            "id": "C01",
            "activity": "Paie et accompagnement des salariés en parcours",
            "max_interruption": "1 semaine (paie : aucun retard)",
            "minimum_service": (
                "Paie versée à date ; entretiens de suivi maintenus pour les parcours en fin de "
                "contrat ; bilans DREETS produits."
            ),
            "who": "Responsable administrative et financière ; suppléant : directeur. CIP ; suppléant : encadrant technique formé.",
            "fallback": (
                "Paie préparée par le cabinet comptable du Val ; accompagnement assuré par la "
                "CIP d'un ACI partenaire du réseau (convention d'entraide)."
            ),
            "resources": "Accès au logiciel de paie et au logiciel IAE à distance ; trois mois de salaires en trésorerie.",
            "risk_ids": ["R02", "R06", "R12"],
            "tested_on": None,
        },
        {
            "id": "C02",
            "activity": "Collecte et atelier de valorisation",
            "max_interruption": "2 semaines",
            "minimum_service": (
                "Caissons de réemploi des déchetteries vidés une fois par semaine ; salariés "
                "en parcours occupés sur un chantier de repli."
            ),
            "who": "Responsable logistique et collecte ; suppléant : encadrant technique atelier.",
            "fallback": (
                "Location d'un utilitaire chez Loc'Utilitaires Valence ; tri provisoire dans le "
                "hangar d'un adhérent agriculteur ; chantier espaces verts avec la commune."
            ),
            "resources": "Budget de location 1 500 € par mois ; contrat d'assurance perte d'exploitation.",
            "risk_ids": ["R03", "R10", "R11"],
            "tested_on": "2026-05-15",
        },
        {
            "id": "C03",
            "activity": "Boutique solidaire",
            "max_interruption": "1 mois",
            "minimum_service": "Ouverture le samedi ; ventes en ligne des pièces de mobilier.",
            "who": "Encadrante de la boutique ; suppléante : présidente.",
            "fallback": "Vente éphémère au marché de Loriol ; page de vente en ligne du réseau.",
            "resources": "Tonnelles, terminal de paiement mobile, 6 bénévoles par samedi.",
            "risk_ids": ["R04", "R10"],
            "tested_on": None,
        },
    ]
    return {
        "matrices": [
            {
                "version": 1,
                "size": 4,
                "likelihood": _LIKELIHOOD_4,
                "impact": _IMPACT_4,
                "bands": _BANDS_4,
                "created_on": "2025-01-20",
                "note": "Première cartographie, faite avec le réseau régional des ressourceries.",
            },
            {
                "version": 2,
                "size": 5,
                "likelihood": _LIKELIHOOD_5,
                "impact": _IMPACT_5,
                "bands": _BANDS_5,
                "created_on": "2026-03-12",
                "note": (
                    "Passage au 5×5 demandé par le commissaire aux comptes ; gravité "
                    "exprimée en euros."
                ),
            },
        ],
        "risks": risks,
        "continuity": continuity,
    }


def _scic() -> dict[str, Any]:
    v = 1
    risks = [
        _risk(
            "S01",
            "Production inférieure aux prévisions",
            "operational",
            cause=(
                "Ensoleillement du Centre-Bretagne sous l'année type, pannes d'onduleurs, "
                "quelques grosses toitures agricoles qui portent l'essentiel de la production."
            ),
            consequence=(
                "Recettes de vente d'électricité en baisse ; marge de remboursement des "
                "emprunts réduite."
            ),
            owner="Technicienne d'exploitation",
            created="2024-02-05",
            inherent=_a(3, 3, v),
            controls=[
                "Prévisions sur une année prudente (P90)",
                "Supervision à distance de chaque installation",
                "Contrat de maintenance avec garantie de disponibilité",
            ],
            residual=_a(2, 3, v),
            treatment="reduce",
            actions=[
                _act(
                    "Comparer chaque mois la production réelle et la production attendue par "
                    "toiture",
                    "Technicienne d'exploitation",
                    "2026-01-10",
                    "2026-03-31",
                    "done",
                ),
            ],
            review="2027-01-31",
            library_key="production_shortfall",
        ),
        _risk(
            "S02",
            "Hausse des taux des emprunts des nouveaux projets",
            "financial",
            cause=(
                "Les nouvelles centrales sont financées à 70 % par emprunt bancaire ; les taux "
                "ont augmenté depuis 2023."
            ),
            consequence=(
                "Rentabilité des projets 2027 insuffisante, projets reportés ou capital citoyen "
                "à mobiliser davantage."
            ),
            owner="Directrice",
            created="2024-02-05",
            inherent=_a(3, 3, v),
            controls=["Emprunts à taux fixe", "Plan de financement testé à +1 point de taux"],
            residual=_a(2, 3, v),
            treatment="reduce",
            actions=[
                _act(
                    "Consulter la banque coopérative et Énergie Partagée pour un financement "
                    "mixte prêt et fonds propres",
                    "Directrice",
                    "2026-04-15",
                    "2026-10-31",
                    "doing",
                ),
            ],
            review="2026-12-31",
            funder="Banque coopérative (prêts des centrales)",
            library_key="interest_rate",
        ),
        _risk(
            "S03",
            "Retard de raccordement au réseau",
            "operational",
            cause=(
                "Délais du gestionnaire de réseau pour les toitures de plus de 100 kWc et "
                "travaux d'extension en zone rurale."
            ),
            consequence="Mise en service décalée de six mois, recettes reportées, intérêts intercalaires.",
            owner="Chargé de projets",
            created="2024-09-12",
            inherent=_a(4, 2, v),
            controls=["Demande de raccordement déposée dès le permis obtenu"],
            residual=_a(3, 2, v),
            treatment="reduce",
            actions=[
                _act(
                    "Prévoir trois mois de marge dans les plans de financement",
                    "Chargé de projets",
                    "2024-09-12",
                    "2025-01-31",
                    "done",
                ),
            ],
            review="2026-09-30",
            library_key="grid_connection_delay",
        ),
        _risk(
            "S04",
            "Faible mobilisation des sociétaires",
            "governance",
            cause=(
                "420 sociétaires dont beaucoup de souscripteurs d'une seule part ; assemblée "
                "générale à faible participation ; commissions de bénévoles qui s'essoufflent."
            ),
            consequence=(
                "Quorum difficile, gouvernance concentrée sur quelques administrateurs, moins "
                "de capital levé pour les nouveaux projets."
            ),
            owner="Chargé de mobilisation citoyenne",
            created="2024-02-05",
            inherent=_a(3, 3, v),
            controls=["Vote à distance", "Lettre d'information trimestrielle"],
            residual=_a(3, 2, v),
            treatment="reduce",
            actions=[
                _act(
                    "Organiser une réunion publique par bassin de vie avant l'assemblée générale",
                    "Chargé de mobilisation citoyenne",
                    "2026-01-20",
                    "2026-05-31",
                    "done",
                ),
                _act(
                    "Ouvrir une campagne de souscription de parts en ligne",
                    "Chargé de mobilisation citoyenne",
                    "2026-06-01",
                    "2026-11-15",
                    "doing",
                ),
            ],
            review="2026-11-30",
            library_key="member_mobilisation",
        ),
        _risk(
            "S05",
            "Révision des conditions d'achat de l'électricité",
            "financial",
            cause=(
                "Baisse des tarifs d'achat pour les nouvelles installations, fin de contrats "
                "d'obligation d'achat, prix de marché volatils."
            ),
            consequence="Recettes des projets futurs incertaines ; modèle économique à revoir.",
            owner="Directrice",
            created="2024-02-05",
            inherent=_a(2, 4, v),
            controls=["Veille réglementaire avec le réseau Énergie Partagée"],
            residual=_a(2, 3, v),
            treatment="reduce",
            treatment_note="Étudier la vente directe (contrat d'achat avec une collectivité).",
            review="2027-02-28",
            funder="Acheteur obligé (contrat d'achat)",
            library_key="public_policy_change",
        ),
        _risk(
            "S06",
            "Départ d'un chargé de projets",
            "human",
            cause=(
                "Deux chargés de projets seulement ; le montage technique et financier repose "
                "sur eux ; salaires inférieurs à ceux des développeurs privés."
            ),
            consequence="Projets en cours retardés, relations avec les communes à reconstruire.",
            owner="Directrice",
            created="2025-03-03",
            inherent=_a(2, 4, v),
            controls=["Dossiers de projet partagés", "Binôme sur chaque projet"],
            residual=_a(2, 3, v),
            treatment="reduce",
            review="2026-03-31",
            skill="Ingénierie de projets photovoltaïques",
            library_key="key_person",
        ),
        _risk(
            "S07",
            "Défaillance d'un installateur",
            "operational",
            cause="Petits installateurs régionaux fragiles ; garanties décennales difficiles à activer.",
            consequence="Chantiers arrêtés, malfaçons à reprendre à nos frais.",
            owner="Chargé de projets",
            created="2025-03-03",
            inherent=_a(2, 3, v),
            controls=["Vérification des attestations d'assurance", "Retenue de garantie de 5 %"],
            residual=_a(1, 3, v),
            treatment="reduce",
            review="2027-03-31",
            library_key="supplier_failure",
        ),
        _risk(
            "S08",
            "Perte de l'agrément ESUS",
            "legal",
            cause=(
                "Croissance de l'activité de vente d'énergie par rapport aux activités "
                "d'accompagnement ; échelle des salaires à surveiller lors des recrutements."
            ),
            consequence=(
                "Fin de l'accès à l'épargne salariale solidaire et à certains financements "
                "publics ; image de coopérative citoyenne affaiblie."
            ),
            owner="Conseil d'administration",
            created="2024-02-05",
            inherent=_a(1, 3, v),
            controls=["Contrôle annuel des critères ESUS par l'assistante de gestion"],
            residual=_a(1, 3, v),
            treatment="accept",
            review="2027-06-30",
            library_key="esus_loss",
        ),
    ]
    continuity = [
        {
            "id": "C01",
            "activity": "Exploitation et maintenance des centrales",
            "max_interruption": "72 heures par installation",
            "minimum_service": "Détection des pannes et intervention sur les toitures de plus de 100 kWc.",
            "who": "Technicienne d'exploitation ; suppléant : chargé de projets.",
            "fallback": "Astreinte du mainteneur sous contrat ; coupure à distance des onduleurs.",
            "resources": "Accès à la supervision, stock d'onduleurs de rechange, contacts des propriétaires de toitures.",
            "risk_ids": ["S01", "S07"],
            "tested_on": "2026-04-08",
        },
        {
            "id": "C02",
            "activity": "Vie coopérative et collecte de l'épargne citoyenne",
            "max_interruption": "1 mois",
            "minimum_service": "Registre des sociétaires tenu, souscriptions enregistrées, assemblée générale convoquée à temps.",
            "who": "Chargé de mobilisation citoyenne ; suppléante : assistante de gestion.",
            "fallback": "Commission finances des bénévoles ; plateforme de financement participatif partenaire.",
            "resources": "Logiciel de gestion des sociétaires, modèles de bulletins de souscription.",
            "risk_ids": ["S04", "S08"],
            "tested_on": None,
        },
    ]
    return {
        "matrices": [
            {
                "version": 1,
                "size": 4,
                "likelihood": _LIKELIHOOD_4,
                "impact": _IMPACT_4,
                "bands": _BANDS_4,
                "created_on": "2024-02-05",
                "note": "Matrice adoptée par le conseil d'administration.",
            }
        ],
        "risks": risks,
        "continuity": continuity,
    }


def section(case: str) -> dict[str, Any] | None:
    """The ``risks`` section of a sample case as a JSON dict, or None."""
    if case == "recyclerie":
        return _recyclerie()
    if case == "scic-energie":
        return _scic()
    return None

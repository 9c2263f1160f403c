"""Funding section of the sample dossiers: the recyclerie's funders, the SCIC's resources.

Amounts follow ``sample_data/generate.py`` (2025 actual targets and the 2026
budget of La Ressourcerie des Confluences, accounts 70x, 741xxx by funder,
748110, 754x, 756, 861/871) so that the register, the FEC and the budget tell
the same story: an ACI that lives on the ASP aide au poste and the Département,
a shop that brings a quarter of the income, and an FSE+ balance paid eleven
months after the year ends. The 2027 amounts are renewal assumptions.

Payment months are when the money reaches the bank (the generator's
instalment date plus its payment lag).
"""

from __future__ import annotations

from typing import Any


def _monthly() -> list[dict[str, Any]]:
    shares = [round(1 / 12, 12)] * 11
    shares.append(round(1 - sum(shares), 12))
    return [
        {"kind": "instalment", "share": s, "month": m + 1, "year_offset": 0}
        for m, s in enumerate(shares)
    ]


def _src(
    id: str,
    name: str,
    funder: str,
    funder_type: str,
    amounts: dict[int, float],
    *,
    account: str = "",
    purpose: str = "operating",
    earmarked: bool = False,
    schedule: list[dict[str, Any]] | None = None,
    start: str | None = None,
    end: str | None = None,
    conditions: str = "",
) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "funder": funder,
        "funder_type": funder_type,
        "purpose": purpose,
        "earmarked": earmarked,
        "account": account,
        "amounts": [{"year": y, "amount": a} for y, a in sorted(amounts.items())],
        "agreement_start": start,
        "agreement_end": end,
        "schedule": schedule or [],
        "conditions": conditions,
    }


def _inst(kind: str, share: float, month: int, year_offset: int = 0) -> dict[str, Any]:
    return {"kind": kind, "share": share, "month": month, "year_offset": year_offset}


ETAT = "État – Ministère du Travail"
"""One funder for the aide au poste (paid by the ASP) and the FDI (DREETS): the State."""


def _recyclerie() -> dict[str, Any]:
    cc = "CC du Val de Drôme en Biovallée"
    sources = [
        _src(
            "asp-aci",
            "Aide au poste ACI (versée par l'ASP)",
            ETAT,
            "asp",
            {2025: 314_000, 2026: 320_280, 2027: 320_280},
            account="741110",
            schedule=_monthly(),
            start="2025-01-01",
            end="2027-12-31",
            conditions="Versée chaque mois par l'ASP selon les postes d'insertion occupés "
            "(16 ETP conventionnés) ; 2026 : postes occupés à 96 %.",
        ),
        _src(
            "dreets-fdi",
            "Fonds de développement de l'inclusion (DREETS, consolidation)",
            ETAT,
            "etat",
            {2025: 15_000},
            account="741120",
            earmarked=True,
            schedule=[_inst("balance", 1.0, 6)],
            start="2025-01-01",
            end="2025-12-31",
            conditions="Aide ponctuelle non renouvelée en 2026.",
        ),
        _src(
            "region",
            "Subvention Région – parcours vers l'emploi",
            "Région Auvergne-Rhône-Alpes",
            "region",
            {2025: 40_000, 2026: 40_000, 2027: 40_000},
            account="741210",
            schedule=[_inst("advance", 0.5, 5), _inst("balance", 0.5, 3, 1)],
            start="2025-01-01",
            end="2027-12-31",
            conditions="Avance de 50 % à la signature ; solde sur bilan qualitatif et financier "
            "(versé en mars N+1). En 2026, avance versée en juin au lieu d'avril.",
        ),
        _src(
            "departement",
            "Subvention Département – insertion des allocataires du RSA",
            "Département de la Drôme",
            "departement",
            {2025: 95_000, 2026: 85_500, 2027: 85_500},
            account="741310",
            schedule=[
                _inst("advance", 0.4, 3),
                _inst("instalment", 0.4, 8),
                _inst("balance", 0.2, 4, 1),
            ],
            start="2025-01-01",
            end="2027-12-31",
            conditions="Convention 2026 signée à 90 % de la demande (95 000 €) ; solde de 20 % "
            "après le compte rendu financier (CERFA 15059).",
        ),
        _src(
            "epci",
            "Subvention EPCI – prévention des déchets",
            cc,
            "epci",
            {2025: 45_000, 2026: 48_000, 2027: 48_000},
            account="741410",
            schedule=[_inst("advance", 0.6, 3), _inst("balance", 0.4, 11)],
            start="2025-01-01",
            end="2027-12-31",
        ),
        _src(
            "commune",
            "Subvention de fonctionnement communale",
            "Commune de Loriol-sur-Drôme",
            "commune",
            {2025: 12_000, 2026: 12_000, 2027: 12_000},
            account="741510",
            schedule=[_inst("balance", 1.0, 7)],
        ),
        _src(
            "fse",
            "FSE+ – accompagnement socioprofessionnel",
            "Union européenne – FSE+ (via le Département)",
            "eu_funds",
            {2025: 85_000, 2026: 88_000, 2027: 88_000},
            account="741710",
            earmarked=True,
            schedule=[_inst("balance", 1.0, 11, 1)],
            start="2025-01-01",
            end="2027-12-31",
            conditions="Versé en une fois après contrôle de service fait, environ onze mois "
            "après la clôture de l'opération : la structure préfinance toute l'année.",
        ),
        _src(
            "ademe",
            "Subvention ADEME – réemploi et préparation à la réutilisation",
            "ADEME",
            "other_public",
            {2025: 20_000, 2026: 12_000},
            account="741810",
            earmarked=True,
            schedule=[_inst("advance", 0.5, 6), _inst("balance", 0.5, 4, 1)],
        ),
        _src(
            "fondation",
            "Fondation Réemploi et Territoires",
            "Fondation Réemploi et Territoires",
            "foundation",
            {2025: 25_000, 2026: 38_319},
            account="748110",
            schedule=[_inst("balance", 1.0, 10)],
            conditions="2026 : demande en cours, montant qui équilibre le budget prévisionnel.",
        ),
        _src(
            "boutique",
            "Ventes boutique – objets de réemploi",
            "Clients de la boutique",
            "sales",
            {2025: 248_000, 2026: 255_440, 2027: 260_000},
            account="707100",
        ),
        _src(
            "matieres",
            "Ventes de matières (métaux, textiles)",
            "Récupérateurs",
            "sales",
            {2025: 19_000, 2026: 19_000, 2027: 19_000},
            account="707300",
        ),
        _src(
            "debarras",
            "Prestations – enlèvements et débarras",
            "Particuliers et bailleurs",
            "services",
            {2025: 46_000, 2026: 48_300, 2027: 49_000},
            account="706100",
        ),
        _src(
            "collecte",
            "Convention de collecte en déchetteries",
            cc,
            "public_contracts",
            {2025: 36_000, 2026: 36_000, 2027: 36_000},
            account="706200",
        ),
        _src(
            "ateliers",
            "Ateliers de sensibilisation",
            "Écoles et centres sociaux",
            "services",
            {2025: 6_500, 2026: 6_825, 2027: 7_000},
            account="706300",
        ),
        _src(
            "eco-organismes",
            "Soutiens des éco-organismes au réemploi",
            "Éco-organismes (ameublement, textile)",
            "services",
            {2025: 15_000, 2026: 15_750, 2027: 16_000},
            account="708800",
        ),
        _src(
            "dons",
            "Dons des particuliers",
            "Donateurs",
            "individual_gifts",
            {2025: 9_800, 2026: 10_290, 2027: 10_500},
            account="754100",
        ),
        _src(
            "mecenat",
            "Mécénat d'entreprise locale",
            "Entreprises du Val de Drôme",
            "sponsorship",
            {2025: 6_000, 2026: 6_000, 2027: 6_000},
            account="754200",
        ),
        _src(
            "cotisations",
            "Cotisations des adhérents",
            "180 adhérents",
            "membership_fees",
            {2025: 3_600, 2026: 3_708, 2027: 3_800},
            account="756000",
        ),
        _src(
            "local-commune",
            "Local de stockage mis à disposition",
            "Commune de Loriol-sur-Drôme",
            "in_kind",
            {2025: 6_000, 2026: 6_000},
            account="871000",
        ),
        _src(
            "benevolat",
            "Bénévolat valorisé (4 950 h au SMIC)",
            "45 bénévoles",
            "in_kind",
            {2025: 58_806, 2026: 60_000},
            account="875000",
        ),
    ]
    return {
        "sources": sources,
        "alliances": [
            "Réseau national des ressourceries et recycleries",
            "Fédération régionale de l'IAE",
            "Convention de collecte avec la CC du Val de Drôme",
            "Partenariat avec le centre social des Crozes",
        ],
        "plans": [],
        "accounts": [
            {
                "year": 2025,
                "equity": 317_068.70,
                "dedicated_funds": 0.0,
                "provisions": 18_000.0,
                "long_term_debt": 24_381.38,
                "fixed_assets_net": 85_785.0,
                "current_assets": 144_220.36,
                "current_liabilities": 79_690.14,
                "cash": 209_134.86,
                "overdraft": 0.0,
                "result": 16_455.72,
                "depreciation": 35_615.0,
                "reversals": 0.0,
                "disposals_net": 0.0,
                "cash_charges": 1_005_770.30,
            }
        ],
    }


def _scic() -> dict[str, Any]:
    sources = [
        _src(
            "electricite",
            "Ventes d'électricité (obligation d'achat et contrats locaux)",
            "Acheteurs d'électricité (EDF OA, fournisseur local)",
            "sales",
            {2024: 168_000, 2025: 185_000, 2026: 204_000, 2027: 236_000, 2028: 240_000},
            account="701000",
            schedule=[
                _inst("instalment", 0.25, 2),
                _inst("instalment", 0.25, 5),
                _inst("instalment", 0.25, 8),
                _inst("instalment", 0.25, 11),
            ],
            conditions="Facturation trimestrielle ; 2027 avec la toiture du gymnase.",
        ),
        _src(
            "sobriete",
            "Accompagnement à la sobriété énergétique",
            "Communes de Loudéac Communauté",
            "services",
            {2024: 22_000, 2025: 28_000, 2026: 31_000, 2027: 32_000, 2028: 33_000},
            account="706000",
        ),
        _src(
            "epci-animation",
            "Subvention d'animation du plan climat",
            "Loudéac Communauté Bretagne Centre",
            "epci",
            {2024: 20_000, 2025: 20_000, 2026: 20_000, 2027: 20_000, 2028: 20_000},
            account="741410",
            schedule=[_inst("advance", 0.5, 4), _inst("balance", 0.5, 2, 1)],
        ),
        _src(
            "cotisations-scic",
            "Parts sociales souscrites (capital des sociétaires)",
            "420 sociétaires",
            "members_capital",
            {2024: 38_000, 2025: 52_000, 2026: 45_000, 2027: 60_000},
            account="101300",
            purpose="investment",
            conditions="Parts de 100 € ; rémunération plafonnée ; déductibilité IR (ESUS).",
        ),
        _src(
            "pret-bancaire",
            "Prêts bancaires des centrales solaires",
            "Crédit Coopératif",
            "bank_loan",
            {2024: 300_000, 2027: 150_000},
            account="164000",
            purpose="investment",
            conditions="2024 : 300 000 € sur 15 ans ; 2027 : toiture du gymnase, 150 000 € "
            "sur 15 ans à 3,8 % avec 12 mois de différé.",
        ),
        _src(
            "crowdlending",
            "Financement participatif en prêt",
            "Plateforme de financement participatif (ECSP)",
            "crowdfunding_loan",
            {2025: 80_000, 2027: 50_000},
            account="168100",
            purpose="investment",
            conditions="Prêts des citoyens à 5 % sur 5 ans, plafonnés par prêteur.",
        ),
        _src(
            "region-invest",
            "Subvention d'investissement – énergies renouvelables citoyennes",
            "Région Bretagne",
            "region",
            {2026: 50_000, 2027: 45_000},
            account="131200",
            purpose="investment",
            earmarked=True,
            conditions="Versée sur factures acquittées ; 2027 : toiture du gymnase.",
        ),
    ]
    plan = {
        "name": "Toiture solaire du gymnase de Loudéac (250 kWc)",
        "start_year": 2027,
        "needs": [
            {"category": "investments", "label": "Panneaux, onduleurs et pose", "amount": 275_000},
            {"category": "investments", "label": "Raccordement au réseau", "amount": 18_000},
            {
                "category": "working_capital",
                "label": "Décalage de trésorerie du démarrage",
                "amount": 10_000,
            },
            {"category": "launch_costs", "label": "Études, juridique, animation", "amount": 12_000},
        ],
        "resources": [
            {
                "category": "members_capital",
                "label": "Campagne de souscription 2027",
                "amount": 60_000,
            },
            {"category": "investment_grant", "label": "Région Bretagne", "amount": 45_000},
            {"category": "loan", "label": "Crédit Coopératif, 15 ans, 3,8 %", "amount": 150_000},
            {"category": "crowdfunding", "label": "Prêts citoyens, 5 ans, 5 %", "amount": 50_000},
            {"category": "own_funds", "label": "Autofinancement", "amount": 10_000},
        ],
        "loans": [
            {
                "label": "Crédit Coopératif – toiture du gymnase",
                "principal": 150_000,
                "annual_rate": 0.038,
                "years": 15,
                "periods_per_year": 12,
                "method": "annuity",
                "deferral_periods": 12,
            },
            {
                "label": "Prêts citoyens (plateforme ECSP)",
                "principal": 50_000,
                "annual_rate": 0.05,
                "years": 5,
                "periods_per_year": 1,
                "method": "constant_principal",
                "deferral_periods": 0,
            },
        ],
        # 250 kWc × 1 100 kWh/kWc × 0,115 €/kWh ≈ 31 600 € a year, less 6 100 € of
        # maintenance, insurance and roof rent; 20 years of operation.
        "cash_flows": [-315_000.0] + [25_500.0] * 20,
        "discount_rate": 0.04,
    }
    return {
        "sources": sources,
        "alliances": [
            "Énergie Partagée (mouvement et fonds d'investissement)",
            "Réseau Taranis des énergies citoyennes de Bretagne",
            "Loudéac Communauté Bretagne Centre (sociétaire)",
            "Crédit Coopératif",
        ],
        "plans": [plan],
        "accounts": [
            {
                "year": 2024,
                "equity": 345_000.0,
                "provisions": 4_000.0,
                "long_term_debt": 840_000.0,
                "fixed_assets_net": 1_110_000.0,
                "current_assets": 55_000.0,
                "current_liabilities": 38_000.0,
                "cash": 62_000.0,
                "result": 9_000.0,
                "depreciation": 68_000.0,
                "cash_charges": 125_000.0,
            },
            {
                "year": 2025,
                "equity": 420_000.0,
                "provisions": 5_000.0,
                "long_term_debt": 780_000.0,
                "fixed_assets_net": 1_050_000.0,
                "current_assets": 65_000.0,
                "current_liabilities": 40_000.0,
                "cash": 130_000.0,
                "result": 15_000.0,
                "depreciation": 70_000.0,
                "cash_charges": 140_000.0,
            },
        ],
    }


def section(case: str) -> dict[str, Any] | None:
    """The JSON dict of the funding section for a sample case, or None."""
    if case == "recyclerie":
        return _recyclerie()
    if case == "scic-energie":
        return _scic()
    return None

"""Generate essdiag's sample cases, seeded and byte-reproducible.

Usage (from the repository root)::

    python sample_data/generate.py              # rewrites the files under sample_data/
    python sample_data/generate.py --out DIR    # writes the same tree under DIR

Cases written:

- ``recyclerie/``: « La Ressourcerie des Confluences » (fictive association, ACI,
  Loriol-sur-Drôme): FEC 2025, FEC janvier–octobre 2026, budget prévisionnel 2026
  (XLSX and CSV) and the dossier;
- ``scic-energie/``: « Argoat Énergies Citoyennes » (fictive SCIC, Loudéac): dossier;
- ``blank/``: an empty dossier template.

Amounts are integer cents throughout and every entry is checked to balance
before it is stored. The 2026 actuals are the 2026 budget with a little noise
plus the deliberate deviations of :data:`DEVIATIONS_2026`, documented for
trainers in ``sample_data/recyclerie/README.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import xlsxwriter

SEED = 20140731
"""Seed of the single random generator (the date of the ESS law, for memory)."""

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
if str(REPO_ROOT) not in sys.path:  # run as a script from a source tree
    sys.path.insert(0, str(REPO_ROOT))

from essdiag.budget.template import MONTH_NAMES, TEMPLATE_COLUMNS  # noqa: E402
from essdiag.ledger.fec import FEC_COLUMNS  # noqa: E402 - after the path set-up

YEAR_1 = 2025
YEAR_2 = 2026
CUTOFF_2026 = dt.date(2026, 10, 31)
"""Last day of the interim 2026 extract."""
EXTRACT_2026 = dt.date(2026, 11, 6)
"""Latest validation date in the interim 2026 extract."""
CLOSING_2025 = dt.date(2026, 3, 20)
"""Validation date of the 2025 year-end entries and of the 2026 opening entry."""
CLOSING_2024 = dt.date(2025, 3, 14)


JOURNALS = {
    "AN": "À nouveaux",
    "AC": "Achats",
    "VE": "Ventes",
    "BQ": "Banque compte courant",
    "PA": "Paie",
    "OD": "Opérations diverses",
}
JOURNAL_ORDER = {code: i for i, code in enumerate(JOURNALS)}


# --------------------------------------------------------------------------------------
# Chart of accounts (plan comptable associatif, règlement ANC 2018-06) and third parties
# --------------------------------------------------------------------------------------

ACCOUNTS: dict[str, str] = {
    "102000": "Fonds associatif sans droit de reprise",
    "106800": "Réserves – autres réserves",
    "110000": "Report à nouveau (solde créditeur)",
    "119000": "Report à nouveau (solde débiteur)",
    "120000": "Résultat de l'exercice (excédent)",
    "129000": "Résultat de l'exercice (déficit)",
    "151100": "Provisions pour litiges",
    "153000": "Provisions pour pensions et obligations similaires",
    "164000": "Emprunts auprès des établissements de crédit",
    "213500": "Installations générales, agencements des constructions",
    "215400": "Matériel industriel",
    "218200": "Matériel de transport",
    "218300": "Matériel de bureau et matériel informatique",
    "218400": "Mobilier",
    "275000": "Dépôts et cautionnements versés",
    "281350": "Amortissements des agencements des constructions",
    "281540": "Amortissements du matériel industriel",
    "281820": "Amortissements du matériel de transport",
    "281830": "Amortissements du matériel de bureau et informatique",
    "281840": "Amortissements du mobilier",
    "401000": "Fournisseurs",
    "404000": "Fournisseurs d'immobilisations",
    "408100": "Fournisseurs – factures non parvenues",
    "411000": "Clients",
    "421000": "Personnel – rémunérations dues",
    "428200": "Dettes provisionnées pour congés à payer",
    "431000": "Sécurité sociale (URSSAF)",
    "437200": "Mutuelle",
    "437300": "Caisses de retraite complémentaire",
    "437400": "Prévoyance",
    "441000": "État et collectivités – subventions à recevoir",
    "442100": "Prélèvement à la source (impôt sur le revenu)",
    "447000": "Autres impôts, taxes et versements assimilés",
    "511500": "Cartes bancaires à l'encaissement",
    "512000": "Banque – compte courant",
    "512200": "Banque – livret associatif",
    "530000": "Caisse boutique",
    "606110": "Électricité",
    "606120": "Gaz – chauffage",
    "606130": "Eau",
    "606140": "Carburants",
    "606300": "Petit équipement et outillage",
    "606400": "Fournitures administratives",
    "606800": "Autres fournitures (EPI, emballages)",
    "607000": "Achats de marchandises (pièces détachées, articles neufs)",
    "611000": "Sous-traitance – traitement des déchets non réemployables",
    "613200": "Locations immobilières",
    "613500": "Locations mobilières (véhicules)",
    "615200": "Entretien et réparations des locaux",
    "615500": "Entretien et réparations des véhicules",
    "615600": "Maintenance",
    "616000": "Primes d'assurance",
    "618100": "Documentation générale",
    "618500": "Frais de colloques et séminaires",
    "622600": "Honoraires – expertise comptable",
    "622610": "Honoraires – commissariat aux comptes",
    "622800": "Organismes de formation (salariés en parcours)",
    "623000": "Publicité, publications, communication",
    "624100": "Transports de bennes",
    "625100": "Voyages et déplacements",
    "625700": "Réceptions",
    "626000": "Frais postaux et de télécommunications",
    "627000": "Services bancaires",
    "628100": "Cotisations (réseaux et fédérations)",
    "628800": "Prestations diverses (nettoyage)",
    "631100": "Taxe sur les salaires",
    "633300": "Participation à la formation professionnelle continue",
    "635120": "Taxes foncières",
    "641100": "Salaires – personnel permanent",
    "641110": "Salaires – salariés en insertion (CDDI)",
    "641200": "Congés payés (variation de la provision)",
    "645100": "Cotisations à l'URSSAF",
    "645200": "Cotisations aux mutuelles",
    "645300": "Cotisations aux caisses de retraite complémentaire",
    "645800": "Cotisations aux autres organismes sociaux (prévoyance)",
    "647100": "Titres-restaurant – part patronale",
    "647500": "Médecine du travail",
    "651000": "Redevances pour logiciels",
    "661100": "Intérêts des emprunts",
    "671200": "Pénalités et amendes",
    "681100": "Dotations aux amortissements des immobilisations",
    "681500": "Dotations aux provisions pour risques et charges",
    "706100": "Prestations – enlèvements et débarras",
    "706200": "Prestations – collecte en déchetteries (convention EPCI)",
    "706300": "Prestations – ateliers de sensibilisation",
    "707100": "Ventes boutique – objets de réemploi",
    "707300": "Ventes de matières (métaux, textiles)",
    "708800": "Soutiens des éco-organismes au réemploi",
    "741110": "Subv. État – aide au poste ACI (ASP)",
    "741120": "Subv. État – DREETS, fonds de développement de l'inclusion",
    "741210": "Subv. Région Auvergne-Rhône-Alpes",
    "741310": "Subv. Département de la Drôme",
    "741410": "Subv. CC du Val de Drôme en Biovallée",
    "741510": "Subv. Commune de Loriol-sur-Drôme",
    "741710": "Subv. fonds européens – FSE+",
    "741810": "Subv. ADEME",
    "748110": "Aides privées – fondations",
    "754100": "Dons manuels",
    "754200": "Mécénat d'entreprises",
    "756000": "Cotisations des adhérents",
    "758000": "Produits divers de gestion courante",
    "768000": "Autres produits financiers (intérêts du livret)",
    "781500": "Reprises sur provisions pour risques et charges",
    "791000": "Transferts de charges d'exploitation (OPCO)",
    "861000": "Mise à disposition gratuite de biens",
    "864000": "Personnel bénévole",
    "871000": "Prestations en nature",
    "875000": "Bénévolat",
}

SUPPLIERS: dict[str, str] = {
    "F001": "Volta Énergie",
    "F002": "Gaz des Vallées",
    "F003": "Régie des eaux du Val",
    "F004": "Station Route 7 – carte carburant",
    "F005": "Outillage Pro Drôme",
    "F006": "Brico Confluence",
    "F007": "Quincaillerie Bertrand",
    "F008": "Papeterie du Centre",
    "F009": "Protec EPI Sud",
    "F010": "Emballages de la Vallée",
    "F011": "Pièces Électroménager Service",
    "F012": "Environnement Services Drôme",
    "F013": "SCI Les Crozes",
    "F014": "Loc'Utilitaires Valence",
    "F015": "Bâti Services Loriol",
    "F016": "Garage du Pont",
    "F017": "Infoservices 26",
    "F018": "Assurances Solidaires Mutuelles",
    "F019": "Librairie du Val",
    "F020": "Réseau Réemploi AURA",
    "F021": "Cabinet comptable du Val",
    "F022": "Cabinet d'audit Durance",
    "F023": "Avenir Compétences (formation)",
    "F024": "Formations Sécurité Drôme",
    "F025": "Imprimerie de la Vallée",
    "F026": "Transports Bennes Dauphiné",
    "F027": "Agence Voyages Solidaires",
    "F028": "Traiteur Les Saveurs",
    "F029": "Télécom Opérateur Sud",
    "F030": "Affranchissement Services",
    "F031": "Fédération régionale de l'IAE",
    "F032": "Propreté Services Valentinois",
    "F033": "Logiciels Associatifs SaaS",
    "F034": "Santé Travail Vallée",
    "F035": "Ticket Repas Services",
    "F036": "Agencements Rayonnages Sud",
    "F039": "Trésor public – amendes",
}

SURNAMES = (
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Faure",
    "André",
    "Mercier",
)

INDIVIDUALS: dict[str, str] = {
    f"C1{i + 1:03d}": f"{'M.' if i % 2 == 0 else 'Mme'} {name}" for i, name in enumerate(SURNAMES)
}

CLIENTS: dict[str, str] = {
    "C0001": "CC du Val de Drôme en Biovallée",
    "C0101": "Habitat des Vallées (bailleur social)",
    "C0102": "Office Rhône-Drôme Logement",
    "C0103": "Transports Vernet",
    "C0104": "Résidence seniors Les Tilleuls",
    "C0105": "Agence immobilière du Centre",
    "C0201": "Récupération Métaux Rhône",
    "C0202": "Textiles Recyclage Sud",
    "C0301": "Éco-organisme filière ameublement",
    "C0302": "Éco-organisme filière textile",
    "C0401": "Collège des Ramières",
    "C0402": "École élémentaire du Bourg",
    "C0403": "Centre social des Crozes",
    "C0404": "Médiathèque intercommunale",
    **INDIVIDUALS,
}

FUNDERS: dict[str, str] = {
    "SUBETAT": "État – DREETS Auvergne-Rhône-Alpes",
    "SUBREG": "Région Auvergne-Rhône-Alpes",
    "SUBDEP": "Département de la Drôme",
    "SUBCCVD": "CC du Val de Drôme en Biovallée",
    "SUBCOM": "Commune de Loriol-sur-Drôme",
    "SUBFSE": "FSE+ (Union européenne)",
    "SUBADEME": "ADEME",
}

AUX: dict[str, str] = {**SUPPLIERS, **CLIENTS, **FUNDERS}

# --------------------------------------------------------------------------------------
# Monthly profiles (relative weights, January to December)
# --------------------------------------------------------------------------------------

SEASONS: dict[str, tuple[float, ...]] = {
    "flat": (1,) * 12,
    # shop: strong in spring and autumn, closed the first half of August
    "shop": (0.78, 0.85, 1.08, 1.18, 1.20, 1.08, 0.92, 0.55, 1.10, 1.20, 1.10, 0.96),
    "elec": (1.45, 1.35, 1.10, 0.90, 0.75, 0.68, 0.70, 0.55, 0.75, 0.95, 1.25, 1.45),
    "gas": (2.10, 1.90, 1.30, 0.70, 0.25, 0.05, 0.0, 0.0, 0.20, 0.80, 1.60, 2.00),
    "fuel": (0.95, 0.95, 1.0, 1.05, 1.10, 1.10, 1.05, 0.70, 1.05, 1.05, 1.0, 1.0),
    # removals and house clearances: moves in late spring and summer
    "move": (0.70, 0.75, 0.95, 1.05, 1.20, 1.25, 1.20, 0.80, 1.15, 1.05, 0.95, 0.95),
    "school": (1.2, 1.1, 1.2, 1.1, 1.2, 1.0, 0.2, 0.0, 1.0, 1.2, 1.2, 0.8),
    "summer_low": (1, 1, 1, 1, 1, 1, 0.9, 0.6, 1, 1, 1, 1),
    "donations": (0.7, 0.6, 0.7, 0.6, 0.7, 0.7, 0.5, 0.4, 0.6, 0.8, 1.2, 3.0),
    "membership": (3.5, 2.0, 1.0, 0.3, 0.3, 2.5, 0.1, 0.1, 0.6, 0.3, 0.2, 0.1),
    "quarter_end": (0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1),
    "quarter_start": (1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0),
    "december": (0,) * 11 + (1,),
}


def _months(**weights: float) -> tuple[float, ...]:
    """A 12-month profile from a few named months (``jan=1, sep=2``)."""
    keys = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    unknown = set(weights) - set(keys)
    if unknown:
        raise ValueError(f"unknown months: {sorted(unknown)}")
    return tuple(float(weights.get(k, 0.0)) for k in keys)


Instalment = tuple[int, int, float, int]
"""(month, day, share of the year's grant, days until the money arrives)."""


@dataclass(frozen=True)
class Spec:
    """One charge or income account of the plan, and how it is posted.

    ``kind`` says how entries are generated: ``supplier`` (AC invoice then BQ
    payment), ``client`` (VE invoice then BQ receipt), ``receipt`` (BQ credit),
    ``bank`` (BQ debit), ``grant`` (OD on 441 then BQ receipt), ``yearend`` (OD
    on 31 December against ``counterpart``), ``cvn`` (86/87 pair) or ``shop``.
    Amounts are euros for the 2025 actuals; the 2026 budget is ``amount_2026``
    or ``amount_2025 × growth`` rounded to the euro.
    """

    account: str
    kind: str
    amount_2025: int
    growth: float = 1.02
    amount_2026: int | None = None
    season: str | tuple[float, ...] = "flat"
    sigma: float = 0.0
    parties: tuple[str, ...] = ()
    per_month: tuple[int, int] = (1, 1)
    lag: tuple[int, int] = (20, 40)
    day: int = 0
    analytic: tuple[tuple[str, float], ...] = (("STRUCT", 1.0),)
    funder: str = ""
    label: str = ""
    fnp: int = 0
    counterpart: str = ""
    schedule: tuple[Instalment, ...] = ()
    schedule_2026: tuple[Instalment, ...] = ()
    actual_schedule_2026: tuple[Instalment, ...] = ()

    def budget_2026(self) -> int:
        """The 2026 budget in euros."""
        if self.amount_2026 is not None:
            return self.amount_2026
        return round(self.amount_2025 * self.growth)

    def weights(self, year: int, *, actual: bool) -> tuple[float, ...]:
        """Monthly weights for this account in ``year``."""
        if self.kind == "grant":
            return _schedule_weights(self.instalments(year, actual=actual))
        if isinstance(self.season, str):
            return SEASONS[self.season]
        return self.season

    def instalments(self, year: int, *, actual: bool) -> tuple[Instalment, ...]:
        """The grant's instalments in ``year`` (budget or actual)."""
        if year == YEAR_1:
            return self.schedule
        budget = self.schedule_2026 or self.schedule
        if actual and self.actual_schedule_2026:
            return self.actual_schedule_2026
        return budget


def _schedule_weights(schedule: Sequence[Instalment]) -> tuple[float, ...]:
    weights = [0.0] * 12
    for month, _day, share, _lag in schedule:
        weights[month - 1] += share
    return tuple(weights)


RECY = "RECY"
ACI = "ACI"
STRUCT = "STRUCT"
ANALYTIC_CODES = {
    RECY: "Recyclerie : collecte, tri, boutique",
    ACI: "Atelier et chantier d'insertion",
    STRUCT: "Structure : direction, administration, vie associative",
}

ETAT_ASP = "État – Ministère du Travail (aide au poste ACI versée par l'ASP)"
BALANCING_ACCOUNT = "748110"
"""The 2026 budget is balanced on the foundation grant being applied for."""

# fmt: off
SPECS: tuple[Spec, ...] = (
    # 60 Achats
    Spec("606110", "supplier", 26_000, 1.04, season="elec", sigma=0.05, parties=("F001",),
         lag=(10, 15), analytic=((RECY, 0.45), (ACI, 0.45), (STRUCT, 0.10)),
         label="Facture d'électricité"),
    Spec("606120", "supplier", 8_200, 1.04, season="gas", sigma=0.05, parties=("F002",),
         lag=(10, 15), analytic=((RECY, 0.5), (ACI, 0.5)), label="Facture de gaz"),
    Spec("606130", "supplier", 2_300, 1.03, season="quarter_end", sigma=0.05, parties=("F003",),
         label="Facture d'eau"),
    Spec("606140", "supplier", 17_500, season="fuel", sigma=0.05, parties=("F004",), lag=(5, 10),
         analytic=((ACI, 1.0),), label="Relevé carte carburant"),
    Spec("606300", "supplier", 16_000, sigma=0.15, parties=("F005", "F006", "F007"),
         per_month=(2, 5), lag=(20, 45), analytic=((ACI, 1.0),),
         label="Petit équipement et outillage"),
    Spec("606400", "supplier", 3_200, sigma=0.15, parties=("F008",), per_month=(1, 2),
         label="Fournitures de bureau"),
    Spec("606800", "supplier", 12_000, sigma=0.15, parties=("F009", "F010"), per_month=(1, 3),
         lag=(20, 45), analytic=((ACI, 1.0),), label="EPI et emballages"),
    Spec("607000", "supplier", 12_000, season="shop", sigma=0.10, parties=("F011",),
         per_month=(1, 3), lag=(20, 45), analytic=((RECY, 1.0),),
         label="Pièces détachées et articles neufs"),
    # 61 Services extérieurs
    Spec("611000", "supplier", 28_000, 1.03, season="move", sigma=0.08, parties=("F012",),
         per_month=(2, 3), lag=(30, 45), analytic=((ACI, 1.0),),
         label="Évacuation et traitement des déchets non réemployables"),
    Spec("613200", "supplier", 66_000, 1.025, parties=("F013",), lag=(0, 3), day=2,
         analytic=((RECY, 0.5), (ACI, 0.4), (STRUCT, 0.1)),
         label="Loyer entrepôt et boutique, ZA des Crozes"),
    Spec("613500", "supplier", 18_000, parties=("F014",), lag=(5, 10), day=3,
         analytic=((ACI, 1.0),), label="Location de deux camions"),
    Spec("615200", "supplier", 5_200, sigma=0.30, parties=("F015",), per_month=(1, 2),
         lag=(30, 45), label="Entretien des locaux"),
    Spec("615500", "supplier", 14_000, sigma=0.20, parties=("F016",), per_month=(1, 3),
         analytic=((ACI, 1.0),), label="Entretien et réparation des véhicules"),
    Spec("615600", "supplier", 3_000, parties=("F017",), lag=(5, 15), day=5,
         label="Maintenance informatique et caisse"),
    Spec("616000", "supplier", 14_000, 1.03, season="quarter_start", parties=("F018",),
         lag=(5, 15), day=6, label="Prime d'assurance trimestrielle"),
    Spec("618100", "supplier", 480, 1.0, season=_months(jan=1, sep=1), parties=("F019",),
         label="Documentation et abonnements"),
    Spec("618500", "supplier", 1_400, 1.0, season=_months(may=1, nov=1), parties=("F020",),
         label="Rencontres du réseau des ressourceries"),
    # 62 Autres services extérieurs
    Spec("622600", "supplier", 13_300, season=(9,) * 11 + (34,), parties=("F021",), day=25,
         fnp=2_500, label="Honoraires d'expertise comptable"),
    Spec("622610", "supplier", 5_800, season=_months(sep=26, dec=32), parties=("F022",),
         lag=(30, 45), fnp=3_200, label="Honoraires du commissaire aux comptes"),
    Spec("622800", "supplier", 24_000, season="summer_low", sigma=0.20, parties=("F023", "F024"),
         per_month=(1, 2), lag=(30, 60), analytic=((ACI, 1.0),),
         label="Formation des salariés en parcours"),
    Spec("623000", "supplier", 3_600, sigma=0.30, parties=("F025",), analytic=((RECY, 1.0),),
         label="Affiches, flyers et signalétique"),
    Spec("624100", "supplier", 8_000, season="move", sigma=0.15, parties=("F026",),
         per_month=(1, 2), lag=(30, 45), analytic=((ACI, 1.0),), label="Transport de bennes"),
    Spec("625100", "supplier", 5_000, sigma=0.25, parties=("F027",), per_month=(1, 2),
         lag=(10, 30), label="Déplacements"),
    Spec("625700", "supplier", 1_700, 1.0, season=_months(mar=1, jun=5, sep=1, dec=3),
         parties=("F028",), label="Réception (AG, fête de fin d'année)"),
    Spec("626000", "supplier", 4_300, sigma=0.05, parties=("F029", "F030"), per_month=(2, 2),
         lag=(5, 15), label="Téléphone, internet et affranchissement"),
    Spec("627000", "bank", 1_080, 1.0, day=28, label="Frais bancaires"),
    Spec("628100", "supplier", 3_500, 1.03, season=_months(jan=6, mar=4), parties=("F031",),
         label="Cotisations aux réseaux et fédérations"),
    Spec("628800", "supplier", 9_600, 1.03, parties=("F032",), day=27, analytic=((RECY, 1.0),),
         label="Nettoyage des locaux"),
    # 63 Impôts et taxes (633300 comes from the payroll)
    Spec("631100", "yearend", 4_600, season="december", counterpart="447000",
         label="Taxe sur les salaires de l'exercice"),
    Spec("635120", "supplier", 1_900, 1.03, season=_months(oct=1), parties=("F013",),
         label="Taxe foncière refacturée par le bailleur"),
    # 64 Charges de personnel (salaries and contributions come from the payroll)
    Spec("641200", "yearend", 2_400, amount_2026=2_500, season="december",
         counterpart="428200", label="Variation de la provision pour congés payés"),
    Spec("647100", "supplier", 22_000, 1.03, season="summer_low", sigma=0.03,
         parties=("F035",), lag=(5, 10), analytic=((ACI, 0.7), (STRUCT, 0.2), (RECY, 0.1)),
         label="Titres-restaurant, part patronale"),
    Spec("647500", "supplier", 3_600, 1.03, season=_months(feb=6, sep=4), parties=("F034",),
         label="Service de santé au travail"),
    # 65 to 68
    Spec("651000", "supplier", 2_640, 1.03, parties=("F033",), lag=(0, 5), day=4,
         label="Abonnements logiciels (caisse, comptabilité, paie)"),
    Spec("671200", "supplier", 135, amount_2026=0, season=_months(may=1), parties=("F039",),
         lag=(10, 20), label="Amende de stationnement (camion)"),
    Spec("681500", "yearend", 3_000, 1.0, season="december", counterpart="153000",
         label="Provision pour indemnités de départ à la retraite"),
    # 86 Emplois des contributions volontaires en nature (87 mirrors them, see CVN_PAIRS)
    Spec("864000", "cvn", 58_806, amount_2026=60_000, season="december", counterpart="875000",
         analytic=((RECY, 1.0),), label="Valorisation du bénévolat (4 950 h au SMIC)"),
    Spec("861000", "cvn", 6_000, 1.0, season="december", counterpart="871000",
         analytic=((RECY, 1.0),), label="Local de stockage mis à disposition par la commune"),
    # 70 Ventes et prestations
    Spec("706100", "client", 46_000, 1.05, season="move", sigma=0.08,
         parties=(*INDIVIDUALS, "C0101", "C0102", "C0103", "C0104", "C0105"),
         per_month=(3, 7), lag=(0, 15), analytic=((ACI, 1.0),), label="Enlèvement et débarras"),
    Spec("706200", "client", 36_000, 1.0, parties=("C0001",), lag=(35, 55), day=28,
         analytic=((RECY, 1.0),), label="Convention de collecte en déchetteries"),
    Spec("706300", "client", 6_500, 1.05, season="school", sigma=0.20,
         parties=("C0401", "C0402", "C0403", "C0404"), lag=(30, 60), analytic=((RECY, 1.0),),
         label="Atelier de sensibilisation au réemploi"),
    Spec("707100", "shop", 248_000, 1.03, season="shop", sigma=0.04, analytic=((RECY, 1.0),),
         label="Ventes boutique"),
    Spec("707300", "client", 19_000, 1.0, sigma=0.15, parties=("C0201", "C0202"),
         per_month=(1, 2), analytic=((RECY, 1.0),), label="Vente de matières au poids"),
    Spec("708800", "client", 15_000, 1.05, season="quarter_end", sigma=0.10,
         parties=("C0301", "C0302"), per_month=(2, 2), lag=(45, 75), analytic=((RECY, 1.0),),
         label="Soutien au réemploi du trimestre"),
    # 74 Subventions d'exploitation, by funder (see README: 741F = public funder F)
    Spec("741110", "receipt", 314_000, sigma=0.02, day=8, analytic=((ACI, 1.0),),
         funder=ETAT_ASP, label="ASP – aide au poste ACI"),
    Spec("741120", "grant", 15_000, amount_2026=0, parties=("SUBETAT",),
         schedule=((5, 20, 1.0, 36),), analytic=((ACI, 1.0),),
         funder="État – DREETS (fonds de développement de l'inclusion)",
         label="Subvention FDI consolidation"),
    Spec("741210", "grant", 40_000, 1.0, parties=("SUBREG",),
         schedule=((4, 15, 0.5, 27), (12, 31, 0.5, 69)),
         actual_schedule_2026=((6, 16, 0.5, 24), (12, 31, 0.5, 69)),
         analytic=((ACI, 1.0),), funder="Région Auvergne-Rhône-Alpes",
         label="Subvention Région – parcours vers l'emploi"),
    Spec("741310", "grant", 95_000, 1.0, parties=("SUBDEP",),
         schedule=((3, 3, 0.4, 25), (7, 7, 0.4, 29), (12, 31, 0.2, 100)),
         analytic=((ACI, 1.0),), funder="Département de la Drôme",
         label="Subvention Département – insertion des allocataires du RSA"),
    Spec("741410", "grant", 45_000, amount_2026=48_000, parties=("SUBCCVD",),
         schedule=((2, 10, 0.6, 38), (10, 6, 0.4, 39)), analytic=((RECY, 1.0),),
         funder="CC du Val de Drôme en Biovallée", label="Subvention EPCI – prévention des déchets"),
    Spec("741510", "grant", 12_000, 1.0, parties=("SUBCOM",), schedule=((6, 2, 1.0, 31),),
         funder="Commune de Loriol-sur-Drôme", label="Subvention de fonctionnement communale"),
    Spec("741710", "grant", 85_000, amount_2026=88_000, parties=("SUBFSE",),
         schedule=((12, 31, 1.0, 324),), analytic=((ACI, 1.0),),
         funder="Union européenne – FSE+ (via le Département)",
         label="FSE+ – accompagnement socioprofessionnel"),
    Spec("741810", "grant", 20_000, amount_2026=12_000, parties=("SUBADEME",),
         schedule=((6, 10, 0.7, 40), (12, 31, 0.3, 135)),
         schedule_2026=((5, 12, 0.5, 40), (12, 31, 0.5, 120)), analytic=((RECY, 1.0),),
         funder="ADEME", label="Subvention ADEME – réemploi et préparation à la réutilisation"),
    Spec(BALANCING_ACCOUNT, "receipt", 25_000, season=_months(oct=1),
         funder="Fondation Réemploi et Territoires", label="Fondation Réemploi et Territoires"),
    # 75 to 79
    Spec("754100", "receipt", 9_800, 1.05, season="donations", sigma=0.20, per_month=(1, 2),
         label="Dons des particuliers"),
    Spec("754200", "receipt", 6_000, 1.0, season=_months(mar=1, nov=1),
         label="Mécénat d'entreprise locale"),
    Spec("756000", "receipt", 3_600, 1.03, season="membership", sigma=0.10, per_month=(1, 3),
         label="Remise de chèques – cotisations"),
    Spec("758000", "receipt", 1_500, amount_2026=0, season=_months(apr=1),
         label="Indemnité d'assurance (dégât des eaux)"),
    Spec("768000", "yearend", 1_050, amount_2026=950, season="december", counterpart="512200",
         label="Intérêts du livret associatif"),
    Spec("781500", "yearend", 2_000, amount_2026=0, season="december", counterpart="151100",
         label="Reprise de provision pour litige prud'homal (accord transactionnel)"),
    Spec("791000", "receipt", 9_500, 1.0, season=_months(apr=40, sep=34, dec=26),
         analytic=((ACI, 1.0),), label="OPCO – prise en charge de formations"),
)
# fmt: on

SPEC_BY_ACCOUNT = {s.account: s for s in SPECS}
CVN_PAIRS = {s.account: s.counterpart for s in SPECS if s.kind == "cvn"}

# Payroll model: 8 permanent staff (7.9 FTE) and 17 employees in insertion (CDDI, 28 h).
PERMANENT_GROSS_MONTH = {2024: 19_450_00, 2025: 19_830_00, 2026: 20_325_75}
INSERTION_GROSS_MONTH = {2024: 24_028_00, 2025: 24_504_48, 2026: 24_945_56}
MUTUELLE_MONTH = {2024: 1_250_00, 2025: 1_250_00, 2026: 1_300_00}
EMPLOYER_RATES = {  # (permanent, insertion)
    "645100": (0.25, 0.03),
    "645300": (0.06, 0.01),
    "645800": (0.015, 0.0),
    "633300": (0.01, 0.01),
}
EMPLOYEE_RATES = {"431000": (0.145, 0.13), "437300": (0.04, 0.04), "437400": (0.005, 0.0)}
PAS_RATES = (0.03, 0.004)
PAYROLL_ANALYTIC: dict[str, tuple[tuple[str, float], ...]] = {
    "641100": ((STRUCT, 0.41), (ACI, 0.48), (RECY, 0.11)),
    "641110": ((ACI, 1.0),),
    "645100": ((STRUCT, 0.30), (ACI, 0.62), (RECY, 0.08)),
    "645200": ((STRUCT, 1.0),),
    "645300": ((STRUCT, 0.30), (ACI, 0.62), (RECY, 0.08)),
    "645800": ((STRUCT, 0.41), (ACI, 0.48), (RECY, 0.11)),
    "633300": ((STRUCT, 1.0),),
    "661100": ((STRUCT, 1.0),),
    "681100": ((STRUCT, 0.2), (ACI, 0.5), (RECY, 0.3)),
}

# Fixed assets: (asset, depreciation account, 2025 allowance, 2026 allowance), euros.
DEPRECIATION = (
    ("213500", "281350", 4_500, 4_500),
    ("215400", "281540", 4_750, 4_750),
    ("218200", "281820", 19_000, 19_000),
    ("218300", "281830", 3_500, 1_500),
    ("218400", "281840", 2_865, 3_040),
)
SHELVING = (dt.date(2025, 3, 14), 8_400_00, "F036")

LOAN_START = (36_000_00, 0.032, 36)
"""Outstanding capital on 1 January 2025, annual rate, remaining monthly payments."""

# Opening balance on 1 January 2025 (euros; + debit, − credit). 110000 is computed.
OPENING_2025: tuple[tuple[str, str, int], ...] = (
    ("102000", "", -30_000),
    ("106800", "", -40_000),
    ("120000", "", -9_850),
    ("151100", "", -5_000),
    ("153000", "", -12_000),
    ("164000", "", -36_000),
    ("213500", "", 45_000),
    ("215400", "", 38_000),
    ("218200", "", 95_000),
    ("218300", "", 14_000),
    ("218400", "", 22_000),
    ("275000", "", 9_000),
    ("281350", "", -18_000),
    ("281540", "", -20_000),
    ("281820", "", -52_000),
    ("281830", "", -9_000),
    ("281840", "", -12_000),
    ("401000", "F001", -2_310),
    ("401000", "F004", -1_420),
    ("401000", "F005", -640),
    ("401000", "F012", -2_480),
    ("401000", "F021", -900),
    ("401000", "F035", -1_850),
    ("411000", "C0001", 6_000),
    ("411000", "C0101", 1_640),
    ("411000", "C0201", 1_380),
    ("411000", "C0301", 2_250),
    ("411000", "C0302", 1_500),
    ("411000", "C1004", 420),
    ("428200", "", -31_000),
    ("441000", "SUBDEP", 19_000),
    ("441000", "SUBFSE", 80_000),
    ("441000", "SUBREG", 20_000),
    ("447000", "", -4_400),
    ("512000", "", 118_000),
    ("512200", "", 60_000),
    ("530000", "", 600),
)
OPENING_RECEIPTS_2025 = {  # grants receivable at 1/1/2025: date of payment
    "SUBREG": dt.date(2025, 3, 14),
    "SUBDEP": dt.date(2025, 4, 10),
    "SUBFSE": dt.date(2025, 7, 17),
}
# Invoices not received at 31/12/2024: (account, supplier, euros, label, invoice date)
FNP_2024 = (
    ("622600", "F021", 2_400, "Honoraires – travaux de clôture 2024", dt.date(2025, 2, 20)),
    ("622610", "F022", 3_100, "Honoraires CAC – audit des comptes 2024", dt.date(2025, 3, 25)),
)

DEVIATIONS_2026: dict[str, str] = {
    "606110": "× 1,18 : nouveau contrat d'électricité au 1er janvier 2026",
    "606120": "× 1,18 : nouveau contrat de gaz au 1er janvier 2026",
    "707100": "× 1,06 : ventes boutique au-dessus du budget (nouvel espace mobilier)",
    "741310": "× 0,90 : convention Département signée à 90 % de la demande",
    "741110": "× 0,96 : postes d'insertion occupés à 96 % (aide au poste)",
    "641110": "× 0,96 : salaires en insertion, même cause",
    "615500": "+ 6 800 € en juin : réparation de l'embrayage et de la benne du camion",
    "741210": "avance de la Région versée en juin au lieu d'avril (décalage)",
}
FACTORS_2026 = {
    "606110": 1.18,
    "606120": 1.18,
    "707100": 1.06,
    "741310": 0.90,
    "741110": 0.96,
}
INSERTION_FACTOR_2026 = 0.96
NOISE_SCALE = {YEAR_1: 1.0, YEAR_2: 0.5}
"""2026 noise is halved so that only the deliberate deviations stand out."""
TRUCK_REPAIR_2026 = (6, 6_800_00)

# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def luhn_check_digit(prefix: str) -> str:
    """The digit that makes ``prefix + digit`` pass the Luhn checksum.

    Example:
        >>> luhn_check_digit("73282932")
        '0'
    """
    for digit in "0123456789":
        candidate = prefix + digit
        total = 0
        for i, ch in enumerate(reversed(candidate)):
            d = int(ch) * (2 if i % 2 == 1 else 1)
            total += d - 9 if d > 9 else d
        if total % 10 == 0:
            return digit
    raise AssertionError("unreachable: one digit always completes a Luhn number")


def fictional_siren(prefix8: str) -> str:
    """A 9-digit SIREN passing the Luhn check (fictional)."""
    return prefix8 + luhn_check_digit(prefix8)


def head_office_siret(siren: str, nic4: str = "0001") -> str:
    """A 14-digit SIRET of ``siren`` passing the Luhn check."""
    return siren + nic4 + luhn_check_digit(siren + nic4)


def fmt_cents(cents: int) -> str:
    """FEC amount: decimal comma, no thousands separator.

    Example:
        >>> fmt_cents(123456), fmt_cents(5), fmt_cents(0)
        ('1234,56', '0,05', '0,00')
    """
    if cents < 0:
        raise ValueError("FEC amounts are written as positive debits or credits")
    return f"{cents // 100},{cents % 100:02d}"


def phase(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` cents over the weights, largest remainder first.

    Example:
        >>> phase(1000, (1, 1, 1))
        [334, 333, 333]
    """
    w = np.asarray(weights, dtype=float)
    if total == 0 or w.sum() == 0:
        return [0] * len(w)
    raw = total * w / w.sum()
    base = np.floor(raw).astype(np.int64)
    rest = total - int(base.sum())
    order = np.argsort(-(raw - base), kind="stable")
    for i in order[:rest]:
        base[i] += 1
    return [int(x) for x in base]


HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
"""Fixed public holidays (month, day); movable ones are ignored."""


def business_day(day: dt.date) -> dt.date:
    """The same day, or the next weekday that is not a fixed public holiday."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += dt.timedelta(days=1)
    return day


def month_end(year: int, month: int) -> dt.date:
    """Last calendar day of the month."""
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def last_business_day(year: int, month: int) -> dt.date:
    """Last weekday of the month."""
    day = month_end(year, month)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def business_days(year: int, month: int) -> list[dt.date]:
    """Weekdays of a month."""
    first = dt.date(year, month, 1)
    days = (first + dt.timedelta(days=i) for i in range(month_end(year, month).day))
    return [d for d in days if d.weekday() < 5 and (d.month, d.day) not in HOLIDAYS]


def in_month(year: int, month: int, day: int) -> dt.date:
    """Business day on or after ``day`` of the month, staying in the month."""
    wanted = business_day(dt.date(year, month, min(day, month_end(year, month).day)))
    return wanted if wanted.month == month else last_business_day(year, month)


def split_amount(total: int, count: int, rng: np.random.Generator) -> list[int]:
    """Split ``total`` cents into ``count`` positive random parts."""
    count = max(1, min(count, total // 500 or 1))
    if count == 1:
        return [total]
    weights = rng.dirichlet(np.full(count, 3.0))
    parts = [int(x) for x in np.floor(weights * total)]
    parts[-1] += total - sum(parts)
    return [p for p in parts if p > 0]


def noisy(months: Sequence[int], sigma: float, rng: np.random.Generator) -> list[int]:
    """Months multiplied by (1 + N(0, sigma)), rounded to the cent."""
    if sigma == 0:
        return list(months)
    shocks = rng.normal(0.0, sigma, size=len(months))
    return [max(0, round(float(m * (1 + s)))) for m, s in zip(months, shocks, strict=True)]


# --------------------------------------------------------------------------------------
# The ledger
# --------------------------------------------------------------------------------------


@dataclass
class Line:
    """One FEC line: an account, optional auxiliary account, debit or credit."""

    account: str
    debit: int = 0
    credit: int = 0
    aux: str = ""
    match: str = ""


def deb(account: str, amount: int, aux: str = "", match: str = "") -> Line:
    """A debit line."""
    return Line(account, debit=amount, aux=aux, match=match)


def cre(account: str, amount: int, aux: str = "", match: str = "") -> Line:
    """A credit line."""
    return Line(account, credit=amount, aux=aux, match=match)


@dataclass
class Entry:
    """One balanced accounting entry (one EcritureNum)."""

    journal: str
    date: dt.date
    piece: str
    label: str
    lines: list[Line]
    piece_date: dt.date
    valid: dt.date | None = None
    seq: int = 0


@dataclass
class Ledger:
    """All the entries of the simulation, both years."""

    entries: list[Entry] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(
        self,
        journal: str,
        date: dt.date,
        piece: str,
        label: str,
        lines: list[Line],
        *,
        piece_date: dt.date | None = None,
        valid: dt.date | None = None,
    ) -> None:
        """Store an entry after checking it balances; zero lines are dropped."""
        kept = [ln for ln in lines if ln.debit or ln.credit]
        for ln in kept:
            if ln.account not in ACCOUNTS or ln.debit < 0 or ln.credit < 0:
                raise ValueError(f"bad line {ln} in {label!r}")
            if ln.aux and ln.aux not in AUX:
                raise ValueError(f"unknown auxiliary account {ln.aux!r}")
        if not kept:
            return
        if sum(ln.debit for ln in kept) != sum(ln.credit for ln in kept):
            raise ValueError(f"unbalanced entry {label!r} on {date}")
        self.entries.append(
            Entry(journal, date, piece, label, kept, piece_date or date, valid, len(self.entries))
        )

    def next_number(self, key: str) -> int:
        """A running number for piece references."""
        self.counters[key] += 1
        return self.counters[key]

    def purchase(
        self,
        date: dt.date,
        account: str,
        amount: int,
        *,
        supplier: str,
        pay_on: dt.date,
        label: str,
        payable: str = "401000",
    ) -> None:
        """A supplier invoice (AC) and its payment (BQ)."""
        n = self.next_number(supplier)
        key = f"{supplier}-{date.year}-{n}"
        piece = f"«{supplier}-{date:%y}#{n}»"
        text = f"{label} – {AUX[supplier]}"
        self.add(
            "AC", date, piece, text, [deb(account, amount), cre(payable, amount, supplier, key)]
        )
        self.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"Virement {AUX[supplier]} {piece}",
            [deb(payable, amount, supplier, key), cre("512000", amount)],
        )

    def sale(
        self,
        date: dt.date,
        account: str,
        amount: int,
        *,
        client: str,
        paid_on: dt.date,
        label: str,
    ) -> None:
        """A client invoice (VE) and its receipt (BQ)."""
        n = self.next_number(f"FA{date.year}")
        key = f"FA{date.year}-{n}"
        piece = f"«FA{date.year}-#{n}»"
        self.add(
            "VE",
            date,
            piece,
            f"{label} – {AUX[client]}",
            [deb("411000", amount, client, key), cre(account, amount)],
        )
        self.add(
            "BQ",
            paid_on,
            f"REL-{paid_on:%Y-%m}",
            f"Règlement {AUX[client]} {piece}",
            [deb("512000", amount), cre("411000", amount, client, key)],
        )


# --------------------------------------------------------------------------------------
# Monthly plans: 2025 actual targets, 2026 budget, then actuals
# --------------------------------------------------------------------------------------


def payroll_entry(perm: int, ins: int, mutuelle: int) -> tuple[dict[str, int], dict[str, int]]:
    """Debits and credits of a month's payroll from gross salaries (cents)."""
    debits = {"641100": perm, "641110": ins}
    for account, (rp, ri) in EMPLOYER_RATES.items():
        debits[account] = round(perm * rp + ins * ri)
    debits["645200"] = mutuelle
    employee = {acc: round(perm * rp + ins * ri) for acc, (rp, ri) in EMPLOYEE_RATES.items()}
    pas = round(perm * PAS_RATES[0] + ins * PAS_RATES[1])
    credits = {
        "431000": employee["431000"] + debits["645100"] + debits["633300"],
        "437300": employee["437300"] + debits["645300"],
        "437200": 2 * mutuelle,
        "437400": employee["437400"] + debits["645800"],
        "442100": pas,
    }
    credits["421000"] = perm + ins - sum(employee.values()) - mutuelle - pas
    return debits, credits


def payroll_months(perm: Sequence[int], ins: Sequence[int], mutuelle: int) -> dict[str, list[int]]:
    """Charge accounts of the payroll, month by month."""
    out: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    for m in range(12):
        debits, _ = payroll_entry(perm[m], ins[m], mutuelle)
        for account, amount in debits.items():
            out[account][m] = amount
    return dict(out)


def loan_schedule() -> list[tuple[dt.date, int, int]]:
    """(date, capital, interest) of each remaining loan instalment, in cents."""
    capital, rate, count = LOAN_START
    r = rate / 12
    payment = round(capital * r / (1 - (1 + r) ** -count))
    out = []
    for i in range(count):
        year, month = YEAR_1 + i // 12, i % 12 + 1
        interest = round(capital * r)
        principal = capital if i == count - 1 else payment - interest
        capital -= principal
        out.append((in_month(year, month, 5), principal, interest))
    return out


def depreciation_total(year: int) -> int:
    """Depreciation allowance of the year, cents."""
    column = 2 if year == YEAR_1 else 3
    return sum(int(row[column]) for row in DEPRECIATION) * 100


def plan_months(year: int) -> dict[str, list[int]]:
    """Monthly plan in cents: 2025 actual targets, or the 2026 budget (balanced)."""
    months: dict[str, list[int]] = {}
    for spec in SPECS:
        euros = spec.amount_2025 if year == YEAR_1 else spec.budget_2026()
        months[spec.account] = phase(euros * 100, spec.weights(year, actual=False))
    perm = [PERMANENT_GROSS_MONTH[year]] * 12
    ins = [INSERTION_GROSS_MONTH[year]] * 12
    months.update(payroll_months(perm, ins, MUTUELLE_MONTH[year]))
    interest = [0] * 12
    for date, _capital, amount in loan_schedule():
        if date.year == year:
            interest[date.month - 1] += amount
    months["661100"] = interest
    months["681100"] = [0] * 11 + [depreciation_total(year)]
    for charge, income in CVN_PAIRS.items():
        months[income] = list(months[charge])
    if year == YEAR_2:
        _balance_budget(months)
    return {k: months[k] for k in sorted(months)}


def _is_charge(account: str) -> bool:
    return account.startswith(("6", "86"))


def _balance_budget(months: dict[str, list[int]]) -> None:
    """Set the foundation line so that total charges equal total income."""
    charges = sum(sum(v) for k, v in months.items() if _is_charge(k))
    income = sum(sum(v) for k, v in months.items() if not _is_charge(k))
    income -= sum(months[BALANCING_ACCOUNT])
    gap = charges - income
    if gap <= 0:
        raise ValueError("the 2026 budget no longer needs the foundation grant")
    spec = SPEC_BY_ACCOUNT[BALANCING_ACCOUNT]
    months[BALANCING_ACCOUNT] = phase(gap, spec.weights(YEAR_2, actual=False))


@dataclass
class Actuals:
    """What really happened in a year, month by month (cents)."""

    months: dict[str, list[int]]
    perm: list[int]
    ins: list[int]
    mutuelle: int


def actual_months(year: int, rng: np.random.Generator) -> Actuals:
    """The actuals: the plan with monthly noise, plus the 2026 deviations."""
    plan = plan_months(year)
    months: dict[str, list[int]] = {}
    for spec in SPECS:
        base = plan[spec.account]
        if spec.kind == "grant" and year == YEAR_2:
            base = phase(spec.budget_2026() * 100, spec.weights(year, actual=True))
        if year == YEAR_2 and spec.account in FACTORS_2026:
            base = [round(m * FACTORS_2026[spec.account]) for m in base]
        months[spec.account] = noisy(base, spec.sigma * NOISE_SCALE[year], rng)
    perm = noisy([PERMANENT_GROSS_MONTH[year]] * 12, 0.01, rng)
    factor = INSERTION_FACTOR_2026 if year == YEAR_2 else 1.0
    ins = noisy([round(INSERTION_GROSS_MONTH[year] * factor)] * 12, 0.025, rng)
    if year == YEAR_2:
        month, amount = TRUCK_REPAIR_2026
        months["615500"][month - 1] += amount
    return Actuals(months, perm, ins, MUTUELLE_MONTH[year])


# --------------------------------------------------------------------------------------
# Posting generators, one per kind of account
# --------------------------------------------------------------------------------------


@dataclass
class Context:
    """What the posting generators share."""

    led: Ledger
    rng: np.random.Generator
    year: int
    last_month: int
    fnp_items: list[tuple[str, str, int, str, dt.date]] = field(default_factory=list)
    cash_deposits: dict[dt.date, int] = field(default_factory=lambda: defaultdict(int))

    def pick(self, options: Sequence[str]) -> str:
        """A random element of ``options``."""
        return options[int(self.rng.integers(0, len(options)))]

    def days(self, month: int, count: int, spec: Spec) -> list[dt.date]:
        """``count`` sorted business days in the month (fixed day if the spec has one)."""
        if spec.day:
            return [in_month(self.year, month, spec.day)] * count
        pool = business_days(self.year, month)
        picks = sorted(int(i) for i in self.rng.integers(0, len(pool), size=count))
        return [pool[i] for i in picks]

    def lag(self, bounds: tuple[int, int]) -> int:
        """A random delay in days."""
        return int(self.rng.integers(bounds[0], bounds[1] + 1))

    def count(self, bounds: tuple[int, int]) -> int:
        """A random number of documents in a month."""
        return int(self.rng.integers(bounds[0], bounds[1] + 1))


def post_supplier(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Supplier invoices and their payments; FNP for the part not yet invoiced."""
    for m in range(1, ctx.last_month + 1):
        amount = months[m - 1]
        if m == 12 and spec.fnp:
            fnp = spec.fnp * 100
            amount -= fnp
            supplier = spec.parties[0]
            ctx.led.add(
                "OD",
                dt.date(ctx.year, 12, 31),
                f"FNP-{ctx.year}",
                f"Facture non parvenue – {spec.label} {ctx.year}",
                [deb(spec.account, fnp), cre("408100", fnp)],
            )
            invoice_on = dt.date(ctx.year + 1, 2 if spec.account == "622600" else 3, 20)
            ctx.fnp_items.append(
                (spec.account, supplier, fnp, f"{spec.label} – clôture {ctx.year}", invoice_on)
            )
        if amount <= 0:
            continue
        parts = split_amount(amount, ctx.count(spec.per_month), ctx.rng)
        for part, day in zip(parts, ctx.days(m, len(parts), spec), strict=True):
            supplier = ctx.pick(spec.parties)
            pay_on = business_day(day + dt.timedelta(days=ctx.lag(spec.lag)))
            label = f"{spec.label} {MONTH_NAMES[m - 1].lower()} {ctx.year}"
            ctx.led.purchase(day, spec.account, part, supplier=supplier, pay_on=pay_on, label=label)


def post_client(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Client invoices and their receipts."""
    for m in range(1, ctx.last_month + 1):
        amount = months[m - 1]
        if amount <= 0:
            continue
        parts = split_amount(amount, ctx.count(spec.per_month), ctx.rng)
        for part, day in zip(parts, ctx.days(m, len(parts), spec), strict=True):
            client = ctx.pick(spec.parties)
            bounds = spec.lag if client.startswith("C1") else (max(spec.lag[0], 30), 60)
            paid_on = business_day(day + dt.timedelta(days=ctx.lag(bounds)))
            ctx.led.sale(day, spec.account, part, client=client, paid_on=paid_on, label=spec.label)


def post_receipt(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Money received straight on the bank account."""
    for m in range(1, ctx.last_month + 1):
        amount = months[m - 1]
        if amount <= 0:
            continue
        parts = split_amount(amount, ctx.count(spec.per_month), ctx.rng)
        for part, day in zip(parts, ctx.days(m, len(parts), spec), strict=True):
            label = f"{spec.label} – {MONTH_NAMES[m - 1].lower()} {ctx.year}"
            ctx.led.add(
                "BQ", day, f"REL-{day:%Y-%m}", label, [deb("512000", part), cre(spec.account, part)]
            )


def post_bank(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Bank charges debited by the bank."""
    for m in range(1, ctx.last_month + 1):
        if months[m - 1] > 0:
            day = in_month(ctx.year, m, spec.day or 28)
            ctx.led.add(
                "BQ",
                day,
                f"REL-{day:%Y-%m}",
                f"{spec.label} {MONTH_NAMES[m - 1].lower()} {ctx.year}",
                [deb(spec.account, months[m - 1]), cre("512000", months[m - 1])],
            )


def _instalment_name(index: int, total: int) -> str:
    if total == 1:
        return "versement unique"
    if index == 0:
        return "avance"
    return "solde" if index == total - 1 else f"acompte {index}"


def post_grant(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Grant instalments: receivable on 441 (OD), then the payment (BQ)."""
    schedule = spec.instalments(ctx.year, actual=True)
    funder = spec.parties[0]
    for index, (month, day, share, lag) in enumerate(schedule):
        amount = months[month - 1]
        if month > ctx.last_month or amount <= 0:
            continue
        date = dt.date(ctx.year, month, day)
        date = date if (month, day) == (12, 31) else business_day(date)
        key = f"{funder}-{ctx.year}-{month}"
        name = _instalment_name(index, len(schedule))
        label = f"{spec.label} {ctx.year} – {name} ({share:.0%})".replace("%", " %")
        ctx.led.add(
            "OD",
            date,
            f"CONV-{funder}-{ctx.year}",
            label,
            [deb("441000", amount, funder, key), cre(spec.account, amount)],
        )
        paid_on = business_day(date + dt.timedelta(days=lag))
        ctx.led.add(
            "BQ",
            paid_on,
            f"REL-{paid_on:%Y-%m}",
            f"Versement {AUX[funder]} – {label}",
            [deb("512000", amount), cre("441000", amount, funder, key)],
        )


def post_yearend(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Entries of 31 December (provisions, taxes, interest, CVN)."""
    amount = months[11]
    if ctx.last_month < 12 or amount <= 0:
        return
    day = dt.date(ctx.year, 12, 31)
    if _is_charge(spec.account):
        lines = [deb(spec.account, amount), cre(spec.counterpart, amount)]
    else:
        lines = [deb(spec.counterpart, amount), cre(spec.account, amount)]
    journal = "BQ" if spec.counterpart.startswith("512") else "OD"
    ctx.led.add(journal, day, f"CLOT-{ctx.year}", f"{spec.label} {ctx.year}", lines)
    if spec.counterpart == "447000":
        pay_on = dt.date(ctx.year + 1, 1, 15)
        key = f"TS-{ctx.year}"
        ctx.led.entries[-1].lines[1].match = key
        ctx.led.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"{spec.label} {ctx.year}",
            [deb("447000", amount, match=key), cre("512000", amount)],
        )


SHOP_WEEKDAYS = {2: 0.9, 4: 1.0, 5: 1.6}  # Wednesday, Friday, Saturday


def shop_days(year: int, month: int) -> list[dt.date]:
    """Opening days of the shop (closed the first half of August)."""
    first = dt.date(year, month, 1)
    days = (first + dt.timedelta(days=i) for i in range(month_end(year, month).day))
    return [
        d
        for d in days
        if d.weekday() in SHOP_WEEKDAYS
        and (d.month, d.day) not in HOLIDAYS
        and not (d.month == 8 and d.day <= 15)
    ]


def post_shop(ctx: Context, spec: Spec, months: list[int]) -> None:
    """Daily till (Z) of the shop: cash and cards, then bank remittances."""
    for m in range(1, ctx.last_month + 1):
        days = shop_days(ctx.year, m)
        weights = [SHOP_WEEKDAYS[d.weekday()] * ctx.rng.uniform(0.7, 1.3) for d in days]
        for day, amount in zip(days, phase(months[m - 1], weights), strict=True):
            cash = round(amount * ctx.rng.uniform(0.25, 0.40))
            card = amount - cash
            ctx.led.add(
                "VE",
                day,
                f"Z{day:%Y%m%d}",
                f"Ventes boutique du {day:%d/%m/%Y}",
                [deb("530000", cash), deb("511500", card), cre(spec.account, amount)],
            )
            remit = business_day(day + dt.timedelta(days=1))
            ctx.led.add(
                "BQ",
                remit,
                f"REL-{remit:%Y-%m}",
                f"Remise cartes bancaires du {day:%d/%m/%Y}",
                [deb("512000", card), cre("511500", card)],
            )
            ctx.cash_deposits[day + dt.timedelta(days=7 - day.weekday())] += cash


POSTERS = {
    "supplier": post_supplier,
    "client": post_client,
    "receipt": post_receipt,
    "bank": post_bank,
    "grant": post_grant,
    "yearend": post_yearend,
    "shop": post_shop,
}


def post_cvn(ctx: Context, months: dict[str, list[int]]) -> None:
    """Voluntary contributions in kind, valued at year end (86 = 87)."""
    if ctx.last_month < 12:
        return
    for charge, income in CVN_PAIRS.items():
        amount = months[charge][11]
        spec = SPEC_BY_ACCOUNT[charge]
        ctx.led.add(
            "OD",
            dt.date(ctx.year, 12, 31),
            f"CVN-{ctx.year}",
            f"{spec.label} – {ctx.year}",
            [deb(charge, amount), cre(income, amount)],
        )


def post_payroll(ctx: Context, act: Actuals) -> None:
    """Monthly payroll (PA) and the payments of net pay and contributions (BQ)."""
    for m in range(1, ctx.last_month + 1):
        debits, credits = payroll_entry(act.perm[m - 1], act.ins[m - 1], act.mutuelle)
        post_payroll_month(ctx.led, ctx.year, m, debits, credits)


PAYROLL_PAYMENTS = {  # account: (day of the following month, label)
    "431000": (15, "URSSAF – cotisations"),
    "442100": (15, "DGFiP – prélèvement à la source"),
    "437200": (10, "Mutuelle – cotisations"),
    "437400": (10, "Prévoyance – cotisations"),
    "437300": (25, "Retraite complémentaire – cotisations"),
}


def post_payroll_month(
    led: Ledger, year: int, month: int, debits: dict[str, int], credits: dict[str, int]
) -> None:
    """One month's payroll and its payments (also used for December 2024)."""
    period = f"{MONTH_NAMES[month - 1].lower()} {year}"
    key = f"PAIE-{year}-{month:02d}"
    if year >= YEAR_1:
        lines = [deb(acc, amt) for acc, amt in debits.items()]
        lines += [cre(acc, amt, match=key) for acc, amt in credits.items()]
        led.add("PA", month_end(year, month), key, f"Paie {period}", lines)
        pay_on = last_business_day(year, month)
        led.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"Virement des salaires nets {period}",
            [deb("421000", credits["421000"], match=key), cre("512000", credits["421000"])],
        )
    nxt_year, nxt_month = (year + 1, 1) if month == 12 else (year, month + 1)
    for account, (day, label) in PAYROLL_PAYMENTS.items():
        pay_on = in_month(nxt_year, nxt_month, day)
        led.add(
            "BQ",
            pay_on,
            f"REL-{pay_on:%Y-%m}",
            f"{label} {period}",
            [deb(account, credits[account], match=key), cre("512000", credits[account])],
        )


def post_loan(ctx: Context) -> None:
    """Monthly loan instalments (capital and interest)."""
    for date, capital, interest in loan_schedule():
        if date.year == ctx.year and date.month <= ctx.last_month:
            ctx.led.add(
                "BQ",
                date,
                f"REL-{date:%Y-%m}",
                f"Échéance d'emprunt camion {date:%m/%Y}",
                [
                    deb("164000", capital),
                    deb("661100", interest),
                    cre("512000", capital + interest),
                ],
            )


def post_depreciation(ctx: Context) -> None:
    """Depreciation allowance at year end."""
    if ctx.last_month < 12:
        return
    column = 2 if ctx.year == YEAR_1 else 3
    lines = [cre(str(row[1]), int(row[column]) * 100) for row in DEPRECIATION]
    total = sum(ln.credit for ln in lines)
    ctx.led.add(
        "OD",
        dt.date(ctx.year, 12, 31),
        f"AMORT-{ctx.year}",
        f"Dotations aux amortissements {ctx.year}",
        [deb("681100", total), *lines],
    )


def post_fnp_reversal(
    led: Ledger, year: int, items: Sequence[tuple[str, str, int, str, dt.date]]
) -> None:
    """Reverse last year's invoices not received and book the real invoices."""
    for account, supplier, amount, label, invoice_on in items:
        led.add(
            "OD",
            dt.date(year, 1, 1),
            f"EXT-FNP-{year}",
            f"Extourne FNP – {label}",
            [deb("408100", amount), cre(account, amount)],
        )
        pay_on = business_day(invoice_on + dt.timedelta(days=30))
        led.purchase(
            business_day(invoice_on), account, amount, supplier=supplier, pay_on=pay_on, label=label
        )


def post_result_allocation(led: Ledger, year: int, result: int) -> None:
    """General assembly in June: last year's result goes to retained earnings."""
    date = dt.date(year, 6, 20)
    label = f"Affectation du résultat {year - 1} (AG du {date:%d/%m/%Y})"
    if result >= 0:
        lines = [deb("120000", result), cre("110000", result)]
    else:
        lines = [deb("110000", -result), cre("129000", -result)]
    led.add("OD", date, f"AG-{year}", label, lines)


# --------------------------------------------------------------------------------------
# Opening balances and the simulation of both years
# --------------------------------------------------------------------------------------


def opening_2025() -> list[Line]:
    """Opening entry on 1 January 2025, with December 2024 payroll debts and FNP."""
    balances: dict[tuple[str, str], int] = {(a, x): e * 100 for a, x, e in OPENING_2025}
    _, credits = payroll_entry(
        PERMANENT_GROSS_MONTH[2024], INSERTION_GROSS_MONTH[2024], MUTUELLE_MONTH[2024]
    )
    for account in PAYROLL_PAYMENTS:
        balances[(account, "")] = -credits[account]
    balances[("408100", "")] = -sum(item[2] for item in FNP_2024) * 100
    balances[("110000", "")] = -sum(balances.values())
    return _balance_lines(balances)


def _balance_lines(balances: dict[tuple[str, str], int]) -> list[Line]:
    lines = []
    for (account, aux), amount in sorted(balances.items()):
        if amount > 0:
            lines.append(deb(account, amount, aux))
        elif amount < 0:
            lines.append(cre(account, -amount, aux))
    return lines


def settle_opening_2025(led: Ledger, rng: np.random.Generator) -> None:
    """Payments in 2025 of what was open on 1 January 2025."""
    for account, aux, euros in OPENING_2025:
        amount = abs(euros) * 100
        if account == "401000":
            day = business_day(dt.date(YEAR_1, 1, int(rng.integers(8, 26))))
            led.add(
                "BQ",
                day,
                f"REL-{day:%Y-%m}",
                f"Virement {AUX[aux]} – facture 2024",
                [deb(account, amount, aux), cre("512000", amount)],
            )
        elif account == "411000":
            day = business_day(dt.date(YEAR_1, 1, 6) + dt.timedelta(days=int(rng.integers(0, 40))))
            led.add(
                "BQ",
                day,
                f"REL-{day:%Y-%m}",
                f"Règlement {AUX[aux]} – facture 2024",
                [deb("512000", amount), cre(account, amount, aux)],
            )
        elif account == "441000":
            day = OPENING_RECEIPTS_2025[aux]
            led.add(
                "BQ",
                day,
                f"REL-{day:%Y-%m}",
                f"Versement {AUX[aux]} – solde 2024",
                [deb("512000", amount), cre(account, amount, aux)],
            )
        elif account == "447000":
            day = dt.date(YEAR_1, 1, 15)
            led.add(
                "BQ",
                day,
                f"REL-{day:%Y-%m}",
                "Taxe sur les salaires 2024",
                [deb(account, amount), cre("512000", amount)],
            )
    _, credits = payroll_entry(
        PERMANENT_GROSS_MONTH[2024], INSERTION_GROSS_MONTH[2024], MUTUELLE_MONTH[2024]
    )
    post_payroll_month(led, 2024, 12, {}, credits)
    post_fnp_reversal(led, YEAR_1, [(a, s, e * 100, lab, d) for a, s, e, lab, d in FNP_2024])


def post_shelving(led: Ledger) -> None:
    """2025 investment: shelving for the shop, bought from a supplier of fixed assets."""
    day, amount, supplier = SHELVING
    key = f"{supplier}-{day.year}-1"
    led.add(
        "AC",
        day,
        f"{supplier}-25-001",
        f"Rayonnages boutique – {AUX[supplier]}",
        [deb("218400", amount), cre("404000", amount, supplier, key)],
    )
    pay_on = business_day(day + dt.timedelta(days=30))
    led.add(
        "BQ",
        pay_on,
        f"REL-{pay_on:%Y-%m}",
        f"Virement {AUX[supplier]} – rayonnages",
        [deb("404000", amount, supplier, key), cre("512000", amount)],
    )


def simulate_year(ctx: Context, act: Actuals) -> None:
    """Every posting of one year (up to ``ctx.last_month``)."""
    for spec in SPECS:
        if spec.kind in POSTERS:
            POSTERS[spec.kind](ctx, spec, act.months[spec.account])
    post_cvn(ctx, act.months)
    post_payroll(ctx, act)
    post_loan(ctx)
    post_depreciation(ctx)


def closing_balances(entries: Sequence[Entry]) -> tuple[dict[tuple[str, str], int], int]:
    """Balances of classes 1 to 5 by (account, aux) and the result (income − charges)."""
    balances: dict[tuple[str, str], int] = defaultdict(int)
    result = 0
    for entry in entries:
        for ln in entry.lines:
            if ln.account[0] in "12345":
                balances[(ln.account, ln.aux)] += ln.debit - ln.credit
            elif ln.account[0] in "67":
                result += ln.credit - ln.debit
    return dict(balances), result


TOKEN = re.compile(r"«([^#»]+)#(\d+)»")


def renumber_pieces(entries: Sequence[Entry]) -> None:
    """Number invoices chronologically (French invoices follow an unbroken sequence).

    Pieces are created as ``«KEY#n»`` tokens in generation order; the invoice
    entries (AC, VE) are sorted by date and each KEY gets 1, 2, 3… in that order.
    """
    final: dict[str, str] = {}
    counters: dict[str, int] = defaultdict(int)
    for entry in sorted(entries, key=lambda e: (e.date, e.seq)):
        match = TOKEN.fullmatch(entry.piece)
        if entry.journal in {"AC", "VE"} and match and match.group(0) not in final:
            key = match.group(1)
            counters[key] += 1
            width = 4 if key.startswith("FA") else 3
            final[match.group(0)] = f"{key}{counters[key]:0{width}d}"
    for entry in entries:
        entry.piece = TOKEN.sub(lambda m: final[m.group(0)], entry.piece)
        entry.label = TOKEN.sub(lambda m: final[m.group(0)], entry.label)


@dataclass
class Simulation:
    """The two years of entries and the numbers they were built from."""

    fec_2025: list[Entry]
    fec_2026: list[Entry]
    budget: dict[str, list[int]]
    result_2025: int


def simulate(rng: np.random.Generator) -> Simulation:
    """Run both years and split the entries into the two FEC files."""
    led = Ledger()
    led.add(
        "AN",
        dt.date(YEAR_1, 1, 1),
        f"AN-{YEAR_1}",
        "À nouveaux au 01/01/2025",
        opening_2025(),
        valid=CLOSING_2024,
    )
    settle_opening_2025(led, rng)
    post_shelving(led)
    result_2024 = -sum(e for a, _x, e in OPENING_2025 if a in {"120000", "129000"})
    post_result_allocation(led, YEAR_1, result_2024 * 100)
    ctx1 = Context(led, rng, YEAR_1, 12)
    simulate_year(ctx1, actual_months(YEAR_1, rng))
    ctx2 = Context(led, rng, YEAR_2, CUTOFF_2026.month, cash_deposits=ctx1.cash_deposits)
    simulate_year(ctx2, actual_months(YEAR_2, rng))
    for day, amount in sorted(ctx1.cash_deposits.items()):
        led.add(
            "BQ",
            day,
            f"REL-{day:%Y-%m}",
            f"Remise d'espèces boutique du {day:%d/%m/%Y}",
            [deb("512000", amount), cre("530000", amount)],
        )
    post_fnp_reversal(led, YEAR_2, ctx1.fnp_items)
    renumber_pieces(led.entries)
    fec_2025 = [e for e in led.entries if e.date.year == YEAR_1]
    balances, result = closing_balances(fec_2025)
    balances[("120000" if result >= 0 else "129000", "")] = -result
    led.add(
        "AN",
        dt.date(YEAR_2, 1, 1),
        f"AN-{YEAR_2}",
        "À nouveaux au 01/01/2026",
        _balance_lines(balances),
        valid=CLOSING_2025,
    )
    post_result_allocation(led, YEAR_2, result)
    fec_2026 = [e for e in led.entries if e.date.year == YEAR_2 and e.date <= CUTOFF_2026]
    return Simulation(fec_2025, fec_2026, plan_months(YEAR_2), result)


# --------------------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------------------


def _letter_code(index: int) -> str:
    letters = ""
    for _ in range(3):
        index, rem = divmod(index, 26)
        letters = chr(ord("A") + rem) + letters
    return letters


def lettering(entries: Sequence[Entry]) -> dict[tuple[int, int], tuple[str, dt.date]]:
    """Letter code and date of each matched line, keyed by (entry seq, line index)."""
    groups: dict[tuple[str, str, str], list[tuple[Entry, int]]] = defaultdict(list)
    for entry in entries:
        for i, ln in enumerate(entry.lines):
            if ln.match:
                groups[(ln.account, ln.aux, ln.match)].append((entry, i))
    out: dict[tuple[int, int], tuple[str, dt.date]] = {}
    counters: dict[str, int] = defaultdict(int)
    ordered = sorted(groups.items(), key=lambda kv: (max(e.date for e, _ in kv[1]), kv[0]))
    for (account, _aux, _match), members in ordered:
        debit = sum(e.lines[i].debit for e, i in members)
        credit = sum(e.lines[i].credit for e, i in members)
        if len(members) < 2 or debit != credit:
            continue
        code = _letter_code(counters[account])
        counters[account] += 1
        when = max(e.date for e, _ in members)
        for e, i in members:
            out[(e.seq, i)] = (code, when)
    return out


def fec_text(entries: Sequence[Entry], *, year: int, validation_cap: dt.date) -> str:
    """The FEC as text: tab separated, header first, one line per entry line."""
    ordered = sorted(entries, key=lambda e: (e.date, JOURNAL_ORDER[e.journal], e.seq))
    letters = lettering(ordered)
    numbers: dict[str, int] = defaultdict(int)
    rows = ["\t".join(FEC_COLUMNS)]
    for entry in ordered:
        numbers[entry.journal] += 1
        num = f"{entry.journal}{year % 100:02d}-{numbers[entry.journal]:05d}"
        valid = entry.valid or min(entry.date + dt.timedelta(days=6), validation_cap)
        if entry.valid is None and (entry.date.month, entry.date.day) == (12, 31):
            valid = CLOSING_2025 if year == YEAR_1 else valid
        for i, ln in enumerate(entry.lines):
            code, when = letters.get((entry.seq, i), ("", None))
            fields = (
                entry.journal,
                JOURNALS[entry.journal],
                num,
                f"{entry.date:%Y%m%d}",
                ln.account,
                ACCOUNTS[ln.account],
                ln.aux,
                AUX.get(ln.aux, ""),
                entry.piece,
                f"{entry.piece_date:%Y%m%d}",
                entry.label,
                fmt_cents(ln.debit),
                fmt_cents(ln.credit),
                code,
                f"{when:%Y%m%d}" if when else "",
                f"{valid:%Y%m%d}",
                "",
                "",
            )
            if any(("\t" in f or "\n" in f) for f in fields):
                raise ValueError(f"separator inside a field of {entry.label!r}")
            rows.append("\t".join(fields))
    return "\n".join(rows) + "\n"


@dataclass(frozen=True)
class BudgetRow:
    """One line of the budget: an account for one analytic code."""

    account: str
    label: str
    heading: str
    analytic: str
    funder: str
    months: tuple[int, ...]

    @property
    def total(self) -> int:
        """Year total in cents."""
        return sum(self.months)


def _analytic(account: str) -> tuple[tuple[str, float], ...]:
    if account in SPEC_BY_ACCOUNT:
        return SPEC_BY_ACCOUNT[account].analytic
    for charge, income in CVN_PAIRS.items():
        if account == income:
            return SPEC_BY_ACCOUNT[charge].analytic
    return PAYROLL_ANALYTIC[account]


def _budget_order(account: str) -> tuple[int, str]:
    rank = {"6": 0, "8": 1, "7": 2}[account[0]]
    if account.startswith("87"):
        rank = 3
    return rank, account


def budget_rows(months: dict[str, list[int]]) -> list[BudgetRow]:
    """Budget lines: account × analytic code, zero lines left out.

    The year total of an account is split between analytic codes in whole
    euros (cents go to the first code), then each code follows the account's
    monthly profile.
    """
    rows = []
    for account in sorted(months, key=_budget_order):
        shares = _analytic(account)
        total = sum(months[account])
        code_totals = [100 * e for e in phase(total // 100, [s for _, s in shares])]
        code_totals[0] += total % 100
        spec = SPEC_BY_ACCOUNT.get(account)
        for (code, _share), code_total in zip(shares, code_totals, strict=True):
            if code_total == 0:
                continue
            values = tuple(phase(code_total, months[account]))
            rows.append(
                BudgetRow(
                    account,
                    ACCOUNTS[account],
                    account[:2],
                    code,
                    spec.funder if spec else "",
                    values,
                )
            )
    return rows


BUDGET_NOTES = (
    "Budget prévisionnel 2026 voté par le conseil d'administration du 9 décembre 2025 (cas fictif).",
    "Montants en euros ; charges (comptes 6 et 86) et produits (comptes 7 et 87) sont positifs.",
    "Le budget est phasé selon le calendrier comptable attendu : subventions au mois de leur "
    "notification ou de leur appel, amortissements, provisions et contributions en nature en "
    "décembre.",
    "Hypothèses : salaires des permanents +2,5 % ; SMIC +1,8 % ; électricité et gaz +4 % ; "
    "loyer +2,5 % (ILC) ; ventes boutique +3 % ; Département 95 000 € (montant demandé) ; "
    "FSE+ 88 000 € ; ADEME 12 000 € (2e phase) ; plus de FDI en 2026.",
    "Ligne d'équilibre : la subvention de la Fondation Réemploi et Territoires (compte 748110) "
    "est une demande en cours, décision attendue en septembre 2026.",
    "Codes analytiques : " + " ; ".join(f"{k} = {v}" for k, v in ANALYTIC_CODES.items()) + ".",
)

HEADINGS = {
    "60": "Achats",
    "61": "Services extérieurs",
    "62": "Autres services extérieurs",
    "63": "Impôts et taxes",
    "64": "Charges de personnel",
    "65": "Autres charges de gestion courante",
    "66": "Charges financières",
    "67": "Charges exceptionnelles",
    "68": "Dotations aux amortissements et provisions",
    "70": "Ventes de produits finis, prestations de services, marchandises",
    "74": "Subventions d'exploitation",
    "75": "Autres produits de gestion courante",
    "76": "Produits financiers",
    "77": "Produits exceptionnels",
    "78": "Reprises sur amortissements et provisions",
    "79": "Transferts de charges",
    "86": "Emplois des contributions volontaires en nature",
    "87": "Contributions volontaires en nature",
}


def write_budget_xlsx(rows: Sequence[BudgetRow], path: Path) -> None:
    """The budget as a workbook: sheets Budget, Synthèse and Hypothèses."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": False, "in_memory": True})
    wb.set_properties(
        {
            "title": "Budget prévisionnel 2026",
            "subject": "La Ressourcerie des Confluences (cas fictif essdiag)",
            "author": "essdiag – données d'exemple",
            "comments": "Généré par sample_data/generate.py",
            "created": dt.datetime(2025, 12, 9, 18, 0, tzinfo=dt.UTC),
        }
    )
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    money_bold = wb.add_format({"num_format": "#,##0.00", "bold": True})
    sheet = wb.add_worksheet("Budget")
    sheet.write_row(0, 0, TEMPLATE_COLUMNS, bold)
    for r, row in enumerate(rows, start=1):
        sheet.write_string(r, 0, row.account)
        sheet.write_string(r, 1, row.label)
        sheet.write_string(r, 2, row.heading)
        sheet.write_string(r, 3, row.analytic)
        sheet.write_string(r, 4, row.funder)
        for c, value in enumerate(row.months, start=5):
            sheet.write_number(r, c, value / 100, money)
        sheet.write_number(r, 17, row.total / 100, money_bold)
    sheet.set_column(0, 0, 9)
    sheet.set_column(1, 1, 52)
    sheet.set_column(2, 3, 10)
    sheet.set_column(4, 4, 40)
    sheet.set_column(5, 17, 12)
    sheet.freeze_panes(1, 2)
    sheet.autofilter(0, 0, len(rows), len(TEMPLATE_COLUMNS) - 1)
    _write_summary(wb.add_worksheet("Synthèse"), rows, bold, money, money_bold)
    notes = wb.add_worksheet("Hypothèses")
    notes.set_column(0, 0, 120)
    for r, text in enumerate(BUDGET_NOTES):
        notes.write_string(r, 0, text)
    wb.close()


def _write_summary(
    sheet: Any, rows: Sequence[BudgetRow], bold: Any, money: Any, money_bold: Any
) -> None:
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row.heading] += row.total
    charges = sum(v for k, v in totals.items() if k.startswith(("6", "86")))
    income = sum(v for k, v in totals.items() if k.startswith(("7", "87")))
    sheet.write_row(0, 0, ("Rubrique", "Intitulé (CERFA 12156)", "Montant 2026"), bold)
    r = 1
    for heading in sorted(totals, key=lambda h: _budget_order(h + "0000")):
        sheet.write_row(r, 0, (heading, HEADINGS[heading]))
        sheet.write_number(r, 2, totals[heading] / 100, money)
        r += 1
    for label, value in (
        ("Total des charges", charges),
        ("Total des produits", income),
        ("Écart (produits − charges)", income - charges),
    ):
        sheet.write_string(r, 1, label, bold)
        sheet.write_number(r, 2, value / 100, money_bold)
        r += 1
    sheet.set_column(0, 0, 10)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 2, 16)


def write_budget_csv(rows: Sequence[BudgetRow], path: Path) -> None:
    """The budget as CSV: UTF-8, ``;`` separator, decimal comma."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\n")
        writer.writerow(TEMPLATE_COLUMNS)
        for row in rows:
            writer.writerow(
                [
                    row.account,
                    row.label,
                    row.heading,
                    row.analytic,
                    row.funder,
                    *(fmt_cents(v) for v in row.months),
                    fmt_cents(row.total),
                ]
            )


# --------------------------------------------------------------------------------------
# Dossiers
# --------------------------------------------------------------------------------------

RECYCLERIE_SIREN = fictional_siren("84127963")
SCIC_SIREN = fictional_siren("90563218")


def _essdiag() -> tuple[ModuleType, ModuleType]:
    """``essdiag.dossier`` and ``essdiag.identity``, from the source tree if not installed."""
    try:
        from essdiag import dossier, identity
    except ModuleNotFoundError:
        sys.path.insert(0, str(REPO_ROOT))
        from essdiag import dossier, identity
    return dossier, identity


def identities() -> dict[str, dict[str, object]]:
    """Identity fields of each case, by folder name."""
    return {
        "recyclerie": {
            "name": "La Ressourcerie des Confluences",
            "legal_form": "association",
            "esus": True,
            "siren": RECYCLERIE_SIREN,
            "siret": head_office_siret(RECYCLERIE_SIREN),
            "naf": "38.32Z",
            "rna": "W262004871",
            "purpose": (
                "Collecter, valoriser et revendre à petit prix des objets de réemploi, "
                "sensibiliser à la réduction des déchets et porter un atelier et chantier "
                "d'insertion (ACI) conventionné pour accompagner vers l'emploi des personnes "
                "qui en sont éloignées."
            ),
            "address": {
                "street": "ZA des Crozes, 8 allée des Artisans",
                "postcode": "26270",
                "city": "Loriol-sur-Drôme",
            },
            "territory": {
                "commune": "26166",
                "epci": "242600252",
                "departement": "26",
                "region": "84",
            },
            "fiscal_year_start_month": 1,
            "headcount": 25,
            "fte": 21.5,
            "volunteers": 45,
            "members": 180,
        },
        "scic-energie": {
            "name": "Argoat Énergies Citoyennes",
            "legal_form": "scic",
            "esus": True,
            "siren": SCIC_SIREN,
            "siret": head_office_siret(SCIC_SIREN),
            "naf": "35.11Z",
            "purpose": (
                "Développer, financer et exploiter avec les habitants, les collectivités et "
                "les entreprises du Centre-Bretagne des installations de production d'énergie "
                "renouvelable (photovoltaïque en toiture, petit éolien, bois-énergie) et "
                "accompagner la sobriété énergétique du territoire."
            ),
            "address": {"street": "4 rue des Tisserands", "postcode": "22600", "city": "Loudéac"},
            "territory": {
                "commune": "22136",
                "epci": "200067460",
                "departement": "22",
                "region": "53",
            },
            "fiscal_year_start_month": 1,
            "headcount": 6,
            "fte": 5.2,
            "volunteers": 30,
            "members": 420,
        },
        "blank": {"name": "Nouvelle structure"},
    }


def domain_sections(case: str) -> dict[str, object]:
    """Sections filled by each domain's ``sample_data/sections/<domain>.py``.

    Each module has ``section(case) -> dict | None``: the JSON of its dossier
    section for that case (None leaves the section empty).
    """
    folder = HERE / "sections"
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    out: dict[str, object] = {}
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = importlib.import_module(f"sections.{path.stem}")
        value = module.section(case)
        if value is not None:
            out[path.stem] = value
    return out


def write_dossiers(out_dir: Path) -> list[Path]:
    """One ``dossier.json`` per case, written through the essdiag model."""
    dossier, identity = _essdiag()
    paths = []
    for folder, fields in identities().items():
        model = dossier.Dossier.model_validate(
            {
                "identity": identity.Identity.model_validate(fields).model_dump(mode="json"),
                **domain_sections(folder),
            }
        )
        path = out_dir / folder / "dossier.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(model.to_json() + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------


def write_recyclerie(out_dir: Path, rng: np.random.Generator) -> list[Path]:
    """FEC 2025, FEC 2026 (January–October) and the 2026 budget of case 1."""
    folder = out_dir / "recyclerie"
    folder.mkdir(parents=True, exist_ok=True)
    sim = simulate(rng)
    fec_1 = folder / "FEC_2025.txt"
    fec_1.write_text(
        fec_text(sim.fec_2025, year=YEAR_1, validation_cap=CLOSING_2025),
        encoding="utf-8",
        newline="\n",
    )
    fec_2 = folder / "FEC_2026_01-10.txt"
    fec_2.write_text(
        fec_text(sim.fec_2026, year=YEAR_2, validation_cap=EXTRACT_2026),
        encoding="utf-8",
        newline="\n",
    )
    rows = budget_rows(sim.budget)
    xlsx = folder / "budget_2026.xlsx"
    write_budget_xlsx(rows, xlsx)
    csv_path = folder / "budget_2026.csv"
    write_budget_csv(rows, csv_path)
    return [fec_1, fec_2, xlsx, csv_path]


def generate_all(out_dir: Path) -> list[Path]:
    """Write every generated file under ``out_dir``; the same bytes on every run."""
    rng = np.random.default_rng(SEED)
    return [*write_recyclerie(out_dir, rng), *write_dossiers(out_dir)]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python sample_data/generate.py [--out DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=HERE, help="output directory")
    args = parser.parse_args(argv)
    for path in generate_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

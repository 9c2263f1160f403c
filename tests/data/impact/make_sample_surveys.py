"""Write the sample cases' survey answers (fictitious, reproducible: fixed seed).

Run from the repository root: ``python tests/data/impact/make_sample_surveys.py``.
It writes ``sample_data/recyclerie/enquete_satisfaction_2026.csv`` (a Google
Forms-like export, comma separated) and
``sample_data/scic-energie/enquete_societaires_2026.xlsx`` (a Microsoft
Forms-like export). Names and e-mail addresses are invented (example.fr).
"""

# Dates of answers are calendar times of a form tool, without a time zone.
# ruff: noqa: DTZ001, DTZ007
from __future__ import annotations

import csv
import io
import random
from datetime import datetime, timedelta
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parents[3]
SATISFACTION = [
    "Pas du tout satisfait",
    "Plutôt pas satisfait",
    "Ni satisfait ni insatisfait",
    "Plutôt satisfait",
    "Très satisfait",
]
AGREEMENT = [
    "Pas du tout d'accord",
    "Plutôt pas d'accord",
    "Ni d'accord ni pas d'accord",
    "Plutôt d'accord",
    "Tout à fait d'accord",
]


def pick(rng: random.Random, weights: list[float]) -> int:
    """A level 1..n drawn with the weights."""
    return rng.choices(range(1, len(weights) + 1), weights=weights)[0]


def nps(rng: random.Random, promoters: float, detractors: float) -> int:
    u = rng.random()
    if u < promoters:
        return rng.choice([9, 10, 10, 9, 10])
    if u < promoters + detractors:
        return rng.choice([3, 5, 6, 6, 4])
    return rng.choice([7, 8, 8])


RECY_PUBLICS = {
    "Client(e) de la boutique": {
        "n": (40, 44),
        "accueil": [1, 2, 6, 30, 61],
        "qualite": [2, 6, 18, 44, 30],
        "prix": [1, 3, 10, 36, 50],
        "horaires": [8, 22, 25, 30, 15],
        "nps": (0.55, 0.15),
    },
    "Salarié(e) en parcours d'insertion": {
        "n": (12, 13),
        "accueil": [1, 3, 10, 40, 46],
        "qualite": [2, 8, 20, 45, 25],
        "prix": [2, 5, 25, 38, 30],
        "horaires": [3, 10, 20, 40, 27],
        "nps": (0.50, 0.17),
    },
    "Adhérent(e) ou bénévole": {
        "n": (14, 12),
        "accueil": [0, 2, 8, 40, 50],
        "qualite": [1, 5, 20, 50, 24],
        "prix": [1, 4, 15, 45, 35],
        "horaires": [5, 15, 25, 35, 20],
        "nps": (0.60, 0.10),
    },
    "Partenaire (collectivité, bailleur, entreprise)": {
        "n": (4, 4),
        "accueil": [0, 5, 15, 45, 35],
        "qualite": [0, 10, 20, 50, 20],
        "prix": [0, 5, 30, 40, 25],
        "horaires": [5, 20, 35, 25, 15],
        "nps": (0.45, 0.15),
    },
}
RECY_TEXTS = [
    "Ouvrir le samedi après-midi",
    "Plus de choix en mobilier, l'espace meubles est très bien",
    "Les prix ont un peu augmenté sur l'électroménager",
    "Le parking est trop petit le samedi",
    "Mieux afficher les prix",
    "Ouvrir aussi le lundi",
    "Plus de conseils sur les réparations",
    "L'accueil est toujours chaleureux, merci aux bénévoles",
    "Proposer la livraison des meubles",
    "Trop d'attente en caisse le samedi matin",
    "Des horaires plus larges en été",
    "Un atelier de réparation de vélos",
    "Rien, c'est parfait",
    "Plus de vêtements pour enfants",
    "Mieux expliquer ce que deviennent les objets déposés",
    "La propreté des rayons vaisselle",
    "Des créneaux de dépôt le soir",
    "Informer des horaires sur le site internet",
]


def recyclerie() -> bytes:
    rng = random.Random(2026)
    header = [
        "Horodateur",
        "Vous êtes :",
        "Accueil et écoute",
        "Qualité des objets et des services",
        "Prix pratiqués",
        "Horaires d'ouverture",
        "Sur une échelle de 0 à 10, recommanderiez-vous la Ressourcerie à un proche ?",
        "Qu'est-ce qui pourrait être amélioré ?",
        "Adresse e-mail (facultatif)",
    ]
    rows = []
    waves = (datetime(2026, 3, 9, 9, 30), datetime(2026, 9, 14, 9, 30))
    for w, start in enumerate(waves):
        for public, spec in RECY_PUBLICS.items():
            better = 1 if w == 1 else 0  # the new furniture space opened in spring
            for _ in range(spec["n"][w]):
                when = start + timedelta(days=rng.randint(0, 18), minutes=rng.randint(0, 600))
                quality = list(spec["qualite"])
                quality[4] += 12 * better
                levels = [
                    pick(rng, spec["accueil"]),
                    pick(rng, quality),
                    pick(rng, spec["prix"]),
                    pick(rng, spec["horaires"]),
                ]
                answers = [SATISFACTION[lv - 1] for lv in levels]
                if rng.random() < 0.04:
                    answers[rng.randrange(4)] = "Ne sait pas"
                p, d = spec["nps"]
                score = nps(rng, p + 0.05 * better, d)
                text = rng.choice(RECY_TEXTS) if rng.random() < 0.55 else ""
                mail = f"repondant{len(rows) + 1}@exemple.fr" if rng.random() < 0.1 else ""
                rows.append(
                    [when.strftime("%d/%m/%Y %H:%M:%S"), public, *answers, str(score), text, mail]
                )
    rows.sort(key=lambda r: datetime.strptime(r[0], "%d/%m/%Y %H:%M:%S"))
    rows[17][6] = "12"  # typed by hand in the paper version: outside 0-10
    rows[42][4] = "bof"  # not a level of the scale
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


SCIC_PUBLICS = {
    "Sociétaire citoyen(ne)": (
        58,
        [[3, 10, 18, 45, 24], [6, 18, 25, 36, 15], [5, 12, 30, 38, 15], None],
        (0.48, 0.14),
    ),
    "Élu(e) ou agent d'une collectivité": (
        9,
        [[0, 10, 15, 50, 25], [0, 8, 22, 45, 25], [10, 20, 40, 20, 10], None],
        (0.44, 0.12),
    ),
    "Agriculteur(trice) hébergeant une toiture": (
        6,
        [[5, 15, 20, 40, 20], [5, 20, 30, 30, 15], [5, 10, 25, 40, 20], None],
        (0.5, 0.17),
    ),
    "Participant(e) à une animation": (
        19,
        [[5, 15, 30, 35, 15], [10, 20, 40, 20, 10], None, [2, 5, 13, 45, 35]],
        (0.42, 0.16),
    ),
}
SCIC_TEXTS = [
    "Une chaufferie bois pour l'école et la mairie",
    "Des panneaux solaires sur les salles des sports",
    "Un projet éolien citoyen à Plémet",
    "Aider les ménages à isoler leur logement",
    "Une épicerie solidaire alimentée en énergie locale",
    "Plus d'animations sur la sobriété dans les écoles",
    "Des bornes de recharge pour voitures électriques en zone rurale",
    "Une centrale solaire sur l'ancienne décharge",
    "Mieux informer sur la rémunération des parts",
    "Du covoiturage et de la mobilité partagée",
    "Accompagner les agriculteurs vers la méthanisation",
    "Des ateliers numériques pour suivre sa consommation",
]


def scic() -> bytes:
    rng = random.Random(22600)
    header = [
        "ID",
        "Heure de début",
        "Heure de fin",
        "Adresse de messagerie",
        "Nom",
        "Vous êtes",
        "Je suis bien informé(e) de l'avancement des projets",
        "Les sociétaires ont une vraie place dans les décisions",
        "La rémunération de mon épargne me convient",
        "Les animations sur la sobriété énergétique m'ont été utiles",
        "Quelle est la probabilité que vous recommandiez la SCIC à un proche ?",
        "Quels projets souhaiteriez-vous voir naître sur le territoire ?",
    ]
    rows = []
    start = datetime(2026, 5, 18, 8, 0)
    for public, (n, items, (p, d)) in SCIC_PUBLICS.items():
        for _ in range(n):
            begin = start + timedelta(days=rng.randint(0, 30), minutes=rng.randint(0, 720))
            answers = []
            for weights in items:
                if weights is None:
                    answers.append("")
                elif rng.random() < 0.05:
                    answers.append("Sans opinion")
                else:
                    answers.append(AGREEMENT[pick(rng, weights) - 1])
            text = rng.choice(SCIC_TEXTS) if rng.random() < 0.6 else ""
            rows.append(
                [
                    None,
                    begin,
                    begin + timedelta(minutes=rng.randint(3, 12)),
                    "anonyme",
                    "",
                    public,
                    *answers,
                    nps(rng, p, d),
                    text,
                ]
            )
    rows.sort(key=lambda r: r[1])
    for i, r in enumerate(rows, start=1):
        r[0] = i
    rows[30][10] = 11  # outside 0-10
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet("Sheet1")
    dt = wb.add_format({"num_format": "dd/mm/yyyy hh:mm:ss"})
    ws.write_row(0, 0, header)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if isinstance(v, datetime):
                ws.write_datetime(r, c, v, dt)
            elif isinstance(v, int):
                ws.write_number(r, c, v)
            elif v:
                ws.write_string(r, c, v)
    wb.close()
    return out.getvalue()


if __name__ == "__main__":
    (ROOT / "sample_data/recyclerie/enquete_satisfaction_2026.csv").write_bytes(recyclerie())
    (ROOT / "sample_data/scic-energie/enquete_societaires_2026.xlsx").write_bytes(scic())

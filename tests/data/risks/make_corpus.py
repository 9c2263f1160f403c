"""Write the bad-input corpus of the risk register (run from the repository root).

    python tests/data/risks/make_corpus.py

Each file holds one kind of mistake a director makes when filling the import
template or editing a dossier by hand; README.md says which and what essdiag
must answer. The files are committed: this script only documents how they
were made.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

REGISTER = (
    "Identifiant",
    "Intitulé",
    "Catégorie",
    "Cause",
    "Conséquence",
    "Responsable",
    "Date d'identification",
    "Probabilité brute",
    "Gravité brute",
    "Mesures existantes",
    "Probabilité résiduelle",
    "Gravité résiduelle",
    "Justification du résiduel",
    "Traitement",
    "Détail du traitement",
    "Prochaine revue",
    "Financeur concerné",
    "Compétence concernée",
)
ACTIONS = (
    "Identifiant du risque",
    "Action",
    "Responsable",
    "Date de création",
    "Échéance",
    "Statut",
)


def _row(**over: object) -> list[object]:
    base: dict[str, object] = {
        "Identifiant": "R01",
        "Intitulé": "Retard de versement des subventions",
        "Catégorie": "Financier",
        "Probabilité brute": 4,
        "Gravité brute": 3,
    }
    base.update(over)
    return [base.get(c) for c in REGISTER]


def _book(
    name: str,
    register: list[list[object]],
    actions: list[list[object]] | None = None,
    header: tuple[str, ...] = REGISTER,
    sheet: str = "Registre",
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(header))
    for row in register:
        ws.append(row)
    if actions is not None:
        wa = wb.create_sheet("Actions")
        wa.append(list(ACTIONS))
        for row in actions:
            wa.append(row)
    wb.save(HERE / name)


def _section(name: str, data: dict[str, object]) -> None:
    (HERE / name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def _risk(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "R01",
        "title": "Épuisement des bénévoles",
        "category": "human",
        "inherent": {"likelihood": 3, "impact": 3, "matrix_version": 1},
    }
    base.update(over)
    return base


def main() -> None:
    _book("unknown_category.xlsx", [_row(Catégorie="Climatique")])
    _book(
        "likelihood_outside.xlsx",
        [_row(**{"Probabilité brute": 7}), _row(Identifiant="R02", **{"Gravité brute": "élevée"})],
    )
    _book(
        "due_before_creation.xlsx",
        [_row()],
        actions=[
            ["R01", "Négocier un prêt relais", "Trésorier", "01/03/2026", "01/02/2026", "À faire"]
        ],
    )
    _book("missing_columns.xlsx", [_row()[:8]], header=REGISTER[:8])
    _book("no_register_sheet.xlsx", [_row()], sheet="Feuil1")
    (HERE / "not_xlsx.xlsx").write_bytes(b"Identifiant;Intitule\nR01;Retard\n")
    _book(
        "mixed.xlsx",
        [
            _row(),
            _row(Identifiant="R01", Intitulé="Doublon"),
            _row(Identifiant="R03", **{"Prochaine revue": "31/02/2026"}),
            _row(Identifiant="R04", Traitement="Ignorer"),
            _row(Identifiant="R05", **{"Probabilité résiduelle": 2}),
        ],
        actions=[["R09", "Action orpheline", "", None, None, None]],
    )
    _section("section_unknown_category.json", {"risks": [_risk(category="climate")]})
    four = {
        "version": 1,
        "size": 4,
        "likelihood": [{"label": x} for x in ("Rare", "Peu probable", "Probable", "Très probable")],
        "impact": [{"label": x} for x in ("Mineur", "Significatif", "Majeur", "Critique")],
        "bands": [
            {"label": "Faible", "colour": "#56B4E9", "max_score": 3},
            {"label": "Modéré", "colour": "#F0E442", "max_score": 6},
            {"label": "Élevé", "colour": "#E69F00", "max_score": 9},
            {"label": "Critique", "colour": "#D55E00", "max_score": 16},
        ],
    }
    _section(
        "section_likelihood_outside.json",
        {
            "matrices": [four],
            "risks": [_risk(inherent={"likelihood": 5, "impact": 2, "matrix_version": 1})],
        },
    )
    _section(
        "section_due_before_creation.json",
        {
            "risks": [
                _risk(
                    created_on="2026-03-01",
                    actions=[
                        {"title": "Recruter", "created_on": "2026-03-01", "due_on": "2026-02-01"}
                    ],
                )
            ]
        },
    )
    _section(
        "section_unknown_matrix_version.json",
        {"risks": [_risk(inherent={"likelihood": 2, "impact": 2, "matrix_version": 3})]},
    )
    _section(
        "section_continuity_unknown_risk.json",
        {
            "risks": [_risk()],
            "continuity": [{"id": "C01", "activity": "Boutique", "risk_ids": ["R01", "R99"]}],
        },
    )
    bad_bands = dict(four, bands=four["bands"][:3])  # type: ignore[index]
    _section("section_bad_bands.json", {"matrices": [bad_bands]})


if __name__ == "__main__":
    main()

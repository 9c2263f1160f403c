"""Write the valid seed files of the fuzz suite that no other corpus holds.

Run from the repository root: ``.venv/bin/python tests/data/fuzz/seeds/make.py``.
The files are committed (the fuzz suite reads the same seeds on every tree it
fuzzes); rerun this when a writer's format changes.

* ``dossier.xlsx``: the recyclerie sample written by ``write_dossier_xlsx``;
* ``registre.xlsx``: the risk register template with its example rows;
* ``ecritures.csv`` / ``ecritures.xlsx``: a generic table of entries (date,
  account, label, debit, credit, analytic code) as an accounting tool exports it;
* ``flows.txt``, ``whatif.txt``: what people type in the cash-flow and what-if fields.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent

ENTRIES = [
    ("Date", "Compte", "Libellé", "Débit", "Crédit", "Code analytique"),
    ("31/01/2026", "606300", "Petit équipement atelier", "125,40", "", "ATELIER"),
    ("31/01/2026", "512000", "Petit équipement atelier", "", "125,40", ""),
    ("15/02/2026", "707100", "Ventes boutique février", "", "3 210,00", "BOUTIQUE"),
    ("15/02/2026", "530000", "Ventes boutique février", "3 210,00", "", ""),
    ("28/02/2026", "641100", "Salaires février", "18 450,12", "", "INSERTION"),
    ("28/02/2026", "421000", "Salaires février", "", "18 450,12", ""),
    ("10/03/2026", "741000", "Subvention Région (acompte)", "", "12 000,00", "INSERTION"),
    ("10/03/2026", "512000", "Subvention Région (acompte)", "12 000,00", "", ""),
]


def main() -> None:
    from openpyxl import Workbook

    from essdiag.dossier_files import write_dossier_xlsx
    from essdiag.risks.importer import register_template_xlsx
    from essdiag.samples import load_sample

    (HERE / "dossier.xlsx").write_bytes(write_dossier_xlsx(load_sample("recyclerie")))
    (HERE / "registre.xlsx").write_bytes(register_template_xlsx(example=True))
    text = "\r\n".join(";".join(row) for row in ENTRIES) + "\r\n"
    (HERE / "ecritures.csv").write_bytes(text.encode("utf-8-sig"))
    wb = Workbook()
    ws = wb.active
    ws.title = "Écritures"
    for i, row in enumerate(ENTRIES):
        if i == 0:
            ws.append(list(row))
            continue
        day, month, year = row[0].split("/")
        amounts = [float(v.replace(" ", "").replace(",", ".")) if v else None for v in row[3:5]]
        ws.append([date(int(year), int(month), int(day)), int(row[1]), row[2], *amounts, row[5]])
    buf = io.BytesIO()
    wb.save(buf)
    (HERE / "ecritures.xlsx").write_bytes(buf.getvalue())
    (HERE / "flows.txt").write_text("-315000 ; 25500 ; 38000 ; 41 000,50 ; 45000\n", "utf-8")
    (HERE / "whatif.txt").write_text("Retour à l'emploi:deadweight=0,3\n", "utf-8")


if __name__ == "__main__":
    main()

"""The XLSX export of the risk register and maps, reopened and checked."""

from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook

from essdiag.dossier import Dossier
from essdiag.i18n import translator
from essdiag.report.risks_xlsx import risk_register_xlsx
from essdiag.risks import RiskSection
from essdiag.risks.views import register_view

TODAY = date(2026, 11, 27)


def test_xlsx_register_and_maps(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    raw = risk_register_xlsx(rec, translator("fr"), organisation="La Ressourcerie", today=TODAY)
    wb = load_workbook(io.BytesIO(raw))
    assert wb.sheetnames == [
        "Registre",
        "Carte résiduelle",
        "Carte brute",
        "Actions",
        "Continuité",
        "Matrice",
    ]
    reg = wb["Registre"]
    assert reg["A1"].value == "Registre des risques — La Ressourcerie — au 27 nov. 2026"
    header = [c.value for c in reg[3]]
    assert header[:4] == ["Identifiant", "Risque", "Catégorie", "Cause"]
    rows = {r[0]: r for r in reg.iter_rows(min_row=4, values_only=True)}
    assert len(rows) == 13
    r02 = rows["R02"]
    assert r02[2] == "Financier"
    assert r02[header.index("Score brut")] == 20
    assert r02[header.index("Score résiduel")] == 16
    assert r02[header.index("Niveau résiduel")] == "Élevé"
    # The map: likelihood 4 (row 5 - 4 + 5 = 6th grid row), impact 4 holds R02, coloured by band.
    grid = wb["Carte résiduelle"]
    cell = grid.cell(row=4 + 1 + (5 - 4) + 1 - 1, column=1 + 4)
    assert cell.value.startswith("Élevé (16)") and "R02" in cell.value
    assert cell.fill.fgColor.rgb.endswith("E69F00")
    assert grid.cell(row=5, column=1).value == "5. Quasi certain"
    assert wb["Actions"]["A1"].value == "Actions"  # the view's title, then its table
    actions = list(wb["Actions"].iter_rows(min_row=4, values_only=True))
    assert len(actions) == sum(len(r.actions) for r in rec.risks)
    assert wb["Matrice"]["A1"].value == "Matrice 5×5, version 2"


def test_xlsx_text_never_becomes_a_formula(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    data = rec.model_dump()
    data["risks"][0]["title"] = '=HYPERLINK("http://x")'
    raw = risk_register_xlsx(RiskSection.model_validate(data), translator("fr"))
    reg = load_workbook(io.BytesIO(raw))["Registre"]
    assert reg.cell(row=4, column=2).value == '\'=HYPERLINK("http://x")'


def test_the_register_sheet_is_the_screens_view(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    """Same headers and cells as the view the screen shows; dates stay dates."""
    fr = translator("fr")
    reg = load_workbook(io.BytesIO(risk_register_xlsx(rec, fr)))["Registre"]
    view = register_view(rec)
    assert [c.value for c in reg[3]] == view.headers(fr)
    rows = list(reg.iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in rows] == view.values("id")
    review = view.headers(fr).index("Prochaine revue")
    r13 = next(r for r in rows if r[0] == "R13")
    assert r13[review].date() == date(2026, 4, 30)  # a date cell, not text


def test_xlsx_in_english(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    wb = load_workbook(io.BytesIO(risk_register_xlsx(rec, translator("en"))))
    assert wb.sheetnames[0] == "Register"
    header = [c.value for c in wb["Register"][3]]
    assert header[:3] == ["Identifier", "Risk", "Category"]
    assert wb["Matrix"]["A1"].value == "5×5 matrix, version 2"
    rows = {r[0]: r for r in wb["Register"].iter_rows(min_row=4, values_only=True)}
    # The library's words in English; what the organisation typed stays as typed.
    assert rows["R02"][2] == "Financial" and rows["R02"][header.index("Residual level")] == "High"
    assert rows["R02"][1] == "Retard de versement du solde FSE+"
    # Two controls typed in French, in one cell joined the English way (« a; b », not « a ; b »).
    assert rows["R01"][header.index("Existing controls")] == (
        "Conventionnement ACI sur trois ans avec dialogue de gestion annuel; "
        "Suivi mensuel du taux d'occupation des postes avec la CIP"
    )
    grid = wb["Residual map"]
    assert grid["A2"].value == "5×5 matrix, version 2; score = likelihood × impact."
    assert grid["A4"].value == "Likelihood \\ Impact"
    assert grid.cell(row=5, column=1).value == "5. Almost certain"
    assert grid.cell(row=6, column=5).value.startswith("High (16)")
    statuses = {r[6] for r in wb["Actions"].iter_rows(min_row=4, values_only=True)}
    assert statuses <= {"To do", "In progress", "Done", "Dropped"}
    matrix = list(wb["Matrix"].iter_rows(min_row=4, values_only=True))
    assert matrix[3][:3] == ("Likelihood", 4, "Likely")

"""The DOCX export of the risk map, reopened and checked."""

from __future__ import annotations

import io
from datetime import date

from docx import Document

from essdiag.dossier import Dossier
from essdiag.i18n import translator
from essdiag.report.risks_docx import risk_map_docx

TODAY = date(2026, 11, 27)


def test_docx_map(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    raw = risk_map_docx(rec, translator("fr"), organisation="La Ressourcerie", today=TODAY)
    doc = Document(io.BytesIO(raw))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Cartographie des risques — La Ressourcerie" in text
    assert "13 risques suivis, matrice 5×5 (version 2)" in text
    assert "R02 — Retard de versement du solde FSE+" in text
    assert "C02 — Collecte et atelier de valorisation" in text
    assert "Dernier exercice : 15 mai 2026" in text  # C02 was exercised on 2026-05-15
    bands = [
        p.text for p in doc.paragraphs if p.style is not None and p.style.name == "List Bullet"
    ]
    assert bands[:2] == [  # 5×5 thresholds ≤4 / ≤9, ranges written by hand
        "Faible (1–4) : Accepter et surveiller ; revoir une fois par an.",
        "Modéré (5–9) : Maîtriser par les mesures courantes ; revoir tous les six mois.",
    ]
    grid = doc.tables[0]
    assert grid.cell(0, 5).text == "5. Critique"
    assert "R02" in grid.cell(2, 4).text  # likelihood 4 is the second grid row
    shade = grid.cell(2, 4)._tc.tcPr.xpath("./w:shd")[0]
    assert (
        shade.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}fill") == "E69F00"
    )
    top = doc.tables[1]
    assert top.cell(1, 0).text == "R02"
    late = doc.tables[2]
    assert [late.cell(i, 0).text for i in range(1, len(late.rows))] == [
        "R12",
        "R06",
        "R02",
        "R05",
        "R04",
    ]


def test_docx_in_english_translates_headings(recyclerie: Dossier) -> None:
    rec = recyclerie.risks
    raw = risk_map_docx(rec, translator("en"), today=TODAY)
    headings = [
        p.text
        for p in Document(io.BytesIO(raw)).paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]
    assert "Risk map" in headings


def test_docx_in_english_writes_the_librarys_words_in_english(recyclerie: Dossier) -> None:
    """Headings, labels, bands, the map and its legend in English (issue #11); the
    organisation's own texts as typed."""
    rec = recyclerie.risks
    doc = Document(io.BytesIO(risk_map_docx(rec, translator("en"), today=TODAY)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Situation at 27 Nov 2026: 13 risks followed, 5×5 matrix (version 2)." in text
    assert "Low (1–4): Accept and monitor; review once a year." in text
    assert "Category: Financial" in text and "Cause : " not in text
    assert "Owner: Responsable administrative et financière" in text  # typed by the user
    grid = doc.tables[0]
    assert grid.cell(0, 0).text == "Likelihood \\ Impact"
    assert grid.cell(2, 4).text.startswith("High (16)")
    assert [c.text for c in doc.tables[1].rows[0].cells][:2] == ["Identifier", "Risk"]

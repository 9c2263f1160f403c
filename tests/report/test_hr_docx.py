"""The HR summary for the board and the CSE, reopened: parts, reasons, short tables, languages."""

from __future__ import annotations

import io
from typing import Any

import pytest
from docx import Document

from essdiag.i18n import translator
from essdiag.report.hr_docx import MAX_ROWS, _widths, hr_docx
from tests.hr.samples import sample_report


def _doc(lang: str = "fr") -> Any:
    return Document(io.BytesIO(hr_docx(sample_report(), translator(lang))))


def _headings(doc: Any, level: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == level]


def test_parts_in_the_screens_order() -> None:
    doc = _doc()
    assert _headings(doc, "Title") == ["Ressources humaines — La Ressourcerie des Confluences"]
    assert _headings(doc, "Heading 1") == [
        "Effectif",
        "Politique de rémunération",
        "Index de l'égalité professionnelle",
        "Transparence salariale (directive européenne 2023/970)",
        "Obligation d'emploi des travailleurs handicapés",
        "Compétences et formation",
        "Indicateurs sociaux",
        "Qualité de vie au travail",
    ]


def test_a_figure_that_cannot_be_computed_says_why_on_its_line() -> None:
    bullets = _headings(_doc(), "List Bullet")
    index = next(b for b in bullets if b.startswith("Index de l'égalité professionnelle"))
    # the reason stands in place of the value, with no dash for the missing value before it
    assert index == (
        "Index de l'égalité professionnelle : Non calculable : moins de 75 points sont calculables"
    )
    median = next(b for b in bullets if b.startswith("Écart médian des composantes variables"))
    assert "la médiane des hommes est nulle" in median
    # the ratio once, as its card writes it: 43 200,00 € / 21 621,57 € = 1,998…, by hand
    assert (
        "Écart entre la plus haute et la plus basse rémunération : la plus haute rémunération "
        "vaut 2,00 fois la plus basse"
    ) in bullets
    # a gap of −0,003 % reads 0,0 % and favours nobody
    assert "Écart médian de rémunération de base : 0,0\xa0% — égalité" in bullets


def test_tables_keep_the_printed_columns_and_rows() -> None:
    doc = _doc()
    plan = next(t for t in doc.tables if t.rows[0].cells[0].text == "Priorité")
    assert [c.text for c in plan.rows[0].cells] == [
        "Priorité",
        "Personne",
        "Compétence",
        "Niveau actuel",
        "Niveau visé",
        "Coût",
        "Coût cumulé",
    ]
    assert len(plan.rows) == 1 + MAX_ROWS
    assert any(p.text.startswith("… 62 lignes au total") for p in doc.paragraphs)


def test_english_summary_reads_in_english() -> None:
    doc = _doc("en")
    assert _headings(doc, "Heading 1")[:3] == ["Workforce", "Pay policy", "Gender equality index"]
    text = "\n".join(p.text for p in doc.paragraphs)
    for french in ("Non calculable", "lignes au total", "Période du", " : ", " ; "):
        assert french not in text, french


def test_an_amount_is_measured_whole_so_that_it_never_wraps() -> None:
    widths = _widths([["Coût", "Compétence"], ["1\u202f100\xa0€", "Vente conseil"]])
    # « 1 100 € » holds no-break spaces: 7 characters + 3 of padding = 10 (split at every
    # space it would be « Coût », 4 + 3 = 7, and « € » would wrap); « Compétence » 10 + 3 = 13,
    # « Vente conseil » 13: the 17 cm of text shared 10 : 13.
    assert widths[0].cm == pytest.approx(17 * 10 / 23, abs=1e-3)
    assert widths[1].cm == pytest.approx(17 * 13 / 23, abs=1e-3)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Écart de taux d'augmentations (promotions comprises) : 25 points sur 35"),
        ("en", "Raise rate gap (promotions included): 25 points out of 35"),
    ],
)
def test_an_indicators_points_are_written_once(lang: str, line: str) -> None:
    # The sample's raise-rate gap of 34,0 points scores 25 of 35 (Egapro scale, 50–250 band);
    # its line used to read « 25 points — 25 points sur 35 ».
    bullets = _headings(_doc(lang), "List Bullet")
    assert line in bullets
    assert not any(" — 15 points" in b or " — 25 points" in b for b in bullets)


def test_amounts_on_a_line_are_all_to_the_cent() -> None:
    # The mean of the five highest FTE pays and its ESUS cap on one line, all to the cent: the cap is
    # 7 × the annual SMIC, 7 × 11,88 € × 151,67 h × 12 = 151 351,20 € (by hand, SMIC of 2025).
    bullets = _headings(_doc(), "List Bullet")
    top5 = next(b for b in bullets if b.startswith("Moyenne des 5 plus hautes rémunérations"))
    assert top5 == (
        "Moyenne des 5 plus hautes rémunérations (ETP) : 33\u202f020,00\xa0€ — dans le plafond de "
        "151\u202f351,20\xa0€ : marge de 118\u202f331,20\xa0€"
    )

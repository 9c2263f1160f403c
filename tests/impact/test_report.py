"""The impact report: the same blocks laid out as DOCX and PDF, in French and in English."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd

from essdiag.i18n import translator
from essdiag.impact.indicators import indicator_board
from essdiag.impact.results import sroi_analysis
from essdiag.impact.surveys import answers_frame, read_survey_file
from essdiag.report.impact_docx import impact_docx
from essdiag.report.impact_pdf import impact_html, impact_pdf
from essdiag.report.impact_report import FigureBlock, Heading, ImageBlock, TableBlock, build_report
from essdiag.samples import load_sample
from tests.conftest import skip_or_fail

REPO = Path(__file__).resolve().parents[2]


def report(lang: str = "fr", *, charts: bool = False):  # type: ignore[no-untyped-def]
    dossier = load_sample("recyclerie")
    survey = dossier.impact.surveys[0]
    table, _ = read_survey_file(
        (REPO / "sample_data/recyclerie/enquete_satisfaction_2026.csv").read_bytes(), file="x"
    )
    assert table is not None
    frame, _ = answers_frame(table, survey)
    board, _ = indicator_board(
        dossier.impact, dossier.identity, workforce_period="2026", surveys={survey.id: frame}
    )
    analysis = sroi_analysis(dossier, on=date(2026, 11, 1))
    surveys: list[tuple[object, pd.DataFrame | None]] = [(survey, frame)]
    return build_report(
        dossier.identity,
        dossier.impact,
        board,
        analysis,
        surveys,  # type: ignore[arg-type]
        tr=translator(lang),
        today=date(2026, 11, 20),
        charts=charts,
    )


def test_the_report_holds_every_part_with_figures_and_their_working() -> None:
    rep = report()
    headings = [b.text for b in rep.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [
        "La structure et son utilité sociale",
        "Théorie du changement",
        "Tableau de bord des indicateurs",
        "Analyse SROI (retour social sur investissement)",
        "Écoute des publics",
        "Méthode et sources",
    ]
    ratio = next(b for b in rep.blocks if isinstance(b, FigureBlock) and b.label == "Ratio SROI")
    assert ratio.value == "0,92" and any(s.startswith("Ratio SROI = ") for s in ratio.steps)
    tables = [b for b in rep.blocks if isinstance(b, TableBlock)]
    assert any(t.title == "Tableau de bord des indicateurs" for t in tables)
    tornado = next(t for t in tables if t.title.startswith("Sensibilité"))
    assert len(tornado.rows) == 15
    assert all(b.png is None for b in rep.blocks if isinstance(b, ImageBlock))


def test_docx_and_pdf_are_written_in_both_languages() -> None:
    from docx import Document

    for lang, title in (("fr", "Rapport d'impact social"), ("en", "Social impact report")):
        rep = report(lang)
        tr = translator(lang)
        doc = Document(io.BytesIO(impact_docx(rep, tr)))
        text = "\n".join(p.text for p in doc.paragraphs)
        assert title in text and "La Ressourcerie des Confluences" in text
        assert len(doc.tables) >= 8
        html = impact_html(rep, tr)
        assert f'lang="{lang}"' in html and "<script" not in html
    pdf = impact_pdf(report(), translator("fr"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_user_text_never_becomes_markup() -> None:
    rep = report()
    rep.blocks.append(
        TableBlock(title="<b>x</b>", headers=("<i>",), rows=(("<script>alert(1)</script>",),))
    )
    html = impact_html(rep, translator("fr"))
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_charts_are_drawn_as_png_when_a_browser_is_there() -> None:
    if not Path("/usr/bin/chromium").exists():
        skip_or_fail("no Chromium to draw the charts (.ci/run installs it)")
    rep = report(charts=True)
    images = [b for b in rep.blocks if isinstance(b, ImageBlock)]
    assert images and all(b.png is not None and b.png.startswith(b"\x89PNG") for b in images)

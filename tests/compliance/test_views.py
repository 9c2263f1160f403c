"""Views, charts and exports of the legal and fiscal frame, from the same report."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from essdiag.charts.compliance import csess_radar, verdicts_chart
from essdiag.compliance.engine import compliance_report
from essdiag.compliance.findings import ComplianceReport, Frame, Verdict
from essdiag.compliance.section import CsessTheme
from essdiag.compliance.views import (
    activities_view,
    attention_view,
    authorities_view,
    charges_view,
    counts_view,
    criteria_view,
    csess_view,
    findings_view,
    summary_figures,
)
from essdiag.dossier import Dossier
from essdiag.i18n import translator
from essdiag.report.compliance_docx import assembly_report_docx, compliance_note_docx
from essdiag.report.compliance_xlsx import compliance_xlsx
from essdiag.samples import load_sample

FR, EN = translator("fr"), translator("en")
ON = date(2026, 12, 1)


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return load_sample("recyclerie")


@pytest.fixture(scope="module")
def report(dossier: Dossier) -> ComplianceReport:
    return compliance_report(dossier, on=ON)[0]


def test_counts_add_up_to_the_findings(report: ComplianceReport) -> None:
    view = counts_view(report)
    totals = sum(
        sum(view.values(k)) for k in ("conform", "to_check", "not_conform", "not_applicable")
    )
    assert totals == len(report.findings)
    assert view.values("frame")[0] == Frame.ESS.label
    figures = summary_figures(report)
    assert sum(f.value for f in figures) == len(report.findings)  # type: ignore[misc]
    assert figures[0].label == "Non conformes"


def test_attention_lists_only_what_is_to_handle_most_severe_first(report: ComplianceReport) -> None:
    view = attention_view(report, FR)
    verdicts = view.values("verdict")
    assert set(verdicts) <= {Verdict.NOT_CONFORM.label, Verdict.TO_CHECK.label}
    assert len(view) == report.counts()[Verdict.TO_CHECK] + report.counts()[Verdict.NOT_CONFORM]


def test_findings_view_reads_in_english(report: ComplianceReport) -> None:
    shown = findings_view(report.findings, EN, with_frame=True).display(EN)
    assert list(shown.columns)[:3] == ["Frame", "Criterion", "Verdict"]
    assert "Compliant" in set(shown["Verdict"])
    assert "€" in " ".join(criteria_view(report.findings, EN).display(EN)["Threshold"])


def test_views_of_the_tabs(dossier: Dossier, report: ComplianceReport) -> None:
    charges = charges_view(report.charges)
    assert charges.values("year") == ["2025", "2024", "2023"]
    assert charges.values("total")[0] == pytest.approx(1042267.72)
    funders = authorities_view(dossier.funding.sources, 2026, 23000.0)
    assert funders.values("funder")[0] == "État – Ministère du Travail"  # ASP 320 280 €
    assert all(funders.values("required")[:5])
    acts = activities_view(dossier.compliance.tax, dossier.funding.sources, 2026)
    assert acts.values("receipts")[0] == 255440.0  # the shop's register line for 2026
    assert csess_view(dossier.compliance.csess).values("points") == [3, 2, 3, 2, 2, 2, 3, 2]
    assert csess_view(dossier.compliance.csess).csv(FR).startswith("\ufeffThème;".encode())


def test_charts_carry_words_and_counts_not_colour_alone(
    report: ComplianceReport, dossier: Dossier
) -> None:
    bars = verdicts_chart(counts_view(report), FR)
    assert [t.name for t in bars.data] == ["Conforme", "À vérifier", "Non conforme", "Sans objet"]
    assert bars.data[1].marker.pattern.shape == "/"
    radar = csess_radar(csess_view(dossier.compliance.csess), EN)
    trace = radar.data[0]
    assert len(trace.r) == len(CsessTheme) + 1  # closed polygon
    assert list(trace.text[:3]) == ["3", "2", "3"]
    json.loads(radar.to_json())  # serialisable for the browser


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def test_the_note_lists_every_finding_with_its_working(
    report: ComplianceReport, dossier: Dossier
) -> None:
    text = _text(compliance_note_docx(report, dossier.identity, FR, revision=3))
    assert "Cadre juridique et fiscal — La Ressourcerie des Confluences" in text
    for f in report.findings:
        assert FR(f.title) in text
    assert "Comment est-ce calculé ?" in text
    assert "81\u202f051" in text  # the 2026 franchise threshold


def test_the_assembly_report_is_filled_from_the_dossier(
    report: ComplianceReport, dossier: Dossier
) -> None:
    data = assembly_report_docx(
        report, dossier.identity, dossier.compliance, FR, today=ON, revision=3
    )
    text = _text(data)
    assert "assemblée générale du 20 juin 2026" in text
    for theme in CsessTheme:
        assert theme.label in text
    assert "180 adhérents ou sociétaires" in text  # identity
    assert "Score moyen : 2,4 sur 4." in text
    assert "Parité au CA" in text  # the self-assessment's evidence
    english = _text(
        assembly_report_docx(report, dossier.identity, dossier.compliance, EN, today=ON)
    )
    assert "general assembly" in english.lower()


def test_the_workbook_keeps_numbers_as_numbers(report: ComplianceReport, dossier: Dossier) -> None:
    data = compliance_xlsx(
        report, dossier.compliance, dossier.funding.sources, FR, organisation="R"
    )
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == [
        "Constats",
        "Critères chiffrés",
        "Calculs",
        "Charges ESUS",
        "Financeurs publics",
        "Activités 4P",
        "Guide CSESS",
    ]
    charges = wb["Charges ESUS"]
    assert charges.cell(row=4, column=2).value == pytest.approx(1042267.72)
    assert charges.cell(row=4, column=2).number_format.startswith("#,##0.00")
    assert wb["Constats"].max_row == len(report.findings) + 3  # title, blank line, header

"""DOCX exports of the legal and fiscal frame: the full note, and the draft report to the general assembly.

* :func:`compliance_note_docx` — every finding with its conclusion, what
  would change it, the texts applied, the dated parameters and the working
  of its figure: material for a learner's reflective paper or a board file.
* :func:`assembly_report_docx` — the draft of the annual report on the
  application of the guide of good practices (loi n° 2014-856, art. 3),
  filled from what the dossier knows (identity, people, territory, pay caps,
  funders, compliance), theme by theme, with the self-assessment's evidence
  and actions; the appendix lists the frame's findings. A draft to re-read.

Both take the report computed by :mod:`essdiag.compliance.engine`, so the
document says exactly what the screen says.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from essdiag.compliance.findings import ComplianceReport, Finding, Frame
from essdiag.compliance.rules.csess import mean_score
from essdiag.compliance.section import ComplianceSection, CsessTheme
from essdiag.compliance.views import csess_view
from essdiag.i18n import Translator
from essdiag.identity import Identity

__all__ = ["assembly_report_docx", "compliance_note_docx"]


def _table(doc: Any, headers: list[str], rows: list[list[str]]) -> Any:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    return table


def _bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _finding_block(doc: Any, f: Finding, tr: Translator) -> None:
    doc.add_heading(f"{tr(f.title)} — {tr(f.verdict.label)}", level=2)
    doc.add_paragraph(f.conclusion_text(tr))
    change = f.change_text(tr)
    if change:
        p = doc.add_paragraph()
        p.add_run(tr("Ce qui changerait la conclusion : ")).bold = True
        p.add_run(change)
    if f.references:
        p = doc.add_paragraph()
        p.add_run(tr("Textes appliqués : ")).bold = True
        p.add_run(f.references_text(tr))
    if f.parameters:
        p = doc.add_paragraph()
        p.add_run(tr("Paramètres datés : ")).bold = True
        p.add_run(f.parameters_text(tr))
    if f.figure is not None:
        doc.add_paragraph(tr("Comment est-ce calculé ?")).runs[0].italic = True
        for step in f.figure.steps(tr):
            doc.add_paragraph(step, style="List Bullet")


def compliance_note_docx(
    report: ComplianceReport, identity: Identity, tr: Translator, *, revision: int | None = None
) -> bytes:
    """Every finding of the report, frame by frame, as DOCX bytes."""
    from docx import Document

    doc = Document()
    doc.add_heading(tr("Cadre juridique et fiscal — {name}", name=identity.name), level=0)
    doc.add_paragraph(
        tr(
            "Règles appliquées au {date}, montants de l'exercice {year}. Chaque constat cite le "
            "texte appliqué et la date des paramètres utilisés.",
            date=tr.date(report.on),
            year=report.year,
        )
        + (tr(" Dossier en version {rev}.", rev=revision) if revision else "")
    )
    counts = report.counts()
    _table(
        doc,
        [tr("Cadre"), tr("Verdict d'ensemble")],
        [[tr(frame.label), tr(report.verdict(frame).label)] for frame in Frame if report.of(frame)],
    )
    doc.add_paragraph(" · ".join(f"{tr(v.label)} : {n}" for v, n in counts.items()))
    for frame in Frame:
        found = report.of(frame)
        if not found:
            continue
        doc.add_heading(tr(frame.label), level=1)
        for f in found:
            _finding_block(doc, f, tr)
    return _bytes(doc)


def _facts(
    theme: CsessTheme, identity: Identity, report: ComplianceReport, tr: Translator
) -> list[str]:
    """What the dossier already says about a theme of the guide."""
    out: list[str] = []

    def conclusion(code: str) -> None:
        try:
            out.append(report.get(code).conclusion_text(tr))
        except KeyError:
            return

    if theme is CsessTheme.GOVERNANCE:
        out.append(
            tr(
                "{members} adhérents ou sociétaires, {volunteers} bénévoles réguliers, {headcount} "
                "salariés ({fte} ETP).",
                members=tr.number(identity.members),
                volunteers=tr.number(identity.volunteers),
                headcount=tr.number(identity.headcount),
                fte=tr.number(identity.fte, 1),
            )
        )
        conclusion("ess.governance")
    elif theme is CsessTheme.STRATEGY:
        conclusion("utility.conditions")
    elif theme is CsessTheme.TERRITORY:
        place = identity.address.city or identity.territory.commune
        if place:
            out.append(
                tr(
                    "Siège à {place} (commune {commune}, département {departement}).",
                    place=place,
                    commune=identity.territory.commune or "–",
                    departement=identity.territory.departement or "–",
                )
            )
        conclusion("grants.agreements")
    elif theme is CsessTheme.PAY_POLICY:
        conclusion("esus.top5_pay")
        conclusion("esus.top_pay")
        if len(report.pays) >= 2 and report.pays[-1] > 0:
            out.append(
                tr(
                    "Écart entre la plus haute et la plus basse rémunération connues (en ETP) : "
                    "{ratio}.",
                    ratio=tr.number(report.pays[0] / report.pays[-1], 2),
                )
            )
    elif theme is CsessTheme.SUSTAINABILITY:
        conclusion("utility.conditions")
    elif theme is CsessTheme.ETHICS:
        conclusion("grants.auditor")
        conclusion("grants.republican_contract")
        conclusion("tax.distribution")
    return out


def assembly_report_docx(
    report: ComplianceReport,
    identity: Identity,
    section: ComplianceSection,
    tr: Translator,
    *,
    today: date,
    revision: int | None = None,
) -> bytes:
    """The draft report to the general assembly on the application of the guide, as DOCX bytes."""
    from docx import Document

    answers = section.csess
    doc = Document()
    doc.add_heading(tr("Rapport sur l'application du guide des bonnes pratiques"), level=0)
    held = answers.assembly_date
    doc.add_paragraph(
        tr(
            "{name} — projet présenté à l'assemblée générale du {date} (exercice {year}).",
            name=identity.name,
            date=tr.date(held) if held else tr("date à fixer"),
            year=report.year,
        )
    ).runs[0].bold = True
    doc.add_paragraph(
        tr(
            "L'article 3 de la loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et "
            "solidaire prévoit que les entreprises de l'ESS présentent chaque année à leur "
            "assemblée générale l'application du guide des bonnes pratiques adopté par le Conseil "
            "supérieur de l'ESS. Ce rapport en rend compte thème par thème : le niveau atteint, ce "
            "que montrent les données du dossier, les éléments de preuve et les actions prévues."
        )
    )
    doc.add_heading(tr("La structure en bref"), level=1)
    for line in (
        tr("Forme juridique : {form}.", form=tr(identity.legal_form.label)),
        tr("Objet : {purpose}", purpose=identity.purpose or "–"),
        tr(
            "Équipe : {headcount} salariés ({fte} ETP), {volunteers} bénévoles réguliers, "
            "{members} adhérents ou sociétaires.",
            headcount=tr.number(identity.headcount),
            fte=tr.number(identity.fte, 1),
            volunteers=tr.number(identity.volunteers),
            members=tr.number(identity.members),
        ),
        tr("Agrément ESUS : {status}", status=report.get("esus.status").conclusion_text(tr)),
    ):
        doc.add_paragraph(line, style="List Bullet")

    doc.add_heading(tr("Synthèse de l'auto-évaluation"), level=1)
    view = csess_view(answers)
    _table(
        doc,
        [tr("Thème"), tr("Niveau")],
        [
            [tr(str(t)), tr(str(level))]
            for t, level in zip(view.values("theme"), view.values("level"), strict=True)
        ],
    )
    score = mean_score(answers)
    doc.add_paragraph(
        tr("Score moyen : {score} sur 4.", score=tr.number(score, 1))
        if score is not None
        else tr("Aucun thème n'est encore évalué.")
    )

    for theme in CsessTheme:
        a = answers.of(theme)
        doc.add_heading(tr(theme.label), level=1)
        p = doc.add_paragraph()
        p.add_run(tr("Niveau : ")).bold = True
        p.add_run(tr(a.level.label) if a.level else tr("non évalué"))
        facts = _facts(theme, identity, report, tr)
        if facts:
            doc.add_paragraph(tr("Ce que montre le dossier")).runs[0].italic = True
            for fact in facts:
                doc.add_paragraph(fact, style="List Bullet")
        p = doc.add_paragraph()
        p.add_run(tr("Éléments de preuve : ")).bold = True
        p.add_run(a.evidence or tr("à compléter"))
        p = doc.add_paragraph()
        p.add_run(tr("Actions d'amélioration : ")).bold = True
        p.add_run(a.actions or tr("à compléter"))

    doc.add_heading(
        tr("Annexe : cadre juridique et fiscal au {date}", date=tr.date(report.on)), level=1
    )
    _table(
        doc,
        [tr("Cadre"), tr("Critère"), tr("Verdict"), tr("Conclusion")],
        [
            [tr(f.frame.label), tr(f.title), tr(f.verdict.label), f.conclusion_text(tr)]
            for f in report.findings
        ],
    )
    doc.add_paragraph(
        tr(
            "Projet établi par essdiag le {date} à partir du dossier{rev} : à relire, compléter et "
            "adopter par le conseil avant l'assemblée.",
            date=tr.date(today),
            rev=tr(" (version {rev})", rev=revision) if revision else "",
        )
    ).runs[0].italic = True
    return _bytes(doc)

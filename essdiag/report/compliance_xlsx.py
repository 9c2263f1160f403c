"""XLSX export of the legal and fiscal frame: findings, numbered criteria, working, and the tables.

One workbook from the same report and views as the screen: « Constats »
(every finding with its texts and dated parameters), « Critères chiffrés »
(value, threshold, margin), « Calculs » (each figure's working, one line per
step), then the tables of the tabs (charges of the closed years, public
funders, activities and 4P, guide of good practices). Numbers stay numbers
(€ and % formats); text that could run as a formula is neutralised.
"""

from __future__ import annotations

from collections.abc import Sequence

from essdiag.compliance.findings import ComplianceReport
from essdiag.compliance.section import ComplianceSection
from essdiag.compliance.views import (
    activities_view,
    authorities_view,
    charges_view,
    criteria_view,
    csess_view,
    findings_view,
)
from essdiag.funding.section import FundingSource
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table, write_view

__all__ = ["compliance_xlsx"]


def compliance_xlsx(
    report: ComplianceReport,
    section: ComplianceSection,
    sources: Sequence[FundingSource],
    tr: Translator,
    *,
    organisation: str = "",
) -> bytes:
    """The workbook as bytes."""
    wb, buf = new_workbook()
    findings = findings_view(report.findings, tr, with_frame=True)
    write_view(wb, tr("Constats"), findings, tr)
    write_view(wb, tr("Critères chiffrés"), criteria_view(report.findings, tr), tr)
    steps = [
        [tr(f.title), tr(f.verdict.label), step]
        for f in report.findings
        if f.figure is not None
        for step in f.figure.steps(tr)
    ]
    write_table(
        wb,
        tr("Calculs"),
        [tr("Critère"), tr("Verdict"), tr("Étape du calcul")],
        steps,
        title=tr("Comment est-ce calculé ? — {name}", name=organisation)
        if organisation
        else tr("Comment est-ce calculé ?"),
    )
    write_view(wb, tr("Charges ESUS"), charges_view(report.charges), tr)
    threshold = report.get("grants.agreements").threshold or 0.0
    write_view(wb, tr("Financeurs publics"), authorities_view(sources, report.year, threshold), tr)
    write_view(wb, tr("Activités 4P"), activities_view(section.tax, sources, report.year), tr)
    write_view(wb, tr("Guide CSESS"), csess_view(section.csess), tr)
    wb.close()
    return buf.getvalue()

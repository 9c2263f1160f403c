"""DOCX export of the impact report: for funders, and for the learner's dissertation.

Lays out the blocks of :func:`essdiag.report.impact_report.build_report`
with python-docx: headings, paragraphs, each figure with its value, reading
and working, tables in a small font with a header row repeated on every
page, and charts as images with their caption (the table beside each chart
carries the same values).
"""

from __future__ import annotations

import io
from typing import Any

from essdiag.i18n import N_, Translator
from essdiag.report.impact_report import (
    Bullets,
    FigureBlock,
    Heading,
    ImageBlock,
    ImpactReport,
    Paragraph,
    TableBlock,
)

__all__ = ["impact_docx"]


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _table(doc: Any, block: TableBlock) -> None:
    from docx.shared import Pt

    if block.title:
        doc.add_paragraph(block.title, style="Caption")
    if not block.rows:
        doc.add_paragraph("–")
        return
    table = doc.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    _repeat_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
            run.font.size = Pt(8)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)


def _figure(doc: Any, block: FigureBlock, tr: Translator) -> None:
    from docx.shared import Pt

    p = doc.add_paragraph()
    p.add_run(f"{block.label} : ").bold = True
    p.add_run(block.value)
    if block.reading:
        p.add_run(f" — {block.reading}").italic = True
    working = doc.add_paragraph(style="List Bullet")
    run = working.add_run(tr(N_("Comment est-ce calculé ?")))
    run.font.size = Pt(8)
    run.bold = True
    for step in block.steps:
        item = doc.add_paragraph(style="List Bullet 2")
        item.add_run(step).font.size = Pt(8)


def impact_docx(report: ImpactReport, tr: Translator) -> bytes:
    """The report as DOCX bytes (A4, narrow margins)."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin = section.bottom_margin = Cm(1.8)
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = report.title
    doc.core_properties.language = tr.lang
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    for block in report.blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            doc.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                doc.add_paragraph(item, style="List Bullet")
        elif isinstance(block, FigureBlock):
            _figure(doc, block, tr)
        elif isinstance(block, TableBlock):
            _table(doc, block)
        elif isinstance(block, ImageBlock) and block.png is not None:
            doc.add_picture(io.BytesIO(block.png), width=Cm(17.4))
            doc.add_paragraph(block.caption, style="Caption")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()

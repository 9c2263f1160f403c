"""PDF export of the impact report, through HTML and CSS (weasyprint).

Lays out the blocks of :func:`essdiag.report.impact_report.build_report`
as an A4 HTML document (numbered pages, running title, tables with their
header repeated on each page, charts embedded as PNG with their caption)
and prints it with weasyprint. Every text is escaped: what the user typed
never becomes markup.
"""

from __future__ import annotations

import base64
import html

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

__all__ = ["impact_html", "impact_pdf"]

_CSS = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @top-left { content: string(title); font-family: "DejaVu Sans", Arial, sans-serif;
    font-size: 8pt; color: #555; }
  @bottom-right { content: counter(page) " / " counter(pages);
    font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; color: #555; } }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; color: #1f1f1f; line-height: 1.35; }
h1.title { string-set: title content(); font-size: 19pt; color: #0b4f7c; margin: 0 0 2mm 0; }
p.subtitle { color: #555; margin-top: 0; }
h2 { font-size: 14pt; color: #0b4f7c; border-bottom: 1px solid #9ec3dc; margin-top: 8mm; }
h3 { font-size: 11.5pt; color: #0b4f7c; margin-top: 5mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm 0; font-size: 7.5pt; }
thead { display: table-header-group; }
th { background: #ddebf7; text-align: left; }
th, td { border: 1px solid #bdbdbd; padding: 1.2mm 1.5mm; vertical-align: top; }
tr { page-break-inside: avoid; }
.caption { font-size: 8pt; color: #444; font-style: italic; margin: 1mm 0 3mm 0; }
.figure { margin: 2mm 0; page-break-inside: avoid; }
.figure .value { font-weight: bold; }
.figure .reading { font-style: italic; }
.figure ul { font-size: 7.5pt; color: #333; margin: 0.5mm 0 0 0; }
img { width: 100%; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _table(block: TableBlock) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in block.headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in block.rows
    )
    caption = f'<p class="caption">{_e(block.title)}</p>' if block.title else ""
    return f"{caption}<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure(block: FigureBlock, tr: Translator) -> str:
    reading = f' — <span class="reading">{_e(block.reading)}</span>' if block.reading else ""
    steps = "".join(f"<li>{_e(s)}</li>" for s in block.steps)
    how = _e(tr(N_("Comment est-ce calculé ?")))
    return (
        f'<div class="figure"><b>{_e(block.label)}</b> : <span class="value">{_e(block.value)}</span>'
        f"{reading}<ul><li><b>{how}</b><ul>{steps}</ul></li></ul></div>"
    )


def impact_html(report: ImpactReport, tr: Translator) -> str:
    """The report as a standalone HTML document (the PDF's source)."""
    parts = [
        f'<h1 class="title">{_e(report.title)}</h1>',
        f'<p class="subtitle">{_e(report.subtitle)}</p>',
    ]
    for block in report.blocks:
        if isinstance(block, Heading):
            tag = "h2" if block.level <= 1 else "h3"
            parts.append(f"<{tag}>{_e(block.text)}</{tag}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{_e(block.text)}</p>")
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{_e(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, FigureBlock):
            parts.append(_figure(block, tr))
        elif isinstance(block, TableBlock):
            parts.append(_table(block))
        elif isinstance(block, ImageBlock) and block.png is not None:
            data = base64.b64encode(block.png).decode("ascii")
            parts.append(
                f'<img src="data:image/png;base64,{data}" alt="{_e(block.caption)}">'
                f'<p class="caption">{_e(block.caption)}</p>'
            )
    return (
        f'<!DOCTYPE html><html lang="{tr.lang}"><head><meta charset="utf-8">'
        f"<title>{_e(report.title)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


def impact_pdf(report: ImpactReport, tr: Translator) -> bytes:
    """The report as PDF bytes (weasyprint)."""
    from weasyprint import HTML  # type: ignore[import-untyped]  # heavy: imported when a PDF is made

    pdf: bytes = HTML(string=impact_html(report, tr)).write_pdf()
    return pdf

"""XLSX export of the risk register and map.

Sheets: « Registre » (every risk with its scores), « Carte résiduelle » and
« Carte brute » (the matrix as a grid, each cell coloured by band with its word
and the risks in it), « Actions », « Continuité » and « Matrice » (levels and
bands of the version in force). Every table is a view of
:mod:`essdiag.risks.views` or :mod:`essdiag.risks.follow`, the same the screen
shows, written with its headers and cells (numbers and dates stay typed);
text goes through :func:`essdiag.xlsx.safe_text`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from essdiag.i18n import Translator
from essdiag.risks.follow import actions_view, continuity_view
from essdiag.risks.matrix import current_matrix
from essdiag.risks.section import RiskSection
from essdiag.risks.views import heatmap_view, matrix_view, register_view
from essdiag.xlsx import new_workbook, safe_text, write_view

__all__ = ["risk_register_xlsx"]


def _map_sheet(wb: Any, name: str, section: RiskSection, kind: str, tr: Translator) -> None:
    _ = tr
    matrix = current_matrix(section)
    cells = heatmap_view(section, kind).frame
    ws = wb.add_worksheet(name[:31])
    n = matrix.size
    title = wb.add_format({"bold": True, "font_size": 13})
    head = wb.add_format(
        {"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1}
    )
    ws.write_string(0, 0, safe_text(name), title)
    ws.write_string(
        1,
        0,
        safe_text(
            _(
                "Matrice {size}×{size}, version {version} ; score = probabilité × gravité.",
                size=n,
                version=matrix.version,
            )
        ),
    )
    top = 3
    ws.write_string(top, 0, safe_text(_("Probabilité \\ Gravité")), head)
    for j, level in enumerate(matrix.impact, start=1):
        ws.write_string(top, j, safe_text(f"{j}. {tr(level.label)}"), head)
    formats: dict[str, Any] = {}
    for row in cells.itertuples():
        r = top + 1 + (n - int(row.likelihood))  # highest likelihood on top
        c = int(row.impact)
        if row.impact == 1:
            ws.write_string(
                r,
                0,
                safe_text(
                    f"{int(row.likelihood)}. {tr(matrix.likelihood[int(row.likelihood) - 1].label)}"
                ),
                head,
            )
        colour = str(row.colour)
        fmt = formats.get(colour)
        if fmt is None:
            fmt = wb.add_format(
                {
                    "bg_color": colour,
                    "text_wrap": True,
                    "valign": "top",
                    "border": 1,
                    "font_color": "#000000",
                }
            )
            formats[colour] = fmt
        text = f"{tr(str(row.band))} ({int(row.score)})"
        if row.risks:
            text += "\n" + str(row.risks)
        ws.write_string(r, c, safe_text(text), fmt)
    ws.set_column(0, 0, 22)
    ws.set_column(1, n, 20)
    for i in range(n):
        ws.set_row(top + 1 + i, 48)


def risk_register_xlsx(
    section: RiskSection, tr: Translator, *, organisation: str = "", today: date | None = None
) -> bytes:
    """The register, the maps, the actions, the continuity sheets and the matrix, as XLSX bytes.

    Every word is in the reader's language (``tr``): sheet names, headers,
    the library's words (categories, bands, statuses); what the user typed
    stays as typed.
    """
    _ = tr
    wb, buf = new_workbook()
    matrix = current_matrix(section)
    heading = (
        _("Registre des risques — {name}", name=organisation)
        if organisation
        else _("Registre des risques")
    )
    if today is not None:
        heading += " — " + _("au {date}", date=tr.date(today))
    write_view(wb, _("Registre"), register_view(section, tr), tr, title=heading)
    _map_sheet(wb, _("Carte résiduelle"), section, "residual", tr)
    _map_sheet(wb, _("Carte brute"), section, "inherent", tr)
    write_view(wb, _("Actions"), actions_view(section), tr)
    write_view(wb, _("Continuité"), continuity_view(section), tr)
    write_view(
        wb,
        _("Matrice"),
        matrix_view(matrix),
        tr,
        title=_(
            "Matrice {size}×{size}, version {version}", size=matrix.size, version=matrix.version
        ),
    )
    wb.close()
    return buf.getvalue()

"""XLSX export of the risk register and map.

Sheets: « Registre » (every risk with its scores), « Carte résiduelle » and
« Carte brute » (the matrix as a grid, each cell coloured by band with its word
and the risks in it), « Actions », « Continuité » and « Matrice » (levels and
bands of the version in force). Built from :mod:`essdiag.risks.views`, the
same tables the screen shows; text goes through :func:`essdiag.xlsx.safe_text`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from essdiag.i18n import Translator
from essdiag.risks.model import ACTION_STATUS_LABELS, RiskSection, current_matrix
from essdiag.risks.views import (
    continuity_frame,
    heatmap_cells,
    labelled,
    register_frame,
)
from essdiag.xlsx import new_workbook, safe_text, write_table

__all__ = ["risk_register_xlsx"]


def _rows(frame: Any) -> list[list[Any]]:
    """Table rows with pandas' missing values (NaN, NA, NaT) as empty cells."""
    import pandas as pd

    return [
        [None if not isinstance(v, list | tuple) and pd.isna(v) else v for v in row]
        for row in frame.itertuples(index=False)
    ]


def _map_sheet(wb: Any, name: str, section: RiskSection, kind: str, tr: Translator) -> None:
    matrix = current_matrix(section)
    cells = heatmap_cells(section, kind)
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
            tr(
                "Matrice {size}×{size}, version {version} ; score = probabilité × gravité.",
                size=n,
                version=matrix.version,
            )
        ),
    )
    top = 3
    ws.write_string(top, 0, safe_text(tr("Probabilité \\ Gravité")), head)
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
    """The register, the maps, the actions, the continuity sheets and the matrix, as XLSX bytes."""
    wb, buf = new_workbook()
    matrix = current_matrix(section)
    reg = labelled(register_frame(section), tr)
    heading = (
        tr("Registre des risques — {name}", name=organisation)
        if organisation
        else tr("Registre des risques")
    )
    if today is not None:
        heading += " — " + tr("au {date}", date=tr.date(today))
    write_table(wb, tr("Registre"), list(reg.columns), _rows(reg), title=heading)
    _map_sheet(wb, tr("Carte résiduelle"), section, "residual", tr)
    _map_sheet(wb, tr("Carte brute"), section, "inherent", tr)
    actions = [
        [
            r.id,
            r.title,
            a.title,
            a.owner,
            a.created_on,
            a.due_on,
            tr(ACTION_STATUS_LABELS[a.status]),
            a.note,
        ]
        for r in section.risks
        for a in r.actions
    ]
    write_table(
        wb,
        tr("Actions"),
        [
            tr("Identifiant"),
            tr("Risque"),
            tr("Action"),
            tr("Responsable de l'action"),
            tr("Date de création de l'action"),
            tr("Échéance de l'action"),
            tr("Statut"),
            tr("Suivi de l'action"),
        ],
        actions,
    )
    cont = labelled(continuity_frame(section), tr)
    write_table(wb, tr("Continuité"), list(cont.columns), _rows(cont))
    levels: list[list[Any]] = [
        [tr("Probabilité"), i, tr(level.label), tr(level.description)]
        for i, level in enumerate(matrix.likelihood, start=1)
    ] + [
        [tr("Gravité"), i, tr(level.label), tr(level.description)]
        for i, level in enumerate(matrix.impact, start=1)
    ]
    start = 1
    bands = []
    for band in matrix.bands:
        bands.append([tr("Zone"), f"{start}–{band.max_score}", tr(band.label), tr(band.guidance)])
        start = band.max_score + 1
    write_table(
        wb,
        tr("Matrice"),
        [tr("Axe"), tr("Niveau"), tr("Libellé"), tr("Description")],
        levels + bands,
        title=tr(
            "Matrice {size}×{size}, version {version}", size=matrix.size, version=matrix.version
        ),
    )
    wb.close()
    return buf.getvalue()

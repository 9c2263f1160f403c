"""Shared XLSX writing: French number formats and protection against formula injection.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage
return could run as a formula when a spreadsheet opens the file (OWASP "CSV
injection"): :func:`safe_text` prefixes such text with an apostrophe, and
xlsxwriter is opened with ``strings_to_formulas`` off, so nothing a user typed
ever becomes a formula.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the view module imports this one (safe_text): no import at run time
    from essdiag.figures.view import View
    from essdiag.i18n import Translator

__all__ = [
    "EUR_FORMAT",
    "PERCENT_FORMAT",
    "new_workbook",
    "safe_text",
    "write_table",
    "write_view",
]

EUR_FORMAT = '#,##0.00 "€";[Red]-#,##0.00 "€"'
"""Excel number format for euros; Excel shows it with the reader's own separators."""
PERCENT_FORMAT = "0.0 %"
DATE_FORMAT = "dd/mm/yyyy"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Text that a spreadsheet will never read as a formula (a leading quote is added)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def new_workbook() -> tuple[Any, io.BytesIO]:
    """An in-memory xlsxwriter workbook that never turns strings into formulas."""
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False},
    )
    return wb, buf


def write_table(
    wb: Any,
    sheet_name: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    money_columns: Iterable[int] = (),
    percent_columns: Iterable[int] = (),
    title: str | None = None,
) -> Any:
    """Write a titled table with formats per column; returns the worksheet."""
    ws = wb.add_worksheet(sheet_name[:31])
    bold = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": EUR_FORMAT})
    pct = wb.add_format({"num_format": PERCENT_FORMAT})
    day = wb.add_format({"num_format": DATE_FORMAT})
    money_cols, pct_cols = set(money_columns), set(percent_columns)
    r0 = 0
    if title:
        ws.write_string(0, 0, safe_text(title), wb.add_format({"bold": True, "font_size": 13}))
        r0 = 2
    ws.write_row(r0, 0, [safe_text(h) for h in headers], bold)
    for r, row in enumerate(rows, start=r0 + 1):
        for c, value in enumerate(row):
            fmt = money if c in money_cols else pct if c in pct_cols else None
            _write_cell(ws, r, c, value, fmt=fmt, day=day)
    ws.set_column(0, max(len(headers) - 1, 0), 16)
    ws.freeze_panes(r0 + 1, 0)
    return ws


def _write_cell(ws: Any, r: int, c: int, value: Any, *, fmt: Any, day: Any) -> None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        ws.write_blank(r, c, None, fmt)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value)
    elif isinstance(value, int | float | Decimal):
        ws.write_number(r, c, float(value), fmt)
    elif isinstance(value, datetime | date):
        # Excel dates have no time zone: a naive midnight is what the cell holds.
        ws.write_datetime(r, c, datetime(value.year, value.month, value.day), day)  # noqa: DTZ001
    else:
        ws.write_string(r, c, safe_text(str(value)))


_MONEY_UNITS = ("EUR", "EUR/h")
_PERCENT_UNITS = ("%", "share")


def write_view(wb: Any, sheet_name: str, view: View, tr: Translator, *, title: str = "") -> Any:
    """One sheet with a view: its headers, raw cells, euro and percent formats by column unit.

    The title defaults to the view's own; returns the worksheet.
    """
    units = [c.unit for c in view.columns]
    return write_table(
        wb,
        sheet_name,
        view.headers(tr),
        view.cells(tr),
        money_columns=[i for i, u in enumerate(units) if u in _MONEY_UNITS],
        percent_columns=[i for i, u in enumerate(units) if u in _PERCENT_UNITS],
        title=title or (tr(view.title) if view.title else None),
    )

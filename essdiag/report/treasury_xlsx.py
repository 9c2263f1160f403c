"""XLSX export of the treasury screen: the monthly cash plan, plan against bank, receipts, Monte Carlo.

Built from the views the screen shows (:mod:`essdiag.treasury.views`,
:mod:`essdiag.treasury.compare`), through :func:`essdiag.xlsx.write_view`
(euro formats, text never read as a formula).
"""

from __future__ import annotations

from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_view

__all__ = ["treasury_workbook"]


def treasury_workbook(
    plan: View,
    receipts: View,
    tr: Translator,
    *,
    montecarlo: View | None = None,
    compared: View | None = None,
    flows: View | None = None,
) -> bytes:
    """The workbook: the plan (one row per month, every series), the months planned and actual
    with the flows that explain the gap, the funders' receipts, the Monte Carlo quantiles."""
    wb, buf = new_workbook()
    write_view(wb, tr("Plan de trésorerie"), plan, tr)
    if compared is not None:
        write_view(wb, tr("Prévu et réalisé"), compared, tr)
    if flows is not None:
        write_view(wb, tr("Écart par flux"), flows, tr)
    write_view(wb, tr("Versements des financeurs"), receipts, tr)
    if montecarlo is not None:
        write_view(wb, "Monte Carlo", montecarlo, tr)
    wb.close()
    return buf.getvalue()

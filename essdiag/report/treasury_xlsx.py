"""XLSX export of the treasury screen: the monthly cash plan, funders' receipts, Monte Carlo.

Built from the views the screen shows (:mod:`essdiag.treasury.views`), through
:mod:`essdiag.xlsx`.
"""

from __future__ import annotations

from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.report.funding_xlsx import write_view
from essdiag.xlsx import new_workbook

__all__ = ["treasury_workbook"]


def treasury_workbook(
    plan: View, receipts: View, tr: Translator, *, montecarlo: View | None = None
) -> bytes:
    """The workbook: plan (one row per month, every series), funders' receipts, Monte Carlo quantiles."""
    wb, buf = new_workbook()
    write_view(wb, tr("Plan de trésorerie"), plan, tr)
    write_view(wb, tr("Versements des financeurs"), receipts, tr)
    if montecarlo is not None:
        write_view(wb, "Monte Carlo", montecarlo, tr)
    wb.close()
    return buf.getvalue()

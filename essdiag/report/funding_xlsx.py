"""XLSX export of the funding screens: register, mix, financing plans and loan schedules.

Built from the same views the screens show (:func:`essdiag.funding.views.trend_view`,
:func:`essdiag.finance.financing_plan.plan_view`,
:func:`essdiag.finance.loans.loan_view`), never recomputed differently, through
:mod:`essdiag.xlsx` (euro formats, formula injection guard). Headers are in
the session's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from essdiag.figures import View
from essdiag.finance.financing_plan import plan_view
from essdiag.finance.loans import loan_view
from essdiag.funding.section import FinancingPlan, FundingSource
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table

__all__ = ["funding_workbook", "write_view"]

_MONEY = ("EUR", "EUR/h")
_PERCENT = ("%", "share")


def write_view(wb: Any, sheet_name: str, view: View, tr: Translator, *, title: str = "") -> Any:
    """One sheet with a view: its headers, raw cells, euro and percent formats by column unit."""
    return write_table(
        wb,
        sheet_name,
        view.headers(tr),
        view.cells(tr),
        money_columns=[i for i, c in enumerate(view.columns) if c.unit in _MONEY],
        percent_columns=[i for i, c in enumerate(view.columns) if c.unit in _PERCENT],
        title=title or tr(view.title),
    )


def _schedule_text(source: FundingSource, tr: Translator) -> str:
    return " ; ".join(
        f"{tr(i.kind.label)} {tr.percent(i.share, 0)} "
        f"{i.month:02d}/N{'+' + str(i.year_offset) if i.year_offset else ''}"
        for i in source.schedule
    )


def funding_workbook(
    sources: Sequence[FundingSource],
    years: Sequence[int],
    mix: View,
    plans: Sequence[FinancingPlan],
    tr: Translator,
) -> bytes:
    """The workbook: the register, the mix trend (``mix``), and each plan with its loans."""
    wb, buf = new_workbook()
    headers = [
        tr("Identifiant"),
        tr("Ressource"),
        tr("Financeur"),
        tr("Type de financeur"),
        tr("Famille"),
        tr("Nature"),
        tr("Affecté"),
        tr("Compte"),
        *[str(y) for y in years],
        tr("Début de la convention"),
        tr("Fin de la convention"),
        tr("Échéancier"),
        tr("Conditions"),
    ]
    rows = [
        [
            s.id,
            s.name,
            s.funder,
            tr(s.funder_type.label),
            tr(s.family.label),
            tr(s.purpose.label),
            tr("oui") if s.earmarked else tr("non"),
            s.account,
            *[s.amount(y) for y in years],
            s.agreement_start,
            s.agreement_end,
            _schedule_text(s, tr),
            s.conditions,
        ]
        for s in sources
    ]
    write_table(
        wb,
        tr("Registre"),
        headers,
        rows,
        money_columns=range(8, 8 + len(years)),
        title=tr("Registre des financements"),
    )
    write_view(wb, tr("Mix"), mix, tr)
    for i, plan in enumerate(plans, start=1):
        write_view(wb, f"{tr('Plan')} {i}", plan_view(plan), tr, title=plan.name)
        for j, loan in enumerate(plan.loans, start=1):
            write_view(
                wb,
                f"{tr('Prêt')} {i}.{j}",
                loan_view(loan, start_year=plan.start_year),
                tr,
                title=loan.label or plan.name,
            )
    wb.close()
    return buf.getvalue()

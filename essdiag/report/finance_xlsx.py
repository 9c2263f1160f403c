"""XLSX export of the financial health and investments screen: health, plans and loan schedules.

Built from the figures and views the screen shows
(:func:`essdiag.finance.health.health_figures`, the history view,
:func:`essdiag.finance.financing_plan.plan_view`,
:func:`essdiag.finance.loans.loan_view`) through :mod:`essdiag.xlsx`: each
figure with its date, its value and the working a learner can follow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from essdiag.figures import Figure, View
from essdiag.finance.financing_plan import plan_view
from essdiag.finance.loans import loan_view
from essdiag.finance.section import FinancingPlan
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table, write_view

__all__ = ["finance_workbook"]


def finance_workbook(
    figures: Mapping[str, Figure],
    history: View | None,
    plans: Sequence[FinancingPlan],
    tr: Translator,
    *,
    title: str = "",
) -> bytes:
    """The workbook: the latest year's figures with their working, every year, each plan and loan."""
    wb, buf = new_workbook()
    if figures:
        rows = [
            [tr(f.label), f.scope_text(tr), f.shown(tr), f.value if f.available else None,
             f.read(tr), "\n".join(f.steps(tr))]
            for f in figures.values()
        ]  # fmt: skip
        ws = write_table(
            wb,
            tr("Santé financière"),
            [tr("Indicateur"), tr("Date ou période"), tr("Valeur"), tr("Valeur (nombre)"),
             tr("Lecture"), tr("Comment est-ce calculé ?")],
            rows,
            title=title or tr("Santé financière"),
        )  # fmt: skip
        ws.set_column(0, 0, 40)
        ws.set_column(5, 5, 90)
    if history is not None and not history.empty:
        write_view(wb, tr("Exercices"), history, tr)
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
    if not wb.worksheets():
        write_table(wb, tr("Santé financière"), [tr("Indicateur")], [], title=title)
    wb.close()
    return buf.getvalue()

"""XLSX export of the funding screen: register, mix, financing plan and loan schedules.

Built from the same computed tables the screen shows (never recomputed
differently), through :mod:`essdiag.xlsx` (euro formats, formula
injection guard). Headers are in the session's language.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from essdiag.finance.financing_plan import NEED_CATEGORIES, RESOURCE_CATEGORIES, plan_table
from essdiag.finance.loans import loan_schedule
from essdiag.funding.section import (
    FAMILY_LABELS,
    FUNDER_TYPE_LABELS,
    INSTALMENT_KIND_LABELS,
    PURPOSE_LABELS,
    FinancingPlan,
    FundingSource,
)
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table

__all__ = ["funding_workbook"]


def _schedule_text(source: FundingSource, tr: Translator) -> str:
    return " ; ".join(
        f"{tr(INSTALMENT_KIND_LABELS[i.kind])} {tr.percent(i.share, 0)} "
        f"{i.month:02d}/N{'+' + str(i.year_offset) if i.year_offset else ''}"
        for i in source.schedule
    )


def funding_workbook(
    sources: Sequence[FundingSource],
    years: Sequence[int],
    mix: pd.DataFrame,
    plans: Sequence[FinancingPlan],
    tr: Translator,
) -> bytes:
    """The workbook: one sheet for the register, the mix trend, and each plan with its loans."""
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
            tr(FUNDER_TYPE_LABELS[s.funder_type]),
            tr(FAMILY_LABELS[s.family]),
            tr(PURPOSE_LABELS[s.purpose]),
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
    write_table(
        wb,
        tr("Mix"),
        [
            tr("Exercice"),
            tr("Financements publics"),
            tr("Financements privés"),
            tr("Ressources d'activité"),
            tr("Total"),
            tr("Part des ressources d'activité"),
            tr("Dépendance publique"),
            "HHI",
            tr("Part du premier financeur"),
        ],
        mix.itertuples(index=False, name=None),
        money_columns=(1, 2, 3, 4),
        percent_columns=(5, 6, 8),
        title=tr("Évolution du mix de financement"),
    )
    labels = {**NEED_CATEGORIES, **RESOURCE_CATEGORIES}
    for i, plan in enumerate(plans, start=1):
        table = plan_table(plan)
        write_table(
            wb,
            f"{tr('Plan')} {i}",
            [tr("Côté"), tr("Rubrique"), tr("Libellé"), tr("Montant")],
            [
                [
                    tr("Besoins") if r.side == "needs" else tr("Ressources"),
                    tr(labels.get(r.category, r.category)),
                    r.label,
                    r.amount,
                ]
                for r in table.itertuples()
            ],
            money_columns=(3,),
            title=plan.name,
        )
        for j, loan in enumerate(plan.loans, start=1):
            schedule = loan_schedule(loan, start_year=plan.start_year)
            write_table(
                wb,
                f"{tr('Prêt')} {i}.{j}",
                [
                    tr("Échéance"),
                    tr("Date"),
                    tr("Capital restant dû en début"),
                    tr("Intérêts"),
                    tr("Capital remboursé"),
                    tr("Échéance totale"),
                    tr("Capital restant dû en fin"),
                ],
                schedule.itertuples(index=False, name=None),
                money_columns=(2, 3, 4, 5, 6),
                title=loan.label or plan.name,
            )
    wb.close()
    return buf.getvalue()

"""XLSX export of the treasury screen: the monthly cash plan, funders' receipts, Monte Carlo.

Built from the tables the screen shows, through :mod:`essdiag.xlsx`.
"""

from __future__ import annotations

import pandas as pd

from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table

__all__ = ["treasury_workbook"]


def treasury_workbook(
    plan: pd.DataFrame,
    receipts: pd.DataFrame,
    names: dict[str, str],
    tr: Translator,
    *,
    montecarlo: pd.DataFrame | None = None,
) -> bytes:
    """The workbook: plan (one row per month), funders' receipts, Monte Carlo quantiles."""
    wb, buf = new_workbook()
    columns = list(plan.columns)

    def header(col: str) -> str:
        if col.startswith(("in:", "out:")):
            return tr(col.split(":", 1)[1])
        return {
            "month": tr("Mois"),
            "opening": tr("Trésorerie de début de mois"),
            "inflows": tr("Total des encaissements"),
            "outflows": tr("Total des décaissements"),
            "net": tr("Solde du mois"),
            "closing": tr("Trésorerie de fin de mois"),
            "available": tr("Trésorerie disponible"),
            "alert": tr("Sous le seuil minimal"),
        }.get(col, col)

    write_table(
        wb,
        tr("Plan de trésorerie"),
        [header(c) for c in columns],
        plan.itertuples(index=False, name=None),
        money_columns=[i for i, c in enumerate(columns) if c not in ("month", "alert")],
        title=tr("Plan de trésorerie mensuel"),
    )
    write_table(
        wb,
        tr("Versements des financeurs"),
        [tr("Ressource"), *[str(m) for m in receipts.columns]],
        [[names.get(str(sid), str(sid)), *receipts.loc[sid].tolist()] for sid in receipts.index],
        money_columns=range(1, len(receipts.columns) + 1),
        title=tr("Échéancier des versements des financeurs"),
    )
    if montecarlo is not None:
        write_table(
            wb,
            "Monte Carlo",
            [
                tr("Mois"),
                tr("Probabilité de trésorerie négative"),
                "5 %",
                "25 %",
                tr("Médiane"),
                "75 %",
                "95 %",
            ],
            montecarlo.itertuples(index=False, name=None),
            money_columns=(2, 3, 4, 5, 6),
            percent_columns=(1,),
            title=tr("Trésorerie de fin de mois simulée (quantiles)"),
        )
    wb.close()
    return buf.getvalue()

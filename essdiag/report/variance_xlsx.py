"""XLSX variance report: one sheet per level, landing, cumulative series, with French formats.

Built from the same :class:`~essdiag.budget.analysis.VarianceReport` the
screen shows. Every text cell goes through :func:`essdiag.xlsx.safe_text`
(a label such as ``=HYPERLINK(...)`` typed in an accounting export stays text),
and the workbook never turns strings into formulas.
"""

from __future__ import annotations

import math

import pandas as pd

from essdiag.budget.analysis import VarianceReport
from essdiag.budget.landing import METHODS
from essdiag.budget.variance import LEVELS, Level
from essdiag.i18n import N_, Translator, translator
from essdiag.xlsx import new_workbook, write_table

__all__ = ["SHEETS", "variance_xlsx"]

SHEETS: dict[str, str] = {
    "heading": N_("Rubriques"),
    "account": N_("Comptes"),
    "analytic": N_("Analytique"),
    "funder": N_("Financeurs"),
}
"""Sheet name per level (translated with the report's language)."""

_KINDS = {"charge": N_("Charge"), "income": N_("Produit")}


def _verdict(_: Translator, value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return _("Favorable") if bool(value) else _("Défavorable")


def variance_rows(table: pd.DataFrame, _: Translator) -> list[list[object]]:
    """The variance table as rows of cells (the order of :func:`variance_headers`)."""
    rows: list[list[object]] = []
    for rec in table.itertuples(index=False):
        pct = float(rec.variance_pct)
        rows.append(
            [
                _(_KINDS.get(str(rec.kind), str(rec.kind))),
                str(rec.key),
                _(str(rec.label)),
                float(rec.budget),
                float(rec.actual),
                float(rec.variance),
                None if math.isnan(pct) else pct,
                _verdict(_, rec.favourable),
                _("À expliquer") if bool(rec.flagged) else "",
                str(rec.comment),
            ]
        )
    return rows


def variance_headers(_: Translator) -> list[str]:
    """Column titles of the variance table."""
    return [
        _("Nature"),
        _("Clé"),
        _("Libellé"),
        _("Budget"),
        _("Réalisé"),
        _("Écart (€)"),
        _("Écart (%)"),
        _("Sens"),
        _("Seuil dépassé"),
        _("Explication"),
    ]


def variance_xlsx(
    report: VarianceReport,
    *,
    lang: str = "fr",
    levels: tuple[Level, ...] = ("heading", "account", "analytic", "funder"),
    organisation: str = "",
) -> bytes:
    """The variance report as XLSX bytes."""
    _ = translator(lang)
    wb, buf = new_workbook()
    fy = report.fiscal_year
    summary: list[list[object]] = [
        [_("Structure"), organisation],
        [_("Exercice"), f"{fy.start.strftime('%d/%m/%Y')} – {fy.end.strftime('%d/%m/%Y')}"],
        [_("Réalisé jusqu'au mois"), report.through],
        [_("Période de l'écart"), report.period.key],
    ]
    for key, fig in report.results.items():
        label = _(METHODS[key]) if key in METHODS else _("Résultat budgété")
        summary.append([label, fig.value])
    write_table(
        wb,
        _("Synthèse"),
        [_("Élément"), _("Valeur")],
        summary,
        title=_("Suivi budgétaire : écarts et atterrissage"),
    )
    for level in levels:
        table = report.table_at(level) if level != report.level else report.table
        write_table(
            wb,
            _(SHEETS[level]),
            variance_headers(_),
            variance_rows(table, _),
            money_columns=(3, 4, 5),
            percent_columns=(6,),
            title=_(
                "Écarts par {level} — période {period}",
                level=_(LEVELS[level]).lower(),
                period=report.period.key,
            ),
        )
    land = report.landing
    write_table(
        wb,
        _("Atterrissage"),
        [
            _("Nature"),
            _("Clé"),
            _("Libellé"),
            _("Budget annuel"),
            _("Réalisé à date"),
            _(METHODS["landing_budget"]),
            _(METHODS["landing_runrate"]),
            _(METHODS["landing_seasonal"]),
        ],
        [
            [
                _(_KINDS.get(str(r.kind), str(r.kind))),
                str(r.key),
                _(str(r.label)),
                float(r.budget_year),
                float(r.actual_to_date),
                float(r.landing_budget),
                float(r.landing_runrate),
                float(r.landing_seasonal),
            ]
            for r in land.itertuples(index=False)
        ],
        money_columns=(3, 4, 5, 6, 7),
        title=_("Atterrissage de l'exercice par trois méthodes"),
    )
    cum = report.cumulative
    write_table(
        wb,
        _("Cumul mensuel"),
        [_("Mois"), _("Budget cumulé"), _("Réalisé cumulé"), _("Atterrissage cumulé")],
        [
            [
                str(r.month),
                float(r.budget),
                None if math.isnan(float(r.actual)) else float(r.actual),
                float(r.landing),
            ]
            for r in cum.itertuples(index=False)
        ],
        money_columns=(1, 2, 3),
        title=_("Résultat cumulé : budget, réalisé et atterrissage"),
    )
    wb.close()
    return buf.getvalue()

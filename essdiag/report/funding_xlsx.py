"""XLSX export of the funding screen: the register, the mix of the year and its trend.

Built from the same views the screen shows (:mod:`essdiag.funding.views`),
never recomputed differently, through :mod:`essdiag.xlsx` (euro formats,
text never read as a formula). Headers are in the session's language.
Financing plans and loans are exported by the financial health screen
(:mod:`essdiag.report.finance_xlsx`).
"""

from __future__ import annotations

from collections.abc import Sequence

from essdiag.figures import View
from essdiag.funding.section import FundingSource
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table, write_view

__all__ = ["funding_workbook", "register_rows"]


def _schedule_text(source: FundingSource, tr: Translator) -> str:
    return " ; ".join(
        f"{tr(i.kind.label)} {tr.percent(i.share, 0)} "
        f"{i.month:02d}/N{'+' + str(i.year_offset) if i.year_offset else ''}"
        for i in source.schedule
    )


def register_rows(
    sources: Sequence[FundingSource], years: Sequence[int], tr: Translator
) -> tuple[list[str], list[list[object]]]:
    """The register as headers and rows: one row per resource, one amount column per year."""
    headers = [
        tr("Identifiant"),
        tr("Ressource"),
        tr("Financeur"),
        tr("Type de financeur"),
        tr("Famille"),
        tr("Nature de la ressource"),
        tr("Affecté"),
        tr("Compte"),
        *[str(y) for y in years],
        tr("Début de la convention"),
        tr("Fin de la convention"),
        tr("Échéancier"),
        tr("Conditions"),
    ]
    rows: list[list[object]] = [
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
    return headers, rows


def funding_workbook(
    sources: Sequence[FundingSource],
    years: Sequence[int],
    mix: View,
    tr: Translator,
    *,
    year_views: Sequence[View] = (),
) -> bytes:
    """The workbook: the register, the mix trend (``mix``) and the year's tables (by family, funder)."""
    wb, buf = new_workbook()
    headers, rows = register_rows(sources, years, tr)
    write_table(
        wb,
        tr("Registre"),
        headers,
        rows,
        money_columns=range(8, 8 + len(years)),
        title=tr("Registre des financements"),
    )
    write_view(wb, tr("Mix"), mix, tr)
    for i, view in enumerate(year_views, start=1):
        write_view(wb, f"{tr('Mix')} {i}", view, tr)
    wb.close()
    return buf.getvalue()

"""XLSX export of the watch and the diagnosis: one sheet per table, numbers kept as numbers.

The sheets are the views of :mod:`essdiag.watch` written with
:func:`essdiag.xlsx.write_table` (raw numbers and dates, French number
formats, nothing a user typed ever read as a formula): territory values,
gaps, needs, journal, actors, cooperations, governance, SWOT, orientations,
action plan (the list to carry into the project's action plan).
"""

from __future__ import annotations

from essdiag.figures import View
from essdiag.funding.section import FundingSection
from essdiag.i18n import N_, Translator
from essdiag.identity import Territory
from essdiag.watch.diagnosis import (
    action_plan_view,
    activities_view,
    governance_view,
    skills_view,
    swot_view,
    tows_view,
)
from essdiag.watch.ecosystem import (
    actors_view,
    cooperation_opportunities,
    ecosystem_actors,
    opportunities_view,
)
from essdiag.watch.journal import filter_items, journal_view
from essdiag.watch.section import WatchSection
from essdiag.watch.territory import gap_table, gaps_view, needs_view, territory_views
from essdiag.xlsx import new_workbook, write_table

__all__ = ["diagnosis_xlsx"]


def _sheet(wb: object, name: str, view: View, tr: Translator) -> None:
    money = [i for i, c in enumerate(view.columns) if c.unit in ("EUR", "EUR/h")]
    pct = [i for i, c in enumerate(view.columns) if c.unit in ("%", "share")]
    write_table(
        wb,
        name,
        view.headers(tr),
        view.cells(tr),
        money_columns=money,
        percent_columns=pct,
        title=tr(view.title),
    )


def diagnosis_xlsx(
    section: WatchSection,
    funding: FundingSection,
    territory: Territory,
    tr: Translator,
    *,
    organisation: str = "",
) -> bytes:
    """The watch and the diagnosis as an XLSX workbook."""
    wb, buf = new_workbook()
    for k, view in enumerate(territory_views(section, territory), start=1):
        _sheet(wb, f"{tr('Territoire')} {k}", view, tr)
    for k, view in enumerate(gaps_view(gap_table(section, territory)), start=1):
        _sheet(wb, f"{tr('Écarts')} {k}", view, tr)
    _sheet(wb, tr(N_("Besoins")), needs_view(section.needs), tr)
    _sheet(wb, tr(N_("Veille")), journal_view(filter_items(section.journal), section), tr)
    actors = ecosystem_actors(section, funding)
    _sheet(wb, tr(N_("Acteurs")), actors_view(actors), tr)
    _sheet(wb, tr(N_("Coopérations")), opportunities_view(cooperation_opportunities(actors)), tr)
    d = section.diagnosis
    _sheet(wb, tr(N_("Gouvernance")), governance_view(d.bodies), tr)
    _sheet(wb, tr(N_("Activités")), activities_view(d), tr)
    _sheet(wb, tr(N_("Compétences")), skills_view(d), tr)
    _sheet(wb, tr(N_("SWOT")), swot_view(d), tr)
    _sheet(wb, tr(N_("Orientations")), tows_view(d), tr)
    _sheet(wb, tr(N_("Plan d'actions")), action_plan_view(d), tr)
    wb.set_properties({"title": tr(N_("Diagnostic stratégique")), "company": organisation})
    wb.close()
    return buf.getvalue()

"""The « Continuité » tab: continuity sheets of the critical activities, and the form of one."""

from __future__ import annotations

import streamlit as st

from essdiag.risks.edits import put_sheet
from essdiag.risks.follow import continuity_view
from essdiag.risks.scoring import next_risk_id
from essdiag.risks.section import ContinuitySheet, RiskSection
from essdiag.risks.views import threats_view
from essdiag.ui import widgets
from essdiag.ui.risks import NEW, save
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[RiskSection]) -> None:
    """Continuity sheets of the critical activities, and the form of one sheet."""
    _ = screen.tr
    section = screen.section
    st.write(
        _(
            "Pour chaque activité critique, une fiche courte : le service minimum, qui le tient, "
            "la solution de repli et les ressources nécessaires, reliée aux risques qui la menacent."
        )
    )
    sheets = continuity_view(section)
    if sheets.empty:
        st.info(_("Aucune fiche de continuité : créez-en une pour chaque activité critique."))
    else:
        widgets.show_view(sheets, key="risks_continuity")
    activities = {c.id: c.activity for c in section.continuity}
    choice = st.selectbox(
        _("Fiche à modifier"),
        options=[*activities, NEW],
        format_func=lambda i: _("+ Nouvelle fiche") if i == NEW else f"{i} — {activities[i]}",
        key="risks_sheet_choice",
    )
    sheet = next((c for c in section.continuity if c.id == choice), None)
    if sheet is not None and sheet.risk_ids:
        st.caption(_("Risques qui menacent cette activité"))
        widgets.show_view(
            threats_view(section, sheet), key=f"risks_sheet_threats_{sheet.id}", download=False
        )
    _sheet_form(screen, sheet)


def _sheet_form(screen: Screen[RiskSection], sheet: ContinuitySheet | None) -> None:
    """The form of one continuity sheet (a new one when ``sheet`` is None)."""
    _ = screen.tr
    section = screen.section
    new_id = next_risk_id((c.id for c in section.continuity), "C")
    sk = sheet.id if sheet else f"new_{new_id}"
    titles = {r.id: r.title for r in section.risks}
    with st.form(f"risks_sheet_form_{sk}"):
        c1, c2, c3 = st.columns([1, 3, 2])
        sheet_id = c1.text_input(
            _("Identifiant de la fiche"),
            value=sheet.id if sheet else new_id,
            key=f"risks_sheet_id_{sk}",
        )
        activity = c2.text_input(
            _("Activité critique"), value=sheet.activity if sheet else "", key=f"risks_act_{sk}"
        )
        max_interruption = c3.text_input(
            _("Interruption maximale acceptable"),
            value=sheet.max_interruption if sheet else "",
            key=f"risks_maxint_{sk}",
            help=_("Par exemple « 48 heures » ou « 1 semaine »."),
        )
        minimum_service = st.text_area(
            _("Service minimum"),
            value=sheet.minimum_service if sheet else "",
            key=f"risks_min_{sk}",
        )
        c1, c2 = st.columns(2)
        who = c1.text_area(
            _("Qui (titulaire et suppléant)"),
            value=sheet.who if sheet else "",
            key=f"risks_who_{sk}",
        )
        fallback = c2.text_area(
            _("Solution de repli"), value=sheet.fallback if sheet else "", key=f"risks_fb_{sk}"
        )
        resources = st.text_area(
            _("Ressources nécessaires"),
            value=sheet.resources if sheet else "",
            key=f"risks_res_{sk}",
        )
        c1, c2 = st.columns([3, 1])
        linked = c1.multiselect(
            _("Risques menaçant l'activité"),
            options=list(titles),
            default=[r for r in (sheet.risk_ids if sheet else []) if r in titles],
            format_func=lambda i: f"{i} — {titles[i]}",
            key=f"risks_links_{sk}",
            placeholder=_("Choisissez dans la liste"),
        )
        tested_on = c2.date_input(
            _("Dernier exercice"),
            value=sheet.tested_on if sheet else None,
            format="DD/MM/YYYY",
            key=f"risks_tested_{sk}",
        )
        submitted = st.form_submit_button(_("Enregistrer la fiche"), type="primary")
    if not submitted:
        return
    entry = {
        "id": sheet_id.strip(),
        "activity": activity.strip(),
        "max_interruption": max_interruption.strip(),
        "minimum_service": minimum_service.strip(),
        "who": who.strip(),
        "fallback": fallback.strip(),
        "resources": resources.strip(),
        "risk_ids": linked,
        "tested_on": tested_on,
    }
    save(
        screen,
        put_sheet(section, entry, sheet.id if sheet else None),
        _("Fiche de continuité {id} enregistrée", id=entry["id"]),
    )

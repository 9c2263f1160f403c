"""Tab « Loi ESS » : belonging to the ESS (art. 1) and social utility (art. 2), and their questionnaire."""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.compliance.findings import Frame
from essdiag.compliance.section import ComplianceSection, SocialUtilityObject, StatutesAnswers
from essdiag.identity import LegalForm
from essdiag.ui.compliance import common
from essdiag.ui.screen import Screen

__all__ = ["show"]

PRINCIPLES = (
    "purpose_other_than_profit",
    "democratic_governance",
    "profits_mostly_reinvested",
    "reserves_not_distributed",
    "liquidation_surplus_to_ess",
)
COMMERCIAL = ("conditions_in_statutes", "no_capital_amortisation")


def _statement(
    screen: Screen[ComplianceSection], name: str, current: Any, title: str
) -> dict[str, Any]:
    _ = screen.tr
    c1, c2 = st.columns([2, 3])
    with c1:
        answer = common.answer_input(
            title, current.answer, key=screen.widget_key(f"ess_{name}"), screen=screen
        )
    evidence = c2.text_input(
        _("Justification (article des statuts, délibération)"),
        value=current.evidence,
        key=screen.widget_key(f"ess_{name}_evidence"),
    )
    return {"answer": answer, "evidence": evidence.strip()}


def _share_input(
    screen: Screen[ComplianceSection], name: str, value: float | None, label: str
) -> float | None:
    _ = screen.tr
    known = st.checkbox(
        _("{label} : renseignée", label=_(label)),
        value=value is not None,
        key=screen.widget_key(f"ess_{name}_known"),
    )
    percent = st.number_input(
        _(label) + " (%)",
        min_value=0.0,
        max_value=100.0,
        value=round((value or 0.0) * 100, 2),
        step=1.0,
        key=screen.widget_key(f"ess_{name}"),
        disabled=not known,
    )
    return round(percent / 100, 6) if known else None


def _form(screen: Screen[ComplianceSection]) -> None:
    _ = screen.tr
    section = screen.section
    statutes = section.statutes
    utility = section.social_utility
    commercial = screen.dossier.identity.legal_form is LegalForm.SOCIETE_COMMERCIALE_ESS
    fields = StatutesAnswers.model_fields
    with st.form(screen.widget_key("ess_form")):
        st.subheader(_("Statuts (article 1er)"))
        answers: dict[str, Any] = {
            name: _statement(screen, name, getattr(statutes, name), fields[name].title or name)
            for name in (*PRINCIPLES, *(COMMERCIAL if commercial else ()))
        }
        if commercial:
            answers["development_reserve_share"] = _share_input(
                screen,
                "development_reserve_share",
                statutes.development_reserve_share,
                fields["development_reserve_share"].title or "",
            )
            answers["retained_earnings_share"] = _share_input(
                screen,
                "retained_earnings_share",
                statutes.retained_earnings_share,
                fields["retained_earnings_share"].title or "",
            )
        st.subheader(_("Utilité sociale (article 2)"))
        objects = st.multiselect(
            _("Ce que poursuit l'objet social"),
            list(SocialUtilityObject),
            default=utility.objects,
            format_func=lambda o: _(o.label),
            key=screen.widget_key("ess_objects"),
            help=_(
                "Les objectifs sont rapprochés des conditions de l'article 2 dans la rédaction en "
                "vigueur à la date examinée (trois conditions avant le 24 mai 2019, quatre depuis)."
            ),
        )
        main = _statement(
            screen, "main_purpose", utility.main_purpose, "À titre principal dans l'objet social"
        )
        evidence = st.text_area(
            _("Ce qui le montre (activités, publics, chiffres)"),
            value=utility.evidence,
            key=screen.widget_key("ess_utility_evidence"),
        )
        submitted = st.form_submit_button(_("Enregistrer"), type="primary")
    if not submitted:
        return
    data = section.model_dump(mode="json")
    data["statutes"] = {**data["statutes"], **answers}
    data["social_utility"] = {
        "objects": objects,
        "main_purpose": main,
        "evidence": evidence.strip(),
    }
    common.save(screen, data, _("Statuts et utilité sociale mis à jour"))


def show(screen: Screen[ComplianceSection]) -> None:
    """The findings of art. 1 and 2, then the questionnaire that feeds them."""
    _ = screen.tr
    report = common.report(screen)
    st.subheader(_("Appartenance à l'ESS"))
    common.finding_cards(report.of(Frame.ESS), screen)
    st.subheader(_("Utilité sociale"))
    common.finding_cards(report.of(Frame.SOCIAL_UTILITY), screen)
    with st.expander(_("Répondre au questionnaire des statuts"), expanded=False):
        _form(screen)

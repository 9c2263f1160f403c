"""Identité de la structure — who the organisation is, its legal form and its territory."""

from __future__ import annotations

from datetime import date

import streamlit as st

from essdiag.identity import LEGAL_FORM_LABELS, Identity, LegalForm
from essdiag.ui import state, widgets
from essdiag.validation import validate_as

_ = state.tr()
widgets.page_header(
    _("Identité de la structure"),
    ["BC01.C3", "BC01.C6"],
    _(
        "Statut, gouvernance et ancrage territorial : ces informations servent à tous les "
        "diagnostics (seuils légaux, obligations, indicateurs du territoire)."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
ident = opened.dossier.identity
months = [_.date(date(2026, m, 1), "MMMM") for m in range(1, 13)]

with st.form("identity_form"):
    st.subheader(_("Structure"))
    c1, c2 = st.columns(2)
    name = c1.text_input(_("Nom de la structure"), value=ident.name, key="identity_name")
    legal_form = c2.selectbox(
        _("Forme juridique"),
        options=list(LegalForm),
        index=list(LegalForm).index(ident.legal_form),
        format_func=lambda f: _(LEGAL_FORM_LABELS[f]),
        key="identity_legal_form",
    )
    esus = c1.checkbox(_("Agrément ESUS"), value=ident.esus, key="identity_esus")
    purpose = st.text_area(_("Objet statutaire"), value=ident.purpose, key="identity_purpose")

    st.subheader(_("Immatriculation"))
    c1, c2, c3, c4 = st.columns(4)
    siren = c1.text_input(
        _("SIREN"),
        value=ident.siren or "",
        key="identity_siren",
        help=_("9 chiffres, clé de Luhn vérifiée."),
    )
    siret = c2.text_input(_("SIRET du siège"), value=ident.siret or "", key="identity_siret")
    naf = c3.text_input(
        _("Code NAF"), value=ident.naf or "", key="identity_naf", help=_("Par exemple 88.99B.")
    )
    rna = c4.text_input(
        _("Numéro RNA"),
        value=ident.rna,
        key="identity_rna",
        help=_("W suivi de 9 chiffres, pour une association."),
    )

    st.subheader(_("Adresse et territoire"))
    c1, c2, c3 = st.columns([2, 1, 2])
    street = c1.text_input(_("Rue"), value=ident.address.street, key="identity_street")
    postcode = c2.text_input(
        _("Code postal"),
        value=ident.address.postcode,
        key="identity_postcode",
        help=_("5 chiffres, par exemple 75011"),
    )
    city = c3.text_input(_("Commune"), value=ident.address.city, key="identity_city")
    c1, c2, c3, c4 = st.columns(4)
    commune = c1.text_input(
        _("Code commune INSEE"),
        value=ident.territory.commune,
        key="identity_commune",
        help=_("5 caractères, par exemple 75111 ou 2A004"),
    )
    epci = c2.text_input(
        _("SIREN de l’EPCI"),
        value=ident.territory.epci,
        key="identity_epci",
        help=_("9 chiffres, le SIREN de l'intercommunalité"),
    )
    departement = c3.text_input(
        _("Code département"),
        value=ident.territory.departement,
        key="identity_departement",
        help=_("2 chiffres, 2A, 2B, ou 3 chiffres outre-mer (971…)"),
    )
    region = c4.text_input(
        _("Code région"),
        value=ident.territory.region,
        key="identity_region",
        help=_("2 chiffres, par exemple 84"),
    )

    st.subheader(_("Moyens humains et exercice"))
    c1, c2, c3, c4, c5 = st.columns(5)
    headcount = c1.number_input(
        _("Effectif salarié"), min_value=0, value=ident.headcount, key="identity_headcount"
    )
    fte = c2.number_input(
        _("Équivalents temps plein"),
        min_value=0.0,
        value=float(ident.fte),
        step=0.1,
        key="identity_fte",
    )
    volunteers = c3.number_input(
        _("Bénévoles réguliers"), min_value=0, value=ident.volunteers, key="identity_volunteers"
    )
    members = c4.number_input(
        _("Adhérents ou sociétaires"), min_value=0, value=ident.members, key="identity_members"
    )
    start_month = c5.selectbox(
        _("Mois de début de l'exercice"),
        options=list(range(1, 13)),
        index=ident.fiscal_year_start_month - 1,
        format_func=lambda m: months[m - 1],
        key="identity_start_month",
    )
    message = st.text_input(
        _("Message de version"), value=_("Identité mise à jour"), key="identity_message"
    )
    submitted = st.form_submit_button(_("Enregistrer"), type="primary")

if submitted:
    edited, issues = validate_as(
        Identity,
        {
            "name": name.strip(),
            "legal_form": legal_form,
            "esus": esus,
            "siren": siren.strip() or None,
            "siret": siret.strip() or None,
            "naf": naf.strip() or None,
            "rna": rna.strip(),
            "purpose": purpose.strip(),
            "address": {
                "street": street.strip(),
                "postcode": postcode.strip(),
                "city": city.strip(),
            },
            "territory": {
                "commune": commune.strip().upper(),
                "epci": epci.strip(),
                "departement": departement.strip().upper(),
                "region": region.strip(),
            },
            "fiscal_year_start_month": start_month,
            "headcount": headcount,
            "fte": fte,
            "volunteers": volunteers,
            "members": members,
        },
        prefix=("identity",),
    )
    if edited is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
    elif edited == ident:
        st.info(_("Aucune modification à enregistrer."))
    elif state.save_current(opened.dossier.model_copy(update={"identity": edited}), message):
        st.success(_("Enregistré (version {rev}).", rev=state.current().revision))  # type: ignore[union-attr]
    else:
        st.rerun()

"""The identity form: structure, registration, address and territory, people and fiscal year.

Each group of fields is drawn by one function that returns what was typed,
keyed as in :class:`~essdiag.identity.Identity`. On submit the whole section
is validated by the model (SIREN and SIRET Luhn checks, code formats): a
refused field says why and nothing is saved; a valid edit is saved through
:func:`~essdiag.ui.screen.save_section`, which also says when nothing changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st
from pydantic import BaseModel

from essdiag.i18n import Translator
from essdiag.identity import Address, Identity, LegalForm, Territory
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.validation import validate_as

__all__ = ["show"]


def show(screen: Screen[Identity]) -> None:
    """The form, and on submit the validation and the save."""
    _ = screen.tr
    ident = screen.section
    with st.form("identity_form"):
        typed = {
            **_structure(ident, _),
            **_registration(ident, _),
            **_address_and_territory(ident, _),
            **_people_and_year(ident, _),
        }
        message = st.text_input(
            _("Message de version"), value=_("Identité mise à jour"), key="identity_message"
        )
        submitted = st.form_submit_button(_("Enregistrer"), type="primary")
    if not submitted:
        return
    edited, issues = validate_as(Identity, typed, prefix=("identity",))
    if edited is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        return
    save_section(screen, edited, message)


def _structure(ident: Identity, _: Translator) -> dict[str, Any]:
    """Name, legal form, ESUS agreement and statutory purpose."""
    st.subheader(_("Structure"))
    c1, c2 = st.columns(2)
    name = c1.text_input(_("Nom de la structure"), value=ident.name, key="identity_name")
    legal_form = c2.selectbox(
        _("Forme juridique"),
        options=list(LegalForm),
        index=list(LegalForm).index(ident.legal_form),
        format_func=lambda f: _(f.label),
        key="identity_legal_form",
    )
    esus = c1.checkbox(_("Agrément ESUS"), value=ident.esus, key="identity_esus")
    purpose = st.text_area(_("Objet statutaire"), value=ident.purpose, key="identity_purpose")
    return {
        "name": name.strip(),
        "legal_form": legal_form,
        "esus": esus,
        "purpose": purpose.strip(),
    }


def _registration(ident: Identity, _: Translator) -> dict[str, Any]:
    """SIREN, SIRET of the head office, NAF code and RNA number."""
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
    return {
        "siren": siren.strip() or None,
        "siret": siret.strip() or None,
        "naf": naf.strip() or None,
        "rna": rna.strip(),
    }


def _address_and_territory(ident: Identity, _: Translator) -> dict[str, Any]:
    """Head office address and the official territory codes."""
    st.subheader(_("Adresse et territoire"))
    c1, c2, c3 = st.columns([2, 1, 2])
    street = c1.text_input(_("Rue"), value=ident.address.street, key="identity_street")
    postcode = _coded(c2, Address, "postcode", ident.address.postcode, _)
    city = c3.text_input(_("Commune"), value=ident.address.city, key="identity_city")
    codes = {
        name: _coded(column, Territory, name, getattr(ident.territory, name), _).strip()
        for column, name in zip(st.columns(4), Territory.model_fields, strict=True)
    }
    return {
        "address": {"street": street.strip(), "postcode": postcode.strip(), "city": city.strip()},
        "territory": {
            **codes,
            "commune": codes["commune"].upper(),
            "departement": codes["departement"].upper(),
        },
    }


def _coded(column: Any, model: type[BaseModel], name: str, value: str, _: Translator) -> str:
    """A text input for a code field, labelled and explained by the model's own field."""
    field = model.model_fields[name]
    return str(
        column.text_input(
            _(field.title or name),
            value=value,
            key=f"identity_{name}",
            help=_(field.description) if field.description else None,
        )
    )


def _people_and_year(ident: Identity, _: Translator) -> dict[str, Any]:
    """Employees, FTE, volunteers, members, and the month the fiscal year starts."""
    st.subheader(_("Moyens humains et exercice"))
    months = [_.date(date(2026, m, 1), "MMMM") for m in range(1, 13)]
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
    return {
        "fiscal_year_start_month": start_month,
        "headcount": headcount,
        "fte": fte,
        "volunteers": volunteers,
        "members": members,
    }

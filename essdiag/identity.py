"""The organisation's identity: who it is, its legal form and where it works.

A section of the dossier (layer 1, models only; ``dossier.py`` composes it).
Validators normalise first (spaces removed, upper case) and then fail with a
stable error code and a French message, so the app can translate by code.
Legal forms are a :class:`~essdiag.i18n.LabelledEnum`: ``form.label`` is the
French name a reader sees, translated where it is shown.

SIREN and SIRET are checked with the Luhn algorithm (INSEE); La Poste's
establishments (SIREN 356 000 000) use the sum-of-digits rule instead.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from essdiag.i18n import N_, LabelledEnum
from essdiag.validation import custom_error

__all__ = ["Address", "Identity", "LegalForm", "Territory", "luhn_valid"]

LA_POSTE_SIREN = "356000000"


def luhn_valid(digits: str) -> bool:
    """True when a string of digits passes the Luhn checksum.

    Example:
        >>> luhn_valid("732829320"), luhn_valid("732829321")
        (True, False)
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _strip_spaces(value: object) -> object:
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str):
        return re.sub(r"[\s\u00a0\u202f.]", "", value)
    return value


def _check_siren(value: str) -> str:
    if not re.fullmatch(r"\d{9}", value):
        raise custom_error(
            "siren_format",
            N_("Le SIREN doit compter 9 chiffres (reçu : « {value} »)."),
            {"value": value},
        )
    if not luhn_valid(value):
        raise custom_error(
            "siren_checksum",
            N_(
                "Le SIREN « {value} » n'est pas valide : la clé de contrôle (Luhn) ne correspond pas."
            ),
            {"value": value},
        )
    return value


def _check_siret(value: str) -> str:
    if not re.fullmatch(r"\d{14}", value):
        raise custom_error(
            "siret_format",
            N_("Le SIRET doit compter 14 chiffres (reçu : « {value} »)."),
            {"value": value},
        )
    ok = (
        sum(int(c) for c in value) % 5 == 0
        if value.startswith(LA_POSTE_SIREN)
        else luhn_valid(value) and luhn_valid(value[:9])
    )
    if not ok:
        raise custom_error(
            "siret_checksum",
            N_(
                "Le SIRET « {value} » n'est pas valide : la clé de contrôle (Luhn) ne correspond pas."
            ),
            {"value": value},
        )
    return value


def _check_naf(value: str) -> str:
    v = value.strip().upper().replace(" ", "")
    if re.fullmatch(r"\d{4}[A-Z]", v):
        v = f"{v[:2]}.{v[2:]}"
    if not re.fullmatch(r"\d{2}\.\d{2}[A-Z]", v):
        raise custom_error(
            "naf_format",
            N_("Le code NAF doit avoir la forme 88.99B (reçu : « {value} »)."),
            {"value": value},
        )
    return v


def _strip_nul(data: Any) -> Any:
    """The typed values with NUL characters removed from their texts (sub-groups included).

    Example:
        >>> _strip_nul({"name": "Asso\\x00", "address": {"city": "Die\\x00"}, "headcount": 3})
        {'name': 'Asso', 'address': {'city': 'Die'}, 'headcount': 3}
    """
    if isinstance(data, str):
        return data.replace("\x00", "")
    if isinstance(data, dict):
        return {k: _strip_nul(v) for k, v in data.items()}
    return data


Siren = Annotated[str, BeforeValidator(_strip_spaces), AfterValidator(_check_siren)]
Siret = Annotated[str, BeforeValidator(_strip_spaces), AfterValidator(_check_siret)]
NafCode = Annotated[str, AfterValidator(_check_naf)]


class LegalForm(LabelledEnum):
    """Legal forms of the ESS (loi n° 2014-856, art. 1)."""

    ASSOCIATION = "association", N_("Association loi 1901")
    SCOP = "scop", N_("SCOP (société coopérative et participative)")
    SCIC = "scic", N_("SCIC (société coopérative d'intérêt collectif)")
    COOPERATIVE = "cooperative", N_("Autre coopérative")
    MUTUELLE = "mutuelle", N_("Mutuelle")
    FONDATION = "fondation", N_("Fondation")
    SOCIETE_COMMERCIALE_ESS = "societe_commerciale_ess", N_("Société commerciale de l'ESS")


class Address(BaseModel):
    """Postal address.

    Attributes:
        street: number and street.
        postcode: five-digit postcode.
        city: city name.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    street: str = Field(default="", title=N_("Rue"))
    postcode: Annotated[
        str,
        Field(
            title=N_("Code postal"),
            description=N_("5 chiffres, par exemple 75011"),
            pattern=r"^(\d{5})?$",
        ),
    ] = ""
    city: str = Field(default="", title=N_("Commune"))


class Territory(BaseModel):
    """Official territory codes (INSEE code officiel géographique).

    Attributes:
        commune: INSEE commune code (5 characters, 2A/2B for Corsica).
        epci: SIREN of the intercommunality.
        departement: département code (``01``…``95``, ``2A``, ``2B``, ``971``…).
        region: region code (``11``, ``84``…).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    commune: Annotated[
        str,
        Field(
            title=N_("Code commune INSEE"),
            description=N_("5 caractères, par exemple 75111 ou 2A004"),
            pattern=r"^((\d{5})|(2[AB]\d{3}))?$",
        ),
    ] = ""
    epci: Annotated[
        str,
        Field(
            title=N_("SIREN de l’EPCI"),
            description=N_("9 chiffres, le SIREN de l'intercommunalité"),
            pattern=r"^(\d{9})?$",
        ),
    ] = ""
    departement: Annotated[
        str,
        Field(
            title=N_("Code département"),
            description=N_("2 chiffres, 2A, 2B, ou 3 chiffres outre-mer (971…)"),
            pattern=r"^((\d{2})|(2[AB])|(97\d))?$",
        ),
    ] = ""
    region: Annotated[
        str,
        Field(
            title=N_("Code région"),
            description=N_("2 chiffres, par exemple 84"),
            pattern=r"^(\d{2})?$",
        ),
    ] = ""


class Identity(BaseModel):
    """Who the organisation is.

    Attributes:
        name: usual name.
        legal_form: one of :class:`LegalForm`.
        esus: holds the ESUS agreement (entreprise solidaire d'utilité sociale).
        siren: 9-digit SIREN, Luhn-checked; empty when not yet registered.
        siret: 14-digit SIRET of the head office, Luhn-checked.
        naf: NAF/APE code (``88.99B``).
        rna: RNA number of an association (``W`` + 9 digits).
        purpose: statutory purpose in a sentence or two.
        address: head office address.
        territory: territory codes.
        fiscal_year_start_month: 1 for a calendar year.
        headcount: employees (persons) at the last closing.
        fte: full-time equivalents.
        volunteers: regular volunteers.
        members: members (adhérents, sociétaires).
    """

    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        coerce_numbers_to_str=True,
        allow_inf_nan=False,  # infinity cannot be written back to JSON
    )

    name: Annotated[str, Field(title=N_("Nom de la structure"), min_length=1, max_length=200)]
    legal_form: LegalForm = Field(default=LegalForm.ASSOCIATION, title=N_("Forme juridique"))
    esus: bool = Field(default=False, title=N_("Agrément ESUS"))
    siren: Siren | None = Field(default=None, title=N_("SIREN"))
    siret: Siret | None = Field(default=None, title=N_("SIRET du siège"))
    naf: NafCode | None = Field(default=None, title=N_("Code NAF"))
    rna: Annotated[
        str,
        Field(
            title=N_("Numéro RNA"),
            description=N_("W suivi de 9 chiffres"),
            pattern=r"^(W\d{9})?$",
        ),
    ] = ""
    purpose: str = Field(default="", title=N_("Objet"))
    address: Address = Field(title=N_("Adresse"), default_factory=Address)
    territory: Territory = Field(title=N_("Territoire"), default_factory=Territory)
    fiscal_year_start_month: Annotated[
        int, Field(title=N_("Mois de début de l'exercice"), ge=1, le=12)
    ] = 1
    headcount: Annotated[int, Field(title=N_("Effectif salarié"), ge=0)] = 0
    fte: Annotated[float, Field(title=N_("Équivalents temps plein"), ge=0)] = 0.0
    volunteers: Annotated[int, Field(title=N_("Bénévoles réguliers"), ge=0)] = 0
    members: Annotated[int, Field(title=N_("Adhérents ou sociétaires"), ge=0)] = 0

    @model_validator(mode="before")
    @classmethod
    def _without_nul(cls, data: Any) -> Any:
        """Texts pasted from elsewhere may carry NUL characters, which PostgreSQL cannot store."""
        return _strip_nul(data)

    @model_validator(mode="after")
    def _siret_belongs_to_siren(self) -> Identity:
        """A SIRET is the SIREN followed by the establishment's NIC (INSEE)."""
        if self.siren and self.siret and not self.siret.startswith(self.siren):
            raise custom_error(
                "siret_siren_mismatch",
                N_(
                    "Le SIRET « {siret} » ne commence pas par le SIREN « {siren} » : "
                    "un SIRET est le SIREN suivi des 5 chiffres de l'établissement."
                ),
                {"siret": self.siret, "siren": self.siren},
            )
        return self

"""The ESS risk library: typical risks to seed a map in a few clicks.

Where it sits: the entries live in ``library.toml`` beside this module (French
data: cause, consequence, suggested controls and actions, typical levels on a
5×5 scale). :func:`risk_from_library` turns an entry into a register
:class:`~essdiag.risks.section.Risk` on the matrix in force, rescaling the
typical levels to its size; :func:`library_view` is the library as the
screen shows it.

Example:
    >>> entries = library()
    >>> len(entries) >= 25
    True
    >>> from essdiag.risks.matrix import default_matrix
    >>> r = risk_from_library(library_entry("funder_dependence"), "R01", default_matrix(3))
    >>> r.category.value, r.inherent.likelihood, r.inherent.impact
    ('financial', 2, 3)
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterable
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from essdiag.figures import Column, View
from essdiag.i18n import N_
from essdiag.risks.columns import declared_view
from essdiag.risks.matrix import default_matrix, rescale_level
from essdiag.risks.section import (
    Assessment,
    Risk,
    RiskAction,
    RiskCategory,
    RiskMatrix,
    Treatment,
)

__all__ = [
    "LIBRARY_SCALE",
    "LibraryRisk",
    "library",
    "library_entry",
    "library_view",
    "risk_from_library",
]

LIBRARY_SCALE = 5
"""The typical levels of the library are written on a 5-level scale."""


class LibraryRisk(BaseModel):
    """One typical risk of the library.

    Attributes:
        key: stable identifier.
        title, category, cause, consequence: as in the register.
        controls: suggested controls.
        actions: suggested treatment actions.
        treatment: suggested treatment.
        likelihood, impact: typical levels on a 5×5 matrix.
        link: ``funder`` or ``skill`` when the risk is tied to one.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    title: str
    category: RiskCategory
    cause: str
    consequence: str
    controls: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    treatment: Treatment = Treatment.REDUCE
    likelihood: int = Field(ge=1, le=LIBRARY_SCALE)
    impact: int = Field(ge=1, le=LIBRARY_SCALE)
    link: Literal["funder", "skill", ""] = ""


@cache
def library() -> tuple[LibraryRisk, ...]:
    """Every entry of the library, in file order."""
    raw = files("essdiag.risks").joinpath("library.toml").read_text("utf-8")
    return tuple(LibraryRisk.model_validate(e) for e in tomllib.loads(raw)["risk"])


def library_entry(key: str) -> LibraryRisk:
    """One entry by key (KeyError when unknown)."""
    for entry in library():
        if entry.key == key:
            return entry
    raise KeyError(key)


def risk_from_library(
    entry: LibraryRisk,
    risk_id: str,
    matrix: RiskMatrix | None = None,
    *,
    owner: str = "",
    on: date | None = None,
    with_actions: bool = True,
) -> Risk:
    """A register risk from a library entry, on ``matrix`` (default: 5×5 house matrix).

    The typical levels are rescaled from 5 levels to the matrix size; suggested
    actions become actions « à faire » with no deadline yet.
    """
    m = matrix or default_matrix(5)
    return Risk(
        id=risk_id,
        title=entry.title,
        category=entry.category,
        cause=entry.cause,
        consequence=entry.consequence,
        owner=owner,
        created_on=on,
        inherent=Assessment(
            likelihood=rescale_level(entry.likelihood, LIBRARY_SCALE, m.size),
            impact=rescale_level(entry.impact, LIBRARY_SCALE, m.size),
            matrix_version=m.version,
        ),
        controls=list(entry.controls),
        treatment=entry.treatment,
        actions=[RiskAction(title=a, owner=owner, created_on=on) for a in entry.actions]
        if with_actions
        else [],
        library_key=entry.key,
    )


def library_view(entries: Iterable[LibraryRisk], present: Collection[str] = ()) -> View:
    """The library as a table; ``present`` holds the keys of entries already in the register.

    >>> from essdiag.i18n import translator
    >>> view = library_view(library()[:1], present={"funder_dependence"})
    >>> view.display(translator("fr")).iloc[0][["Catégorie", "Déjà dans le registre"]].tolist()
    ['Financier', 'Oui']
    """
    rows = [
        {
            "title": e.title,
            "category": e.category,
            "present": e.key in present,
            "cause": e.cause,
            "consequence": e.consequence,
            "controls": " ; ".join(e.controls),
        }
        for e in entries
    ]
    cols = (
        Column("title", N_("Risque")),
        Column("category", N_("Catégorie"), "label"),
        Column("present", N_("Déjà dans le registre"), "bool"),
        Column("cause", N_("Cause")),
        Column("consequence", N_("Conséquence")),
        Column("controls", N_("Mesures suggérées")),
    )
    return declared_view(cols, rows, N_("Bibliothèque de risques"))

"""The ESS risk library: typical risks to seed a map in a few clicks.

Where it sits: the entries live in ``library.toml`` beside this module (French
texts: title, cause, consequence, suggested controls and actions, and typical
levels on a 5×5 scale); their English is in the ``risks`` catalog, like every
message of the library (``tests/risks/test_library.py`` checks that none is
missing). :func:`risk_from_library` turns an entry into a register
:class:`~essdiag.risks.section.Risk` on the matrix in force, in the reader's
language, rescaling the typical levels to its size; :func:`library_view` is
the library as the screen shows it.

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
from essdiag.i18n import N_, Translator, translator
from essdiag.risks.columns import declared_view, joined
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
    tr: Translator | None = None,
) -> Risk:
    """A register risk from a library entry, on ``matrix`` (default: 5×5 house matrix).

    The typical levels are rescaled from 5 levels to the matrix size; suggested
    actions become actions « à faire » with no deadline yet. The texts are
    written in the reader's language (``tr``, French by default): they become
    the organisation's own, to adapt.
    """
    m = matrix or default_matrix(5)
    tr = tr or translator("fr")
    return Risk(
        id=risk_id,
        title=tr(entry.title),
        category=entry.category,
        cause=tr(entry.cause),
        consequence=tr(entry.consequence),
        owner=owner,
        created_on=on,
        inherent=Assessment(
            likelihood=rescale_level(entry.likelihood, LIBRARY_SCALE, m.size),
            impact=rescale_level(entry.impact, LIBRARY_SCALE, m.size),
            matrix_version=m.version,
        ),
        controls=[tr(c) for c in entry.controls],
        treatment=entry.treatment,
        actions=[RiskAction(title=tr(a), owner=owner, created_on=on) for a in entry.actions]
        if with_actions
        else [],
        library_key=entry.key,
    )


def library_view(
    entries: Iterable[LibraryRisk], present: Collection[str] = (), tr: Translator | None = None
) -> View:
    """The library as a table; ``present`` holds the keys of entries already in the register.

    The entries' texts are the library's words (columns of unit ``label``,
    translated where shown); the suggested controls are joined once written
    in the reader's language (``tr``), each being a message of its own.

    >>> from essdiag.i18n import translator
    >>> view = library_view(library()[:1], present={"funder_dependence"})
    >>> view.display(translator("fr")).iloc[0][["Catégorie", "Déjà dans le registre"]].tolist()
    ['Financier', 'Oui']
    >>> en = translator("en")
    >>> library_view(library()[:1], tr=en).display(en).iloc[0]["Risk"]
    'Dependence on one main funder'
    """
    tr = tr or translator("fr")
    rows = [
        {
            "title": e.title,
            "category": e.category,
            "present": e.key in present,
            "cause": e.cause,
            "consequence": e.consequence,
            "controls": joined([tr(c) for c in e.controls], tr),
        }
        for e in entries
    ]
    cols = (
        Column("title", N_("Risque"), "label"),
        Column("category", N_("Catégorie"), "label"),
        Column("present", N_("Déjà dans le registre"), "bool"),
        Column("cause", N_("Cause"), "label"),
        Column("consequence", N_("Conséquence"), "label"),
        Column("controls", N_("Mesures suggérées")),
    )
    return declared_view(cols, rows, N_("Bibliothèque de risques"))

"""The import template of the register: its sheets and columns in every language, and the workbook.

Where it sits: layer 2, under :mod:`essdiag.risks.importer`, which reads back
what this module writes. A director downloads the template in the language
of the screen (:func:`register_template_xlsx`); the reader accepts a sheet,
a column header or a choice written in any language of the interface (and
the headers of older templates, :attr:`TemplateColumn.aliases`), so a
register filled in English imports into a French dossier and the other way
round. Choices are also accepted by their code (``financial``).

Template (sheet « Registre », one risk per line from line 2; sheet « Actions »
optional, one action per line; sheet « Aide » says what each column holds):

=============================  ===========================================================
Colonne                        Contenu
=============================  ===========================================================
Identifiant                    obligatoire, unique (``R01``)
Intitulé                       obligatoire
Catégorie                      obligatoire : Financier, Humain et bénévolat, Gouvernance et
                               institutionnel, Juridique et conformité, Opérationnel et
                               continuité, Image et réputation, Environnemental, Numérique
                               et données
Cause, Conséquence             texte libre
Responsable                    nom ou fonction
Date d'identification          date (JJ/MM/AAAA, AAAA-MM-JJ ou cellule date)
Probabilité brute              obligatoire, entier de 1 à la taille de la matrice
Gravité brute                  obligatoire, entier de 1 à la taille de la matrice
Mesures existantes             séparées par « ; » ou par des retours à la ligne
Probabilité résiduelle         entier, ou vide si pas encore évalué
Gravité résiduelle             entier, ou vide (les deux ensemble)
Justification du résiduel      à écrire si le résiduel dépasse le brut
Traitement                     Réduire, Accepter, Transférer, Éviter (ou vide)
Détail du traitement           texte libre
Prochaine revue                date
Financeur concerné             identifiant ou nom libre
Compétence concernée           identifiant ou nom libre
=============================  ===========================================================

Sheet « Actions »: Identifiant du risque, Action, Responsable, Date de
création, Échéance de l'action (« Échéance » in older templates), Statut (À
faire, En cours, Faite, Abandonnée).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from essdiag.i18n import LANGUAGES, N_, LabelledEnum, translator
from essdiag.risks.section import (
    CATEGORY_WORDS,
    STATUS_WORDS,
    TREATMENT_WORDS,
    ActionStatus,
    RiskCategory,
    Treatment,
)
from essdiag.xlsx import new_workbook, safe_text

__all__ = [
    "ACTIONS",
    "ACTIONS_SHEET",
    "ACTION_COLUMNS",
    "HELP_SHEET",
    "REGISTER",
    "REGISTER_COLUMNS",
    "REGISTER_SHEET",
    "REQUIRED",
    "TemplateColumn",
    "choice_table",
    "header_table",
    "norm",
    "register_template_xlsx",
    "sheet_names",
]

REGISTER_SHEET = N_("Registre")
ACTIONS_SHEET = N_("Actions")
HELP_SHEET = N_("Aide")

_DATE = N_("Date : JJ/MM/AAAA, AAAA-MM-JJ ou cellule au format date.")
_LEVEL = N_(
    "Obligatoire : un entier de 1 à la taille de la matrice en vigueur (3, 4 ou 5 niveaux)."
)
_RESIDUAL = N_(
    "Un entier de 1 à la taille de la matrice, ou vide si le risque résiduel n'est pas encore "
    "évalué (probabilité et gravité résiduelles ensemble)."
)


@dataclass(frozen=True)
class TemplateColumn:
    """One column of the template.

    Attributes:
        key: stable English name (the reader's dict key).
        label: the French header (a message: the template writes it in the reader's language).
        help: what to write in it, in French (a message; ``{expected}`` lists the allowed values).
        required: a line without it is set aside.
        aliases: other headers accepted (older templates).
        expected: the message listing the allowed values, for a choice.
    """

    key: str
    label: str
    help: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    expected: str = ""


REGISTER: tuple[TemplateColumn, ...] = (
    TemplateColumn(
        "id", N_("Identifiant"), N_("Obligatoire et unique dans le registre (R01, R02…)."), True
    ),
    TemplateColumn("title", N_("Intitulé"), N_("Obligatoire : le risque en quelques mots."), True),
    TemplateColumn(
        "category",
        N_("Catégorie"),
        N_("Obligatoire, l'une des valeurs : {expected}."),
        True,
        expected=CATEGORY_WORDS,
    ),
    TemplateColumn("cause", N_("Cause"), N_("Ce qui pourrait provoquer le risque (texte libre).")),
    TemplateColumn("consequence", N_("Conséquence"), N_("Ce qui s'ensuivrait (texte libre).")),
    TemplateColumn("owner", N_("Responsable"), N_("Qui surveille le risque (nom ou fonction).")),
    TemplateColumn("created_on", N_("Date d'identification"), _DATE),
    TemplateColumn("inherent_likelihood", N_("Probabilité brute"), _LEVEL, True),
    TemplateColumn("inherent_impact", N_("Gravité brute"), _LEVEL, True),
    TemplateColumn(
        "controls",
        N_("Mesures existantes"),
        N_("Mesures déjà en place, séparées par « ; » ou par des retours à la ligne."),
    ),
    TemplateColumn("residual_likelihood", N_("Probabilité résiduelle"), _RESIDUAL),
    TemplateColumn("residual_impact", N_("Gravité résiduelle"), _RESIDUAL),
    TemplateColumn(
        "residual_reason",
        N_("Justification du résiduel"),
        N_("À écrire si le risque résiduel dépasse le risque brut : dites pourquoi."),
    ),
    TemplateColumn(
        "treatment",
        N_("Traitement"),
        N_("L'une des valeurs : {expected} ; ou vide."),
        expected=TREATMENT_WORDS,
    ),
    TemplateColumn(
        "treatment_note",
        N_("Détail du traitement"),
        N_("Le traitement en quelques mots (texte libre)."),
    ),
    TemplateColumn("review_on", N_("Prochaine revue"), _DATE),
    TemplateColumn(
        "funder",
        N_("Financeur concerné"),
        N_("Identifiant ou nom du financeur concerné, le cas échéant."),
    ),
    TemplateColumn(
        "skill",
        N_("Compétence concernée"),
        N_("Identifiant ou nom de la compétence concernée, le cas échéant."),
    ),
)
"""The columns of the sheet « Registre », in template order."""

ACTIONS: tuple[TemplateColumn, ...] = (
    TemplateColumn(
        "risk_id",
        N_("Identifiant du risque"),
        N_("Obligatoire : l'identifiant d'un risque de la feuille Registre."),
        True,
    ),
    TemplateColumn("title", N_("Action"), N_("Obligatoire : ce qui sera fait."), True),
    TemplateColumn("owner", N_("Responsable"), N_("Qui mène l'action (nom ou fonction).")),
    TemplateColumn("created_on", N_("Date de création"), _DATE),
    TemplateColumn("due_on", N_("Échéance de l'action"), _DATE, aliases=("Échéance",)),
    TemplateColumn(
        "status",
        N_("Statut"),
        N_("L'une des valeurs : {expected} ; vide : à faire."),
        expected=STATUS_WORDS,
    ),
)
"""The columns of the sheet « Actions », in template order."""

REGISTER_COLUMNS: tuple[str, ...] = tuple(c.label for c in REGISTER)
"""The French headers of the sheet « Registre »."""
ACTION_COLUMNS: tuple[str, ...] = tuple(c.label for c in ACTIONS)
"""The French headers of the sheet « Actions »."""
REQUIRED: tuple[str, ...] = tuple(c.label for c in REGISTER if c.required)
"""The French headers a line of the register cannot do without."""


def norm(text: str) -> str:
    """Lower case, no accents, single spaces: how headers and choices are matched.

    >>> norm("  Gravité   BRUTE ")
    'gravite brute'
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain).strip().lower()


def _in_every_language(message: str) -> set[str]:
    return {norm(translator(lang)(message)) for lang in LANGUAGES}


def sheet_names(message: str) -> set[str]:
    """The names a sheet is recognised by (its name in every language, matched by :func:`norm`).

    >>> sorted(sheet_names(REGISTER_SHEET))
    ['register', 'registre']
    """
    return _in_every_language(message)


@cache
def header_table(columns: tuple[TemplateColumn, ...]) -> dict[str, TemplateColumn]:
    """A column by its header in any language (or an alias), matched by :func:`norm`."""
    table: dict[str, TemplateColumn] = {}
    for column in columns:
        for name in (*_in_every_language(column.label), *(norm(a) for a in column.aliases)):
            table.setdefault(name, column)
    return table


@cache
def choice_table(choices: type[LabelledEnum]) -> dict[str, Any]:
    """A choice by its code or by its word in any language, matched by :func:`norm`.

    >>> choice_table(Treatment)["reduce"] is choice_table(Treatment)["reduire"] is Treatment.REDUCE
    True
    """
    table: dict[str, Any] = {}
    for member in choices:
        table[norm(member.value)] = member
        for name in _in_every_language(member.label):
            table.setdefault(name, member)
    return table


_EXAMPLE: dict[str, Any] = {
    "id": "R01",
    "title": N_("Retard de versement des subventions"),
    "category": RiskCategory.FINANCIAL,
    "cause": N_("Solde versé après contrôle du compte rendu"),
    "consequence": N_("Tension de trésorerie"),
    "owner": N_("Trésorier"),
    "created_on": "15/01/2026",
    "inherent_likelihood": 4,
    "inherent_impact": 3,
    "controls": N_("Plan de trésorerie mensuel ; demandes d'avance"),
    "residual_likelihood": 3,
    "residual_impact": 3,
    "treatment": Treatment.REDUCE,
    "treatment_note": N_("Négocier une ligne de court terme"),
    "review_on": "30/06/2026",
    "funder": N_("Région"),
}
_EXAMPLE_ACTION: dict[str, Any] = {
    "risk_id": "R01",
    "title": N_("Négocier un prêt relais"),
    "owner": N_("Trésorier"),
    "created_on": "15/01/2026",
    "due_on": "31/03/2026",
    "status": ActionStatus.TODO,
}


_PLAIN = frozenset({"id", "risk_id", "created_on", "review_on", "due_on"})
"""Example values written as they are (identifiers and dates); the others are messages."""


def _example_row(columns: Iterable[TemplateColumn], values: dict[str, Any], lang: str) -> list[Any]:
    tr = translator(lang)
    row: list[Any] = []
    for column in columns:
        value = values.get(column.key, "")
        if isinstance(value, LabelledEnum):
            value = tr(value.label)
        elif isinstance(value, str) and column.key not in _PLAIN:
            value = tr(value)
        row.append(value)
    return row


@cache
def register_template_xlsx(example: bool = True, *, lang: str = "fr") -> bytes:
    """The import template in a language: « Registre », « Actions » and « Aide » sheets.

    With ``example`` the template carries one filled line per sheet, to be
    replaced by the user's own risks. It is the same for everyone: built once
    per language.
    """
    tr = translator(lang)
    wb, buf = new_workbook()
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    reg = wb.add_worksheet(tr(REGISTER_SHEET))
    reg.write_row(0, 0, [safe_text(tr(c.label)) for c in REGISTER], head)
    reg.set_column(0, len(REGISTER) - 1, 20)
    reg.freeze_panes(1, 1)
    act = wb.add_worksheet(tr(ACTIONS_SHEET))
    act.write_row(0, 0, [safe_text(tr(c.label)) for c in ACTIONS], head)
    act.set_column(0, len(ACTIONS) - 1, 22)
    if example:
        for c, value in enumerate(_example_row(REGISTER, _EXAMPLE, lang)):
            _write(reg, 1, c, value)
        for c, value in enumerate(_example_row(ACTIONS, _EXAMPLE_ACTION, lang)):
            _write(act, 1, c, value)
    helpsheet = wb.add_worksheet(tr(HELP_SHEET))
    helpsheet.set_column(0, 0, 14)
    helpsheet.set_column(1, 1, 28)
    helpsheet.set_column(2, 2, 90)
    helpsheet.write_row(0, 0, [tr(N_("Feuille")), tr(N_("Colonne")), tr(N_("Contenu"))], head)
    r = 1
    for sheet, columns in ((REGISTER_SHEET, REGISTER), (ACTIONS_SHEET, ACTIONS)):
        for column in columns:
            text = tr.fill(column.help, {"expected": column.expected}, ("expected",))
            helpsheet.write_string(r, 0, safe_text(tr(sheet)))
            helpsheet.write_string(r, 1, safe_text(tr(column.label)))
            helpsheet.write_string(r, 2, safe_text(text), wrap)
            r += 1
    helpsheet.write_string(
        r + 1,
        0,
        safe_text(
            tr(
                N_(
                    "Les en-têtes et les valeurs s'écrivent en français ou en anglais ; une ligne "
                    "en erreur est écartée et signalée, les autres sont importées."
                )
            )
        ),
    )
    wb.close()
    return buf.getvalue()


def _write(ws: Any, r: int, c: int, value: Any) -> None:
    if isinstance(value, int):
        ws.write_number(r, c, value)
    else:
        ws.write_string(r, c, safe_text(str(value)))

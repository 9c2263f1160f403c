"""The columns of the register's tables, each declared once (key, French label, unit).

Where it sits: layer 2, under :mod:`essdiag.risks.views` and
:mod:`essdiag.risks.follow`, which build their :class:`~essdiag.figures.View`
objects from these declarations (:func:`view_of`), so a column reads the same
on the screen, in the CSV and in the XLSX and DOCX exports.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from essdiag.figures import Column, View
from essdiag.i18n import N_, Translator

__all__ = ["COLUMNS", "columns", "declared_view", "joined", "raw_frame", "view_of"]

_DECLARED: tuple[Column, ...] = (
    Column("id", N_("Identifiant")),
    Column("title", N_("Risque")),
    Column("category", N_("Catégorie"), "label"),
    Column("cause", N_("Cause")),
    Column("consequence", N_("Conséquence")),
    Column("owner", N_("Responsable")),
    Column("likelihood", N_("Probabilité"), "count"),
    Column("impact", N_("Gravité"), "count"),
    Column("inherent_likelihood", N_("Probabilité brute"), "count"),
    Column("inherent_impact", N_("Gravité brute"), "count"),
    Column("inherent", N_("Score brut"), "count"),
    Column("inherent_band", N_("Niveau brut"), "label"),
    Column("controls", N_("Mesures existantes")),
    Column("residual_likelihood", N_("Probabilité résiduelle"), "count"),
    Column("residual_impact", N_("Gravité résiduelle"), "count"),
    Column("residual", N_("Score résiduel"), "count"),
    Column("residual_band", N_("Niveau résiduel"), "label"),
    Column("residual_reason", N_("Justification du résiduel")),
    Column("net", N_("Score retenu"), "count"),
    Column("band", N_("Niveau"), "label"),
    Column("treatment", N_("Traitement"), "label"),
    Column("review_on", N_("Prochaine revue"), "date"),
    Column("funder", N_("Financeur concerné")),
    Column("skill", N_("Compétence concernée")),
    Column("matrix_version", N_("Version de la matrice"), "count"),
    Column("open_actions", N_("Actions en cours"), "count"),
    Column("count", N_("Nombre de risques"), "count"),
    Column("max_net", N_("Score le plus haut"), "count"),
    Column("mean_net", N_("Score moyen"), "count", digits=1),
    Column("risks", N_("Risques")),
    Column("score", N_("Score"), "count"),
    Column("action", N_("Action")),
    Column("action_owner", N_("Responsable de l'action")),
    Column("created_on", N_("Date de création de l'action"), "date"),
    Column("due_on", N_("Échéance de l'action"), "date"),
    Column("status", N_("Statut"), "label"),
    Column("note", N_("Suivi de l'action")),
    Column("days_late", N_("Jours de retard"), "count"),
    Column("revision", N_("Version du dossier"), "count"),
    Column("date", N_("Date"), "date"),
    Column("activity", N_("Activité critique")),
    Column("max_interruption", N_("Interruption maximale")),
    Column("minimum_service", N_("Service minimum")),
    Column("who", N_("Qui")),
    Column("fallback", N_("Solution de repli")),
    Column("resources", N_("Ressources")),
    Column("risk_ids", N_("Risques liés")),
    Column("worst_band", N_("Niveau du risque le plus fort"), "label"),
    Column("tested_on", N_("Dernier exercice"), "date"),
)

COLUMNS: dict[str, Column] = {c.key: c for c in _DECLARED}
"""Every column of the register's tables, by key."""


def columns(*keys: str) -> tuple[Column, ...]:
    """The declarations of some columns, in that order.

    >>> [c.label for c in columns("id", "net")]
    ['Identifiant', 'Score retenu']
    """
    return tuple(COLUMNS[k] for k in keys)


def raw_frame(rows: Iterable[Mapping[str, Any]], keys: Iterable[str]) -> pd.DataFrame:
    """The rows as a frame whose values stay as they are (choices, dates, whole numbers, gaps).

    Every column is of ``object`` dtype: pandas would otherwise turn a choice
    into plain text, a whole number with gaps into a float, a date into a
    timestamp.

    >>> from essdiag.risks.section import RiskCategory
    >>> frame = raw_frame([{"category": RiskCategory.HUMAN, "residual": None}], ["category", "residual"])
    >>> frame.iloc[0].tolist()
    [<RiskCategory.HUMAN: 'human'>, None]
    """
    rows = list(rows)
    return pd.DataFrame({k: pd.Series([row.get(k) for row in rows], dtype="object") for k in keys})


def declared_view(
    cols: tuple[Column, ...],
    rows: Iterable[Mapping[str, Any]],
    title: str,
    extra: tuple[str, ...] = (),
) -> View:
    """A view of ``rows`` with the columns ``cols`` (``extra`` keys stay in the frame only)."""
    return View(cols, raw_frame(rows, [*(c.key for c in cols), *extra]), title)


def view_of(
    keys: tuple[str, ...],
    rows: Iterable[Mapping[str, Any]],
    title: str,
    extra: tuple[str, ...] = (),
) -> View:
    """A view of ``rows`` showing the declared columns ``keys`` (see :func:`declared_view`)."""
    return declared_view(columns(*keys), rows, title, extra)


_AND_THEN = N_("{first} ; {then}")
"""Two items of a list in one cell or one line (« a ; b »), the reader's way."""


def joined(items: Iterable[str], tr: Translator) -> str:
    """Items in one cell or line: ``a ; b ; c`` in French, ``a; b; c`` in English.

    >>> from essdiag.i18n import translator
    >>> joined(["a", "b", "c"], translator("fr")), joined(["a", "b"], translator("en"))
    ('a ; b ; c', 'a; b')
    >>> joined([], translator("fr"))
    ''
    """
    listed = list(items)
    if not listed:
        return ""
    return functools.reduce(lambda a, b: tr(_AND_THEN, first=a, then=b), listed)

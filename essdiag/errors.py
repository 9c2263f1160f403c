"""Errors and issues: how essdiag says that something is wrong.

Two kinds, after Fava and beancount:

* an :class:`Issue` is bad input reported as *data*: readers return
  ``(value, issues)`` and go on with what is usable;
* an :class:`EssdiagError` is an operation that failed. Its default message is
  the class docstring, in French, because that is what the user reads.

Messages are French templates marked with :func:`N_` so that the translator of
the session can show them in English; ``params`` fill the template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from essdiag.i18n import N_, translator

_LINE = N_("ligne {line}")
_COLUMN = N_("colonne {column}")
_FIELD = N_("champ {field}")


class Severity(StrEnum):
    """How much an issue matters to the import or computation."""

    ERROR = "error"  # the item was set aside
    WARNING = "warning"  # kept, but the user should look
    INFO = "info"


class Issue(BaseModel):
    """One problem found in the input, located as precisely as we can.

    Attributes:
        code: stable machine-readable code (``siren_checksum``, ``json_syntax``).
        template: French message template, with ``{name}`` placeholders.
        params: values for the placeholders, raw (numbers, dates): the
            translator of the reader writes them.
        severity: error, warning or info.
        file: name of the file read, when there is one.
        line: 1-based line number in that file.
        column: column name or 1-based number.
        field: dotted path of the dossier field concerned.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    template: str
    params: dict[str, Any] = Field(default_factory=dict)
    severity: Severity = Severity.ERROR
    file: str | None = None
    line: int | None = None
    column: str | None = None
    field: str | None = None

    @property
    def message(self) -> str:
        """The French message with its placeholders filled (numbers and dates written in French)."""
        return translator("fr").fill(self.template, self.params)

    def where(self, translate: Callable[[str], str] = str) -> str:
        """Short location: ``fichier.txt, ligne 3, colonne Debit``.

        ``translate`` (the session's translator) gives the words in the user's
        language; French by default.
        """
        parts = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(render(translate(_LINE), {"line": self.line}))
        if self.column:
            parts.append(render(translate(_COLUMN), {"column": self.column}))
        if self.field and not self.column:
            parts.append(render(translate(_FIELD), {"field": self.field}))
        return ", ".join(parts)


def render(template: str, params: Mapping[str, Any]) -> str:
    """Fill a message template, leaving unknown placeholders visible."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def has_errors(issues: Iterable[Issue]) -> bool:
    """True when at least one issue is an error."""
    return any(i.severity is Severity.ERROR for i in issues)


class EssdiagError(Exception):
    """Une opération d'essdiag a échoué."""

    def __init__(self, message: str | None = None, *, issues: Iterable[Issue] = ()) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        super().__init__(message or " ".join((self.__doc__ or "").split()))


class UnreadableFileError(EssdiagError):
    """Le fichier ne peut pas être lu : rien d'utilisable n'a été trouvé."""


class StaleRevisionError(EssdiagError):
    """Le dossier a été enregistré par quelqu'un d'autre depuis que vous l'avez ouvert.

    Votre modification est conservée : rechargez la dernière version puis
    enregistrez de nouveau.
    """


class UnsavableDossierError(EssdiagError):
    """Ce dossier contient une valeur qui ne se relirait pas à l'identique (par exemple un nombre
    infini) : rien n'a été enregistré. Corrigez la valeur puis enregistrez de nouveau.
    """


class NotFoundError(EssdiagError):
    """L'élément demandé n'existe pas dans l'espace de travail."""


class UnknownParameterError(EssdiagError):
    """Ce paramètre légal n'est pas connu, ou pas à cette date.

    Its message is a template with raw params, like an issue's (``template``,
    ``params``; its one issue carries both), so that a screen writes it in the
    reader's language (as an issue: the parameter's label is a word of the
    library, translated): « Aucune valeur de « SMIC horaire brut »
    n'est connue au 01/01/1990 : la première est en vigueur au 01/01/2019. »,
    "No value of “Gross hourly SMIC” is known on 01/01/1990: the
    first one applies from 01/01/2019.". ``str(exc)`` is the French message,
    for the command line and the logs.
    """

    UNKNOWN = N_("Paramètre légal inconnu : « {name} ».")
    NOT_YET = N_(
        "Aucune valeur de « {label} » n'est connue au {date} : la première est en vigueur au "
        "{first}."
    )

    def __init__(
        self, name: str, on: date | None = None, label: str = "", first: date | None = None
    ) -> None:
        self._args = (name, on, label, first)
        self.template = self.UNKNOWN if on is None or first is None else self.NOT_YET
        self.params: dict[str, Any] = {"name": name}
        if self.template == self.NOT_YET:
            self.params |= {"label": label or name, "date": on, "first": first}
        issue = Issue(
            code="unknown_parameter" if self.template == self.UNKNOWN else "parameter_not_in_force",
            template=self.template,
            params=self.params,
        )
        super().__init__(issue.message, issues=(issue,))

    def __reduce__(self) -> tuple[type[UnknownParameterError], tuple[Any, ...]]:
        """Pickled with what made it (an exception is rebuilt from its arguments)."""
        return type(self), self._args

"""Computed figures that carry their working.

A number a user sees is a :class:`Figure`: its value, unit and the formula with
the inputs that produced it, the legal parameters used (with their source), and
its reading (the band or verdict, « modérément concentré »), which the library
decides and the screen only shows. The app renders :meth:`Figure.steps` under
"Comment est-ce calculé ?" and exports write the same steps, so learners and
trainers can follow every figure by hand.

Example:
    >>> f = Figure.of(
    ...     "Ratio de rémunération", 3.2, "ratio", "plus haute / plus basse",
    ...     [Input.of("plus haute", 64000, "EUR"), Input.of("plus basse", 20000, "EUR")],
    ... )
    >>> f.steps()[0]
    'Ratio de rémunération = plus haute / plus basse'
    >>> f.steps()[-1]
    'Résultat : 3,20'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from essdiag.i18n import Translator, translator
from essdiag.params import Param

__all__ = ["Figure", "Input", "Tone", "format_value"]

Tone = Literal["good", "neutral", "watch", "alert"]
"""How a reading should be taken: fine, neither, to watch, to act on."""

Number = int | float | Decimal

# Units: "EUR" (and "EUR/h") amounts; "%" a fraction shown as a percentage
# (0.25 → 25 %); "ratio" a plain quotient (HHI 0.38, SROI 3.2); anything else
# ("count", "jours", "points"…) a number followed by its unit word.
_MONEY_UNITS = ("EUR", "EUR/h")
_PERCENT_UNITS = ("%", "share")


def format_value(
    value: Number | str | None, unit: str, tr: Translator | None = None, digits: int | None = None
) -> str:
    """A value in the reader's language by its unit (``1 234,56 €``, ``25,0 %``, ``0,38``).

    ``digits`` overrides the unit's default number of decimals.

    Example:
        >>> format_value(0.25, "%"), format_value(1234.5, "EUR"), format_value(3, "count")
        ('25,0\xa0%', '1\u202f234,50\xa0€', '3')
    """
    tr = tr or translator("fr")
    if value is None or isinstance(value, str):
        return "–" if value is None else value
    if unit in _MONEY_UNITS:
        text = tr.money(value, 2 if digits is None else digits)
        return text + " /h" if unit == "EUR/h" else text
    if unit in _PERCENT_UNITS:
        return tr.percent(value, 1 if digits is None else digits)
    if unit == "ratio":
        return tr.number(value, 2 if digits is None else digits)
    if digits is None:
        digits = 0 if float(value).is_integer() else 2
    shown = tr.number(value, digits)
    return f"{shown} {tr(unit)}" if unit and unit != "count" else shown


class Input(BaseModel):
    """One named input of a computation.

    Attributes:
        name: French name as it appears in the formula.
        value: the value used.
        unit: its unit (``EUR``, ``%``, ``ratio``, ``count``…).
        source: where it comes from (a field of the dossier, a legal text).
        effective: date of effect of a legal parameter's value, when it is one.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    value: Number | str | None
    unit: str = ""
    source: str = ""
    effective: date | None = None

    @classmethod
    def of(cls, name: str, value: Number | str | None, unit: str = "", source: str = "") -> Input:
        """Shorthand constructor with positional arguments."""
        return cls(name=name, value=value, unit=unit, source=source)

    @classmethod
    def from_param(cls, p: Param) -> Input:
        """An input read from a dated legal parameter, with its source and date."""
        return cls(
            name=p.label,
            value=p.value,
            unit=p.unit,
            source=p.source,
            effective=p.effective,
        )


class Figure(BaseModel):
    """A computed value with its working.

    Attributes:
        label: French name of the figure.
        value: the value, or None when it cannot be computed.
        unit: its unit.
        formula: the formula in words or symbols.
        inputs: the inputs, in the order of the formula.
        reason: why the value is missing, when it is.
        references: the method's source (guide, legal text).
        reading: what the value means, as a French template (a band,
            a verdict: « modérément concentré »), decided by the library.
        reading_params: raw values for the reading's placeholders.
        tone: how the reading should be taken (good, neutral, watch, alert).
        scope: the period and scope the figure covers (« janvier – octobre
            2026, toute la structure »), when a headline must name them, as a
            French template filled with ``scope_params``.
        digits: decimals shown, when the unit's default does not suit.
    """

    model_config = ConfigDict(frozen=True)

    label: str
    value: Number | None
    unit: str
    formula: str
    inputs: tuple[Input, ...] = ()
    reason: str | None = None
    references: tuple[str, ...] = ()
    reading: str | None = None
    reading_params: Mapping[str, Any] = Field(default_factory=dict)
    tone: Tone | None = None
    scope: str | None = None
    scope_params: Mapping[str, Any] = Field(default_factory=dict)
    digits: int | None = None

    @classmethod
    def of(
        cls,
        label: str,
        value: Number | None,
        unit: str,
        formula: str,
        inputs: Iterable[Input] = (),
        *,
        reason: str | None = None,
        references: Iterable[str] = (),
        reading: str | None = None,
        reading_params: Mapping[str, Any] | None = None,
        tone: Tone | None = None,
        scope: str | None = None,
        scope_params: Mapping[str, Any] | None = None,
        digits: int | None = None,
    ) -> Figure:
        """Shorthand constructor with positional arguments."""
        return cls(
            label=label,
            value=value,
            unit=unit,
            formula=formula,
            inputs=tuple(inputs),
            reason=reason,
            references=tuple(references),
            reading=reading,
            reading_params=dict(reading_params or {}),
            tone=tone,
            scope=scope,
            scope_params=dict(scope_params or {}),
            digits=digits,
        )

    @property
    def available(self) -> bool:
        """True when the figure has a usable value (not None, not NaN)."""
        if self.value is None:
            return False
        return not (isinstance(self.value, float) and math.isnan(self.value))

    def shown(self, tr: Translator | None = None) -> str:
        """The value as the reader sees it, formatted by its unit."""
        return format_value(self.value if self.available else None, self.unit, tr, self.digits)

    def scope_text(self, tr: Translator | None = None) -> str:
        """The period and scope in the reader's language (empty when the figure names none)."""
        if not self.scope:
            return ""
        return (tr or translator("fr")).fill(self.scope, self.scope_params)

    def read(self, tr: Translator | None = None) -> str:
        """The reading in the reader's language (empty when the figure has none)."""
        if not self.reading or not self.available:
            return ""
        tr = tr or translator("fr")
        return tr.fill(self.reading, self.reading_params)

    def steps(self, tr: Translator | None = None) -> list[str]:
        """The working, one line per step in the reader's language, for display or export."""
        tr = tr or translator("fr")
        lines = [f"{tr(self.label)} = {tr(self.formula)}"]
        for i in self.inputs:
            src = tr(" — source : {source}", source=tr(i.source)) if i.source else ""
            if i.effective is not None:
                src += tr(" (en vigueur au {date})", date=tr.date(i.effective, "short"))
            lines.append(f"{tr(i.name)} = {format_value(i.value, i.unit, tr)}{src}")
        if self.available:
            lines.append(tr("Résultat : {value}", value=self.shown(tr)))
            if self.reading:
                lines.append(tr("Lecture : {reading}", reading=self.read(tr)))
        else:
            reason = tr(self.reason) if self.reason else tr("données manquantes")
            lines.append(tr("Non calculable : {reason}", reason=reason))
        lines.extend(tr("Référence : {ref}", ref=tr(r)) for r in self.references)
        return lines

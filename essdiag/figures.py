"""Computed figures that carry their working.

A number a user sees is a :class:`Figure`: its value, unit and the formula with
the inputs that produced it, and the legal parameters used (with their
source). The app renders :meth:`Figure.steps` under "Comment est-ce calculé ?"
so learners and trainers can follow every figure by hand.

Example:
    >>> f = Figure.of(
    ...     "Ratio de rémunération", 3.2, "ratio", "plus haute / plus basse",
    ...     [Input.of("plus haute", 64000, "EUR"), Input.of("plus basse", 20000, "EUR")],
    ... )
    >>> f.steps()[0]
    'Ratio de rémunération = plus haute / plus basse'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from essdiag.params import Param

__all__ = ["Figure", "Input"]

Number = int | float | Decimal


class Input(BaseModel):
    """One named input of a computation.

    Attributes:
        name: French name as it appears in the formula.
        value: the value used.
        unit: its unit (``EUR``, ``%``, ``ratio``, ``count``…).
        source: where it comes from (a field of the dossier, a legal text).
    """

    model_config = ConfigDict(frozen=True)

    name: str
    value: Number | str | None
    unit: str = ""
    source: str = ""

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
            source=f"{p.source} (en vigueur au {p.effective.strftime('%d/%m/%Y')})",
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
    """

    model_config = ConfigDict(frozen=True)

    label: str
    value: Number | None
    unit: str
    formula: str
    inputs: tuple[Input, ...] = ()
    reason: str | None = None
    references: tuple[str, ...] = ()

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
        )

    @property
    def available(self) -> bool:
        """True when the figure has a usable value (not None, not NaN)."""
        if self.value is None:
            return False
        return not (isinstance(self.value, float) and math.isnan(self.value))

    def steps(self) -> list[str]:
        """The working, one French line per step, for display or export."""
        lines = [f"{self.label} = {self.formula}"]
        for i in self.inputs:
            unit = f" {i.unit}" if i.unit else ""
            src = f" — source : {i.source}" if i.source else ""
            lines.append(f"{i.name} = {i.value}{unit}{src}")
        if self.available:
            lines.append(f"Résultat : {self.value} {self.unit}".rstrip())
        else:
            lines.append(f"Non calculable : {self.reason or 'données manquantes'}")
        lines.extend(f"Référence : {r}" for r in self.references)
        return lines

"""Dated legal parameters: SMIC, thresholds and rates, each with its source.

A figure that changes over time is never a literal in code: it is read here,
on a date, with :func:`param`. The values live in ``*.toml`` files beside this
module (``legal.toml``, and one file per domain that needs its own), one
series per name, one entry per date of effect.

Example:
    >>> from datetime import date
    >>> p = param("smic_hourly", on=date(2026, 3, 1))
    >>> str(p.value), p.effective.isoformat()
    ('12.02', '2026-01-01')
"""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from pydantic import BaseModel, ConfigDict

from essdiag.errors import UnknownParameterError

__all__ = ["Param", "param", "parameter_names", "series"]


class Param(BaseModel):
    """One value of a legal parameter, as in force on a date.

    Attributes:
        name: parameter key (``smic_hourly``).
        label: French label for display.
        value: exact value (Decimal: money and rates are read exactly).
        unit: ``EUR``, ``EUR/h``, ``ratio``, ``count`` or ``points``.
        effective: date from which this value applies.
        source: legal text or official page the value comes from.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    value: Decimal
    unit: str
    effective: date
    source: str


@cache
def _table() -> dict[str, tuple[Param, ...]]:
    """Every series of every ``*.toml`` beside this module (one file per domain)."""
    raw: dict[str, Any] = {}
    for entry in sorted(files("essdiag.params").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        for name, spec in tomllib.loads(entry.read_text("utf-8")).items():
            if name in raw:
                raise ValueError(f"legal parameter {name!r} is defined twice ({entry.name})")
            raw[name] = spec
    out: dict[str, tuple[Param, ...]] = {}
    for name, spec in raw.items():
        values = sorted(spec["values"], key=lambda v: v["from"])
        out[name] = tuple(
            Param(
                name=name,
                label=spec["label"],
                unit=spec["unit"],
                value=Decimal(v["value"]),
                effective=v["from"],
                source=v["source"],
            )
            for v in values
        )
    return out


def parameter_names() -> list[str]:
    """Every parameter name known, sorted."""
    return sorted(_table())


def series(name: str) -> tuple[Param, ...]:
    """All dated values of one parameter, oldest first."""
    try:
        return _table()[name]
    except KeyError:
        raise UnknownParameterError(name) from None


def param(name: str, on: date) -> Param:
    """The value of legal parameter ``name`` in force on date ``on``.

    Raises :class:`UnknownParameterError` when the name is unknown or the date
    precedes the first known value.
    """
    known = series(name)
    found = [p for p in known if p.effective <= on]
    if not found:
        first = known[0] if known else None
        raise UnknownParameterError(
            name,
            on,
            label=first.label if first else "",
            first=first.effective if first else None,
        )
    return found[-1]

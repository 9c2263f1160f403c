"""Edits of the impact section from the screens' tables, validated row by row.

Where it sits: the « Utilité sociale et impact » screen shows the theory of
change, the indicators, their values and the SROI case as editable tables
(one dict per row, choices written as their labels in the reader's
language); these functions turn the edited rows back into models. Each row
is validated on its own, so a refusal names the row (« ligne 3 ») and says
why; the caller saves nothing while any row is refused. Library additions
are here too. Nothing here touches the user interface.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from essdiag.errors import Issue
from essdiag.i18n import N_, LabelledEnum, Translator
from essdiag.impact.indicators import LibraryIndicator, indicator_from_library
from essdiag.impact.section import (
    ChangeElement,
    Dimension,
    Direction,
    Frequency,
    ImpactSection,
    Indicator,
    IrisDimension,
    Level,
    Measure,
    SroiCase,
    SroiOutcome,
)
from essdiag.impact.sroi import case_from_dict
from essdiag.validation import issues_from_validation

__all__ = [
    "INDICATOR_FIELDS",
    "actuals_from_rows",
    "actuals_rows",
    "add_from_library",
    "blank",
    "elements_from_rows",
    "elements_rows",
    "enum_from_label",
    "indicators_from_rows",
    "indicators_rows",
    "next_indicator_id",
    "sroi_from_rows",
    "sroi_rows",
]

E = TypeVar("E", bound=LabelledEnum)
M = TypeVar("M", bound=BaseModel)

INDICATOR_FIELDS = (
    "id",
    "name",
    "level",
    "element",
    "dimension",
    "unit",
    "direction",
    "baseline",
    "baseline_period",
    "target",
    "target_period",
    "source",
    "frequency",
    "owner",
    "sdg",
    "iris",
)
"""Columns of the indicators table (values, and the computation rule, are edited apart)."""


def blank(value: Any) -> Any:
    """``None`` for an empty cell (None, NaN, NaT, ``""``), else the value.

    >>> blank(float("nan")) is None, blank(" "), blank(3)
    (True, None, 3)
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    if type(value).__name__ in {"NaTType", "NAType"}:
        return None
    return value


def _text(value: Any) -> str:
    found = blank(value)
    return "" if found is None else str(found).strip()


def enum_from_label(value: Any, enum: type[E], tr: Translator) -> E | Any:
    """The member whose translated label (or value) is ``value``; the value itself when none is.

    Unknown text is passed on, so validation reports it with the allowed values.

    Example:
        >>> from essdiag.i18n import translator
        >>> enum_from_label("Activités", Level, translator("fr")), enum_from_label("output", Level, translator("en"))
        (<Level.ACTIVITY: 'activity'>, <Level.OUTPUT: 'output'>)
    """
    text = _text(value)
    for member in enum:
        if text in (tr(member.label), member.label, member.value):
            return member
    return text or None


def _row_issues(exc: ValidationError, model: type[BaseModel], row: int, what: str) -> list[Issue]:
    return [
        Issue(
            code="impact_row_refused",
            template=N_("{what}, ligne {line} : {problem}"),
            params={"what": what, "line": row, "problem": i.message},
            line=row,
            field=i.field,
        )
        for i in issues_from_validation(exc, model)
    ]


def _validated(
    model: type[M], rows: Iterable[Mapping[str, Any]], what: str, build: Any
) -> tuple[list[M] | None, list[Issue]]:
    out: list[M] = []
    issues: list[Issue] = []
    for n, row in enumerate(rows, start=1):
        data = build(row)
        if data is None:
            continue
        try:
            out.append(model.model_validate(data))
        except ValidationError as exc:
            issues += _row_issues(exc, model, n, what)
    return (None if issues else out), issues


# --------------------------------------------------------------------------- theory of change


def elements_rows(section: ImpactSection, tr: Translator) -> list[dict[str, Any]]:
    """The elements as table rows (level as its label, links as ids separated by commas)."""
    return [
        {
            "id": e.id,
            "level": tr(e.level.label),
            "title": e.title,
            "description": e.description,
            "leads_to": ", ".join(e.leads_to),
        }
        for e in sorted(section.theory, key=lambda e: e.level.rank)
    ]


def elements_from_rows(
    rows: Iterable[Mapping[str, Any]], tr: Translator
) -> tuple[list[ChangeElement] | None, list[Issue]]:
    """The edited elements, or None and an issue per refused row; empty rows are dropped."""

    def build(row: Mapping[str, Any]) -> dict[str, Any] | None:
        if not _text(row.get("id")) and not _text(row.get("title")):
            return None
        links = [t.strip() for t in _text(row.get("leads_to")).replace(";", ",").split(",")]
        return {
            "id": _text(row.get("id")),
            "level": enum_from_label(row.get("level"), Level, tr),
            "title": _text(row.get("title")),
            "description": _text(row.get("description")),
            "leads_to": [t for t in links if t],
        }

    return _validated(ChangeElement, rows, N_("Théorie du changement"), build)


# --------------------------------------------------------------------------- indicators


def indicators_rows(section: ImpactSection, tr: Translator) -> list[dict[str, Any]]:
    """The indicators as table rows (choices as labels)."""
    rows = []
    for i in section.indicators:
        row = {k: getattr(i, k) for k in INDICATOR_FIELDS}
        for key in ("level", "dimension", "direction", "frequency", "iris"):
            value = row[key]
            row[key] = tr(value.label) if isinstance(value, LabelledEnum) else ""
        rows.append(row)
    return rows


def indicators_from_rows(
    rows: Iterable[Mapping[str, Any]], section: ImpactSection, tr: Translator
) -> tuple[list[Indicator] | None, list[Issue]]:
    """The edited indicators, their values, definitions and rules kept (by id); None and issues if refused."""
    previous = {i.id: i for i in section.indicators}
    enums: dict[str, type[LabelledEnum]] = {
        "level": Level,
        "dimension": Dimension,
        "direction": Direction,
        "frequency": Frequency,
        "iris": IrisDimension,
    }

    def build(row: Mapping[str, Any]) -> dict[str, Any] | None:
        if not _text(row.get("id")) and not _text(row.get("name")):
            return None
        kept = previous.get(_text(row.get("id")))
        data: dict[str, Any] = kept.model_dump() if kept is not None else {}
        for key in INDICATOR_FIELDS:
            value = blank(row.get(key))
            if key in enums:
                data[key] = enum_from_label(value, enums[key], tr) if value is not None else None
                if data[key] is None and key != "iris":
                    data.pop(key)
            elif key in ("baseline", "target", "sdg"):
                data[key] = value
            else:
                data[key] = _text(value)
        return data

    return _validated(Indicator, rows, N_("Indicateurs"), build)


def actuals_rows(section: ImpactSection) -> list[dict[str, Any]]:
    """Every typed value, one row per (indicator, period)."""
    return [
        {"indicator": i.id, "period": m.period, "value": m.value, "note": m.note}
        for i in section.indicators
        for m in i.measures()
    ]


def actuals_from_rows(
    rows: Sequence[Mapping[str, Any]], indicators: Sequence[Indicator]
) -> tuple[list[Indicator] | None, list[Issue]]:
    """The indicators with the edited values (an unknown indicator or a bad period names its row)."""
    ids = {i.id for i in indicators}
    by_indicator: dict[str, list[Measure]] = {i.id: [] for i in indicators}
    issues: list[Issue] = []
    for n, row in enumerate(rows, start=1):
        indicator = _text(row.get("indicator"))
        if not indicator and blank(row.get("value")) is None:
            continue
        if indicator not in ids:
            issues.append(
                Issue(
                    code="impact_unknown_indicator",
                    template=N_(
                        "Valeurs réalisées, ligne {line} : l'indicateur « {indicator} » n'existe pas."
                    ),
                    params={"line": n, "indicator": indicator},
                    line=n,
                )
            )
            continue
        try:
            by_indicator[indicator].append(
                Measure.model_validate(
                    {
                        "period": _text(row.get("period")),
                        "value": blank(row.get("value")),
                        "note": _text(row.get("note")),
                    }
                )
            )
        except ValidationError as exc:
            issues += _row_issues(exc, Measure, n, N_("Valeurs réalisées"))
    if issues:
        return None, issues
    out: list[Indicator] = []
    for ind in indicators:
        try:
            out.append(
                Indicator.model_validate(
                    {**ind.model_dump(), "actuals": [m.model_dump() for m in by_indicator[ind.id]]}
                )
            )
        except ValidationError as exc:
            issues += issues_from_validation(exc, Indicator)
    return (None if issues else out), issues


def next_indicator_id(section: ImpactSection, base: str) -> str:
    """A fresh id from a library key (``volunteer_hours``, then ``volunteer_hours-2``…).

    Example:
        >>> next_indicator_id(ImpactSection(), "volunteer_hours")
        'volunteer_hours'
    """
    used = {i.id for i in section.indicators}
    stem = base[:36]
    if stem not in used:
        return stem
    n = 2
    while f"{stem}-{n}" in used:
        n += 1
    return f"{stem}-{n}"


def add_from_library(
    section: ImpactSection,
    entries: Iterable[LibraryIndicator],
    *,
    unit_value: float | None = None,
    unit_value_source: str = "",
) -> ImpactSection:
    """The section with an indicator made from each library entry (fresh ids)."""
    indicators = list(section.indicators)
    for entry in entries:
        current = section.model_copy(update={"indicators": indicators})
        indicators.append(
            indicator_from_library(
                entry,
                next_indicator_id(current, entry.key),
                unit_value=unit_value,
                unit_value_source=unit_value_source,
            )
        )
    return section.model_copy(update={"indicators": indicators})


# --------------------------------------------------------------------------- SROI

_INPUT_KEYS = ("stakeholder", "description", "value", "hours", "hourly_rate")
_OUTCOME_KEYS = tuple(SroiOutcome.model_fields)


def sroi_rows(case: SroiCase | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The inputs and the outcomes as table rows."""
    if case is None:
        return [], []
    return (
        [{k: getattr(i, k) for k in _INPUT_KEYS} for i in case.inputs],
        [o.model_dump() for o in case.outcomes],
    )


def _clean(rows: Iterable[Mapping[str, Any]], keys: Sequence[str]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        data = {k: blank(row.get(k)) for k in keys}
        if all(v is None for v in data.values()):
            continue
        out.append({k: v for k, v in data.items() if v is not None})
    return out


def sroi_from_rows(
    head: Mapping[str, Any],
    inputs: Iterable[Mapping[str, Any]],
    outcomes: Iterable[Mapping[str, Any]],
) -> tuple[SroiCase | None, list[Issue]]:
    """The edited SROI case, or None and the issues; each refused row is named, as in a JSON import.

    ``head`` holds ``title``, ``discount_rate`` and ``valuation_date``.
    """
    data = {
        **{k: v for k, v in head.items() if blank(v) is not None},
        "inputs": _clean(inputs, _INPUT_KEYS),
        "outcomes": _clean(outcomes, _OUTCOME_KEYS),
    }
    case, issues = case_from_dict(data, file=None)
    if any(i.severity.value == "error" for i in issues):
        return None, issues
    return case, issues

"""The SROI engine: an open, auditable social return on investment calculation.

Where it sits: takes an :class:`~essdiag.impact.section.SroiCase` (typed in
the screen, kept in the dossier's impact section, or read from a JSON file
by :func:`read_sroi_json`) and returns a frozen :class:`SroiResult`, its
sensitivity (:func:`tornado`, :func:`break_even`) and what-if variants
(:func:`apply_what_if`). The « Utilité sociale et impact » screen, the
``essdiag sroi`` command and the impact report all read the same results;
:mod:`essdiag.impact.sroi_views` lays them out as figures and views.

Values are floats (a projection, not accounting amounts) and nothing is
rounded before it is shown.

Notes:
    The conventions of *A guide to Social Return on Investment* (Cabinet
    Office / SROI Network, 2009; method unchanged in the 2012 edition):

    * impact of an outcome in year 1 = quantity × proxy × (1 − deadweight)
      × (1 − displacement) × (1 − attribution);
    * the outcome has a value in years 1 … duration; from year 2 on, drop-off
      applies to the previous year's value: vₜ = vₜ₋₁ × (1 − drop-off);
    * present value PV = Σₜ vₜ / (1 + r)ᵗ, year 1 included (discounted once);
    * inputs are counted at year 0, undiscounted; volunteer time is valued at
      hours × hourly rate (the hourly SMIC in force by default);
    * SROI ratio = PV / inputs; net SROI ratio = (PV − inputs) / inputs;
      payback in months = inputs / (year-1 impact / 12).

References:
    Cabinet Office, Office of the Third Sector / SROI Network, *A guide to
    Social Return on Investment* (2009, 2nd ed. 2012), stages 4 to 5
    (« establishing impact », « calculating the SROI »); HM Treasury, *The
    Green Book* (2022), discount rate 3.5 %.

Example:
    >>> from essdiag.impact.section import SroiCase, SroiInput, SroiOutcome
    >>> case = SroiCase(discount_rate=0.0, inputs=[SroiInput(stakeholder="Région", value=1000)],
    ...     outcomes=[SroiOutcome(name="Emploi", stakeholder="Salariés", quantity=2, proxy=1000,
    ...                           proxy_source="étude", duration_years=2, drop_off=0.5)])
    >>> r = evaluate(case, on=date(2026, 1, 1))
    >>> r.outcomes[0].year_values, r.present_value, r.sroi_ratio
    ((2000.0, 1000.0), 3000.0, 3.0)
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, ValidationError

from essdiag.errors import Issue, Severity, UnknownParameterError
from essdiag.guards import (
    FileKind,
    Limits,
    json_syntax_issue,
    kind_issue,
    reader,
    size_issue,
    sniff,
)
from essdiag.i18n import N_
from essdiag.impact.section import SroiCase, SroiInput, SroiOutcome
from essdiag.params import Param, param
from essdiag.validation import issues_from_validation

__all__ = [
    "ASSUMPTIONS",
    "DEDUCTIONS",
    "BreakEven",
    "InputResult",
    "OutcomeResult",
    "SroiResult",
    "TornadoBar",
    "apply_what_if",
    "break_even",
    "case_from_dict",
    "evaluate",
    "impact_of",
    "parse_what_if",
    "present_value",
    "read_sroi_json",
    "smic_issue",
    "sroi_json",
    "tornado",
    "year_values",
]

SROI_LIMITS: Final = Limits(max_bytes=5 * 1024 * 1024)
SROI_MAX_ITEMS: Final = 1_000
"""Inputs or outcomes read at most (a case has a few dozen): a longer list is refused."""
"""An SROI case file is small: 5 MiB at most."""

DEDUCTIONS: Final = ("deadweight", "displacement", "attribution")
"""The deductions applied to the year-1 value, as fractions of 1."""

ASSUMPTIONS: Final = ("quantity", "proxy", *DEDUCTIONS, "drop_off", "duration_years")
"""The assumptions of an outcome that the sensitivity analysis varies."""

FIELD_LABELS: Final[dict[str, str]] = {
    "quantity": N_("Quantité"),
    "proxy": N_("Valeur financière (proxy)"),
    "deadweight": N_("Effet d'aubaine"),
    "displacement": N_("Déplacement"),
    "attribution": N_("Attribution"),
    "drop_off": N_("Dégressivité"),
    "duration_years": N_("Durée (années)"),
    "discount_rate": N_("Taux d'actualisation"),
    "inputs": N_("Ressources mobilisées"),
}
"""French name of each assumption (tornado, break-even, what-if messages)."""

MAX_DURATION: Final = 50
"""Longest duration an outcome may have (the model's bound), used by the break-even search."""

_BISECTIONS: Final = 200
"""Bisection steps of the break-even searches (far beyond float precision)."""

# --------------------------------------------------------------------------- results


class InputResult(BaseModel):
    """One input and the value it counts for.

    Attributes:
        stakeholder, description: as in the case.
        hours: hours given (time inputs), else None.
        hourly_rate: rate applied to those hours (the case's or the SMIC).
        rate_is_smic: True when the hourly SMIC was applied by default.
        value: value counted, in euros.
    """

    model_config = ConfigDict(frozen=True)

    stakeholder: str
    description: str
    hours: float | None
    hourly_rate: float | None
    rate_is_smic: bool
    value: float


class OutcomeResult(BaseModel):
    """One outcome's value over the years.

    Attributes:
        name, stakeholder: as in the case.
        gross: quantity × proxy, before deductions.
        impact: year-1 value after deductions.
        year_values: value in each year 1 … duration, drop-off applied.
        undiscounted: Σ year_values.
        present_value: Σ vₜ / (1 + r)ᵗ.
    """

    model_config = ConfigDict(frozen=True)

    name: str
    stakeholder: str
    gross: float
    impact: float
    year_values: tuple[float, ...]
    undiscounted: float
    present_value: float


class SroiResult(BaseModel):
    """The SROI of a case.

    Attributes:
        discount_rate: r used.
        inputs: each input and its value.
        inputs_value: Σ inputs (year 0, undiscounted).
        outcomes: each outcome's values.
        year1_impact: Σ year-1 impacts.
        total_undiscounted_value: Σ of every outcome's year values.
        present_value: Σ outcomes' present values.
        net_present_value: present value − inputs.
        sroi_ratio: present value / inputs (None when inputs are 0).
        net_sroi_ratio: (present value − inputs) / inputs (None when inputs are 0).
        payback_months: inputs / (year-1 impact / 12) (None when that impact is 0).
        smic: the hourly SMIC applied to time given without a rate, if any.
    """

    model_config = ConfigDict(frozen=True)

    discount_rate: float
    inputs: tuple[InputResult, ...]
    inputs_value: float
    outcomes: tuple[OutcomeResult, ...]
    year1_impact: float
    total_undiscounted_value: float
    present_value: float
    net_present_value: float
    sroi_ratio: float | None
    net_sroi_ratio: float | None
    payback_months: float | None
    smic: Param | None = None

    def outcome(self, name: str) -> OutcomeResult | None:
        """The result of the outcome of that name, or None."""
        return next((o for o in self.outcomes if o.name == name), None)


class BreakEven(BaseModel):
    """The value of one assumption that brings the SROI ratio to 1, or why none does.

    Attributes:
        outcome: the outcome's name (None for the discount rate, an assumption of the case).
        field: the assumption (``quantity``, ``deadweight``, ``discount_rate``…).
        current: its value in the case.
        value: the value at which the ratio is 1 (for the duration: the
            shortest whole number of years at which it reaches 1), or None.
        reason: why there is none (a French phrase of the library, translated where shown).
    """

    model_config = ConfigDict(frozen=True)

    outcome: str | None
    field: str
    current: float
    value: float | None
    reason: str | None = None


class TornadoBar(BaseModel):
    """The SROI ratio with one assumption moved down and up by the step.

    Attributes:
        outcome: the outcome's name (None for the discount rate and the inputs).
        field: the assumption moved.
        current, low, high: its value in the case, moved down, moved up.
        ratio_low, ratio_high: the ratio at ``low`` and at ``high``.
        swing: |ratio_high − ratio_low|, what the bars are sorted by.
    """

    model_config = ConfigDict(frozen=True)

    outcome: str | None
    field: str
    current: float
    low: float
    high: float
    ratio_low: float | None
    ratio_high: float | None
    swing: float


# --------------------------------------------------------------------------- the arithmetic


def impact_of(o: SroiOutcome) -> float:
    """Year-1 value of an outcome: quantity × proxy × (1 − deadweight) × (1 − displacement) × (1 − attribution).

    Example:
        >>> o = SroiOutcome(name="x", stakeholder="y", quantity=10, proxy=100, proxy_source="s",
        ...                 deadweight=0.2, displacement=0.1, attribution=0.5)
        >>> round(impact_of(o), 6)
        360.0
    """
    return o.quantity * o.proxy * (1 - o.deadweight) * (1 - o.displacement) * (1 - o.attribution)


def year_values(o: SroiOutcome) -> tuple[float, ...]:
    """The outcome's value in years 1 … duration: v₁ = impact, vₜ = vₜ₋₁ × (1 − drop-off).

    Example:
        >>> o = SroiOutcome(name="x", stakeholder="y", quantity=1, proxy=1000, proxy_source="s",
        ...                 duration_years=3, drop_off=0.25)
        >>> year_values(o)
        (1000.0, 750.0, 562.5)
    """
    values = [impact_of(o)]
    for _ in range(1, o.duration_years):
        values.append(values[-1] * (1 - o.drop_off))
    return tuple(values)


def present_value(values: Sequence[float], rate: float) -> float:
    """Σ vₜ / (1 + r)ᵗ for t = 1 … n (year 1 is discounted once).

    Example:
        >>> round(present_value([1035.0, 1071.225], 0.035), 6)
        2000.0
    """
    return math.fsum(v / (1 + rate) ** t for t, v in enumerate(values, start=1))


def _smic(case: SroiCase, on: date) -> Param | None:
    """The hourly SMIC in force on the case's valuation date (else ``on``), if time needs it."""
    if not any(i.hours is not None and i.hourly_rate is None for i in case.inputs):
        return None
    return param("smic_hourly", on=case.valuation_date or on)


def _inputs(case: SroiCase, smic: Param | None) -> tuple[InputResult, ...]:
    out = []
    for i in case.inputs:
        if i.hours is None:
            out.append(
                InputResult(
                    stakeholder=i.stakeholder,
                    description=i.description,
                    hours=None,
                    hourly_rate=None,
                    rate_is_smic=False,
                    value=float(i.value or 0.0),
                )
            )
            continue
        by_default = i.hourly_rate is None
        rate = float(smic.value) if by_default and smic is not None else float(i.hourly_rate or 0)
        out.append(
            InputResult(
                stakeholder=i.stakeholder,
                description=i.description,
                hours=i.hours,
                hourly_rate=rate,
                rate_is_smic=by_default,
                value=i.hours * rate,
            )
        )
    return tuple(out)


def evaluate(case: SroiCase, *, on: date) -> SroiResult:
    """The SROI of a case (see the module's Notes for every formula).

    ``on`` is the date at which time given without a rate is valued (the
    hourly SMIC in force then) when the case has no ``valuation_date``.
    Raises :class:`~essdiag.errors.UnknownParameterError` when no SMIC is
    known at that date.
    """
    smic = _smic(case, on)
    inputs = _inputs(case, smic)
    inputs_value = math.fsum(i.value for i in inputs)
    outcomes = []
    for o in case.outcomes:
        values = year_values(o)
        outcomes.append(
            OutcomeResult(
                name=o.name,
                stakeholder=o.stakeholder,
                gross=o.quantity * o.proxy,
                impact=values[0],
                year_values=values,
                undiscounted=math.fsum(values),
                present_value=present_value(values, case.discount_rate),
            )
        )
    pv = math.fsum(o.present_value for o in outcomes)
    year1 = math.fsum(o.impact for o in outcomes)
    has_inputs = inputs_value > 0
    return SroiResult(
        discount_rate=case.discount_rate,
        inputs=inputs,
        inputs_value=inputs_value,
        outcomes=tuple(outcomes),
        year1_impact=year1,
        total_undiscounted_value=math.fsum(o.undiscounted for o in outcomes),
        present_value=pv,
        net_present_value=pv - inputs_value,
        sroi_ratio=pv / inputs_value if has_inputs else None,
        net_sroi_ratio=(pv - inputs_value) / inputs_value if has_inputs else None,
        payback_months=inputs_value / (year1 / 12) if year1 > 0 else None,
        smic=smic,
    )


# --------------------------------------------------------------------------- what if


def _with(case: SroiCase, outcome: str | None, field: str, value: float) -> SroiCase:
    """The case with one assumption changed (no validation: the searches stay in range)."""
    if outcome is None:
        return case.model_copy(update={field: value})
    outcomes = [
        o.model_copy(update={field: int(value) if field == "duration_years" else value})
        if o.name == outcome
        else o
        for o in case.outcomes
    ]
    return case.model_copy(update={"outcomes": outcomes})


def _ratio(case: SroiCase, on: date) -> float | None:
    return evaluate(case, on=on).sroi_ratio


WhatIf = tuple[str | None, str, float]
"""One change: (outcome name or None for the case, field, new value)."""


def parse_what_if(text: str) -> tuple[WhatIf | None, list[Issue]]:
    """``"OUTCOME:FIELD=VALUE"`` (or ``"discount_rate=VALUE"``) as a change, or the issue.

    A decimal comma is accepted. The outcome's name is what comes before the
    last ``:`` of the left side.

    Example:
        >>> parse_what_if("Retour à l'emploi:deadweight=0,3")[0]
        ("Retour à l'emploi", 'deadweight', 0.3)
        >>> parse_what_if("discount_rate=0.05")[0]
        (None, 'discount_rate', 0.05)
    """
    left, sep, raw = text.rpartition("=")
    outcome, colon, field = left.rpartition(":")
    field = field.strip()
    try:
        value = float(raw.strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not sep or not math.isfinite(value):
        return None, [
            Issue(
                code="sroi_what_if_syntax",
                template=N_(
                    "Hypothèse « {text} » illisible : écrivez EFFET:CHAMP=VALEUR (par exemple "
                    "« Retour à l'emploi:deadweight=0.3 ») ou discount_rate=VALEUR."
                ),
                params={"text": text[:200]},
            )
        ]
    if not colon:
        if field != "discount_rate":
            return None, [
                Issue(
                    code="sroi_what_if_case_field",
                    template=N_(
                        "Sans nom d'effet, seule l'hypothèse discount_rate=VALEUR est possible "
                        "(reçu : « {text} »)."
                    ),
                    params={"text": text[:200]},
                )
            ]
        return (None, field, value), []
    if field not in ASSUMPTIONS:
        return None, [
            Issue(
                code="sroi_what_if_field",
                template=N_(
                    "Champ « {field} » inconnu pour un effet : choisissez parmi {allowed}."
                ),
                params={"field": field[:60], "allowed": ", ".join(ASSUMPTIONS)},
            )
        ]
    return (outcome.strip(), field, value), []


def apply_what_if(case: SroiCase, changes: Iterable[WhatIf]) -> tuple[SroiCase | None, list[Issue]]:
    """The case under changed assumptions, validated like the case itself, or the issues.

    An unknown outcome or a value outside its range (a rate above 1, a
    negative quantity) is refused with a French message naming it.
    """
    data = case.model_dump()
    names = [o["name"] for o in data["outcomes"]]
    issues: list[Issue] = []
    for outcome, field, raw in changes:
        value = float(raw)
        if outcome is None:
            if field != "discount_rate":
                issues.append(
                    Issue(
                        code="sroi_what_if_case_field",
                        template=N_(
                            "Sans nom d'effet, seule l'hypothèse discount_rate=VALEUR est possible "
                            "(reçu : « {text} »)."
                        ),
                        params={"text": f"{field}={value}"},
                    )
                )
                continue
            data[field] = value
            continue
        if outcome not in names:
            issues.append(
                Issue(
                    code="sroi_what_if_outcome",
                    template=N_(
                        "Aucun effet ne s'appelle « {outcome} » : effets du cas : {names}."
                    ),
                    params={"outcome": outcome[:160], "names": ", ".join(names)},
                )
            )
            continue
        row = data["outcomes"][names.index(outcome)]
        row[field] = int(value) if field == "duration_years" and value.is_integer() else value
    if issues:
        return None, issues
    try:
        return SroiCase.model_validate(data), []
    except ValidationError as exc:
        return None, issues_from_validation(exc, SroiCase)


# --------------------------------------------------------------------------- sensitivity

_NO_INPUTS = N_("aucune ressource mobilisée : le ratio SROI n'est pas défini")
_ZERO_OUTCOME = N_(
    "la valeur de cet effet est nulle quelle que soit cette hypothèse (une autre hypothèse de "
    "l'effet est à 0 ou à 100 %)"
)
_ABOVE_AT_ZERO = N_("le ratio reste supérieur ou égal à 1 même si cette valeur tombe à 0")
_ABOVE_AT_FULL = N_("le ratio reste supérieur ou égal à 1 même à 100 %")
_ABOVE_AT_ONE_YEAR = N_("le ratio atteint déjà 1 avec une durée d'un an")
_BELOW_AT_ZERO = N_("le ratio reste inférieur à 1 même à 0 %")
_BELOW_AT_MAX_DURATION = N_("le ratio reste inférieur à 1 même sur 50 ans")
_NO_EFFECT = N_("l'effet ne dure qu'un an : la dégressivité ne change rien au ratio")


def _bisect(f: Callable[[float], float], lo: float, hi: float) -> float:
    """The root of an increasing or decreasing ``f`` on [lo, hi] that changes sign there."""
    f_lo = f(lo)
    for _ in range(_BISECTIONS):
        mid = (lo + hi) / 2
        f_mid = f(mid)
        if f_mid == 0 or mid in (lo, hi):
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


def _outcome_pv(case: SroiCase, o: SroiOutcome) -> float:
    return present_value(year_values(o), case.discount_rate)


def _point(outcome: str | None, field: str, current: float, found: float | str) -> BreakEven:
    """A break-even value, or (a French phrase of the library) the reason there is none."""
    if isinstance(found, str):
        return BreakEven(outcome=outcome, field=field, current=current, value=None, reason=found)
    return BreakEven(outcome=outcome, field=field, current=current, value=found)


def _linear(case: SroiCase, o: SroiOutcome, field: str, needed: float) -> BreakEven:
    """Quantity and proxy: the outcome's PV is proportional to them."""
    unit = _outcome_pv(case, o.model_copy(update={field: 1.0}))
    value = needed / unit if unit > 0 else 0.0
    found: float | str = _ZERO_OUTCOME if unit <= 0 else _ABOVE_AT_ZERO if value < 0 else value
    return _point(o.name, field, float(getattr(o, field)), found)


def _deduction(case: SroiCase, o: SroiOutcome, field: str, needed: float) -> BreakEven:
    """Deadweight, displacement, attribution: the outcome's PV is proportional to (1 − d)."""
    full = _outcome_pv(case, o.model_copy(update={field: 0.0}))
    value = 1 - needed / full if full > 0 else 0.0
    found: float | str = (
        _ZERO_OUTCOME
        if full <= 0
        else _BELOW_AT_ZERO
        if value < 0
        else _ABOVE_AT_FULL
        if value > 1
        else value
    )
    return _point(o.name, field, float(getattr(o, field)), found)


def _monotone(gap: Callable[[float], float], *, decreasing_to: float = 1.0) -> float | str:
    """The root of a decreasing ``gap`` on [0, ``decreasing_to``], or why there is none."""
    if gap(0.0) < 0:
        return _BELOW_AT_ZERO
    if gap(decreasing_to) > 0:
        return _ABOVE_AT_FULL
    return _bisect(gap, 0.0, decreasing_to)


def _drop_off(case: SroiCase, o: SroiOutcome, needed: float) -> BreakEven:
    def gap(d: float) -> float:
        return _outcome_pv(case, o.model_copy(update={"drop_off": d})) - needed

    found: float | str
    if o.duration_years == 1:
        found = _NO_EFFECT
    elif _outcome_pv(case, o.model_copy(update={"drop_off": 0.0})) <= 0:
        found = _ZERO_OUTCOME
    else:
        found = _monotone(gap)
    return _point(o.name, "drop_off", o.drop_off, found)


def _duration(case: SroiCase, o: SroiOutcome, needed: float) -> BreakEven:
    """The shortest whole number of years at which the ratio reaches 1."""

    def pv(years: int) -> float:
        return _outcome_pv(case, o.model_copy(update={"duration_years": years}))

    found: float | str = _BELOW_AT_MAX_DURATION
    if pv(MAX_DURATION) <= 0:
        found = _ZERO_OUTCOME
    elif pv(1) >= needed:
        found = _ABOVE_AT_ONE_YEAR
    else:
        found = next((float(y) for y in range(2, MAX_DURATION + 1) if pv(y) >= needed), found)
    return _point(o.name, "duration_years", float(o.duration_years), found)


def _discount_rate(case: SroiCase, inputs_value: float) -> BreakEven:
    def gap(r: float) -> float:
        at = case.model_copy(update={"discount_rate": r})
        return math.fsum(_outcome_pv(at, o) for o in case.outcomes) - inputs_value

    return _point(None, "discount_rate", case.discount_rate, _monotone(gap))


def break_even(case: SroiCase, *, on: date) -> list[BreakEven]:
    """For each assumption of each outcome, and for the discount rate, the value giving a ratio of 1.

    Notes:
        With I the inputs and R the present value of the other outcomes, the
        outcome must be worth I − R. Its PV is proportional to quantity and
        proxy (x* = (I − R) / PV at x = 1) and to (1 − d) for each deduction
        (d* = 1 − (I − R) / PV at d = 0). Drop-off and the discount rate are
        found by bisection (the PV is monotone in each); the duration is the
        shortest whole number of years that reaches I − R. A value outside
        the assumption's range means none brings the ratio to 1, and the
        reason says which side the ratio stays on.
    """
    result = evaluate(case, on=on)
    inputs = result.inputs_value
    out: list[BreakEven] = []
    for o, r in zip(case.outcomes, result.outcomes, strict=True):
        if inputs <= 0:
            out.extend(_point(o.name, f, float(getattr(o, f)), _NO_INPUTS) for f in ASSUMPTIONS)
            continue
        needed = inputs - (result.present_value - r.present_value)
        out.append(_linear(case, o, "quantity", needed))
        out.append(_linear(case, o, "proxy", needed))
        out.extend(_deduction(case, o, f, needed) for f in DEDUCTIONS)
        out.append(_drop_off(case, o, needed))
        out.append(_duration(case, o, needed))
    if inputs <= 0:
        out.append(_point(None, "discount_rate", case.discount_rate, _NO_INPUTS))
    else:
        out.append(_discount_rate(case, inputs))
    return out


def _clip(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return min(max(value, low), high)


def tornado(
    case: SroiCase, *, on: date, step: float = 0.10, rate_step: float = 0.05
) -> list[TornadoBar]:
    """The ratio with each assumption moved down and up, the widest swing first.

    Parameters:
        step: relative change of quantities, proxies and the inputs
            (0.10 = ± 10 %).
        rate_step: change, in points, of the deductions, the drop-off and the
            discount rate (0.05 = ± 5 points), kept within 0–1.

    Notes:
        The duration moves by one year (never below one). Each bar holds
        every other assumption at its value in the case (one-way
        sensitivity).
    """
    bars: list[TornadoBar] = []

    def bar(
        outcome: str | None,
        field: str,
        *,
        current: float,
        low: float,
        high: float,
        make: Callable[[float], SroiCase],
    ) -> None:
        r_low, r_high = _ratio(make(low), on), _ratio(make(high), on)
        swing = abs(r_high - r_low) if r_low is not None and r_high is not None else 0.0
        bars.append(
            TornadoBar(
                outcome=outcome,
                field=field,
                current=current,
                low=low,
                high=high,
                ratio_low=r_low,
                ratio_high=r_high,
                swing=swing,
            )
        )

    for o in case.outcomes:
        for field in ASSUMPTIONS:
            current = float(getattr(o, field))
            if field in ("quantity", "proxy"):
                low, high = current * (1 - step), current * (1 + step)
            elif field == "duration_years":
                low, high = max(current - 1, 1.0), min(current + 1, float(MAX_DURATION))
            else:
                low, high = _clip(current - rate_step), _clip(current + rate_step)
            bar(
                o.name,
                field,
                current=current,
                low=low,
                high=high,
                make=functools.partial(_with, case, o.name, field),
            )
    r = case.discount_rate
    bar(
        None,
        "discount_rate",
        current=r,
        low=_clip(r - rate_step),
        high=_clip(r + rate_step),
        make=functools.partial(_with, case, None, "discount_rate"),
    )
    base = evaluate(case, on=on)
    total = base.inputs_value

    def scaled(v: float) -> SroiCase:
        factor = v / total if total > 0 else 1.0
        return case.model_copy(
            update={
                "inputs": [
                    SroiInput(
                        stakeholder=i.stakeholder, description=i.description, value=i.value * factor
                    )
                    for i in base.inputs
                ]
            }
        )

    bar(None, "inputs", current=total, low=total * (1 - step), high=total * (1 + step), make=scaled)
    return sorted(bars, key=lambda b: -b.swing)


# --------------------------------------------------------------------------- JSON files

_ROW_KINDS: Final[dict[str, tuple[type[BaseModel], str]]] = {
    "inputs": (
        SroiInput,
        N_(
            "Ressource mobilisée n° {row} « {name} » mise de côté (ligne {line}) : voir le détail ci-dessous."
        ),
    ),
    "outcomes": (
        SroiOutcome,
        N_("Effet n° {row} « {name} » mis de côté (ligne {line}) : voir le détail ci-dessous."),
    ),
}


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _element_lines(text: str) -> dict[str, list[int]]:
    """The 1-based line where each element of the top-level ``inputs`` and ``outcomes`` starts."""
    decoder = json.JSONDecoder()
    found: dict[str, list[int]] = {}
    i = _skip_ws(text, 0)
    if i >= len(text) or text[i] != "{":
        return found
    i += 1
    while True:
        i = _skip_ws(text, i)
        if i >= len(text) or text[i] == "}":
            return found
        key, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, i) + 1  # the colon
        i = _skip_ws(text, i)
        if key in _ROW_KINDS and text[i] == "[":
            lines: list[int] = []
            i += 1
            counted, line = 0, 1  # lines counted from where the last count stopped: linear
            while True:
                i = _skip_ws(text, i)
                if text[i] == "]":
                    i += 1
                    break
                line += text.count("\n", counted, i)
                counted = i
                lines.append(line)
                _value, i = decoder.raw_decode(text, i)
                i = _skip_ws(text, i)
                if text[i] == ",":
                    i += 1
            found[str(key)] = lines
        else:
            _value, i = decoder.raw_decode(text, i)
        i = _skip_ws(text, i)
        if i < len(text) and text[i] == ",":
            i += 1


def _json_issue(code: str, template: str, file: str | None, **params: Any) -> Issue:
    return Issue(code=code, template=template, params=params, file=file)


def _decode(raw: bytes, file: str | None) -> tuple[Any, str, list[Issue]]:
    """The parsed JSON and its text, or None and the issue."""
    issue = size_issue(len(raw), SROI_LIMITS, file=file)
    if issue is not None:
        return None, "", [issue]
    kind = sniff(raw)
    if kind is not FileKind.TEXT:
        return None, "", [kind_issue(kind, N_("un fichier JSON (texte)"), file=file)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return (
            None,
            "",
            [
                _json_issue(
                    "json_encoding",
                    N_("Le fichier n'est pas en UTF-8 (octet illisible à la position {pos})."),
                    file,
                    pos=exc.start + 1,
                )
            ],
        )
    try:
        return json.loads(text), text, []
    except json.JSONDecodeError as exc:
        return None, text, [json_syntax_issue(exc, file)]
    except (ValueError, RecursionError):
        return (
            None,
            text,
            [
                _json_issue(
                    "json_unreadable",
                    N_("Le fichier JSON est trop imbriqué ou contient un nombre démesuré."),
                    file,
                )
            ],
        )


def _said_empty(issue: Issue, empty: set[str]) -> Issue:
    """The issue of a field left empty (JSON ``null``) said so, not with Python's « None ».

    Parameters:
        empty: the paths (``outcomes[1].proxy``) whose value in the file is ``null``.
    """
    if issue.field not in empty or "input" not in issue.params:
        return issue
    params = {k: v for k, v in issue.params.items() if k not in ("input", "detail")}
    return issue.model_copy(
        update={
            "template": N_("« {label} » est vide : donnez-lui une valeur."),
            "params": params,
        }
    )


def _rows(
    data: Mapping[str, Any], key: str, lines: list[int], file: str | None
) -> tuple[list[Any], list[Issue]]:
    model, summary = _ROW_KINDS[key]
    value = data.get(key, [])
    if not isinstance(value, list):
        return [], [
            Issue(
                code="sroi_not_a_list",
                template=N_("« {key} » doit être une liste (reçu : {kind})."),
                params={"key": key, "kind": type(value).__name__},
                file=file,
                field=key,
            )
        ]
    if len(value) > SROI_MAX_ITEMS:
        return [], [
            Issue(
                code="sroi_too_many_items",
                template=N_(
                    "« {key} » compte {n} éléments (au plus {limit}) : la liste n'est pas lue. "
                    "Une analyse SROI en compte d'ordinaire quelques dizaines."
                ),
                params={"key": key, "n": len(value), "limit": SROI_MAX_ITEMS},
                file=file,
                field=key,
            )
        ]
    kept: list[Any] = []
    issues: list[Issue] = []
    known = set(model.model_fields)
    for n, row in enumerate(value, start=1):
        line = lines[n - 1] if n - 1 < len(lines) else None
        name = (
            row.get("name") or row.get("description") or row.get("stakeholder")
            if isinstance(row, dict)
            else None
        )
        if not isinstance(row, dict):
            issues.append(
                Issue(
                    code="sroi_row_not_object",
                    template=N_(
                        "L'élément n° {row} de « {key} » doit être un objet JSON : il est mis de côté."
                    ),
                    params={"row": n, "key": key},
                    file=file,
                    line=line,
                    field=f"{key}[{n}]",
                )
            )
            continue
        extra = sorted(set(row) - known)
        if extra:
            issues.append(
                Issue(
                    code="sroi_unknown_fields",
                    template=N_("Élément n° {row} de « {key} » : champ(s) ignoré(s) {fields}."),
                    params={"row": n, "key": key, "fields": ", ".join(str(e)[:40] for e in extra)},
                    severity=Severity.WARNING,
                    file=file,
                    line=line,
                    field=f"{key}[{n}]",
                )
            )
        try:
            kept.append(model.model_validate({k: v for k, v in row.items() if k in known}))
        except ValidationError as exc:
            issues.append(
                Issue(
                    code=f"sroi_{key[:-1]}_set_aside",
                    template=summary,
                    params={"row": n, "name": str(name or "")[:160], "line": line or n},
                    file=file,
                    line=line,
                    field=f"{key}[{n}]",
                )
            )
            empty = {f"{key}[{n}].{k}" for k, v in row.items() if v is None}
            issues.extend(
                _said_empty(i.model_copy(update={"line": line}), empty)
                for i in issues_from_validation(exc, model, file=file, prefix=(f"{key}[{n}]",))
            )
    return kept, issues


def case_from_dict(
    data: Mapping[str, Any], *, file: str | None, lines: Mapping[str, list[int]] | None = None
) -> tuple[SroiCase | None, list[Issue]]:
    """An SROI case from parsed data (a JSON file, the screen's tables), row by row.

    Each input or outcome that fails a rule is set aside with French
    messages naming it (its number, name and line when known); the rest is
    kept. None when the head is invalid (the discount rate, the valuation
    date) or no valid outcome is left.
    """
    issues: list[Issue] = []
    lines = lines or {}
    top_known = set(SroiCase.model_fields)
    extra = sorted(str(k)[:40] for k in data if k not in top_known)
    if extra:
        issues.append(
            Issue(
                code="sroi_unknown_fields",
                template=N_("Champ(s) inconnu(s) ignoré(s) : {fields}."),
                params={"fields": ", ".join(extra)},
                severity=Severity.WARNING,
                file=file,
            )
        )
    inputs, found = _rows(data, "inputs", lines.get("inputs", []), file)
    issues += found
    outcomes, found = _rows(data, "outcomes", lines.get("outcomes", []), file)
    issues += found
    head = {k: data[k] for k in ("title", "discount_rate", "valuation_date") if k in data}
    try:
        case = SroiCase.model_validate({**head, "inputs": inputs, "outcomes": outcomes})
    except ValidationError as exc:
        return None, issues + issues_from_validation(exc, SroiCase, file=file)
    if not case.outcomes:
        issues.append(
            _json_issue(
                "sroi_no_outcome",
                N_("Aucun effet utilisable : l'analyse ne peut pas être calculée."),
                file,
            )
        )
        return None, issues
    return case, issues


@reader
def read_sroi_json(raw: bytes, *, file: str | None = None) -> tuple[SroiCase | None, list[Issue]]:
    """An SROI case from JSON bytes, with every problem found; never raises on bad bytes.

    The file holds ``{"discount_rate": 0.035, "inputs": [...], "outcomes": [...]}``
    (optionally ``title`` and ``valuation_date``). Each input or outcome that
    fails a rule (a rate outside 0–1, a negative quantity, a missing proxy
    source) is set aside with French messages naming it and its line; the
    rest is imported. Returns None when nothing usable is left (not JSON,
    not an object, a bad discount rate, no valid outcome).
    """
    data, text, issues = _decode(raw, file)
    if issues:
        return None, issues
    if not isinstance(data, dict):
        return None, [
            _json_issue(
                "sroi_not_object",
                N_(
                    "Le fichier doit contenir une analyse SROI (un objet JSON avec « inputs » et "
                    "« outcomes »)."
                ),
                file,
            )
        ]
    return case_from_dict(data, file=file, lines=_element_lines(text))


def sroi_json(case: SroiCase) -> bytes:
    """The case as the JSON file :func:`read_sroi_json` reads (inputs without the unused keys).

    Example:
        >>> c = SroiCase(inputs=[SroiInput(stakeholder="Bénévoles", hours=10)])
        >>> json.loads(sroi_json(c))["inputs"]
        [{'stakeholder': 'Bénévoles', 'description': '', 'hours': 10.0}]
    """
    data = case.model_dump(mode="json", exclude_none=True)
    if not data.get("title"):
        data.pop("title", None)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def smic_issue(exc: UnknownParameterError) -> Issue:
    """The issue when no hourly SMIC is known at the valuation date."""
    if exc.template == UnknownParameterError.NOT_YET:
        return Issue(
            code="sroi_no_smic",
            template=N_(
                "Aucun SMIC horaire n'est connu au {date} (le premier connu est en vigueur au "
                "{first}) : donnez un taux horaire aux heures de bénévolat ou une date de "
                "valorisation plus récente."
            ),
            params={"date": exc.params["date"], "first": exc.params["first"]},
        )
    return Issue(
        code="sroi_no_smic",
        template=N_(
            "Aucun SMIC horaire n'est connu à la date de valorisation : donnez un taux horaire "
            "aux heures de bénévolat ou une date de valorisation plus récente ({detail})."
        ),
        params={"detail": str(exc)},
    )

"""Results of a whole dossier, for the screens' cache and the report: the SROI with its sensitivity.

Where it sits: functions of a dossier (anything with an ``impact`` section;
the dossier itself lives higher up the layers) that the screens run through
:func:`essdiag.ui.cache.computed` and the report calls directly, so each
result is computed once per revision and options.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from essdiag.errors import Issue, UnknownParameterError
from essdiag.impact.section import ImpactSection, SroiCase
from essdiag.impact.sroi import (
    BreakEven,
    SroiResult,
    TornadoBar,
    break_even,
    evaluate,
    smic_issue,
    tornado,
)

__all__ = ["HasImpact", "SroiAnalysis", "analyse_case", "sroi_analysis"]


class HasImpact(Protocol):
    """What these functions read of a dossier."""

    @property
    def impact(self) -> ImpactSection: ...


class SroiAnalysis(BaseModel):
    """An SROI case with its result, tornado and break-even values (or why it cannot be computed).

    Attributes:
        case: the case analysed.
        result: its SROI (None with ``issue`` when it cannot be computed).
        tornado: the bars, widest swing first.
        break_even: for each assumption, the value bringing the ratio to 1.
        step, rate_step: the steps of the tornado.
        issue: why nothing could be computed, if so.
    """

    model_config = ConfigDict(frozen=True)

    case: SroiCase
    result: SroiResult | None
    tornado: tuple[TornadoBar, ...] = ()
    break_even: tuple[BreakEven, ...] = ()
    step: float = 0.10
    rate_step: float = 0.05
    issue: Issue | None = None


def analyse_case(
    case: SroiCase, *, on: date, step: float = 0.10, rate_step: float = 0.05
) -> SroiAnalysis:
    """The SROI of a case with its sensitivity; a missing SMIC is an issue, not an error."""
    try:
        result = evaluate(case, on=on)
        bars = tornado(case, on=on, step=step, rate_step=rate_step)
        points = break_even(case, on=on)
    except UnknownParameterError as exc:
        return SroiAnalysis(
            case=case, result=None, step=step, rate_step=rate_step, issue=smic_issue(exc)
        )
    return SroiAnalysis(
        case=case,
        result=result,
        tornado=tuple(bars),
        break_even=tuple(points),
        step=step,
        rate_step=rate_step,
    )


def sroi_analysis(
    dossier: HasImpact, *, on: date, step: float = 0.10, rate_step: float = 0.05
) -> SroiAnalysis | None:
    """The dossier's SROI case analysed (None when the dossier has no case)."""
    case = dossier.impact.sroi
    if case is None or not case.outcomes:
        return None
    return analyse_case(case, on=on, step=step, rate_step=rate_step)

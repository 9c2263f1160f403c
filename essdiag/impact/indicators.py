"""The indicator dashboard: values per period, progress to target, status and trend, with their working.

Where it sits: :func:`indicator_board` is the one function that gathers what
the indicators need from several sections — the impact section (the
indicators and their typed values), the identity (fiscal year, declared
workforce), the accounts (:mod:`essdiag.ledger`: volunteer time in 864/875,
amounts by account and analytic code), the HR workforce register (a
DataFrame with at least ``fte`` and ``contract``, passed in by the caller,
never read from the HR package) and the survey answers (DataFrames of
:mod:`essdiag.impact.surveys`). It returns a frozen :class:`Board` the
screen, the report and the exports read, and the issues met.

Indicators the dossier can compute itself (a :class:`~essdiag.impact.section.Computation`)
get their values from those sources, each with its working; a computed
value replaces a typed one for the same period.

Notes:
    progress = (latest − baseline) / (target − baseline), the baseline being
    0 when none is given. With the periods of the baseline and the target,
    the progress expected at the latest period is the share of that time
    elapsed: an indicator is « en bonne voie » when its progress is at least
    that, « en retard » below it. Trend compares the last two values: a move
    of less than 1 % of the earlier value is « stable ».

    Values are floats: indicators are counts and ratios, not accounting
    amounts (amounts read from the accounts stay integer cents until they
    are divided by a unit value).
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any, Final

import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.errors import Issue, Severity, UnknownParameterError
from essdiag.figures import Column, Figure, Input, Tone, View
from essdiag.i18n import N_, LabelledEnum
from essdiag.identity import Identity
from essdiag.impact.section import (
    Computation,
    ComputeKind,
    Dimension,
    Direction,
    Frequency,
    ImpactSection,
    Indicator,
    IrisDimension,
    Level,
    period_sort_key,
)
from essdiag.impact.stats import MIN_GROUP, likert_summary, nps_summary
from essdiag.ledger import monthly_activity
from essdiag.params import param
from essdiag.periods import FiscalYear

__all__ = [
    "STABLE_TOLERANCE",
    "Board",
    "IndicatorState",
    "LibraryIndicator",
    "Point",
    "Status",
    "Trend",
    "board_figures",
    "board_view",
    "indicator_board",
    "indicator_from_library",
    "library",
    "library_view",
    "progress_of",
    "series_view",
    "status_of",
    "trend_of",
]

STABLE_TOLERANCE: Final = 0.01
"""A move smaller than 1 % of the earlier value is « stable »."""


class Status(LabelledEnum):
    """Where an indicator stands against its target."""

    ACHIEVED = "achieved", N_("cible atteinte")
    ON_TRACK = "on_track", N_("en bonne voie")
    PROGRESSING = "progressing", N_("en progression")
    BEHIND = "behind", N_("en retard sur l'échéance")
    AWAY = "away", N_("s'éloigne de la cible")
    NO_TARGET = "no_target", N_("sans cible")
    NO_DATA = "no_data", N_("pas encore de valeur")


STATUS_TONES: Final[dict[Status, Tone]] = {
    Status.ACHIEVED: "good",
    Status.ON_TRACK: "good",
    Status.PROGRESSING: "neutral",
    Status.BEHIND: "watch",
    Status.AWAY: "alert",
    Status.NO_TARGET: "neutral",
    Status.NO_DATA: "watch",
}


class Trend(LabelledEnum):
    """How the last two values moved, in the indicator's desired direction."""

    IMPROVING = "improving", N_("en amélioration")
    STABLE = "stable", N_("stable")
    WORSENING = "worsening", N_("en dégradation")
    UNKNOWN = "unknown", N_("une seule valeur")


class Point(BaseModel):
    """One value of an indicator.

    Attributes:
        period: period key.
        value: the value, in the indicator's unit.
        computed: True when the dossier computed it.
        partial: True for a value of a fiscal year whose accounts are not
            complete yet (left out of the progress and the trend).
        note: a French template (how it was measured, a caveat), with note_params.
        working: the computation's figure, for a computed value.
    """

    model_config = ConfigDict(frozen=True)

    period: str
    value: float
    computed: bool = False
    partial: bool = False
    note: str = ""
    note_params: dict[str, Any] = {}
    working: Figure | None = None


class IndicatorState(BaseModel):
    """An indicator with its values, progress, status and trend.

    Attributes:
        indicator: the indicator as typed.
        points: its values, oldest period first.
        progress: the progress figure (its reading is the status).
        status: where it stands against its target.
        trend: how the last two values moved; trend_figure: its working.
        computed_reason: why a computed indicator has no value (French), if so.
    """

    model_config = ConfigDict(frozen=True)

    indicator: Indicator
    points: tuple[Point, ...]
    progress: Figure
    status: Status
    trend: Trend
    trend_figure: Figure
    computed_reason: str | None = None

    @property
    def latest(self) -> Point | None:
        """The most recent value of a complete period, if any (what progress and trend read)."""
        complete = [p for p in self.points if not p.partial]
        return complete[-1] if complete else None


class Board(BaseModel):
    """The dashboard: every indicator's state, in the section's order."""

    model_config = ConfigDict(frozen=True)

    states: tuple[IndicatorState, ...]

    def state(self, indicator_id: str) -> IndicatorState | None:
        """The state of the indicator of that id, or None."""
        return next((s for s in self.states if s.indicator.id == indicator_id), None)


# --------------------------------------------------------------------------- arithmetic


def _as_input_value(value: float | None, unit: str) -> tuple[float | None, str]:
    """An indicator value for a figure: percentage points become fractions (62 → 0.62 « % »)."""
    if unit.strip() == "%":
        return (value / 100 if value is not None else None), "%"
    return value, unit or "count"


def progress_of(latest: float, baseline: float, target: float) -> float | None:
    """(latest − baseline) / (target − baseline); None when target = baseline.

    Works for both directions: a target below the baseline gives a positive
    progress when the value goes down.

    Example:
        >>> progress_of(45, 40, 50), progress_of(30, 40, 20), progress_of(38, 40, 50)
        (0.5, 0.5, -0.2)
    """
    if target == baseline:
        return None
    return (latest - baseline) / (target - baseline)


def _period_end(period: str) -> float:
    """The end of a period as a fractional year (2026 → 2027.0, 2026-S1 → 2026.5)."""
    year, first, kind = period_sort_key(period)
    months = {0: 12, 1: 6, 2: 3, 3: 1}[kind]
    return year + (first - 1 + months) / 12


def expected_progress(baseline_period: str, target_period: str, latest_period: str) -> float | None:
    """Share of the time from the baseline to the target elapsed at the latest period (0–1).

    Example:
        >>> expected_progress("2024", "2027", "2025")
        0.3333333333333333
    """
    if not baseline_period or not target_period:
        return None
    start, end = _period_end(baseline_period), _period_end(target_period)
    if end <= start:
        return None
    return min(max((_period_end(latest_period) - start) / (end - start), 0.0), 1.0)


def status_of(
    progress: float | None, expected: float | None, *, reached: bool | None = None
) -> Status:
    """The status from the progress (and the progress expected by now, when known).

    ``reached`` decides when the target equals the baseline (progress None).

    Example:
        >>> status_of(1.0, None), status_of(0.4, 0.5), status_of(0.6, 0.5), status_of(-0.1, None)
        (<Status.ACHIEVED: 'achieved'>, <Status.BEHIND: 'behind'>, <Status.ON_TRACK: 'on_track'>, <Status.AWAY: 'away'>)
    """
    if progress is None:
        return Status.ACHIEVED if reached else Status.BEHIND
    if progress >= 1:
        return Status.ACHIEVED
    if progress < 0:
        return Status.AWAY
    if expected is None:
        return Status.PROGRESSING
    return Status.ON_TRACK if progress >= expected else Status.BEHIND


def trend_of(previous: float, latest: float, direction: Direction) -> Trend:
    """Improving, stable or worsening, in the desired direction.

    Example:
        >>> trend_of(100, 100.5, Direction.INCREASE), trend_of(100, 90, Direction.DECREASE)
        (<Trend.STABLE: 'stable'>, <Trend.IMPROVING: 'improving'>)
    """
    change = latest - previous
    scale = abs(previous) if previous != 0 else 1.0
    if abs(change) < STABLE_TOLERANCE * scale:
        return Trend.STABLE
    better = change > 0 if direction is Direction.INCREASE else change < 0
    return Trend.IMPROVING if better else Trend.WORSENING


# --------------------------------------------------------------------------- computed values


class _Sources(BaseModel):
    """What the computed indicators read, gathered once."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    impact: ImpactSection
    identity: Identity
    ledgers: dict[int, pd.DataFrame]
    workforce: pd.DataFrame | None
    workforce_period: str
    surveys: dict[str, pd.DataFrame]


def _account_cents(
    ledger: pd.DataFrame, fy: FiscalYear, prefixes: list[str], analytic: str = ""
) -> tuple[int, str | None]:
    """Σ amounts (cents, positive when normal) of the accounts starting with a prefix, and the last month."""
    activity = monthly_activity(ledger, fy.start, fy.end)
    mask = activity["account"].str.startswith(tuple(prefixes))
    if analytic:
        mask &= activity["analytic"] == analytic
    part = activity[mask]
    if part.empty:
        return 0, None
    return int(part["amount_cents"].sum()), str(part["month"].max())


def _partial(fy: FiscalYear, ledger: pd.DataFrame) -> date | None:
    """The last entry date of the ledger when it stops before the end of the fiscal year."""
    dated = ledger.loc[~ledger["opening"].astype(bool), "date"]
    if dated.empty:
        return None
    last: date = dated.max().date()
    return last if last < fy.end else None


_PARTIAL_NOTE = N_("exercice en cours : comptes arrêtés au {date}")
_PARTIAL_SCOPE = N_("exercice en cours, comptes incomplets")


def _volunteer_points(src: _Sources, ind: Indicator) -> tuple[list[Point], str | None]:
    points = []
    for year, ledger in sorted(src.ledgers.items()):
        fy = FiscalYear(label_year=year, start_month=src.identity.fiscal_year_start_month)
        cents, _month = _account_cents(ledger, fy, ["864"])
        account = "864"
        if cents == 0:
            cents, _month = _account_cents(ledger, fy, ["875"])
            account = "875"
        if cents <= 0:
            continue
        rate_input: Input
        rate: Decimal | float
        if src.impact.volunteer_hourly_rate is not None:
            rate = src.impact.volunteer_hourly_rate
            rate_input = Input.of(
                N_("Taux de valorisation du bénévolat"),
                rate,
                "EUR/h",
                N_("section impact du dossier"),
            )
        else:
            try:
                smic = param("smic_hourly", on=fy.end)
            except UnknownParameterError:
                continue
            rate = smic.value
            rate_input = Input.from_param(smic)
        # Exact division (cents and the rate's decimals): 21 384,00 € / 11,88 €/h is 1 800 h,
        # where floats give 1 799,999… and a count of hours would show decimals.
        hours = float(Decimal(cents) / 100 / Decimal(str(rate)))
        working = Figure.of(
            ind.name,
            hours,
            "h",
            N_("valorisation du bénévolat en comptabilité / taux horaire de valorisation"),
            [
                Input.of(N_("Exercice"), str(year), ""),
                Input.of(
                    N_("Valorisation du bénévolat (compte 864)")
                    if account == "864"
                    else N_("Valorisation du bénévolat (compte 875)"),
                    cents / 100,
                    "EUR",
                    N_("comptabilité"),
                ),
                rate_input,
            ],
            references=[
                N_("Règlement ANC 2018-06, comptes 864 « personnel bénévole » et 875 « bénévolat »")
            ],
            digits=0,
        )
        points.append(Point(period=str(year), value=hours, computed=True, working=working))
    return points, None if points else N_(
        "aucune valorisation du bénévolat (864/875) dans les comptes importés"
    )


def _ledger_points(
    src: _Sources, ind: Indicator, rule: Computation
) -> tuple[list[Point], str | None]:
    points = []
    unit_value = float(rule.unit_value or 0)
    for year, ledger in sorted(src.ledgers.items()):
        fy = FiscalYear(label_year=year, start_month=src.identity.fiscal_year_start_month)
        cents, _month = _account_cents(ledger, fy, rule.accounts, rule.analytic)
        if cents == 0:
            continue
        value = cents / 100 / unit_value
        partial = _partial(fy, ledger)
        working = Figure.of(
            ind.name,
            value,
            ind.unit or "count",
            N_("montant comptabilisé sur ces comptes / valeur unitaire"),
            [
                Input.of(N_("Exercice"), str(year), ""),
                Input.of(N_("Comptes"), ", ".join(rule.accounts), ""),
                Input.of(N_("Code analytique"), rule.analytic or "–", ""),
                Input.of(N_("Montant comptabilisé"), cents / 100, "EUR", N_("comptabilité")),
                Input.of(N_("Valeur unitaire"), unit_value, "EUR", rule.unit_value_source),
            ],
            scope=_PARTIAL_SCOPE if partial else None,
        )
        points.append(
            Point(
                period=str(year),
                value=value,
                computed=True,
                partial=partial is not None,
                note=_PARTIAL_NOTE if partial else "",
                note_params={"date": partial} if partial else {},
                working=working,
            )
        )
    return points, None if points else N_(
        "aucune écriture sur ces comptes dans les comptes importés"
    )


def _workforce_points(
    src: _Sources, ind: Indicator, rule: Computation
) -> tuple[list[Point], str | None]:
    fte = rule.kind is ComputeKind.WORKFORCE_FTE
    period = src.workforce_period
    wanted = {c.strip().upper() for c in rule.contracts}
    frame = src.workforce
    if frame is None or frame.empty:
        if wanted:
            return [], N_("le registre du personnel n'est pas importé (écran Ressources humaines)")
        declared = src.identity.fte if fte else float(src.identity.headcount)
        if declared <= 0:
            return [], N_("ni registre du personnel, ni effectif déclaré dans l'identité")
        working = Figure.of(
            ind.name,
            declared,
            "ETP" if fte else "count",
            N_(
                "effectif déclaré dans l'identité de la structure (registre du personnel non importé)"
            ),
            [
                Input.of(
                    N_("Équivalents temps plein") if fte else N_("Effectif salarié"),
                    declared,
                    "count",
                    N_("identité de la structure"),
                )
            ],
        )
        return [
            Point(
                period=period,
                value=declared,
                computed=True,
                note=N_("effectif déclaré, sans registre du personnel"),
                working=working,
            )
        ], None
    rows = frame
    if wanted and "contract" in frame.columns:
        rows = frame[frame["contract"].astype("str").str.strip().str.upper().isin(wanted)]
    value = float(rows["fte"].astype("float64").sum()) if fte else float(len(rows))
    working = Figure.of(
        ind.name,
        value,
        "ETP" if fte else "count",
        N_("Σ ETP des salariés du registre du personnel")
        if fte
        else N_("nombre de salariés du registre du personnel"),
        [
            Input.of(N_("Contrats comptés"), ", ".join(sorted(wanted)) or N_("tous"), ""),
            Input.of(
                N_("Salariés comptés"),
                len(rows),
                "count",
                N_("registre du personnel (écran Ressources humaines)"),
            ),
        ],
        digits=1 if fte else 0,
    )
    return [Point(period=period, value=value, computed=True, working=working)], None


def _survey_points(
    src: _Sources, ind: Indicator, rule: Computation
) -> tuple[list[Point], str | None]:
    survey = src.impact.survey(rule.survey)
    frame = src.surveys.get(rule.survey)
    if survey is None or frame is None:
        return [], N_("les réponses de l'enquête ne sont pas importées")
    question = survey.question(rule.question) if rule.question else None
    if rule.kind is not ComputeKind.SURVEY_RESPONDENTS and (
        question is None or question.key not in frame.columns
    ):
        return [], N_("la question de l'enquête n'existe pas ou n'a pas de réponse")
    points = []
    for period, group in frame.groupby("period", sort=True):
        period_key = str(period)
        if not period_key:
            continue
        if rule.kind is ComputeKind.SURVEY_RESPONDENTS:
            n = len(group)
            working = Figure.of(
                ind.name,
                n,
                "count",
                N_("nombre de répondants de la période"),
                [Input.of(N_("Enquête"), survey.title, "", survey.file)],
            )
            points.append(Point(period=period_key, value=float(n), computed=True, working=working))
            continue
        assert question is not None
        values = [float(v) for v in group[question.key] if not math.isnan(float(v))]
        if len(values) < MIN_GROUP:
            continue
        if rule.kind is ComputeKind.SURVEY_NPS:
            s = nps_summary(values)
            if s.nps is None:
                continue
            working = Figure.of(
                ind.name,
                s.nps,
                "points",
                N_("100 × (promoteurs (9-10) − détracteurs (0-6)) / réponses"),
                [
                    Input.of(N_("Réponses"), s.n, "count", survey.title),
                    Input.of(N_("Promoteurs"), s.promoters, "count"),
                    Input.of(N_("Détracteurs"), s.detractors, "count"),
                ],
                references=[N_("Reichheld (2003), Harvard Business Review")],
                digits=0,
            )
            points.append(Point(period=period_key, value=s.nps, computed=True, working=working))
        else:
            lk = likert_summary(values, question.scale_min, question.scale_max)
            if lk.mean is None:
                continue
            working = Figure.of(
                ind.name,
                lk.mean,
                "count",
                N_("moyenne des réponses de la période"),
                [
                    Input.of(N_("Réponses"), lk.n, "count", survey.title),
                    Input.of(N_("Question"), question.label, ""),
                ],
                digits=2,
            )
            points.append(Point(period=period_key, value=lk.mean, computed=True, working=working))
    # The message says 5: MIN_GROUP (a test keeps them equal).
    return points, None if points else N_("moins de 5 réponses par période : aucune valeur publiée")


def _computed_points(src: _Sources, ind: Indicator) -> tuple[list[Point], str | None]:
    rule = ind.computed
    if rule is None:
        return [], None
    if rule.kind is ComputeKind.VOLUNTEER_HOURS:
        return _volunteer_points(src, ind)
    if rule.kind is ComputeKind.LEDGER:
        return _ledger_points(src, ind, rule)
    if rule.kind in (ComputeKind.WORKFORCE_FTE, ComputeKind.WORKFORCE_HEADCOUNT):
        return _workforce_points(src, ind, rule)
    return _survey_points(src, ind, rule)


# --------------------------------------------------------------------------- states


def _progress_figure(ind: Indicator, points: list[Point]) -> tuple[Figure, Status]:
    latest = points[-1] if points else None
    baseline = ind.baseline if ind.baseline is not None else 0.0
    b_value, b_unit = _as_input_value(baseline, ind.unit)
    inputs = [
        Input.of(
            N_("Valeur de référence"),
            b_value,
            b_unit,
            ind.baseline_period if ind.baseline is not None else N_("absente : 0 retenu"),
        )
    ]
    if ind.target is not None:
        t_value, t_unit = _as_input_value(ind.target, ind.unit)
        inputs.append(Input.of(N_("Cible"), t_value, t_unit, ind.target_period))
    if latest is not None:
        l_value, l_unit = _as_input_value(latest.value, ind.unit)
        inputs.append(Input.of(N_("Dernière valeur"), l_value, l_unit, latest.period))
    label = N_("Progression vers la cible")
    formula = N_("(dernière valeur − valeur de référence) / (cible − valeur de référence)")
    if latest is None:
        return Figure.of(
            label,
            None,
            "%",
            formula,
            inputs,
            reason=N_("aucune valeur mesurée"),
            reading=Status.NO_DATA.label,
            tone="watch",
        ), Status.NO_DATA
    if ind.target is None:
        return Figure.of(
            label, None, "%", formula, inputs, reason=N_("pas de cible fixée"), tone="neutral"
        ), Status.NO_TARGET
    progress = progress_of(latest.value, baseline, ind.target)
    expected = expected_progress(ind.baseline_period, ind.target_period, latest.period)
    if expected is not None:
        inputs.append(
            Input.of(
                N_("Progression attendue à cette date"),
                expected,
                "%",
                N_("temps écoulé entre la référence et l'échéance"),
            )
        )
    reached = (
        latest.value >= ind.target
        if ind.direction is Direction.INCREASE
        else latest.value <= ind.target
    )
    status = status_of(progress, expected, reached=reached)
    return (
        Figure.of(
            label,
            progress,
            "%",
            formula,
            inputs,
            reason=N_("la cible est égale à la valeur de référence") if progress is None else None,
            reading=status.label,
            tone=STATUS_TONES[status],
            digits=0,
        ),
        status,
    )


def _trend_figure(ind: Indicator, points: list[Point]) -> tuple[Figure, Trend]:
    label = N_("Tendance")
    formula = N_("dernière valeur comparée à la précédente (stable à moins de 1 % près)")
    if len(points) < 2:
        return Figure.of(
            label, None, "%", formula, reason=N_("une seule valeur mesurée")
        ), Trend.UNKNOWN
    prev, last = points[-2], points[-1]
    trend = trend_of(prev.value, last.value, ind.direction)
    change = (last.value - prev.value) / abs(prev.value) if prev.value != 0 else None
    p_value, unit = _as_input_value(prev.value, ind.unit)
    l_value, _unit = _as_input_value(last.value, ind.unit)
    return (
        Figure.of(
            label,
            change,
            "%",
            N_("(dernière valeur − précédente) / |précédente|"),
            [
                Input.of(N_("Valeur précédente"), p_value, unit, prev.period),
                Input.of(N_("Dernière valeur"), l_value, unit, last.period),
            ],
            reason=N_("la valeur précédente est nulle") if change is None else None,
            reading=trend.label,
            tone="good"
            if trend is Trend.IMPROVING
            else "watch"
            if trend is Trend.WORSENING
            else "neutral",
            digits=1,
        ),
        trend,
    )


def indicator_board(
    impact: ImpactSection,
    identity: Identity,
    *,
    ledgers: Mapping[int, pd.DataFrame] | None = None,
    workforce: pd.DataFrame | None = None,
    workforce_period: str,
    surveys: Mapping[str, pd.DataFrame] | None = None,
) -> tuple[Board, list[Issue]]:
    """Every indicator of the section with its values, progress, status and trend.

    Parameters:
        impact: the impact section (indicators, typed values, surveys).
        identity: the identity section (fiscal year, declared workforce).
        ledgers: canonical ledgers by fiscal label year (:mod:`essdiag.ledger`).
        workforce: the HR workforce register (columns ``fte`` and ``contract``),
            when the HR screen has imported one.
        workforce_period: the period the register (or the declared workforce)
            describes (``2026``).
        surveys: stored answers by survey id (:mod:`essdiag.impact.surveys`).

    Returns:
        The board, and the issues: a workforce register without its columns.
    """
    issues: list[Issue] = []
    if workforce is not None and not {"fte", "contract"} <= set(workforce.columns):
        issues.append(
            Issue(
                code="impact_workforce_columns",
                template=N_(
                    "Le registre du personnel n'a pas les colonnes « fte » et « contract » : il n'est pas utilisé."
                ),
                severity=Severity.WARNING,
            )
        )
        workforce = None
    src = _Sources(
        impact=impact,
        identity=identity,
        ledgers=dict(ledgers or {}),
        workforce=workforce,
        workforce_period=workforce_period,
        surveys=dict(surveys or {}),
    )
    states = []
    for ind in impact.indicators:
        computed, reason = _computed_points(src, ind)
        by_period = {
            m.period: Point(period=m.period, value=m.value, note=m.note) for m in ind.actuals
        }
        by_period.update({p.period: p for p in computed})
        points = sorted(by_period.values(), key=lambda p: period_sort_key(p.period))
        complete = [p for p in points if not p.partial]
        progress, status = _progress_figure(ind, complete)
        trend_fig, trend = _trend_figure(ind, complete)
        states.append(
            IndicatorState(
                indicator=ind,
                points=tuple(points),
                progress=progress,
                status=status,
                trend=trend,
                trend_figure=trend_fig,
                computed_reason=reason if ind.computed is not None and not computed else None,
            )
        )
    return Board(states=tuple(states)), issues


def board_figures(board: Board) -> dict[str, Figure]:
    """Headline figures of the dashboard: indicators measured, on track, computed by the dossier.

    Example:
        >>> print(board_figures(Board(states=()))["on_track"].reason)
        aucun indicateur mesuré n'a de cible
    """
    states = board.states
    measured = [s for s in states if s.latest is not None]
    targeted = [s for s in measured if s.indicator.target is not None]
    good = [s for s in targeted if s.status in (Status.ACHIEVED, Status.ON_TRACK)]
    computed = [s for s in states if s.indicator.computed is not None]
    share = len(good) / len(targeted) if targeted else None
    return {
        "measured": Figure.of(
            N_("Indicateurs mesurés"),
            len(measured),
            "count",
            N_("indicateurs ayant au moins une valeur d'une période complète"),
            [Input.of(N_("Indicateurs du tableau de bord"), len(states), "count")],
        ),
        "on_track": Figure.of(
            N_("Indicateurs atteints ou en bonne voie"),
            share,
            "%",
            N_("(cibles atteintes + en bonne voie) / indicateurs mesurés ayant une cible"),
            [
                Input.of(N_("Atteints ou en bonne voie"), len(good), "count"),
                Input.of(N_("Indicateurs mesurés ayant une cible"), len(targeted), "count"),
            ],
            reason=None if targeted else N_("aucun indicateur mesuré n'a de cible"),
            digits=0,
        ),
        "computed": Figure.of(
            N_("Indicateurs calculés par le dossier"),
            len(computed),
            "count",
            N_("indicateurs tirés des comptes, du registre du personnel ou des enquêtes"),
            [Input.of(N_("Indicateurs du tableau de bord"), len(states), "count")],
        ),
    }


# --------------------------------------------------------------------------- views

_BOARD_COLUMNS: Final = (
    Column("name", N_("Indicateur")),
    Column("level", N_("Niveau"), "label"),
    Column("dimension", N_("Dimension"), "label"),
    Column("latest_period", N_("Période")),
    Column("latest", N_("Valeur"), "count"),
    Column("unit", N_("Unité")),
    Column("baseline", N_("Référence"), "count"),
    Column("target", N_("Cible"), "count"),
    Column("target_period", N_("Échéance")),
    Column("progress", N_("Progression"), "%", digits=0),
    Column("status", N_("Statut"), "label"),
    Column("trend", N_("Tendance"), "label"),
    Column("computed", N_("Calculé par le dossier"), "bool"),
    Column("sdg", N_("ODD"), "count"),
    Column("owner", N_("Responsable")),
    Column("source", N_("Source")),
)


def board_view(board: Board) -> View:
    """One row per indicator: latest value, baseline, target, progress, status, trend."""
    rows = []
    for s in board.states:
        ind = s.indicator
        latest = s.latest
        rows.append(
            {
                "id": ind.id,
                "name": ind.name,
                "level": ind.level.label,
                "dimension": ind.dimension.label,
                "latest_period": latest.period if latest else "",
                "latest": latest.value if latest else None,
                "unit": ind.unit,
                "baseline": ind.baseline,
                "target": ind.target,
                "target_period": ind.target_period,
                "progress": s.progress.value if s.progress.available else None,
                "status": s.status.label,
                "trend": s.trend.label,
                "status_key": s.status.value,
                "computed": ind.computed is not None,
                "sdg": ind.sdg,
                "owner": ind.owner,
                "source": ind.source,
                "tone": STATUS_TONES[s.status],
            }
        )
    frame = pd.DataFrame(
        rows, columns=["id", *(c.key for c in _BOARD_COLUMNS), "status_key", "tone"]
    )
    return View(_BOARD_COLUMNS, frame, title=N_("Tableau de bord des indicateurs"))


def series_view(state: IndicatorState) -> View:
    """The values of one indicator, period by period, with where each comes from."""
    frame = pd.DataFrame(
        [
            {
                "period": p.period,
                "value": p.value,
                "unit": state.indicator.unit,
                "origin": N_("calculée par le dossier") if p.computed else N_("saisie"),
                "partial": p.partial,
                "target": state.indicator.target,
                "target_period": state.indicator.target_period,
                "baseline": state.indicator.baseline,
                "baseline_period": state.indicator.baseline_period,
            }
            for p in state.points
        ],
        columns=[
            "period",
            "value",
            "unit",
            "origin",
            "partial",
            "target",
            "target_period",
            "baseline",
            "baseline_period",
        ],
    )
    return View(
        (
            Column("period", N_("Période")),
            Column("value", N_("Valeur"), "count"),
            Column("unit", N_("Unité")),
            Column("origin", N_("Origine"), "label"),
            Column("partial", N_("Exercice incomplet"), "bool"),
        ),
        frame,
        title=N_("Valeurs de l'indicateur"),
    )


# --------------------------------------------------------------------------- the library


class LibraryIndicator(BaseModel):
    """One common ESS indicator of the library (``library.toml``).

    Attributes:
        key, name, definition, level, dimension, unit, direction, frequency,
        sdg, iris, source: as in :class:`~essdiag.impact.section.Indicator`.
        domain: the VALOR'ESS domain it belongs to.
        computed: the rule when the dossier can compute it (a ledger rule
            still needs its unit value when added).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    name: str
    definition: str
    level: Level
    dimension: Dimension
    unit: str
    direction: Direction = Direction.INCREASE
    frequency: Frequency = Frequency.YEARLY
    sdg: int | None = None
    iris: IrisDimension | None = None
    source: str = ""
    domain: str = ""
    computed: dict[str, Any] | None = None


@cache
def library() -> tuple[LibraryIndicator, ...]:
    """The indicators of the library, in the file's order.

    Example:
        >>> len(library()) >= 30
        True
    """
    raw = tomllib.loads(files("essdiag.impact").joinpath("library.toml").read_text("utf-8"))
    return tuple(LibraryIndicator.model_validate(e) for e in raw["indicator"])


def indicator_from_library(
    entry: LibraryIndicator,
    indicator_id: str,
    *,
    unit_value: float | None = None,
    unit_value_source: str = "",
) -> Indicator:
    """A dashboard indicator made from a library entry.

    A ledger rule needs a unit value and its source: without them the
    indicator is added with typed values (its definition says which accounts
    to read).

    Example:
        >>> ind = indicator_from_library(next(e for e in library() if e.key == "volunteer_hours"), "I1")
        >>> ind.computed.kind.value, ind.unit
        ('volunteer_hours', 'h')
    """
    computed = None
    if entry.computed is not None:
        spec = dict(entry.computed)
        if spec.get("kind") == ComputeKind.LEDGER.value:
            spec.update(unit_value=unit_value, unit_value_source=unit_value_source)
            if unit_value is None or not unit_value_source.strip():
                spec = {}
        computed = Computation.model_validate(spec) if spec else None
    return Indicator(
        id=indicator_id,
        name=entry.name,
        definition=entry.definition,
        level=entry.level,
        dimension=entry.dimension,
        unit=entry.unit,
        direction=entry.direction,
        frequency=entry.frequency,
        sdg=entry.sdg,
        iris=entry.iris,
        source=entry.source,
        library_key=entry.key,
        computed=computed,
    )


def library_view() -> View:
    """The library as a table, to choose indicators from."""
    frame = pd.DataFrame(
        [
            {
                "key": e.key,
                "name": e.name,
                "domain": e.domain,
                "level": e.level.label,
                "dimension": e.dimension.label,
                "unit": e.unit,
                "sdg": e.sdg,
                "computed": e.computed is not None,
                "definition": e.definition,
            }
            for e in library()
        ],
        columns=[
            "key",
            "name",
            "domain",
            "level",
            "dimension",
            "unit",
            "sdg",
            "computed",
            "definition",
        ],
    )
    return View(
        (
            Column("name", N_("Indicateur"), "label"),
            Column("domain", N_("Domaine (VALOR'ESS)"), "label"),
            Column("level", N_("Niveau"), "label"),
            Column("dimension", N_("Dimension"), "label"),
            Column("unit", N_("Unité")),
            Column("sdg", N_("ODD"), "count"),
            Column("computed", N_("Calculé par le dossier"), "bool"),
            Column("definition", N_("Définition")),
        ),
        frame,
        title=N_("Bibliothèque d'indicateurs"),
    )

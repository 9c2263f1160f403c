"""What the HR tabs read: the report of the open revision and its charts, built once.

The register and the survey answers are Parquet attachments, read by
:func:`~essdiag.ui.cache.attachment_frame` (kept per attachment id, since an
attachment never changes once stored). The report is :func:`report_of`, run
by :func:`~essdiag.ui.cache.computed` per (dossier id, revision, options).

What a tab draws from it — the report with its views and the plotly figures —
is kept as built by :func:`~essdiag.ui.kept.kept` per (dossier id,
revision, language, options): ``computed`` hands back a pickled copy on every
rerun (about 15 ms for the report, and a chart kept as JSON is validated again
by ``st.plotly_chart``, 10 to 30 ms a chart), while a kept figure is drawn with
a copy (under 4 ms) and a kept view formats its cells once per language. Each
chart is built the first time a tab draws it (:class:`Charts`), so opening the
screen pays for the headcount chart only. A saved revision never changes, so
neither does what is drawn from it; what is kept is shared and read only.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from essdiag.charts.hr import chart_builders
from essdiag.dossier import Dossier
from essdiag.figures import View
from essdiag.hr.report import HRReport, hr_report
from essdiag.hr.section import EqualityMode, HRSection, SizeBand
from essdiag.hr.storage import canonical_table
from essdiag.ui import cache
from essdiag.ui.kept import KeptView, kept
from essdiag.ui.screen import Screen

__all__ = ["Charts", "Shown", "report_of", "shown", "table"]


class Charts(Mapping[str, go.Figure]):
    """The charts of a report by key (:func:`chart_builders`), each built on first reading, then kept.

    The keys are known at once (a chart without data has none); a figure is
    built once, under a lock, since a kept result is shared by every session.
    """

    def __init__(self, builders: dict[str, Callable[[], go.Figure]]) -> None:
        self._builders = builders
        self._built: dict[str, go.Figure] = {}
        self._lock = threading.Lock()

    def __getitem__(self, key: str) -> go.Figure:
        build = self._builders[key]  # KeyError for a chart the report has no data for
        with self._lock:
            if key not in self._built:
                self._built[key] = build()
            return self._built[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)


@dataclass(frozen=True)
class Shown:
    """The report of a revision and its charts (by :func:`chart_builders` key), as drawn."""

    report: HRReport
    charts: Charts


def table(parquet_id: str) -> pd.DataFrame:
    """A stored HR table (register or survey answers) as the computations read it, by attachment id."""
    return canonical_table(cache.attachment_frame(parquet_id))


def report_of(
    dossier: Dossier, *, band: str | None = None, mode: str | None = None
) -> HRReport | None:
    """The HR report of a dossier (None until a register is imported).

    The attachments the dossier names are read through their own cache.
    """
    hr = dossier.hr
    if hr.workforce is None:
        return None
    answers = table(hr.survey.parquet_id) if hr.survey is not None else None
    return hr_report(
        hr,
        dossier.identity,
        table(hr.workforce.parquet_id),
        answers,
        band=SizeBand(band) if band else None,
        mode=EqualityMode(mode) if mode else None,
    )


def _keeping_views(value: Any) -> Any:
    """``value`` with each view in it (fields of dataclasses, dict values) as a :class:`KeptView`."""
    if isinstance(value, View):
        return KeptView.of_view(value)
    if isinstance(value, dict):
        return {k: _keeping_views(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changed = {
            f.name: _keeping_views(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), View | dict)
            or dataclasses.is_dataclass(getattr(value, f.name))
        }
        return dataclasses.replace(value, **changed) if changed else value
    return value


def shown(
    screen: Screen[HRSection], *, band: str | None = None, mode: str | None = None
) -> Shown | None:
    """The report and the charts of the open revision (None until a register is imported)."""

    def build() -> Shown | None:
        rep = cache.computed(report_of, screen.opened, band=band, mode=mode)
        if rep is None:
            return None
        budget = screen.opened.dossier.hr.training_budget
        kept_rep = _keeping_views(rep)
        return Shown(kept_rep, Charts(chart_builders(kept_rep, screen.tr, training_budget=budget)))

    return kept(screen, "hr_shown", build, band=band, mode=mode)

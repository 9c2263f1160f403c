"""What a capability screen shows, built once per (dossier id, revision, language, options).

:func:`essdiag.ui.cache.computed` keeps library results with ``st.cache_data``,
which hands back a pickled copy on every rerun: right for models, wrong for
plotly figures (unpickling a figure re-validates every property, slower than
building it) and useless for the formatting of tables (``View.display`` and
``View.csv`` format every cell again). :func:`kept` keeps what a tab shows —
charts, views, headline figures — as built, with ``st.cache_resource``:

* the key is (name, dossier id, revision, language, options): a saved
  revision never changes, so neither does what is drawn from it;
* views in the result are :class:`KeptView`, whose ``display`` and ``csv``
  are formatted once per language and then reused;
* what it returns is shared by every session that opens the same revision:
  it is read only (``st.plotly_chart`` copies a figure with ``to_dict``,
  ``st.dataframe`` converts a frame without changing it).

The screens of the watch, the diagnosis, the legal frame, the impact, the
publics and the human resources use it (issue #11: every rerun in 0.3 s),
beside :func:`essdiag.ui.cache.computed` for library results.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from essdiag.figures import View
from essdiag.i18n import Translator
from essdiag.ui.screen import Screen

__all__ = ["KeptView", "kept"]

R = TypeVar("R")


@dataclass(frozen=True)
class KeptView(View):
    """A view whose table and CSV are formatted once per language (it is never changed)."""

    memo: dict[tuple[str, str], Any] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of_view(cls, view: View) -> KeptView:
        """The same columns, rows and title, with the memory of their formatting."""
        return view if isinstance(view, KeptView) else cls(view.columns, view.frame, view.title)

    def display(self, tr: Translator) -> pd.DataFrame:
        """:meth:`View.display`, formatted on the first call in each language."""
        key = ("display", tr.lang)
        if key not in self.memo:
            self.memo[key] = super().display(tr)
        shown: pd.DataFrame = self.memo[key]
        return shown

    def csv(self, tr: Translator) -> bytes:
        """:meth:`View.csv`, written on the first call in each language."""
        key = ("csv", tr.lang)
        if key not in self.memo:
            self.memo[key] = super().csv(tr)
        data: bytes = self.memo[key]
        return data


def _keep_views(value: Any) -> Any:
    """Views (also inside tuples, lists and dicts) turned into :class:`KeptView`."""
    if isinstance(value, View):
        return KeptView.of_view(value)
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_keep_views(v) for v in value)
    if isinstance(value, list):
        return [_keep_views(v) for v in value]
    if isinstance(value, dict):
        return {k: _keep_views(v) for k, v in value.items()}
    return value


@st.cache_resource(show_spinner=False, max_entries=256)
def _kept(
    name: str,
    dossier_id: str,
    revision: int,
    lang: str,
    options: tuple[tuple[str, Hashable], ...],
    _build: Callable[[], Any],
) -> Any:
    return _keep_views(_build())


def kept(screen: Screen[Any], name: str, build: Callable[[], R], /, **options: Hashable) -> R:
    """``build()`` once per (``name``, open revision, language, ``options``), then as it was built.

    ``name`` says what is built (``watch_gap_chart``); ``options`` are the
    plain values ``build`` depends on besides the revision and the language
    (a chosen reference, today's date). The result is shared and read only.
    """
    result: R = _kept(
        name,
        screen.opened.id,
        screen.opened.revision,
        screen.tr.lang,
        tuple(sorted(options.items())),
        build,
    )
    return result

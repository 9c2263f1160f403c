"""The explanation form shared by the variance lines and the CERFA 15059 report.

One text area per flagged line; on submit, the explanations of those lines
for that level and period replace the earlier ones in the budget's comments,
and the budget section is saved as a new revision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from essdiag.budget.section import VarianceComment
from essdiag.figures import format_value
from essdiag.ui import state
from essdiag.ui.screen import Screen, save_section

__all__ = ["ToExplain", "comment_form"]


@dataclass(frozen=True)
class ToExplain:
    """A flagged line: its key at the level, what the reader calls it, its gap, its explanation."""

    key: str
    title: str
    variance: float
    text: str


def comment_form(
    screen: Screen[Any],
    *,
    form_key: str,
    widget_prefix: str,
    lines: list[ToExplain],
    level: str,
    period: str,
    submit: str,
    message: str,
    intro: str = "",
) -> None:
    """The form; on submit the comments are replaced and the budget saved with ``message``."""
    _ = screen.tr
    budget = screen.section
    with st.form(form_key):
        if intro:
            st.markdown(intro)
        texts: dict[str, str] = {}
        for line in lines:
            texts[line.key] = st.text_area(
                f"{line.title} ({format_value(line.variance, 'EUR', _, 0)})",
                value=line.text,
                key=f"{widget_prefix}_{line.key}",
                height=68,
            )
        if not st.form_submit_button(submit):
            return
    kept = [
        c
        for c in budget.comments
        if not (c.level == level and c.period == period and c.key in texts)
    ]
    kept += [
        VarianceComment(level=level, key=k, period=period, text=t, author=state.author())
        for k, t in texts.items()
        if t.strip()
    ]
    save_section(screen, budget.model_copy(update={"comments": kept}), message)

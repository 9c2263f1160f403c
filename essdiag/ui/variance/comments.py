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
    kind: str = ""
    """The line's kind where its key names charges and income alike ("" otherwise)."""


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
    scope: str = "",
    version: str = "",
) -> None:
    """The form; on submit the comments are replaced and the budget saved with ``message``.

    A comment is one gap's: its level, key, period, scope and budget version.
    """
    _ = screen.tr
    budget = screen.section
    with st.form(form_key):
        if intro:
            st.markdown(intro)
        texts: dict[tuple[str, str], str] = {}
        for line in lines:
            texts[line.kind, line.key] = st.text_area(
                f"{line.title} ({format_value(line.variance, 'EUR', _)})",
                value=line.text,
                key="_".join(filter(None, (widget_prefix, line.kind, line.key))),
                height=68,
            )
        if not st.form_submit_button(submit):
            return

    def same_gap(c: VarianceComment) -> bool:
        return (
            (c.level, c.period, c.scope) == (level, period, scope)
            and any(c.key == k and c.kind in ("", kind) for kind, k in texts)
            and (c.version in (version, ""))
        )

    kept = [c for c in budget.comments if not same_gap(c)]
    kept += [
        VarianceComment(
            level=level,
            key=k,
            kind=kind,
            period=period,
            text=t,
            author=state.author(),
            scope=scope,
            version=version,
        )
        for (kind, k), t in texts.items()
        if t.strip()
    ]
    save_section(screen, budget.model_copy(update={"comments": kept}), message)

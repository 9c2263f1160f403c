"""The « Risques » screen, one module per tab (``pages/risks.py`` lays them out).

Every tab's ``show(screen)`` takes the :class:`~essdiag.ui.screen.Screen` of the
``risks`` section (open dossier, its risk section, today in Paris, the
translator). The tables are views of :mod:`essdiag.risks.views` and
:mod:`essdiag.risks.follow`; edits are made by :mod:`essdiag.risks.edits`
(pure, whole-section dicts) and saved by :func:`save`, which validates the
whole section first.
"""

from __future__ import annotations

from typing import Any

from essdiag.risks.section import RiskSection, validate_section
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section

__all__ = ["NEW", "NEXT_CHOICE", "save"]

NEW = "__new__"
"""The choice of a selector that starts a new risk or a new sheet."""
NEXT_CHOICE = "risks_next_choice"
"""Session key of the risk the register shows after the rerun that follows a save."""


def save(
    screen: Screen[RiskSection], data: dict[str, Any], message: str, *, choice: str | None = None
) -> None:
    """Validate a whole risk section (as a dict) and save it as a new revision.

    Bad input is shown in French and nothing is saved; ``choice`` is the risk
    the register tab shows after the rerun.
    """
    new_section, issues = validate_section(data)
    if new_section is None:
        widgets.show_issues(
            issues, title=screen.tr("Rien n'a été enregistré : corrigez ces points.")
        )
        return
    after = {NEXT_CHOICE: choice} if choice is not None else None
    save_section(screen, new_section, message, after=after)

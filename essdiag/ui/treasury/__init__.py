"""The parts of the "Trésorerie" screen (``pages/treasury.py``), top to bottom.

:mod:`.assumptions` (the plan's assumptions and the basis it uses),
:mod:`.plan` (the monthly cash plan, its alert and the funders' receipts),
:mod:`.montecarlo` (funders' delays and cuts simulated), :mod:`.scenarios`
(three plans compared) and :mod:`.export` (the workbook). Each reads the
plan's inputs gathered from the open revision (:func:`plan_inputs`).
"""

from __future__ import annotations

from typing import Any

from essdiag.errors import Issue
from essdiag.treasury.inputs import PlanInputs, dossier_inputs
from essdiag.ui import cache
from essdiag.ui.screen import Screen

__all__ = ["plan_inputs"]


def plan_inputs(screen: Screen[Any]) -> tuple[PlanInputs, list[Issue]]:
    """The cash plan's inputs of the open revision (treasury, funding and budget sections)."""
    return cache.computed(dossier_inputs, screen.opened, today=screen.today)

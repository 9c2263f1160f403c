"""Écarts — the director's monthly check: budget vs actual, flagged lines, landing, CERFA 15059.

The parts of the screen are in :mod:`essdiag.ui.variance`; the computations in
:mod:`essdiag.budget` (one report, :func:`essdiag.budget.analysis.dossier_report`).
"""

from __future__ import annotations

from essdiag.i18n import N_
from essdiag.ui.screen import open_screen
from essdiag.ui.variance import (
    charts,
    choices,
    exports,
    flagged,
    headline,
    landing,
    thresholds,
    versions,
)

screen = open_screen(
    "variance",
    "budget",
    title=N_("Écarts budget / réalisé et atterrissage"),
    competencies=["BC02.C7", "BC02.C6"],
    intro=N_(
        "Où en sommes-nous par rapport au budget, et où allons-nous atterrir ? Choisissez la "
        "période et le niveau de détail : les écarts qui dépassent les seuils viennent en tête "
        "et attendent une explication."
    ),
)

# No budget or no actuals of its year: say where to get them and stop. Else the budget version,
# the scope (whole, an action, a funder's actions), the month, the period and the level.
choices.show(screen)
# Lines to explain, the period's budgeted and actual results, the landing: each names its period.
headline.show(screen)
# The flagged lines first with the form of their explanations, then every line.
flagged.show(screen)
# Waterfall from the budgeted to the actual result; cumulative budget / actual / landing.
charts.show(screen)
# When the year has several versions: initial, revised and actual side by side.
versions.show(screen)
# The year-end result by three methods with their working, line by line.
landing.show(screen)
# The thresholds that flag a variance.
thresholds.show(screen)
# The XLSX report and the CERFA 15059 of the scope, each built when asked.
exports.show(screen)

"""The variance screen (``pages/variance.py``): one module per part of the monthly check.

* :mod:`~essdiag.ui.variance.choices` — the empty states, the period and level pickers, the report;
* :mod:`~essdiag.ui.variance.headline` — lines to explain, budgeted result, two landings;
* :mod:`~essdiag.ui.variance.flagged` — flagged lines first with their explanations, all lines;
* :mod:`~essdiag.ui.variance.charts` — waterfall budget → actual, cumulative result;
* :mod:`~essdiag.ui.variance.landing` — the landing by three methods, how it is computed;
* :mod:`~essdiag.ui.variance.thresholds` — the materiality thresholds;
* :mod:`~essdiag.ui.variance.exports` — the XLSX report and the CERFA 15059 financial report;
* :mod:`~essdiag.ui.variance.comments` — the explanation form both reports share.

The report is :func:`essdiag.budget.analysis.dossier_report`, kept by :mod:`essdiag.ui.cache`.
"""

from __future__ import annotations

__all__: list[str] = []

"""What a reader is shown: figures that carry their working, and views of tables.

:mod:`~essdiag.figures.figure` holds :class:`Figure` (one number with its
formula, inputs, sources and reading); :mod:`~essdiag.figures.view` holds
:class:`View` (a table whose columns are declared once, formatted once for
the screen, the CSV and the exports). Both are kernel: every layer may use them.
"""

from __future__ import annotations

from essdiag.figures.figure import Figure, Input, Tone, format_value
from essdiag.figures.view import Column, View, format_cell

__all__ = ["Column", "Figure", "Input", "Tone", "View", "format_cell", "format_value"]

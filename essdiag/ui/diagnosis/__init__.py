"""The « Diagnostic stratégique » screen, one module per tab (``pages/diagnosis.py`` lays them out).

Every tab's ``show(screen)`` takes the :class:`~essdiag.ui.screen.Screen` of
the ``watch`` section (the diagnosis is ``watch.diagnosis``). Edits are saved
with :func:`essdiag.ui.watch.save`, which validates the whole section first.
"""

from __future__ import annotations

from essdiag.ui.watch import save, updated

__all__ = ["save", "updated"]

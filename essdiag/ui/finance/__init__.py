"""The tabs of the "Santé financière et investissements" screen (``pages/finance.py``).

:mod:`.health` (the functional balance sheet and its indicators, from the
imported accounts or hand-entered balance sheets) and :mod:`.plan` (a
project's financing plan, edited in a form; its balance, NPV and IRR in
:mod:`.investment` and its loans' schedules in :mod:`.loans`). The screen
edits the funding section, where the dossier keeps these models; its
widgets keep the keys of the "Financements" screen they came from.
"""

from __future__ import annotations

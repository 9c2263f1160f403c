"""The simulation of the sample cases' ledgers: from ``ledger.toml`` to FEC and budget files.

Flow: :mod:`.spec` reads ``sample_data/<case>/ledger.toml`` → :mod:`.plan`
phases the year-1 targets and the year-2 budget in cents, and draws the
actuals → :mod:`.years` posts both years (:mod:`.postings` for the account
lines, :mod:`.bookkeeping` for payroll, loans, depreciation, dated entries, VAT
returns, opening and closing) into balanced :mod:`.entries` → :mod:`.fec` and
:mod:`.budget_files`
write the files; :mod:`.run` also assembles each case's ``dossier.json`` from
its section files. One generator, seeded by the spec, draws every random
number: two runs give the same bytes.

Run it from the repository root: ``python -m sample_data.simulation [--out DIR]``.
"""

from __future__ import annotations

from sample_data.simulation.run import SAMPLE_DATA, generate_all, main

__all__ = ["SAMPLE_DATA", "generate_all", "main"]

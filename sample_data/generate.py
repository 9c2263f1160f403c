"""Regenerate the sample cases' files (FEC, budget template, assembled dossiers).

Usage (from the repository root)::

    python sample_data/generate.py              # rewrites the files under sample_data/
    python sample_data/generate.py --out DIR    # writes the same tree under DIR

The same as ``python -m sample_data.simulation``: the cases' data lives in
``sample_data/<case>/ledger.toml`` and ``sample_data/<case>/dossier/*.json``,
the code in ``sample_data/simulation/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script from a source tree
    sys.path.insert(0, str(REPO_ROOT))

from sample_data.simulation import main  # noqa: E402 - after the path set-up

if __name__ == "__main__":
    raise SystemExit(main())

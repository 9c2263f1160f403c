"""``python -m sample_data.simulation [--out DIR]``: regenerate the sample cases' files."""

from __future__ import annotations

from sample_data.simulation.run import main

raise SystemExit(main())

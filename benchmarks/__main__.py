"""Run every benchmark and print a table; results also go to benchmarks/results/.

Usage: ``make bench`` (or ``python -m benchmarks [NAME ...]``).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import (
    app_bench,
    capabilities_bench,
    cli_bench,
    fec_bench,
    pages_bench,
    risks_bench,
    store_bench,
    treasury_bench,
)

SUITES = {
    "store": store_bench.run,
    "app": app_bench.run,
    "treasury": treasury_bench.run,
    "fec": fec_bench.run,
    "risks": risks_bench.run,
    "pages": pages_bench.run,
    "capabilities": capabilities_bench.run,
    "cli": cli_bench.run,
}


def main(argv: list[str]) -> int:
    chosen = argv or list(SUITES)
    results: dict[str, list[dict[str, object]]] = {}
    for name in chosen:
        print(f"== {name}")
        rows = SUITES[name]()
        for row in rows:
            print("  " + "  ".join(f"{k}={v}" for k, v in row.items()))
        results[name] = rows
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (out / f"{stamp}.json").write_text(json.dumps(results, indent=2, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

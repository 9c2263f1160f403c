"""Monte Carlo of funders' delays: 10 000 scenarios × 36 months, target under 0.3 s.

The inputs are the recyclerie sample's plan stretched to 36 months (its
scheduled funders, hand-entered flows and delay assumptions). Delays are drawn
per payment (each instalment of each funder). Times are the median of seven runs.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from pathlib import Path

from essdiag.funding import FundingSection
from essdiag.treasury import TreasurySection, assemble, delay_vectors, simulate

TARGET_S = 0.3


def _inputs() -> tuple[tuple[object, ...], dict[str, object]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sample_data"))
    from sections import funding, treasury

    sources = FundingSection.model_validate(funding.section("recyclerie")).sources
    section = TreasurySection.model_validate(treasury.section("recyclerie")).model_copy(
        update={"horizon_months": 36}
    )
    inputs = assemble(section, sources, budget=None, today=date(2026, 11, 27))
    params = delay_vectors(section.delays, list(inputs.receipts.index))
    args = (inputs.opening_cash, inputs.other_inflows, inputs.outflows, inputs.receipts.to_numpy())
    return args, {"months": inputs.months, **params}


def run() -> list[dict[str, object]]:
    args, kwargs = _inputs()
    rows = []
    for scenarios in (10_000, 50_000):
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            result, _paths = simulate(*args, scenarios=scenarios, **kwargs)  # type: ignore[arg-type]
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        rows.append(
            {
                "scenarios": scenarios,
                "months": len(result.months),
                "funders": len(args[3]),  # type: ignore[arg-type]
                "payments": int((args[3] != 0).sum()),  # type: ignore[operator]
                "median_s": round(median, 4),
                "target_s": TARGET_S if scenarios == 10_000 else None,
                "within_target": median < TARGET_S if scenarios == 10_000 else None,
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)

"""Monte Carlo of funders' delays (target under 0.3 s), and W2's screens with a 1 M-line FEC.

:func:`run`: 10 000 scenarios × 36 months. The inputs are the recyclerie
sample's plan stretched to 36 months (its scheduled funders, hand-entered
flows and delay assumptions). Delays are drawn per payment (each instalment of
each funder). Times are the median of seven runs.

:func:`pages_with_million_lines` (``python -m benchmarks.treasury_bench pages``):
the server time of a rerun of the funding, finance and treasury screens
(AppTest, in process, as ``benchmarks/pages_bench.py``) on the recyclerie
sample whose 2026 accounts are joined by a generated 1,000,000-line FEC
(:func:`benchmarks.fec_bench.generate_fec`). Goal (issue #11): ≤ 0.5 s.
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
    from essdiag.samples import case_sections

    sections = case_sections("recyclerie")
    sources = FundingSection.model_validate(sections["funding"]).sources
    section = TreasurySection.model_validate(sections["treasury"]).model_copy(
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


PAGES = ("pages/treasury.py", "pages/funding.py", "pages/finance.py")
PAGES_TARGET_S = 0.5


def _add_million_lines(db_url: str, dossier_id: str, lines: int) -> int:
    """Join a generated FEC of ``lines`` lines to the dossier's 2026 accounts; the new revision."""
    import tempfile

    from benchmarks.fec_bench import generate_fec
    from essdiag.ledger import store_ledger
    from essdiag.ledger.fec import read_fec
    from essdiag.periods import FiscalYear
    from essdiag.store import Workspace

    ws = Workspace(db_url)
    dossier, revision = ws.load(dossier_id)
    path = Path(tempfile.mkdtemp()) / "FEC_bench_2026.txt"
    generate_fec(path, lines)
    result = read_fec(path, file=path.name, fiscal_year=FiscalYear(label_year=2026))
    assert result.ledger is not None
    section = store_ledger(
        ws,
        dossier_id,
        dossier.ledger,
        result.ledger,
        original=b"",
        name=path.name,
        kind="fec",
        fiscal_year=2026,
        lines_read=lines,
        issues=len(result.issues),
        replace_year=False,
    )
    changed = dossier.model_copy(update={"ledger": section})
    return ws.save(dossier_id, changed, base=revision, author="bench", message="1 M lines")


def pages_with_million_lines(lines: int = 1_000_000, repeat: int = 5) -> list[dict[str, object]]:
    """Median rerun of each W2 screen with ``lines`` more lines of 2026 accounts imported."""
    import os
    import tempfile

    from streamlit.testing.v1 import AppTest

    from essdiag.ui import state

    tmp = tempfile.mkdtemp()
    url = f"sqlite:///{tmp}/ws.sqlite"
    os.environ["ESSDIAG_DATABASE_URL"] = url
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=600)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    opened = at.session_state[state.CURRENT]
    revision = _add_million_lines(url, opened.id, lines)
    from essdiag.store import Workspace

    dossier, _ = Workspace(url).load(opened.id, revision)
    at.session_state[state.CURRENT] = state.OpenDossier(opened.id, revision, dossier)
    rows: list[dict[str, object]] = []
    for page in PAGES:
        t0 = time.perf_counter()
        at.switch_page(page).run()
        cold = time.perf_counter() - t0
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        median = statistics.median(times)
        rows.append(
            {
                "screen": page,
                "fec_lines_added": lines,
                "cold_s": round(cold, 3),
                "rerun_median_s": round(median, 3),
                "within_target": median <= PAGES_TARGET_S,
                "exception": bool(at.exception),
            }
        )
    return rows


if __name__ == "__main__":
    chosen = pages_with_million_lines if sys.argv[1:] == ["pages"] else run
    for row in chosen():
        print(row)

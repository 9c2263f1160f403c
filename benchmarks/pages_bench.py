"""Server time of each screen's rerun on the recyclerie sample (AppTest, in process).

A rerun is what a user waits for after each click: the script of the page run
again with the dossier open and the caches warm. Each screen of app.py's
navigation is opened once (cold: caches fill), then rerun ``REPEAT`` times;
the median rerun is reported with the cold run beside it, in wall time and in
CPU time of this process (the wall time on a shared 2-core machine counts the
others' work too). Goal (issue #11): every rerun ≤ 0.3 s on the sample, ≤ 0.5 s
with a 1,000,000-line FEC imported.

Usage: ``python -m benchmarks.pages_bench`` (the sample) or
``python -m benchmarks.pages_bench --fec1m`` (the sample's 2026 accounts plus
a generated 1,000,000-line FEC of 2026, imported as one ledger).
"""

from __future__ import annotations

import ast
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REPEAT = 5


def screens() -> list[str]:
    """Paths of the screens registered in app.py's navigation."""
    tree = ast.parse((REPO / "app.py").read_text("utf-8"))
    return [
        str(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("pages/")
    ]


def _with_a_million_lines(url: str, tmp: Path) -> Any:
    """A copy of the recyclerie whose 2026 ledger holds 1,000,000 more lines; its OpenDossier."""
    from benchmarks.fec_bench import generate_fec
    from essdiag.ledger import combine_ledgers, read_fec
    from essdiag.ledger.storage import store_ledger
    from essdiag.periods import FiscalYear
    from essdiag.samples import copy_sample
    from essdiag.store.workspace import Workspace
    from essdiag.ui.state import OpenDossier

    ws = Workspace(url)
    dossier_id = copy_sample(ws, "recyclerie", author="bench", message="bench")
    dossier, head = ws.load(dossier_id)
    fy = FiscalYear(label_year=2026)
    path = tmp / "123456789FEC20261231.txt"
    generate_fec(path, 1_000_000)
    big = read_fec(path, file=path.name, fiscal_year=fy).ledger
    sample = REPO / "sample_data" / "recyclerie" / "FEC_2026_01-10.txt"
    own = read_fec(sample, file=sample.name, fiscal_year=fy).ledger
    assert big is not None and own is not None
    ledger = combine_ledgers([own, big])
    section = store_ledger(
        ws,
        dossier_id,
        dossier.ledger,
        ledger,
        original=path.read_bytes(),
        name=path.name,
        kind="fec",
        fiscal_year=2026,
        lines_read=len(ledger),
        issues=0,
    )
    edited = dossier.model_copy(update={"ledger": section})
    number = ws.save(dossier_id, edited, base=head, author="bench", message="1 M lines")
    return OpenDossier(id=dossier_id, revision=number, dossier=edited)


def run(fec1m: bool = False) -> list[dict[str, object]]:
    from streamlit.testing.v1 import AppTest

    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp}/ws.sqlite"
    os.environ["ESSDIAG_DATABASE_URL"] = url
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=600)
    if fec1m:
        at.session_state["dossier_current"] = _with_a_million_lines(url, tmp)
        at.run()
    else:
        at.run()
        at.button(key="home_sample_recyclerie").click().run()
    rows: list[dict[str, object]] = []
    for path in screens():
        t0, c0 = time.perf_counter(), time.process_time()
        at.switch_page(path).run()
        cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
        walls, cpus = [], []
        for _ in range(REPEAT):
            t0, c0 = time.perf_counter(), time.process_time()
            at.run()
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        rows.append(
            {
                "screen": path,
                "cold_s": round(cold, 3),
                "cold_cpu_s": round(cold_cpu, 3),
                "rerun_median_s": round(statistics.median(walls), 3),
                "rerun_cpu_s": round(statistics.median(cpus), 3),
                "exception": bool(at.exception),
            }
        )
    return rows


if __name__ == "__main__":
    for row in run(fec1m="--fec1m" in sys.argv[1:]):
        print(row)

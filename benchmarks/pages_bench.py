"""Server time of each screen's rerun on the recyclerie sample (AppTest, in process).

A rerun is what a user waits for after each click: the script of the page run
again with the dossier open and the caches warm. Each screen is opened once
(cold: caches fill), then rerun ``REPEAT`` times; the median rerun is reported
with the cold run beside it. Goal (issue #11): every rerun ≤ 0.3 s.
"""

from __future__ import annotations

import ast
import os
import statistics
import tempfile
import time
from pathlib import Path

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


def run() -> list[dict[str, object]]:
    from streamlit.testing.v1 import AppTest

    tmp = tempfile.mkdtemp()
    os.environ["ESSDIAG_DATABASE_URL"] = f"sqlite:///{tmp}/ws.sqlite"
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    at.button(key="home_sample_recyclerie").click().run()
    rows: list[dict[str, object]] = []
    for path in screens():
        t0 = time.perf_counter()
        at.switch_page(path).run()
        cold = time.perf_counter() - t0
        times = []
        for _ in range(REPEAT):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        rows.append(
            {
                "screen": path,
                "cold_s": round(cold, 3),
                "rerun_median_s": round(statistics.median(times), 3),
                "exception": bool(at.exception),
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)

"""Save and load of a dossier in the workspace, on SQLite and on PostgreSQL; the home screen.

The dossier is the recyclerie sample case. Times are the median of repeated
runs; the baseline in the same run is a bare ``json.loads`` + pydantic
validation of the same dossier, so the ratio shows what the store adds
(including the bounds every dossier keeps, checked on read and on save).

The home screen (``home`` row): a copy of the recyclerie opened, the home
page rerun ``HOME_REPEAT`` times (AppTest, in process, caches warm); goal
(issue #11) ≤ 0.3 s a rerun. The dossier workbook offered for download is
built once per revision, not on every rerun. ``copy_s`` is the time to copy
the case with its files (FEC, budget, HR register and survey).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable

from essdiag.dossier import read_dossier_json
from essdiag.samples import load_sample
from essdiag.store import Workspace


def _median_ms(fn: Callable[[], object], repeat: int = 50) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return round(statistics.median(times) * 1000, 3)


def _measure(label: str, ws: Workspace) -> dict[str, object]:
    dossier = load_sample("recyclerie")
    info = ws.create(dossier, author="bench")
    state = {"rev": 1}

    def save() -> None:
        state["rev"] = ws.save(info.id, dossier, base=state["rev"], author="bench", message="b")

    raw = dossier.to_json().encode()
    baseline = _median_ms(lambda: read_dossier_json(raw))
    save_ms = _median_ms(save)
    load_ms = _median_ms(lambda: ws.load(info.id))
    return {
        "backend": label,
        "save_ms": save_ms,
        "load_ms": load_ms,
        "parse_baseline_ms": baseline,
        "load_over_parse": round(load_ms / baseline, 2) if baseline else None,
        "revisions": state["rev"],
    }


HOME_REPEAT = 7


def _home() -> dict[str, object]:
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    app = Path(__file__).resolve().parents[1] / "app.py"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ESSDIAG_DATABASE_URL"] = f"sqlite:///{tmp}/home.sqlite"
        at = AppTest.from_file(str(app), default_timeout=120)
        at.run()
        t0 = time.perf_counter()
        at.button(key="home_sample_recyclerie").click().run()
        copy_s = time.perf_counter() - t0
        at.switch_page("pages/home.py").run()
        times = []
        for _ in range(HOME_REPEAT):
            t0 = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - t0)
        return {
            "backend": "home page (sqlite)",
            "rerun_median_s": round(statistics.median(times), 3),
            "copy_s": round(copy_s, 3),
            "exception": bool(at.exception),
        }


def run() -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(_measure("sqlite", Workspace(f"sqlite:///{tmp}/bench.sqlite")))
    url = os.environ.get("ESSDIAG_TEST_DATABASE_URL")
    if url:
        rows.append(_measure("postgresql", Workspace(url)))
    else:
        rows.append({"backend": "postgresql", "skipped": "ESSDIAG_TEST_DATABASE_URL not set"})
    rows.append(_home())
    return rows

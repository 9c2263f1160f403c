"""Save and load of a dossier in the workspace, on SQLite and on PostgreSQL.

The dossier is the recyclerie sample case. Times are the median of repeated
runs; the baseline in the same run is a bare ``json.loads`` + pydantic
validation of the same dossier, so the ratio shows what the store adds.
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


def run() -> list[dict[str, object]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        rows.append(_measure("sqlite", Workspace(f"sqlite:///{tmp}/bench.sqlite")))
    url = os.environ.get("ESSDIAG_TEST_DATABASE_URL")
    if url:
        rows.append(_measure("postgresql", Workspace(url)))
    else:
        rows.append({"backend": "postgresql", "skipped": "ESSDIAG_TEST_DATABASE_URL not set"})
    return rows

"""Server time of the capability screens (watch, diagnosis, compliance, impact, publics).

The same measure as :mod:`benchmarks.pages_bench` (AppTest, in process, the
recyclerie sample open, cold run then the median of ``REPEAT`` reruns), limited
to the five capability screens, with an optional profile of the reruns:

    python -m benchmarks.capabilities_bench      # cold and rerun per screen
    python -m benchmarks.capabilities_bench --profile impact   # top functions of a rerun

``--case scic-energie`` measures on the other sample case.
Goal (issue #11): every rerun ≤ 0.3 s.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REPEAT = 5
SCREENS = ("watch", "diagnosis", "compliance", "impact", "publics")


@contextlib.contextmanager
def _profiled(prof: cProfile.Profile | None) -> Iterator[None]:
    """Profile the script thread (AppTest runs the page in a thread of its own)."""
    if prof is None:
        yield
        return
    from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

    original = ScriptRunner._run_script

    def wrapped(self: Any, rerun_data: Any) -> None:
        prof.enable()
        try:
            original(self, rerun_data)
        finally:
            prof.disable()

    ScriptRunner._run_script = wrapped  # type: ignore[method-assign]
    try:
        yield
    finally:
        ScriptRunner._run_script = original  # type: ignore[method-assign]


def run(case: str = "recyclerie", profile: str = "", top: int = 40) -> list[dict[str, object]]:
    from streamlit.testing.v1 import AppTest

    tmp = tempfile.mkdtemp()
    os.environ["ESSDIAG_DATABASE_URL"] = f"sqlite:///{tmp}/ws.sqlite"
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120)
    at.run()
    at.button(key=f"home_sample_{case}").click().run()
    rows: list[dict[str, object]] = []
    for name in SCREENS:
        if profile and name != profile:
            continue
        t0 = time.perf_counter()
        at.switch_page(f"pages/{name}.py").run()
        cold = time.perf_counter() - t0
        times, cpu = [], []
        prof = cProfile.Profile() if profile else None
        for _ in range(REPEAT):
            t0, c0 = time.perf_counter(), time.process_time()
            with _profiled(prof):
                at.run()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        if prof:
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
            print(out.getvalue())
        rows.append(
            {
                "screen": name,
                "cold_s": round(cold, 3),
                "rerun_median_s": round(statistics.median(times), 3),
                # CPU of the process (the script thread, mostly): steadier on a shared machine
                "rerun_cpu_s": round(statistics.median(cpu), 3),
                "exception": bool(at.exception),
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", default="recyclerie")
    parser.add_argument("--profile", default="", choices=("", *SCREENS))
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for row in run(args.case, args.profile, args.top):
        print(row)


if __name__ == "__main__":
    main()

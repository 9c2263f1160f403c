"""Start-up time of the ``essdiag`` command (issue #11: every command starts in ≤ 0.3 s).

Each command is run ``REPEAT`` times in a fresh interpreter (as a user types
it); the median wall time is reported beside a bare ``python -c pass`` (the
interpreter's own start), and whether pandas, pyarrow or openpyxl were loaded
to print the help (they must not be: they are imported inside the subcommand
that needs them).

Usage: ``python -m benchmarks.cli_bench``.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPEAT = 5
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("--help",),
    ("version",),
    ("variance", "--help"),
    ("validate-fec", "--help"),
)
HEAVY = ("pandas", "pyarrow", "openpyxl", "xlsxwriter", "docx", "plotly", "pydantic")


def _median(argv: list[str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command, in seconds.

    The CPU time is what the command costs whatever else the machine runs (the
    wall time on a shared 2-core machine counts the others' work too).
    """
    walls, cpus = [], []
    for _ in range(REPEAT):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(argv, cwd=REPO, capture_output=True, check=False, timeout=120)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def heavy_modules_at_start() -> list[str]:
    """The heavy libraries loaded by importing the command line (should be none)."""
    probe = f"import sys, essdiag.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    return [m for m in out.stdout.strip().split(",") if m]


def run() -> list[dict[str, object]]:
    bare, bare_cpu = _median([sys.executable, "-c", "pass"])
    rows: list[dict[str, object]] = [
        {"command": "python -c pass", "median_s": round(bare, 3), "cpu_s": round(bare_cpu, 3)}
    ]
    for command in COMMANDS:
        wall, cpu = _median([sys.executable, "-m", "essdiag.cli", *command])
        rows.append(
            {
                "command": "essdiag " + " ".join(command),
                "median_s": round(wall, 3),
                "cpu_s": round(cpu, 3),
                "over_interpreter_s": round(wall - bare, 3),
            }
        )
    rows.append({"command": "heavy modules at start", "loaded": heavy_modules_at_start()})
    return rows


if __name__ == "__main__":
    for row in run():
        print("  ".join(f"{k}={v}" for k, v in row.items()))

"""Fixtures of the fuzz suite: one worker per session, the counts printed at the end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fuzz.harness import PROFILE, REPO, Fuzzer, Tally, write_report

TALLY = Tally()

collect_ignore = ["fakes.py", "worker.py"]  # run inside the worker, on its own path


@pytest.fixture(scope="session")
def fuzzer() -> Iterator[Fuzzer]:
    """The worker, on the tree named by ``ESSDIAG_FUZZ_ROOT`` (this one by default)."""
    worker = Fuzzer(Path(os.environ.get("ESSDIAG_FUZZ_ROOT", REPO)), TALLY)
    yield worker
    worker.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not TALLY.tried:
        return
    data = TALLY.as_json()
    write = terminalreporter.write_line
    terminalreporter.section(f"fuzz ({PROFILE} profile)")
    write(f"{data['tried']} inputs tried, {data['failed']} failed the contract")
    for reader, counts in data["readers"].items():
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(counts["failed"].items()))
        write(
            f"  {reader}: {counts['tried']} tried ({counts['cpu']} s CPU)"
            + (f", failed: {kinds}" if kinds else "")
        )
    if TALLY.smallest:
        paths = TALLY.save_found()
        write(f"smallest failing inputs: {len(paths)} under {paths[0].parents[1]}")
    write_report(TALLY)

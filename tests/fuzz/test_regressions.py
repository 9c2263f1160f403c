"""The smallest inputs that once broke a reader's contract, kept as files, each checked again.

``tests/data/fuzz/<reader>/<name>.<ext>``: ``<reader>`` is the registry's name
without ``essdiag.`` (``ledger.generic.read_table``); the file is given to
that reader under its own name. ``tests/data/fuzz/README.md`` lists what each
file found when it was added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import skip_or_fail
from tests.fuzz.harness import Fuzzer
from tests.fuzz.readers import by_name

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "fuzz"
CASES = sorted(
    p for p in DATA.glob("*/*") if p.is_file() and p.parent.name != "seeds" and p.suffix != ".md"
)


def test_every_regression_folder_names_a_reader() -> None:
    for folder in {p.parent for p in CASES}:
        by_name(f"essdiag.{folder.name}")


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_regression_file_keeps_the_contract(fuzzer: Fuzzer, path: Path) -> None:
    reader = by_name(f"essdiag.{path.parent.name}")
    if fuzzer.available(reader) != "ok":
        skip_or_fail(f"{reader.name}: {fuzzer.available(reader)}")
    verdict = fuzzer.check(reader, path.read_bytes(), path.name, label=path.name)
    assert verdict.ok, f"{verdict.kind}: {verdict.detail}"

"""Every reader of the registry, on arbitrary bytes, on mutated seeds and on damaged files.

Each input runs in the worker under a time and memory bound and must keep
the readers' contract (:mod:`tests.fuzz.contract`). A test goes on after a
failure (the census counts every input) and fails at its end with the
distinct failures met, the smallest input of each first.
"""

from __future__ import annotations

import pytest
from hypothesis import given

from tests.conftest import skip_or_fail
from tests.fuzz import corpus, mutations
from tests.fuzz.harness import FUZZ, HEAVY, SHARE, Fuzzer, summary
from tests.fuzz.readers import READERS, Reader

IDS = [r.name.removeprefix("essdiag.") for r in READERS]


def _ready(fuzzer: Fuzzer, reader: Reader) -> None:
    status = fuzzer.available(reader)
    if status != "ok":
        skip_or_fail(f"{reader.name}: {status}")


STRATEGIES = {
    "arbitrary_bytes": lambda reader: mutations.arbitrary(),
    "mutated_seeds": lambda reader: mutations.mutated(reader.kinds),
}
"""Hypothesis strategies of inputs: any bytes, and the reader's seeds mutated."""


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("reader", READERS, ids=IDS)
def test_generated_inputs(fuzzer: Fuzzer, reader: Reader, strategy: str) -> None:
    _ready(fuzzer, reader)

    @FUZZ
    @given(raw=STRATEGIES[strategy](reader))
    def run(raw: bytes) -> None:
        fuzzer.check(reader, raw)

    with fuzzer.collect() as failures:
        run()
    assert not failures, summary(failures)


@pytest.mark.parametrize("reader", READERS, ids=IDS)
def test_damaged_files(fuzzer: Fuzzer, reader: Reader) -> None:
    """The damaged files of issue #10 and their cousins, for each kind the reader reads."""
    _ready(fuzzer, reader)
    with fuzzer.collect() as failures:
        for kind in reader.kinds:
            share = (READERS.index(reader), SHARE)
            for name, raw in corpus.edges(kind, heavy=HEAVY, share=share):
                fuzzer.check(reader, raw, label=f"{kind}/{name}")
    assert not failures, summary(failures)

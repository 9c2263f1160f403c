"""Every reader of the library is in the fuzz suite's registry: a new one cannot be forgotten.

A *bytes reader* is a public function of ``essdiag/`` (outside the UI and
the command line, which call readers) that takes bytes and returns issues
(its return annotation names ``Issue`` or a ``…Result``). Each must have its
line in :data:`tests.fuzz.readers.READERS`, or a reason in
:data:`tests.fuzz.readers.NOT_FUZZED`.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

from tests.fuzz import corpus
from tests.fuzz.readers import NOT_FUZZED, READERS, SEEDS

REPO = Path(__file__).resolve().parents[2]
_BYTES = re.compile(r"\bbytes\b")
_RETURNS_ISSUES = re.compile(r"\bIssue\b|Result\b")


@functools.cache  # the tree is parsed once per session
def bytes_readers(root: Path = REPO / "essdiag") -> frozenset[str]:
    """Dotted names of the public functions that take bytes and return issues."""
    found = set()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        if rel.parts[1] in ("ui", "commands", "cli"):
            continue
        module = ".".join(rel.parts).removesuffix(".__init__")
        for node in ast.parse(path.read_text("utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            args = [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]
            takes = any(
                a.annotation is not None and _BYTES.search(ast.unparse(a.annotation)) for a in args
            )
            gives = node.returns is not None and _RETURNS_ISSUES.search(ast.unparse(node.returns))
            if takes and gives:
                found.add(f"{module}.{node.name}")
    return frozenset(found)


def test_every_bytes_reader_is_fuzzed() -> None:
    registered = {r.name for r in READERS}
    missing = sorted(bytes_readers() - registered - set(NOT_FUZZED))
    assert not missing, (
        "readers of bytes that the fuzz suite does not know: add a line to READERS in "
        f"tests/fuzz/readers.py (or a reason to NOT_FUZZED): {missing}"
    )


def test_the_detection_sees_a_new_reader(tmp_path: Path) -> None:
    pkg = tmp_path / "essdiag" / "newdomain"
    pkg.mkdir(parents=True)
    (pkg / "reader.py").write_text(
        "def read_thing(raw: bytes, *, file: str | None = None) -> tuple[int, list[Issue]]: ...\n"
        "def _private(raw: bytes) -> tuple[int, list[Issue]]: ...\n"
        "def writer(raw: bytes) -> bytes: ...\n",
        "utf-8",
    )
    assert bytes_readers(tmp_path / "essdiag") == {"essdiag.newdomain.reader.read_thing"}


@pytest.mark.parametrize("reader", READERS, ids=[r.name for r in READERS])
def test_each_registered_reader_exists_and_has_seeds(reader: object) -> None:
    from tests.fuzz.readers import Reader

    assert isinstance(reader, Reader)
    assert reader.function() is not None, f"{reader.name} no longer exists: update the registry"
    assert all(kind in SEEDS for kind in reader.kinds)
    assert any(corpus.seeds(kind) for kind in reader.kinds), f"no seed file for {reader.kinds}"


def test_exemptions_are_not_stale() -> None:
    assert set(NOT_FUZZED) <= bytes_readers(), "NOT_FUZZED names a function that is gone"

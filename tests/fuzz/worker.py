"""The fuzz worker: a separate process that calls readers on inputs under a memory bound.

Run by :mod:`tests.fuzz.harness` as ``python tests/fuzz/worker.py ROOT``:
``ROOT`` is the tree of essdiag to fuzz (the current one, or an older commit
checked out elsewhere), put first on ``sys.path``. The worker imports the
readers, warms them up once (so that their libraries' thread pools and
arenas exist), then limits its address space (``RLIMIT_AS``) to what it uses
plus ``ESSDIAG_FUZZ_MEMORY_MB`` and serves requests until its input closes.

Each request is a pickled ``(reader name, raw bytes, file name)`` on stdin,
framed by its length; each answer a :class:`contract.Verdict` as a pickled dict on the
original stdout (the readers' own prints go to stderr). The parent enforces
the wall-clock bound by killing the worker; the worker measures CPU time.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import logging
import os
import pickle
import resource
import struct
import sys
import time
import traceback
from pathlib import Path
from typing import Any, BinaryIO

HERE = Path(__file__).resolve().parent


class UnavailableError(Exception):
    """The reader, or an object it needs, does not exist in the tree being fuzzed."""


class Context(dict[str, Any]):
    def __missing__(self, key: str) -> Any:
        raise UnavailableError(f"no {key} in this tree")


def read_frame(stream: BinaryIO) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack("<Q", head)
    return pickle.loads(stream.read(size))


def write_frame(stream: BinaryIO, obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("<Q", len(data)) + data)
    stream.flush()


class _Capture(logging.Handler):
    """Exceptions the readers' safety net logged during one call."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.levelno >= logging.ERROR:
            self.records.append(record)


def _where(tb: Any) -> str:
    """The innermost frame of essdiag in a traceback (else the innermost): file:line."""
    frames = traceback.extract_tb(tb)
    ours = [f for f in frames if "/essdiag/" in f.filename] or frames
    if not ours:
        return "?"
    f = ours[-1]
    return f"{Path(f.filename).parent.name}/{Path(f.filename).name}:{f.lineno}"


def _bound(fn: Any) -> Any:
    """The reader, refusing calls that do not bind to its signature (an older tree)."""
    sig = inspect.signature(fn)

    def call(*args: Any, **kwargs: Any) -> Any:
        try:
            sig.bind(*args, **kwargs)
        except TypeError as exc:
            raise UnavailableError(f"signature {sig}: {exc}") from None
        return fn(*args, **kwargs)

    return call


class Worker:
    def __init__(self) -> None:
        import contract
        import readers

        self.contract = contract
        extra = os.environ.get("ESSDIAG_FUZZ_EXTRA")
        if extra:  # the suite's own fake readers, to show that each check can fail
            table, self.ctx = list(importlib.import_module(extra).READERS), Context()
        else:
            table, self.ctx = list(readers.READERS), Context(readers.context())
        self.readers = {r.name: r for r in table}
        from essdiag.errors import EssdiagError, Issue
        from essdiag.i18n import translator

        self.issue_type, self.error_type = Issue, EssdiagError
        self.en = translator("en")
        self.capture = _Capture()
        logging.getLogger().addHandler(self.capture)
        logging.getLogger().setLevel(logging.INFO)
        self.functions: dict[str, Any] = {}
        self.status: dict[str, str] = {}
        for name, r in self.readers.items():
            fn = r.function()
            if fn is None:
                self.status[name] = "missing"
            else:
                self.functions[name] = _bound(fn)
                self.status[name] = "ok"

    def run(self, name: str, raw: bytes, file: str) -> Any:  # noqa: PLR0911 - a return per outcome
        """Call one reader on one input and check its result against the contract."""
        verdict = self.contract.Verdict(reader=name)
        fn = self.functions.get(name)
        if fn is None:
            return verdict.fail("skipped", f"{name}: {self.status.get(name, 'unknown')}")
        self.capture.records.clear()
        start = resource.getrusage(resource.RUSAGE_SELF)
        try:
            result = self.readers[name].call(fn, raw, file, self.ctx)
        except UnavailableError as exc:
            self.status[name] = f"unavailable: {exc}"
            return verdict.fail("skipped", f"{name}: {exc}")
        except self.error_type as exc:
            self._cpu(verdict, start)
            self.contract.check_issues(verdict, exc.issues, raw, self.issue_type, self.en)
            word = self.contract.english_in(str(exc), self.contract.input_text(raw))
            if word is not None:
                verdict.fail("english", f"{type(exc).__name__}: « {word} » in: {exc}")
            return verdict
        except MemoryError as exc:
            self._cpu(verdict, start)
            return verdict.fail("memory", f"{type(exc).__name__} at {_where(exc.__traceback__)}")
        except RecursionError as exc:
            self._cpu(verdict, start)
            return verdict.fail("exception", f"RecursionError at {_where(exc.__traceback__)}")
        except Exception as exc:  # any other exception breaks the contract: that is the finding
            self._cpu(verdict, start)
            return verdict.fail(
                "exception",
                f"{type(exc).__name__} at {_where(exc.__traceback__)}: {str(exc)[:300]}",
            )
        self._cpu(verdict, start)
        try:
            value, issues = self.contract.split_result(result)
            issues = list(issues)
        except TypeError as exc:
            return verdict.fail("shape", str(exc))
        for record in self.capture.records:
            etype, evalue, tb = record.exc_info  # type: ignore[misc]
            kind = "memory" if issubclass(etype, MemoryError) else "safety_net"
            return verdict.fail(kind, f"{etype.__name__} at {_where(tb)}: {str(evalue)[:300]}")
        if any(getattr(i, "code", None) == "reader_failed" for i in issues):
            return verdict.fail("safety_net", "reader_failed without a logged exception")
        self.contract.check_issues(verdict, issues, raw, self.issue_type, self.en)
        if (
            verdict.ok
            and value is None
            and not any(getattr(i, "severity", None) == "error" for i in issues)
        ):
            verdict.fail("silent", "nothing read and no error given")
        return verdict

    @staticmethod
    def _cpu(verdict: Any, start: Any) -> None:
        end = resource.getrusage(resource.RUSAGE_SELF)
        verdict.cpu = (end.ru_utime - start.ru_utime) + (end.ru_stime - start.ru_stime)


def _vm_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> None:
    root = Path(sys.argv[1]).resolve()
    sys.dont_write_bytecode = True
    sys.path[:0] = [str(root), str(HERE)]
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # what the readers print goes to stderr, never into the answers
    stdin = sys.stdin.buffer
    worker = Worker()
    warm = read_frame(stdin)  # [(reader, raw, file), ...]: one valid input per reader
    for name, raw, file in warm or []:
        worker.run(name, raw, file)
    limit = int(os.environ.get("ESSDIAG_FUZZ_MEMORY_MB", "1500")) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (_vm_bytes() + limit, resource.RLIM_INFINITY))
    write_frame(out, {"status": worker.status, "pid": os.getpid(), "time": time.time()})
    while True:
        request = read_frame(stdin)
        if request is None:
            return
        name, raw, file = request
        try:
            verdict = worker.run(name, raw, file)
        except Exception as exc:  # checking the result failed: say so, keep serving
            verdict = worker.contract.Verdict(reader=name).fail(
                "harness", f"{type(exc).__name__} while checking: {traceback.format_exc()}"
            )
        write_frame(out, dataclasses.asdict(verdict))


if __name__ == "__main__":
    main()

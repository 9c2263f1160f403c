"""The fuzz suite's side of the worker: send inputs, bound their time, count what failed.

Profiles (Hypothesis settings, chosen by ``ESSDIAG_FUZZ_PROFILE``):

``short`` (default, in ``make test``)
    a few inputs per reader and strategy, derandomised (the same inputs on
    every run), one in three of the light damaged files of each reader's
    family (spread so that the family's readers share them all);
``long`` (``make fuzz``)
    hundreds of inputs per reader and strategy (thousands in all), random,
    every damaged file including the heavy ones (zip bomb, 10⁶ columns, a
    100,000-line table, a 1 MB header, 10⁶ empty JSON items).

Bounds, per input: ``ESSDIAG_FUZZ_SECONDS`` of CPU (default 10: over it the
input counts as ``slow``), ``ESSDIAG_FUZZ_WALL`` seconds of wall clock
(default 90: over it the worker is killed, ``timeout``) and
``ESSDIAG_FUZZ_MEMORY_MB`` of address space above what the warmed-up worker
uses (default 1500: over it, ``memory`` or ``crash``).

Every input tried is counted by reader and failure kind; the smallest input
of each distinct failure is kept under ``ESSDIAG_FUZZ_FOUND`` (default
``/tmp/essdiag-fuzz-found``) to become a regression file. The counts are
printed at the end of the session and written to ``ESSDIAG_FUZZ_REPORT``
when set. ``ESSDIAG_FUZZ_ROOT`` fuzzes another tree of essdiag (an older
commit checked out with ``git worktree``): readers missing there are skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import select
import struct
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from tests.fuzz.contract import Verdict
from tests.fuzz.readers import READERS, Reader

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "worker.py"

_HEALTH = list(HealthCheck)
settings.register_profile(
    "short",
    max_examples=5,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=_HEALTH,
    print_blob=False,
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("ESSDIAG_FUZZ_EXAMPLES", "300")),
    derandomize=False,
    database=None,
    deadline=None,
    suppress_health_check=_HEALTH,
    print_blob=False,
)
PROFILE = os.environ.get("ESSDIAG_FUZZ_PROFILE", "short")
FUZZ = settings.get_profile(PROFILE)
HEAVY = PROFILE == "long"
"""The heavy damaged files run in the long profile only."""
SHARE = 1 if PROFILE == "long" else 3
"""The short profile gives each reader one in three damaged files of its family."""

CPU_SECONDS = float(os.environ.get("ESSDIAG_FUZZ_SECONDS", "10"))
WALL_SECONDS = float(os.environ.get("ESSDIAG_FUZZ_WALL", "90"))
FOUND = Path(os.environ.get("ESSDIAG_FUZZ_FOUND", "/tmp/essdiag-fuzz-found"))


def _frame(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return struct.pack("<Q", len(data)) + data


@dataclass
class Tally:
    """Inputs tried and failed, by reader and kind; the smallest input of each failure."""

    tried: Counter[str] = field(default_factory=Counter)
    cpu: Counter[str] = field(default_factory=Counter)
    failed: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    smallest: dict[tuple[str, str], bytes] = field(default_factory=dict)
    details: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, reader: str, verdict: Verdict, raw: bytes) -> None:
        self.tried[reader] += 1
        self.cpu[reader] += verdict.cpu
        if verdict.ok:
            return
        self.failed[reader][verdict.kind] += 1
        key = (reader, verdict.signature)
        if key not in self.smallest or len(raw) < len(self.smallest[key]):
            self.smallest[key] = raw
            self.details[key] = verdict.detail

    def as_json(self) -> dict[str, Any]:
        return {
            "profile": PROFILE,
            "tried": sum(self.tried.values()),
            "failed": sum(sum(c.values()) for c in self.failed.values()),
            "readers": {
                r: {
                    "tried": n,
                    "failed": dict(self.failed.get(r, {})),
                    "cpu": round(self.cpu[r], 1),
                }
                for r, n in sorted(self.tried.items())
            },
            "signatures": [
                {"reader": r, "signature": s, "bytes": len(raw), "detail": self.details[(r, s)]}
                for (r, s), raw in sorted(self.smallest.items())
            ],
        }

    def save_found(self) -> list[Path]:
        """The smallest input of each failure, written under :data:`FOUND`."""
        paths = []
        for (reader, signature), raw in sorted(self.smallest.items()):
            folder = FOUND / reader.removeprefix("essdiag.")
            folder.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha1(signature.encode()).hexdigest()[:10]
            path = folder / f"{digest}.bin"
            path.write_bytes(raw)
            (folder / f"{digest}.txt").write_text(
                f"{reader}\n{signature}\n{self.details[(reader, signature)]}\n", "utf-8"
            )
            paths.append(path)
        return paths


class Fuzzer:
    """A worker process that calls readers, restarted when an input kills it."""

    def __init__(
        self,
        root: Path,
        tally: Tally,
        *,
        wall: float = WALL_SECONDS,
        cpu: float = CPU_SECONDS,
        extra: str = "",
        memory_mb: int | None = None,
    ) -> None:
        self.root = root
        self.tally = tally
        self.wall, self.cpu, self.extra, self.memory_mb = wall, cpu, extra, memory_mb
        self.proc: subprocess.Popen[bytes] | None = None
        self.status: dict[str, str] = {}
        self._collected: list[tuple[str, Verdict, bytes]] | None = None

    def _warm_inputs(self) -> list[tuple[str, bytes, str]]:
        from tests.fuzz.corpus import first_seed

        out = []
        for r in READERS:
            try:
                out.append((r.name, first_seed(r.kinds).data, r.file))
            except LookupError:
                continue
        return out

    def start(self) -> None:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        env.pop("PYTHONPATH", None)
        if self.extra:
            env["ESSDIAG_FUZZ_EXTRA"] = self.extra
        if self.memory_mb is not None:
            env["ESSDIAG_FUZZ_MEMORY_MB"] = str(self.memory_mb)
        FOUND.mkdir(parents=True, exist_ok=True)
        with (FOUND / "worker.log").open("ab") as log:  # what the readers print, and aborts
            self.proc = subprocess.Popen(
                [sys.executable, "-X", "faulthandler", str(WORKER), str(self.root)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                cwd=str(self.root),
                env=env,
            )
        assert self.proc.stdin is not None
        self.proc.stdin.write(_frame([] if self.extra else self._warm_inputs()))
        self.proc.stdin.flush()
        ready = self._answer(timeout=600)
        if ready is None:
            raise RuntimeError("the fuzz worker did not start")
        self.status = ready["status"]

    def stop(self) -> None:
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()

    def _kill(self) -> int | None:
        proc, self.proc = self.proc, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.kill()
        code = proc.wait()
        for pipe in (proc.stdin, proc.stdout):
            if pipe is not None:
                with contextlib.suppress(OSError):  # a pipe to a killed process
                    pipe.close()
        return code

    def _answer(self, timeout: float) -> Any:
        assert self.proc is not None and self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return None
        head = self.proc.stdout.read(8)
        if len(head) < 8:
            return EOFError
        (size,) = struct.unpack("<Q", head)
        return pickle.loads(self.proc.stdout.read(size))

    def available(self, reader: Reader) -> str:
        """``ok``, or why the reader cannot be fuzzed in this tree."""
        if self.proc is None:
            self.start()
        return self.status.get(reader.name, "missing")

    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def check(
        self,
        reader: Reader,
        raw: bytes,
        file: str | None = None,
        *,
        label: str = "",
        wall: float | None = None,
    ) -> Verdict:
        """One input through one reader, bounded; counted in the tally (``label`` names it)."""
        wall = self.wall if wall is None else wall
        if self.proc is None:
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        try:
            self.proc.stdin.write(_frame((reader.name, raw, file or reader.file)))
            self.proc.stdin.flush()
            answer = self._answer(wall)
        except (BrokenPipeError, OSError):
            answer = EOFError
        verdict = Verdict(reader=reader.name)
        if answer is None:
            self._kill()
            verdict.fail("timeout", f"no answer within {wall:.0f} s (worker killed)")
        elif answer is EOFError:
            code = self._kill()
            verdict.fail("crash", f"the worker died (exit {code}): out of memory or aborted")
        else:
            verdict = Verdict(**answer)
            if verdict.ok and verdict.cpu > self.cpu:
                verdict.fail("slow", f"{verdict.cpu:.1f} s of CPU (bound {self.cpu:.0f} s)")
        if label and not verdict.ok:
            verdict.detail = f"[{label}] {verdict.detail}"
        if verdict.kind != "skipped":
            self.tally.add(reader.name, verdict, raw)
            if self._collected is not None and not verdict.ok:
                self._collected.append((reader.name, verdict, raw))
        return verdict

    @contextmanager
    def collect(self) -> Iterator[list[tuple[str, Verdict, bytes]]]:
        """The failures met inside the block (the census goes on after a failure)."""
        self._collected = []
        try:
            yield self._collected
        finally:
            self._collected = None


def summary(failures: list[tuple[str, Verdict, bytes]], limit: int = 8) -> str:
    """The distinct failures of a test, smallest input first, for the assertion message."""
    best: dict[str, tuple[Verdict, bytes]] = {}
    counts: Counter[str] = Counter()
    for _reader, verdict, raw in failures:
        counts[verdict.signature] += 1
        if verdict.signature not in best or len(raw) < len(best[verdict.signature][1]):
            best[verdict.signature] = (verdict, raw)
    lines = [f"{len(failures)} input(s) broke the contract, {len(best)} distinct failure(s):"]
    for signature, (verdict, raw) in sorted(best.items(), key=lambda kv: -counts[kv[0]])[:limit]:
        lines.append(f"- ×{counts[signature]} {verdict.kind}: {verdict.detail[:400]}")
        lines.append(f"  smallest input ({len(raw)} bytes): {raw[:160]!r}")
    lines.append(f"(inputs kept under {FOUND} at the end of the session)")
    return "\n".join(lines)


def write_report(tally: Tally) -> None:
    target = os.environ.get("ESSDIAG_FUZZ_REPORT")
    if target:
        Path(target).write_text(json.dumps(tally.as_json(), indent=1, ensure_ascii=False), "utf-8")

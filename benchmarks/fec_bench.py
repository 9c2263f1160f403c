"""FEC import and variance speed on a generated 1,000,000-line FEC (about 143 MB).

The file is generated into a temporary folder (never committed). Each
measurement runs in its own subprocess so that its peak memory (VmHWM) is its
own: a bare ``pyarrow.csv.read_csv`` of the file, then ``read_fec`` into the
canonical ledger, then a full variance (all accounts × 12 months + landing).

Targets (issue #3): import ≤ 1.5 × the bare read, peak RSS < 700 MB,
variance < 0.5 s. Issue #11: import ≤ 1.5 × a bare read of the same columns with the
same options (``same``: the reader's own ``fec_parse.parse``), and peak memory ≤ 1.5 × the file size above the interpreter.

Usage: ``python -m benchmarks fec`` or ``python -m benchmarks.fec_bench [LINES]``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
    "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
    "ValidDate\tMontantdevise\tIdevise\n"
)
_ACCOUNTS = [
    ("606100", "Fournitures non stockables – électricité et eau", "401000", "Fournisseurs"),
    ("613200", "Locations immobilières et charges locatives", "401000", "Fournisseurs"),
    ("622600", "Honoraires – expertise comptable et commissariat", "401000", "Fournisseurs"),
    ("641100", "Salaires et appointements du personnel permanent", "421000", "Personnel"),
    ("645100", "Cotisations à l'URSSAF – part patronale", "431000", "Sécurité sociale"),
    ("706100", "Prestations de services – enlèvements et débarras", "411000", "Clients"),
    ("707100", "Ventes de marchandises – boutique solidaire", "530000", "Caisse"),
    ("741110", "Subvention État – aide au poste (ASP)", "512000", "Banque"),
]


def generate_fec(path: Path, lines: int = 1_000_000, seed: int = 7) -> int:
    """Write a balanced FEC of ``lines`` lines (two per entry); returns its size in bytes."""
    rng = np.random.default_rng(seed)
    entries = lines // 2
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER)
        chunk = 50_000
        for start in range(0, entries, chunk):
            count = min(chunk, entries - start)
            kinds = rng.integers(0, len(_ACCOUNTS), count)
            days = rng.integers(0, 365, count)
            cents = rng.integers(100, 5_000_000, count)
            dates = (np.datetime64("2026-01-01") + days).astype(str)
            buf = []
            for i in range(count):
                acc, lib, cp, cplib = _ACCOUNTS[kinds[i]]
                d = dates[i].replace("-", "")
                amt = f"{cents[i] // 100},{cents[i] % 100:02d}"
                num = f"OD26-{start + i:07d}"
                lab = f"Facture {start + i}"
                charge = acc[0] == "6"
                dl, cl = (amt, "0,00") if charge else ("0,00", amt)
                buf.append(
                    f"OD\tOpérations diverses\t{num}\t{d}\t{acc}\t{lib}\t\t\tP{start + i}\t{d}\t"
                    f"{lab}\t{dl}\t{cl}\t\t\t{d}\t\t\n"
                    f"OD\tOpérations diverses\t{num}\t{d}\t{cp}\t{cplib}\t\t\tP{start + i}\t{d}\t"
                    f"{lab}\t{cl}\t{dl}\t\t\t{d}\t\t\n"
                )
            out.write("".join(buf))
    return path.stat().st_size


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
mode, path = sys.argv[1], Path(sys.argv[2])
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
result = {}
if mode == "bare":
    import pyarrow.csv as pacsv
    t = time.perf_counter()
    table = pacsv.read_csv(path, parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False))
    result["seconds"] = time.perf_counter() - t
    result["rows"] = table.num_rows
elif mode == "same":
    # The reader's own pyarrow.csv read (fec_parse.parse: the columns it keeps, its types,
    # dictionaries, block size and options), with none of the checks or conversions.
    from essdiag.ledger.fec import _FEW_VALUES, _LEDGER_TEXT
    from essdiag.ledger.fec_parse import parse
    names = open(path, encoding="utf-8").readline().rstrip("\n").split("\t")
    wanted = ["JournalCode", "EcritureNum", "EcritureDate", "CompteNum", "JournalLib",
              "CompteLib", "EcritureLib", "Debit", "Credit"]
    t = time.perf_counter()
    table = parse(str(path), names, wanted, "\t", "utf-8", ascii_head=False,
                  dictionary=tuple(c for c in wanted if c in _FEW_VALUES),
                  large=_LEDGER_TEXT).table
    result["seconds"] = time.perf_counter() - t
    result["rows"] = table.num_rows
elif mode == "interpreter":
    # What the interpreter and the reader's imports hold before any file is read.
    import essdiag.ledger.fec  # noqa: F401
    result["seconds"] = 0.0
    result["rows"] = 0
elif mode == "import":
    from essdiag.ledger.fec import read_fec
    t = time.perf_counter()
    res = read_fec(path, file=path.name)
    result["seconds"] = time.perf_counter() - t
    result["rows"] = res.lines_kept
    result["issues"] = len(res.issues)
elif mode == "variance":
    from essdiag.budget.analysis import analyse, monthly_matrix
    from essdiag.budget.model import budget_from_actuals
    from essdiag.ledger import monthly_activity, read_fec
    from essdiag.periods import FiscalYear
    fy = FiscalYear(label_year=2026)
    ledger = read_fec(path, file=path.name).ledger
    # Set-up (not timed): a budget made from the year's own actuals + 2 %.
    budget = budget_from_actuals(monthly_activity(ledger, fy.start, fy.end), fy, growth=0.02)
    budget = budget.model_copy(update={"fiscal_year": 2026})
    best = None
    for _ in range(3):
        t = time.perf_counter()
        report = analyse(budget, fy, ledger, through="2026-10", level="account",
                         last_year_ledger=ledger)
        matrix = monthly_matrix(report.attributed, "account")
        took = time.perf_counter() - t
        best = took if best is None else min(best, took)
    result["seconds"] = best
    result["rows"] = int(matrix.size)
result["peak_rss_mb"] = peak_mb()
print(json.dumps(result))
"""


MODES = ("bare", "same", "interpreter", "import", "variance")
"""The measurements, each in its own subprocess: ``same`` reads the reader's columns with its
options (the issue #11 baseline), ``interpreter`` only imports the reader (the memory floor)."""


def _child(mode: str, path: Path) -> dict[str, float]:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
    )
    data: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def run(lines: int = 1_000_000, repeat: int = 3) -> list[dict[str, object]]:
    """Generate the FEC, then time the bare read, the import and the variance (best of ``repeat``)."""
    with tempfile.TemporaryDirectory(prefix="essdiag-fec-") as tmp:
        path = Path(tmp) / "000000000FEC20261231.txt"
        size = generate_fec(path, lines)
        rows: list[dict[str, object]] = []
        best: dict[str, dict[str, float]] = {}
        for _ in range(repeat):
            for mode in MODES:
                got = _child(mode, path)
                if mode not in best or got["seconds"] < best[mode]["seconds"]:
                    best[mode] = got
        for mode in MODES:
            got = best[mode]
            rows.append(
                {
                    "case": f"{mode} ({lines:,} lines, {size / 1e6:.0f} MB)",
                    "seconds": round(got["seconds"], 3),
                    "peak_rss_mb": round(got["peak_rss_mb"]),
                    "rows": int(got.get("rows", 0)),
                }
            )
        ratio = best["import"]["seconds"] / best["bare"]["seconds"]
        same = best["import"]["seconds"] / best["same"]["seconds"]
        base = best["interpreter"]["peak_rss_mb"]
        memory = (best["import"]["peak_rss_mb"] - base) / (size / 2**20)
        rows.append(
            {
                "case": "import / bare read",
                "ratio": round(ratio, 2),
                "target": "<= 1.5, RSS < 700 MB, variance < 0.5 s",
            }
        )
        rows.append(
            {
                "case": "import / same columns and options",
                "ratio": round(same, 2),
                "target": "<= 1.5",
            }
        )
        rows.append(
            {
                "case": "import peak memory above the interpreter / file size",
                "ratio": round(memory, 2),
                "interpreter_mb": round(base),
                "target": "<= 1.5",
            }
        )
    return rows


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    for row in run(n):
        print(row)

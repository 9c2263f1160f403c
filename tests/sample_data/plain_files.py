"""The sample cases' files read with plain Python, for the tests of ``tests/sample_data``.

The FEC files are parsed without essdiag's own FEC reader, so that these
tests check the files and not the reader.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from essdiag.ledger.fec import FEC_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data"
CASE = SAMPLE / "recyclerie"
SCIC = SAMPLE / "scic-energie"
CASES = ("recyclerie", "scic-energie", "blank")
LEDGER_CASES = ("recyclerie", "scic-energie")
"""The cases that have accounts (a ``ledger.toml``, two FEC files and a budget)."""
FEC_FILES = tuple(f"{c}/{n}" for c in LEDGER_CASES for n in ("FEC_2025.txt", "FEC_2026_01-10.txt"))
ANALYTIC_COLUMN = "CodeAnalytique"
"""The 19th column of the SCIC's FEC files: the analytic code of each charge or income row."""


def cents(text: str) -> int:
    """``1234,56`` → 123456."""
    units, decimals = text.split(",")
    return int(units) * 100 + int(decimals)


def fec(path: Path) -> list[dict[str, str]]:
    """The rows of a FEC file, by column name; checks the header and the field count.

    The header is the 18 columns of art. A47 A-1, optionally followed by the
    analytic column.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "the file ends with a newline"
    header = tuple(lines[0].split("\t"))
    assert header in (FEC_COLUMNS, (*FEC_COLUMNS, ANALYTIC_COLUMN))
    rows = []
    for number, line in enumerate(lines[1:-1], start=2):
        fields = line.split("\t")
        assert len(fields) == len(header), f"line {number}: {len(fields)} fields"
        rows.append(dict(zip(header, fields, strict=True)))
    return rows


def signed(row: dict[str, str]) -> int:
    """Debit − credit of a FEC row, in cents."""
    return cents(row["Debit"]) - cents(row["Credit"])


def by_heading(rows: list[dict[str, str]]) -> dict[str, int]:
    """Year activity by 2-digit heading, debit positive, opening entries left out."""
    out: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["JournalCode"] != "AN":
            out[row["CompteNum"][:2]] += signed(row)
    return out


def by_account(rows: list[dict[str, str]]) -> dict[str, int]:
    """Year activity by account, debit positive, opening entries left out."""
    out: dict[str, int] = defaultdict(int)
    for row in rows:
        if row["JournalCode"] != "AN":
            out[row["CompteNum"]] += signed(row)
    return out


def budget_csv(case: Path = CASE) -> list[list[str]]:
    """The rows of a case's ``budget_2026.csv``, header first."""
    with (case / "budget_2026.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))

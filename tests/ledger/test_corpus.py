"""Corpus of malformed FEC, CSV, XLSX and budget files (the ledger readers and the budget template).

Each gives its expected issue codes.

``tests/data/ledger/expected.json`` says, per file, which reader reads it, the
issue codes expected (``null``: any codes, only "no crash and unusable" is
checked), whether a ledger is still produced, and the line of some issues.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from essdiag.budget.template import read_budget
from essdiag.errors import Issue
from essdiag.ledger import ColumnMapping, apply_mapping, read_fec, read_table
from essdiag.periods import FiscalYear

CORPUS = Path(__file__).parents[1] / "data" / "ledger"
EXPECTED: dict[str, dict[str, Any]] = json.loads((CORPUS / "expected.json").read_text("utf-8"))


def read(name: str, spec: dict[str, Any]) -> tuple[bool, list[Issue]]:
    data = (CORPUS / name).read_bytes()
    if spec["reader"] == "fec":
        year = spec.get("year")
        fy = FiscalYear(label_year=year) if year else None
        result = read_fec(data, file=name, fiscal_year=fy)
        return result.ledger is not None, result.issues
    if spec["reader"] == "table":
        raw, issues = read_table(data, file=name)
        if raw is None:
            return False, issues
        ledger, more = apply_mapping(raw, ColumnMapping(**spec["mapping"]), file=name)
        return ledger is not None, issues + more
    section, issues = read_budget(data, file=name, fiscal_year=FiscalYear(label_year=2026))
    return section is not None, issues


def test_corpus_is_large_enough() -> None:
    assert len(EXPECTED) >= 20
    assert sorted(EXPECTED) == sorted(
        p.name for p in CORPUS.iterdir() if p.name not in ("expected.json", "README.md")
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_malformed_file_gives_its_issue_codes(name: str) -> None:
    spec = EXPECTED[name]
    usable, issues = read(name, spec)
    assert usable is spec["usable"]
    if spec["codes"] is not None:
        assert sorted({i.code for i in issues}) == spec["codes"]
    else:
        assert issues
    for code, lines in spec.get("lines", {}).items():
        assert sorted(i.line for i in issues if i.code == code) == lines
    for issue in issues:
        assert issue.message  # a French sentence, placeholders filled
        assert "{" not in issue.message

"""Budget import from any spreadsheet: column mapping, one rule for amounts, located issues.

Regression files of issue #10 are in ``tests/data/budget/`` (one per failure seen).
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd
import pytest

from essdiag.budget.importer import lines_from_mapping, month_of_header, suggest_budget_mapping
from essdiag.budget.template import read_budget
from essdiag.i18n import translator
from essdiag.ledger.generic import read_table
from essdiag.periods import FiscalYear

DATA = Path(__file__).parents[1] / "data" / "budget"
FY = FiscalYear(label_year=2026)
FR = translator("fr")


def read(name: str) -> tuple[object, list[str], list[str]]:
    """The section read from a regression file, its issue codes and their French messages."""
    section, issues = read_budget((DATA / name).read_bytes(), file=name, fiscal_year=FY)
    return section, [i.code for i in issues], [FR.fill(i.template, i.params) for i in issues]


def test_one_row_per_heading_any_month_headers_and_both_decimal_marks() -> None:
    section, codes, _ = read("months_as_columns.csv")
    assert section is not None
    # « 60 – Achats » is the heading 60 with its label; « Total charges » is skipped and counted.
    got = [(ln.account, ln.label, round(ln.total, 2)) for ln in section.lines]
    # 12 × 1 000,50 = 12 006,00; 12 × 5 000 = 60 000; 12 × 6000.5 = 72 006,00 (file's Total annuel).
    assert got == [("60", "Achats", 12006.0), ("64", "Charges de personnel", 60000.0),
                   ("74", "Subventions", 72006.0)]  # fmt: skip
    assert codes == ["budget_totals_skipped"]


def test_a_budget_with_a_header_and_no_rows_says_so() -> None:
    section, codes, messages = read("header_only.csv")
    assert section is None
    assert codes == ["budget_empty"]
    assert "n'a que son en-tête" in messages[0]


def test_duplicate_column_names_are_numbered_not_a_crash() -> None:
    raw, issues = read_table((DATA / "duplicate_columns.csv").read_bytes(), file="dup.csv")
    assert raw is not None
    assert list(raw.columns)[:4] == ["Compte", "Libellé", "Janvier", "Janvier (2)"]
    assert [i.code for i in issues] == ["table_column_duplicate"]
    mapping = suggest_budget_mapping(list(raw.columns), FY)
    mapping = mapping.model_copy(update={"months": ["Janvier (2)", *mapping.months[1:]]})
    lines, found = lines_from_mapping(raw, mapping, FY, file="dup.csv")
    assert found == []
    assert lines[0].months[:2] == [200.0, 300.0]


def test_thousands_point_in_a_comma_file_is_ambiguous_and_located() -> None:
    # « 1.230 » beside « 1 000,50 »: 1 230 € or 1,23 €? Refused with its line and column.
    section, codes, messages = read("ambiguous_thousands.csv")
    assert section is None
    assert codes[0] == "budget_amount_ambiguous"
    _, issues = read_budget(
        (DATA / "ambiguous_thousands.csv").read_bytes(), file="a.csv", fiscal_year=FY
    )
    assert (issues[0].line, issues[0].column) == (2, "Janvier")
    assert "« 1.230 » ambigu" in messages[0]


def test_an_exponent_is_refused_as_in_the_accounts() -> None:
    section, codes, messages = read("exponent.csv")
    assert section is None
    assert codes == ["budget_amount", "budget_empty"]
    assert "« 1e5 »" in messages[0]


@pytest.mark.parametrize(
    ("header", "month"),
    [("Janvier", 1), ("janv. 26", 1), ("Févr.", 2), ("2026-03", 3), ("04/2026", 4),
     ("M5", 5), ("déc", 12), ("Total", None), ("Compte", None), ("13", None)],
)  # fmt: skip
def test_month_headers(header: str, month: int | None) -> None:
    assert month_of_header(header) == month


def test_every_issue_message_is_filled_and_row_issues_have_a_line() -> None:
    raw = pd.DataFrame(
        {"Compte": ["606", "X1", "74"], "Janvier": ["12,5", "3", "abc"], "Février": ["", "", ""]}
    )
    mapping = suggest_budget_mapping(list(raw.columns), FY)
    _, issues = lines_from_mapping(raw, mapping, FY, file="b.csv")
    assert {i.code for i in issues} == {"budget_account", "budget_amount"}
    for issue in issues:
        text = FR.fill(issue.template, issue.params)
        assert "{" not in text
        assert issue.line in (3, 4)


def test_a_hundred_thousand_lines_import_in_linear_time() -> None:
    # 51 s before (a validation per row); the work is by column now. A loose bound on a shared
    # machine: the point is linear, not quadratic (10 000 lines ×10 must not take ×100).
    header = "Compte;Libellé;" + ";".join(f"M{m}" for m in range(1, 13))
    row = "606;Achats;" + ";".join("1 000,50" for _m in range(12))
    timings = []
    for n in (10_000, 100_000):
        data = ("\n".join([header, *([row] * n)]) + "\n").encode()
        start = time.perf_counter()
        section, _issues = read_budget(data, file="big.csv", fiscal_year=FY)
        timings.append(time.perf_counter() - start)
        assert section is not None and len(section.lines) == n
        assert section.lines[-1].total == pytest.approx(12006.0)
    assert timings[1] < 30 * max(timings[0], 0.05)

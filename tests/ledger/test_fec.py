"""The FEC reader (``essdiag.ledger.fec``): canonical frame, encodings, forms, issues, exact amounts."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError
from essdiag.ledger import LEDGER_COLUMNS, read_fec, read_table
from essdiag.periods import FiscalYear
from tests.ledger.fec_text import CASE, HEADER, SMALL, row


def test_canonical_columns_and_types() -> None:
    result = read_fec(SMALL.encode(), file="f.txt")
    ledger = result.ledger
    assert ledger is not None and result.issues == []
    assert tuple(ledger.columns) == LEDGER_COLUMNS
    assert str(ledger["date"].dtype) == "datetime64[ns]"
    assert ledger["debit_cents"].dtype == "int64"
    assert ledger["entry"].tolist()[2] == "000123"  # leading zeros kept
    assert ledger["label"].tolist()[2] == 'Facture "EDF" – janvier'  # quotes kept as text
    assert ledger["opening"].tolist() == [True, True, False, False, False, False]
    assert ledger["analytic"].isna().all()


@pytest.mark.parametrize(
    ("encoding", "sep", "decimal"),
    [
        ("utf-8", "\t", ","),
        ("utf-8-sig", "\t", ","),
        ("iso8859_15", "|", ","),
        ("cp1252", "\t", "."),
    ],
)
def test_encodings_separators_and_decimal_marks_read_the_same(
    encoding: str, sep: str, decimal: str
) -> None:
    source = SMALL.replace("–", "€") if encoding == "iso8859_15" else SMALL
    text = source.replace("\t", sep)
    if decimal == ".":
        text = text.replace(",00", ".00").replace("120,50", "120.50")
    got = read_fec(text.encode(encoding), file="f.txt").ledger
    want = read_fec(source.encode()).ledger
    assert got is not None and want is not None
    pd.testing.assert_frame_equal(got, want)


def test_montant_and_sens_form() -> None:
    lines = SMALL.splitlines()
    head = lines[0].replace("Debit\tCredit", "Montant\tSens")
    body = []
    for line in lines[1:]:
        f = line.split("\t")
        debit, credit = f[11], f[12]
        f[11], f[12] = (debit, "D") if debit != "0,00" else (credit, "C")
        body.append("\t".join(f))
    got = read_fec(("\n".join([head, *body]) + "\n").encode()).ledger
    want = read_fec(SMALL.encode()).ledger
    assert got is not None and want is not None
    pd.testing.assert_frame_equal(got, want)


def test_sample_fec_totals_match_a_plain_python_sum() -> None:
    # Independent check: Σ debit and Σ credit of the whole file with Decimal.
    from decimal import Decimal

    text = (CASE / "FEC_2025.txt").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:]]
    debit = sum(Decimal(r[11].replace(",", ".")) for r in rows)
    credit = sum(Decimal(r[12].replace(",", ".")) for r in rows)
    result = read_fec((CASE / "FEC_2025.txt").read_bytes(), fiscal_year=FiscalYear(label_year=2025))
    assert result.issues == []
    assert result.lines_kept == len(rows)
    ledger = result.ledger
    assert ledger is not None
    assert int(ledger["debit_cents"].sum()) == int(debit * 100)
    assert int(ledger["credit_cents"].sum()) == int(credit * 100)
    assert debit == credit  # the file balances


def test_issue_locations() -> None:
    text = SMALL.replace("20260220\t706000", "20260231\t706000")
    result = read_fec(text.encode(), file="x.txt")
    codes = {(i.code, i.line, i.column) for i in result.issues}
    assert ("fec_date", 7, "EcritureDate") in codes
    assert ("fec_unbalanced", 6, "EcritureNum") in codes
    assert result.set_aside == 1
    date_issue = next(i for i in result.issues if i.code == "fec_date")
    assert (
        date_issue.message == "Date invalide « 20260231 » (attendu AAAAMMJJ) : ligne mise de côté."
    )
    assert date_issue.where() == "x.txt, ligne 7, colonne EcritureDate"


def test_many_bad_lines_are_counted_not_all_listed() -> None:
    body = [row("OD", f"E{i}", "2026XX01", "606000", "x", "1,00", "0,00") for i in range(500)]
    result = read_fec(("\n".join([HEADER, *body]) + "\n").encode())
    assert result.ledger is None
    listed = [i for i in result.issues if i.code == "fec_date"]
    assert len(listed) == 200
    more = next(i for i in result.issues if i.code == "more_issues")
    assert more.params == {"more": 300, "kind": "dates invalides"}
    assert (
        more.message == "… et 300 autre(s) problème(s) du même type (dates invalides), non listés."
    )


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_reading_arbitrary_bytes_never_raises(data: bytes) -> None:
    try:
        result = read_fec(data, file="f.txt")
    except EssdiagError:  # the library's own error is the only one allowed
        return
    assert result.ledger is None or set(result.ledger.columns) == set(LEDGER_COLUMNS)
    raw, _issues = read_table(data, file="t.csv")
    assert raw is None or isinstance(raw, pd.DataFrame)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["606100", "706000", "411000", "401000"]),
            st.integers(min_value=0, max_value=10**9),
            st.integers(min_value=1, max_value=28),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_amounts_round_trip_exactly(lines: list[tuple[str, int, int]]) -> None:
    body = [
        row("OD", f"E{i}", f"202603{day:02d}", acc, "x", f"{c // 100},{c % 100:02d}", "0,00")
        for i, (acc, c, day) in enumerate(lines)
    ]
    ledger = read_fec(("\n".join([HEADER, *body]) + "\n").encode()).ledger
    assert ledger is not None
    assert ledger["debit_cents"].tolist() == [c for _, c, _ in lines]


def test_benchmark_generator_writes_a_clean_fec(tmp_path: Path) -> None:
    from benchmarks.fec_bench import generate_fec

    path = tmp_path / "FEC.txt"
    size = generate_fec(path, lines=2000)
    assert 120 * 2000 < size < 170 * 2000  # about 143 bytes a line, as in the 1M-line run
    result = read_fec(path, file=path.name, fiscal_year=FiscalYear(label_year=2026))
    assert result.issues == []
    assert result.lines_kept == 2000


def test_the_fiscal_year_comes_from_the_file_name_then_the_dates() -> None:
    from tests.ledger.fec_text import row as line

    body = [line("AC", f"A{i}", "20250615", "606100", "x", "1,00", "0,00") for i in range(3)]
    text = ("\n".join([HEADER, *body]) + "\n").encode()
    named = read_fec(text, file="123456789FEC20250630.txt")  # a July–June year, closing 30/06
    assert named.fiscal_year == FiscalYear(label_year=2025, start_month=7)
    assert named.year_source == "name"
    dated = read_fec(text, file="export.txt")
    assert (dated.fiscal_year, dated.year_source) == (FiscalYear(label_year=2025), "dates")
    # A 2025 FEC read today: no "outside the fiscal year" warnings (the year is its own).
    assert not [i for i in dated.issues if i.code == "fec_outside_year"]
    # A name that disagrees with most entries loses to the dates.
    assert read_fec(text, file="123456789FEC20261231.txt").fiscal_year == FiscalYear(
        label_year=2025
    )


def test_opening_entries_are_recognised_by_their_nature() -> None:
    from tests.ledger.test_corpus import CORPUS

    result = read_fec((CORPUS / "openings_by_nature.txt").read_bytes())
    ledger = result.ledger
    assert ledger is not None
    # OUV « Ouverture », and the first-day OD entry of classes 1–5 only: openings.
    assert ledger["opening"].tolist() == [True, True, True, True, False, False]


def test_openings_stay_on_their_lines_when_others_are_set_aside() -> None:
    from tests.ledger.test_corpus import CORPUS

    lines = (CORPUS / "openings_by_nature.txt").read_bytes().splitlines(keepends=True)
    # A line with a date that does not exist, set aside, before the OD entry and after it.
    bad = lines[5].replace(b"20260115", b"20260231", 1)
    text = b"".join([*lines[:3], bad, *lines[3:5], bad, *lines[5:]])
    result = read_fec(text)
    assert result.ledger is not None
    assert result.set_aside == 2
    assert result.ledger["entry"].tolist() == ["O1", "O1", "O2", "O2", "AC1", "AC1"]
    assert result.ledger["opening"].tolist() == [True, True, True, True, False, False]


def test_an_unbalanced_entry_on_one_line_names_that_line() -> None:
    from tests.ledger.test_corpus import CORPUS

    lines = (CORPUS / "openings_by_nature.txt").read_bytes().splitlines(keepends=True)
    result = read_fec(b"".join(lines[:-1]), file="f.txt")  # AC1 loses its credit line
    (issue,) = [i for i in result.issues if i.code == "fec_unbalanced"]
    # By hand: the AC1 debit line alone, 120,00 € against nothing, on line 6.
    assert issue.message.endswith("écart 120,00\xa0€ (ligne 6).")


def test_an_unbalanced_entry_names_its_number_and_every_line_it_spans() -> None:
    from tests.ledger.test_corpus import CORPUS

    result = read_fec((CORPUS / "unbalanced_spread.txt").read_bytes(), file="f.txt")
    (issue,) = [i for i in result.issues if i.code == "fec_unbalanced"]
    assert issue.message == (
        "Écriture OD7 (journal OD) déséquilibrée : débit 10,00\xa0€, crédit 9,00\xa0€, "
        "écart 1,00\xa0€ (lignes 2–3, 6)."
    )
    from essdiag.i18n import translator

    assert translator("en").fill(issue.template, issue.params).startswith("Entry OD7 (journal OD)")


def test_one_byte_that_is_not_utf8_after_the_first_megabyte_sets_one_line_aside() -> None:
    from tests.ledger.fec_text import row as line

    good = line("AC", "A1", "20260115", "606100", "Électricité – été", "1,00", "0,00")
    body = [good] * (1_100_000 // len(good))  # more than the megabyte the encoding is read from
    broken = line("AC", "A2", "20260116", "606100", "x", "1,00", "0,00").encode()
    broken = broken.replace(b"\tx\t", b"\tcaf\xe9\t")  # one Latin-1 byte
    data = ("\n".join([HEADER, *body]) + "\n").encode() + broken + b"\n"
    result = read_fec(data, file="f.txt")
    assert result.ledger is not None and result.lines_kept == len(body)
    (issue,) = [i for i in result.issues if i.code == "fec_not_utf8"]
    assert issue.line == len(body) + 2
    assert "UTF-8" in issue.message


def test_a_file_in_plain_ascii_for_its_first_megabyte_is_read_as_windows_1252() -> None:
    from tests.ledger.fec_text import row as line

    plain = line("AC", "A1", "20260115", "606100", "Electricite", "1,00", "0,00")
    plain = plain.replace("Lib é", "Lib e")  # nothing but ASCII in the first megabyte
    body = [plain] * (1_100_000 // len(plain))
    tail = line("AC", "A2", "20260116", "606100", "Caf\u00e9 \u2013 ao\u00fbt", "1,00", "0,00")
    data = ("\n".join([HEADER, *body]) + "\n").encode() + tail.encode("cp1252") + b"\n"
    result = read_fec(data, file="f.txt")
    assert result.ledger is not None and result.lines_kept == len(body) + 1
    assert result.ledger["label"].iloc[-1] == "Café – août"
    assert result.encoding == "cp1252"


def test_files_that_are_not_text_say_what_they_are() -> None:
    from tests.ledger.test_corpus import CORPUS

    result = read_fec((CORPUS / "workbook_renamed.txt").read_bytes(), file="FEC.txt")
    (issue,) = result.issues
    assert issue.code == "file_kind"
    assert "classeur Excel" in issue.message
    assert not [i for i in result.issues if i.code == "fec_column_missing"]


def test_a_line_longer_than_a_parsing_block_is_read_or_refused_in_french() -> None:
    from essdiag.ledger.fec_parse import BLOCK_BYTES
    from tests.ledger.fec_text import row as line

    huge = line("AC", "A1", "20260115", "606100", "x" * (BLOCK_BYTES + 10), "1,00", "0,00")
    result = read_fec((HEADER + "\n" + huge + "\n").encode(), file="f.txt")
    assert result.ledger is not None and len(result.ledger["label"].iloc[0]) == BLOCK_BYTES + 10
    assert all("straddling" not in i.message for i in result.issues)


def test_messages_are_french_with_every_placeholder_filled() -> None:
    from essdiag.i18n import translator
    from tests.ledger.test_corpus import CORPUS, EXPECTED

    en = translator("en")
    for name, spec in EXPECTED.items():
        if spec["reader"] != "fec":
            continue
        for issue in read_fec((CORPUS / name).read_bytes(), file=name).issues:
            assert "{" not in issue.message, (name, issue.message)
            assert "{" not in en.fill(issue.template, issue.params), (name, issue.template)
            assert en(issue.template) != issue.template, (name, issue.template)  # translated
            # English library words, as whole words (« invalide » is French)
            for word in ("Error", "invalid", "Expected", "column #"):
                assert not re.search(rf"\b{re.escape(word)}(?!\w)", issue.message), (
                    name,
                    issue.message,
                )

"""The fuzz suite's own checks: each kind of broken contract is caught (a check that cannot fail
would let every reader pass)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from essdiag.errors import Issue
from essdiag.i18n import translator
from tests.fuzz import contract
from tests.fuzz.harness import REPO, Fuzzer, Tally
from tests.fuzz.readers import Reader


def _verdict(*issues: Issue, raw: bytes = b"") -> contract.Verdict:
    v = contract.Verdict(reader="r")
    return contract.check_issues(v, issues, raw, Issue, translator("en"))


def test_french_messages_pass() -> None:
    issue = Issue(
        code="x",
        template="Montant non numérique « {value} » : ligne mise de côté.",
        params={"value": "abc"},
        line=3,
    )
    assert _verdict(issue).ok
    # An accented French word is not the English word it begins with (« limité », « limit »).
    assert (
        contract.english_in("Le fichier pèse 28,7 Mo : ce type de fichier est limité à 20 Mo.", "")
        is None
    )


def test_english_library_text_is_caught_but_not_the_users_own_words() -> None:
    issue = Issue(
        code="x", template="JSON invalide : {error}.", params={"error": "Expecting value"}
    )
    assert _verdict(issue).kind == "english"
    cell = Issue(
        code="x",
        template="Compte « {value} » inconnu : ligne mise de côté.",
        params={"value": "the invalid account"},
        line=2,
    )
    assert _verdict(cell, raw=b"date;the invalid account\n").ok
    assert _verdict(cell, raw=b"date;compte\n").kind == "english"


def test_spreadsheet_error_values_are_the_files_content() -> None:
    issue = Issue(code="x", template="« {value} » n'est pas une date.", params={"value": "#VALUE!"})
    assert _verdict(issue).ok


def test_unfilled_placeholders_are_caught_in_both_languages() -> None:
    assert _verdict(Issue(code="x", template="« {column} » manque.")).kind == "placeholder"
    assert contract.unfilled("{a} et {b!r} et {c:.2f}", {"a": 1}) == {"b", "c"}
    assert contract.fields_of("accolade { seule") == {"<unbalanced braces>"}


def test_row_level_issues_need_a_line() -> None:
    issue = Issue(
        code="table_field_count", template="Ligne mise de côté : {n} champ(s).", params={"n": 3}
    )
    assert _verdict(issue).kind == "no_line"
    summary = Issue(
        code="s",
        template="{count} ligne(s) sur {total} mise(s) de côté.",
        params={"count": 1, "total": 2},
    )
    assert _verdict(summary).ok


def test_a_message_that_cannot_be_written_is_caught() -> None:
    class Odd:
        def __format__(self, spec: str) -> str:
            raise ValueError("no")

        def __str__(self) -> str:
            raise ValueError("no")

    assert _verdict(Issue(code="x", template="{v}", params={"v": Odd()})).kind == "render"


def test_results_are_split_into_value_and_issues() -> None:
    class Result:
        ledger = "L"
        issues = ("i",)

    assert contract.split_result((1, [])) == (1, [])
    assert contract.split_result((1, 2, ["i"])) == (1, ["i"])
    assert contract.split_result(Result()) == ("L", ("i",))
    with pytest.raises(TypeError):
        contract.split_result("x")


@pytest.fixture(scope="module")
def fakes() -> Iterator[Fuzzer]:
    worker = Fuzzer(REPO, Tally(), wall=120, cpu=0.4, extra="fakes", memory_mb=1500)
    yield worker
    worker.stop()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("good", ""),
        ("own_error", ""),
        ("english", "english"),
        ("placeholder", "placeholder"),
        ("no_line", "no_line"),
        ("silent", "silent"),
        ("escapes", "exception"),
        ("shape", "shape"),
        ("netted", "safety_net"),
        ("greedy", "memory"),
        ("spins", "slow"),
        ("aborts", "crash"),
        ("hangs", "timeout"),
    ],
)
def test_the_worker_catches_every_kind_of_failure(fakes: Fuzzer, name: str, kind: str) -> None:
    reader = Reader(f"fakes.{name}", ("table_csv",), "f.csv", lambda f, raw, file, ctx: f(raw))
    verdict = fakes.check(reader, b"date;compte\n", wall=3 if kind == "timeout" else None)
    assert verdict.kind == kind, verdict.detail
    assert fakes.check(Reader("fakes.good", (), "f.csv", reader.call), b"x").ok  # it goes on

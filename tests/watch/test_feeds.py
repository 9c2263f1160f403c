"""RSS/Atom and CSV readers of watch items, on the corpus of tests/data/watch/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError
from essdiag.watch.feeds import read_feed, read_journal_csv
from essdiag.watch.journal import merge_items
from essdiag.watch.section import ItemLink, Pestel, Relevance, WatchSection

CORPUS = Path(__file__).parents[1] / "data" / "watch"


def raw(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def test_rss2_items_with_tags_and_html_removed() -> None:
    items, issues = read_feed(raw("feed_rss2.xml"), file="feed_rss2.xml", category=Pestel.ECONOMIC)
    assert items is not None and len(items) == 3
    first = items[0]
    assert first.title == "Appel à projets « Réemploi solidaire » 2027"
    assert first.date == date(2026, 11, 3) and first.source == "Veille ESS Drôme (exemple)"
    assert first.summary == "La Région ouvre un appel à projets pour les ressourceries ."
    assert first.tags == ["réemploi", "financement"] and first.category is Pestel.ECONOMIC
    assert [(i.code, i.params["n"]) for i in issues] == [("feed_item_incomplete", 4)]


def test_atom_dates_published_else_updated() -> None:
    items, issues = read_feed(raw("feed_atom.xml"), file="feed_atom.xml")
    assert items is not None and issues == []
    assert [i.date for i in items] == [date(2026, 10, 20), date(2026, 9, 2)]
    assert items[1].url == "https://example.org/ess/guide-acc"


def test_a_file_that_is_not_xml_is_refused_with_its_place() -> None:
    items, issues = read_feed(raw("feed_not_xml.rss"), file="feed_not_xml.rss")
    assert items is None
    assert issues[0].code == "feed_not_xml" and issues[0].line is not None and issues[0].column
    assert "n'est pas un flux RSS ou Atom lisible" in issues[0].message


def test_entities_are_refused_before_parsing() -> None:
    items, issues = read_feed(raw("feed_entities.xml"), file="feed_entities.xml")
    assert items is None and issues[0].code == "feed_entities"


def test_xml_that_is_not_a_feed() -> None:
    items, issues = read_feed(raw("feed_not_a_feed.xml"), file="feed_not_a_feed.xml")
    assert items is None and issues[0].code in ("feed_not_feed", "feed_not_xml")


def test_a_journal_table_good_rows_imported_bad_rows_named() -> None:
    items, issues = read_journal_csv(raw("journal_good_and_bad.csv"), file="journal.csv")
    assert items is not None and len(items) == 2
    a, b = items
    assert (a.date, a.category, a.relevance, a.link) == (
        date(2026, 3, 12),
        Pestel.ENVIRONMENTAL,
        Relevance.HIGH,
        ItemLink.OPPORTUNITY,
    )
    assert a.tags == ["réemploi", "financement"]
    assert (b.category, b.relevance, b.link) == (
        Pestel.POLITICAL,
        Relevance.MEDIUM,
        ItemLink.THREAT,
    )
    assert [(i.code, i.line, i.column) for i in issues] == [
        ("journal_csv_unknown_columns", 1, None),
        ("journal_csv_date", 4, "date"),
        ("journal_csv_title", 5, "titre"),
    ]
    assert "Ligne 4 : « 31/02/2026 » n'est pas une date" in issues[1].message


def test_a_table_without_date_and_title_columns() -> None:
    items, issues = read_journal_csv(raw("journal_missing_columns.csv"), file="j.csv")
    assert items is None and issues[0].code == "journal_csv_columns" and issues[0].line == 1


def test_imported_items_are_numbered_and_not_added_twice() -> None:
    items, _ = read_feed(raw("feed_rss2.xml"))
    assert items is not None
    once, added = merge_items(WatchSection(), items)
    assert added == 3 and [i.id for i in once.journal] == ["V001", "V002", "V003"]
    twice, again = merge_items(once, items)
    assert again == 0 and len(twice.journal) == 3


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash_the_feed_reader(data: bytes) -> None:
    try:
        items, issues = read_feed(data, file="x.xml")
    except EssdiagError:
        return
    assert items is not None or issues


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_journal_reader(data: bytes) -> None:
    try:
        items, issues = read_journal_csv(data, file="x.csv")
    except EssdiagError:
        return
    assert items is not None or issues


def test_a_journal_table_with_mixed_line_ends_is_read_row_by_row() -> None:
    """``\\r`` and ``\\n`` mixed (found by the fuzz suite) read as line ends, each row on its line."""
    raw = (
        "date;titre;source\r"
        "12/03/2026;Appel à projets;Région\n"
        "31/02/2026;Date impossible;Préfecture\r\n"
        "2026-04-01;Baisse des dotations;Préfecture\r"
    ).encode()
    items, issues = read_journal_csv(raw, file="veille.csv")
    assert items is not None
    assert [i.title for i in items] == ["Appel à projets", "Baisse des dotations"]
    assert [(i.code, i.line) for i in issues] == [("journal_csv_date", 3)]


# Fuzz regressions (tests/data/fuzz/watch.feeds.read_feed): feedparser raised instead of
# reporting damaged XML.
_RSS_TAIL = (
    b'<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>'
)


def test_an_encoding_name_that_is_not_ascii_is_damaged_xml_not_a_crash() -> None:
    raw = b'<?xml version="1.0" encoding="utf-\xb8"?>\n' + _RSS_TAIL
    items, issues = read_feed(raw, file="flux.xml")
    assert items is None
    assert [i.code for i in issues] == ["feed_not_xml"]
    assert issues[0].file == "flux.xml"


def test_a_character_reference_beyond_unicode_is_damaged_xml_not_a_crash() -> None:
    raw = _RSS_TAIL.replace(b"<title>a</title>", b"<title>a &#x110000; b</title>")
    items, issues = read_feed(raw, file="flux.xml")
    assert items is None
    assert [i.code for i in issues] == ["feed_not_xml"]

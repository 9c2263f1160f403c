"""Search, filters, counts by PESTEL category and the board digest."""

from __future__ import annotations

from datetime import date

from essdiag.i18n import translator
from essdiag.watch.journal import digest_markdown, filter_items, journal_view, pestel_view, tags_of
from essdiag.watch.section import JournalItem, Need, WatchSection

ITEMS = [
    JournalItem(
        id="V001",
        date=date(2026, 1, 10),
        title="Hausse de l'électricité",
        source="CRE",
        category="economic",
        tags=["énergie"],
        relevance="3",
        link="threat",
    ),
    JournalItem(
        id="V002",
        date=date(2026, 3, 5),
        title="Appel à projets réemploi",
        source="Région",
        category="economic",
        tags=["réemploi", "financement"],
        relevance="2",
        link="opportunity",
    ),
    JournalItem(
        id="V003",
        date=date(2026, 6, 1),
        title="Familles monoparentales",
        summary="Demandes d'équipement en hausse",
        category="social",
        relevance="1",
        link="need",
        need_id="B01",
    ),
]
SECTION = WatchSection(needs=[Need(id="B01", title="Équiper les familles")], journal=ITEMS)


def test_search_ignores_case_and_accents_and_needs_every_word() -> None:
    assert [i.id for i in filter_items(ITEMS, text="ELECTRICITE")] == ["V001"]
    assert [i.id for i in filter_items(ITEMS, text="équipement familles")] == ["V003"]
    assert filter_items(ITEMS, text="électricité réemploi") == []


def test_filters_combine_and_sort_newest_first() -> None:
    assert [i.id for i in filter_items(ITEMS)] == ["V003", "V002", "V001"]
    assert [i.id for i in filter_items(ITEMS, categories=["economic"], min_relevance=3)] == ["V001"]
    assert [i.id for i in filter_items(ITEMS, tags=["Financement"])] == ["V002"]
    assert [i.id for i in filter_items(ITEMS, links=["need", "threat"])] == ["V003", "V001"]
    assert [i.id for i in filter_items(ITEMS, since=date(2026, 2, 1), until=date(2026, 5, 31))] == [
        "V002"
    ]
    assert tags_of(ITEMS) == ["financement", "réemploi", "énergie"]


def test_counts_by_category_and_relevance() -> None:
    frame = pestel_view(ITEMS).frame.set_index("category")
    assert frame.loc["economic", ["high", "medium", "low", "total"]].tolist() == [1, 1, 0, 2]
    assert frame["total"].sum() == 3 and len(frame) == 6  # every PESTEL category, even empty


def test_the_table_names_the_need_documented() -> None:
    shown = journal_view(filter_items(ITEMS), SECTION).display(translator("fr"))
    assert shown.iloc[0]["Besoin documenté"] == "B01 — Équiper les familles"
    assert shown.iloc[0]["Catégorie PESTEL"] == "Socioculturel"


def test_the_digest_groups_by_category_most_relevant_first() -> None:
    text = digest_markdown(SECTION, translator("fr"), organisation="Ressourcerie", min_relevance=2)
    assert text.startswith("# Note de veille — Ressourcerie")
    assert "2 article(s) retenu(s) sur toute la période, pertinence moyenne ou plus." in text
    assert (
        text.index("## Économique")
        < text.index("**Hausse de l'électricité**")
        < text.index("**Appel à projets réemploi**")
    )
    assert "Familles monoparentales" not in text  # relevance 1 is below the digest's level
    english = digest_markdown(SECTION, translator("en"), min_relevance=1)
    assert "## Socio-cultural" in english and "Strategic link: Need B01" in english

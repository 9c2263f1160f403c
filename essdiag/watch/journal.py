"""The watch journal: search and filters, tables, counts by PESTEL category, the board digest.

Where it sits: layer 2. Pure functions of the ``watch`` section's journal
(:class:`~essdiag.watch.section.JournalItem` list): :func:`filter_items`
(search words, categories, tags, relevance, strategic link, dates),
:func:`journal_view` and :func:`pestel_view` (the table and the chart's
table), :func:`digest_markdown` (the digest for the board, also written as
DOCX by :mod:`essdiag.report.watch_docx`) and :func:`merge_items` (imported
items join the journal, numbered, duplicates left out).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd

from essdiag.figures import Column, View
from essdiag.i18n import N_, Translator
from essdiag.watch.section import (
    ItemLink,
    JournalItem,
    Pestel,
    Relevance,
    WatchSection,
    next_id,
)

__all__ = [
    "digest_items",
    "digest_markdown",
    "filter_items",
    "journal_view",
    "merge_items",
    "pestel_view",
    "tags_of",
]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def filter_items(
    items: Iterable[JournalItem],
    *,
    text: str = "",
    categories: Iterable[str] = (),
    tags: Iterable[str] = (),
    min_relevance: int = 1,
    links: Iterable[str] = (),
    since: date | None = None,
    until: date | None = None,
) -> list[JournalItem]:
    """The items that match every filter given, newest first.

    ``text`` is searched in the title, summary, source and tags (case and
    accents ignored, every word must appear); ``categories``, ``tags`` and
    ``links`` keep the items with any of the values given.

    Example:
        >>> a = JournalItem(id="V1", date=date(2026, 3, 1), title="Hausse de l'énergie",
        ...                 category="economic", tags=["énergie"])
        >>> b = JournalItem(id="V2", date=date(2026, 4, 1), title="Appel à projets ESS")
        >>> [i.id for i in filter_items([a, b], text="energie")]
        ['V1']
    """
    words = _fold(text).split()
    wanted_cat = {str(c) for c in categories}
    wanted_tags = {_fold(t) for t in tags}
    wanted_links = {str(v) for v in links}
    out = []
    for item in items:
        haystack = _fold(" ".join([item.title, item.summary, item.source, *item.tags]))
        if any(w not in haystack for w in words):
            continue
        if wanted_cat and item.category.value not in wanted_cat:
            continue
        if wanted_tags and not wanted_tags & {_fold(t) for t in item.tags}:
            continue
        if int(item.relevance.value) < min_relevance:
            continue
        if wanted_links and item.link.value not in wanted_links:
            continue
        if since is not None and item.date < since:
            continue
        if until is not None and item.date > until:
            continue
        out.append(item)
    return sorted(out, key=lambda i: (i.date, i.id), reverse=True)


def tags_of(items: Iterable[JournalItem]) -> list[str]:
    """Every tag used, sorted."""
    return sorted({t for i in items for t in i.tags})


def journal_view(items: Sequence[JournalItem], section: WatchSection | None = None) -> View:
    """The journal as a table (newest first as given)."""
    needs = {n.id: n.title for n in section.needs} if section else {}
    frame = pd.DataFrame(
        [
            {
                "id": i.id,
                "date": i.date,
                "title": i.title,
                "source": i.source,
                "category": i.category,
                "tags": ", ".join(i.tags),
                "relevance": i.relevance,
                "link": i.link,
                "need": f"{i.need_id} — {needs.get(i.need_id, '')}" if i.need_id else "",
                "url": i.url,
            }
            for i in items
        ],
        columns=[
            "id",
            "date",
            "title",
            "source",
            "category",
            "tags",
            "relevance",
            "link",
            "need",
            "url",
        ],
    )
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("date", N_("Date"), "date"),
            Column("title", N_("Titre")),
            Column("source", N_("Source")),
            Column("category", N_("Catégorie PESTEL"), choices=Pestel),
            Column("tags", N_("Mots-clés")),
            Column("relevance", N_("Pertinence"), choices=Relevance),
            Column("link", N_("Lien stratégique"), choices=ItemLink),
            Column("need", N_("Besoin documenté")),
            Column("url", N_("Lien")),
        ),
        frame,
        title=N_("Journal de veille"),
    )


def pestel_view(items: Sequence[JournalItem]) -> View:
    """Items per PESTEL category and relevance (the chart's table); every category shown.

    Example:
        >>> v = pestel_view([JournalItem(id="V1", date=date(2026, 1, 1), title="t",
        ...                              category="legal", relevance="3")])
        >>> v.frame.set_index("category").loc["legal", ["high", "total"]].tolist()
        [1, 1]
    """
    rows = []
    for cat in Pestel:
        mine = [i for i in items if i.category is cat]
        rows.append(
            {
                "category": cat.value,
                "label": cat.label,
                "low": sum(i.relevance is Relevance.LOW for i in mine),
                "medium": sum(i.relevance is Relevance.MEDIUM for i in mine),
                "high": sum(i.relevance is Relevance.HIGH for i in mine),
                "total": len(mine),
            }
        )
    return View(
        (
            Column("label", N_("Catégorie PESTEL"), "label"),
            Column("high", Relevance.HIGH.label, "count"),
            Column("medium", Relevance.MEDIUM.label, "count"),
            Column("low", Relevance.LOW.label, "count"),
            Column("total", N_("Total"), "count"),
        ),
        pd.DataFrame(rows),
        title=N_("Articles de veille par catégorie PESTEL"),
    )


def digest_items(
    items: Iterable[JournalItem],
    *,
    since: date | None = None,
    until: date | None = None,
    min_relevance: int = 2,
) -> list[JournalItem]:
    """The items of a digest: in the period, relevance at least ``min_relevance``, most relevant first."""
    chosen = filter_items(items, since=since, until=until, min_relevance=min_relevance)
    return sorted(chosen, key=lambda i: (-int(i.relevance.value), i.category.value, i.date))


def digest_markdown(
    section: WatchSection,
    tr: Translator,
    *,
    organisation: str = "",
    since: date | None = None,
    until: date | None = None,
    min_relevance: int = 2,
) -> str:
    """The board digest as Markdown: items grouped by PESTEL category, with their strategic link.

    Example:
        >>> from essdiag.i18n import translator
        >>> s = WatchSection(journal=[JournalItem(id="V1", date=date(2026, 5, 4), title="Appel à projets",
        ...                  source="Région", category="political", relevance="3", link="opportunity")])
        >>> print(digest_markdown(s, translator("fr")).splitlines()[4])
        ## Politique
    """
    chosen = digest_items(section.journal, since=since, until=until, min_relevance=min_relevance)
    title = tr(N_("Note de veille"))
    lines = [f"# {title} — {organisation}" if organisation else f"# {title}", ""]
    period = _period(tr, since, until)
    lines += [
        tr(
            N_("{n} article(s) retenu(s) {period}, pertinence {level} ou plus."),
            n=len(chosen),
            period=period,
            level=tr(Relevance(str(min_relevance)).label).lower(),
        ),
        "",
    ]
    needs = {n.id: n.title for n in section.needs}
    for cat in Pestel:
        mine = [i for i in chosen if i.category is cat]
        if not mine:
            continue
        lines += [f"## {tr(cat.label)}", ""]
        for i in mine:
            head = f"- **{i.title}** ({tr.date(i.date)}"
            head += f", {i.source})" if i.source else ")"
            lines.append(head)
            detail = [tr(N_("Pertinence : {r}"), r=tr(i.relevance.label))]
            if i.link is not ItemLink.NONE:
                link = tr(i.link.label)
                if i.need_id:
                    link += f" {i.need_id} — {needs.get(i.need_id, '')}"
                detail.append(tr(N_("Lien stratégique : {l}"), l=link))
            lines.append("  " + " · ".join(detail))
            if i.summary:
                lines.append(f"  {i.summary}")
            if i.url:
                lines.append(f"  <{i.url}>")
        lines.append("")
    if not chosen:
        lines.append(tr(N_("Aucun article ne correspond à ces critères.")))
    return "\n".join(lines).rstrip() + "\n"


def _period(tr: Translator, since: date | None, until: date | None) -> str:
    if since and until:
        return tr(N_("du {a} au {b}"), a=tr.date(since), b=tr.date(until))
    if since:
        return tr(N_("depuis le {a}"), a=tr.date(since))
    if until:
        return tr(N_("jusqu'au {b}"), b=tr.date(until))
    return tr(N_("sur toute la période"))


def merge_items(section: WatchSection, new: Iterable[JournalItem]) -> tuple[WatchSection, int]:
    """The section with imported items added (numbered ``V…``) and how many were added.

    An item whose link, or title and date, is already in the journal is left out.
    """
    journal = list(section.journal)
    seen_urls = {i.url for i in journal if i.url}
    seen = {(i.title.lower(), i.date) for i in journal}
    added = 0
    for item in new:
        if (item.url and item.url in seen_urls) or (item.title.lower(), item.date) in seen:
            continue
        new_id = next_id((i.id for i in journal), "V", 3)
        journal.append(item.model_copy(update={"id": new_id}))
        seen_urls.add(item.url)
        seen.add((item.title.lower(), item.date))
        added += 1
    return WatchSection.model_validate(
        {**section.model_dump(), "journal": [i.model_dump() for i in journal]}
    ), added

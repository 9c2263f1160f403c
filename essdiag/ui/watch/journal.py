"""The « Journal de veille » tab: search and filters, the table and its chart, the form of one item."""

from __future__ import annotations

import streamlit as st

from essdiag.charts.watch import pestel_chart
from essdiag.ui import widgets
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.ui.watch import journal_import, save, updated
from essdiag.watch.journal import filter_items, journal_view, pestel_view, tags_of
from essdiag.watch.section import ItemLink, JournalItem, Pestel, Relevance, WatchSection, next_id

__all__ = ["show"]

NEW = "__new__"


def show(screen: Screen[WatchSection]) -> None:
    """Filters, the filtered journal, items by PESTEL category, the item form, the imports."""
    _ = screen.tr
    section = screen.section
    c1, c2, c3, c4 = st.columns([2, 2, 2, 1])
    text = c1.text_input(
        _("Rechercher"), key="watch_q", placeholder=_("mots du titre, du résumé, de la source")
    )
    cats = c2.multiselect(
        _("Catégories PESTEL"),
        [p.value for p in Pestel],
        format_func=lambda v: _(Pestel(v).label),
        key="watch_cats",
        placeholder=_("Toutes"),
    )
    tags = c3.multiselect(
        _("Mots-clés"), tags_of(section.journal), key="watch_tags", placeholder=_("Tous")
    )
    level = c4.selectbox(
        _("Pertinence minimale"),
        [r.value for r in Relevance],
        format_func=lambda v: _(Relevance(v).label),
        key="watch_rel",
    )
    links = st.multiselect(
        _("Lien stratégique"),
        [v.value for v in ItemLink],
        format_func=lambda v: _(ItemLink(v).label),
        key="watch_links",
        placeholder=_("Tous"),
    )
    items = filter_items(
        section.journal,
        text=text,
        categories=cats,
        tags=tags,
        min_relevance=int(level),
        links=links,
    )
    st.caption(_("{n} article(s) sur {total}.", n=len(items), total=len(section.journal)))
    if not section.journal:
        st.info(
            _(
                "Le journal est vide : ajoutez un article ci-dessous ou importez un flux RSS ou un tableau CSV."
            )
        )
    else:
        table, view, chart = kept(
            screen,
            "watch_journal",
            lambda: (journal_view(items, section), pv := pestel_view(items), pestel_chart(pv, _)),
            shown=tuple(i.id for i in items),
        )
        widgets.show_view(table, key="watch_journal")
        widgets.chart_with_table(chart, view, key="watch_pestel")
    _form(screen)
    journal_import.show(screen)


def _form(screen: Screen[WatchSection]) -> None:
    """The form of one item (a new one, or the one chosen)."""
    _ = screen.tr
    section = screen.section
    titles = {i.id: i.title for i in section.journal}
    choice = st.selectbox(
        _("Article à modifier"),
        [NEW, *sorted(titles, reverse=True)],
        format_func=lambda i: _("+ Nouvel article") if i == NEW else f"{i} — {titles[i]}",
        key="watch_item_choice",
    )
    item = next((i for i in section.journal if i.id == choice), None)
    sk = item.id if item else "new"
    needs = {n.id: n.title for n in section.needs}
    with st.form(f"watch_item_form_{sk}"):
        c1, c2, c3 = st.columns([1, 3, 2])
        day = c1.date_input(
            _("Date"),
            value=item.date if item else screen.today,
            format="DD/MM/YYYY",
            key=f"watch_item_date_{sk}",
        )
        title = c2.text_input(
            _("Titre"), value=item.title if item else "", key=f"watch_item_title_{sk}"
        )
        source = c3.text_input(
            _("Source"), value=item.source if item else "", key=f"watch_item_source_{sk}"
        )
        c1, c2, c3 = st.columns(3)
        category = c1.selectbox(
            _("Catégorie PESTEL"),
            [p.value for p in Pestel],
            index=list(Pestel).index(item.category) if item else 2,
            format_func=lambda v: _(Pestel(v).label),
            key=f"watch_item_cat_{sk}",
        )
        relevance = c2.selectbox(
            _("Pertinence"),
            [r.value for r in Relevance],
            index=int(item.relevance.value) - 1 if item else 1,
            format_func=lambda v: _(Relevance(v).label),
            key=f"watch_item_rel_{sk}",
        )
        link = c3.selectbox(
            _("Lien stratégique"),
            [v.value for v in ItemLink],
            index=list(ItemLink).index(item.link) if item else 0,
            format_func=lambda v: _(ItemLink(v).label),
            key=f"watch_item_link_{sk}",
        )
        need = st.selectbox(
            _("Besoin documenté"),
            ["", *needs],
            index=(["", *needs].index(item.need_id) if item and item.need_id in needs else 0),
            format_func=lambda i: f"{i} — {needs[i]}" if i else _("(aucun)"),
            key=f"watch_item_need_{sk}",
        )
        url = st.text_input(
            _("Lien (adresse de l'article)"),
            value=item.url if item else "",
            key=f"watch_item_url_{sk}",
        )
        tags = st.text_input(
            _("Mots-clés (séparés par des virgules)"),
            value=", ".join(item.tags) if item else "",
            key=f"watch_item_tags_{sk}",
        )
        summary = st.text_area(
            _("Résumé et intérêt pour la structure"),
            value=item.summary if item else "",
            key=f"watch_item_sum_{sk}",
        )
        c1, c2 = st.columns([3, 1])
        submitted = c1.form_submit_button(_("Enregistrer l'article"), type="primary")
        delete = c2.form_submit_button(_("Supprimer l'article"), disabled=item is None)
    if delete and item is not None:
        journal = [i for i in section.journal if i.id != item.id]
        save(screen, updated(screen, journal=journal), _("Article {id} supprimé", id=item.id))
    if not submitted:
        return
    entry = {
        "id": item.id if item else next_id((i.id for i in section.journal), "V", 3),
        "date": day,
        "title": title.strip(),
        "source": source.strip(),
        "url": url.strip(),
        "category": category,
        "tags": tags,
        "relevance": relevance,
        "summary": summary.strip(),
        "link": ItemLink.NEED.value if need and link == ItemLink.NONE.value else link,
        "need_id": need,
    }
    others = [i.model_dump(mode="json") for i in section.journal if not item or i.id != item.id]
    checked = JournalItem.model_validate(entry) if title.strip() else None
    if checked is None:
        st.error(_("Le titre est obligatoire."))
        return
    save(
        screen,
        updated(screen, journal=[*others, checked.model_dump(mode="json")]),
        _("Article {id} enregistré", id=entry["id"]),
    )

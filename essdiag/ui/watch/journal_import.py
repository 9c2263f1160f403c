"""Import of watch items: an RSS or Atom file, or a CSV table (never fetched from the network)."""

from __future__ import annotations

import streamlit as st

from essdiag.ui import widgets
from essdiag.ui.screen import Screen
from essdiag.ui.uploads import file_uploader
from essdiag.ui.watch import save, updated
from essdiag.watch.feeds import FEED_LIMITS, read_feed, read_journal_csv
from essdiag.watch.journal import merge_items
from essdiag.watch.section import Pestel, WatchSection

__all__ = ["show"]

_KEPT = "watch_feed_issues"


def show(screen: Screen[WatchSection]) -> None:
    """Upload a feed or a table; the items read join the journal, duplicates left out."""
    _ = screen.tr
    st.subheader(_("Importer des articles"))
    st.write(
        _(
            "Un flux RSS ou Atom enregistré depuis un site (fichier .xml ou .rss : essdiag ne va pas "
            "le chercher sur Internet), ou un tableau CSV aux colonnes date ; titre ; source ; lien ; "
            "catégorie ; mots-clés ; pertinence ; résumé. Les articles déjà présents (même lien, ou même "
            "titre et même date) ne sont pas ajoutés deux fois."
        )
    )
    kept = st.session_state.pop(_KEPT, None)
    if kept:
        widgets.show_issues(kept, title=_("Points relevés lors du dernier import"))
    c1, c2 = st.columns([3, 1])
    with c1:
        upload = file_uploader(
            _("Flux ou tableau"),
            types=["xml", "rss", "atom", "csv", "txt"],
            key="watch_feed_file",
            limit_mb=FEED_LIMITS.max_bytes >> 20,
        )
    category = c2.selectbox(
        _("Catégorie donnée aux articles d'un flux"),
        [p.value for p in Pestel],
        format_func=lambda v: _(Pestel(v).label),
        key="watch_feed_cat",
    )
    if upload is None or not st.button(
        _("Importer les articles"), key="watch_feed_go", type="primary"
    ):
        return
    raw = upload.getvalue()
    if upload.name.lower().endswith((".csv", ".txt")):
        items, issues = read_journal_csv(raw, file=upload.name)
    else:
        items, issues = read_feed(raw, file=upload.name, category=Pestel(category))
    if not items:
        widgets.show_issues(
            issues,
            title=_("Aucun article importé depuis « {f} » : rien n'a changé.", f=upload.name),
        )
        return
    merged, added = merge_items(screen.section, items)
    if not added:
        st.info(_("Tous les articles de « {f} » sont déjà dans le journal.", f=upload.name))
        widgets.show_issues(issues)
        return
    st.session_state[_KEPT] = issues
    save(
        screen,
        updated(screen, journal=merged.journal),
        _("{n} article(s) importé(s) depuis « {f} »", n=added, f=upload.name),
    )

"""The « Exports » tab: the board digest (Word, Markdown) and the watch workbook (Excel)."""

from __future__ import annotations

from datetime import date, timedelta

import streamlit as st

from essdiag.report.watch_docx import digest_docx
from essdiag.report.watch_xlsx import diagnosis_xlsx
from essdiag.ui.screen import Screen
from essdiag.watch.journal import digest_items, digest_markdown
from essdiag.watch.section import Relevance, WatchSection

__all__ = ["DOCX_MIME", "XLSX_MIME", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def show(screen: Screen[WatchSection]) -> None:
    """The digest of a period for the board, and the workbook of every table."""
    _ = screen.tr
    section, name = screen.section, screen.dossier.identity.name
    st.subheader(_("Note de veille pour le conseil d'administration"))
    c1, c2, c3 = st.columns(3)
    since = c1.date_input(
        _("Du"),
        value=screen.today - timedelta(days=365),
        format="DD/MM/YYYY",
        key="watch_digest_since",
    )
    until = c2.date_input(
        _("Au"), value=screen.today, format="DD/MM/YYYY", key="watch_digest_until"
    )
    level = c3.selectbox(
        _("Pertinence minimale"),
        [r.value for r in Relevance],
        index=1,
        format_func=lambda v: _(Relevance(v).label),
        key="watch_digest_rel",
    )
    start = since if isinstance(since, date) else None
    end = until if isinstance(until, date) else None
    chosen = digest_items(section.journal, since=start, until=end, min_relevance=int(level))
    st.caption(_("{n} article(s) dans la note.", n=len(chosen)))
    text = digest_markdown(
        section, _, organisation=name, since=start, until=end, min_relevance=int(level)
    )
    c1, c2 = st.columns(2)
    c1.download_button(
        _("Note de veille (Word)"),
        data=lambda: digest_docx(
            section, _, organisation=name, since=start, until=end, min_relevance=int(level)
        ),
        file_name=f"note-de-veille-{screen.slug}.docx",
        mime=DOCX_MIME,
        key="watch_dl_digest_docx",
        on_click="ignore",
        disabled=not chosen,
    )
    c2.download_button(
        _("Note de veille (Markdown)"),
        data=text.encode("utf-8"),
        file_name=f"note-de-veille-{screen.slug}.md",
        mime="text/markdown",
        key="watch_dl_digest_md",
        on_click="ignore",
        disabled=not chosen,
    )
    with st.expander(_("Aperçu de la note")):
        st.markdown(text)
    st.subheader(_("Classeur de la veille et du diagnostic"))
    st.download_button(
        _("Tous les tableaux (Excel)"),
        data=lambda: diagnosis_xlsx(
            section, screen.dossier.funding, screen.dossier.identity.territory, _, organisation=name
        ),
        file_name=f"veille-diagnostic-{screen.slug}-v{screen.opened.revision}.xlsx",
        mime=XLSX_MIME,
        key="watch_dl_xlsx",
        on_click="ignore",
    )

"""The « Veille territoriale » screen on both sample cases, in French and in English."""

from __future__ import annotations

from pathlib import Path

import pytest

from essdiag.store import Workspace
from tests.app.apptest import frame_with, open_sample, start

DATA = Path(__file__).parents[1] / "data" / "watch"


@pytest.mark.parametrize("case", ["recyclerie", "scic-energie"])
def test_the_screen_shows_gaps_journal_and_ecosystem(case: str, db_url: str) -> None:
    at = start()
    open_sample(at, case)
    at.switch_page("pages/watch.py").run()
    assert not at.exception
    assert at.title[0].value == "Veille territoriale"
    assert len(frame_with(at, "Écart relatif")) > 0
    journal = frame_with(at, "Catégorie PESTEL")
    assert len(journal) >= 1
    actors = frame_with(at, "Lu dans le registre des financements")
    assert "Oui" in set(actors["Lu dans le registre des financements"])  # funders not typed twice
    assert any("illustratives" in w.value for w in at.warning)


def test_english_screen(db_url: str) -> None:
    at = start("en")
    open_sample(at)
    at.switch_page("pages/watch.py").run()
    assert not at.exception
    assert at.title[0].value == "Territorial watch"


def test_searching_the_journal_filters_the_table(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/watch.py").run()
    at.text_input(key="watch_q").set_value("énergie").run()
    assert not at.exception
    titles = list(frame_with(at, "Catégorie PESTEL")["Titre"])
    assert titles and all("lectricit" in t or "énergie" in t.lower() for t in titles)


def test_retaining_a_candidate_need_saves_it_with_its_rule(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/watch.py").run()
    before = len(at.session_state["dossier_current"].dossier.watch.needs)
    pick = at.multiselect(key="watch_candidates_pick")
    pick.select(pick.options[0])
    at.button(key="FormSubmitter:watch_candidates_form-Retenir ces besoins").click().run()
    assert not at.exception
    needs = at.session_state["dossier_current"].dossier.watch.needs
    assert len(needs) == before + 1
    assert "au-delà du seuil" in needs[-1].rule and needs[-1].evidence


def test_importing_a_feed_adds_items_once(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/watch.py").run()
    raw = (DATA / "feed_rss2.xml").read_bytes()
    at.file_uploader(key="watch_feed_file").set_value(("veille.xml", raw, "application/xml")).run()
    at.button(key="watch_feed_go").click().run()
    assert not at.exception
    journal = at.session_state["dossier_current"].dossier.watch.journal
    assert len(journal) == 15 + 3
    ws = Workspace(db_url)
    assert ws.revisions(at.session_state["dossier_current"].id)[0].message.startswith(
        "3 article(s)"
    )


def test_a_kept_view_is_formatted_once_per_language_and_reads_as_its_view() -> None:
    """What the screens keep between reruns (essdiag.ui.kept) shows what the view shows."""
    import pandas as pd

    from essdiag.figures import Column, View
    from essdiag.i18n import translator
    from essdiag.ui.kept import KeptView

    view = View((Column("n", "Montant", "EUR", digits=0),), pd.DataFrame({"n": [-12299.5]}))
    kept = KeptView.of_view(view)
    fr, en = translator("fr"), translator("en")
    assert kept.display(fr) is kept.display(fr)
    assert kept.display(fr).equals(view.display(fr))
    assert kept.display(en).equals(view.display(en))
    assert kept.csv(fr) == view.csv(fr) and kept.csv(en) == view.csv(en)
    assert KeptView.of_view(kept) is kept

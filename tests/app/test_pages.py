"""Every registered screen runs, and the home and identity screens do their job.

AppTest runs the real app.py (st.navigation) without a browser; the workspace
is a fresh SQLite file per test.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from essdiag.ledger.storage import ORIGINAL_KIND, PARQUET_KIND
from essdiag.store import Workspace
from tests.app.apptest import open_sample, start

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "bad_dossiers"


def registered_pages() -> list[str]:
    """Paths listed in app.py's NAVIGATION, read from its source."""
    tree = ast.parse((REPO / "app.py").read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "NAVIGATION":
            return [
                c.value
                for c in ast.walk(node)
                if isinstance(c, ast.Constant) and str(c.value).startswith("pages/")
            ]
    raise AssertionError("NAVIGATION not found in app.py")


def test_every_page_file_is_registered_and_exists() -> None:
    pages = registered_pages()
    on_disk = sorted(
        f"pages/{p.name}" for p in (REPO / "pages").glob("*.py") if not p.name.startswith("_")
    )
    assert sorted(pages) == on_disk


@pytest.mark.parametrize("page", registered_pages())
def test_every_page_runs_without_and_with_a_dossier(page: str, db_url: str) -> None:
    at = start()
    at.switch_page(page).run()
    assert not at.exception
    assert at.title, f"{page} has no title"
    at.switch_page("pages/home.py").run()
    open_sample(at)
    at.switch_page(page).run()
    assert not at.exception


def test_workspace_is_seeded_with_sample_cases_and_their_accounts(db_url: str) -> None:
    at = start()
    assert at.title[0].value == "Accueil"
    names = set(at.dataframe[0].value["Structure"])
    assert names == {"La Ressourcerie des Confluences", "Argoat Énergies Citoyennes"}
    ws = Workspace(db_url)
    recyclerie = next(d for d in ws.list_dossiers() if d.name.startswith("La Ressourcerie"))
    dossier, head = ws.load(recyclerie.id)
    assert head == 2 and len(dossier.ledger.imports) == 2  # FEC 2025 and FEC 2026
    kinds = {a.kind for a in ws.attachments(recyclerie.id)}
    assert {PARQUET_KIND, ORIGINAL_KIND} <= kinds  # the accounts
    assert {"hr-workforce-parquet", "hr-survey-parquet"} <= kinds  # and the workforce register


def test_open_sample_then_edit_identity_makes_a_revision(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/identity.py").run()
    assert at.text_input(key="identity_name").value
    at.number_input(key="identity_headcount").set_value(31)
    at.text_input(key="identity_message").set_value("Embauches de novembre")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    # Revision 1 is the copy, 2 the case's accounts (FEC, budget), 3 this edit.
    assert any("Enregistré (version 3)" in s.value for s in at.success)
    ws = Workspace(db_url)
    opened = ws.list_dossiers()[0]
    assert opened.head == 3
    assert ws.load(opened.id)[0].identity.headcount == 31
    assert ws.revisions(opened.id)[0].message == "Embauches de novembre"


def test_invalid_identity_is_not_saved_and_says_why(db_url: str) -> None:
    at = start()
    open_sample(at)
    heads = {d.id: d.head for d in Workspace(db_url).list_dossiers()}
    at.switch_page("pages/identity.py").run()
    at.text_input(key="identity_siren").set_value("123456789")
    at.button[0].click().run()
    assert not at.exception
    assert "Rien n'a été enregistré" in at.error[0].value
    assert "clé de contrôle (Luhn)" in at.error[0].value
    ws = Workspace(db_url)
    assert {d.id: d.head for d in ws.list_dossiers()} == heads


def test_stale_save_keeps_the_edit_and_offers_choices(db_url: str) -> None:
    at = start()
    open_sample(at)
    ws = Workspace(db_url)
    info = ws.list_dossiers()[0]
    d, rev = ws.load(info.id)
    ws.save(info.id, d, base=rev, author="collègue", message="en parallèle")
    at.switch_page("pages/identity.py").run()
    at.number_input(key="identity_volunteers").set_value(50)
    at.button[0].click().run()
    assert not at.exception
    assert "enregistré par quelqu'un d'autre" in at.error[0].value
    assert ws.head(info.id) == rev + 1  # nothing written over the colleague's save
    at.button(key="conflict_force").click().run()
    assert ws.head(info.id) == rev + 2
    assert ws.load(info.id)[0].identity.volunteers == 50


def test_bad_import_leaves_the_open_dossier_untouched(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/home.py").run()  # opening a copy leads to its first useful screen
    before = at.session_state["dossier_current"]
    raw = (CORPUS / "bad_siren_checksum.json").read_bytes()
    at.file_uploader(key="home_import_file").set_value(("bad.json", raw, "application/json")).run()
    at.button(key="home_import_go").click().run()
    assert not at.exception
    assert "n'a pas été importé" in at.error[0].value
    assert at.session_state["dossier_current"] == before


def test_good_import_creates_a_new_dossier(db_url: str) -> None:
    at = start()
    count = len(Workspace(db_url).list_dossiers())
    raw = json.dumps(
        json.loads((REPO / "sample_data" / "blank" / "dossier.json").read_text("utf-8"))
    ).encode()
    at.file_uploader(key="home_import_file").set_value(
        ("nouveau.json", raw, "application/json")
    ).run()
    at.button(key="home_import_go").click().run()
    assert not at.exception
    assert len(Workspace(db_url).list_dossiers()) == count + 1


def test_restore_an_old_version(db_url: str) -> None:
    at = start()
    open_sample(at)
    at.switch_page("pages/identity.py").run()
    at.text_input(key="identity_name").set_value("Nom provisoire")
    at.button[0].click().run()
    at.switch_page("pages/home.py").run()
    at.selectbox(key="home_restore_choice").set_value(2)  # before the rename
    at.button(key="FormSubmitter:home_restore_form-Restaurer cette version").click().run()
    assert not at.exception
    current = at.session_state["dossier_current"]
    assert current.revision == 4
    assert current.dossier.identity.name == "La Ressourcerie des Confluences"
    assert current.dossier.ledger.imports  # the accounts of revision 2 came back too


def test_english_interface(db_url: str) -> None:
    at = start()
    at.selectbox(key="app_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Home"


def test_the_dossier_chooser_keeps_its_labels_when_a_dossier_is_saved(db_url: str) -> None:
    """Streamlit keeps a selectbox's choice by its label: a label with the version number
    went stale after a save (the browser showed "version 2" beside a table saying 3)."""
    at = start()
    open_sample(at)
    at.switch_page("pages/home.py").run()
    before = list(at.selectbox(key="home_open_choice").options)
    at.switch_page("pages/identity.py").run()
    at.number_input(key="identity_headcount").set_value(32)
    at.button[0].click().run()
    at.switch_page("pages/home.py").run()
    assert not at.exception
    assert sorted(at.selectbox(key="home_open_choice").options) == sorted(before)
    assert len(set(before)) == len(before)  # two copies of a case read apart


def test_the_sidebar_page_names_and_card_labels_wrap_instead_of_being_cut(db_url: str) -> None:
    # Streamlit writes a page link's name on one line, cut at the sidebar's edge
    # (« Santé financière et investissement » lost its last letter), and a card's label cut
    # before its period; the app's style wraps both. The browser check: screenshots of the
    # sidebar and of the treasury cards in both languages (issue #11).
    at = start()
    styles = [e.proto.body for e in at.get("html")]
    ours = [s for s in styles if '[data-testid="stPageLink-NavLink"]' in s]
    assert len(ours) == 1
    rules = ours[0].removeprefix("<style>").removesuffix("</style>").split("}")
    wrapped = [r for r in rules if "white-space: normal" in r and "text-overflow: clip" in r]
    assert any(
        r.startswith('[data-testid="stSidebar"] [data-testid="stPageLink-NavLink"]')
        for r in wrapped
    )
    assert any('[data-testid="stMetricLabel"]' in r for r in wrapped)

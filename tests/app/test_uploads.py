"""Every file uploader of the app, fed damaged files: no exception, a French message on screen.

The damaged files are the fuzz suite's (:func:`tests.fuzz.corpus.edges`),
built from each uploader's own kind of file: an empty file, random bytes, a
workbook given as text and text given as a workbook, a zip bomb, damaged
XML and deflate streams inside a workbook, NUL bytes, huge or infinite
numbers, truncated JSON, an entity bomb in a feed. Each is uploaded, its
import button pressed when the screen offers one, and the screen must:

* raise nothing (``at.exception`` empty) and not fall back on the app
  frame's last resort (« Une erreur inattendue a interrompu cet écran »);
* show at least one error or warning, in French (no English library text:
  the fuzz suite's check), and keep the open dossier at its version.

The short profile sends two files per uploader; ``make fuzz`` (the long
profile) sends them all.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from streamlit.testing.v1 import AppTest

from essdiag.ui.state import CURRENT
from tests.app.apptest import open_sample, start
from tests.fuzz import corpus
from tests.fuzz.contract import english_in, input_text
from tests.fuzz.harness import PROFILE

LAST_RESORT = ("Une erreur inattendue a interrompu cet écran", "unexpected error interrupted")


@dataclass(frozen=True)
class Uploader:
    """One file uploader of the app and how its screen imports.

    Attributes:
        page: the page file.
        key: the uploader's key (or the start of it, for keys that change after an import).
        kind: the kind of file it takes (a key of ``tests.fuzz.readers.SEEDS``).
        name: the file name given to the upload.
        go: the key of the button that imports, or the label of the form's submit button.
        sample: whether a sample dossier must be open first.
        tab: the screen's tab that holds the uploader (session key, label), when the
            screen draws only its open tab.
    """

    page: str
    key: str
    kind: str
    name: str
    go: str | None = None
    sample: bool = True
    tab: tuple[str, str] | None = None


UPLOADERS = (
    Uploader("pages/home.py", "home_import_file", "dossier_json", "dossier.json", "home_import_go", sample=False),
    Uploader("pages/home.py", "home_import_file", "dossier_xlsx", "dossier.xlsx", "home_import_go", sample=False),
    Uploader("pages/ledger.py", "ledger_fec_upload", "fec", "FEC_2026.txt", "ledger_fec_import"),
    Uploader("pages/ledger.py", "ledger_table_upload", "table_csv", "ecritures.csv", "Contrôler et importer"),
    Uploader("pages/ledger.py", "ledger_table_upload", "table_xlsx", "ecritures.xlsx", "Contrôler et importer"),
    Uploader("pages/budget.py", "budget_upload", "budget_xlsx", "budget.xlsx", "budget_upload_apply"),
    Uploader("pages/budget.py", "budget_upload", "budget_csv", "budget.csv", "budget_upload_apply"),
    Uploader("pages/risks.py", "risks_import_file", "register_xlsx", "registre.xlsx", "risks_import_go"),
    Uploader("pages/watch.py", "watch_feed_file", "feed_xml", "flux.xml", "watch_feed_go"),
    Uploader("pages/watch.py", "watch_feed_file", "journal_csv", "journal.csv", "watch_feed_go"),
    Uploader("pages/watch.py", "watch_insee_file", "insee_csv", "insee.csv", "watch_insee_go"),
    Uploader("pages/hr.py", "hr_register_file", "workforce_csv", "effectif.csv", "Importer le registre"),
    Uploader("pages/hr.py", "hr_register_file", "workforce_xlsx", "effectif.xlsx", "Importer le registre"),
    Uploader("pages/hr.py", "hr_survey_file", "qvt_csv", "qvt.csv", "hr_survey_go", tab=("hr_tab", "Social et QVT")),
    Uploader("pages/impact.py", "impact_sroi_upload", "sroi_json", "sroi.json", "impact_sroi_replace"),
    Uploader("pages/publics.py", "publics_upload", "survey_csv", "reponses.csv", "publics_import_go"),
    Uploader("pages/publics.py", "publics_upload", "survey_xlsx", "reponses.xlsx", "publics_import_go"),
)  # fmt: skip
"""Every uploader of the app (``test_every_uploader_is_listed`` keeps this complete)."""

REFUSED = {
    "xlsx": ("empty", "random_binary", "zip_bomb", "text_as_workbook", "zlib_damage",
             "xml_syntax_error", "multi_disk", "unsupported_method", "truncated_half"),
    "table": ("random_binary", "empty", "nul_bytes", "pdf", "gzip", "ole2_xls"),
    "json": ("truncated_half", "empty", "huge_integer", "random_binary", "infinite_number",
             "top_level_list", "deep_nesting", "nul_bytes"),
    "xml": ("feed_entity_bomb", "empty", "feed_html", "random_binary", "truncated_half", "pdf"),
}  # fmt: skip
"""Damaged files that no reader may accept silently, by family, the most telling first."""
PER_UPLOADER = 2 if PROFILE == "short" else None


def damaged(kind: str) -> list[tuple[str, bytes]]:
    names = REFUSED[corpus.family(kind)][:PER_UPLOADER]
    built = dict(corpus.edges(kind, heavy=True)) if PROFILE != "short" else {}
    if not built:
        built = {
            e.name: e.build(corpus.first_seed((kind,)))
            for e in corpus.EDGES
            if e.name in names and corpus.family(kind) in e.families
        }
    return [(n, built[n]) for n in names if n in built]


def _revision(at: AppTest) -> tuple[str, int] | None:
    """The open dossier and its version (None when none is open)."""
    opened = at.session_state[CURRENT] if CURRENT in at.session_state else None  # noqa: SIM401 - no .get on AppTest's state
    return (opened.id, opened.revision) if opened is not None else None


def _messages(at: AppTest) -> list[str]:
    return [e.value for e in (*at.error, *at.warning)]


def _checked(at: AppTest, raw: bytes, where: str) -> list[str]:
    assert not at.exception, f"{where}: {at.exception}"
    shown = _messages(at)
    assert not any(marker in m for m in shown for marker in LAST_RESORT), f"{where}: {shown}"
    for message in shown:
        word = english_in(message, input_text(raw))
        assert word is None, f"{where}: English « {word} » in {message}"
    return shown


def _press(at: AppTest, go: str) -> bool:
    """Press the import button (by key) or the form's submit button (by label), when shown."""
    for button in at.button:
        if (button.key == go or getattr(button, "label", None) == go) and not button.disabled:
            button.click().run()
            return True
    return False


def _uploader(at: AppTest, prefix: str) -> object:
    found = [u for u in at.file_uploader if (u.key or "").startswith(prefix)]
    assert found, f"no uploader {prefix} on the screen"
    return found[0]


PAGES = sorted({u.page for u in UPLOADERS})


@pytest.mark.parametrize("page", PAGES, ids=[p.removeprefix("pages/") for p in PAGES])
def test_damaged_files_read_as_french_messages(db_url: str, page: str) -> None:
    at = start()
    if any(u.sample for u in UPLOADERS if u.page == page):
        open_sample(at)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    revision = _revision(at)
    for up in (u for u in UPLOADERS if u.page == page):
        if up.tab is not None:
            at.session_state[up.tab[0]] = up.tab[1]
            at.run()
        for name, raw in damaged(up.kind):
            where = f"{up.page} {up.key} ← {up.kind}/{name}"
            _uploader(at, up.key).set_value((up.name, raw, "application/octet-stream")).run()  # type: ignore[attr-defined]
            shown = _checked(at, raw, where)
            if up.go and _press(at, up.go):
                shown = _checked(at, raw, where + " (import)")
            assert shown, f"{where}: nothing said about a damaged file"
            assert _revision(at) == revision, f"{where}: the open dossier changed"


def test_every_uploader_is_listed() -> None:
    """A new uploader in essdiag/ui joins this test (its key appears in UPLOADERS)."""
    import ast
    from pathlib import Path

    keys = set()
    for path in sorted((Path(__file__).resolve().parents[2] / "essdiag" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", getattr(node.func, "id", "")) == "file_uploader"
            ):
                for kw in node.keywords:
                    if kw.arg == "key":
                        keys.add(ast.unparse(kw.value).strip("'\""))
    listed = {u.key for u in UPLOADERS} | {"upload_key()", "key"}
    assert keys <= listed, f"uploaders without a damaged-file test: {sorted(keys - listed)}"


FAILING_SCREEN = """
import streamlit as st
from essdiag.errors import StaleRevisionError
from essdiag.ui import errors

try:
    if st.session_state.get("kind") == "library":
        raise StaleRevisionError()
    raise RuntimeError("INSERT INTO dossiers VALUES ('secret', 'p@ss') -- SQL and its parameters")
except Exception as exc:
    errors.show_unexpected(exc, page="test")
"""


@pytest.mark.parametrize(
    ("lang", "says"), [("fr", "Une erreur inattendue"), ("en", "An unexpected")]
)
def test_an_unexpected_error_is_a_message_with_a_reference(
    caplog: pytest.LogCaptureFixture, lang: str, says: str
) -> None:
    """What ``app.py`` shows when a screen raises: no traceback, no SQL, a reference to the log."""
    at = AppTest.from_string(FAILING_SCREEN)
    at.session_state["app_lang"] = lang
    with caplog.at_level("ERROR", logger="essdiag.app"):
        at.run()
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert says in message and "secret" not in message and "INSERT" not in message
    (record,) = [r for r in caplog.records if r.name == "essdiag.app"]
    ref = record.args[1]  # type: ignore[index]
    assert f"{ref}" in message and record.exc_info is not None
    assert "INSERT INTO dossiers" in "".join(str(a) for a in record.exc_info[1].args)  # type: ignore[index]
    assert [b.key for b in at.button] == ["app_error_reload"]


def test_an_uncaught_library_error_says_what_it_is() -> None:
    at = AppTest.from_string(FAILING_SCREEN)
    at.session_state["kind"] = "library"
    at.run()
    (message,) = [e.value for e in at.error]
    assert message.startswith("Le dossier a été enregistré par quelqu'un d'autre")
    assert "Référence pour l'assistance" in message


def test_the_app_runs_every_page_inside_the_last_resort() -> None:
    """``app.py`` runs the page in a ``try`` whose handler shows :func:`errors.show_unexpected`."""
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).resolve().parents[2] / "app.py").read_text("utf-8"))
    (guard,) = [n for n in tree.body if isinstance(n, ast.Try)]
    assert ast.unparse(guard.body[0]) == "current.run()"
    (handler,) = guard.handlers
    assert ast.unparse(handler.type) == "Exception"  # type: ignore[arg-type]
    assert "errors.show_unexpected(exc" in ast.unparse(handler)


def test_streamlit_hides_its_error_details_and_limits_uploads_as_the_readers_do() -> None:
    import tomllib
    from pathlib import Path

    from essdiag.guards import FORM_LIMITS, TABLE_LIMITS, MiB

    config = tomllib.loads(
        (Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text("utf-8")
    )
    assert config["client"]["showErrorDetails"] == "none"  # `streamlit config show` lists it
    assert config["server"]["maxUploadSize"] == TABLE_LIMITS.max_bytes // MiB  # the largest
    assert FORM_LIMITS.max_bytes < TABLE_LIMITS.max_bytes

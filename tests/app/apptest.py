"""Helpers shared by the screen tests (AppTest runs app.py without a browser)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
APP = str(REPO / "app.py")


def start(lang: str = "fr") -> AppTest:
    """The app, run once, in a language, with no exception."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["app_lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def open_sample(at: AppTest, key: str = "recyclerie") -> AppTest:
    """Open a copy of a sample case from the home page."""
    at.button(key=f"home_sample_{key}").click().run()
    assert not at.exception, at.exception
    return at


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    """The first table on the screen that has this column (AppTest does not expose keys)."""
    for element in at.dataframe:
        if column in element.value.columns:
            return element.value
    raise AssertionError(f"no table with a column {column!r}")


def plain(text: str) -> str:
    """Babel's narrow and no-break spaces as plain spaces, for readable assertions."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def samples_without_accounts(root: Path) -> Path:
    """The sample cases' dossiers and narratives under ``root``, without their FEC and budget.

    For screens that must work from what the user typed in by hand (a dossier
    whose accounts were never imported).
    """
    for case in (REPO / "sample_data").iterdir():
        if (case / "dossier.json").is_file():
            dst = root / case.name
            dst.mkdir(parents=True)
            for name in ("dossier.json", "README.md"):
                (dst / name).write_bytes((case / name).read_bytes())
    return root

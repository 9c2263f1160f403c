"""File uploaders that speak the reader's language and say what they accept.

Streamlit writes its uploader's button (« Upload ») and its limit line
(« 200MB per file • TXT, CSV ») in English and offers no parameter to change
them (streamlit/streamlit#13500). :func:`frame_texts`, called once per run by
``app.py``, replaces the button's text for every uploader through CSS;
:func:`file_uploader` draws one uploader with its limit line in the reader's
language (« 20 Mo au plus par fichier • JSON, XLSX »), scoped to its key
(Streamlit gives each keyed element the class ``st-key-<key>``), and with the
limit passed to Streamlit so that the browser refuses a larger file at once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import streamlit as st

from essdiag.ui import state

__all__ = ["file_uploader", "frame_texts"]

_BUTTON = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
_LIMIT = '[data-testid="stFileUploaderDropzoneInstructions"] span'


def _css_text(text: str) -> str:
    """A CSS string literal (JSON's escaping is valid CSS for these characters)."""
    return json.dumps(text, ensure_ascii=False)


def _style(css: str) -> None:
    st.html(f"<style>{css}</style>")


def frame_texts() -> None:
    """Every uploader's button in the reader's language (called once per run by app.py)."""
    _ = state.tr()
    _style(
        f"{_BUTTON} {{font-size: 0;}}"
        f"{_BUTTON}::after {{content: {_css_text(_('Choisir un fichier'))}; font-size: 1rem;}}"
    )


def limit_text(limit_mb: int, types: Sequence[str]) -> str:
    """The uploader's limit line in the reader's language."""
    _ = state.tr()
    kinds = ", ".join(t.lstrip(".").upper() for t in types)
    text = _("{n} Mo au plus par fichier", n=limit_mb)
    return f"{text} • {kinds}" if kinds else text


def file_uploader(
    label: str,
    *,
    types: Sequence[str],
    key: str,
    limit_mb: int,
    help: str | None = None,
    **kwargs: Any,
) -> Any:
    """``st.file_uploader`` with its limit line translated and its size limit enforced."""
    _style(
        f".st-key-{key} {_LIMIT} {{font-size: 0;}}"
        f".st-key-{key} {_LIMIT}::after {{content: {_css_text(limit_text(limit_mb, types))};"
        " font-size: 0.875rem;}"
    )
    return st.file_uploader(
        label, type=list(types), key=key, help=help, max_upload_size=limit_mb, **kwargs
    )

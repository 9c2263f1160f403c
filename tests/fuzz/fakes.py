"""Readers that break the contract on purpose: the fuzz suite's checks must catch each.

Loaded by the worker beside the registry when ``ESSDIAG_FUZZ_EXTRA=fakes``
(see ``tests/fuzz/test_contract.py``); never part of :data:`readers.READERS`.
"""

from __future__ import annotations

import os
import time
from typing import Any

from readers import Reader  # type: ignore[import-not-found]  # the worker's own path


def _issue(template: str, **fields: Any) -> Any:
    from essdiag.errors import Issue

    return Issue(code="fake", template=template, file="f.csv", **fields)


def good(raw: bytes) -> Any:
    return None, [_issue("Le fichier est vide.")]


def english(raw: bytes) -> Any:
    return None, [_issue("Le fichier ne se lit pas : {e}.", params={"e": "File is not a zip file"})]


def placeholder(raw: bytes) -> Any:
    return None, [_issue("« {column} » est obligatoire et manque.")]


def no_line(raw: bytes) -> Any:
    return [], [
        _issue("Montant non numérique « {value} » : ligne mise de côté.", params={"value": "x"})
    ]


def silent(raw: bytes) -> Any:
    return None, []


def escapes(raw: bytes) -> Any:
    return {}[raw]


def shape(raw: bytes) -> Any:
    return "a value without issues"


def netted(raw: bytes) -> Any:
    from essdiag.guards import reader

    @reader
    def inner(raw: bytes, *, file: str | None = None) -> Any:
        return 1 / 0

    return inner(raw, file="f.csv")


def greedy(raw: bytes) -> Any:
    return bytearray(6 * 1024**3), []


def aborts(raw: bytes) -> Any:
    os.abort()


def hangs(raw: bytes) -> Any:
    time.sleep(600)


def spins(raw: bytes) -> Any:
    end = time.process_time() + 0.8
    while time.process_time() < end:
        pass
    return None, [_issue("Le fichier est vide.")]


def own_error(raw: bytes) -> Any:
    from essdiag.errors import UnreadableFileError

    raise UnreadableFileError


FAKES = (good, english, placeholder, no_line, silent, escapes, shape, netted, greedy)
FAKES += (aborts, hangs, spins, own_error)
READERS = tuple(
    Reader(f"fakes.{fn.__name__}", ("table_csv",), "f.csv", lambda f, raw, file, ctx: f(raw))
    for fn in FAKES
)

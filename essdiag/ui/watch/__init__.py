"""The « Veille territoriale » screen, one module per tab (``pages/watch.py`` lays them out).

Every tab's ``show(screen)`` takes the :class:`~essdiag.ui.screen.Screen` of
the ``watch`` section. Tables, figures and rules come from
:mod:`essdiag.watch`; edits are whole-section dicts validated by :func:`save`
before anything is stored.
"""

from __future__ import annotations

from typing import Any

from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.validation import validate_as
from essdiag.watch.section import WatchSection

__all__ = ["save", "updated"]


def updated(screen: Screen[WatchSection], **changes: Any) -> dict[str, Any]:
    """The section as a dict with some fields replaced (models are dumped first)."""
    data = screen.section.model_dump(mode="json")
    for key, value in changes.items():
        data[key] = _plain(value)
    return data


def _plain(value: Any) -> Any:
    """Models dumped to JSON-ready dicts, lists of them too; other values as they are."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value


def save(screen: Screen[WatchSection], data: dict[str, Any], message: str) -> None:
    """Validate a whole watch section and save it; bad input is said in French, nothing saved."""
    new_section, issues = validate_as(WatchSection, data, prefix=("watch",))
    if new_section is None:
        widgets.show_issues(
            issues, title=screen.tr("Rien n'a été enregistré : corrigez ces points.")
        )
        return
    save_section(screen, new_section, message)

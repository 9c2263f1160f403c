"""Which French messages of the source tree lack a translation (``make i18n``).

Extracts every ``_()`` and ``N_()`` string from ``essdiag/``, ``pages/`` and
``app.py`` with babel, and compares with the merged catalog of a language.

Usage: ``python -m essdiag.i18n.missing [ROOT]`` prints one missing message a
line and exits 1 when any is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract, extract_from_dir

from essdiag.i18n import _catalog

__all__ = ["french_messages", "missing_translations"]

KEYWORDS = {"_": None, "N_": None}


def french_messages(root: Path) -> set[str]:
    """Every message marked for translation under ``root``."""
    found: set[str] = set()
    for folder in ("essdiag", "pages"):
        if (root / folder).is_dir():
            for _file, _line, message, _comments, _ctx in extract_from_dir(
                root / folder, keywords=KEYWORDS, comment_tags=()
            ):
                if isinstance(message, str) and message:
                    found.add(message)
    app = root / "app.py"
    if app.is_file():
        with app.open("rb") as fh:
            for _line, message, _comments, _ctx in extract(
                "python", fh, keywords=KEYWORDS, comment_tags=()
            ):
                if isinstance(message, str) and message:
                    found.add(message)
    return found


def missing_translations(root: Path, lang: str = "en") -> list[str]:
    """Messages of the tree with no translation in ``lang``, sorted."""
    known = _catalog(lang)
    return sorted(m for m in french_messages(root) if m not in known)


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    missing = missing_translations(root)
    for message in missing:
        print(message)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

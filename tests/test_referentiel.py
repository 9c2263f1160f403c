"""The RNCP38126 competency map that every screen's header cites."""

from __future__ import annotations

from essdiag.referentiel import BLOCKS, COMPETENCIES


def test_competency_map_matches_the_official_sheet() -> None:
    # RNCP38126: block 1 lists 8 competencies, block 2 ten, block 3 nine.
    counts = {b: sum(c.block == b for c in COMPETENCIES.values()) for b in BLOCKS}
    assert counts == {"BC01": 8, "BC02": 10, "BC03": 9}


def test_codes_are_their_keys_and_every_badge_has_words() -> None:
    assert all(code == c.code and c.short and c.text for code, c in COMPETENCIES.items())

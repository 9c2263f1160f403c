"""The ESS risk library: its entries, and a risk made from one on the matrix in force."""

from __future__ import annotations

from datetime import date

import pytest

from essdiag.i18n import translator
from essdiag.risks import RiskSection, default_matrix
from essdiag.risks.library import library, library_entry, library_view, risk_from_library


def test_library_has_at_least_25_typical_ess_risks_in_french() -> None:
    entries = library()
    assert len(entries) >= 25
    assert len({e.key for e in entries}) == len(entries)
    titles = " ".join(e.title.lower() for e in entries)
    for expected in (
        "financeur principal",
        "retard de versement",
        "reversement",
        "esus",
        "agrément",
        "bénévoles",
        "personne clé",
        "conflit de gouvernance",
        "sans renouvellement",
        "assurance",
        "données personnelles",
        "accessibilité",
        "accident du travail",
        "fournisseur",
        "énergie",
    ):
        assert expected in titles, expected
    assert all(e.cause and e.consequence and e.controls for e in entries)
    assert {e.category for e in entries} >= {
        "financial",
        "human",
        "governance",
        "legal",
        "operational",
        "digital",
    }


@pytest.mark.parametrize(("size", "expected"), [(5, (3, 5)), (4, (2, 4)), (3, (2, 3))])
def test_library_entry_lands_on_the_matrix_in_force(size: int, expected: tuple[int, int]) -> None:
    # funder_dependence: typical (3, 5) on 5 levels. 5→4: 3 → ⌈2.5 × 4/5⌉ = 2, 5 → ⌈4.5 × 4/5⌉ = 4;
    # 5→3: 3 → ⌈2.5 × 3/5⌉ = 2, 5 → ⌈4.5 × 3/5⌉ = 3.
    entry = library_entry("funder_dependence")
    r = risk_from_library(
        entry, "R07", default_matrix(size), owner="Directeur", on=date(2026, 11, 2)
    )
    assert (r.inherent.likelihood, r.inherent.impact) == expected
    assert r.library_key == "funder_dependence" and r.owner == "Directeur"
    assert all(a.owner == "Directeur" and a.created_on == date(2026, 11, 2) for a in r.actions)


def test_the_library_table_says_what_is_already_in_the_register(rec: RiskSection) -> None:
    present = {r.library_key for r in rec.risks if r.library_key}
    view = library_view(library(), present)
    shown = view.display(translator("fr"))
    assert list(shown.columns) == [
        "Risque",
        "Catégorie",
        "Déjà dans le registre",
        "Cause",
        "Conséquence",
        "Mesures suggérées",
    ]
    assert len(shown) == len(library())
    assert set(shown["Déjà dans le registre"]) <= {"Oui", "Non"}
    assert (shown["Déjà dans le registre"] == "Oui").sum() == len(
        present & {e.key for e in library()}
    )
    english = view.display(translator("en"))
    assert english.columns[1] == "Category" and "Financial" in set(english["Category"])


def test_every_text_of_the_library_reads_in_english() -> None:
    """The library's texts live in library.toml, where the extraction of messages does not look:
    each one must have its English in the catalog (issue #11: no French left in English)."""
    from essdiag.i18n import _catalog

    english = _catalog("en")
    missing = [
        text
        for e in library()
        for text in (e.title, e.cause, e.consequence, *e.controls, *e.actions)
        if text not in english
    ]
    assert missing == []


def test_a_risk_added_from_the_english_screen_is_written_in_english() -> None:
    en = translator("en")
    r = risk_from_library(library_entry("funder_dependence"), "R01", tr=en)
    assert r.title == "Dependence on one main funder"
    assert r.controls[0] == "Monitoring of the main funder's share and of the concentration index"
    assert r.actions[0].title == "Diversify funding (calls for projects, sponsorship, services)"
    assert r.library_key == "funder_dependence" and r.category.value == "financial"
    view = library_view(library()[:1], tr=en).display(en)
    assert view.iloc[0]["Suggested controls"].startswith(
        "Monitoring of the main funder's share and of the concentration index; Annual management"
    )
    fr = library_view(library()[:1]).display(translator("fr"))
    assert " ; Dialogue de gestion annuel" in fr.iloc[0]["Mesures suggérées"]

"""What the accounts screen shows (``essdiag.ledger.views``): the imports view, a reading figure."""

from __future__ import annotations

from essdiag.i18n import translator
from essdiag.ledger import LedgerImport, LedgerSection, read_fec
from essdiag.ledger.section import ImportKind
from essdiag.ledger.views import imports_view, read_figure
from tests.ledger.fec_text import SMALL


def test_imports_view_in_both_languages() -> None:
    section = LedgerSection(
        imports=[
            LedgerImport(name="FEC_2025.txt", parquet_id="p1", fiscal_year=2025, lines_read=3494,
                         lines_kept=3494, first_date="2025-01-01", last_date="2025-12-31"),
            LedgerImport(name="reel.csv", kind=ImportKind.TABLE, parquet_id="p2", lines_kept=2),
        ]
    )  # fmt: skip
    view = imports_view(section)
    fr = view.display(translator("fr"))
    assert list(fr.columns) == [
        "Fichier", "Type", "Exercice", "Lignes importées", "Lignes lues", "Problèmes", "Du", "Au",
    ]  # fmt: skip
    assert fr.iloc[0].tolist()[:4] == ["FEC_2025.txt", "FEC", "2025", "3\u202f494"]
    assert fr.iloc[0]["Du"] == "1 janv. 2025"
    assert fr.iloc[1].tolist()[1:3] == ["Tableau CSV ou XLSX", "–"]
    en = view.display(translator("en"))
    assert en.iloc[0].tolist()[:4] == ["FEC_2025.txt", "FEC", "2025", "3,494"]
    assert en.iloc[1]["Type"] == "CSV or XLSX table"


def test_read_figure_carries_how_the_file_was_read() -> None:
    result = read_fec(SMALL.encode(), file="f.txt")
    figure = read_figure(result)
    assert figure.value == 6 and figure.tone == "good"
    assert figure.read(translator("fr")) == ("6 ligne(s) importable(s) sur 6 ; 0 mise(s) de côté.")
    steps = figure.steps(translator("fr"))
    assert steps[0] == "Lignes importables = lignes lues − lignes mises de côté"
    assert any("A47 A-1" in s for s in steps)
    assert all("{" not in s for s in figure.steps(translator("en")))

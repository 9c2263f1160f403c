"""Issues written for the reader, and their table."""

from __future__ import annotations

from essdiag.errors import Issue, Severity
from essdiag.figures.issues import issue_text, issues_view
from essdiag.i18n import Money, translator

FR, EN = translator("fr"), translator("en")


def test_an_issue_reads_with_raw_values_written_the_readers_way() -> None:
    issue = Issue(
        code="x",
        template="Montant {amount} à la ligne {line} : {n} fois",
        params={"amount": Money.of_cents(-123456), "line": 1200, "n": 1500},
        file="fec.txt",
        line=1200,
        column="Debit",
    )
    assert issue_text(issue, FR) == (
        "Montant −1\u202f234,56\xa0€ à la ligne 1200 : 1\u202f500 fois "
        "(fec.txt, ligne 1200, colonne Debit)"
    )


def test_the_table_has_french_words_and_no_none() -> None:
    found = [
        Issue(code="w", template="Attention", severity=Severity.WARNING),
        Issue(code="e", template="Erreur", file="a.csv", line=3, column="B"),
    ]
    shown = issues_view(found, FR).display(FR)
    assert list(shown.columns) == ["Importance", "Message", "Fichier", "Ligne", "Colonne ou champ"]
    assert shown.iloc[0].tolist() == ["Bloquant", "Erreur", "a.csv", "3", "B"]  # errors first
    assert shown.iloc[1].tolist() == ["À vérifier", "Attention", "", "", ""]
    assert "None" not in shown.to_string()

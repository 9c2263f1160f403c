"""A small FEC written by hand, shared by the ledger tests (reader, frame, storage)."""

from __future__ import annotations

from pathlib import Path

CASE = Path(__file__).resolve().parents[2] / "sample_data" / "recyclerie"
HEADER = (
    "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
    "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
    "ValidDate\tMontantdevise\tIdevise"
)


def row(j: str, n: str, d: str, acc: str, label: str, debit: str, credit: str) -> str:  # noqa: PLR0917 - one argument per FEC field written
    """One FEC line: journal, entry, date, account, label, debit and credit; the rest filled."""
    return "\t".join(
        [j, "J", n, d, acc, "Lib é", "", "", "P", d, label, debit, credit, "", "", d, "", ""]
    )


SMALL = (
    "\n".join(
        [
            HEADER,
            row("AN", "AN1", "20260101", "512000", "Report « banque »", "1000,00", "0,00"),
            row("AN", "AN1", "20260101", "102000", "Report", "0,00", "1000,00"),
            row("AC", "000123", "20260115", "606100", 'Facture "EDF" – janvier', "120,50", "0,00"),
            row("AC", "000123", "20260115", "401000", "Facture", "0,00", "120,50"),
            row("VE", "VE1", "20260220", "411000", "Vente", "80,00", "0,00"),
            row("VE", "VE1", "20260220", "706000", "Vente", "0,00", "80,00"),
        ]
    )
    + "\n"
)
"""Openings, a purchase and a sale of 2026: six lines, balanced."""

"""Imported accounting ledgers (FEC, CSV/XLSX) referenced by attachment id.

A section of the dossier (layer 1, models only). Bulk entries are not in the
dossier JSON: each import is stored as two workspace attachments (the
canonical ledger as Parquet, and the original file for provenance) and the
section keeps their ids, with what the import found. The choices (sign rule of
an amount column, kind of file) are labelled enums (:class:`~essdiag.i18n.LabelledEnum`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from essdiag.i18n import N_, LabelledEnum

__all__ = ["ColumnMapping", "ImportKind", "LedgerImport", "LedgerSection", "SignRule"]


class SignRule(LabelledEnum):
    """How a single signed amount column reads."""

    NATURAL = "natural", N_("Positif = charge (6) ou produit (7)")
    DEBIT_POSITIVE = "debit_positive", N_("Positif = débit")
    CREDIT_POSITIVE = "credit_positive", N_("Positif = crédit")


class ImportKind(LabelledEnum):
    """The kind of an imported ledger file."""

    FEC = "fec", N_("FEC")
    TABLE = "table", N_("Tableau CSV ou XLSX")


class ColumnMapping(BaseModel):
    """Which column of a generic CSV/XLSX file holds what (remembered per dossier).

    Attributes:
        date, account: required columns.
        label, account_label, journal, entry, analytic: optional columns ("" = none).
        amount: one signed amount column, or
        debit, credit: two columns.
        sign: for a single amount column: ``natural`` (positive = charge for
            class 6, income for class 7), ``debit_positive`` or ``credit_positive``.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    date: str = Field(default="", title=N_("Colonne date"))
    account: str = Field(default="", title=N_("Colonne compte"))
    label: str = Field(default="", title=N_("Colonne libellé"))
    account_label: str = Field(default="", title=N_("Colonne libellé du compte"))
    journal: str = Field(default="", title=N_("Colonne journal"))
    entry: str = Field(default="", title=N_("Colonne numéro d'écriture"))
    analytic: str = Field(default="", title=N_("Colonne code analytique"))
    amount: str = Field(default="", title=N_("Colonne montant"))
    debit: str = Field(default="", title=N_("Colonne débit"))
    credit: str = Field(default="", title=N_("Colonne crédit"))
    sign: SignRule = Field(default=SignRule.NATURAL, title=N_("Convention de signe du montant"))


class LedgerImport(BaseModel):
    """One imported ledger file.

    Attributes:
        name: original file name.
        kind: ``fec`` or ``table`` (generic CSV/XLSX).
        fiscal_year: label year of the fiscal year it covers.
        parquet_id: attachment id of the canonical ledger (Parquet).
        original_id: attachment id of the original file.
        lines_read, lines_kept: data lines found and kept.
        issues: number of issues found.
        first_date, last_date: ISO dates of the first and last entries.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    name: str = Field(title=N_("Fichier"))
    kind: ImportKind = Field(default=ImportKind.FEC, title=N_("Type"))
    fiscal_year: int | None = Field(default=None, title=N_("Exercice"))
    parquet_id: str = Field(title=N_("Pièce jointe (Parquet)"))
    original_id: str = Field(default="", title=N_("Pièce jointe (fichier d'origine)"))
    lines_read: int = Field(default=0, ge=0, title=N_("Lignes lues"))
    lines_kept: int = Field(default=0, ge=0, title=N_("Lignes importées"))
    issues: int = Field(default=0, ge=0, title=N_("Problèmes signalés"))
    first_date: str = Field(default="", title=N_("Première écriture"))
    last_date: str = Field(default="", title=N_("Dernière écriture"))


class LedgerSection(BaseModel):
    """Ledgers imported into the dossier.

    Attributes:
        imports: imported files, oldest first.
        mapping: the column mapping last used for a generic CSV/XLSX file.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    imports: list[LedgerImport] = Field(default_factory=list, title=N_("Fichiers importés"))
    mapping: ColumnMapping | None = Field(
        default=None, title=N_("Correspondance des colonnes (CSV/XLSX)")
    )

    def for_year(self, label_year: int) -> list[LedgerImport]:
        """Imports of one fiscal year, oldest first."""
        return [i for i in self.imports if i.fiscal_year == label_year]

    def years(self) -> list[int]:
        """The fiscal years with an import, in order."""
        return sorted({i.fiscal_year for i in self.imports if i.fiscal_year is not None})

    def without(self, parquet_id: str) -> LedgerSection:
        """The section without one import (its attachments stay in the workspace's history)."""
        return self.model_copy(
            update={"imports": [i for i in self.imports if i.parquet_id != parquet_id]}
        )

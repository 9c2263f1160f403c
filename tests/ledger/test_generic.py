"""Generic CSV/XLSX actuals (``essdiag.ledger.generic``): reading, the column mapping, sign rules."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.ledger import (
    ColumnMapping,
    apply_mapping,
    monthly_activity,
    read_table,
    suggest_mapping,
)
from essdiag.ledger.section import SignRule


def test_generic_csv_with_mapping() -> None:
    data = (
        "Date;Compte;Libellé;Débit;Crédit;Code analytique\n"
        "31/01/2026;606100;EDF;120,50;;ACI\n"
        "15/02/2026;706000;Vente;;80,00;RECY\n"
    ).encode("cp1252")
    raw, issues = read_table(data, file="r.csv")
    assert raw is not None and issues == []
    mapping = suggest_mapping(list(raw.columns))
    assert (mapping.debit, mapping.credit, mapping.analytic) == (
        "Débit",
        "Crédit",
        "Code analytique",
    )
    ledger, issues = apply_mapping(raw, mapping)
    assert ledger is not None and issues == []
    assert ledger["analytic"].tolist() == ["ACI", "RECY"]
    act = monthly_activity(ledger, date(2026, 1, 1), date(2026, 12, 31))
    assert act["amount_cents"].tolist() == [12050, 8000]


def test_generic_xlsx_single_amount_natural_sign() -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Compte", "Montant"])
    ws.append([pd.Timestamp("2026-03-31").to_pydatetime(), 606100, 99.9])
    ws.append([pd.Timestamp("2026-03-31").to_pydatetime(), "706000", 50])
    buf = io.BytesIO()
    wb.save(buf)
    raw, _ = read_table(buf.getvalue())
    assert raw is not None
    ledger, issues = apply_mapping(
        raw, ColumnMapping(date="Date", account="Compte", amount="Montant")
    )
    assert ledger is not None and issues == []
    assert ledger["debit_cents"].tolist() == [9990, 0]
    assert ledger["credit_cents"].tolist() == [0, 5000]


def test_sign_rules_of_a_single_amount_column() -> None:
    raw = pd.DataFrame({"D": ["31/01/2026", "31/01/2026"], "C": ["606", "706"], "M": ["10", "-5"]})
    for sign, debits, credits in (
        (SignRule.NATURAL, [1000, 500], [0, 0]),
        (SignRule.DEBIT_POSITIVE, [1000, 0], [0, 500]),
        (SignRule.CREDIT_POSITIVE, [0, 500], [1000, 0]),
    ):
        mapping = ColumnMapping(date="D", account="C", amount="M", sign=sign)
        ledger, issues = apply_mapping(raw, mapping)
        assert ledger is not None and issues == [], sign
        assert ledger["debit_cents"].tolist() == debits, sign
        assert ledger["credit_cents"].tolist() == credits, sign
    # The rule is kept by its value in the dossier.
    assert ColumnMapping(sign="debit_positive").model_dump(mode="json")["sign"] == "debit_positive"


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=3000))
def test_reading_arbitrary_workbooks_never_raises(data: bytes) -> None:
    for blob in (data, b"PK\x03\x04" + data):
        raw, _issues = read_table(blob, file="t.xlsx")
        assert raw is None or isinstance(raw, pd.DataFrame)


def test_a_mapping_without_a_required_column_names_it_in_both_languages() -> None:
    from essdiag.figures.issues import issue_message
    from essdiag.i18n import translator

    raw = pd.DataFrame({"Jour": ["31/01/2026"], "N°": ["606"], "M": ["10"]})
    ledger, issues = apply_mapping(raw, ColumnMapping(date="Jour", account="", amount="M"))
    assert ledger is None
    (issue,) = [i for i in issues if i.code == "mapping_missing"]
    # The role is named, never a bare placeholder (« {column} » est obligatoire et manque).
    assert issue.message == (
        "Choisissez la colonne qui tient « Compte » : elle est obligatoire pour importer."
    )
    assert issue_message(issue, translator("en")) == (
        "Choose the column that holds “Account”: it is required to import."
    )


def test_duplicate_column_names_are_numbered_and_can_be_mapped() -> None:
    data = b"Date;Compte;Montant;Montant\n31/01/2026;606100;10,00;12,50\n"
    raw, issues = read_table(data, file="d.csv")
    assert raw is not None and list(raw.columns) == ["Date", "Compte", "Montant", "Montant (2)"]
    assert [i.code for i in issues] == ["table_column_duplicate"]
    ledger, more = apply_mapping(
        raw, ColumnMapping(date="Date", account="Compte", amount="Montant (2)")
    )
    assert ledger is not None and more == []
    assert ledger["debit_cents"].tolist() == [1250]

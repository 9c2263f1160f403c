"""Ledgers kept as workspace attachments (``essdiag.ledger.storage``): Parquet and the original."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from essdiag.dossier import new_dossier
from essdiag.ledger import (
    LedgerSection,
    ledger_from_parquet,
    ledger_to_parquet,
    load_ledgers,
    read_fec,
    store_ledger,
)
from essdiag.ledger.section import ImportKind
from essdiag.store import Workspace
from tests.ledger.fec_text import SMALL


def test_parquet_round_trip_and_workspace_storage(tmp_path: Path) -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    pd.testing.assert_frame_equal(ledger_from_parquet(ledger_to_parquet(ledger)), ledger)
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    info = ws.create(new_dossier("Asso"), author="t")
    section = store_ledger(
        ws,
        info.id,
        LedgerSection(),
        ledger,
        original=SMALL.encode(),
        name="FEC.txt",
        kind="fec",
        fiscal_year=2026,
        lines_read=6,
        issues=0,
    )
    (record,) = section.imports
    assert record.first_date == "2026-01-01" and record.last_date == "2026-02-20"
    assert ws.attachment_bytes(record.original_id) == SMALL.encode()
    kinds = {a.kind for a in ws.attachments(info.id)}
    assert kinds == {"ledger-parquet", "ledger-original"}
    pd.testing.assert_frame_equal(load_ledgers(ws, section, 2026), ledger)
    # A second import of the same year replaces the first in the section.
    again = store_ledger(
        ws, info.id, section, ledger, original=b"x", name="FEC2.txt", kind="fec",
        fiscal_year=2026, lines_read=6, issues=0,
    )  # fmt: skip
    assert [i.name for i in again.imports] == ["FEC2.txt"]


def test_the_kind_of_an_import_keeps_its_value_in_the_dossier(tmp_path: Path) -> None:
    ledger = read_fec(SMALL.encode()).ledger
    assert ledger is not None
    ws = Workspace(f"sqlite:///{tmp_path / 'w.sqlite'}")
    info = ws.create(new_dossier("Asso"), author="t")
    section = store_ledger(
        ws, info.id, LedgerSection(), ledger, original=b"x", name="r.csv", kind=ImportKind.TABLE,
        fiscal_year=2026, lines_read=6, issues=0,
    )  # fmt: skip
    assert section.imports[0].kind is ImportKind.TABLE
    assert section.model_dump(mode="json")["imports"][0]["kind"] == "table"
    assert LedgerSection.model_validate_json(section.model_dump_json()) == section
    pd.testing.assert_frame_equal(load_ledgers(ws, section), ledger)

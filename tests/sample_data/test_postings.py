"""VAT of the simulated invoices (``sample_data/simulation/postings.py``): rounded half up."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from sample_data.simulation.entries import Ledger
from sample_data.simulation.postings import Context, vat_line
from sample_data.simulation.spec import AccountSpec, load_case
from tests.sample_data.plain_files import CASE, SCIC

SCIC_CASE = load_case(SCIC)


def _context(folder: Path) -> Context:
    case = load_case(folder)
    return Context(case, Ledger(case.accounts, case.parties), np.random.default_rng(0), 2025, 12)


SCIC_CONTEXT = _context(SCIC)


def test_the_vat_of_an_invoice() -> None:
    ctx = _context(SCIC)
    sales = SCIC_CASE.line("701100")
    insurance = SCIC_CASE.line("616000")
    reception = SCIC_CASE.line("625700")
    assert sales is not None and insurance is not None and reception is not None
    # 20 % of 1 234,56 € = 246,912 → 246,91 € ; 10 % of 0,05 € = 0,005 → 0,01 € (half up)
    assert vat_line(ctx, sales, 1_234_56, collected=True) == ("445710", 246_91)
    assert vat_line(ctx, reception, 5, collected=False) == ("445660", 1)
    assert vat_line(ctx, insurance, 1_000_00, collected=False) == ("", 0)  # exempt


def test_a_body_outside_vat_charges_none() -> None:
    ctx = _context(CASE)
    assert all(vat_line(ctx, spec, 1_000_00, collected=True) == ("", 0) for spec in ctx.case.lines)


@given(cents=st.integers(0, 10**10), spec=st.sampled_from([s for s in SCIC_CASE.lines if s.vat]))
def test_vat_is_the_rate_rounded_half_up_to_the_cent(cents: int, spec: AccountSpec) -> None:
    ctx = SCIC_CONTEXT
    _account, vat = vat_line(ctx, spec, cents, collected=True)
    rate = Decimal(str(spec.vat))
    assert vat == int((Decimal(cents) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))

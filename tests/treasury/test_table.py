"""The treasury assumptions as the screen's form and tables, and back."""

from __future__ import annotations

import pandas as pd
import pytest

from essdiag.treasury import DelayAssumption, TreasurySection
from essdiag.treasury.table import (
    delay_params,
    delays_table,
    manual_flows_table,
    section_from_form,
    section_with_delays,
)

NAMES = [f"m{i}" for i in range(1, 13)]
FIELDS = {
    "first_month": " 2026-03 ",
    "horizon_months": 18,
    "yearly_growth_pct": 2.0,
    "opening_cash": 1000.0,
    "dedicated_funds": 0.0,
    "minimum_cash": 500.0,
}


def test_the_form_saves_the_assumptions_and_refuses_a_bad_month() -> None:
    section = TreasurySection()
    flows = manual_flows_table(section, NAMES)
    assert flows["month"].tolist() == NAMES and flows["charges"].sum() == 0
    edited, issues = section_from_form(section, FIELDS, flows)
    assert issues == [] and edited is not None
    assert (edited.first_month, edited.yearly_growth) == ("2026-03", pytest.approx(0.02))
    assert edited.monthly_charges == [] and edited.monthly_income == []  # all zeros: none
    flows.loc[0, "charges"] = 100.0
    flows.loc[1, "income"] = float("nan")
    edited, _ = section_from_form(section, FIELDS, flows)
    assert edited is not None and edited.monthly_charges[0] == 100.0
    assert edited.monthly_income == [0.0] * 12  # kept with the charges, blanks as 0
    none, issues = section_from_form(section, {**FIELDS, "first_month": "2026-13"}, flows)
    assert none is None and issues[0].code == "treasury_first_month"


def test_delays_round_trip_through_their_table() -> None:
    section = TreasurySection(
        delays=[
            DelayAssumption(late_probability=0.1),
            DelayAssumption(source_id="b", cut_share=0.5),
        ]
    )
    table = delays_table(section, ["a", "b"], {"a": "Région", "b": "FSE+"})
    assert table["source"].tolist() == ["Région", "FSE+"]
    assert table["late_pct"].tolist() == pytest.approx([10.0, 30.0])
    params, bad = delay_params(table)
    assert bad == [] and params is not None
    assert params["cut_share"] == pytest.approx((0.2, 0.5))
    edited, issues = section_with_delays(section, ["a", "b"], params)
    assert issues == [] and edited is not None
    assert [d.source_id for d in edited.delays] == ["", "a", "b"]
    blank = pd.DataFrame(
        {"source": ["x"], "late_pct": [None], "mean_delay": [0.5], "cut_pct": [None],
         "cut_share_pct": [None]}
    )  # fmt: skip
    kept, _none = delay_params(blank)
    assert kept is None  # half a month is below the shortest delay: said, not rounded up
    blank.loc[0, "mean_delay"] = None
    kept, _none = delay_params(blank)
    assert kept is not None and kept["mean_delay_months"] == (1.0,)  # blank: a month


def test_tables_never_raise_and_locate_what_is_not_a_number() -> None:
    bad = pd.DataFrame(
        {"source": ["x", "y"], "late_pct": ["dix", 30.0], "mean_delay": [2.0, float("inf")],
         "cut_pct": [None, 5.0], "cut_share_pct": [True, 1e308]}
    )  # fmt: skip
    params, issues = delay_params(bad)
    assert params is None
    where = sorted((i.line, i.column, i.code) for i in issues)
    assert where == [
        (1, "Baisse si elle survient (%)", "treasury_not_a_number"),  # a tick box is no number
        (1, "Probabilité de retard (%)", "treasury_not_a_number"),
        (2, "Baisse si elle survient (%)", "treasury_delay_range"),
        (2, "Retard moyen (mois)", "treasury_delay_range"),
    ]
    assert all(i.file == "Hypothèses de retard des financeurs" for i in issues)
    assert "1e+308" in issues[-1].message or any("1e+308" in i.message for i in issues)
    flows = manual_flows_table(TreasurySection(), NAMES).astype({"income": "object"})
    flows.loc[2, "income"] = "beaucoup"
    edited, issues = section_from_form(TreasurySection(), FIELDS, flows)
    assert edited is None and [(i.line, i.column) for i in issues] == [(3, "Encaissements (€)")]
    assert issues[0].message == "« beaucoup » n'est pas un nombre."


def test_a_huge_or_infinite_amount_is_refused_with_a_readable_message() -> None:
    flows = manual_flows_table(TreasurySection(), NAMES)
    for value in (1e308, float("inf")):
        edited, issues = section_from_form(
            TreasurySection(), {**FIELDS, "opening_cash": value}, flows
        )
        assert edited is None and issues
        assert all("{" not in i.message for i in issues)  # every placeholder filled
    flows.loc[0, "charges"] = 5e12
    edited, issues = section_from_form(TreasurySection(), FIELDS, flows)
    assert edited is None and issues[0].field == "treasury.monthly_charges.0"

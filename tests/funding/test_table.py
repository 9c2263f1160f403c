"""The register as editable tables, and back: validated at once, issues located by line and column."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.funding import FundingSection
from essdiag.funding.table import register_table, schedule_table, section_from_tables
from tests.funding.samples import sample


@pytest.fixture(scope="module")
def recyclerie() -> FundingSection:
    return sample("recyclerie")


def test_tables_round_trip_and_refuse_bad_rows(recyclerie: FundingSection) -> None:
    register = register_table(recyclerie, recyclerie.years())
    schedule = schedule_table(recyclerie)
    rebuilt, issues = section_from_tables(recyclerie, register, schedule)
    assert issues == [] and rebuilt == recyclerie
    bad = schedule.copy()
    bad.loc[len(bad)] = ["ghost", "balance", 100.0, 6, 0]
    none, issues = section_from_tables(recyclerie, register, bad)
    assert none is None and "absente du registre" in issues[0].message
    wrong = schedule.copy()
    wrong.loc[wrong["source_id"] == "region", "share_pct"] = 40.0
    none, issues = section_from_tables(recyclerie, register, wrong)
    assert none is None and issues[0].code == "funding_schedule_sum"
    region_lines = [n + 1 for n in wrong.index[wrong["source_id"] == "region"]]
    assert issues[0].file == "Échéanciers de versement" and issues[0].line == region_lines[0]
    assert f"(lignes {', '.join(map(str, region_lines))} de l'échéancier)" in issues[0].message
    assert f"totalisent {len(region_lines) * 40} % du montant annuel" in issues[0].message


def test_bad_rows_of_the_tables_are_located_by_line_and_column(
    recyclerie: FundingSection,
) -> None:
    register = register_table(recyclerie, recyclerie.years())
    schedule = schedule_table(recyclerie)
    register.loc[1, "y2026"] = -500.0
    register.loc[2, "agreement_start"] = pd.Timestamp(2027, 1, 1)
    register.loc[2, "agreement_end"] = pd.Timestamp(2026, 1, 1)
    schedule.loc[0, "share_pct"] = 150.0
    none, issues = section_from_tables(recyclerie, register, schedule)
    assert none is None
    by_code = {i.code: i for i in issues}
    negative = by_code["funding_negative_amount"]
    assert (negative.file, negative.line, negative.column) == (
        "Registre des financements",
        2,
        "Montant 2026 (€)",
    )
    name = register.loc[1, "name"]
    # The amount is a raw number; the French reader sees the typographic minus (U+2212).
    assert negative.message == (
        f"Le montant 2026 de « {name} » ne peut pas être négatif (reçu : \u2212500 €) : "
        "saisissez un montant positif ou nul."
    )
    dates = by_code["funding_agreement_dates"]
    assert (dates.line, dates.column) == (3, "Fin de convention")
    assert "finit (01/01/2026) avant de commencer (01/01/2027)" in dates.message
    assert dates.params["end"] == date(2026, 1, 1)
    share = by_code["less_than_equal"]
    assert (share.file, share.line) == ("Échéanciers de versement", 1)
    assert "doit être comprise entre 0 et 100 % (reçu : 150 %)" in share.message
    assert all("funding.sources" not in i.where() for i in issues)


def test_a_cell_that_is_not_a_number_is_located_not_raised(recyclerie: FundingSection) -> None:
    register = register_table(recyclerie, [2025, 2026]).astype({"y2026": "object"})
    register.loc[1, "y2026"] = "beaucoup"
    schedule = schedule_table(recyclerie).astype({"share_pct": "object"})
    schedule.loc[0, "share_pct"] = "la moitié"
    rebuilt, issues = section_from_tables(recyclerie, register, schedule)
    assert rebuilt is None
    where = sorted((i.file, i.line, i.column) for i in issues)
    assert where == [
        ("Registre des financements", 2, "Montant 2026 (€)"),
        ("Échéanciers de versement", 1, "Part du montant annuel (%)"),
    ]
    assert {i.message for i in issues} == {
        "« beaucoup » n'est pas un nombre.",
        "« la moitié » n'est pas un nombre.",
    }


def test_a_huge_amount_is_refused_with_a_message_that_reads(recyclerie: FundingSection) -> None:
    from essdiag.i18n import translator

    register = register_table(recyclerie, [2026])
    for value in (1e308, float("inf"), 2e12):
        register.loc[0, "y2026"] = value
        rebuilt, issues = section_from_tables(recyclerie, register, schedule_table(recyclerie))
        assert rebuilt is None and issues
        assert issues[0].line == 1 and issues[0].column == "Montant 2026 (€)"
        for lang in ("fr", "en"):
            text = translator(lang).fill(issues[0].template, issues[0].params, ("label",))
            assert "{" not in text  # every placeholder filled, the number written


bad_cells = st.one_of(
    st.none(), st.text(max_size=8), st.floats(), st.integers(-(10**20), 10**20), st.booleans(),
    st.dates(), st.just(pd.NaT), st.just(pd.NA),
)  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "name",
                    "funder",
                    "funder_type",
                    "purpose",
                    "earmarked",
                    "account",
                    "y2026",
                    "agreement_start",
                    "agreement_end",
                    "conditions",
                    "y20x6",
                    "y99999",
                ]
            ),
            bad_cells,
        ),
        max_size=4,
    ),
    st.lists(
        st.dictionaries(
            st.sampled_from(["source_id", "kind", "share_pct", "month", "year_offset"]), bad_cells
        ),
        max_size=4,
    ),
)
def test_any_edited_table_gives_a_section_or_french_issues(
    register_rows: list[dict[str, object]], schedule_rows: list[dict[str, object]]
) -> None:
    register = pd.DataFrame(register_rows, dtype="object")
    schedule = pd.DataFrame(schedule_rows, dtype="object")
    rebuilt, issues = section_from_tables(FundingSection(), register, schedule)
    assert (rebuilt is None) == bool(issues)
    for issue in issues:
        assert "{" not in issue.message, issue

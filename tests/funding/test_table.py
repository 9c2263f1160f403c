"""The register as editable tables, and back: validated at once, issues located by line and column."""

from __future__ import annotations

from datetime import date

import pytest

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
    register.loc[2, "agreement_start"] = date(2027, 1, 1)
    register.loc[2, "agreement_end"] = date(2026, 1, 1)
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

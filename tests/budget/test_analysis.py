"""Budget versions in the monthly check: the version compared, side by side, next year's budget.

Reference values are computed here with plain Python from the sample's section file
(sample_data/recyclerie/dossier/budget.json) and the FEC text (tests/budget/recyclerie.py).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from essdiag.budget.analysis import analyse, dossier_report, versions_table
from essdiag.budget.section import BudgetSection, VarianceComment, VersionStatus
from essdiag.samples import load_sample
from tests.budget.recyclerie import CASE, FY, plain_actuals, sample_files

DEPT = "Département de la Drôme"


def plain_budget_of(version_id: str, funder: str, months: range) -> Decimal:
    """Budget of a funder's lines over some months in one version, read from the JSON file."""
    data = json.loads((CASE / "dossier" / "budget.json").read_text("utf-8"))
    version = next(v for v in data["versions"] if v["id"] == version_id)
    return sum(
        (Decimal(str(ln["months"][m - 1])) for ln in version["lines"] if ln.get("funder") == funder
         for m in months),
        Decimal(0),
    )  # fmt: skip


@pytest.fixture(scope="module")
def budget() -> BudgetSection:
    return load_sample("recyclerie").budget


def test_the_sample_has_an_adopted_initial_budget_and_a_june_revision(
    budget: BudgetSection,
) -> None:
    assert [(v.id, v.number, v.status) for v in budget.of_year(2026)] == [
        ("2026-0", 0, VersionStatus.ADOPTED), ("2026-1", 1, VersionStatus.DRAFT)
    ]  # fmt: skip
    # The variance uses the last adopted version by default: the initial budget, until the
    # board adopts the revision.
    assert budget.reference(2026).id == "2026-0"
    # The Département signed at 85 500 € (budget.json's reason): the revision carries it.
    assert plain_budget_of("2026-1", DEPT, range(1, 13)) == Decimal("85500")


def test_initial_and_revised_side_by_side_with_the_actual(budget: BudgetSection) -> None:
    _, ledger, _ = sample_files()
    table, versions = versions_table(budget, FY, ledger, through="2026-10", level="funder")
    assert [v.id for v in versions] == ["2026-0", "2026-1"]
    row = table[table["key"] == DEPT].iloc[0]
    jan_oct = range(1, 11)
    assert row["budget_2026-0"] == pytest.approx(float(plain_budget_of("2026-0", DEPT, jan_oct)))
    assert row["budget_2026-1"] == pytest.approx(float(plain_budget_of("2026-1", DEPT, jan_oct)))
    # Actual: the 7413 grant received from the Département in the FEC, January–October.
    received = sum(v for (acc, m), v in plain_actuals("FEC_2026_01-10.txt").items()
                   if acc == "741310" and m <= 10)  # fmt: skip
    assert row["actual"] == pytest.approx(float(received))
    assert row["variance"] == pytest.approx(
        float(received - plain_budget_of("2026-1", DEPT, jan_oct))
    )


def test_a_revision_keeps_last_months_variance_readable(budget: BudgetSection) -> None:
    _, ledger, last = sample_files()
    before = analyse(budget, FY, ledger, through="2026-09", level="account", last_year_ledger=last)
    explained = budget.model_copy(
        update={
            "comments": [
                VarianceComment(level="account", key="741310", period=before.period.key,
                                text="Convention signée à 90 %.", version="2026-0")
            ]
        }
    )  # fmt: skip
    # The board adopts the revision: the default comparison moves to it...
    adopted = explained.with_version(
        explained.version("2026-1").model_copy(update={"status": VersionStatus.ADOPTED})
    )
    assert adopted.reference(2026).id == "2026-1"
    now = analyse(adopted, FY, ledger, through="2026-09", level="account", last_year_ledger=last)
    assert now.version_id == "2026-1"
    # ...and September against the initial budget reads as it did, with its explanation.
    again = analyse(adopted, FY, ledger, through="2026-09", level="account", last_year_ledger=last,
                    version="2026-0")  # fmt: skip
    cols = ["key", "budget", "actual", "variance", "flagged"]
    assert again.table[cols].equals(before.table[cols])
    row = again.table.set_index("key").loc["741310"]
    assert row["comment"] == "Convention signée à 90 %."
    # The explanation was written against the initial budget: not shown against the revision.
    assert now.table.set_index("key").loc["741310", "comment"] == ""


def test_the_dossier_report_names_the_version_compared() -> None:
    dossier = load_sample("recyclerie")
    _, ledger, last = sample_files()
    report = dossier_report(dossier, ledgers={2026: ledger, 2025: last}, through="2026-10",
                            period="ytd", level="heading", version="2026-1")  # fmt: skip
    assert report.version is not None and report.version.id == "2026-1"
    assert report.version_id == "2026-1"

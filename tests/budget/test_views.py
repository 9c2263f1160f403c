"""The budget's views (``essdiag.budget.views``): the same table for the screen, the CSV and the exports."""

from __future__ import annotations

import pytest

from essdiag.budget import monthly_totals
from essdiag.budget.analysis import VarianceReport, analyse
from essdiag.budget.cerfa15059 import cerfa15059_table
from essdiag.budget.views import (
    TO_WRITE,
    cerfa15059_view,
    cumulative_view,
    landing_view,
    monthly_totals_view,
    variance_view,
)
from essdiag.i18n import translator
from tests.budget.recyclerie import FY, sample_files


@pytest.fixture(scope="module")
def report() -> VarianceReport:
    budget, ledger, last = sample_files()
    return analyse(budget, FY, ledger, through="2026-10", level="account", last_year_ledger=last)


def test_variance_view_on_the_screen_and_in_the_export(report: VarianceReport) -> None:
    fr = translator("fr")
    screen = variance_view(report.table)
    assert screen.headers(fr) == [
        "Nature", "Clé", "Libellé", "Budget", "Réalisé", "Écart", "Écart relatif", "Sens",
        "À expliquer", "Explication",
    ]  # fmt: skip
    first = screen.display(fr).iloc[0]
    assert (first["Clé"], first["À expliquer"], first["Sens"]) == ("741310", "Oui", "Défavorable")
    export = variance_view(report.table, export=True)
    cells = export.cells(fr)[0]
    assert cells[0] == "Produit" and cells[3] == 76000.0 and cells[8] == "À expliquer"
    assert variance_view(report.table).display(translator("en")).iloc[0, 0] == "Income"
    csv = screen.csv(fr).decode("utf-8-sig").splitlines()
    assert csv[0].startswith("Nature;Clé;Libellé;Budget (€);Réalisé (€)")
    assert ";76000;68400;-7600;-10;" in csv[1]


def test_landing_and_cumulative_views(report: VarianceReport) -> None:
    en = translator("en")
    landing = landing_view(report.landing)
    assert landing.headers(en)[-3:] == [
        "Actual + remaining budget", "Run-rate", "Last year’s seasonality",
    ]  # fmt: skip
    cumulative = cumulative_view(report.cumulative).display(translator("fr"))
    assert cumulative.iloc[9].tolist()[:3] == [
        "octobre 2026",
        "−45\u202f092,37\xa0€",
        "−57\u202f391,47\xa0€",
    ]
    assert cumulative.iloc[11]["Réalisé cumulé"] == "–"  # no actual in December yet


def test_cerfa_view_says_what_is_left_to_explain(report: VarianceReport) -> None:
    cerfa = cerfa15059_table(report.attributed, report.period, funder="Département de la Drôme")
    fr = translator("fr")
    screen = cerfa15059_view(cerfa).display(fr)
    assert list(screen.columns) == [
        "Intitulé", "Prévision", "Réalisation", "Écart", "À expliquer", "Explication",
    ]  # fmt: skip
    export = cerfa15059_view(cerfa, export=True)
    rows = {r[1]: r for r in export.cells(fr)}
    dept = rows["Département de la Drôme"]
    assert dept[0] == "" and dept[2:5] == [76000.0, 68400.0, -7600.0] and dept[6] == TO_WRITE
    assert rows["Total des charges"][0] == ""  # totals carry no heading code
    assert rows["60 – Achats"][0] == "60"


def test_monthly_totals_view_keeps_the_month_keys(report: VarianceReport) -> None:
    budget, _ledger, _last = sample_files()
    view = monthly_totals_view(monthly_totals(budget, FY))
    assert view.values("month")[:2] == ["2026-01", "2026-02"]
    assert view.display(translator("en")).iloc[0]["Month"] == "January 2026"


def test_an_adopted_versions_lines_read_in_the_readers_format() -> None:
    from essdiag.budget.section import BudgetLine, BudgetVersion
    from essdiag.budget.views import lines_view
    from essdiag.periods import FiscalYear

    version = BudgetVersion(
        id="2026-0",
        fiscal_year=2026,
        lines=[BudgetLine(account="606110", label="Électricité", months=[1485.15] + [0.1] * 11)],
    )
    fr = translator("fr")
    view = lines_view(version, FiscalYear(label_year=2026), fr)
    shown = view.display(fr)
    # Months named one way (« janvier 2026 »), money the French way, total summed in cents:
    # 1 485,15 + 11 × 0,10 = 1 486,25 €.
    assert list(shown.columns)[5:7] == ["janvier 2026", "février 2026"]
    assert shown.iloc[0]["janvier 2026"] == "1\u202f485,15\xa0€"
    assert shown.iloc[0]["Total"] == "1\u202f486,25\xa0€"
    assert view.csv(fr).decode("utf-8-sig").splitlines()[1].endswith(";1486,25")

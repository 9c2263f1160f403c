"""Charts of the financial health and investments screen: a financing plan, a loan."""

from __future__ import annotations

from essdiag.charts import finance as charts
from essdiag.finance.financing_plan import plan_view
from essdiag.finance.loans import loan_view
from essdiag.i18n import translator
from tests.funding.samples import sample


def test_plan_and_loan_charts_name_their_series() -> None:
    fr = translator("fr")
    scic = sample("scic-energie").plans[0]
    plan_fig = charts.plan_chart(plan_view(scic), fr)
    assert {t.name for t in plan_fig.data} >= {
        "Investissements",
        "Emprunts",
        "Capital des sociétaires",
    }
    assert set(plan_fig.data[0].x) <= {"Besoins", "Ressources"}
    loan_fig = charts.loan_chart(loan_view(scic.loans[0]), fr)
    assert [t.name for t in loan_fig.data] == [
        "Capital remboursé",
        "Intérêts",
        "Capital restant dû",
    ]
    assert loan_fig.layout.title.text == "Tableau d'amortissement"
    english = charts.plan_chart(plan_view(scic), translator("en"))
    assert "Loans" in {t.name for t in english.data}

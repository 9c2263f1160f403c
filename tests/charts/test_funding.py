"""Charts of the funding screen, built from the views shown beside them."""

from __future__ import annotations

from essdiag.charts import funding as charts
from essdiag.funding.views import family_view, funder_view, trend_view
from essdiag.i18n import translator
from essdiag.treasury.stress import StressResult, stress_view
from tests.funding.samples import sample


def test_chart_builders_label_every_bar_and_translate() -> None:
    recyclerie = sample("recyclerie")
    fr, en = translator("fr"), translator("en")
    view = family_view(recyclerie.sources, 2025)
    fig = charts.family_chart(view, fr, year=2025)
    assert fig.layout.title.text == "Ressources de fonctionnement 2025 par famille"
    assert list(fig.data[0].text) == [
        fr.percent(s) for s in view.frame["share"]
    ]  # shares written, not colour only
    assert fig.data[0].y[0] == "Financements publics"
    assert (
        charts.family_chart(view, en, year=2025).layout.title.text
        == "2025 operating resources by family"
    )
    funders = charts.funder_chart(funder_view(recyclerie.sources, 2025), fr, year=2025)
    assert funders.data[0].y[0] == "État – Ministère du Travail"
    trend_fig = charts.trend_chart(trend_view(recyclerie.sources, recyclerie.years()), fr)
    assert trend_fig.layout.xaxis.type == "category"
    assert trend_fig.layout.yaxis2.tickformat == ".0%" and trend_fig.layout.yaxis.ticksuffix == " €"
    assert [t.name for t in trend_fig.data] == [
        "Financements publics",
        "Financements privés",
        "Ressources d'activité",
        "Dépendance publique",
    ]


def test_stress_chart_draws_both_paths() -> None:
    result = StressResult(
        source="Région", cut_share=1.0, delay_months=0, amount=10.0, result_effect=-10.0,
        base_lowest=0.0, stressed_lowest=-10.0, cash_effect=-10.0, base_closing=0.0,
        stressed_closing=-10.0, negative_months=("2026-02",), reserve_months=1.0,
        months=("2026-01", "2026-02"), base_path=(5.0, 0.0), stressed_path=(5.0, -10.0),
    )  # fmt: skip
    fig = charts.stress_chart(stress_view(result), translator("fr"))
    assert [t.name for t in fig.data] == ["Plan de base", "Avec le choc"]
    assert list(fig.data[1].y) == [5.0, -10.0]
    assert fig.layout.title.text == "Trésorerie de fin de mois avant et après le choc"

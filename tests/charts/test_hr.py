"""Charts of the « Ressources humaines » screen: legends, sexes told apart without colour, formats."""

from __future__ import annotations

import pytest

from essdiag.charts import hr as charts
from essdiag.hr.pay import annual_smic
from essdiag.i18n import Translator, translator
from tests.hr.samples import sample_report

FR, EN = translator("fr"), translator("en")


def test_sexes_are_told_apart_by_pattern_as_well_as_colour() -> None:
    rep = sample_report()
    smic = annual_smic(rep.period_start, rep.period_end)[0]
    for fig in (
        charts.headcount_chart(rep.by_category, FR),
        charts.pay_bands_chart(rep.pay_bands, FR),
        charts.pay_scale_chart(rep.pay_scale, FR, smic=smic),
    ):
        by_name = {t.name: t for t in fig.data}
        assert set(by_name) == {"Femmes", "Hommes"}
        assert by_name["Hommes"].marker.pattern.shape == "/"
        assert by_name["Femmes"].marker.color != by_name["Hommes"].marker.color


def test_category_labels_run_down_the_side_and_are_translated() -> None:
    fig = charts.headcount_chart(sample_report().by_category, EN)
    assert fig.data[0].orientation == "h"
    assert "Technicians and supervisors" in fig.data[0].y


def test_index_chart_writes_whole_points_and_names_what_cannot_be_calculated() -> None:
    # recyclerie: pay gap not calculable, raises 25/35, maternity 15/15, top ten 10/10
    fig = charts.index_chart(sample_report().equality_table, FR)
    maximum, points = fig.data
    assert list(points.text) == ["", "25", "15", "10"]
    assert list(maximum.text) == ["non calculable", "", "", ""]


def test_category_gap_alert_is_in_the_legend_not_only_in_the_colour() -> None:
    # recyclerie: engineers and managers 14,4 % ≥ 5 % (alert); technicians −2,2 % (below)
    fig = charts.category_gap_chart(sample_report().category_gaps, FR, alert=0.05)
    names = [t.name for t in fig.data]
    assert names == ["Écart de moins de 5 %", "Écart d'au moins 5 % : évaluation conjointe"]
    below, over = fig.data
    assert list(over.y) == ["Ingénieurs et cadres"] and over.marker.pattern.shape == "x"
    assert "Techniciens et agents de maîtrise" in below.y
    assert all(t.showlegend for t in fig.data)
    # a register where every gap is below 5 %: only that kind of bar is drawn and named
    calm = sample_report().category_gaps.rows_where([True, True, True, False])  # no managers
    assert [t.showlegend for t in charts.category_gap_chart(calm, FR, alert=0.05).data] == [
        True,
        False,
    ]


@pytest.mark.parametrize(("tr", "suffix"), [(FR, "\xa0%"), (EN, "%")])
def test_percent_axes_follow_the_language(tr: Translator, suffix: str) -> None:
    themes = sample_report().survey_themes
    assert themes is not None
    fig = charts.survey_chart(themes, tr)
    assert fig.layout.xaxis.ticksuffix == suffix
    assert fig.layout.separators == (", " if tr.lang == "fr" else ".,")


def test_heat_map_puts_skills_down_the_side_and_every_person_on_top() -> None:
    rep = sample_report()
    fig = charts.skills_heatmap(rep.heatmap, FR)
    heat = fig.data[0]
    assert list(heat.x) == rep.heatmap.values("person")
    assert len(heat.y) == len([c for c in rep.heatmap.columns if c.key.startswith("s")])
    assert list(fig.layout.xaxis.tickvals) == list(heat.x)  # no person label skipped
    assert fig.layout.coloraxis.colorbar.dtick is None and heat.colorbar.dtick == 1


def test_training_budget_is_a_named_line_in_the_legend() -> None:
    rep = sample_report()
    fig = charts.training_chart(rep.plan, FR, budget=13700.0)
    assert [t.name for t in fig.data] == ["Coût cumulé", "Budget de formation"]

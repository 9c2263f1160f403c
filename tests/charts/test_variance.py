"""The monthly check's charts (``essdiag.charts.variance``): readable waterfall with a legend."""

from __future__ import annotations

import pandas as pd

from essdiag.budget.views import waterfall_view
from essdiag.charts.variance import waterfall_chart
from essdiag.i18n import translator

FR = translator("fr")


def _steps() -> pd.DataFrame:
    long = "Subvention de fonctionnement du Conseil départemental au titre de l'insertion"
    return pd.DataFrame(
        {"kind": ["charge", "income", "income"], "key": ["606", "741", "706"],
         "label": ["Énergie", long, "Prestations"], "budget": [100.0, 500.0, 50.0],
         "actual": [150.0, 400.0, 80.0], "variance": [50.0, -100.0, 30.0]}
    )  # fmt: skip


def test_waterfall_labels_are_whole_signed_amounts_and_never_clipped() -> None:
    view = waterfall_view(_steps(), FR)
    fig = waterfall_chart(view, FR, title="Écarts")
    bars = fig.data[0]
    # Budgeted result 500 + 50 − 100 = 450; actual 400 + 80 − 150 = 330.
    assert list(bars.text) == ["450,00\xa0€", "−100,00\xa0€", "−50,00\xa0€", "+30,00\xa0€",
                               "330,00\xa0€"]  # fmt: skip
    assert bars.cliponaxis is False and bars.textfont.size >= 14
    # The axis leaves room for the labels beyond the longest bar (0 … 450 €).
    low, high = fig.layout.xaxis.range
    assert low < 0 and high > 450
    # A long name is cut on the axis and whole in the hover and the table.
    assert max(len(y) for y in bars.y) <= 42
    assert any(len(c) > 42 for c in bars.customdata)
    assert any(len(s) > 42 for s in view.frame["step"])


def test_waterfall_has_a_legend_for_its_colours_below_the_axis() -> None:
    fig = waterfall_chart(waterfall_view(_steps(), FR), FR, title="Écarts")
    legend = [t.name for t in fig.data[1:]]
    assert legend == ["Améliore le résultat", "Dégrade le résultat",
                      "Résultat (budgété, puis réalisé)"]  # fmt: skip
    assert fig.layout.legend.y < 0  # under the plot: it covers neither title nor bars
    en = translator("en")
    assert waterfall_chart(waterfall_view(_steps(), en), en, title="x").data[1].name != legend[0]

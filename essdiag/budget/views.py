"""The budget's tables as views: variance, landing, cumulative, waterfall, CERFA 15059, phasing.

Where it sits: the computed frames of the budget domain (:mod:`~essdiag.budget.variance`,
:mod:`~essdiag.budget.landing`, :mod:`~essdiag.budget.cerfa15059`,
:mod:`~essdiag.budget.checks`, :func:`~essdiag.budget.monthly_totals`) → a
:class:`~essdiag.figures.View` each, declared once → the screens
(``essdiag/ui/budget``, ``essdiag/ui/variance``), the charts
(:mod:`essdiag.charts.budget`, :mod:`essdiag.charts.variance`) and the exports
(:mod:`essdiag.report.variance_xlsx`, :mod:`essdiag.report.cerfa15059`). Pure: no
streamlit. Amounts are euros, as the computations give them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from essdiag.budget.landing import Method
from essdiag.budget.section import BudgetLine
from essdiag.budget.section.headings import Kind
from essdiag.figures import Column, View
from essdiag.i18n import N_, Translator
from essdiag.periods import FiscalYear

__all__ = [
    "TO_WRITE",
    "cerfa15059_view",
    "cumulative_view",
    "headings_view",
    "landing_view",
    "line_months_view",
    "monthly_totals_view",
    "variance_view",
    "waterfall_view",
]

TO_WRITE = N_("Écart significatif : explication à rédiger.")
"""What a report says where a flagged gap has no explanation yet."""

_KIND = Column("kind", N_("Nature"), "label")
_KEY = Column("key", N_("Clé"))
_LABEL = Column("label", N_("Libellé"), "label")


def _keyed(frame: pd.DataFrame, amounts: list[str]) -> dict[str, pd.Series]:
    """The kind (as a :class:`Kind`), key and label of each row, then its amounts in euros."""
    return {
        "kind": pd.Series([Kind(str(k)) for k in frame["kind"]], dtype="object"),
        "key": frame["key"].astype("str"),
        "label": frame["label"].astype("str"),
        **{c: frame[c].astype("float64") for c in amounts},
    }


def _direction(value: Any) -> str | None:
    if value is None or value is pd.NA:
        return None
    return N_("Favorable") if bool(value) else N_("Défavorable")


def variance_view(table: pd.DataFrame, *, export: bool = False) -> View:
    """A variance table (:func:`essdiag.budget.variance.variance_table`).

    On the screen, « À expliquer » says « Oui » on the flagged lines; in the
    export the column is « Seuil dépassé » and says « À expliquer ».

    Example:
        >>> from essdiag.i18n import translator
        >>> t = pd.DataFrame({"kind": ["income"], "key": ["74"], "label": ["Région"],
        ...     "budget": [100.0], "actual": [80.0], "variance": [-20.0], "variance_pct": [-0.2],
        ...     "favourable": pd.array([False], dtype="boolean"), "flagged": [True], "comment": [""]})
        >>> variance_view(t).display(translator("fr")).iloc[0].tolist()[5:9]
        ['−20,00\\xa0€', '−20,0\\xa0%', 'Défavorable', 'Oui']
    """
    frame = pd.DataFrame(
        {
            **_keyed(table, ["budget", "actual", "variance", "variance_pct"]),
            "direction": pd.Series([_direction(v) for v in table["favourable"]], dtype="object"),
            "to_explain": pd.Series(
                [N_("Oui") if f else "" for f in table["flagged"]], dtype="object"
            ),
            "over_threshold": pd.Series(
                [N_("À expliquer") if f else "" for f in table["flagged"]], dtype="object"
            ),
            "comment": table["comment"].astype("str"),
        }
    )
    flag = (
        Column("over_threshold", N_("Seuil dépassé"), "label")
        if export
        else Column("to_explain", N_("À expliquer"), "label")
    )
    return View(
        (
            _KIND,
            _KEY,
            _LABEL,
            Column("budget", N_("Budget"), "EUR"),
            Column("actual", N_("Réalisé"), "EUR"),
            Column("variance", N_("Écart (€)"), "EUR"),
            Column("variance_pct", N_("Écart (%)"), "%"),
            Column("direction", N_("Sens"), "label"),
            flag,
            Column("comment", N_("Explication")),
        ),
        frame,
        title=N_("Écarts budget / réalisé"),
    )


def landing_view(landing: pd.DataFrame) -> View:
    """The landing by three methods (:func:`essdiag.budget.landing.landing_forecast`)."""
    frame = pd.DataFrame(
        _keyed(landing, ["budget_year", "actual_to_date", *(str(m) for m in Method)])
    )
    return View(
        (
            _KIND,
            _KEY,
            _LABEL,
            Column("budget_year", N_("Budget annuel"), "EUR"),
            Column("actual_to_date", N_("Réalisé à date"), "EUR"),
            *(Column(str(m), m.label, "EUR") for m in Method),
        ),
        frame,
        title=N_("Atterrissage de l'exercice par trois méthodes"),
    )


def cumulative_view(cumulative: pd.DataFrame) -> View:
    """Cumulative result by month (:func:`essdiag.budget.landing.cumulative_series`)."""
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("budget", N_("Budget cumulé"), "EUR"),
            Column("actual", N_("Réalisé cumulé"), "EUR"),
            Column("landing", N_("Atterrissage cumulé"), "EUR"),
        ),
        cumulative[["month", "budget", "actual", "landing"]].reset_index(drop=True),
        title=N_("Résultat cumulé : budget, réalisé et atterrissage"),
    )


def _short(label: str, width: int = 28) -> str:
    """A label cut to ``width`` characters with an ellipsis (axis labels stay readable)."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def waterfall_view(table: pd.DataFrame, tr: Translator, *, max_steps: int = 12) -> View:
    """Steps from budgeted to actual result of the period, one per line of the variance table.

    Each step is the line's effect on the result: +variance for income,
    −variance for charges. The ``max_steps`` largest effects get a step each;
    the others are added up in one "other variances" step, so the chart stays
    readable at account level. Step names carry the line's key and are unique
    (a category axis would merge equal names), written in the reader's
    language (``tr``). The frame holds ``step``, ``effect`` (euros) and
    ``kind`` (``total`` or ``relative``); the first row is the budgeted result,
    the last the actual one.

    Example:
        >>> from essdiag.i18n import translator
        >>> t = pd.DataFrame({"kind": ["charge", "charge", "income"], "key": ["606", "613", "74"],
        ...     "label": ["Énergie", "Énergie", "74 – Subventions"], "budget": [10.0, 5.0, 20.0],
        ...     "actual": [12.0, 4.0, 19.0], "variance": [2.0, -1.0, -1.0]})
        >>> v = waterfall_view(t, translator("fr"), max_steps=1)
        >>> v.frame[["step", "effect"]].values.tolist()
        [['Résultat budgété', 5.0], ['606 Énergie', -2.0], ['Autres écarts (2 lignes)', 0.0], ['Résultat réalisé', 3.0]]
    """
    _ = tr
    income = table["kind"] == "income"
    budget_result = float(table.loc[income, "budget"].sum() - table.loc[~income, "budget"].sum())
    actual_result = float(table.loc[income, "actual"].sum() - table.loc[~income, "actual"].sum())
    effect = table["variance"].where(income, -table["variance"])
    names = [
        label if label.startswith(key) else f"{key} {label}"
        for key, label in zip(
            table["key"].astype("str"), (_(str(x)) for x in table["label"]), strict=True
        )
    ]
    steps = pd.DataFrame({"step": [_short(n) for n in names], "effect": effect.to_numpy()})
    steps = steps[steps["effect"].abs() >= 0.005]
    steps = steps.reindex(steps["effect"].abs().sort_values(ascending=False).index)
    shown, rest = steps.iloc[:max_steps], steps.iloc[max_steps:]
    rows = [{"step": _("Résultat budgété"), "effect": budget_result, "kind": "total"}]
    seen: set[str] = set()
    for s, e in shown.itertuples(index=False):
        name = str(s)
        while name in seen:  # two long names cut to the same text
            name += "\u200b"
        seen.add(name)
        rows.append({"step": name, "effect": float(e), "kind": "relative"})
    if len(rest):
        rows.append(
            {
                "step": _("Autres écarts ({n} lignes)", n=len(rest)),
                "effect": float(rest["effect"].sum()),
                "kind": "relative",
            }
        )
    rows.append({"step": _("Résultat réalisé"), "effect": actual_result, "kind": "total"})
    out = pd.DataFrame(rows)
    out["effect"] = out["effect"].round(2)
    return View(
        (Column("step", N_("Étape")), Column("effect", N_("Effet (€)"), "EUR")),
        out,
        title=N_("Du résultat budgété au résultat réalisé"),
    )


def cerfa15059_view(cerfa: pd.DataFrame, *, export: bool = False) -> View:
    """The CERFA 15059 table (:func:`essdiag.budget.cerfa15059.cerfa15059_table`).

    The screen shows the labels, the amounts, « À expliquer » and the
    explanations; the export (``export=True``) the form's columns: heading
    code, label, forecast, actual, gap in euros and in %, and the explanation
    (« explication à rédiger » where a flagged gap has none). The frame keeps
    ``section`` (charges or produits), ``total`` and ``flagged`` for the layout.
    """
    codes = cerfa["code"].astype("str")
    totals = cerfa["total"].astype(bool)
    frame = pd.DataFrame(
        {
            "section": cerfa["section"].astype("str"),
            "code": ["" if t or ":" in c else c for c, t in zip(codes, totals, strict=True)],
            "label": cerfa["label"].astype("str"),
            "title": cerfa["label"].astype("str").str.strip(),
            "budget": cerfa["budget"].astype("float64"),
            "actual": cerfa["actual"].astype("float64"),
            "variance": cerfa["variance"].astype("float64"),
            "variance_pct": cerfa["variance_pct"].astype("float64"),
            "to_explain": [N_("Oui") if f else "" for f in cerfa["flagged"]],
            "explanation": cerfa["explanation"].astype("str"),
            "note": [
                TO_WRITE if bool(f) and not str(e) else str(e)
                for f, e in zip(cerfa["flagged"], cerfa["explanation"], strict=True)
            ],
            "flagged": cerfa["flagged"].astype(bool),
            "total": totals,
        }
    )
    money = (
        Column("budget", N_("Prévision"), "EUR"),
        Column("actual", N_("Réalisation"), "EUR"),
        Column("variance", N_("Écart (€)"), "EUR"),
    )
    columns = (
        (
            Column("code", N_("Rubrique")),
            Column("title", N_("Intitulé"), "label"),
            *money,
            Column("variance_pct", N_("Écart (%)"), "%"),
            Column("note", N_("Explication de l'écart"), "label"),
        )
        if export
        else (
            Column("label", N_("Intitulé"), "label"),
            *money,
            Column("to_explain", N_("À expliquer"), "label"),
            Column("explanation", N_("Explication")),
        )
    )
    return View(columns, frame, title=N_("Compte rendu financier (Cerfa n° 15059)"))


def monthly_totals_view(totals: pd.DataFrame) -> View:
    """Budgeted charges and income per month (:func:`essdiag.budget.monthly_totals`)."""
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("charges", N_("Charges"), "EUR"),
            Column("income", N_("Produits"), "EUR"),
        ),
        totals[["month", "charges", "income"]].reset_index(drop=True),
        title=N_("Budget mensuel : charges et produits"),
    )


def line_months_view(line: BudgetLine, fiscal_year: FiscalYear) -> View:
    """The twelve months of one budget line, in fiscal-year order."""
    frame = pd.DataFrame(
        {"month": fiscal_year.month_keys(), "amount": [float(m) for m in line.months]}
    )
    return View(
        (Column("month", N_("Mois"), "month"), Column("amount", N_("Montant"), "EUR")),
        frame,
        title=N_("Répartition mensuelle"),
    )


def headings_view(totals: pd.DataFrame) -> View:
    """Annual budget by heading (:func:`essdiag.budget.checks.totals_by_heading`); keeps ``kind``."""
    return View(
        (
            Column("heading", N_("Rubrique")),
            Column("label", N_("Intitulé"), "label"),
            Column("amount", N_("Montant"), "EUR"),
        ),
        totals[["heading", "label", "kind", "amount"]].reset_index(drop=True),
        title=N_("Budget annuel par rubrique"),
    )

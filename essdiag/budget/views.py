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

from essdiag.budget.landing import Method, Note
from essdiag.budget.section import BudgetLine, BudgetVersion
from essdiag.budget.section.headings import Kind
from essdiag.figures import Column, View
from essdiag.i18n import N_, Translator
from essdiag.periods import FiscalYear, month_title

__all__ = [
    "TO_WRITE",
    "cerfa15059_view",
    "cumulative_view",
    "headings_view",
    "landing_lines_view",
    "landing_view",
    "line_months_view",
    "lines_view",
    "monthly_totals_view",
    "variance_view",
    "versions_list_view",
    "versions_view",
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


def variance_view(table: pd.DataFrame, *, export: bool = False, projected: bool = False) -> View:
    """A variance table (:func:`essdiag.budget.variance.variance_table`).

    On the screen, « À expliquer » says « Oui » on the flagged lines; in the
    export the column is « Seuil dépassé » and says « À expliquer ». With
    ``projected`` (the whole year before its end) the actual column is the
    landing and says so.

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
            Column("actual", N_("Atterrissage (réalisé + budget restant)"), "EUR")
            if projected
            else Column("actual", N_("Réalisé"), "EUR"),
            Column("variance", N_("Écart"), "EUR"),
            Column("variance_pct", N_("Écart relatif"), "%"),
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


def waterfall_view(
    table: pd.DataFrame,
    tr: Translator,
    *,
    max_steps: int = 12,
    actual_label: str = N_("Résultat réalisé"),
) -> View:
    """Steps from budgeted to actual result of the period, one per line of the variance table.

    Each step is the line's effect on the result: +variance for income,
    −variance for charges. The ``max_steps`` largest effects get a step each;
    the others are added up in one "other variances" step, so the chart stays
    readable at account level. Step names carry the line's key and are unique
    (a category axis would merge equal names), whole (the chart shortens
    them, the table and its CSV keep them), written in the reader's language
    (``tr``). The frame holds ``step``, ``effect`` (euros) and ``kind``
    (``total`` or ``relative``); the first row is the budgeted result, the
    last the actual one (``actual_label`` names it: « Résultat réalisé », or
    « Résultat atterri » for a year not over).

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
    steps = pd.DataFrame({"step": names, "effect": effect.to_numpy()})
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
    rows.append({"step": _(actual_label), "effect": actual_result, "kind": "total"})
    out = pd.DataFrame(rows)
    out["effect"] = out["effect"].round(2)
    return View(
        (Column("step", N_("Étape")), Column("effect", N_("Effet sur le résultat"), "EUR")),
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
        Column("variance", N_("Écart"), "EUR"),
    )
    columns = (
        (
            Column("code", N_("Rubrique")),
            Column("title", N_("Intitulé"), "label"),
            *money,
            Column("variance_pct", N_("Écart relatif"), "%"),
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


def lines_view(version: BudgetVersion, fiscal_year: FiscalYear, tr: Translator) -> View:
    """The lines of a budget version, one column per month (named « janvier 2026 »…) and the total.

    For reading (an adopted version); a draft is edited in the template's own table.
    """
    months = fiscal_year.month_keys()
    lines = version.lines
    frame = pd.DataFrame(
        {
            "account": [ln.account for ln in lines],
            "label": [ln.label for ln in lines],
            "heading": [ln.head for ln in lines],
            "analytic": [ln.analytic for ln in lines],
            "funder": [ln.funder for ln in lines],
            **{m: [float(ln.months[i]) for ln in lines] for i, m in enumerate(months)},
            # Summed in cents and rounded once, as the balance check does.
            "total": [sum(round(x * 100) for x in ln.months) / 100 for ln in lines],
        }
    )
    return View(
        (
            Column("account", N_("Compte")),
            Column("label", N_("Libellé")),
            Column("heading", N_("Rubrique")),
            Column("analytic", N_("Code analytique")),
            Column("funder", N_("Financeur")),
            *(Column(m, month_title(m, tr), "EUR") for m in months),
            Column("total", N_("Total"), "EUR"),
        ),
        frame,
        title=N_("Lignes du budget"),
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


def landing_lines_view(lines: pd.DataFrame) -> View:
    """The landing of every budget line (:func:`essdiag.budget.landing.line_landing`), its inputs
    and where a method did not use its own formula."""
    frame = pd.DataFrame(
        {
            "kind": pd.Series([Kind(str(k)) for k in lines["kind"]], dtype="object"),
            "account": lines["account"].astype("str"),
            "label": lines["label"].astype("str").where(lines["label"] != "", lines["account"]),
            "analytic": lines["analytic"].astype("str"),
            **{
                c: lines[c].astype("float64")
                for c in (
                    "actual_to_date",
                    "budget_year",
                    "budget_to_date",
                    "remaining",
                    "share",
                    *(str(m) for m in Method),
                )
            },
            "note": pd.Series(
                [
                    Note(str(r)).label if r else (Note(str(s_)).label if s_ else "")
                    for r, s_ in zip(lines["runrate_note"], lines["seasonal_note"], strict=True)
                ],
                dtype="object",
            ),
        }
    )
    return View(
        (
            _KIND,
            Column("account", N_("Compte")),
            Column("label", N_("Libellé"), "text"),
            Column("analytic", N_("Code analytique")),
            Column("actual_to_date", N_("Réalisé à date (A)"), "EUR"),
            Column("budget_year", N_("Budget annuel (B)"), "EUR"),
            Column("budget_to_date", N_("Budget à date (Bk)"), "EUR"),
            Column("remaining", N_("Budget restant (B − Bk)"), "EUR"),
            Column("share", N_("Part N−1 à date (s)"), "%"),
            Column(str(Method.BUDGET), N_("A + (B − Bk)"), "EUR"),
            Column(str(Method.RUNRATE), N_("A × 12 / k"), "EUR"),
            Column(str(Method.SEASONAL), N_("A ÷ s"), "EUR"),
            Column("note", N_("Remarque"), "label"),
        ),
        frame,
        title=N_("Atterrissage ligne par ligne"),
    )


def versions_view(table: pd.DataFrame, versions: list[BudgetVersion], tr: Translator) -> View:
    """Budget versions side by side with the actual (:func:`essdiag.budget.analysis.versions_table`).

    Each version's column is named in the reader's language (« Budget
    initial 2026 », « Budget rectificatif n° 1 2026 »); the variance is
    against the last version.
    """
    keys = [f"budget_{v.id}" for v in versions]
    frame = pd.DataFrame(
        {
            **_keyed(table, [*keys, "actual", "variance"]),
        }
    )
    last = tr.fill(versions[-1].name, versions[-1].name_params) if versions else ""
    return View(
        (
            _KIND,
            _KEY,
            _LABEL,
            *(
                Column(k, tr.fill(v.name, v.name_params), "EUR")
                for k, v in zip(keys, versions, strict=True)
            ),
            Column("actual", N_("Réalisé"), "EUR"),
            Column(
                "variance", tr(N_("Écart au {version}"), version=last[:1].lower() + last[1:]), "EUR"
            ),
        ),
        frame,
        title=N_("Budget initial, budgets rectificatifs et réalisé"),
    )


def versions_list_view(versions: list[BudgetVersion], tr: Translator) -> View:
    """The versions of the budgets: which (named in the reader's language), status, date, author,
    reason, totals."""
    rows = []
    for v in versions:
        charges = sum(round(m * 100) for ln in v.lines if ln.head[:1] == "6" for m in ln.months)
        income = sum(round(m * 100) for ln in v.lines if ln.head[:1] == "7" for m in ln.months)
        rows.append(
            {
                "year": v.fiscal_year,
                "name": tr.fill(v.name, v.name_params),
                "status": v.status,
                "date": v.date,
                "author": v.author,
                "reason": v.reason,
                "lines": len(v.lines),
                "charges": charges / 100,
                "income": income / 100,
            }
        )
    return View.of(
        (
            Column("year", N_("Exercice")),
            Column("name", N_("Version")),
            Column("status", N_("Statut"), "label"),
            Column("date", N_("Date"), "date"),
            Column("author", N_("Auteur"), "author"),
            Column("reason", N_("Motif")),
            Column("lines", N_("Lignes"), "count"),
            Column("charges", N_("Charges"), "EUR"),
            Column("income", N_("Produits"), "EUR"),
        ),
        rows,
        N_("Versions du budget"),
    )

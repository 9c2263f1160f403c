"""Widgets of the budget and variance screens: display tables, comment and threshold forms.

The pages only say what the screen shows; the widget code lives here. Money
in display tables is written with the translator (``1 234,56 €`` in French),
so it reads the same whatever the browser's locale.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any, Literal, cast

import pandas as pd
import streamlit as st

from essdiag.budget.analysis import VarianceReport
from essdiag.budget.cerfa15059 import cerfa15059_table, comment_level
from essdiag.budget.landing import METHODS
from essdiag.budget.phasing import account_profile, even, seasonal, weighted
from essdiag.budget.section import BudgetLine, BudgetSection, Materiality, VarianceComment
from essdiag.figures import Figure
from essdiag.i18n import Translator
from essdiag.periods import FiscalYear, month_title
from essdiag.report.cerfa15059 import cerfa15059_docx, cerfa15059_xlsx
from essdiag.ui import state, widgets

__all__ = [
    "cerfa_frame",
    "cerfa_section",
    "comment_form",
    "landing_frame",
    "landing_metrics",
    "money_text",
    "month_name",
    "phasing_form",
    "save_budget",
    "thresholds_form",
    "variance_frame",
]


def money_text(values: Iterable[Any], _: Translator, digits: int = 2) -> list[str]:
    """Amounts written in the reader's language (empty for missing values)."""
    out: list[str] = []
    for v in values:
        f = float(v) if v is not None else math.nan
        out.append("" if math.isnan(f) else _.money(f, digits))
    return out


def _kind(kind: object, _: Translator) -> str:
    return _("Produit") if kind == "income" else _("Charge")


def variance_frame(frame: pd.DataFrame, _: Translator) -> pd.DataFrame:
    """A variance table (:func:`essdiag.budget.variance.variance_table`) with French headers."""
    return pd.DataFrame(
        {
            _("Nature"): [_kind(k, _) for k in frame["kind"]],
            _("Clé"): frame["key"].astype("str"),
            _("Libellé"): [_(str(x)) for x in frame["label"]],
            _("Budget"): money_text(frame["budget"], _),
            _("Réalisé"): money_text(frame["actual"], _),
            _("Écart (€)"): money_text(frame["variance"], _),
            _("Écart (%)"): [
                "" if math.isnan(v) else _.percent(float(v), 1) for v in frame["variance_pct"]
            ],
            _("Sens"): [
                "—" if pd.isna(f) else _("Favorable") if f else _("Défavorable")
                for f in frame["favourable"]
            ],
            _("À expliquer"): [_("Oui") if f else "" for f in frame["flagged"]],
            _("Explication"): frame["comment"].astype("str"),
        }
    )


def landing_frame(land: pd.DataFrame, _: Translator) -> pd.DataFrame:
    """The landing table (:func:`essdiag.budget.landing.landing_forecast`) with French headers."""
    return pd.DataFrame(
        {
            _("Nature"): [_kind(k, _) for k in land["kind"]],
            _("Clé"): land["key"].astype("str"),
            _("Libellé"): [_(str(x)) for x in land["label"]],
            _("Budget annuel"): money_text(land["budget_year"], _),
            _("Réalisé à date"): money_text(land["actual_to_date"], _),
            **{_(name): money_text(land[col], _) for col, name in METHODS.items()},
        }
    )


def cerfa_frame(cerfa: pd.DataFrame, _: Translator) -> pd.DataFrame:
    """The CERFA 15059 table (:func:`essdiag.budget.cerfa15059.cerfa15059_table`) for display."""
    return pd.DataFrame(
        {
            _("Intitulé"): [_(str(x)) for x in cerfa["label"]],
            _("Prévision"): money_text(cerfa["budget"], _),
            _("Réalisation"): money_text(cerfa["actual"], _),
            _("Écart (€)"): money_text(cerfa["variance"], _),
            _("À expliquer"): [_("Oui") if f else "" for f in cerfa["flagged"]],
            _("Explication"): cerfa["explanation"].astype("str"),
        }
    )


def landing_metrics(results: dict[str, Figure], keys: Iterable[str]) -> None:
    """One metric per year-end result, each with its "Comment est-ce calculé ?" below it."""
    _ = state.tr()
    keys = list(keys)
    for col, key in zip(st.columns(len(keys)), keys, strict=True):
        fig = results[key]
        with col:
            st.metric(_(fig.label), _.money(fig.value, 0))
            widgets.explain(fig)


def save_budget(
    opened: state.OpenDossier, update: dict[str, Any], message: str, note: str, flash_key: str
) -> None:
    """Save the budget section with ``update`` as a new revision, then rerun."""
    new = opened.dossier.budget.model_copy(update=update)
    if state.save_current(opened.dossier.model_copy(update={"budget": new}), message):
        st.session_state[flash_key] = note
    st.rerun()


def comment_form(
    *,
    form_key: str,
    widget_prefix: str,
    lines: list[tuple[str, str, float, str]],
    budget: BudgetSection,
    level: str,
    period: str,
    submit: str,
    on_save: Callable[[list[VarianceComment]], None],
    intro: str = "",
) -> None:
    """A form with one explanation per flagged line; ``lines`` = (key, title, variance, text).

    On submit, the explanations of those lines for that level and period are
    replaced in the budget's comments and ``on_save`` gets the new list.
    """
    _ = state.tr()
    with st.form(form_key):
        if intro:
            st.markdown(intro)
        texts: dict[str, str] = {}
        for key, title, variance, text in lines:
            texts[key] = st.text_area(
                f"{title} ({_.money(variance, 0)})",
                value=text,
                key=f"{widget_prefix}_{key}",
                height=68,
            )
        if st.form_submit_button(submit):
            kept = [
                c
                for c in budget.comments
                if not (c.level == level and c.period == period and c.key in texts)
            ]
            kept += [
                VarianceComment(level=level, key=k, period=period, text=t, author=state.author())
                for k, t in texts.items()
                if t.strip()
            ]
            on_save(kept)


def thresholds_form(materiality: Materiality, on_save: Callable[[Materiality], None]) -> None:
    """The materiality thresholds (absolute €, relative %, both or either), in a form."""
    _ = state.tr()
    with st.form("variance_thresholds"):
        absolute = st.number_input(
            _("Seuil absolu (€)"),
            min_value=0.0,
            value=float(materiality.absolute),
            step=500.0,
            key="variance_abs",
        )
        relative = st.number_input(
            _("Seuil relatif (%)"),
            min_value=0.0,
            value=float(materiality.relative * 100),
            step=1.0,
            key="variance_rel",
        )
        both = st.checkbox(
            _("Les deux seuils doivent être dépassés"),
            value=materiality.both,
            key="variance_both",
        )
        if st.form_submit_button(_("Enregistrer les seuils")):
            on_save(
                Materiality(absolute=float(absolute), relative=float(relative) / 100, both=both)
            )


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def cerfa_section(
    report: VarianceReport,
    budget: BudgetSection,
    *,
    organisation: str,
    on_save: Callable[[list[VarianceComment]], None],
) -> None:
    """The CERFA 15059 report: project and funder pickers, table, explanations, downloads."""
    _ = state.tr()
    st.markdown(_("**Compte rendu financier (CERFA 15059)** pour une action ou un projet"))
    codes = sorted({ln.analytic for ln in budget.lines if ln.analytic})
    funders = sorted({ln.funder for ln in budget.lines if ln.funder})
    p1, p2 = st.columns(2)
    project = str(
        p1.selectbox(
            _("Action / projet (code analytique)"),
            ["", *codes],
            format_func=lambda c: c or _("Ensemble de la structure"),
            key="variance_cerfa_project",
        )
        or ""
    )
    funder = str(
        p2.selectbox(
            _("Financeur destinataire"),
            ["", *funders],
            format_func=lambda f: f or _("Tous"),
            key="variance_cerfa_funder",
            help=_(
                "Sans projet choisi, le compte rendu couvre les projets que ce financeur soutient."
            ),
        )
        or ""
    )
    period = report.period.key
    cerfa = cerfa15059_table(
        report.attributed,
        report.period,
        analytic=project or None,
        funder=funder or None,
        materiality=budget.materiality,
        comments=budget.comments,
    )
    st.dataframe(cerfa_frame(cerfa, _), hide_index=True, key="variance_cerfa")
    to_explain = cerfa[cerfa["flagged"]]
    if not to_explain.empty:
        comment_form(
            form_key="variance_cerfa_comments",
            widget_prefix=f"variance_cerfa_note_{project}",
            lines=[
                (str(r.code), _(str(r.label)).strip(), float(r.variance), str(r.explanation))
                for r in to_explain.itertuples(index=False)
            ],
            budget=budget,
            level=comment_level(project or (f"financeur:{funder}" if funder else None)),
            period=period,
            submit=_("Enregistrer les explications du compte rendu"),
            on_save=on_save,
        )
    slug = "".join(ch if ch.isalnum() else "_" for ch in project or funder or "structure")
    # The form's header names the action; for a funder, say it is the funder's report.
    action = project or (_("{f} (projets financés)", f=funder) if funder else "")
    d1, d2 = st.columns(2)
    d1.download_button(
        _("CERFA 15059 (XLSX)"),
        data=cerfa15059_xlsx(cerfa, organisation=organisation, project=action, period=period),
        file_name=f"cerfa15059_{slug}_{period}.xlsx",
        mime=XLSX_MIME,
        key="variance_cerfa_xlsx",
    )
    d2.download_button(
        _("CERFA 15059 (DOCX)"),
        data=cerfa15059_docx(cerfa, organisation=organisation, project=action, period=period),
        file_name=f"cerfa15059_{slug}_{period}.docx",
        mime=DOCX_MIME,
        key="variance_cerfa_docx",
    )


PhasingMethod = Literal["even", "custom", "seasonal"]


def phasing_form(
    section: BudgetSection,
    *,
    last_year: FiscalYear,
    last_year_actuals: Callable[[], pd.DataFrame | None],
    on_save: Callable[[int, list[float], PhasingMethod], None],
) -> tuple[int, BudgetLine]:
    """Pick a budget line and spread its annual amount: even, custom weights or last year's.

    Returns the chosen line (index, line); ``on_save`` gets the new months.
    """
    _ = state.tr()
    chosen = int(
        st.selectbox(
            _("Ligne à répartir"),
            list(range(len(section.lines))),
            format_func=lambda i: (
                f"{section.lines[i].account} {section.lines[i].label} "
                f"{section.lines[i].analytic}".strip()
            ),
            key="budget_phasing_line",
        )
        or 0
    )
    line = section.lines[chosen]
    methods: dict[str, str] = {
        "even": _("Uniforme (1/12 par mois)"),
        "custom": _("Poids personnalisés"),
        "seasonal": _("Saisonnalité du réalisé N−1"),
    }
    with st.form("budget_phasing"):
        method = st.radio(
            _("Méthode"),
            list(methods),
            format_func=methods.__getitem__,
            horizontal=True,
            key="budget_phasing_method",
        )
        annual = st.number_input(
            _("Montant annuel (€)"),
            value=round(line.total, 2),
            step=100.0,
            key="budget_phasing_total",
        )
        weights_text = st.text_input(
            _("Poids des 12 mois (séparés par des ;), pour la méthode personnalisée"),
            value=";".join("1" for _m in range(12)),
            key="budget_phasing_weights",
        )
        apply = st.form_submit_button(_("Appliquer la répartition"))
    if not apply:
        return chosen, line
    months: list[float] | None = None
    if method == "even":
        months = even(float(annual))
    elif method == "custom":
        try:
            weights = [float(w.replace(",", ".")) for w in weights_text.split(";")]
            months = weighted(float(annual), weights) if len(weights) == 12 else None
        except (ValueError, ZeroDivisionError):
            months = None
        if months is None:
            st.error(_("Il faut 12 poids numériques séparés par des points-virgules."))
    else:
        actuals = last_year_actuals()
        if actuals is None:
            st.error(
                _(
                    "Importez le FEC de l'exercice précédent (page Comptabilité) pour "
                    "utiliser sa saisonnalité."
                )
            )
        else:
            months = seasonal(float(annual), account_profile(actuals, line.account, last_year))
    if months is not None:
        on_save(chosen, months, cast("PhasingMethod", method))
    return chosen, line


def month_name(month: str, _: Translator) -> str:
    """A "YYYY-MM" month written out in the reader's language ("octobre 2026")."""
    return month_title(month, _)

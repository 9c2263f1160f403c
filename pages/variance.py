"""Écarts — the director's monthly check: budget vs actual, flagged lines, landing, CERFA 15059."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
import streamlit as st

from essdiag.budget import Materiality, VarianceComment
from essdiag.budget.analysis import last_month_with_entries
from essdiag.budget.cerfa15059 import cerfa15059_table, comment_level
from essdiag.budget.landing import METHODS
from essdiag.budget.model import fiscal_months
from essdiag.budget.variance import LEVELS
from essdiag.charts.variance import cumulative_chart, waterfall_chart, waterfall_frame
from essdiag.periods import FiscalYear
from essdiag.report.cerfa15059 import cerfa15059_docx, cerfa15059_xlsx
from essdiag.report.variance_xlsx import variance_xlsx
from essdiag.ui import state, widgets
from essdiag.ui.ledger import dossier_ledger, variance_report

_ = state.tr()
widgets.page_header(
    _("Écarts budget / réalisé et atterrissage"),
    ["BC02.C7", "BC02.C6"],
    _(
        "Où en sommes-nous par rapport au budget, et où allons-nous atterrir ? Choisissez la "
        "période et le niveau de détail : les écarts qui dépassent les seuils viennent en tête "
        "et attendent une explication."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
budget = opened.dossier.budget
ledgers = opened.dossier.ledger
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

flash = st.session_state.pop("variance_flash", None)
if flash:
    st.success(flash)

if not budget.lines or budget.fiscal_year is None:
    st.info(_("Aucun budget dans ce dossier : construisez-le ou importez-le (page Budget)."))
    st.page_link("pages/budget.py", label=_("Aller au budget"))
    st.stop()
fy = FiscalYear(label_year=budget.fiscal_year, start_month=budget.start_month)
if not ledgers.for_year(fy.label_year):
    st.info(
        _(
            "Aucun réalisé importé pour l'exercice {y} : importez le FEC (page Comptabilité).",
            y=fy.label_year,
        )
    )
    st.page_link("pages/ledger.py", label=_("Importer le réalisé"))
    st.stop()

months = fiscal_months(fy)
last = last_month_with_entries(dossier_ledger(ledgers, fy.label_year), fy) or months[0]
periods = {
    "month": _("Mois"),
    "quarter": _("Trimestre"),
    "ytd": _("Cumul depuis le début de l'exercice"),
    "year": _("Exercice entier"),
}
c1, c2, c3 = st.columns(3)
through = c1.selectbox(
    _("Réalisé arrêté à fin"),
    months,
    index=months.index(last),
    key="variance_through",
    help=_("Dernier mois dont les écritures sont complètes."),
)
period_kind = c2.selectbox(
    _("Période"),
    list(periods),
    index=2,
    format_func=periods.__getitem__,
    key="variance_period",
)
level = c3.selectbox(
    _("Niveau"),
    list(LEVELS),
    format_func=lambda k: _(LEVELS[k]),
    key="variance_level",
)

with st.spinner(_("Calcul des écarts…")):
    report = variance_report(
        budget,
        ledgers,
        fy,
        through=str(through),
        period=period_kind,  # type: ignore[arg-type]
        level=level,  # type: ignore[arg-type]
    )
table = report.table


def save_budget(update: dict[str, Any], message: str, note: str) -> None:
    """Save the budget section (comments, thresholds) as a new revision."""
    new = budget.model_copy(update=update)
    if state.save_current(opened.dossier.model_copy(update={"budget": new}), message):
        st.session_state["variance_flash"] = note
    st.rerun()


def money_columns(*names: str) -> dict[str, Any]:
    """Column settings showing euros in the reader's locale."""
    return {n: st.column_config.NumberColumn(n, format="euro") for n in names}


MONEY = money_columns(_("Budget"), _("Réalisé"), _("Écart (€)"))
PCT = {_("Écart (%)"): st.column_config.NumberColumn(_("Écart (%)"), format="%.1f %%")}


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The variance table with French headers, for display."""
    return pd.DataFrame(
        {
            _("Nature"): [_("Produit") if k == "income" else _("Charge") for k in frame["kind"]],
            _("Clé"): frame["key"],
            _("Libellé"): [_(str(x)) for x in frame["label"]],
            _("Budget"): frame["budget"],
            _("Réalisé"): frame["actual"],
            _("Écart (€)"): frame["variance"],
            _("Écart (%)"): [
                None if math.isnan(v) else round(100 * v, 1) for v in frame["variance_pct"]
            ],
            _("Sens"): [
                "—" if pd.isna(f) else _("Favorable") if f else _("Défavorable")
                for f in frame["favourable"]
            ],
            _("À expliquer"): [_("Oui") if f else "" for f in frame["flagged"]],
            _("Explication"): frame["comment"],
        }
    )


# -- headline -------------------------------------------------------------------
flagged = table[table["flagged"]]
r = report.results
m1, m2, m3, m4 = st.columns(4)
m1.metric(_("Lignes à expliquer"), len(flagged))
m2.metric(_("Résultat budgété"), _.money(r["budget_year"].value, 0))
m3.metric(
    _("Atterrissage : {m}", m=_(METHODS["landing_budget"])),
    _.money(r["landing_budget"].value, 0),
)
m4.metric(
    _("Atterrissage : {m}", m=_(METHODS["landing_seasonal"])),
    _.money(r["landing_seasonal"].value, 0),
)

# -- flagged lines first ------------------------------------------------------
st.subheader(_("Écarts à expliquer — {p}", p=report.period.key))
if flagged.empty:
    st.success(
        _(
            "Aucun écart ne dépasse les seuils ({a} et {r}).",
            a=_.money(budget.materiality.absolute, 0),
            r=_.percent(budget.materiality.relative, 0),
        )
    )
else:
    st.dataframe(shown(flagged), hide_index=True, key="variance_flagged", column_config=MONEY | PCT)
    with st.form("variance_comments"):
        st.markdown(_("**Explications** (conservées dans le dossier)"))
        texts: dict[str, str] = {}
        for rec in flagged.head(15).itertuples(index=False):
            texts[str(rec.key)] = st.text_area(
                f"{rec.key} — {_(str(rec.label))} ({_.money(float(rec.variance), 0)})",
                value=str(rec.comment),
                key=f"variance_comment_{level}_{rec.key}",
                height=68,
            )
        if st.form_submit_button(_("Enregistrer les explications")):
            kept = [
                c
                for c in budget.comments
                if not (c.level == level and c.period == report.period.key and c.key in texts)
            ]
            kept += [
                VarianceComment(
                    level=level, key=k, period=report.period.key, text=t, author=state.author()
                )
                for k, t in texts.items()
                if t.strip()
            ]
            save_budget(
                {"comments": kept},
                _("Explication des écarts {p}", p=report.period.key),
                _("Explications enregistrées."),
            )

with st.expander(_("Toutes les lignes ({n})", n=len(table))):
    st.dataframe(shown(table), hide_index=True, key="variance_all", column_config=MONEY | PCT)

# -- charts -------------------------------------------------------------------
st.subheader(_("Du résultat budgété au résultat réalisé"))
steps = waterfall_frame(table, _)
widgets.chart_with_table(
    waterfall_chart(
        steps, _, title=_("Effet de chaque écart sur le résultat ({p})", p=report.period.key)
    ),
    steps.rename(columns={"step": _("Étape"), "effect": _("Effet (€)"), "kind": _("Type")}),
    key="variance_waterfall",
    caption=_("Un produit au-dessus du budget ou une charge en dessous améliore le résultat."),
)
st.subheader(_("Résultat cumulé : budget, réalisé, atterrissage"))
cum = report.cumulative
widgets.chart_with_table(
    cumulative_chart(cum, _, title=_("Résultat cumulé mois par mois")),
    cum.rename(
        columns={
            "month": _("Mois"),
            "budget": _("Budget cumulé"),
            "actual": _("Réalisé cumulé"),
            "landing": _("Atterrissage cumulé"),
        }
    ),
    key="variance_cumulative",
)

# -- landing ------------------------------------------------------------------
st.subheader(_("Atterrissage de l'exercice par trois méthodes"))
cols = st.columns(4)
for col, key in zip(cols, ["budget_year", *METHODS], strict=True):
    fig = r[key]
    col.metric(_(fig.label), _.money(fig.value, 0))
land = report.landing
st.dataframe(
    pd.DataFrame(
        {
            _("Nature"): [_("Produit") if k == "income" else _("Charge") for k in land["kind"]],
            _("Clé"): land["key"],
            _("Libellé"): [_(str(x)) for x in land["label"]],
            _("Budget annuel"): land["budget_year"],
            _("Réalisé à date"): land["actual_to_date"],
            **{_(name): land[col] for col, name in METHODS.items()},
        }
    ),
    hide_index=True,
    key="variance_landing",
    column_config=money_columns(
        _("Budget annuel"), _("Réalisé à date"), *(_(name) for name in METHODS.values())
    ),
)
for key in METHODS:
    widgets.explain(r[key])
with st.expander(_("Comment est-ce calculé ?"), expanded=False):
    st.markdown(
        _(
            "- **Écart** = réalisé − budget ; en % du budget. Pour un produit, un réalisé au-dessus "
            "du budget est favorable ; pour une charge, un réalisé en dessous est favorable.\n"
            "- **Seuils** : une ligne est à expliquer quand l'écart dépasse {a} et {r} du budget "
            "(réglables ci-dessous).\n"
            "- **Réalisé** : écritures de l'exercice hors à-nouveaux (AN/RAN), comptes 60–69 "
            "(débit − crédit) et 70–79 (crédit − débit). Un compte du FEC est rattaché à la ligne "
            "du budget dont le compte est son plus long préfixe ; sans code analytique, il est "
            "réparti entre les lignes de ce compte au prorata de leur budget annuel.\n"
            "- **Atterrissage** : réalisé à date + budget restant ; rythme constaté (réalisé × 12 "
            "/ mois écoulés) ; saisonnalité N−1 (réalisé ÷ part de l'année N−1 faite à la même "
            "date, par rubrique).",
            a=_.money(budget.materiality.absolute, 0),
            r=_.percent(budget.materiality.relative, 0),
        )
    )

# -- thresholds -----------------------------------------------------------------
with st.expander(_("Seuils de significativité")), st.form("variance_thresholds"):
    absolute = st.number_input(
        _("Seuil absolu (€)"),
        min_value=0.0,
        value=float(budget.materiality.absolute),
        step=500.0,
        key="variance_abs",
    )
    relative = st.number_input(
        _("Seuil relatif (%)"),
        min_value=0.0,
        value=float(budget.materiality.relative * 100),
        step=1.0,
        key="variance_rel",
    )
    both = st.checkbox(
        _("Les deux seuils doivent être dépassés"),
        value=budget.materiality.both,
        key="variance_both",
    )
    if st.form_submit_button(_("Enregistrer les seuils")):
        save_budget(
            {
                "materiality": Materiality(
                    absolute=float(absolute), relative=float(relative) / 100, both=bool(both)
                )
            },
            _("Seuils de significativité des écarts"),
            _("Seuils enregistrés."),
        )

# -- exports ------------------------------------------------------------------
st.subheader(_("Exports"))
name = opened.dossier.identity.name
st.download_button(
    _("Rapport d'écarts (XLSX, une feuille par niveau)"),
    data=variance_xlsx(report, lang=_.lang, organisation=name),
    file_name=f"ecarts_{report.period.key}.xlsx",
    mime=XLSX_MIME,
    key="variance_xlsx",
)
st.markdown(_("**Compte rendu financier (CERFA 15059)** pour une action ou un projet"))
codes = sorted({ln.analytic for ln in budget.lines if ln.analytic})
funders = sorted({ln.funder for ln in budget.lines if ln.funder})
p1, p2 = st.columns(2)
project = p1.selectbox(
    _("Action / projet (code analytique)"),
    ["", *codes],
    format_func=lambda c: c or _("Ensemble de la structure"),
    key="variance_cerfa_project",
)
funder = p2.selectbox(
    _("Financeur destinataire"),
    ["", *funders],
    format_func=lambda f: f or _("Tous"),
    key="variance_cerfa_funder",
    help=_("Sans projet choisi, le compte rendu couvre les projets que ce financeur soutient."),
)
cerfa = cerfa15059_table(
    report.attributed,
    report.period,
    analytic=project or None,
    funder=funder or None,
    materiality=budget.materiality,
    comments=budget.comments,
)
st.dataframe(
    pd.DataFrame(
        {
            _("Intitulé"): [_(str(x)) for x in cerfa["label"]],
            _("Prévision"): cerfa["budget"],
            _("Réalisation"): cerfa["actual"],
            _("Écart (€)"): cerfa["variance"],
            _("À expliquer"): [_("Oui") if f else "" for f in cerfa["flagged"]],
            _("Explication"): cerfa["explanation"],
        }
    ),
    hide_index=True,
    key="variance_cerfa",
    column_config=money_columns(_("Prévision"), _("Réalisation"), _("Écart (€)")),
)
to_explain = cerfa[cerfa["flagged"]]
if not to_explain.empty:
    with st.form("variance_cerfa_comments"):
        notes: dict[str, str] = {}
        for rec in to_explain.itertuples(index=False):
            notes[str(rec.code)] = st.text_area(
                f"{_(str(rec.label)).strip()} ({_.money(float(rec.variance), 0)})",
                value=str(rec.explanation),
                key=f"variance_cerfa_note_{project}_{rec.code}",
                height=68,
            )
        if st.form_submit_button(_("Enregistrer les explications du compte rendu")):
            lvl = comment_level(project or (f"financeur:{funder}" if funder else None))
            kept = [
                c
                for c in budget.comments
                if not (c.level == lvl and c.period == report.period.key and c.key in notes)
            ]
            kept += [
                VarianceComment(
                    level=lvl, key=k, period=report.period.key, text=t, author=state.author()
                )
                for k, t in notes.items()
                if t.strip()
            ]
            save_budget(
                {"comments": kept},
                _("Explications du compte rendu financier"),
                _("Explications enregistrées."),
            )
d1, d2 = st.columns(2)
d1.download_button(
    _("CERFA 15059 (XLSX)"),
    data=cerfa15059_xlsx(
        cerfa, organisation=name, project=project or funder, period=report.period.key
    ),
    file_name=f"cerfa15059_{project or 'structure'}_{report.period.key}.xlsx",
    mime=XLSX_MIME,
    key="variance_cerfa_xlsx",
)
d2.download_button(
    _("CERFA 15059 (DOCX)"),
    data=cerfa15059_docx(
        cerfa, organisation=name, project=project or funder, period=report.period.key
    ),
    file_name=f"cerfa15059_{project or 'structure'}_{report.period.key}.docx",
    mime=DOCX_MIME,
    key="variance_cerfa_docx",
)

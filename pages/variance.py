"""Écarts — the director's monthly check: budget vs actual, flagged lines, landing, CERFA 15059."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from essdiag.budget.analysis import last_month_with_entries
from essdiag.budget.landing import METHODS
from essdiag.budget.variance import LEVELS
from essdiag.charts.variance import cumulative_chart, waterfall_chart, waterfall_frame
from essdiag.periods import FiscalYear
from essdiag.report.variance_xlsx import variance_xlsx
from essdiag.ui import budget as ui_budget
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

months = fy.month_keys()
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
    format_func=lambda m: ui_budget.month_name(str(m), _),
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
    index=list(LEVELS).index("account"),  # where the lines to explain show up
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
if period_kind == "year" and through != months[-1]:
    st.info(
        _(
            "Exercice entier : le budget de toute l'année est comparé au réalisé arrêté à fin "
            "{m}. Pour savoir où l'année va finir, voyez l'atterrissage plus bas.",
            m=ui_budget.month_name(str(through), _),
        )
    )


def save(update: dict[str, Any], message: str, note: str) -> None:
    """Save the budget section (comments, thresholds) as a new revision."""
    ui_budget.save_budget(opened, update, message, note, "variance_flash")


limits = {
    "a": _.money(budget.materiality.absolute, 0),
    "r": _.percent(budget.materiality.relative, 0),
}
thresholds = _("{a} et {r}", **limits) if budget.materiality.both else _("{a} ou {r}", **limits)

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
st.subheader(_("Écarts à expliquer — {p}", p=report.period.title(_)))
if flagged.empty:
    st.success(
        _(
            "Aucun écart ne dépasse les seuils ({t}).",
            t=thresholds,
        )
    )
else:
    st.dataframe(ui_budget.variance_frame(flagged, _), hide_index=True, key="variance_flagged")
    ui_budget.comment_form(
        form_key="variance_comments",
        widget_prefix=f"variance_comment_{level}",
        lines=[
            (
                str(rec.key),
                f"{rec.key} — {_(str(rec.label))}",
                float(rec.variance),
                str(rec.comment),
            )
            for rec in flagged.head(15).itertuples(index=False)
        ],
        budget=budget,
        level=level,
        period=report.period.key,
        submit=_("Enregistrer les explications"),
        intro=_("**Explications** (conservées dans le dossier)"),
        on_save=lambda kept: save(
            {"comments": kept},
            _("Explication des écarts — {p}", p=report.period.title(_)),
            _("Explications enregistrées."),
        ),
    )

with st.expander(_("Toutes les lignes ({n})", n=len(table))):
    st.dataframe(ui_budget.variance_frame(table, _), hide_index=True, key="variance_all")

# -- charts -------------------------------------------------------------------
st.subheader(_("Du résultat budgété au résultat réalisé"))
steps = waterfall_frame(table, _)
widgets.chart_with_table(
    waterfall_chart(
        steps,
        _,
        title=_(
            "Effet de chaque écart sur le résultat ({p})",
            p=report.period.title(_),
        ),
    ),
    pd.DataFrame(
        {
            _("Étape"): steps["step"],
            _("Effet (€)"): ui_budget.money_text(steps["effect"], _),
        }
    ),
    key="variance_waterfall",
    caption=_("Un produit au-dessus du budget ou une charge en dessous améliore le résultat."),
)
st.subheader(_("Résultat cumulé : budget, réalisé, atterrissage"))
cum = report.cumulative
widgets.chart_with_table(
    cumulative_chart(cum, _, title=_("Résultat cumulé mois par mois")),
    pd.DataFrame(
        {
            _("Mois"): cum["month"],
            _("Budget cumulé"): ui_budget.money_text(cum["budget"], _),
            _("Réalisé cumulé"): ui_budget.money_text(cum["actual"], _),
            _("Atterrissage cumulé"): ui_budget.money_text(cum["landing"], _),
        }
    ),
    key="variance_cumulative",
)

# -- landing ------------------------------------------------------------------
st.subheader(_("Atterrissage de l'exercice par trois méthodes"))
ui_budget.landing_metrics(r, ["budget_year", *METHODS])
st.dataframe(ui_budget.landing_frame(report.landing, _), hide_index=True, key="variance_landing")
with st.expander(_("Comment est-ce calculé ?"), expanded=False):
    st.markdown(
        _(
            "- **Écart** = réalisé − budget ; en % du budget. Pour un produit, un réalisé au-dessus "
            "du budget est favorable ; pour une charge, un réalisé en dessous est favorable.\n"
            "- **Seuils** : une ligne est à expliquer quand l'écart dépasse {t} du budget "
            "(réglables ci-dessous).\n"
            "- **Réalisé** : écritures de l'exercice hors à-nouveaux (AN/RAN), comptes 60–69 "
            "(débit − crédit) et 70–79 (crédit − débit). Un compte du FEC est rattaché à la ligne "
            "du budget dont le compte est son plus long préfixe ; sans code analytique, il est "
            "réparti entre les lignes de ce compte au prorata de leur budget annuel.\n"
            "- **Atterrissage** : réalisé à date + budget restant ; rythme constaté (réalisé × 12 "
            "/ mois écoulés) ; saisonnalité N−1 (réalisé ÷ part de l'année N−1 faite à la même "
            "date, par rubrique).",
            t=thresholds,
        )
    )

# -- thresholds -----------------------------------------------------------------
with st.expander(_("Seuils de significativité")):
    ui_budget.thresholds_form(
        budget.materiality,
        lambda m: save(
            {"materiality": m},
            _("Seuils de significativité des écarts"),
            _("Seuils enregistrés."),
        ),
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
ui_budget.cerfa_section(
    report,
    budget,
    organisation=name,
    on_save=lambda kept: save(
        {"comments": kept},
        _("Explications du compte rendu financier"),
        _("Explications enregistrées."),
    ),
)

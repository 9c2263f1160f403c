"""Trésorerie — the monthly cash plan, its alerts, the Monte Carlo fan chart and scenarios."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from essdiag.budget import budget_frame
from essdiag.charts import treasury as charts
from essdiag.errors import EssdiagError, Severity
from essdiag.funding.schedule import schedule_issues
from essdiag.funding.stress import apply_stress
from essdiag.periods import FiscalYear
from essdiag.report.treasury_xlsx import treasury_workbook
from essdiag.treasury import (
    Basis,
    TreasurySection,
    assemble,
    cash_plan,
    delay_vectors,
    simulate,
    summarise,
)
from essdiag.treasury.budget_link import cash_months_from_budget
from essdiag.ui import state, widgets
from essdiag.validation import validate_as

_ = state.tr()
widgets.page_header(
    _("Trésorerie"),
    ["BC02.C5", "BC02.C7"],
    _(
        "Le plan de trésorerie mois par mois, construit à partir du budget et des échéanciers "
        "des financeurs, avec une alerte sous le seuil minimal ; puis la simulation des retards "
        "et des baisses de versement : probabilité d'une trésorerie négative et ligne de crédit "
        "nécessaire."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
dossier = opened.dossier
section = dossier.treasury
sources = dossier.funding.sources
today = datetime.now(UTC).date()
start_month = dossier.identity.fiscal_year_start_month
month_names = [_.date(datetime(2026, m, 1, tzinfo=UTC).date(), "MMMM") for m in range(1, 13)]


def save(new_section: TreasurySection, message: str) -> None:
    """Save the treasury section as a new revision (or show the conflict banner)."""
    if state.save_current(dossier.model_copy(update={"treasury": new_section}), message):
        st.success(_("Enregistré (version {rev}).", rev=state.current().revision))  # type: ignore[union-attr]
    st.rerun()


fiscal_year = FiscalYear.containing(today, start_month)
if section.first_month:
    first_year, first_month = (int(p) for p in section.first_month.split("-"))
    fiscal_year = FiscalYear.containing(
        datetime(first_year, first_month, 1, tzinfo=UTC).date(), start_month
    )
try:
    budget_cash = cash_months_from_budget(budget_frame(dossier.budget, fiscal_year))
except (EssdiagError, ValueError, KeyError):
    budget_cash = None
inputs = assemble(section, sources, budget=budget_cash, fiscal_start_month=start_month, today=today)

# ---------------------------------------------------------------------------- assumptions
with st.expander(_("Hypothèses du plan"), expanded=inputs.basis is Basis.NONE):
    with st.form("treasury_assumptions_form"):
        c1, c2, c3 = st.columns(3)
        first = c1.text_input(
            _("Premier mois (AAAA-MM)"),
            value=section.first_month or inputs.months[0],
            key="treasury_first_month",
        )
        horizon = c2.slider(
            _("Horizon (mois)"), 12, 36, section.horizon_months, key="treasury_horizon"
        )
        growth = c3.number_input(
            _("Évolution annuelle des flux (%)"),
            min_value=-50.0,
            max_value=50.0,
            value=section.yearly_growth * 100,
            step=0.5,
            format="%.1f",
            key="treasury_growth",
        )
        c1, c2, c3 = st.columns(3)
        opening = c1.number_input(
            _("Trésorerie de départ (€)"),
            value=float(section.opening_cash),
            step=1000.0,
            format="%.0f",
            key="treasury_opening",
            help=_("Soldes des comptes 5 (banques, caisse) au début du premier mois."),
        )
        dedicated = c2.number_input(
            _("Fonds dédiés inclus (€)"),
            min_value=0.0,
            value=float(section.dedicated_funds),
            step=1000.0,
            format="%.0f",
            key="treasury_dedicated",
            help=_(
                "Argent reçu pour une action et pas encore dépensé (compte 19) : non disponible."
            ),
        )
        minimum = c3.number_input(
            _("Trésorerie minimale souhaitée (€)"),
            min_value=0.0,
            value=float(section.minimum_cash),
            step=1000.0,
            format="%.0f",
            key="treasury_minimum",
        )
        st.markdown(
            _(
                "**Flux mensuels saisis** (utilisés tant que le dossier n'a pas de budget "
                "prévisionnel) : décaissements, et encaissements autres que les financeurs dotés "
                "d'un échéancier."
            )
        )
        manual = st.data_editor(
            pd.DataFrame(
                {
                    "month": month_names,
                    "charges": section.monthly_charges or [0.0] * 12,
                    "income": section.monthly_income or [0.0] * 12,
                }
            ),
            hide_index=True,
            disabled=["month"],
            key="treasury_manual_editor",
            column_config={
                "month": st.column_config.TextColumn(_("Mois")),
                "charges": st.column_config.NumberColumn(
                    _("Décaissements (€)"), min_value=0.0, format="localized"
                ),
                "income": st.column_config.NumberColumn(
                    _("Encaissements (€)"), min_value=0.0, format="localized"
                ),
            },
        )
        submitted = st.form_submit_button(_("Enregistrer les hypothèses"), type="primary")
    if submitted:
        charges = [float(v) if pd.notna(v) else 0.0 for v in manual["charges"]]
        income = [float(v) if pd.notna(v) else 0.0 for v in manual["income"]]
        data = {
            **section.model_dump(),
            "first_month": first.strip(),
            "horizon_months": horizon,
            "yearly_growth": growth / 100,
            "opening_cash": opening,
            "dedicated_funds": dedicated,
            "minimum_cash": minimum,
            "monthly_charges": charges if any(charges) else [],
            "monthly_income": income if any(income) or any(charges) else [],
        }
        edited, issues = validate_as(TreasurySection, data, prefix=("treasury",))
        if edited is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        elif edited == section:
            st.info(_("Aucune modification à enregistrer."))
        else:
            save(edited, _("Hypothèses de trésorerie mises à jour"))

if inputs.basis is Basis.BUDGET:
    st.caption(
        _(
            "Décaissements et encaissements tirés du budget prévisionnel {y} (hors dotations 68 "
            "et reprises 78, qui ne font pas bouger l'argent), financeurs à échéancier comptés "
            "à leurs dates de versement.",
            y=fiscal_year.label_year,
        )
    )
for issue in inputs.issues:
    (st.info if issue.severity is Severity.INFO else st.warning)(_(issue.template))

# ---------------------------------------------------------------------------- plan
plan, issues = cash_plan(
    inputs.months,
    inputs.opening_cash,
    inputs.inflows(),
    inputs.outflow_series(),
    dedicated_funds=inputs.dedicated_funds,
    minimum_cash=inputs.minimum_cash,
)
if plan is None:
    widgets.show_issues(issues, title=_("Le plan ne peut pas être calculé :"))
    st.stop()
assert plan is not None
summary = summarise(plan, inputs.dedicated_funds)
st.subheader(_("Plan de trésorerie"))
c1, c2, c3, c4 = st.columns(4)
c1.metric(
    _("Trésorerie au plus bas"),
    _.money(summary.lowest, 0),
    help=_("En {month}.", month=summary.lowest_month[5:] + "/" + summary.lowest_month[:4]),
)
c2.metric(_("Mois sous le seuil"), len(summary.alert_months))
c3.metric(_("Trésorerie en fin de plan"), _.money(summary.closing, 0))
c4.metric(_("Mois de fonctionnement couverts au départ"), _.number(summary.reserve_months, 1))
if summary.alert_months:
    st.warning(
        _(
            "Alerte : la trésorerie disponible passe sous le seuil de {min} en {months}.",
            min=_.money(inputs.minimum_cash, 0),
            months=", ".join(f"{m[5:]}/{m[:4]}" for m in summary.alert_months),
        )
    )
else:
    st.success(_("La trésorerie disponible reste au-dessus du seuil minimal sur tout le plan."))
plan_table = pd.DataFrame(
    {
        _("Mois"): plan["month"],
        _("Début de mois"): [_.money(v, 0) for v in plan["opening"]],
        _("Encaissements"): [_.money(v, 0) for v in plan["inflows"]],
        _("Décaissements"): [_.money(v, 0) for v in plan["outflows"]],
        _("Fin de mois"): [_.money(v, 0) for v in plan["closing"]],
        _("Disponible"): [_.money(v, 0) for v in plan["available"]],
        _("Alerte"): [_("oui") if a else "" for a in plan["alert"]],
    }
)
widgets.chart_with_table(
    charts.plan_chart(plan, _, minimum_cash=inputs.minimum_cash), plan_table, key="treasury_plan"
)
with st.expander(_("Comment est-ce calculé ?")):
    st.markdown(
        _(
            "- Fin de mois = début de mois + encaissements − décaissements ; le début du mois "
            "suivant reprend la fin du mois.\n"
            "- Disponible = fin de mois − fonds dédiés ; alerte quand le disponible passe sous le "
            "seuil minimal.\n"
            "- Les financeurs dotés d'un échéancier (registre des financements) sont comptés à "
            "leurs mois de versement ; leur part est retirée des produits du budget pour ne pas "
            "la compter deux fois.\n"
            "- Mois couverts = trésorerie disponible de départ / décaissements mensuels moyens."
        )
    )
notes = schedule_issues(sources, inputs.months)
if notes:
    with st.expander(_("Points d'attention sur les échéanciers ({n})", n=len(notes))):
        for note in notes:
            st.markdown(f"- {_(note.template, **note.params)}")
if not inputs.receipts.empty:
    receipts_table = inputs.receipts.copy()
    receipts_table.index = [inputs.names[str(i)] for i in receipts_table.index]
    st.markdown(_("**Versements attendus des financeurs**"))
    st.dataframe(
        receipts_table.map(lambda v: _.money(v, 0) if v else ""),
        key="treasury_receipts",
    )

# ---------------------------------------------------------------------------- Monte Carlo
st.subheader(_("Retards et baisses de versement : simulation"))
if inputs.receipts.empty:
    st.info(
        _(
            "Aucun financeur n'a d'échéancier de versement : renseignez-les dans l'écran "
            "Financements pour simuler leurs retards."
        )
    )
    mc_table = None
else:
    with st.form("treasury_mc_form"):
        c1, c2 = st.columns(2)
        scenarios = c1.select_slider(
            _("Nombre de scénarios"),
            options=[1000, 5000, 10000, 20000],
            value=10000,
            key="treasury_mc_scenarios",
        )
        seed = c2.number_input(
            _("Graine du tirage"), min_value=0, value=2014, step=1, key="treasury_mc_seed"
        )
        ids = list(inputs.receipts.index)
        current = delay_vectors(section.delays, ids)
        delays_df = st.data_editor(
            pd.DataFrame(
                {
                    "source": [inputs.names[str(i)] for i in ids],
                    "late_pct": current["late_probability"] * 100,
                    "mean_delay": current["mean_delay_months"],
                    "cut_pct": current["cut_probability"] * 100,
                    "cut_share_pct": current["cut_share"] * 100,
                }
            ),
            hide_index=True,
            disabled=["source"],
            key="treasury_mc_delays",
            column_config={
                "source": st.column_config.TextColumn(_("Financeur")),
                "late_pct": st.column_config.NumberColumn(
                    _("Probabilité de retard (%)"),
                    min_value=0.0,
                    max_value=100.0,
                    help=_("Pour chaque versement (avance, acompte, solde), tiré à part."),
                ),
                "mean_delay": st.column_config.NumberColumn(
                    _("Retard moyen (mois)"), min_value=1.0, max_value=24.0
                ),
                "cut_pct": st.column_config.NumberColumn(
                    _("Probabilité de baisse (%)"), min_value=0.0, max_value=100.0
                ),
                "cut_share_pct": st.column_config.NumberColumn(
                    _("Baisse si elle survient (%)"), min_value=0.0, max_value=100.0
                ),
            },
        )
        save_delays = st.checkbox(
            _("Enregistrer ces hypothèses dans le dossier"), key="treasury_mc_save"
        )
        st.form_submit_button(_("Lancer la simulation"))
    params = {
        "late_probability": delays_df["late_pct"].fillna(0).to_numpy() / 100,
        "mean_delay_months": delays_df["mean_delay"].fillna(1).clip(lower=1).to_numpy(),
        "cut_probability": delays_df["cut_pct"].fillna(0).to_numpy() / 100,
        "cut_share": delays_df["cut_share_pct"].fillna(0).to_numpy() / 100,
    }
    if save_delays:
        rows = [
            {
                "source_id": str(sid),
                "late_probability": float(params["late_probability"][k]),
                "mean_delay_months": float(params["mean_delay_months"][k]),
                "cut_probability": float(params["cut_probability"][k]),
                "cut_share": float(params["cut_share"][k]),
            }
            for k, sid in enumerate(ids)
        ]
        default = [d.model_dump() for d in section.delays if not d.source_id]
        edited, issues = validate_as(
            TreasurySection,
            {**section.model_dump(), "delays": default + rows},
            prefix=("treasury",),
        )
        if edited is None:
            widgets.show_issues(issues)
        elif edited != section:
            save(edited, _("Hypothèses de retard des financeurs"))
    with st.spinner(_("Simulation en cours…")):
        result, _paths = simulate(
            inputs.opening_cash,
            inputs.other_inflows,
            inputs.outflows,
            inputs.receipts.to_numpy(),
            months=inputs.months,
            scenarios=int(scenarios),
            seed=int(seed),
            **params,
        )
    c1, c2 = st.columns(2)
    c1.metric(_("Ligne de crédit nécessaire à 95 %"), _.money(result.credit_line_95, 0))
    c2.metric(_("Probabilité d'au moins un mois négatif"), _.percent(result.prob_any_negative))
    if result.credit_line_95 == 0 and result.prob_any_negative > 0:
        st.caption(
            _(
                "Moins de 5 % des scénarios passent sous zéro : aucune ligne de crédit n'est "
                "nécessaire pour couvrir 95 % des cas, mais le risque n'est pas nul."
            )
        )
    with st.expander(_("Comment est-ce calculé ?")):
        st.markdown(
            _(
                "- {n} scénarios tirés (graine {seed}) : dans chacun, chaque versement de chaque "
                "financeur (avance, acompte, solde) peut arriver en retard, indépendamment des "
                "autres (retard en mois entiers, moyenne saisie) ; un financeur peut aussi baisser "
                "tous ses versements du pourcentage saisi. Un versement repoussé après la fin du "
                "plan n'y est pas compté.\n"
                "- Probabilité mensuelle = part des scénarios où la trésorerie de fin de mois est "
                "négative.\n"
                "- Ligne de crédit à 95 % = le découvert le plus profond du plan, dépassé dans "
                "seulement 5 % des scénarios.",
                n=result.scenarios,
                seed=result.seed,
            )
        )
    mc_table = result.table()
    fan_table = pd.DataFrame(
        {
            _("Mois"): mc_table["month"],
            "5 %": [_.money(v, 0) for v in mc_table["q05"]],
            _("Médiane"): [_.money(v, 0) for v in mc_table["q50"]],
            "95 %": [_.money(v, 0) for v in mc_table["q95"]],
            _("Probabilité négative"): [_.percent(v) for v in mc_table["prob_negative"]],
        }
    )
    widgets.chart_with_table(charts.fan_chart(mc_table, _), fan_table, key="treasury_fan")
    widgets.chart_with_table(
        charts.probability_chart(mc_table, _),
        fan_table[[_("Mois"), _("Probabilité négative")]],
        key="treasury_probability",
    )

# ---------------------------------------------------------------------------- scenarios
st.subheader(_("Comparaison de scénarios"))
if inputs.receipts.empty:
    st.info(_("Les scénarios portent sur les financeurs dotés d'un échéancier."))
else:
    ids = list(inputs.receipts.index)
    c1, c2, c3 = st.columns(3)
    all_late = c1.slider(
        _("Retard de tous les financeurs (mois)"), 0, 12, 2, key="treasury_scn_delay"
    )
    target = c2.selectbox(
        _("Financeur en baisse"),
        options=ids,
        format_func=lambda i: inputs.names[str(i)],
        key="treasury_scn_source",
    )
    target_cut = c3.slider(_("Baisse (%)"), 0, 100, 100, step=10, key="treasury_scn_cut")
    late_matrix = inputs.receipts
    for sid in ids:
        late_matrix = apply_stress(late_matrix, str(sid), delay_months=all_late)
    scenario_receipts = {
        _("Plan de base"): inputs.receipts,
        _("Tous en retard de {n} mois", n=all_late): late_matrix,
        _("{name} : −{p} %", name=inputs.names[str(target)], p=target_cut): apply_stress(
            inputs.receipts, str(target), cut_share=target_cut / 100
        ),
    }
    plans: dict[str, pd.DataFrame] = {}
    for name, matrix in scenario_receipts.items():
        inflows = {
            _("Autres encaissements"): list(inputs.other_inflows),
            **{str(k): list(matrix.loc[k]) for k in matrix.index},
        }
        p, _i = cash_plan(
            inputs.months,
            inputs.opening_cash,
            inflows,
            inputs.outflow_series(),
            dedicated_funds=inputs.dedicated_funds,
            minimum_cash=inputs.minimum_cash,
        )
        if p is not None:
            plans[name] = p
    compare = pd.DataFrame(
        {
            _("Scénario"): list(plans),
            _("Trésorerie au plus bas"): [
                _.money(float(p["closing"].min()), 0) for p in plans.values()
            ],
            _("Mois sous le seuil"): [int(p["alert"].sum()) for p in plans.values()],
            _("Fin de plan"): [_.money(float(p["closing"].iloc[-1]), 0) for p in plans.values()],
        }
    )
    widgets.chart_with_table(charts.scenarios_chart(plans, _), compare, key="treasury_scenarios")

st.divider()
st.download_button(
    _("Télécharger le plan de trésorerie (Excel)"),
    data=treasury_workbook(plan, inputs.receipts, inputs.names, _, montecarlo=mc_table),
    file_name="plan-de-tresorerie.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="treasury_xlsx",
)

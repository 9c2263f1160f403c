"""Financements — the funding register, the mix, stress tests, financial health and financing plans."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from essdiag.budget import budget_frame
from essdiag.charts import funding as charts
from essdiag.errors import EssdiagError, Severity
from essdiag.finance.financing_plan import (
    NEED_CATEGORIES,
    RESOURCE_CATEGORIES,
    plan_balance,
    plan_table,
)
from essdiag.finance.health import (
    FunctionalBalance,
    from_balances,
    from_year_accounts,
    health_figures,
    health_table,
)
from essdiag.finance.investment import irr_figure, npv_figure, payback_year
from essdiag.finance.loans import loan_schedule, loan_totals
from essdiag.funding import (
    FAMILY_LABELS,
    FUNDER_TYPE_LABELS,
    FinancingPlan,
    FunderType,
    FundingFamily,
    InstalmentKind,
    Purpose,
)
from essdiag.funding.donations import company_donor_cost, individual_donor_cost
from essdiag.funding.mix import concentration_figures, levers, mix_figures, shares_by, trend
from essdiag.funding.schedule import schedule_issues
from essdiag.funding.section import INSTALMENT_KIND_LABELS, PURPOSE_LABELS
from essdiag.funding.stress import apply_stress, stress_test
from essdiag.funding.table import (
    accounts_table,
    register_table,
    schedule_table,
    section_from_tables,
)
from essdiag.ledger import account_balances, load_ledgers
from essdiag.periods import FiscalYear
from essdiag.report.funding_xlsx import funding_workbook
from essdiag.treasury import assemble, cash_plan
from essdiag.treasury.budget_link import cash_months_from_budget
from essdiag.ui import state, widgets
from essdiag.validation import validate_as

_ = state.tr()
widgets.page_header(
    _("Financements"),
    ["BC02.C5"],
    _(
        "Le registre des financeurs et des ressources, la mixité du modèle économique, la "
        "résistance aux retards et aux baisses, la santé financière tirée des comptes et les "
        "plans de financement des projets."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
dossier = opened.dossier
section = dossier.funding
today = datetime.now(UTC).date()
start_month = dossier.identity.fiscal_year_start_month


def save(new_section: object, message: str) -> None:
    """Save the funding section as a new revision (or show the conflict banner)."""
    if state.save_current(dossier.model_copy(update={"funding": new_section}), message):
        st.success(_("Enregistré (version {rev}).", rev=state.current().revision))  # type: ignore[union-attr]
        st.rerun()
    else:
        st.rerun()


years = sorted(set(section.years()) | {today.year})
year = st.selectbox(
    _("Exercice analysé"),
    options=years,
    index=years.index(today.year),
    key="funding_year",
    help=_("Les indicateurs du mix portent sur les ressources de fonctionnement de cet exercice."),
)

(
    tab_register,
    tab_mix,
    tab_stress,
    tab_health,
    tab_plan,
    tab_gifts,
) = st.tabs(
    [
        _("Registre"),
        _("Mix de financement"),
        _("Tests de résistance"),
        _("Santé financière"),
        _("Plan de financement"),
        _("Coût d'un don"),
    ]
)

# ---------------------------------------------------------------------------- register
with tab_register:
    st.write(
        _(
            "Une ligne par ressource : montant par exercice, nature (fonctionnement ou "
            "investissement), affectation, dates de convention et conditions. L'échéancier dit "
            "quand l'argent arrive : avance, acomptes, solde après le compte rendu final "
            "(décalage d'un an pour un solde versé l'année suivante)."
        )
    )
    if not section.sources:
        st.info(
            _(
                "Le registre est vide : ajoutez vos financeurs ligne par ligne (bouton + en bas "
                "du tableau), puis enregistrez."
            )
        )
    agreement_notes = [
        i for i in schedule_issues(section.sources, []) if i.code == "funding_after_agreement"
    ]
    for note in agreement_notes:
        st.warning(_(note.template, **note.params))
    table_years = sorted(set(section.years()) | {today.year - 1, today.year, today.year + 1})
    types = [t.value for t in FunderType]
    with st.form("funding_register_form"):
        register = st.data_editor(
            register_table(section, table_years),
            num_rows="dynamic",
            hide_index=True,
            key="funding_register_editor",
            column_config={
                "id": st.column_config.TextColumn(_("Identifiant"), required=True),
                "name": st.column_config.TextColumn(_("Ressource"), required=True, width="medium"),
                "funder": st.column_config.TextColumn(_("Financeur"), width="medium"),
                "funder_type": st.column_config.SelectboxColumn(
                    _("Type de financeur"),
                    options=types,
                    format_func=lambda t: _(FUNDER_TYPE_LABELS[FunderType(t)]),
                    required=True,
                ),
                "purpose": st.column_config.SelectboxColumn(
                    _("Nature"),
                    options=[p.value for p in Purpose],
                    format_func=lambda p: _(PURPOSE_LABELS[Purpose(p)]),
                ),
                "earmarked": st.column_config.CheckboxColumn(_("Affecté")),
                "account": st.column_config.TextColumn(_("Compte")),
                "agreement_start": st.column_config.DateColumn(_("Début de convention")),
                "agreement_end": st.column_config.DateColumn(_("Fin de convention")),
                "conditions": st.column_config.TextColumn(_("Conditions"), width="large"),
                **{
                    f"y{y}": st.column_config.NumberColumn(
                        _("Montant {year} (€)", year=y), min_value=0.0, format="localized"
                    )
                    for y in table_years
                },
            },
        )
        st.markdown(_("**Échéanciers de versement**"))
        schedule = st.data_editor(
            schedule_table(section),
            num_rows="dynamic",
            hide_index=True,
            key="funding_schedule_editor",
            column_config={
                "source_id": st.column_config.TextColumn(_("Identifiant de la ressource")),
                "kind": st.column_config.SelectboxColumn(
                    _("Type de versement"),
                    options=[k.value for k in InstalmentKind],
                    format_func=lambda k: _(INSTALMENT_KIND_LABELS[InstalmentKind(k)]),
                ),
                "share_pct": st.column_config.NumberColumn(
                    _("Part du montant annuel (%)"),
                    min_value=0.0,
                    max_value=100.0,
                    format="localized",
                ),
                "month": st.column_config.NumberColumn(
                    _("Mois de versement (1 à 12)"), min_value=1, max_value=12, step=1
                ),
                "year_offset": st.column_config.NumberColumn(
                    _("Décalage en années"),
                    min_value=0,
                    max_value=3,
                    step=1,
                    help=_("0 : versé l'année de la subvention ; 1 : l'année suivante…"),
                ),
            },
        )
        message = st.text_input(
            _("Message de version"),
            value=_("Registre des financements mis à jour"),
            key="funding_message",
        )
        submitted = st.form_submit_button(_("Enregistrer le registre"), type="primary")
    if submitted:
        rebuilt, issues = section_from_tables(section, register, schedule)
        if rebuilt is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces points."))
        elif rebuilt == section:
            st.info(_("Aucune modification à enregistrer."))
        else:
            save(rebuilt, message)

# ---------------------------------------------------------------------------- mix
with tab_mix:
    by_family = shares_by(section.sources, year, by="family")
    if by_family.empty:
        st.info(
            _(
                "Aucune ressource de fonctionnement pour {year} : complétez le registre pour voir "
                "le mix.",
                year=year,
            )
        )
    else:
        figs = {
            **mix_figures(section.sources, year),
            **concentration_figures(section.sources, year),
        }
        cols = st.columns(5)
        for col, key in zip(
            cols, ("own_activity", "public", "private", "hhi", "largest"), strict=True
        ):
            fig = figs[key]
            with col:
                value = _.number(fig.value, 3) if key == "hhi" else _.percent(fig.value)
                st.metric(_(fig.label), value)
                widgets.explain(fig)
        hhi_text = figs["hhi"].formula.split("→")[-1].strip()
        largest_text = figs["largest"].formula.split("→")[-1].strip()
        st.caption(
            _(
                "Lecture : un indice HHI sous 0,15 signale des financeurs diversifiés, au-dessus de "
                "0,25 une forte concentration. Ici : {hhi} ; premier financeur : {top}.",
                hhi=_(hhi_text),
                top=_(largest_text),
            )
        )
        family_table = pd.DataFrame(
            {
                _("Famille"): [_(FAMILY_LABELS[FundingFamily(k)]) for k in by_family["key"]],
                _("Montant"): [_.money(v, 0) for v in by_family["amount"]],
                _("Part"): [_.percent(v) for v in by_family["share"]],
            }
        )
        widgets.chart_with_table(
            charts.family_chart(by_family, _, year=year), family_table, key="funding_family"
        )
        by_funder = shares_by(section.sources, year, by="funder")
        funder_table = pd.DataFrame(
            {
                _("Financeur"): by_funder["key"],
                _("Montant"): [_.money(v, 0) for v in by_funder["amount"]],
                _("Part"): [_.percent(v) for v in by_funder["share"]],
            }
        )
        widgets.chart_with_table(
            charts.funder_chart(by_funder, _, year=year), funder_table, key="funding_funders"
        )
        evolution = trend(section.sources, section.years())
        evolution_table = pd.DataFrame(
            {
                _("Exercice"): evolution["year"].astype(str),
                _("Publics"): [_.money(v, 0) for v in evolution["public"]],
                _("Privés"): [_.money(v, 0) for v in evolution["private"]],
                _("Activité"): [_.money(v, 0) for v in evolution["own_activity"]],
                _("Dépendance publique"): [_.percent(v) for v in evolution["public_share"]],
                "HHI": [_.number(v, 3) for v in evolution["hhi"]],
            }
        )
        widgets.chart_with_table(
            charts.trend_chart(evolution, _), evolution_table, key="funding_trend"
        )
    st.subheader(_("Les trois leviers du modèle socio-économique"))
    grid = levers(
        section.sources,
        year,
        employees=dossier.identity.headcount,
        fte=float(dossier.identity.fte),
        volunteers=dossier.identity.volunteers,
        alliances=section.alliances,
    )
    lever_names = {
        "people": _("Richesses humaines"),
        "money": _("Ressources financières"),
        "alliances": _("Alliances"),
    }
    st.dataframe(
        pd.DataFrame(
            {
                _("Levier"): [lever_names[v] for v in grid["lever"]],
                _("Indicateur"): [_(v) for v in grid["indicator"]],
                _("Valeur"): [
                    _.money(v, 0)
                    if u == "EUR"
                    else _.number(v, 2 if u == "ratio" else 1 if v % 1 else 0)
                    for v, u in zip(grid["value"], grid["unit"], strict=True)
                ],
            }
        ),
        hide_index=True,
        key="funding_levers",
    )
    with st.form("funding_alliances_form"):
        alliances_text = st.text_area(
            _("Alliances et partenariats (un par ligne)"),
            value="\n".join(section.alliances),
            key="funding_alliances",
        )
        if st.form_submit_button(_("Enregistrer les alliances")):
            new = [line.strip() for line in alliances_text.splitlines() if line.strip()]
            if new != section.alliances:
                save(section.model_copy(update={"alliances": new}), _("Alliances mises à jour"))

# ---------------------------------------------------------------------------- stress
with tab_stress:
    st.write(
        _(
            "Que se passe-t-il si un financeur s'arrête, baisse de p % ou paie avec n mois de "
            "retard ? Effet sur le résultat de l'exercice et sur la trésorerie du plan de "
            "trésorerie (écran Trésorerie)."
        )
    )
    operating = [
        s for s in section.sources if s.purpose is Purpose.OPERATING and s.amount(year) > 0
    ]
    if not operating:
        st.info(_("Aucune ressource de fonctionnement pour {year} dans le registre.", year=year))
    else:
        fy = FiscalYear.containing(today, start_month)
        try:
            budget_cash = cash_months_from_budget(budget_frame(dossier.budget, fy))
        except (EssdiagError, ValueError, KeyError):
            budget_cash = None
        inputs = assemble(
            dossier.treasury,
            section.sources,
            budget=budget_cash,
            fiscal_start_month=start_month,
            today=today,
        )
        with st.form("funding_stress_form"):
            c1, c2, c3 = st.columns(3)
            chosen = c1.selectbox(
                _("Financeur"),
                options=[s.id for s in operating],
                format_func={s.id: s.name for s in operating}.__getitem__,
                key="funding_stress_source",
            )
            cut = c2.slider(_("Baisse (%)"), 0, 100, 0, step=5, key="funding_stress_cut")
            delay = c3.number_input(
                _("Retard (mois)"), min_value=0, max_value=24, value=0, key="funding_stress_delay"
            )
            st.form_submit_button(_("Calculer le choc"))
        result, issues = stress_test(
            section.sources,
            chosen,
            year,
            receipts=inputs.receipts,
            opening_cash=inputs.opening_cash,
            other_inflows={_("Autres encaissements"): list(inputs.other_inflows)},
            outflows={_("Décaissements"): list(inputs.outflows)},
            cut_share=cut / 100,
            delay_months=int(delay),
            dedicated_funds=inputs.dedicated_funds,
        )
        widgets.show_issues(issues)
        basis_notes = {
            "treasury_manual_basis": _(
                "Le dossier n'a pas encore de budget prévisionnel : le plan de trésorerie utilise "
                "les encaissements et décaissements mensuels saisis à l'écran Trésorerie."
            ),
            "treasury_no_basis": _(
                "Ni budget prévisionnel ni flux mensuels saisis à l'écran Trésorerie : l'effet "
                "sur la trésorerie ne tient compte que des versements des financeurs."
            ),
        }
        for issue in inputs.issues:
            (st.info if issue.severity is Severity.INFO else st.warning)(
                basis_notes.get(issue.code, _(issue.template))
            )
        if result is not None:
            c1, c2, c3, c4 = st.columns(4)
            c1.metric(
                _("Effet sur le résultat {year}", year=year), _.money(result.result_effect, 0)
            )
            c2.metric(
                _("Trésorerie au plus bas"),
                _.money(result.stressed_lowest, 0),
                delta=_.money(result.cash_effect, 0) if round(result.cash_effect) else None,
            )
            c3.metric(_("Trésorerie en fin de plan"), _.money(result.stressed_closing, 0))
            c4.metric(_("Mois de fonctionnement couverts"), _.number(result.reserve_months, 1))
            if result.negative_months:
                st.warning(
                    _(
                        "Trésorerie négative en : {months}.",
                        months=", ".join(f"{m[5:]}/{m[:4]}" for m in result.negative_months),
                    )
                )
            with st.expander(_("Comment est-ce calculé ?")):
                st.markdown(
                    _(
                        "- Effet sur le résultat = − baisse × montant de l'exercice "
                        "({amount}) : les charges financées sont supposées maintenues.\n"
                        "- Effet sur la trésorerie : le plan est recalculé avec les versements "
                        "de ce financeur réduits de la baisse et décalés du retard ; les "
                        "versements repoussés au-delà du plan en sortent.\n"
                        "- Mois couverts = trésorerie disponible de départ / décaissements "
                        "mensuels moyens.",
                        amount=_.money(result.amount, 0),
                    )
                )
            months = list(inputs.receipts.columns)
            base_plan, _i = cash_plan(
                months, inputs.opening_cash, inputs.inflows(), inputs.outflow_series()
            )
            stressed_receipts = apply_stress(
                inputs.receipts, chosen, cut_share=cut / 100, delay_months=int(delay)
            )
            stressed_inflows = {
                **{_("Autres encaissements"): list(inputs.other_inflows)},
                **{str(k): list(stressed_receipts.loc[k]) for k in stressed_receipts.index},
            }
            after_plan, _i = cash_plan(
                months, inputs.opening_cash, stressed_inflows, inputs.outflow_series()
            )
            if base_plan is not None and after_plan is not None:
                compare = pd.DataFrame(
                    {
                        _("Mois"): base_plan["month"],
                        _("Plan de base"): [_.money(v, 0) for v in base_plan["closing"]],
                        _("Avec le choc"): [_.money(v, 0) for v in after_plan["closing"]],
                    }
                )
                widgets.chart_with_table(
                    charts.stress_chart(base_plan, after_plan, _), compare, key="funding_stress"
                )

# ---------------------------------------------------------------------------- health
with tab_health:
    st.write(
        _(
            "Fonds de roulement, besoin en fonds de roulement, trésorerie nette, autonomie "
            "financière, capacité d'autofinancement et jours de charges couverts : calculés sur "
            "la balance des comptes importés (écran Comptabilité) ou sur les bilans saisis "
            "ci-dessous."
        )
    )
    balances_by_year: dict[int, FunctionalBalance] = {}
    for label_year in sorted({i.fiscal_year for i in dossier.ledger.imports if i.fiscal_year}):
        fy = FiscalYear(label_year=label_year, start_month=start_month)
        try:
            ledger = load_ledgers(state.workspace(), dossier.ledger, label_year)
            balances_by_year[label_year] = from_balances(account_balances(ledger, fy.start, fy.end))
        except (EssdiagError, ValueError, KeyError) as exc:
            st.warning(
                _(
                    "La comptabilité {year} n'a pas pu être lue : {err}",
                    year=label_year,
                    err=str(exc),
                )
            )
    manual = {a.year: from_year_accounts(a) for a in section.accounts}
    combined = {**manual, **balances_by_year}
    if not combined:
        st.info(
            _(
                "Ni comptabilité importée ni bilan saisi : importez un FEC (écran Comptabilité) ou "
                "saisissez les grandes masses du bilan ci-dessous."
            )
        )
    else:
        last = max(combined)
        source_text = (
            _("balance des comptes importés") if last in balances_by_year else _("bilan saisi")
        )
        st.caption(_("Exercice {year}, d'après : {src}.", year=last, src=source_text))
        figs = health_figures(combined[last])
        cols = st.columns(3)
        for i, fig in enumerate(figs.values()):
            with cols[i % 3]:
                st.metric(_(fig.label), fig.shown(_))
                widgets.explain(fig)
        history = health_table(combined.items())
        st.dataframe(
            pd.DataFrame(
                {
                    _("Exercice"): history["year"].astype(str),
                    "FRNG": [_.money(v, 0) for v in history["frng"]],
                    "BFR": [_.money(v, 0) for v in history["bfr"]],
                    _("Trésorerie nette"): [_.money(v, 0) for v in history["net_cash"]],
                    _("Autonomie financière"): [_.percent(v) for v in history["equity_ratio"]],
                    "CAF": [_.money(v, 0) for v in history["caf"]],
                    _("Jours de charges"): [_.number(v, 0) for v in history["days_of_cash"]],
                }
            ),
            hide_index=True,
            key="funding_health_history",
        )
    with (
        st.expander(_("Saisir ou corriger les bilans"), expanded=not combined),
        st.form("funding_accounts_form"),
    ):
        accounts = st.data_editor(
            accounts_table(section),
            num_rows="dynamic",
            hide_index=True,
            key="funding_accounts_editor",
            column_config={
                "year": st.column_config.NumberColumn(
                    _("Exercice"), min_value=1990, max_value=2100, step=1
                ),
                # Amounts that may be negative (equity, result, net disposals)…
                **{
                    key: st.column_config.NumberColumn(label, format="localized")
                    for key, label in {
                        "equity": _("Fonds propres"),
                        "result": _("Résultat"),
                        "disposals_net": _("Cessions (675 − 775)"),
                    }.items()
                },
                # …and those that may not.
                **{
                    key: st.column_config.NumberColumn(label, min_value=0.0, format="localized")
                    for key, label in {
                        "dedicated_funds": _("Fonds dédiés"),
                        "provisions": _("Provisions"),
                        "long_term_debt": _("Emprunts"),
                        "fixed_assets_net": _("Immobilisations nettes"),
                        "current_assets": _("Stocks et créances"),
                        "current_liabilities": _("Dettes d'exploitation"),
                        "cash": _("Disponibilités"),
                        "overdraft": _("Découverts"),
                        "depreciation": _("Dotations"),
                        "reversals": _("Reprises"),
                        "cash_charges": _("Charges décaissables"),
                    }.items()
                },
            },
        )
        if st.form_submit_button(_("Enregistrer les bilans")):
            rebuilt, issues = section_from_tables(
                section,
                register_table(section, section.years()),
                schedule_table(section),
                accounts,
            )
            if rebuilt is None:
                widgets.show_issues(
                    issues, title=_("Rien n'a été enregistré : corrigez ces points.")
                )
            elif rebuilt != section:
                save(rebuilt, _("Bilans saisis mis à jour"))

# ---------------------------------------------------------------------------- financing plan
with tab_plan:
    labels = {**NEED_CATEGORIES, **RESOURCE_CATEGORIES}
    names = [p.name for p in section.plans]
    if not names:
        st.info(
            _(
                "Aucun plan de financement pour l'instant. Pour un projet ou un investissement, "
                "saisissez ci-dessous les besoins (investissements, fonds de roulement, frais de "
                "lancement), les ressources (fonds propres, subventions d'investissement, prêts, "
                "financement participatif, capital), les prêts et les flux de trésorerie annuels "
                "du projet, puis enregistrez : l'équilibre, la VAN, le TRI et les tableaux "
                "d'amortissement s'affichent alors."
            )
        )
    choice = st.selectbox(
        _("Plan de financement"),
        options=[*range(len(names)), -1],
        format_func=lambda i: names[i] if i >= 0 else _("Nouveau plan…"),
        key="funding_plan_choice",
    )
    plan = (
        section.plans[choice]
        if choice >= 0
        else FinancingPlan(name=_("Nouveau projet"), start_year=today.year)
    )
    with st.form("funding_plan_form"):
        c1, c2, c3 = st.columns([3, 1, 1])
        plan_name = c1.text_input(_("Projet"), value=plan.name, key="funding_plan_name")
        plan_start = c2.number_input(
            _("Année de départ"),
            min_value=1990,
            max_value=2100,
            value=plan.start_year,
            key="funding_plan_start",
        )
        plan_rate = c3.number_input(
            _("Taux d'actualisation (%)"),
            min_value=0.0,
            max_value=50.0,
            value=plan.discount_rate * 100,
            step=0.5,
            format="%.1f",
            key="funding_plan_rate",
        )
        category_column = {
            "category": st.column_config.SelectboxColumn(
                _("Rubrique"),
                options=list(labels),
                format_func=lambda c: _(labels.get(c, c)),
                required=True,
            ),
            "label": st.column_config.TextColumn(_("Libellé"), width="medium"),
            "amount": st.column_config.NumberColumn(
                _("Montant (€)"), min_value=0.0, format="localized"
            ),
        }
        c1, c2 = st.columns(2)
        with c1:
            st.markdown(_("**Besoins**"))
            needs = st.data_editor(
                pd.DataFrame(
                    [n.model_dump() for n in plan.needs], columns=["category", "label", "amount"]
                ),
                num_rows="dynamic",
                hide_index=True,
                key="funding_plan_needs",
                column_config=category_column,
            )
        with c2:
            st.markdown(_("**Ressources**"))
            resources = st.data_editor(
                pd.DataFrame(
                    [r.model_dump() for r in plan.resources],
                    columns=["category", "label", "amount"],
                ),
                num_rows="dynamic",
                hide_index=True,
                key="funding_plan_resources",
                column_config=category_column,
            )
        st.markdown(_("**Prêts**"))
        loans = st.data_editor(
            pd.DataFrame(
                [ln.model_dump() for ln in plan.loans],
                columns=[
                    "label",
                    "principal",
                    "annual_rate",
                    "years",
                    "periods_per_year",
                    "method",
                    "deferral_periods",
                ],
            ),
            num_rows="dynamic",
            hide_index=True,
            key="funding_plan_loans",
            column_config={
                "label": st.column_config.TextColumn(_("Prêt"), width="medium"),
                "principal": st.column_config.NumberColumn(
                    _("Capital (€)"), min_value=0.0, format="localized"
                ),
                "annual_rate": st.column_config.NumberColumn(
                    _("Taux annuel"), min_value=0.0, max_value=0.5, format="percent"
                ),
                "years": st.column_config.NumberColumn(
                    _("Durée (années)"), min_value=1, max_value=40, step=1
                ),
                "periods_per_year": st.column_config.SelectboxColumn(
                    _("Échéances par an"), options=[12, 4, 2, 1]
                ),
                "method": st.column_config.SelectboxColumn(
                    _("Mode"),
                    options=["annuity", "constant_principal"],
                    format_func=lambda m: (
                        _("Échéances constantes") if m == "annuity" else _("Amortissement constant")
                    ),
                ),
                "deferral_periods": st.column_config.NumberColumn(
                    _("Différé (échéances)"), min_value=0, step=1
                ),
            },
        )
        flows_text = st.text_input(
            _("Flux de trésorerie annuels du projet (année 0 d'abord, séparés par « ; »)"),
            value=" ; ".join(f"{v:g}" for v in plan.cash_flows),
            key="funding_plan_flows",
            help=_(
                "Par exemple : -315000 ; 25500 ; 25500 … L'investissement de l'année 0 est négatif."
            ),
        )
        plan_submitted = st.form_submit_button(_("Enregistrer le plan"), type="primary")
    if plan_submitted:
        try:
            flows = [
                float(x.replace(" ", "").replace(",", "."))
                for x in flows_text.split(";")
                if x.strip()
            ]
            flow_issue = None
        except ValueError:
            flows, flow_issue = [], _("Les flux doivent être des nombres séparés par « ; ».")
        data = {
            "name": plan_name.strip() or _("Projet sans nom"),
            "start_year": int(plan_start),
            "discount_rate": plan_rate / 100,
            "needs": [r for r in needs.to_dict("records") if not pd.isna(r.get("amount"))],
            "resources": [r for r in resources.to_dict("records") if not pd.isna(r.get("amount"))],
            "loans": [
                {k: v for k, v in r.items() if not pd.isna(v)}
                for r in loans.to_dict("records")
                if not pd.isna(r.get("principal"))
            ],
            "cash_flows": flows,
        }
        edited_plan, issues = validate_as(FinancingPlan, data, prefix=("funding", "plans"))
        if flow_issue:
            st.error(flow_issue)
        elif edited_plan is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces points."))
        else:
            plans = list(section.plans)
            if choice >= 0:
                plans[choice] = edited_plan
            else:
                plans.append(edited_plan)
            save(
                section.model_copy(update={"plans": plans}),
                _("Plan de financement « {n} »", n=edited_plan.name),
            )
    if choice >= 0:
        balance, issues = plan_balance(plan)
        widgets.show_issues(issues)
        c1, c2, c3 = st.columns(3)
        c1.metric(_("Équilibre ressources − besoins"), _.money(balance.value, 0))
        npv = npv_figure(plan.discount_rate, plan.cash_flows)
        irr = irr_figure(plan.cash_flows)
        c2.metric(_("VAN"), _.money(npv.value, 0))
        c3.metric(_("TRI"), _.percent(irr.value))
        with c1:
            widgets.explain(balance)
        with c2:
            widgets.explain(npv)
        with c3:
            widgets.explain(irr)
        payback = payback_year(plan.cash_flows)
        if payback is not None:
            st.caption(
                _("Retour sur investissement (flux cumulés positifs) : année {n}.", n=payback)
            )
        table = plan_table(plan)
        if not table.empty:
            shown = pd.DataFrame(
                {
                    _("Côté"): [
                        _("Besoins") if s == "needs" else _("Ressources") for s in table["side"]
                    ],
                    _("Rubrique"): [_(labels.get(c, c)) for c in table["category"]],
                    _("Libellé"): table["label"],
                    _("Montant"): [_.money(v, 0) for v in table["amount"]],
                }
            )
            widgets.chart_with_table(charts.plan_chart(table, _, labels), shown, key="funding_plan")
        for j, loan in enumerate(plan.loans):
            st.subheader(loan.label or _("Prêt {n}", n=j + 1))
            schedule_df = loan_schedule(loan, start_year=plan.start_year)
            totals = loan_totals(schedule_df)
            c1, c2, c3 = st.columns(3)
            c1.metric(
                _("Échéance après différé"),
                _.money(float(schedule_df["payment"].iloc[loan.deferral_periods]), 2),
            )
            c2.metric(_("Coût total du crédit"), _.money(totals["interest"], 0))
            c3.metric(_("Total remboursé"), _.money(totals["payment"], 0))
            shown = pd.DataFrame(
                {
                    _("Échéance"): schedule_df["period"],
                    _("Date"): schedule_df["due"],
                    _("Intérêts"): [_.money(v) for v in schedule_df["interest"]],
                    _("Capital"): [_.money(v) for v in schedule_df["principal"]],
                    _("Total"): [_.money(v) for v in schedule_df["payment"]],
                    _("Restant dû"): [_.money(v) for v in schedule_df["closing"]],
                }
            )
            widgets.chart_with_table(
                charts.loan_chart(schedule_df, _, title=_("Tableau d'amortissement")),
                shown,
                key=f"funding_loan_{j}",
            )

# ---------------------------------------------------------------------------- donor cost
with tab_gifts:
    st.write(
        _(
            "Ce que coûte réellement un don à son auteur après la réduction d'impôt, selon les "
            "taux et plafonds en vigueur à la date choisie (CGI art. 200 et 238 bis)."
        )
    )
    on = st.date_input(_("Date du don"), value=today, format="DD/MM/YYYY", key="funding_gift_date")
    helps = st.checkbox(
        _("Organisme d'aide aux personnes en difficulté (repas, soins, logement)"),
        help=_(
            "Dons des particuliers : 75 % jusqu'au plafond légal, hors limite de 20 % du revenu. "
            "Mécénat : le taux de 60 % s'applique aussi au-delà de 2 M€."
        ),
        key="funding_gift_help",
    )
    c1, c2 = st.columns(2)
    with c1:
        st.markdown(_("**Particulier**"))
        gift = st.number_input(
            _("Don (€)"), min_value=0, value=100, step=10, key="funding_gift_individual"
        )
        income = st.number_input(
            _("Revenu imposable du foyer (€)"),
            min_value=0,
            value=30_000,
            step=1000,
            key="funding_gift_income",
        )
        cost = individual_donor_cost(gift, income, help_to_people=helps, on=on)
        st.metric(_("Réduction d'impôt"), _.money(float(cost.reduction)))
        st.metric(_("Coût net pour le donateur"), _.money(float(cost.net_cost)))
        if cost.carried_forward > 0:
            st.caption(_("Part reportable sur 5 ans : {x}", x=_.money(float(cost.carried_forward))))
        widgets.explain(cost.figure)
    with c2:
        st.markdown(_("**Entreprise**"))
        cgift = st.number_input(
            _("Dons de l'exercice (€)"),
            min_value=0,
            value=10_000,
            step=500,
            key="funding_gift_company",
        )
        turnover = st.number_input(
            _("Chiffre d'affaires HT (€)"),
            min_value=0,
            value=1_000_000,
            step=10_000,
            key="funding_gift_turnover",
        )
        ccost = company_donor_cost(cgift, turnover, on=on, help_to_people=helps)
        st.metric(_("Réduction d'impôt"), _.money(float(ccost.reduction)))
        st.metric(_("Coût net pour l'entreprise"), _.money(float(ccost.net_cost)))
        if ccost.carried_forward > 0:
            st.caption(
                _("Part reportable sur 5 ans : {x}", x=_.money(float(ccost.carried_forward)))
            )
        widgets.explain(ccost.figure)

st.divider()
export_years = section.years() or [today.year]
st.download_button(
    _("Télécharger le registre, le mix et les plans (Excel)"),
    data=funding_workbook(
        section.sources, export_years, trend(section.sources, export_years), section.plans, _
    ),
    file_name="financements.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="funding_xlsx",
)

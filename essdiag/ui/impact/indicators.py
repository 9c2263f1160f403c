"""« Indicateurs » tab: the indicators, their values period by period, and their automatic calculation."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.i18n import Translator
from essdiag.impact.edits import (
    INDICATOR_FIELDS,
    actuals_from_rows,
    actuals_rows,
    indicators_from_rows,
    indicators_rows,
)
from essdiag.impact.section import (
    ComputeKind,
    Dimension,
    Direction,
    Frequency,
    ImpactSection,
    IrisDimension,
    Level,
)
from essdiag.ui import widgets
from essdiag.ui.screen import Screen, save_section
from essdiag.validation import validate_as

__all__ = ["show"]


def _options(
    enum: type[Level | Dimension | Direction | Frequency | IrisDimension], _: Translator
) -> list[str]:
    return [_(m.label) for m in enum]


def show(screen: Screen[ImpactSection]) -> None:
    """Three editors: the indicators, their typed values, the automatic calculation of one."""
    _ = screen.tr
    st.caption(
        _(
            "Chaque indicateur a une dimension, une unité, un sens souhaité, une valeur de "
            "référence, une cible et des valeurs réalisées par période (2025, 2026-S1, 2026-T2 ou "
            "2026-03). Pour un pourcentage, saisissez des points (62 pour 62 %)."
        )
    )
    _definitions(screen, _)
    _values(screen, _)
    _rule(screen, _)


def _save(screen: Screen[ImpactSection], data: dict[str, object], message: str) -> None:
    _ = screen.tr
    new, issues = validate_as(ImpactSection, data)
    if new is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces lignes."))
        return
    save_section(screen, new, message)


def _definitions(screen: Screen[ImpactSection], _: Translator) -> None:
    st.subheader(_("Indicateurs"))
    elements = [""] + [e.id for e in screen.section.theory]
    edited = st.data_editor(
        pd.DataFrame(indicators_rows(screen.section, _), columns=list(INDICATOR_FIELDS)),
        num_rows="dynamic",
        hide_index=True,
        key="impact_indicators_editor",
        column_config={
            "id": st.column_config.TextColumn(_("Identifiant"), required=True, max_chars=40),
            "name": st.column_config.TextColumn(_("Indicateur"), required=True),
            "level": st.column_config.SelectboxColumn(_("Niveau"), options=_options(Level, _)),
            "element": st.column_config.SelectboxColumn(_("Élément"), options=elements),
            "dimension": st.column_config.SelectboxColumn(
                _("Dimension"), options=_options(Dimension, _)
            ),
            "unit": st.column_config.TextColumn(_("Unité")),
            "direction": st.column_config.SelectboxColumn(
                _("Sens souhaité"), options=_options(Direction, _)
            ),
            "baseline": st.column_config.NumberColumn(_("Référence")),
            "baseline_period": st.column_config.TextColumn(_("Période de référence")),
            "target": st.column_config.NumberColumn(_("Cible")),
            "target_period": st.column_config.TextColumn(_("Échéance")),
            "source": st.column_config.TextColumn(_("Source")),
            "frequency": st.column_config.SelectboxColumn(
                _("Fréquence"), options=_options(Frequency, _)
            ),
            "owner": st.column_config.TextColumn(_("Responsable")),
            "sdg": st.column_config.NumberColumn(_("ODD"), min_value=1, max_value=17, step=1),
            "iris": st.column_config.SelectboxColumn(
                _("Dimension IRIS+"), options=_options(IrisDimension, _)
            ),
        },
    )
    if st.button(_("Enregistrer les indicateurs"), key="impact_indicators_save", type="primary"):
        indicators, issues = indicators_from_rows(edited.to_dict("records"), screen.section, _)
        if indicators is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces lignes."))
            return
        data = screen.section.model_dump()
        data["indicators"] = [i.model_dump() for i in indicators]
        _save(screen, data, _("Indicateurs mis à jour"))


def _values(screen: Screen[ImpactSection], _: Translator) -> None:
    st.subheader(_("Valeurs réalisées"))
    st.caption(
        _(
            "Les valeurs des indicateurs calculés par le dossier (comptes, registre du "
            "personnel, enquêtes) remplacent celles saisies pour la même période."
        )
    )
    ids = [i.id for i in screen.section.indicators]
    edited = st.data_editor(
        pd.DataFrame(
            actuals_rows(screen.section), columns=["indicator", "period", "value", "note"]
        ),
        num_rows="dynamic",
        hide_index=True,
        key="impact_values_editor",
        column_config={
            "indicator": st.column_config.SelectboxColumn(
                _("Indicateur"), options=ids, required=True
            ),
            "period": st.column_config.TextColumn(_("Période"), required=True),
            "value": st.column_config.NumberColumn(_("Valeur"), required=True),
            "note": st.column_config.TextColumn(_("Commentaire")),
        },
    )
    if st.button(_("Enregistrer les valeurs"), key="impact_values_save"):
        indicators, issues = actuals_from_rows(edited.to_dict("records"), screen.section.indicators)
        if indicators is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces lignes."))
            return
        data = screen.section.model_dump()
        data["indicators"] = [i.model_dump() for i in indicators]
        _save(screen, data, _("Valeurs des indicateurs mises à jour"))


def _rule(screen: Screen[ImpactSection], _: Translator) -> None:
    section = screen.section
    if not section.indicators:
        return
    with st.expander(_("Calcul automatique d'un indicateur")):
        names = {i.id: i.name for i in section.indicators}
        chosen = st.selectbox(
            _("Indicateur"), list(names), format_func=names.__getitem__, key="impact_rule_for"
        )
        ind = section.indicator(str(chosen))
        if ind is None:
            return
        current = ind.computed
        kinds: list[ComputeKind | None] = [None, *ComputeKind]
        with st.form("impact_rule_form"):
            kind = st.selectbox(
                _("Règle"),
                kinds,
                index=kinds.index(current.kind) if current else 0,
                format_func=lambda k: _("Aucune (valeurs saisies)") if k is None else _(k.label),
                key="impact_rule_kind",
            )
            c1, c2 = st.columns(2)
            accounts = c1.text_input(
                _("Comptes (préfixes, séparés par des virgules)"),
                value=", ".join(current.accounts) if current else "",
                key="impact_rule_accounts",
            )
            analytic = c2.text_input(
                _("Code analytique"),
                value=current.analytic if current else "",
                key="impact_rule_analytic",
            )
            unit_value = c1.number_input(
                _("Valeur unitaire (€ par unité)"),
                min_value=0.0,
                value=float(current.unit_value or 0.0) if current else 0.0,
                key="impact_rule_unit_value",
            )
            source = c2.text_input(
                _("Source de la valeur unitaire"),
                value=current.unit_value_source if current else "",
                key="impact_rule_source",
            )
            contracts = c1.text_input(
                _("Contrats comptés (registre du personnel)"),
                value=", ".join(current.contracts) if current else "",
                key="impact_rule_contracts",
            )
            surveys = [""] + [s.id for s in section.surveys]
            survey = c2.selectbox(
                _("Enquête"),
                surveys,
                index=surveys.index(current.survey) if current and current.survey in surveys else 0,
                key="impact_rule_survey",
            )
            question = c1.text_input(
                _("Clé de la question (q1, q2…)"),
                value=current.question if current else "",
                key="impact_rule_question",
            )
            submitted = st.form_submit_button(_("Enregistrer la règle"))
        if not submitted:
            return
        rule = None
        if kind is not None:
            rule = {
                "kind": kind,
                "accounts": [a.strip() for a in accounts.split(",") if a.strip()],
                "analytic": analytic.strip(),
                "unit_value": unit_value or None,
                "unit_value_source": source.strip(),
                "contracts": [c.strip() for c in contracts.split(",") if c.strip()],
                "survey": survey or "",
                "question": question.strip(),
            }
        data = section.model_dump()
        data["indicators"] = [
            {**i.model_dump(), "computed": rule} if i.id == ind.id else i.model_dump()
            for i in section.indicators
        ]
        _save(screen, data, _("Calcul automatique de « {name} »", name=ind.name))

"""« SROI » tab: the result with its working, the value of each outcome, the case's editor and its JSON file."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from essdiag.charts.impact import sroi_outcomes_chart
from essdiag.figures import Figure, View
from essdiag.i18n import Translator
from essdiag.impact.edits import sroi_from_rows, sroi_rows
from essdiag.impact.section import ImpactSection, SroiCase, SroiOutcome
from essdiag.impact.sroi import SROI_LIMITS, SroiResult, read_sroi_json, sroi_json
from essdiag.impact.sroi_views import inputs_view, outcomes_view, sroi_figures, years_view
from essdiag.ui import widgets
from essdiag.ui.impact import data
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.uploads import file_uploader

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """Results (when a case exists), then the editor, then the JSON import and export."""
    _ = screen.tr
    st.caption(
        _(
            "Méthode du guide SROI (Cabinet Office / SROI Network) : impact = quantité × proxy × "
            "(1 − aubaine) × (1 − déplacement) × (1 − attribution) ; dégressivité appliquée dès "
            "l'année 2 ; valeur actuelle au taux d'actualisation ; ressources comptées en année 0 ; "
            "heures de bénévolat au SMIC horaire par défaut."
        )
    )
    analysis = data.sroi(screen)
    case = screen.section.sroi
    if analysis is not None and analysis.issue is not None:
        widgets.show_issues([analysis.issue])
    if analysis is not None and analysis.result is not None and case is not None:
        result = analysis.result
        figures, outcomes, chart, inputs, years = kept(
            screen, "impact_sroi_tab", lambda: _results(case, result, _)
        )
        cols = st.columns(5)
        for col, key in zip(
            cols, ("ratio", "present_value", "inputs", "net_ratio", "payback"), strict=True
        ):
            with col:
                widgets.figure_metric(figures[key])
        widgets.chart_with_table(chart, outcomes, key="impact_sroi_outcomes")
        c1, c2 = st.columns(2)
        with c1:
            widgets.show_view(inputs, key="impact_sroi_inputs")
        with c2:
            widgets.show_view(years, key="impact_sroi_years")
    elif case is None:
        st.info(
            _(
                "Aucune analyse SROI : saisissez les ressources et les effets ci-dessous, ou importez un fichier JSON."
            )
        )
    _editor(screen, _)
    _files(screen, _)


def _results(
    case: SroiCase, result: SroiResult, _: Translator
) -> tuple[dict[str, Figure], View, go.Figure, View, View]:
    """Headline figures, the outcomes' view and chart, the inputs' and the years' views."""
    outcomes = outcomes_view(case, result)
    return (
        sroi_figures(result),
        outcomes,
        sroi_outcomes_chart(outcomes, _),
        inputs_view(result),
        years_view(result),
    )


def _editor(screen: Screen[ImpactSection], _: Translator) -> None:
    case = screen.section.sroi
    with st.expander(_("Modifier l'analyse SROI"), expanded=case is None):
        inputs, outcomes = sroi_rows(case)
        c1, c2, c3 = st.columns([3, 1, 1])
        title = c1.text_input(
            _("Titre de l'analyse"), value=case.title if case else "", key="impact_sroi_title"
        )
        rate = c2.number_input(
            _("Taux d'actualisation (part de 1)"),
            min_value=0.0,
            max_value=1.0,
            step=0.005,
            format="%.3f",
            value=case.discount_rate if case else 0.035,
            key="impact_sroi_rate",
            help=_("0,035 = 3,5 % (HM Treasury, Green Book)."),
        )
        day = c3.date_input(
            _("Date de valorisation"),
            value=case.valuation_date if case and case.valuation_date else screen.today,
            key="impact_sroi_date",
            help=_("Le SMIC horaire en vigueur à cette date valorise les heures sans taux."),
        )
        st.markdown(
            _(
                "**Ressources mobilisées** : une valeur en euros, ou des heures (et un taux horaire)."
            )
        )
        edited_inputs = st.data_editor(
            pd.DataFrame(
                inputs, columns=["stakeholder", "description", "value", "hours", "hourly_rate"]
            ),
            num_rows="dynamic",
            hide_index=True,
            key="impact_sroi_inputs_editor",
            column_config={
                "stakeholder": st.column_config.TextColumn(_("Partie prenante"), required=True),
                "description": st.column_config.TextColumn(_("Description")),
                "value": st.column_config.NumberColumn(_("Valeur (€)"), min_value=0),
                "hours": st.column_config.NumberColumn(_("Heures"), min_value=0),
                "hourly_rate": st.column_config.NumberColumn(_("Taux horaire (€/h)"), min_value=0),
            },
        )
        st.markdown(_("**Effets** : taux en parts de 1 (0,25 = 25 %)."))
        edited_outcomes = st.data_editor(
            pd.DataFrame(outcomes, columns=list(SroiOutcome.model_fields)),
            num_rows="dynamic",
            hide_index=True,
            key="impact_sroi_outcomes_editor",
            column_config={
                "name": st.column_config.TextColumn(_("Effet"), required=True),
                "stakeholder": st.column_config.TextColumn(_("Partie prenante"), required=True),
                "quantity": st.column_config.NumberColumn(_("Quantité"), min_value=0),
                "proxy": st.column_config.NumberColumn(_("Proxy (€)"), min_value=0),
                "proxy_source": st.column_config.TextColumn(_("Source du proxy"), required=True),
                "duration_years": st.column_config.NumberColumn(
                    _("Durée (ans)"), min_value=1, max_value=50, step=1
                ),
                "deadweight": st.column_config.NumberColumn(
                    _("Aubaine"), min_value=0.0, max_value=1.0
                ),
                "displacement": st.column_config.NumberColumn(
                    _("Déplacement"), min_value=0.0, max_value=1.0
                ),
                "attribution": st.column_config.NumberColumn(
                    _("Attribution"), min_value=0.0, max_value=1.0
                ),
                "drop_off": st.column_config.NumberColumn(
                    _("Dégressivité"), min_value=0.0, max_value=1.0
                ),
            },
        )
        if not st.button(_("Enregistrer l'analyse SROI"), key="impact_sroi_save", type="primary"):
            return
        head = {
            "title": title,
            "discount_rate": rate,
            "valuation_date": day if isinstance(day, date) else None,
        }
        new_case, issues = sroi_from_rows(
            head, edited_inputs.to_dict("records"), edited_outcomes.to_dict("records")
        )
        if new_case is None:
            widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces lignes."))
            return
        _save_case(screen, new_case, _("Analyse SROI mise à jour"))


def _save_case(screen: Screen[ImpactSection], case: SroiCase, message: str) -> None:
    save_section(screen, screen.section.model_copy(update={"sroi": case}), message)


def _files(screen: Screen[ImpactSection], _: Translator) -> None:
    st.subheader(_("Fichier JSON de l'analyse"))
    case = screen.section.sroi
    if case is not None:
        st.download_button(
            _("Télécharger l'analyse (JSON)"),
            data=sroi_json(case),
            file_name=f"{screen.slug}-sroi.json",
            mime="application/json",
            key="impact_sroi_download",
        )
    upload = file_uploader(
        _("Importer une analyse SROI (JSON)"),
        types=["json"],
        key="impact_sroi_upload",
        limit_mb=SROI_LIMITS.max_bytes >> 20,
        help=_(
            "Le même format que la commande « essdiag sroi » : discount_rate, inputs, outcomes."
        ),
    )
    if upload is None:
        return
    read, issues = read_sroi_json(upload.getvalue(), file=upload.name)
    widgets.show_issues(issues)
    if read is None:
        st.error(_("Ce fichier n'a pas été importé : l'analyse en place est conservée."))
        return
    st.success(
        _(
            "{n} effet(s) et {m} ressource(s) lus dans le fichier.",
            n=len(read.outcomes),
            m=len(read.inputs),
        )
    )
    if st.button(_("Remplacer l'analyse par ce fichier"), key="impact_sroi_replace"):
        _save_case(screen, read, _("Analyse SROI importée de {file}", file=upload.name))

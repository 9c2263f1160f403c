"""« Social et QVT » tab: turnover, absenteeism, accidents, training access, and the QVT survey.

Survey results are shown by theme, by group and by sex, never for a group of
fewer than five respondents (the library masks them).
"""

from __future__ import annotations

import streamlit as st

from essdiag.guards import FORM_LIMITS
from essdiag.hr.imports import import_survey
from essdiag.hr.qvt import MIN_GROUP, Theme, has_results
from essdiag.hr.section import HRSection, SocialInputs
from essdiag.i18n import N_
from essdiag.ui import state, widgets
from essdiag.ui.hr import data, layout
from essdiag.ui.screen import Screen, save_section
from essdiag.ui.uploads import file_uploader
from essdiag.validation import validate_as

__all__ = ["show"]


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Social indicators, the accidents form, then the survey's results and its import."""
    _ = screen.tr
    if found is None:
        st.info(_("Importez d'abord le registre du personnel (onglet « Effectif »)."))
        return
    rep, figures = found.report, found.charts
    keys = ("turnover", "turnover_permanent", "absenteeism", "frequency", "severity", "training")
    layout.metrics([rep.social[k] for k in keys], per_row=3)
    widgets.show_view(rep.training_access, key="hr_training_access")
    _accidents(screen)
    st.divider()
    st.subheader(_("Qualité de vie au travail et risques psychosociaux"))
    if rep.survey_themes is None:
        st.info(_("Aucune enquête n'est importée."))
    elif rep.survey_respondents < MIN_GROUP:
        st.warning(
            _(
                "Moins de {n} répondants : aucun résultat n'est affiché, pour préserver l'anonymat.",
                n=MIN_GROUP,
            )
        )
    else:
        st.caption(
            _(
                "{n} répondants ; score de 1 (défavorable) à 5 (favorable).",
                n=rep.survey_respondents,
            )
        )
        layout.chart_beside(figures["survey"], rep.survey_themes, key="hr_qvt_themes")
        for view, key in ((rep.survey_groups, "hr_qvt_groups"), (rep.survey_sexes, "hr_qvt_sexes")):
            if view is None:
                continue
            if has_results(view):
                widgets.show_view(view, key=key)
            else:  # every group under the threshold: say so rather than a table of dashes
                st.caption(
                    _(
                        "{title} : moins de {n} répondants dans chaque groupe, aucun résultat "
                        "n'est affiché.",
                        title=_(view.title),
                        n=MIN_GROUP,
                    )
                )
    _survey_upload(screen)


def _accidents(screen: Screen[HRSection]) -> None:
    _ = screen.tr
    current = screen.section.social
    with st.form("hr_social_form"):
        c1, c2, c3 = st.columns(3)
        accidents = c1.number_input(
            _("Accidents du travail avec arrêt"),
            min_value=0,
            step=1,
            value=current.accidents_with_leave,
            key="hr_social_accidents",
        )
        days = c2.number_input(
            _("Jours perdus"), min_value=0, step=1, value=current.days_lost, key="hr_social_days"
        )
        hours = c3.number_input(
            _("Heures travaillées (0 : ETP × 1 607 h)"),
            min_value=0.0,
            value=float(current.hours_worked or 0),
            step=100.0,
            format="%g",
            key="hr_social_hours",
        )
        go = st.form_submit_button(_("Enregistrer"))
    if not go:
        return
    new, issues = validate_as(
        SocialInputs,
        {"accidents_with_leave": accidents, "days_lost": days, "hours_worked": hours or None},
        prefix=("hr", "social"),
    )
    if new is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        return
    save_section(
        screen, screen.section.model_copy(update={"social": new}), _("Indicateurs sociaux")
    )


def _survey_upload(screen: Screen[HRSection]) -> None:
    _ = screen.tr
    with st.expander(_("Importer une enquête (CSV ou Excel)")):
        st.write(
            _(
                "Une ligne par répondant ; colonnes facultatives « groupe » et « sexe » ; une colonne "
                "par question, dont l'intitulé commence par le code de son thème : {codes}. Réponses "
                "de 1 à 5, 5 étant la plus favorable.",
                codes=", ".join(f"{t.value} ({_(t.label)})" for t in Theme),
            )
        )
        up = file_uploader(
            _("Réponses à l'enquête"),
            types=["csv", "txt", "xlsx"],
            key="hr_survey_file",
            limit_mb=FORM_LIMITS.max_bytes >> 20,
        )
        if up is None or not st.button(_("Importer l'enquête"), key="hr_survey_go"):
            return
        workforce = screen.section.workforce
        assert workforce is not None
        new, issues = import_survey(
            state.workspace(),
            screen.opened.id,
            screen.section,
            up.getvalue(),
            file=up.name,
            period_start=workforce.period_start,
            period_end=workforce.period_end,
        )
        if new is None or new.survey is None:
            widgets.show_issues(issues)
            st.error(_("L'enquête n'a pas été importée : votre dossier n'a pas changé."))
            return
        layout.save_import(
            screen,
            new,
            _("Enquête QVT importée ({name})", name=up.name),
            issues,
            flash=N_("Enquête importée (version {rev}) : {n} répondant(s)."),
            flash_params={"n": new.survey.rows_read},
        )

"""« Questionnaire type » tab: the template to send, and how the answers are read and counted."""

from __future__ import annotations

import streamlit as st

from essdiag.impact.section import ImpactSection
from essdiag.impact.survey_views import questionnaire_template_csv, questionnaire_template_xlsx
from essdiag.ui.screen import Screen

__all__ = ["show"]


def show(screen: Screen[ImpactSection]) -> None:
    """The two downloads and the rules of reading."""
    _ = screen.tr
    st.write(
        _(
            "Un questionnaire de satisfaction et de recueil des besoins, à recopier dans votre "
            "outil de formulaire ou à remplir tel quel : une ligne par répondant, une colonne par "
            "question. Gardez la colonne « Vous êtes » : elle permet les résultats par public."
        )
    )
    c1, c2 = st.columns(2)
    c1.download_button(
        _("Télécharger le questionnaire type (XLSX)"),
        data=questionnaire_template_xlsx(_),
        file_name="questionnaire-satisfaction.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="publics_template_xlsx",
    )
    c2.download_button(
        _("Télécharger le questionnaire type (CSV)"),
        data=questionnaire_template_csv(_),
        file_name="questionnaire-satisfaction.csv",
        mime="text/csv",
        key="publics_template_csv",
    )
    st.subheader(_("Comment les réponses sont lues"))
    for rule in (
        _(
            "Échelles : un chiffre (1 à 5, ou l'échelle choisie) ou les libellés usuels (« Très satisfait » = 5, « Plutôt satisfait » = 4, « Ni satisfait ni insatisfait » = 3…, « Tout à fait d'accord » = 5…)."
        ),
        _(
            "« Ne sait pas », « Sans opinion » ou une case vide ne comptent pas ; une réponse hors de l'échelle est signalée avec sa ligne et n'est pas comptée."
        ),
        _(
            "Recommandation : un nombre entier de 0 à 10 ; NPS = % de promoteurs (9-10) − % de détracteurs (0-6)."
        ),
        _(
            "Les colonnes de noms et d'adresses électroniques sont ignorées : elles ne sont jamais enregistrées."
        ),
        _("Aucun résultat n'est publié pour un groupe (public, période) de moins de 5 réponses."),
    ):
        st.markdown(f"- {rule}")

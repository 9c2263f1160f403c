"""The form of one risk: identification, inherent assessment, treatment, actions, closing.

Widget keys name the risk and its matrix version (``risks_owner_R08_2``), or
the identifier a new risk will get (``risks_id_new_R01_1``), so each form
starts fresh; the saved entry goes through :func:`essdiag.risks.edits.put_risk`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from essdiag.i18n import Translator
from essdiag.risks.edits import actions_from_rows, put_risk
from essdiag.risks.scoring import next_risk_id
from essdiag.risks.section import (
    ActionStatus,
    Risk,
    RiskCategory,
    RiskMatrix,
    RiskSection,
    Treatment,
)
from essdiag.ui.risks import save
from essdiag.ui.screen import Screen

__all__ = ["show"]


def _level_label(tr: Translator, matrix: RiskMatrix, axis: str, level: int) -> str:
    levels = matrix.likelihood if axis == "likelihood" else matrix.impact
    return f"{level}. {tr(levels[level - 1].label)}"


def show(screen: Screen[RiskSection], risk: Risk | None, m: RiskMatrix) -> None:
    """The form of one risk on matrix ``m`` (a new risk when ``risk`` is None)."""
    _ = screen.tr
    section = screen.section
    rid = risk.id if risk else next_risk_id(r.id for r in section.risks)
    # Widget keys name the risk (or the id a new one will get), so each form starts fresh.
    k = f"{rid}_{m.version}" if risk else f"new_{rid}_{m.version}"
    levels = list(range(1, m.size + 1))
    status_words = {s: _(s.label) for s in ActionStatus}

    def likelihood_word(i: int) -> str:
        return _level_label(_, m, "likelihood", i)

    def impact_word(i: int) -> str:
        return _level_label(_, m, "impact", i)

    with st.form(f"risks_form_{k}"):
        st.subheader(_("Identification"))
        c1, c2, c3 = st.columns([1, 3, 2])
        new_id = c1.text_input(_("Identifiant"), value=rid, key=f"risks_id_{k}")
        title = c2.text_input(
            _("Intitulé du risque"), value=risk.title if risk else "", key=f"risks_title_{k}"
        )
        category = c3.selectbox(
            _("Catégorie"),
            options=list(RiskCategory),
            index=list(RiskCategory).index(risk.category) if risk else 0,
            format_func=lambda c: _(RiskCategory(c).label),
            key=f"risks_category_{k}",
        )
        c1, c2 = st.columns(2)
        cause = c1.text_area(_("Cause"), value=risk.cause if risk else "", key=f"risks_cause_{k}")
        consequence = c2.text_area(
            _("Conséquence"), value=risk.consequence if risk else "", key=f"risks_conseq_{k}"
        )
        c1, c2, c3, c4 = st.columns(4)
        owner = c1.text_input(
            _("Responsable du risque"), value=risk.owner if risk else "", key=f"risks_owner_{k}"
        )
        created_on = c2.date_input(
            _("Date d'identification"),
            value=(risk.created_on if risk else screen.today),
            format="DD/MM/YYYY",
            key=f"risks_created_{k}",
        )
        funder = c3.text_input(
            _("Financeur concerné"),
            value=risk.funder if risk else "",
            key=f"risks_funder_{k}",
            help=_("Nom ou identifiant du financeur, pour le test de résistance des financements."),
        )
        skill = c4.text_input(
            _("Compétence concernée"),
            value=risk.skill if risk else "",
            key=f"risks_skill_{k}",
            help=_("Nom ou identifiant de la compétence, pour le suivi RH."),
        )
        st.subheader(_("Évaluation brute (avant mesures)"))
        c1, c2 = st.columns(2)
        inh_l = c1.selectbox(
            _("Probabilité brute"),
            options=levels,
            index=(risk.inherent.likelihood - 1) if risk else 0,
            format_func=likelihood_word,
            key=f"risks_inh_l_{k}",
        )
        inh_i = c2.selectbox(
            _("Gravité brute"),
            options=levels,
            index=(risk.inherent.impact - 1) if risk else 0,
            format_func=impact_word,
            key=f"risks_inh_i_{k}",
        )
        st.subheader(_("Traitement"))
        controls = st.text_area(
            _("Mesures de maîtrise existantes (une par ligne)"),
            value="\n".join(risk.controls) if risk else "",
            key=f"risks_controls_{k}",
        )
        has_residual = st.checkbox(
            _("Risque résiduel évalué"),
            value=bool(risk and risk.residual),
            key=f"risks_has_res_{k}",
        )
        c1, c2 = st.columns(2)
        res = risk.residual if risk and risk.residual else None
        res_l = c1.selectbox(
            _("Probabilité résiduelle"),
            options=levels,
            index=(res.likelihood - 1) if res else 0,
            format_func=likelihood_word,
            key=f"risks_res_l_{k}",
        )
        res_i = c2.selectbox(
            _("Gravité résiduelle"),
            options=levels,
            index=(res.impact - 1) if res else 0,
            format_func=impact_word,
            key=f"risks_res_i_{k}",
        )
        reason = st.text_input(
            _("Justification du risque résiduel"),
            value=risk.residual_reason if risk else "",
            key=f"risks_reason_{k}",
            help=_("À remplir si le risque résiduel dépasse le risque brut : dites pourquoi."),
        )
        treatments: list[Treatment | None] = [None, *Treatment]
        c1, c2, c3 = st.columns([1, 2, 1])
        treatment = c1.selectbox(
            _("Traitement"),
            options=treatments,
            index=treatments.index(risk.treatment) if risk else 1,
            format_func=lambda t: _("À décider") if t is None else _(Treatment(t).label),
            key=f"risks_treatment_{k}",
        )
        treatment_note = c2.text_input(
            _("Détail du traitement"),
            value=risk.treatment_note if risk else "",
            key=f"risks_tnote_{k}",
        )
        review_on = c3.date_input(
            _("Prochaine revue"),
            value=risk.review_on if risk else None,
            format="DD/MM/YYYY",
            key=f"risks_review_{k}",
        )
        st.subheader(_("Actions"))
        edited_actions = _actions_editor(screen, risk, status_words, key=f"risks_actions_{k}")
        closed = st.checkbox(
            _("Risque clos (plus suivi)"), value=bool(risk and risk.closed), key=f"risks_closed_{k}"
        )
        submitted = st.form_submit_button(_("Enregistrer le risque"), type="primary")
    if not submitted:
        return
    entry = {
        "id": new_id.strip(),
        "title": title.strip(),
        "category": category,
        "cause": cause.strip(),
        "consequence": consequence.strip(),
        "owner": owner.strip(),
        "created_on": created_on,
        "inherent": {"likelihood": inh_l, "impact": inh_i, "matrix_version": m.version},
        "controls": [c.strip() for c in controls.splitlines() if c.strip()],
        "residual": {"likelihood": res_l, "impact": res_i, "matrix_version": m.version}
        if has_residual
        else None,
        "residual_reason": reason.strip(),
        "treatment": treatment,
        "treatment_note": treatment_note.strip(),
        "actions": actions_from_rows(
            edited_actions.to_dict("records"), {v: s for s, v in status_words.items()}
        ),
        "review_on": review_on,
        "funder": funder.strip(),
        "skill": skill.strip(),
        "library_key": risk.library_key if risk else "",
        "closed": closed,
    }
    save(
        screen,
        put_risk(section, entry, risk.id if risk else None),
        _("Risque {id} enregistré", id=entry["id"]),
        choice=str(entry["id"]),
    )


def _actions_editor(
    screen: Screen[RiskSection],
    risk: Risk | None,
    status_words: dict[ActionStatus, str],
    *,
    key: str,
) -> pd.DataFrame:
    """The editable table of a risk's actions (rows can be added and removed)."""
    _ = screen.tr
    existing = risk.actions if risk else []
    frame = pd.DataFrame(
        {
            "title": pd.Series([a.title for a in existing], dtype="str"),
            "owner": pd.Series([a.owner for a in existing], dtype="str"),
            "created_on": pd.Series([a.created_on for a in existing], dtype="object"),
            "due_on": pd.Series([a.due_on for a in existing], dtype="object"),
            "status": pd.Series([status_words[a.status] for a in existing], dtype="str"),
            "note": pd.Series([a.note for a in existing], dtype="str"),
        }
    )
    edited: pd.DataFrame = st.data_editor(
        frame,
        num_rows="dynamic",
        hide_index=True,
        key=key,
        column_config={
            "title": st.column_config.TextColumn(_("Action"), required=True),
            "owner": st.column_config.TextColumn(_("Responsable de l'action")),
            "created_on": st.column_config.DateColumn(
                _("Date de création de l'action"), format="DD/MM/YYYY", default=screen.today
            ),
            "due_on": st.column_config.DateColumn(_("Échéance de l'action"), format="DD/MM/YYYY"),
            "status": st.column_config.SelectboxColumn(
                _("Statut de l'action"),
                options=list(status_words.values()),
                default=status_words[ActionStatus.TODO],
            ),
            "note": st.column_config.TextColumn(_("Suivi de l'action")),
        },
    )
    return edited

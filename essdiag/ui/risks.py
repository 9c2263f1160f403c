"""Widgets of the « Risques » screen, one function per tab (pages/risks.py lays them out).

Every function takes the :class:`Screen` (open dossier, its risk section, the
matrix in force, today's date in Paris, the translator). Edits go through
:mod:`essdiag.risks.edits` (pure) and :func:`save`, which validates the whole
section and stores it as a new revision. Past revisions read for the score
history are cached by (dossier id, revision number): a revision never changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from essdiag.charts.risks import category_chart, heatmap_chart, history_chart, owner_chart
from essdiag.i18n import Translator
from essdiag.report.risks_docx import risk_map_docx
from essdiag.report.risks_xlsx import risk_register_xlsx
from essdiag.risks import (
    ACTION_STATUS_LABELS,
    CATEGORY_LABELS,
    TREATMENT_LABELS,
    ActionStatus,
    Risk,
    RiskCategory,
    RiskMatrix,
    RiskSection,
    Treatment,
    current_matrix,
    default_matrix,
    register_warnings,
)
from essdiag.risks.edits import (
    actions_from_rows,
    add_library_risks,
    matrix_from_rows,
    put_risk,
    put_sheet,
    remove_risk,
    same_scales,
    selected_migrations,
    with_explicit_matrices,
)
from essdiag.risks.importer import merge_register, read_register_xlsx, register_template_xlsx
from essdiag.risks.library import library
from essdiag.risks.matrix import band_ranges
from essdiag.risks.model import (
    ContinuitySheet,
    apply_migration,
    matrices_of,
    matrix_by_version,
    migration_proposals,
    next_risk_id,
    revise_matrix,
    validate_section,
)
from essdiag.risks.views import (
    by_category,
    by_owner,
    continuity_frame,
    for_display,
    heatmap_cells,
    movements,
    overdue_actions,
    overdue_reviews,
    register_frame,
    score_figure,
    score_history,
    to_migrate,
    top_risks,
)
from essdiag.ui import state, widgets

__all__ = [
    "Screen",
    "continuity_tab",
    "files_tab",
    "follow_tab",
    "library_tab",
    "map_tab",
    "matrix_tab",
    "register_tab",
    "revision_risks",
    "save",
    "show_flash",
    "summary",
]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NEW = "__new__"
_FLASH = "risks_flash"
_NEXT_CHOICE = "risks_next_choice"


@dataclass(frozen=True)
class Screen:
    """What every tab of the screen reads."""

    opened: state.OpenDossier
    section: RiskSection
    matrix: RiskMatrix
    today: date
    tr: Translator

    @classmethod
    def of(cls, opened: state.OpenDossier) -> Screen:
        """The screen for the open dossier, today in Paris."""
        section = opened.dossier.risks
        return cls(
            opened=opened,
            section=section,
            matrix=current_matrix(section),
            today=datetime.now(tz=ZoneInfo("Europe/Paris")).date(),
            tr=state.tr(),
        )

    @property
    def active(self) -> list[Risk]:
        """Risks still followed."""
        return [r for r in self.section.risks if not r.closed]

    @property
    def slug(self) -> str:
        """The organisation's name for file names."""
        name = self.opened.dossier.identity.name.lower()
        return "".join(c if c.isalnum() else "-" for c in name).strip("-")


# --------------------------------------------------------------------------- saving


def show_flash() -> None:
    """The confirmation left by the last save (shown once)."""
    flash = st.session_state.pop(_FLASH, None)
    if flash:
        st.success(flash)


def save(screen: Screen, data: dict[str, Any], message: str, *, choice: str | None = None) -> None:
    """Validate a whole risk section (as a dict) and save it as a new revision.

    Bad input is shown in French and nothing is saved; ``choice`` is the risk
    the register tab shows after the rerun.
    """
    _ = screen.tr
    new_section, issues = validate_section(data)
    if new_section is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces points."))
        return
    if new_section == screen.section:
        st.info(_("Aucune modification à enregistrer."))
        return
    if state.save_current(screen.opened.dossier.model_copy(update={"risks": new_section}), message):
        saved = state.current()
        st.session_state[_FLASH] = _(
            "Enregistré (version {rev}).", rev=saved.revision if saved else "?"
        )
        if choice is not None:
            st.session_state[_NEXT_CHOICE] = choice
    st.rerun()


# --------------------------------------------------------------------------- summary


def summary(screen: Screen) -> None:
    """Headline figures and points to check, or what to do on an empty register."""
    _ = screen.tr
    section = screen.section
    if not section.risks:
        st.info(
            _(
                "Le registre est vide. Partez de la bibliothèque de risques typiques de l'ESS "
                "(onglet « Bibliothèque »), importez votre registre Excel (onglet « Import et "
                "export ») ou décrivez un premier risque (onglet « Registre »)."
            )
        )
        return
    top = top_risks(section, len(screen.active))
    upper = [b.label for b in screen.matrix.bands[-2:]]  # the two highest bands (or the only one)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(_("Risques suivis"), len(screen.active))
    c2.metric(
        _(
            "En zone {zones}",
            zones=_(" ou ").join(_("« {band} »", band=_(b)) for b in upper),
        ),
        sum(1 for b in top["band"] if b in upper),
    )
    c3.metric(_("Actions en retard"), len(overdue_actions(section, screen.today)))
    c4.metric(_("Revues en retard ou non planifiées"), len(overdue_reviews(section, screen.today)))
    warnings = register_warnings(section)
    if warnings:
        with st.expander(_("Points d'attention ({n})", n=len(warnings))):
            widgets.show_issues(warnings, title=_("À vérifier dans le registre"))


# --------------------------------------------------------------------------- map


def map_tab(screen: Screen) -> None:
    """Heat map inherent → residual, top risks, by category and by owner."""
    _ = screen.tr
    section = screen.section
    if not screen.active:
        st.info(
            _(
                "Aucun risque actif à placer sur la carte : ajoutez des risques depuis l'onglet "
                "« Bibliothèque » ou « Registre »."
            )
        )
        return
    st.subheader(_("Carte des risques"))
    st.caption(
        _(
            "Chaque risque est placé à son niveau résiduel (après mesures) ; la flèche part de "
            "son niveau brut. Chaque case porte le nom de sa zone : la couleur n'est jamais "
            "la seule information."
        )
    )
    moves = movements(section)
    widgets.chart_with_table(
        heatmap_chart(screen.matrix, heatmap_cells(section, "residual"), moves, _),
        for_display(moves, _),
        key="risks_heatmap",
    )
    pending = to_migrate(section)
    if not pending.empty:
        st.warning(
            _(
                "{n} risque(s) évalué(s) sur une ancienne version de la matrice ne sont pas "
                "sur la carte : migrez-les depuis l'onglet « Matrice ».",
                n=len(pending),
            )
        )
    st.subheader(_("Risques prioritaires"))
    top10 = top_risks(section, 10)
    st.dataframe(for_display(top10, _), hide_index=True, key="risks_top_table")
    first = section.risk(str(top10.iloc[0]["id"]))
    if first is not None:
        widgets.explain(score_figure(first, section))
    st.subheader(_("Par catégorie"))
    cats = by_category(section)
    widgets.chart_with_table(category_chart(cats, _), for_display(cats, _), key="risks_categories")
    st.subheader(_("Par responsable"))
    owners = by_owner(section)
    widgets.chart_with_table(owner_chart(owners, _), for_display(owners, _), key="risks_owners")


# --------------------------------------------------------------------------- register


def _level_label(tr: Translator, matrix: RiskMatrix, axis: str, level: int) -> str:
    levels = matrix.likelihood if axis == "likelihood" else matrix.impact
    return f"{level}. {tr(levels[level - 1].label)}"


def _pick_risk(screen: Screen) -> str:
    """The register's « risk to edit » selector (keeps the risk just saved)."""
    _ = screen.tr
    section = screen.section
    ids = [r.id for r in section.risks]
    if _NEXT_CHOICE in st.session_state:
        st.session_state["risks_choice"] = st.session_state.pop(_NEXT_CHOICE)
    if st.session_state.get("risks_choice") not in [*ids, NEW]:
        st.session_state.pop("risks_choice", None)
    titles = {r.id: r.title for r in section.risks}
    return str(
        st.selectbox(
            _("Risque à modifier"),
            options=[*ids, NEW],
            format_func=lambda i: _("+ Nouveau risque") if i == NEW else f"{i} — {titles[i]}",
            key="risks_choice",
        )
    )


def register_tab(screen: Screen) -> None:
    """The register table and the form to add, edit or delete a risk."""
    _ = screen.tr
    section = screen.section
    if section.risks:
        st.dataframe(
            for_display(register_frame(section), _), hide_index=True, key="risks_register_table"
        )
    choice = _pick_risk(screen)
    risk = section.risk(choice) if choice != NEW else None
    m = (
        matrix_by_version(section, risk.inherent.matrix_version) if risk else None
    ) or screen.matrix
    if m.version != screen.matrix.version:
        st.warning(
            _(
                "Ce risque est évalué sur la version {old} de la matrice ({size}×{size}) : "
                "migrez-le depuis l'onglet « Matrice » pour l'évaluer sur la version en vigueur.",
                old=m.version,
                size=m.size,
            )
        )
    _risk_form(screen, risk, m)
    if risk is not None:
        with st.expander(_("Supprimer ce risque")):
            st.caption(
                _(
                    "La suppression retire aussi le risque des fiches de continuité. Les versions "
                    "précédentes du dossier le gardent : préférez « Risque clos » pour garder la "
                    "trace."
                )
            )
            if st.button(
                _("Supprimer {id}", id=risk.id), key=f"risks_delete_{risk.id}_{m.version}"
            ):
                save(screen, remove_risk(section, risk.id), _("Risque {id} supprimé", id=risk.id))


def _risk_form(screen: Screen, risk: Risk | None, m: RiskMatrix) -> None:
    """The form of one risk on matrix ``m`` (a new risk when ``risk`` is None)."""
    _ = screen.tr
    section = screen.section
    rid = risk.id if risk else next_risk_id(r.id for r in section.risks)
    # Widget keys name the risk (or the id a new one will get), so each form starts fresh.
    k = f"{rid}_{m.version}" if risk else f"new_{rid}_{m.version}"
    levels = list(range(1, m.size + 1))
    status_words = {s: _(ACTION_STATUS_LABELS[s]) for s in ActionStatus}

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
            format_func=lambda c: _(CATEGORY_LABELS[c]),
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
            format_func=lambda t: _("À décider") if t is None else _(TREATMENT_LABELS[t]),
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
    screen: Screen, risk: Risk | None, status_words: dict[ActionStatus, str], *, key: str
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


# --------------------------------------------------------------------------- follow-up


@st.cache_data(show_spinner=False, max_entries=256)
def revision_risks(dossier_id: str, number: int) -> RiskSection:
    """The risk section of one stored revision (revisions never change, so it is cached)."""
    dossier, _number = state.workspace().load(dossier_id, number)
    return dossier.risks


def follow_tab(screen: Screen) -> None:
    """Overdue actions and reviews, and the score history across revisions."""
    _ = screen.tr
    section = screen.section
    if not section.risks:
        st.info(
            _(
                "Rien à suivre pour l'instant : les actions et les revues apparaîtront ici dès "
                "que le registre contiendra des risques."
            )
        )
    else:
        _overdue(screen)
    st.subheader(_("Historique des scores"))
    st.caption(
        _(
            "Chaque enregistrement du dossier crée une version : l'historique relit les versions "
            "récentes et montre comment le score retenu (résiduel, sinon brut) de chaque risque "
            "a évolué."
        )
    )
    if st.toggle(_("Afficher l'historique"), key="risks_history_on"):
        _history(screen)


def _overdue(screen: Screen) -> None:
    """Open actions past their deadline, and reviews past due or not planned."""
    _ = screen.tr
    section = screen.section
    st.subheader(_("Actions en retard"))
    late = overdue_actions(section, screen.today)[
        ["id", "action", "due_on", "days_late", "action_owner", "status", "title"]
    ]
    if late.empty:
        st.success(_("Aucune action en retard au {date}.", date=_.date(screen.today)))
    else:
        st.dataframe(for_display(late, _), hide_index=True, key="risks_late_actions")
    st.subheader(_("Revues dépassées ou non planifiées"))
    reviews = overdue_reviews(section, screen.today)
    if reviews.empty:
        st.success(_("Toutes les revues sont à jour."))
    else:
        st.dataframe(for_display(reviews, _), hide_index=True, key="risks_late_reviews")


def _history(screen: Screen) -> None:
    _ = screen.tr
    limit = st.slider(_("Nombre de versions à relire"), 2, 50, 20, key="risks_history_limit")
    dossier_id = screen.opened.id
    with st.spinner(_("Lecture des versions du dossier…")):
        pairs = [
            (info, revision_risks(dossier_id, info.number))
            for info in state.workspace().revisions(dossier_id)[:limit]
        ]
    history = score_history(pairs)
    if history.empty:
        st.info(_("Aucune version ne contient encore de risque."))
        return
    known = set(history["id"])
    picked = st.multiselect(
        _("Risques"),
        options=sorted(known),
        default=[str(i) for i in top_risks(screen.section, 5)["id"] if i in known],
        key="risks_history_pick",
        placeholder=_("Choisissez dans la liste"),
    )
    shown = history[history["id"].isin(picked)] if picked else history
    widgets.chart_with_table(history_chart(shown, _), for_display(shown, _), key="risks_history")


# --------------------------------------------------------------------------- continuity


def continuity_tab(screen: Screen) -> None:
    """Continuity sheets of the critical activities, and the form of one sheet."""
    _ = screen.tr
    section = screen.section
    st.write(
        _(
            "Pour chaque activité critique, une fiche courte : le service minimum, qui le tient, "
            "la solution de repli et les ressources nécessaires, reliée aux risques qui la menacent."
        )
    )
    cont = continuity_frame(section)
    if cont.empty:
        st.info(_("Aucune fiche de continuité : créez-en une pour chaque activité critique."))
    else:
        st.dataframe(for_display(cont, _), hide_index=True, key="risks_continuity_table")
    activities = {c.id: c.activity for c in section.continuity}
    choice = st.selectbox(
        _("Fiche à modifier"),
        options=[*activities, NEW],
        format_func=lambda i: _("+ Nouvelle fiche") if i == NEW else f"{i} — {activities[i]}",
        key="risks_sheet_choice",
    )
    sheet = next((c for c in section.continuity if c.id == choice), None)
    if sheet is not None and sheet.risk_ids:
        threats = register_frame(section)
        threats = threats[threats["id"].isin(sheet.risk_ids)][
            ["id", "title", "owner", "inherent", "residual", "residual_band"]
        ]
        st.caption(_("Risques qui menacent cette activité"))
        st.dataframe(for_display(threats, _), hide_index=True, key="risks_sheet_threats")
    _sheet_form(screen, sheet)


def _sheet_form(screen: Screen, sheet: ContinuitySheet | None) -> None:
    _ = screen.tr
    section = screen.section
    new_id = next_risk_id((c.id for c in section.continuity), "C")
    sk = sheet.id if sheet else f"new_{new_id}"
    titles = {r.id: r.title for r in section.risks}
    with st.form(f"risks_sheet_form_{sk}"):
        c1, c2, c3 = st.columns([1, 3, 2])
        sheet_id = c1.text_input(
            _("Identifiant de la fiche"),
            value=sheet.id if sheet else new_id,
            key=f"risks_sheet_id_{sk}",
        )
        activity = c2.text_input(
            _("Activité critique"), value=sheet.activity if sheet else "", key=f"risks_act_{sk}"
        )
        max_interruption = c3.text_input(
            _("Interruption maximale acceptable"),
            value=sheet.max_interruption if sheet else "",
            key=f"risks_maxint_{sk}",
            help=_("Par exemple « 48 heures » ou « 1 semaine »."),
        )
        minimum_service = st.text_area(
            _("Service minimum"),
            value=sheet.minimum_service if sheet else "",
            key=f"risks_min_{sk}",
        )
        c1, c2 = st.columns(2)
        who = c1.text_area(
            _("Qui (titulaire et suppléant)"),
            value=sheet.who if sheet else "",
            key=f"risks_who_{sk}",
        )
        fallback = c2.text_area(
            _("Solution de repli"), value=sheet.fallback if sheet else "", key=f"risks_fb_{sk}"
        )
        resources = st.text_area(
            _("Ressources nécessaires"),
            value=sheet.resources if sheet else "",
            key=f"risks_res_{sk}",
        )
        c1, c2 = st.columns([3, 1])
        linked = c1.multiselect(
            _("Risques menaçant l'activité"),
            options=list(titles),
            default=[r for r in (sheet.risk_ids if sheet else []) if r in titles],
            format_func=lambda i: f"{i} — {titles[i]}",
            key=f"risks_links_{sk}",
            placeholder=_("Choisissez dans la liste"),
        )
        tested_on = c2.date_input(
            _("Dernier exercice"),
            value=sheet.tested_on if sheet else None,
            format="DD/MM/YYYY",
            key=f"risks_tested_{sk}",
        )
        submitted = st.form_submit_button(_("Enregistrer la fiche"), type="primary")
    if not submitted:
        return
    entry = {
        "id": sheet_id.strip(),
        "activity": activity.strip(),
        "max_interruption": max_interruption.strip(),
        "minimum_service": minimum_service.strip(),
        "who": who.strip(),
        "fallback": fallback.strip(),
        "resources": resources.strip(),
        "risk_ids": linked,
        "tested_on": tested_on,
    }
    save(
        screen,
        put_sheet(section, entry, sheet.id if sheet else None),
        _("Fiche de continuité {id} enregistrée", id=entry["id"]),
    )


# --------------------------------------------------------------------------- library


def library_tab(screen: Screen) -> None:
    """The ESS risk library, and the form to add some of its risks to the register."""
    _ = screen.tr
    entries = library()
    st.write(
        _(
            "{n} risques typiques des structures de l'ESS, avec causes, conséquences et mesures "
            "suggérées. Choisissez ceux qui vous concernent sous le tableau : ils sont ajoutés au "
            "registre sur la matrice en vigueur, à adapter ensuite.",
            n=len(entries),
        )
    )
    present = {r.library_key for r in screen.section.risks if r.library_key}
    st.dataframe(
        pd.DataFrame(
            {
                _("Risque"): [e.title for e in entries],
                _("Catégorie"): [_(CATEGORY_LABELS[e.category]) for e in entries],
                _("Déjà dans le registre"): [
                    _("oui") if e.key in present else _("non") for e in entries
                ],
                _("Cause"): [e.cause for e in entries],
                _("Conséquence"): [e.consequence for e in entries],
                _("Mesures suggérées"): [" ; ".join(e.controls) for e in entries],
            }
        ),
        hide_index=True,
        key="risks_library_table",
    )
    titles = {e.key: e.title for e in entries}
    with st.form("risks_library_form"):
        keys = st.multiselect(
            _("Risques à ajouter"),
            options=[e.key for e in entries if e.key not in present],
            format_func=titles.__getitem__,
            key="risks_library_pick",
            placeholder=_("Choisissez dans la liste"),
        )
        owner = st.text_input(_("Responsable par défaut"), value="", key="risks_library_owner")
        with_actions = st.checkbox(
            _("Ajouter aussi les actions suggérées"), value=True, key="risks_library_actions"
        )
        added = st.form_submit_button(_("Ajouter à la cartographie"), type="primary")
    if not added:
        return
    if not keys:
        st.warning(_("Choisissez au moins un risque."))
        return
    data = add_library_risks(
        screen.section,
        keys,
        screen.matrix,
        owner=owner,
        on=screen.today,
        with_actions=with_actions,
    )
    save(screen, data, _("{n} risque(s) ajouté(s) depuis la bibliothèque", n=len(keys)))


# --------------------------------------------------------------------------- matrix


def matrix_tab(screen: Screen) -> None:
    """The matrix in force, the migration of older assessments, and a new version."""
    _ = screen.tr
    matrix = screen.matrix
    st.write(
        _(
            "Matrice en vigueur : {size}×{size}, version {version}. Score = probabilité × gravité ; "
            "la zone dit la conduite à tenir. Modifier la matrice crée une nouvelle version : les "
            "évaluations déjà faites gardent la leur jusqu'à ce que vous acceptiez leur migration.",
            size=matrix.size,
            version=matrix.version,
        )
    )
    _matrix_tables(screen)
    _migration(screen)
    _new_matrix_version(screen)


def _matrix_tables(screen: Screen) -> None:
    _ = screen.tr
    matrix = screen.matrix
    c1, c2 = st.columns(2)
    for column, axis, levels, key in (
        (c1, _("Probabilité"), matrix.likelihood, "risks_matrix_likelihood"),
        (c2, _("Gravité"), matrix.impact, "risks_matrix_impact"),
    ):
        column.dataframe(
            pd.DataFrame(
                {
                    _("Niveau"): range(1, matrix.size + 1),
                    axis: [_(lv.label) for lv in levels],
                    _("Description"): [_(lv.description) for lv in levels],
                }
            ),
            hide_index=True,
            key=key,
        )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    _("Zone"): _(b.label),
                    _("Scores"): f"{low}–{high}",
                    _("Couleur"): b.colour,
                    _("Conduite à tenir"): _(b.guidance),
                }
                for b, low, high in band_ranges(matrix)
            ]
        ),
        hide_index=True,
        key="risks_matrix_bands",
    )
    versions = " ; ".join(
        f"v{v.version} ({v.size}×{v.size}"
        + (f", {_.date(v.created_on)}" if v.created_on else "")
        + (f" — {v.note}" if v.note else "")
        + ")"
        for v in matrices_of(screen.section)
    )
    st.caption(_("Versions : {versions}.", versions=versions))


def _migration(screen: Screen) -> None:
    """The migration offer for assessments made on an older matrix version."""
    _ = screen.tr
    proposals = migration_proposals(screen.section)
    if not proposals:
        return
    st.subheader(_("Migration des évaluations"))
    st.write(
        _(
            "Ces évaluations utilisent une ancienne version de la matrice. Voici les niveaux "
            "proposés sur la version {version} (même position relative sur l'échelle) : "
            "corrigez-les si besoin, puis acceptez.",
            version=screen.matrix.version,
        )
    )
    frame = pd.DataFrame([p.model_dump() for p in proposals])
    frame.insert(0, "accept", True)
    kind_words = {"inherent": _("brute"), "residual": _("résiduelle")}
    frame.insert(2, "kind_label", [kind_words[x] for x in frame["kind"]])
    for column in ("old_band", "new_band"):
        frame[column] = [_(b) for b in frame[column]]
    size = screen.matrix.size
    edited = st.data_editor(
        frame,
        hide_index=True,
        key="risks_migration_editor",
        disabled=[c for c in frame.columns if c not in {"accept", "new_likelihood", "new_impact"}],
        column_config={
            "accept": st.column_config.CheckboxColumn(_("Migrer")),
            "risk_id": _("Identifiant"),
            "kind": None,
            "kind_label": _("Évaluation"),
            "from_version": _("Depuis la version"),
            "to_version": _("Vers la version"),
            "old_likelihood": _("Probabilité"),
            "old_impact": _("Gravité"),
            "old_score": _("Score"),
            "old_band": _("Niveau"),
            "new_likelihood": st.column_config.NumberColumn(
                _("Nouvelle probabilité"), min_value=1, max_value=size, step=1
            ),
            "new_impact": st.column_config.NumberColumn(
                _("Nouvelle gravité"), min_value=1, max_value=size, step=1
            ),
            "new_score": _("Score proposé"),
            "new_band": _("Niveau proposé"),
        },
    )
    if not st.button(_("Migrer les évaluations cochées"), key="risks_migrate", type="primary"):
        return
    accepted = selected_migrations(proposals, edited.to_dict("records"))
    if not accepted:
        st.warning(_("Aucune évaluation cochée."))
        return
    save(
        screen,
        apply_migration(screen.section, accepted).model_dump(),
        _(
            "Migration de {n} évaluation(s) vers la matrice v{v}",
            n=len(accepted),
            v=screen.matrix.version,
        ),
    )


def _new_matrix_version(screen: Screen) -> None:
    """The form that creates a new matrix version (starting from the one in force)."""
    _ = screen.tr
    matrix = screen.matrix
    st.subheader(_("Nouvelle version de la matrice"))
    size = int(
        st.selectbox(
            _("Taille"),
            options=[3, 4, 5],
            index=[3, 4, 5].index(matrix.size),
            format_func=lambda n: f"{n}×{n}",
            key="risks_matrix_size",
        )
    )
    base = matrix if size == matrix.size else default_matrix(size)

    def levels_frame(levels: list[Any]) -> pd.DataFrame:
        return pd.DataFrame(
            {"label": [lv.label for lv in levels], "description": [lv.description for lv in levels]}
        )

    def level_columns(axis: str) -> dict[str, Any]:
        return {
            "label": st.column_config.TextColumn(axis, required=True),
            "description": st.column_config.TextColumn(_("Description")),
        }

    with st.form(f"risks_matrix_form_{size}"):
        c1, c2 = st.columns(2)
        likelihood = c1.data_editor(
            levels_frame(base.likelihood),
            hide_index=True,
            key=f"risks_matrix_lik_{size}",
            column_config=level_columns(_("Probabilité")),
        )
        impact = c2.data_editor(
            levels_frame(base.impact),
            hide_index=True,
            key=f"risks_matrix_imp_{size}",
            column_config=level_columns(_("Gravité")),
        )
        bands = st.data_editor(
            pd.DataFrame(
                {
                    "label": [b.label for b in base.bands],
                    "max_score": [b.max_score for b in base.bands],
                    "colour": [b.colour for b in base.bands],
                    "guidance": [b.guidance for b in base.bands],
                }
            ),
            hide_index=True,
            num_rows="dynamic",
            key=f"risks_matrix_bands_{size}",
            column_config={
                "label": st.column_config.TextColumn(_("Zone"), required=True),
                "max_score": st.column_config.NumberColumn(
                    _("Score maximal"), min_value=1, max_value=size * size, step=1
                ),
                "colour": st.column_config.TextColumn(
                    _("Couleur (#RRGGBB)"), help=_("Préférez des couleurs lisibles par tous.")
                ),
                "guidance": st.column_config.TextColumn(_("Conduite à tenir")),
            },
        )
        note = st.text_input(_("Motif de la nouvelle version"), key=f"risks_matrix_note_{size}")
        submitted = st.form_submit_button(_("Créer la nouvelle version"), type="primary")
    if not submitted:
        return
    candidate, issues = matrix_from_rows(
        version=matrix.version + 1,
        size=size,
        likelihood=likelihood.to_dict("records"),
        impact=impact.to_dict("records"),
        bands=bands.to_dict("records"),
        note=note,
    )
    if candidate is None:
        widgets.show_issues(issues, title=_("La matrice n'a pas été créée : corrigez ces points."))
    elif same_scales(candidate, matrix):
        st.info(_("La matrice n'a pas changé : aucune version créée."))
    else:
        save(
            screen,
            revise_matrix(screen.section, candidate, on=screen.today).model_dump(),
            _("Matrice des risques : version {v}", v=matrix.version + 1),
        )


# --------------------------------------------------------------------------- files


@st.cache_data(show_spinner=False)
def _template() -> bytes:
    """The import template (the same for everyone: built once)."""
    return register_template_xlsx()


def files_tab(screen: Screen) -> None:
    """Downloads (register and map, Word map, import template) and the register import."""
    _ = screen.tr
    section = screen.section
    name = screen.opened.dossier.identity.name
    revision = screen.opened.revision
    st.subheader(_("Exporter"))
    if not section.risks:
        st.caption(_("Les exports seront disponibles dès que le registre contiendra un risque."))
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        _("Registre et carte (Excel)"),
        data=lambda: risk_register_xlsx(section, _, organisation=name, today=screen.today),
        file_name=f"risques-{screen.slug}-v{revision}.xlsx",
        mime=XLSX_MIME,
        key="risks_dl_xlsx",
        on_click="ignore",
        disabled=not section.risks,
    )
    c2.download_button(
        _("Cartographie (Word)"),
        data=lambda: risk_map_docx(section, _, organisation=name, today=screen.today),
        file_name=f"cartographie-risques-{screen.slug}-v{revision}.docx",
        mime=DOCX_MIME,
        key="risks_dl_docx",
        on_click="ignore",
        disabled=not section.risks,
    )
    c3.download_button(
        _("Modèle d'import (Excel)"),
        data=_template(),
        file_name="modele-registre-risques.xlsx",
        mime=XLSX_MIME,
        key="risks_dl_template",
        on_click="ignore",
    )
    st.subheader(_("Importer un registre"))
    st.write(
        _(
            "Remplissez le modèle (feuille « Registre », une ligne par risque ; feuille « Actions » "
            "facultative ; la feuille « Aide » liste les valeurs admises). Les niveaux se lisent sur "
            "la matrice en vigueur ({size}×{size}). Un risque dont l'identifiant existe déjà est "
            "remplacé ; les lignes en erreur sont écartées et signalées.",
            size=screen.matrix.size,
        )
    )
    kept = st.session_state.pop("risks_import_issues", None)
    if kept:
        widgets.show_issues(kept, title=_("Lignes écartées ou à vérifier lors du dernier import"))
    upload = st.file_uploader(_("Registre à importer"), type=["xlsx"], key="risks_import_file")
    if upload is not None and st.button(_("Importer"), key="risks_import_go", type="primary"):
        _import(screen, upload.getvalue(), upload.name)


def _import(screen: Screen, raw: bytes, file_name: str) -> None:
    _ = screen.tr
    with st.spinner(_("Lecture du registre…")):
        read, issues = read_register_xlsx(raw, screen.matrix, file=file_name)
    if not read:
        widgets.show_issues(
            issues, title=_("Aucun risque importé depuis « {f} » : rien n'a changé.", f=file_name)
        )
        return
    widgets.show_issues(issues)
    base = RiskSection.model_validate(with_explicit_matrices(screen.section))
    merged, merge_issues = merge_register(base, read)
    if merged is None:
        widgets.show_issues(merge_issues, title=_("Rien n'a été enregistré."))
        return
    if state.save_current(
        screen.opened.dossier.model_copy(update={"risks": merged}),
        _("Import du registre « {f} »", f=file_name),
    ):
        saved = state.current()
        st.session_state[_FLASH] = _(
            "{n} risque(s) importé(s) (version {rev}).",
            n=len(read),
            rev=saved.revision if saved else "?",
        )
        st.session_state["risks_import_issues"] = issues
    st.rerun()

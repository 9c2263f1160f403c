"""Risques — the risk map: register, heat map, follow-up, continuity, library, matrix, import/export."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from essdiag.charts.risks import category_chart, heatmap_chart, history_chart, owner_chart
from essdiag.report.risks_docx import risk_map_docx
from essdiag.report.risks_xlsx import risk_register_xlsx
from essdiag.risks import (
    ACTION_STATUS_LABELS,
    CATEGORY_LABELS,
    TREATMENT_LABELS,
    ActionStatus,
    RiskCategory,
    RiskMatrix,
    Treatment,
    current_matrix,
    default_matrix,
    register_warnings,
)
from essdiag.risks.importer import merge_register, read_register_xlsx, register_template_xlsx
from essdiag.risks.library import library, risk_from_library
from essdiag.risks.model import (
    apply_migration,
    matrices_of,
    matrix_by_version,
    migration_proposals,
    next_risk_id,
    revise_matrix,
    validate_matrix,
    validate_section,
)
from essdiag.risks.views import (
    by_category,
    by_owner,
    continuity_frame,
    heatmap_cells,
    labelled,
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

_ = state.tr()
widgets.page_header(
    _("Risques"),
    ["BC02.C4", "BC02.C1"],
    _(
        "Identifier, évaluer et traiter les risques financiers, humains, institutionnels et "
        "opérationnels de la structure (démarche ISO 31000), suivre les actions et les revues, "
        "et préparer la continuité des activités critiques."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
section = opened.dossier.risks
matrix = current_matrix(section)
today = datetime.now(tz=ZoneInfo("Europe/Paris")).date()
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
slug = "".join(c if c.isalnum() else "-" for c in opened.dossier.identity.name.lower()).strip("-")

flash = st.session_state.pop("risks_flash", None)
if flash:
    st.success(flash)


def save(data: dict[str, Any], message: str, *, choice: str | None = None) -> None:
    """Validate a whole risk section (as a dict) and save it as a new revision."""
    new_section, issues = validate_section(data)
    if new_section is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces points."))
        return
    if new_section == section:
        st.info(_("Aucune modification à enregistrer."))
        return
    if state.save_current(opened.dossier.model_copy(update={"risks": new_section}), message):
        st.session_state["risks_flash"] = _(
            "Enregistré (version {rev}).",
            rev=state.current().revision,  # type: ignore[union-attr]
        )
        if choice is not None:
            st.session_state["risks_next_choice"] = choice
    st.rerun()


def level_label(m: RiskMatrix, axis: str, level: int) -> str:
    levels = m.likelihood if axis == "likelihood" else m.impact
    return f"{level}. {_(levels[level - 1].label)}"


def nan_to_none(value: Any) -> Any:
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return None
    return value


warnings = register_warnings(section)
active = [r for r in section.risks if not r.closed]

if not section.risks:
    st.info(
        _(
            "Le registre est vide. Partez de la bibliothèque de risques typiques de l'ESS "
            "(onglet « Bibliothèque »), importez votre registre Excel (onglet « Import et "
            "export ») ou décrivez un premier risque (onglet « Registre »)."
        )
    )
else:
    late_actions = overdue_actions(section, today)
    late_reviews = overdue_reviews(section, today)
    top = top_risks(section, len(active))
    upper = [b.label for b in matrix.bands[-2:]]  # the two highest bands (or the only one)
    high = sum(1 for b in top["band"] if b in upper)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(_("Risques suivis"), len(active))
    c2.metric(_("En zone {zones}", zones=_(" ou ").join(f"« {_(b)} »" for b in upper)), high)
    c3.metric(_("Actions en retard"), len(late_actions))
    c4.metric(_("Revues dépassées"), len(late_reviews))
    if warnings:
        with st.expander(_("Points d'attention ({n})", n=len(warnings))):
            widgets.show_issues(warnings, title=_("À vérifier dans le registre"))

(
    tab_map,
    tab_register,
    tab_follow,
    tab_continuity,
    tab_library,
    tab_matrix,
    tab_files,
) = st.tabs(
    [
        _("Carte"),
        _("Registre"),
        _("Suivi"),
        _("Continuité"),
        _("Bibliothèque"),
        _("Matrice"),
        _("Import et export"),
    ]
)

# --------------------------------------------------------------------------- map
with tab_map:
    if not active:
        st.info(_("Aucun risque actif à placer sur la carte."))
    else:
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
            heatmap_chart(matrix, heatmap_cells(section, "residual"), moves, _),
            labelled(moves, _),
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
        st.dataframe(labelled(top10, _), hide_index=True, key="risks_top_table")
        first = section.risk(str(top10.iloc[0]["id"]))
        if first is not None:
            widgets.explain(score_figure(first, section))
        st.subheader(_("Par catégorie"))
        cats = by_category(section)
        widgets.chart_with_table(category_chart(cats, _), labelled(cats, _), key="risks_categories")
        st.subheader(_("Par responsable"))
        owners = by_owner(section)
        widgets.chart_with_table(owner_chart(owners, _), labelled(owners, _), key="risks_owners")

# --------------------------------------------------------------------------- register
with tab_register:
    if section.risks:
        st.dataframe(
            labelled(register_frame(section), _), hide_index=True, key="risks_register_table"
        )
    ids = [r.id for r in section.risks]
    if "risks_next_choice" in st.session_state:
        st.session_state["risks_choice"] = st.session_state.pop("risks_next_choice")
    if st.session_state.get("risks_choice") not in [*ids, "__new__"]:
        st.session_state.pop("risks_choice", None)
    choice = st.selectbox(
        _("Risque à modifier"),
        options=[*ids, "__new__"],
        format_func=lambda i: (
            _("➕ Nouveau risque") if i == "__new__" else f"{i} — {section.risk(i).title}"
        ),  # type: ignore[union-attr]
        key="risks_choice",
    )
    risk = section.risk(choice) if choice != "__new__" else None
    rid = risk.id if risk else next_risk_id(ids)
    m = (matrix_by_version(section, risk.inherent.matrix_version) if risk else None) or matrix
    if m.version != matrix.version:
        st.warning(
            _(
                "Ce risque est évalué sur la version {old} de la matrice ({size}×{size}) : "
                "migrez-le depuis l'onglet « Matrice » pour l'évaluer sur la version en vigueur.",
                old=m.version,
                size=m.size,
            )
        )
    # Widget keys name the risk (or the id a new one will get), so each form starts fresh.
    k = f"{choice}_{m.version}" if risk else f"new_{rid}_{m.version}"
    levels = list(range(1, m.size + 1))
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
            value=(risk.created_on if risk else today),
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
            format_func=lambda i: level_label(m, "likelihood", i),
            key=f"risks_inh_l_{k}",
        )
        inh_i = c2.selectbox(
            _("Gravité brute"),
            options=levels,
            index=(risk.inherent.impact - 1) if risk else 0,
            format_func=lambda i: level_label(m, "impact", i),
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
            format_func=lambda i: level_label(m, "likelihood", i),
            key=f"risks_res_l_{k}",
        )
        res_i = c2.selectbox(
            _("Gravité résiduelle"),
            options=levels,
            index=(res.impact - 1) if res else 0,
            format_func=lambda i: level_label(m, "impact", i),
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
        status_words = {s: _(ACTION_STATUS_LABELS[s]) for s in ActionStatus}
        existing = risk.actions if risk else []
        actions_df = pd.DataFrame(
            {
                "title": pd.Series([a.title for a in existing], dtype="str"),
                "owner": pd.Series([a.owner for a in existing], dtype="str"),
                "created_on": pd.Series([a.created_on for a in existing], dtype="object"),
                "due_on": pd.Series([a.due_on for a in existing], dtype="object"),
                "status": pd.Series([status_words[a.status] for a in existing], dtype="str"),
                "note": pd.Series([a.note for a in existing], dtype="str"),
            }
        )
        edited_actions = st.data_editor(
            actions_df,
            num_rows="dynamic",
            hide_index=True,
            key=f"risks_actions_{k}",
            column_config={
                "title": st.column_config.TextColumn(_("Action"), required=True),
                "owner": st.column_config.TextColumn(_("Responsable de l'action")),
                "created_on": st.column_config.DateColumn(
                    _("Date de création de l'action"), format="DD/MM/YYYY", default=today
                ),
                "due_on": st.column_config.DateColumn(_("Échéance"), format="DD/MM/YYYY"),
                "status": st.column_config.SelectboxColumn(
                    _("Statut de l'action"),
                    options=list(status_words.values()),
                    default=status_words[ActionStatus.TODO],
                ),
                "note": st.column_config.TextColumn(_("Suivi de l'action")),
            },
        )
        closed = st.checkbox(
            _("Risque clos (plus suivi)"), value=bool(risk and risk.closed), key=f"risks_closed_{k}"
        )
        submitted = st.form_submit_button(_("Enregistrer le risque"), type="primary")

    if submitted:
        word_to_status = {v: s for s, v in status_words.items()}
        actions = []
        for row in edited_actions.to_dict("records"):
            title_a = str(nan_to_none(row.get("title")) or "").strip()
            if not title_a:
                continue
            actions.append(
                {
                    "title": title_a,
                    "owner": str(nan_to_none(row.get("owner")) or ""),
                    "created_on": nan_to_none(row.get("created_on")),
                    "due_on": nan_to_none(row.get("due_on")),
                    "status": word_to_status.get(
                        str(nan_to_none(row.get("status")) or ""), ActionStatus.TODO
                    ),
                    "note": str(nan_to_none(row.get("note")) or ""),
                }
            )
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
            "actions": actions,
            "review_on": review_on,
            "funder": funder.strip(),
            "skill": skill.strip(),
            "library_key": risk.library_key if risk else "",
            "closed": closed,
        }
        data = section.model_dump()
        if risk is None:
            data["risks"].append(entry)
        else:
            data["risks"] = [entry if r["id"] == risk.id else r for r in data["risks"]]
            if entry["id"] != risk.id:
                for sheet in data["continuity"]:
                    sheet["risk_ids"] = [
                        entry["id"] if x == risk.id else x for x in sheet["risk_ids"]
                    ]
        save(
            data,
            _("Risque {id} enregistré", id=entry["id"]),
            choice=str(entry["id"]),
        )

    if risk is not None:
        with st.expander(_("Supprimer ce risque")):
            st.caption(
                _(
                    "La suppression retire aussi le risque des fiches de continuité. Les versions "
                    "précédentes du dossier le gardent : préférez « Risque clos » pour garder la "
                    "trace."
                )
            )
            if st.button(_("Supprimer {id}", id=risk.id), key=f"risks_delete_{k}"):
                data = section.model_dump()
                data["risks"] = [r for r in data["risks"] if r["id"] != risk.id]
                for sheet in data["continuity"]:
                    sheet["risk_ids"] = [x for x in sheet["risk_ids"] if x != risk.id]
                save(data, _("Risque {id} supprimé", id=risk.id))

# --------------------------------------------------------------------------- follow-up
with tab_follow:
    st.subheader(_("Actions en retard"))
    late = overdue_actions(section, today)
    if late.empty:
        st.success(_("Aucune action en retard au {date}.", date=_.date(today)))
    else:
        st.dataframe(labelled(late, _), hide_index=True, key="risks_late_actions")
    st.subheader(_("Revues dépassées ou non planifiées"))
    reviews = overdue_reviews(section, today)
    if reviews.empty:
        st.success(_("Toutes les revues sont à jour."))
    else:
        st.dataframe(labelled(reviews, _), hide_index=True, key="risks_late_reviews")
    st.subheader(_("Historique des scores"))
    st.caption(
        _(
            "Chaque enregistrement du dossier crée une version : l'historique relit les versions "
            "récentes et montre comment le score retenu (résiduel, sinon brut) de chaque risque "
            "a évolué."
        )
    )
    if st.toggle(_("Afficher l'historique"), key="risks_history_on"):
        limit = st.slider(_("Nombre de versions à relire"), 2, 50, 20, key="risks_history_limit")
        ws = state.workspace()
        with st.spinner(_("Lecture des versions du dossier…")):
            pairs = []
            for info in ws.revisions(opened.id)[:limit]:
                dossier, _number = ws.load(opened.id, info.number)
                pairs.append((info, dossier.risks))
        history = score_history(pairs)
        if history.empty:
            st.info(_("Aucune version ne contient encore de risque."))
        else:
            picked = st.multiselect(
                _("Risques"),
                options=sorted(set(history["id"])),
                default=[str(i) for i in top_risks(section, 5)["id"] if i in set(history["id"])],
                key="risks_history_pick",
                placeholder=_("Choisissez dans la liste"),
            )
            shown = history[history["id"].isin(picked)] if picked else history
            table = shown.assign(date=[_.date(d, "short") for d in shown["date"]])
            widgets.chart_with_table(
                history_chart(shown, _), labelled(table, _), key="risks_history"
            )

# --------------------------------------------------------------------------- continuity
with tab_continuity:
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
        st.dataframe(labelled(cont, _), hide_index=True, key="risks_continuity_table")
    sheet_ids = [c.id for c in section.continuity]
    sheet_choice = st.selectbox(
        _("Fiche à modifier"),
        options=[*sheet_ids, "__new__"],
        format_func=lambda i: (
            _("➕ Nouvelle fiche")
            if i == "__new__"
            else f"{i} — {next(c.activity for c in section.continuity if c.id == i)}"
        ),
        key="risks_sheet_choice",
    )
    sheet = next((c for c in section.continuity if c.id == sheet_choice), None)
    new_sheet_id = next_risk_id(sheet_ids, "C")
    sk = sheet.id if sheet else f"new_{new_sheet_id}"
    if sheet is not None and sheet.risk_ids:
        threats = register_frame(section)
        threats = threats[threats["id"].isin(sheet.risk_ids)][
            ["id", "title", "owner", "inherent", "residual", "residual_band"]
        ]
        st.caption(_("Risques qui menacent cette activité"))
        st.dataframe(labelled(threats, _), hide_index=True, key="risks_sheet_threats")
    with st.form(f"risks_sheet_form_{sk}"):
        c1, c2, c3 = st.columns([1, 3, 2])
        sheet_id = c1.text_input(
            _("Identifiant de la fiche"),
            value=sheet.id if sheet else new_sheet_id,
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
            options=ids,
            default=[r for r in (sheet.risk_ids if sheet else []) if r in ids],
            format_func=lambda i: f"{i} — {section.risk(i).title}",  # type: ignore[union-attr]
            key=f"risks_links_{sk}",
            placeholder=_("Choisissez dans la liste"),
        )
        tested_on = c2.date_input(
            _("Dernier exercice"),
            value=sheet.tested_on if sheet else None,
            format="DD/MM/YYYY",
            key=f"risks_tested_{sk}",
        )
        sheet_submitted = st.form_submit_button(_("Enregistrer la fiche"), type="primary")
    if sheet_submitted:
        entry_c = {
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
        data = section.model_dump()
        if sheet is None:
            data["continuity"].append(entry_c)
        else:
            data["continuity"] = [entry_c if c["id"] == sheet.id else c for c in data["continuity"]]
        save(data, _("Fiche de continuité {id} enregistrée", id=entry_c["id"]))

# --------------------------------------------------------------------------- library
with tab_library:
    st.write(
        _(
            "{n} risques typiques des structures de l'ESS, avec causes, conséquences et mesures "
            "suggérées. Cochez ceux qui vous concernent : ils sont ajoutés au registre sur la "
            "matrice en vigueur, à adapter ensuite.",
            n=len(library()),
        )
    )
    present = {r.library_key for r in section.risks if r.library_key}
    lib = pd.DataFrame(
        {
            "key": [e.key for e in library()],
            _("Risque"): [e.title for e in library()],
            _("Catégorie"): [_(CATEGORY_LABELS[e.category]) for e in library()],
            _("Cause"): [e.cause for e in library()],
            _("Conséquence"): [e.consequence for e in library()],
            _("Mesures suggérées"): [" ; ".join(e.controls) for e in library()],
            _("Déjà dans le registre"): [e.key in present for e in library()],
        }
    )
    st.dataframe(lib.drop(columns="key"), hide_index=True, key="risks_library_table")
    with st.form("risks_library_form"):
        keys = st.multiselect(
            _("Risques à ajouter"),
            options=[e.key for e in library() if e.key not in present],
            format_func={e.key: e.title for e in library()}.__getitem__,
            key="risks_library_pick",
            placeholder=_("Choisissez dans la liste"),
        )
        lib_owner = st.text_input(_("Responsable par défaut"), value="", key="risks_library_owner")
        with_actions = st.checkbox(
            _("Ajouter aussi les actions suggérées"), value=True, key="risks_library_actions"
        )
        added = st.form_submit_button(_("Ajouter à la cartographie"), type="primary")
    if added:
        if not keys:
            st.warning(_("Choisissez au moins un risque."))
        else:
            taken = [r.id for r in section.risks]
            data = section.model_dump()
            if not section.matrices:
                data["matrices"] = [mm.model_dump() for mm in matrices_of(section)]
            for e in library():
                if e.key in keys:
                    new = risk_from_library(
                        e,
                        next_risk_id(taken),
                        matrix,
                        owner=lib_owner.strip(),
                        on=today,
                        with_actions=with_actions,
                    )
                    taken.append(new.id)
                    data["risks"].append(new.model_dump())
            save(data, _("{n} risque(s) ajouté(s) depuis la bibliothèque", n=len(keys)))

# --------------------------------------------------------------------------- matrix
with tab_matrix:
    st.write(
        _(
            "Matrice en vigueur : {size}×{size}, version {version}. Score = probabilité × gravité ; "
            "la zone dit la conduite à tenir. Modifier la matrice crée une nouvelle version : les "
            "évaluations déjà faites gardent la leur jusqu'à ce que vous acceptiez leur migration.",
            size=matrix.size,
            version=matrix.version,
        )
    )
    bands_table = []
    start = 1
    for b in matrix.bands:
        bands_table.append(
            {
                _("Zone"): _(b.label),
                _("Scores"): f"{start}–{b.max_score}",
                _("Couleur"): b.colour,
                _("Conduite à tenir"): _(b.guidance),
            }
        )
        start = b.max_score + 1
    c1, c2, c3 = st.columns(3)
    c1.dataframe(
        pd.DataFrame(
            {
                _("Niveau"): range(1, matrix.size + 1),
                _("Probabilité"): [_(lv.label) for lv in matrix.likelihood],
                _("Description"): [_(lv.description) for lv in matrix.likelihood],
            }
        ),
        hide_index=True,
        key="risks_matrix_likelihood",
    )
    c2.dataframe(
        pd.DataFrame(
            {
                _("Niveau"): range(1, matrix.size + 1),
                _("Gravité"): [_(lv.label) for lv in matrix.impact],
                _("Description"): [_(lv.description) for lv in matrix.impact],
            }
        ),
        hide_index=True,
        key="risks_matrix_impact",
    )
    c3.dataframe(pd.DataFrame(bands_table), hide_index=True, key="risks_matrix_bands")
    versions = matrices_of(section)
    st.caption(
        _(
            "Versions : {versions}.",
            versions=" ; ".join(
                f"v{v.version} ({v.size}×{v.size}"
                + (f", {_.date(v.created_on)}" if v.created_on else "")
                + (f" — {v.note}" if v.note else "")
                + ")"
                for v in versions
            ),
        )
    )

    proposals = migration_proposals(section)
    if proposals:
        st.subheader(_("Migration des évaluations"))
        st.write(
            _(
                "Ces évaluations utilisent une ancienne version de la matrice. Voici les niveaux "
                "proposés sur la version {version} (même position relative sur l'échelle) : "
                "corrigez-les si besoin, puis acceptez.",
                version=matrix.version,
            )
        )
        prop_df = pd.DataFrame([p.model_dump() for p in proposals])
        prop_df.insert(0, "accept", True)
        kind_words = {"inherent": _("brute"), "residual": _("résiduelle")}
        prop_df.insert(2, "kind_label", [kind_words[x] for x in prop_df["kind"]])
        edited_props = st.data_editor(
            prop_df,
            hide_index=True,
            key="risks_migration_editor",
            disabled=[
                c for c in prop_df.columns if c not in {"accept", "new_likelihood", "new_impact"}
            ],
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
                    _("Nouvelle probabilité"), min_value=1, max_value=matrix.size, step=1
                ),
                "new_impact": st.column_config.NumberColumn(
                    _("Nouvelle gravité"), min_value=1, max_value=matrix.size, step=1
                ),
                "new_score": _("Score proposé"),
                "new_band": _("Niveau proposé"),
            },
        )
        if st.button(_("Migrer les évaluations cochées"), key="risks_migrate", type="primary"):
            accepted = []
            by_key = {(p.risk_id, p.kind): p for p in proposals}
            for row in edited_props.to_dict("records"):
                if not row["accept"]:
                    continue
                p = by_key[(row["risk_id"], row["kind"])]
                accepted.append(
                    p.model_copy(
                        update={
                            "new_likelihood": int(row["new_likelihood"]),
                            "new_impact": int(row["new_impact"]),
                        }
                    )
                )
            if not accepted:
                st.warning(_("Aucune évaluation cochée."))
            else:
                migrated = apply_migration(section, accepted)
                save(
                    migrated.model_dump(),
                    _(
                        "Migration de {n} évaluation(s) vers la matrice v{v}",
                        n=len(accepted),
                        v=matrix.version,
                    ),
                )

    st.subheader(_("Nouvelle version de la matrice"))
    size = st.selectbox(
        _("Taille"),
        options=[3, 4, 5],
        index=[3, 4, 5].index(matrix.size),
        format_func=lambda n: f"{n}×{n}",
        key="risks_matrix_size",
    )
    base = matrix if size == matrix.size else default_matrix(size)
    with st.form(f"risks_matrix_form_{size}"):
        c1, c2 = st.columns(2)
        lik = c1.data_editor(
            pd.DataFrame(
                {
                    "label": [lv.label for lv in base.likelihood],
                    "description": [lv.description for lv in base.likelihood],
                }
            ),
            hide_index=True,
            key=f"risks_matrix_lik_{size}",
            column_config={
                "label": st.column_config.TextColumn(_("Probabilité"), required=True),
                "description": st.column_config.TextColumn(_("Description")),
            },
        )
        imp = c2.data_editor(
            pd.DataFrame(
                {
                    "label": [lv.label for lv in base.impact],
                    "description": [lv.description for lv in base.impact],
                }
            ),
            hide_index=True,
            key=f"risks_matrix_imp_{size}",
            column_config={
                "label": st.column_config.TextColumn(_("Gravité"), required=True),
                "description": st.column_config.TextColumn(_("Description")),
            },
        )
        bands_edit = st.data_editor(
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
        new_version = st.form_submit_button(_("Créer la nouvelle version"), type="primary")
    if new_version:

        def rows(df: pd.DataFrame) -> list[dict[str, Any]]:
            return [
                {k: (v if not pd.isna(v) else "") for k, v in r.items()}
                for r in df.to_dict("records")
            ]

        candidate, m_issues = validate_matrix(
            {
                "version": matrix.version + 1,
                "size": size,
                "likelihood": rows(lik),
                "impact": rows(imp),
                "bands": [
                    {**b, "max_score": int(b["max_score"]) if b["max_score"] != "" else 0}
                    for b in rows(bands_edit)
                    if b["label"]
                ],
                "note": note.strip(),
            },
        )
        if candidate is None:
            widgets.show_issues(
                m_issues, title=_("La matrice n'a pas été créée : corrigez ces points.")
            )
        elif (
            candidate.size == matrix.size
            and candidate.likelihood == matrix.likelihood
            and candidate.impact == matrix.impact
            and candidate.bands == matrix.bands
        ):
            st.info(_("La matrice n'a pas changé : aucune version créée."))
        else:
            revised = revise_matrix(section, candidate, on=today)
            save(
                revised.model_dump(),
                _("Matrice des risques : version {v}", v=matrix.version + 1),
            )

# --------------------------------------------------------------------------- files
with tab_files:
    st.subheader(_("Exporter"))
    c1, c2, c3 = st.columns(3)
    c1.download_button(
        _("Registre et carte (Excel)"),
        data=lambda: risk_register_xlsx(
            section, _, organisation=opened.dossier.identity.name, today=today
        ),
        file_name=f"risques-{slug}-v{opened.revision}.xlsx",
        mime=XLSX_MIME,
        key="risks_dl_xlsx",
        disabled=not section.risks,
    )
    c2.download_button(
        _("Cartographie (Word)"),
        data=lambda: risk_map_docx(
            section, _, organisation=opened.dossier.identity.name, today=today
        ),
        file_name=f"cartographie-risques-{slug}-v{opened.revision}.docx",
        mime=DOCX_MIME,
        key="risks_dl_docx",
        disabled=not section.risks,
    )
    c3.download_button(
        _("Modèle d'import (Excel)"),
        data=register_template_xlsx,
        file_name="modele-registre-risques.xlsx",
        mime=XLSX_MIME,
        key="risks_dl_template",
    )
    st.subheader(_("Importer un registre"))
    st.write(
        _(
            "Remplissez le modèle (feuille « Registre », une ligne par risque ; feuille « Actions » "
            "facultative ; la feuille « Aide » liste les valeurs admises). Les niveaux se lisent sur "
            "la matrice en vigueur ({size}×{size}). Un risque dont l'identifiant existe déjà est "
            "remplacé ; les lignes en erreur sont écartées et signalées.",
            size=matrix.size,
        )
    )
    kept_issues = st.session_state.pop("risks_import_issues", None)
    if kept_issues:
        widgets.show_issues(
            kept_issues, title=_("Lignes écartées ou à vérifier lors du dernier import")
        )
    upload = st.file_uploader(_("Registre à importer"), type=["xlsx"], key="risks_import_file")
    if upload is not None and st.button(_("Importer"), key="risks_import_go", type="primary"):
        read, issues = read_register_xlsx(upload.getvalue(), matrix, file=upload.name)
        if not read:
            widgets.show_issues(
                issues,
                title=_("Aucun risque importé depuis « {f} » : rien n'a changé.", f=upload.name),
            )
        else:
            widgets.show_issues(issues)
            base_section = section
            if not section.matrices:
                base_section = section.model_copy(update={"matrices": matrices_of(section)})
            merged, merge_issues = merge_register(base_section, read)
            if merged is None:
                widgets.show_issues(merge_issues, title=_("Rien n'a été enregistré."))
            else:
                if state.save_current(
                    opened.dossier.model_copy(update={"risks": merged}),
                    _("Import du registre « {f} »", f=upload.name),
                ):
                    st.session_state["risks_flash"] = _(
                        "{n} risque(s) importé(s) (version {rev}).",
                        n=len(read),
                        rev=state.current().revision,  # type: ignore[union-attr]
                    )
                    st.session_state["risks_import_issues"] = issues
                st.rerun()

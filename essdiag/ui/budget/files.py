"""The budget out as the template, and in from any spreadsheet through a column-mapping step.

A budget laid out one row per heading (or account) and one column per month,
with any month headers and a decimal comma or point, is imported without
editing the file: the screen proposes which column holds what
(:func:`essdiag.budget.importer.suggest_budget_mapping`), the user corrects
it, the lines and their problems are shown, and the import makes a new draft
(or, after a confirmation, replaces the draft shown).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.importer import BudgetMapping, lines_from_mapping, suggest_budget_mapping
from essdiag.budget.template import budget_workbook
from essdiag.guards import FORM_LIMITS
from essdiag.ledger import read_table
from essdiag.periods import month_title
from essdiag.ui import cache, state, uploads, widgets
from essdiag.ui.budget import SHOW_KEY, budget_year, chosen, version_title
from essdiag.ui.screen import Screen, save_section

__all__ = ["XLSX_MIME", "show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_READ = "budget_import_read"
_LINES = "budget_import_lines"
"""The lines read with the mapping shown, kept while neither the file nor the mapping changes
(a 100 000-line budget is not read again on every rerun)."""


def _download(screen: Screen[Any]) -> None:
    """The version shown in the documented template (built once per revision)."""
    _ = screen.tr
    version = chosen(screen)
    fy = budget_year(screen)
    st.markdown(
        _(
            "**Modèle** : feuille « Budget », en-tête `Compte | Libellé | Rubrique | Code "
            "analytique | Financeur | Janvier … Décembre | Total`, montants en euros positifs."
        )
    )
    st.download_button(
        _("Télécharger le budget (XLSX, au format du modèle)"),
        data=cache.computed(budget_workbook, screen.opened, version=version.id if version else ""),
        file_name=f"budget_{fy.label_year}.xlsx",
        mime=XLSX_MIME,
        key="budget_download",
    )


def _mapping(screen: Screen[Any], columns: list[str]) -> BudgetMapping:
    """The mapping proposed, as the user corrects it."""
    _ = screen.tr
    fy = budget_year(screen)
    guess = suggest_budget_mapping(columns, fy)
    choices = ["", *columns]

    def pick(label: str, value: str, key: str) -> str:
        return str(
            st.selectbox(
                label,
                choices,
                index=choices.index(value) if value in choices else 0,
                format_func=lambda c: c or _("(aucune)"),
                key=f"budget_map_{key}",
            )
        )

    c1, c2, c3 = st.columns(3)
    with c1:
        account = pick(_("Compte ou rubrique"), guess.account, "account")
        label = pick(_("Libellé"), guess.label, "label")
    with c2:
        analytic = pick(_("Code analytique"), guess.analytic, "analytic")
        funder = pick(_("Financeur"), guess.funder, "funder")
    with c3:
        heading = pick(_("Rubrique"), guess.heading, "heading")
        total = pick(_("Total (contrôlé)"), guess.total, "total")
    st.markdown(_("**Colonnes des mois** (dans l'ordre de l'exercice)"))
    months = []
    cols = st.columns(6)
    for i, (key, default) in enumerate(zip(fy.month_keys(), guess.months, strict=True)):
        with cols[i % 6]:
            months.append(pick(month_title(key, _), default, key))
    return BudgetMapping(
        account=account,
        label=label,
        heading=heading,
        analytic=analytic,
        funder=funder,
        months=months,
        total=total,
    )


def _import(screen: Screen[Any]) -> None:
    """Upload, map, see the lines and their problems, import as a draft."""
    _ = screen.tr
    upload = uploads.file_uploader(
        _(
            "Importer un budget (XLSX ou CSV, une ligne par rubrique ou compte, une colonne par mois)"
        ),
        types=["xlsx", "csv", "txt"],
        key="budget_upload",
        limit_mb=FORM_LIMITS.max_bytes >> 20,
    )
    if upload is None:
        return
    known = st.session_state.get(_READ)
    if isinstance(known, tuple) and known[0] == upload.file_id:
        raw, read_issues = known[1], known[2]
    else:
        raw, read_issues = read_table(upload.getvalue(), file=upload.name, sheet="Budget")
        st.session_state[_READ] = (upload.file_id, raw, read_issues)
    widgets.show_issues(read_issues, key="budget_read_issues")
    if raw is None:
        return
    st.dataframe(raw.head(8), hide_index=True, key="budget_import_preview")
    mapping = _mapping(screen, list(raw.columns))
    fy = budget_year(screen)
    token = (upload.file_id, mapping.model_dump_json(), fy.label_year, fy.start_month)
    kept = st.session_state.get(_LINES)
    if isinstance(kept, tuple) and kept[0] == token:
        lines, issues = kept[1], kept[2]
    else:
        lines, issues = lines_from_mapping(raw, mapping, fy, file=upload.name)
        st.session_state[_LINES] = (token, lines, issues)
    widgets.show_issues(issues, key="budget_import_issues")
    if not lines:
        st.error(_("Aucune ligne de budget lue : vérifiez la correspondance des colonnes."))
        return
    total = sum(round(m * 100) for ln in lines for m in ln.months if ln.head[:1] == "6")
    st.success(
        _(
            "{n} ligne(s) lue(s) pour l'exercice {y} ; charges {c}.",
            n=len(lines),
            y=fy.label_year,
            c=_.money(total / 100),
        )
    )
    version = chosen(screen)
    section = screen.section
    replace = False
    if version is not None and not version.adopted:
        replace = st.checkbox(
            _("Remplacer les lignes du brouillon « {v} » (sinon, un nouveau brouillon est créé)",
              v=version_title(screen, version)),
            key="budget_import_replace",
        )  # fmt: skip
    if not st.button(_("Importer ces lignes"), key="budget_upload_apply", type="primary"):
        return
    reason = _("Import du budget « {f} »", f=upload.name)
    if replace and version is not None:
        draft = version.model_copy(update={"lines": lines})
    else:
        draft = section.new_version(
            fy.label_year,
            lines,
            start_month=fy.start_month,
            author=state.author(),
            reason=reason,
            day=screen.today,
        )
    save_section(
        screen,
        section.with_version(draft),
        reason,
        after={SHOW_KEY: draft.id, _READ: None, _LINES: None},
    )


def show(screen: Screen[Any]) -> None:
    """The template out, then any budget spreadsheet in."""
    _download(screen)
    st.divider()
    _import(screen)

"""The budget's versions: adopt a draft, revise an adopted budget, prepare next year, delete a draft.

Nothing here replaces a budget without asking: a revision or next year's
budget is a new draft; replacing a draft of the same year asks first.
Every change is a revision of the dossier (the history keeps the others).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.budget.analysis import budget_from_landing, dossier_through
from essdiag.budget.landing import Method
from essdiag.budget.model import budget_from_last_year
from essdiag.budget.section import BudgetLine, BudgetSection, VersionStatus
from essdiag.budget.views import versions_list_view
from essdiag.i18n import N_
from essdiag.ui import cache, state, widgets
from essdiag.ui.budget import SHOW_KEY, budget_year, chosen, version_title
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]


def _adopt(screen: Screen[Any]) -> None:
    """A draft adopted by the board, on a date."""
    _ = screen.tr
    version = chosen(screen)
    if version is None or version.adopted:
        return
    with st.form("budget_adopt"):
        st.markdown(_("**Adopter ce brouillon** (décision du conseil)"))
        day = st.date_input(_("Date de l'adoption"), value=screen.today, key="budget_adopt_day")
        go = st.form_submit_button(_("Enregistrer l'adoption"))
    if go:
        adopted = version.model_copy(update={"status": VersionStatus.ADOPTED, "date": day})
        save_section(
            screen,
            screen.section.with_version(adopted),
            _("Adoption : {v}", v=version_title(screen, adopted)),
        )


def _revise(screen: Screen[Any]) -> None:
    """A new draft (a revision) made from the version shown, with its reason."""
    _ = screen.tr
    version = chosen(screen)
    if version is None or version.fiscal_year is None:
        return
    with st.form("budget_revise"):
        st.markdown(_("**Préparer un budget rectificatif** à partir de cette version"))
        reason = st.text_area(
            _("Motif"),
            key="budget_revise_reason",
            placeholder=_("Ex. : convention du Département signée à 85 500 € au lieu de 95 000 €"),
        )
        go = st.form_submit_button(_("Créer le brouillon du budget rectificatif"))
    if go:
        draft = screen.section.new_version(
            version.fiscal_year,
            list(version.lines),
            start_month=version.start_month,
            author=state.author(),
            reason=reason.strip(),
            day=screen.today,
        )
        save_section(
            screen,
            screen.section.with_version(draft),
            _("Nouveau brouillon : {v}", v=version_title(screen, draft)),
            after={SHOW_KEY: draft.id},
        )


def _add(  # noqa: PLR0917 - what the new draft is
    screen: Screen[Any], year: int, start: int, lines: list[BudgetLine], reason: str, key: str
) -> None:
    """Add a draft of ``year``; when the year already has a draft, ask before replacing it."""
    _ = screen.tr
    section: BudgetSection = screen.section
    drafts = [v for v in section.of_year(year) if not v.adopted]
    replace = False
    if drafts:
        replace = st.radio(
            _(
                "L'exercice {y} a déjà un brouillon ({v}).",
                y=year,
                v=version_title(screen, drafts[-1]),
            ),
            [False, True],
            format_func=lambda r: _("Le remplacer") if r else _("Créer un brouillon de plus"),
            key=f"{key}_replace",
        )
    if not st.button(_("Créer le brouillon {y}", y=year), key=f"{key}_go"):
        return
    if replace:
        draft = drafts[-1].model_copy(
            update={"lines": lines, "reason": reason, "date": screen.today}
        )
    else:
        draft = section.new_version(
            year, lines, start_month=start, author=state.author(), reason=reason, day=screen.today
        )
    save_section(
        screen,
        section.with_version(draft),
        reason,
        after={SHOW_KEY: draft.id},
        flash=N_("Brouillon créé (version {rev} du dossier)."),
    )


def _next_year(screen: Screen[Any]) -> None:
    """Next year's budget from this year's landing, or a year's budget from last year's actuals."""
    _ = screen.tr
    fy = budget_year(screen)
    version = chosen(screen)
    st.markdown(_("**Préparer le budget suivant**"))
    growth = st.number_input(
        _("Évolution appliquée à chaque ligne (%)"), value=2.0, step=0.5, key="budget_growth"
    )
    source = st.radio(
        _("À partir de"),
        ["landing", "actuals"],
        format_func=lambda s: (
            _("l'atterrissage de l'exercice {y}", y=fy.label_year)
            if s == "landing"
            else _("du réalisé de l'exercice {y}", y=fy.label_year - 1)
        ),
        horizontal=True,
        key="budget_next_source",
    )
    if source == "landing":
        if version is None or not screen.dossier.ledger.for_year(fy.label_year):
            st.info(
                _(
                    "Importez le FEC de l'exercice {y} pour partir de son atterrissage.",
                    y=fy.label_year,
                )
            )
            return
        method = st.selectbox(
            _("Méthode d'atterrissage"),
            [str(m) for m in Method],
            format_func=lambda m: _(Method(m).label),
            key="budget_next_method",
        )
        through = cache.computed(
            dossier_through, screen.opened, ledger_years=(fy.label_year,), version=version.id
        )
        lines = cache.computed(
            budget_from_landing,
            screen.opened,
            ledger_years=(fy.label_year, fy.label_year - 1),
            version=version.id,
            through=through,
            method=str(method),
            growth=float(growth) / 100,
        )
        reason = _(
            "Budget {y} préparé depuis l'atterrissage {x} ({m}, évolution {g} %)",
            y=fy.label_year + 1,
            x=fy.label_year,
            m=_(Method(method).label).lower(),
            g=_.number(growth, 1),
        )
        _add(screen, fy.label_year + 1, fy.start_month, lines, reason, "budget_from_landing")
        return
    made = cache.computed(
        budget_from_last_year,
        screen.opened,
        ledger_years=(fy.label_year - 1,),
        label_year=fy.label_year,
        start_month=fy.start_month,
        growth=float(growth) / 100,
    )
    if made is None:
        st.info(
            _("Aucun FEC de l'exercice {y} n'est importé (page Comptabilité).", y=fy.label_year - 1)
        )
        return
    reason = _(
        "Budget {y} préparé depuis le réalisé {x} (évolution {g} %)",
        y=fy.label_year,
        x=fy.label_year - 1,
        g=_.number(growth, 1),
    )
    _add(screen, fy.label_year, fy.start_month, list(made.lines), reason, "budget_from_actuals")


def _delete(screen: Screen[Any]) -> None:
    """Delete the draft shown, after a confirmation."""
    _ = screen.tr
    version = chosen(screen)
    if version is None or version.adopted:
        return
    sure = st.checkbox(
        _("Je supprime ce brouillon (l'historique du dossier le garde)."),
        key=f"budget_delete_sure_{version.id}",  # never ticked in advance for another draft
    )
    if st.button(_("Supprimer ce brouillon"), key="budget_delete", disabled=not sure):
        save_section(
            screen,
            screen.section.without_version(version.id),
            _("Brouillon supprimé : {v}", v=version_title(screen, version)),
            after={SHOW_KEY: ""},
        )


def show(screen: Screen[Any]) -> None:
    """The list of versions, then what can be done with the one shown and with the next year."""
    _ = screen.tr
    section = screen.section
    if section.versions:
        ordered = sorted(section.versions, key=lambda v: (v.fiscal_year or 0, v.number))
        widgets.show_view(versions_list_view(ordered, _), key="budget_versions")
        c1, c2 = st.columns(2)
        with c1:
            _adopt(screen)
            _delete(screen)
        with c2:
            _revise(screen)
        st.divider()
    _next_year(screen)

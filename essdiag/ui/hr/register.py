"""« Effectif » tab: the register's template, its import with the column mapping, the headcounts.

The template is downloadable and documented column by column; an upload is
read for its headers, each template field is matched to a column (the
suggestion can be changed), the period is chosen, then the whole file is read
by :func:`essdiag.hr.imports.import_workforce`: the rows with a problem are
listed and set aside, the others stored as an attachment and the section saved.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from essdiag.hr.imports import (
    case_files_to_import,
    hr_names,
    import_case_files,
    import_workforce,
)
from essdiag.hr.section import HRSection
from essdiag.hr.tables import read_cells
from essdiag.hr.workforce import (
    FIELDS,
    WORKFORCE_LIMITS,
    suggest_mapping,
    template_csv,
    template_view,
)
from essdiag.i18n import N_
from essdiag.samples import SampleCase, sample_cases
from essdiag.ui import state, widgets
from essdiag.ui.hr import data, layout
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen
from essdiag.ui.uploads import file_uploader

__all__ = ["show"]

NONE = "—"


def show(screen: Screen[HRSection], found: data.Shown | None) -> None:
    """Headcounts of the register, then the template and the import."""
    _ = screen.tr
    if found is not None:
        rep = found.report
        cols = st.columns(4)
        short = {
            "headcount": _("Effectif en fin de période"),
            "legal": _("Effectif moyen annuel"),
        }
        for col, key in zip(cols, ("headcount", "fte", "legal", "women_share"), strict=True):
            with col:
                layout.metric(rep.headcount[key], label=short.get(key))
        layout.chart_beside(found.charts["headcount"], rep.by_category, key="hr_headcount")
        widgets.show_view(rep.by_contract, key="hr_contracts")
        st.caption(
            _(
                "L'effectif moyen annuel décompte chaque contrat au prorata de son temps de "
                "travail et de sa présence ; les apprentis, les contrats PEC et de "
                "professionnalisation n'y sont pas comptés (Code du travail L1111-2 et L1111-3), "
                "les CDDI le sont."
            )
        )
    st.divider()
    _template(screen)
    _upload(screen)
    _samples(screen)


def _template(screen: Screen[HRSection]) -> None:
    _ = screen.tr
    st.subheader(_("Le modèle du registre"))
    st.write(
        _(
            "Une ligne par personne employée sur la période (présente ou partie), identifiée par "
            "un code anonyme. Les montants sont ceux réellement versés sur la période ; l'ETP "
            "tient compte du temps de travail et de la durée de présence."
        )
    )
    # the same on every rerun: formatted once per language
    widgets.show_view(
        kept(screen, "hr_template", template_view), key="hr_template_help", download=False
    )
    st.download_button(
        _("Télécharger le modèle (CSV)"),
        data=template_csv(),
        file_name="modele_registre_personnel.csv",
        mime="text/csv",
        key="hr_template_csv",
    )


def _upload(screen: Screen[HRSection]) -> None:
    _ = screen.tr
    st.subheader(_("Importer un registre"))
    up = file_uploader(
        _("Registre du personnel (CSV ou Excel)"),
        types=["csv", "txt", "xlsx"],
        key="hr_register_file",
        limit_mb=WORKFORCE_LIMITS.max_bytes >> 20,
    )
    if up is None:
        return
    raw = up.getvalue()
    table, issues = read_cells(raw, file=up.name)
    if table is None:
        widgets.show_issues(
            issues, title=_("Ce fichier n'a pas pu être lu : rien n'a été importé.")
        )
        return
    headers = table[0]
    suggested = suggest_mapping(headers)
    options = [NONE, *headers]
    last = date(screen.today.year - 1, 12, 31)
    with st.form("hr_register_form"):
        st.caption(
            _(
                "Associez chaque colonne du modèle à une colonne de votre fichier (proposition automatique)."
            )
        )
        mapping: dict[str, str | None] = {}
        cols = st.columns(3)
        for i, f in enumerate(FIELDS):
            guess = suggested.get(f.header)
            choice = cols[i % 3].selectbox(
                f.header + (" *" if f.required else ""),
                options,
                index=options.index(guess) if guess in options else 0,
                help=_(f.label),
                key=f"hr_map_{f.header}",
            )
            mapping[f.header] = None if choice == NONE else choice
        c1, c2 = st.columns(2)
        start = c1.date_input(_("Début de la période"), value=date(last.year, 1, 1), key="hr_start")
        end = c2.date_input(_("Fin de la période"), value=last, key="hr_end")
        go = st.form_submit_button(_("Importer le registre"), type="primary")
    if not go:
        return
    if not isinstance(start, date) or not isinstance(end, date) or end < start:
        st.error(_("La fin de la période doit suivre son début."))
        return
    new, found = import_workforce(
        state.workspace(),
        screen.opened.id,
        screen.section,
        raw,
        file=up.name,
        period_start=start,
        period_end=end,
        mapping=mapping,
    )
    if new is None or new.workforce is None:
        widgets.show_issues(found)
        st.error(_("Le registre n'a pas été importé : votre dossier n'a pas changé."))
        return
    layout.save_import(
        screen,
        new,
        _("Registre du personnel importé ({name})", name=up.name),
        found,
        flash=N_("Registre importé (version {rev}) : {kept} ligne(s) retenue(s) sur {read}."),
        flash_params={"kept": new.workforce.rows_kept, "read": new.workforce.rows_read},
    )


def _samples(screen: Screen[HRSection]) -> None:
    """The registers and surveys shipped with the sample cases, for trainers and learners.

    A case whose files the dossier already holds (a copy of that case opens
    with them) offers no button: importing it again would only repeat it.
    """
    _ = screen.tr
    cases = kept(screen, "hr_sample_cases", lambda: _pending_cases(screen.section))
    if not cases:
        return
    st.subheader(_("Partir du registre d'un cas d'exemple"))
    if screen.section.workforce is not None:
        st.caption(
            _(
                "Importer le registre d'un cas remplace le registre actuel ; la version "
                "précédente reste dans l'historique du dossier."
            )
        )
    for case, pending in cases:
        if not pending:
            st.caption(
                _("Le registre et l'enquête de « {title} » sont déjà importés.", title=case.title)
            )
            continue
        if st.button(
            _("Importer le registre et l'enquête de « {title} »", title=case.title),
            key=f"hr_sample_{case.key}",
        ):
            ws = state.workspace()
            new, found = import_case_files(ws, screen.opened.id, screen.section, _files(case))
            layout.save_import(
                screen,
                new,
                _("Registre du cas d'exemple « {t} »", t=case.title),
                found,
                flash=N_("Enregistré (version {rev})."),
            )


def _files(case: SampleCase) -> dict[str, bytes]:
    """The register and survey files of a sample case, by name."""
    return {n: (case.folder / n).read_bytes() for n in hr_names(case.files)}


def _pending_cases(section: HRSection) -> list[tuple[SampleCase, bool]]:
    """Each sample case with HR files, and whether the section lacks one of them.

    Kept per revision (:func:`kept`): it reads the case files and the stored
    originals, which do not change while the revision stays open.
    """
    ws = state.workspace()
    return [
        (case, bool(case_files_to_import(ws, section, _files(case))))
        for case in sample_cases()
        if hr_names(case.files)
    ]

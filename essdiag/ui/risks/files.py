"""The « Import et export » tab: the XLSX and DOCX exports, the import template, the import.

An uploaded register is read at once and shown before anything changes: how
many risks were read, which are new and which would replace a risk of the
register, the lines set aside and why. Only « Importer » saves it, as a new
revision (the previous one stays in the dossier's history, from the home
page). A file that cannot be read whole imports nothing and says why.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from essdiag.errors import EssdiagError, Issue, Severity
from essdiag.guards import MiB
from essdiag.i18n import N_
from essdiag.report.risks_docx import risk_map_docx
from essdiag.report.risks_xlsx import risk_register_xlsx
from essdiag.risks.edits import with_explicit_matrices
from essdiag.risks.importer import (
    MAX_REGISTER_BYTES,
    merge_register,
    read_register_xlsx,
    register_template_xlsx,
    replaced_ids,
)
from essdiag.risks.matrix import current_matrix
from essdiag.risks.section import Risk, RiskSection
from essdiag.risks.views import register_view
from essdiag.ui import uploads, widgets
from essdiag.ui.screen import Screen, save_section

__all__ = ["show"]

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_KEPT_ISSUES = "risks_import_issues"
_READ = "risks_import_read"
_IMPORTED = N_(
    "{n} risque(s) importé(s) : {new} nouveau(x), {old} remplacé(s) (version {rev} du dossier ; "
    "la précédente reste dans l'historique de l'accueil)."
)
_UNREAD = Issue(
    code="risk_import_failed",
    template=N_(
        "Ce fichier n'a pas pu être lu : rien n'a été importé et le registre n'a pas changé."
    ),
)
_TEMPLATE_NAMES = {"fr": "modele-registre-risques.xlsx", "en": "risk-register-template.xlsx"}


def show(screen: Screen[RiskSection]) -> None:
    """Downloads (register and map, Word map, import template) and the register import."""
    _exports(screen)
    _import(screen)


def _exports(screen: Screen[RiskSection]) -> None:
    _ = screen.tr
    section = screen.section
    name = screen.dossier.identity.name
    revision = screen.opened.revision
    st.subheader(_("Exporter"))
    if not section.risks:
        st.caption(_("Les exports seront disponibles dès que le registre contiendra un risque."))
    else:
        st.caption(
            _(
                "Le registre, les cartes brute et résiduelle, les actions, la continuité et la "
                "matrice, dans la langue de l'écran ; version {rev} du dossier.",
                rev=revision,
            )
        )
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
        data=lambda: register_template_xlsx(lang=_.lang),
        file_name=_TEMPLATE_NAMES.get(_.lang, _TEMPLATE_NAMES["fr"]),
        mime=XLSX_MIME,
        key="risks_dl_template",
        on_click="ignore",
    )


def _import(screen: Screen[RiskSection]) -> None:
    _ = screen.tr
    st.subheader(_("Importer un registre"))
    st.write(
        _(
            "Remplissez le modèle (feuille « Registre », une ligne par risque ; feuille « Actions » "
            "facultative ; la feuille « Aide » dit quoi écrire dans chaque colonne), en français ou "
            "en anglais. Les niveaux se lisent sur la matrice en vigueur ({size}×{size}). Le "
            "fichier est d'abord lu et montré : rien ne change avant « Importer ».",
            size=current_matrix(screen.section).size,
        )
    )
    kept = st.session_state.pop(_KEPT_ISSUES, None)
    if kept:
        widgets.show_issues(kept, title=_("Lignes écartées ou à vérifier lors du dernier import"))
    upload = uploads.file_uploader(
        _("Registre à importer"),
        types=["xlsx"],
        key="risks_import_file",
        limit_mb=MAX_REGISTER_BYTES // MiB,
    )
    if upload is None:
        st.session_state.pop(_READ, None)
        return
    risks, issues = _read(screen, upload.file_id, upload.getvalue(), upload.name)
    if risks is None or not risks:
        title = _(
            "Aucun risque importé depuis « {f} » : le registre n'a pas changé.", f=upload.name
        )
        if not issues:
            issues = [
                Issue(
                    code="risk_import_empty",
                    template=N_("La feuille « Registre » ne contient aucune ligne de risque."),
                    severity=Severity.ERROR,
                    file=upload.name,
                )
            ]
        widgets.show_issues(issues, title=title, key="risks_import_refused")
        return
    _preview(screen, risks, issues, upload.name)


def _read(
    screen: Screen[RiskSection], file_id: str, raw: bytes, name: str
) -> tuple[list[Risk] | None, list[Issue]]:
    """The upload read on the matrix in force, once per file and matrix version."""
    _ = screen.tr
    version = current_matrix(screen.section).version
    cached: Any = st.session_state.get(_READ)
    if cached is not None and cached[0] == (file_id, version):
        return cached[1], cached[2]
    with st.spinner(_("Lecture du registre…")):
        try:
            risks, issues = read_register_xlsx(raw, current_matrix(screen.section), file=name)
        except EssdiagError as exc:  # the library's own refusal: its issues, or one that says so
            risks, issues = None, [*exc.issues] or [_UNREAD.model_copy(update={"file": name})]
    st.session_state[_READ] = ((file_id, version), risks, issues)
    return risks, issues


def _preview(
    screen: Screen[RiskSection], risks: list[Risk], issues: list[Issue], name: str
) -> None:
    """What the import would do, and the button that does it."""
    _ = screen.tr
    base = RiskSection.model_validate(with_explicit_matrices(screen.section))
    merged, merge_issues = merge_register(base, risks)
    if merged is None:
        widgets.show_issues(
            [*issues, *merge_issues],
            title=_(
                "Rien ne peut être importé depuis « {f} » : le registre n'a pas changé.", f=name
            ),
            key="risks_import_unmergeable",
        )
        return
    replaced = replaced_ids(screen.section, risks)
    set_aside = len({i.line for i in issues if i.severity == Severity.ERROR and i.line})
    st.info(
        _(
            "« {f} » : {n} risque(s) lu(s), dont {new} nouveau(x) et {old} qui remplaceront ceux "
            "du registre ; {bad} ligne(s) écartée(s).",
            f=name,
            n=_.number(len(risks)),
            new=_.number(len(risks) - len(replaced)),
            old=_.number(len(replaced)),
            bad=_.number(set_aside),
        )
    )
    if replaced:
        st.caption(_("Remplacés : {ids}.", ids=", ".join(replaced)))
    read_ids = {r.id for r in risks}
    view = register_view(merged, _)
    widgets.show_view(
        view.rows_where([i in read_ids for i in view.values("id")]),
        key="risks_import_preview",
        download=False,
    )
    if issues:
        widgets.show_issues(issues, title=_("Lignes écartées ou à vérifier"), key="risks_import")
    if st.button(
        _("Importer ces {n} risque(s)", n=_.number(len(risks))),
        key="risks_import_go",
        type="primary",
    ):
        st.session_state.pop(_READ, None)
        save_section(
            screen,
            merged,
            _("Import du registre « {f} »", f=name),
            after={_KEPT_ISSUES: issues} if issues else None,
            flash=_IMPORTED,
            flash_params={"n": len(risks), "new": len(risks) - len(replaced), "old": len(replaced)},
        )

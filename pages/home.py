"""Accueil — open, create, import or export a dossier, and go back in its history."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from essdiag.dossier import new_dossier
from essdiag.dossier_files import read_dossier_file, write_dossier_xlsx
from essdiag.i18n import DISPLAY_TZ
from essdiag.identity import LEGAL_FORM_LABELS, LegalForm
from essdiag.samples import sample_cases
from essdiag.store import DossierInfo
from essdiag.ui import state, widgets

_ = state.tr()
ws = state.workspace()

widgets.page_header(
    _("Accueil"),
    ["BC01.C3"],
    _(
        "essdiag accompagne le diagnostic et le pilotage d'une structure de l'économie sociale "
        "et solidaire. Ouvrez un dossier de l'espace de travail, partez d'un cas d'exemple, "
        "créez un dossier ou importez un fichier."
    ),
)

opened = state.current()
widgets.conflict_banner()


def _stable_labels(dossiers: list[DossierInfo]) -> dict[str, str]:
    """Dossier id → "name — creation time", with a short id when two read alike.

    No translated word and no locale format: the label must not change with the
    language either.
    """
    labels = {
        d.id: f"{d.name} — {d.created_at.astimezone(DISPLAY_TZ):%d/%m/%Y %H:%M}" for d in dossiers
    }
    counts = Counter(labels.values())
    return {i: f"{t} · {i[:6]}" if counts[t] > 1 else t for i, t in labels.items()}


tab_open, tab_samples, tab_new, tab_import = st.tabs(
    [_("Dossiers"), _("Cas d'exemple"), _("Nouveau dossier"), _("Importer un fichier")]
)

with tab_open:
    dossiers = ws.list_dossiers()
    if not dossiers:
        st.info(
            _("L'espace de travail ne contient encore aucun dossier : partez d'un cas d'exemple.")
        )
    else:
        table = pd.DataFrame(
            {
                _("Structure"): [d.name for d in dossiers],
                _("Version"): [d.head for d in dossiers],
                _("Dernier enregistrement"): [_.date(d.updated_at, "short") for d in dossiers],
            }
        )
        st.dataframe(table, hide_index=True)
        with st.form("home_open_form"):
            choice = st.selectbox(
                _("Dossier à ouvrir"),
                options=[d.id for d in dossiers],
                # Labels that do not change when a dossier is saved: Streamlit keeps a
                # selectbox's choice by its label, and a label with the version went stale.
                format_func=_stable_labels(dossiers).__getitem__,
                key="home_open_choice",
            )
            if st.form_submit_button(_("Ouvrir"), type="primary"):
                state.open_dossier(choice)
                st.rerun()

with tab_samples:
    cases = sample_cases()
    if not cases:
        st.warning(_("Aucun cas d'exemple n'a été trouvé avec cette installation."))
    for case in cases:
        with st.container(border=True):
            st.subheader(case.title)
            if case.summary:
                st.write(case.summary)
            if case.files:
                st.caption(_("Fichiers fournis : {files}", files=", ".join(case.files)))
            if st.button(_("Ouvrir une copie de ce cas"), key=f"home_sample_{case.key}"):
                with st.spinner(_("Copie du cas et import de ses comptes…")):
                    state.open_sample_copy(
                        case.key, _("Copie du cas d'exemple « {t} »", t=case.title)
                    )
                st.rerun()

with tab_new, st.form("home_new_form"):
    name = st.text_input(_("Nom de la structure"), key="home_new_name")
    form = st.selectbox(
        _("Forme juridique"),
        options=list(LegalForm),
        format_func=lambda f: _(LEGAL_FORM_LABELS[f]),
        key="home_new_form_choice",
    )
    if st.form_submit_button(_("Créer le dossier"), type="primary"):
        if not name.strip():
            st.error(_("Donnez un nom à la structure."))
        else:
            state.create_and_open(new_dossier(name.strip(), legal_form=form), _("Création"))
            st.rerun()

with tab_import:
    st.write(
        _(
            "Importez un dossier enregistré depuis essdiag (JSON) ou son classeur Excel "
            "(une feuille par section). Le fichier devient un nouveau dossier : "
            "le dossier ouvert n'est pas modifié."
        )
    )
    upload = st.file_uploader(
        _("Fichier de dossier"), type=["json", "xlsx"], key="home_import_file"
    )
    if upload is not None and st.button(_("Importer"), key="home_import_go", type="primary"):
        dossier, issues = read_dossier_file(upload.getvalue(), upload.name)
        if dossier is None:
            widgets.show_issues(
                issues,
                title=_("Le fichier « {f} » n'a pas été importé : rien n'a changé.", f=upload.name),
            )
        else:
            widgets.show_issues(issues)
            state.create_and_open(dossier, _("Import du fichier « {f} »", f=upload.name))
            st.success(_("Dossier importé et ouvert : {name}.", name=dossier.identity.name))

if opened is not None:
    st.divider()
    st.header(_("Dossier ouvert : {name}", name=opened.dossier.identity.name))
    slug = "".join(c if c.isalnum() else "-" for c in opened.dossier.identity.name.lower()).strip(
        "-"
    )
    col_json, col_xlsx = st.columns(2)
    col_json.download_button(
        _("Télécharger le dossier (JSON)"),
        data=opened.dossier.to_json().encode("utf-8"),
        file_name=f"{slug}-v{opened.revision}.json",
        mime="application/json",
        key="home_dl_json",
    )
    col_xlsx.download_button(
        _("Télécharger le dossier (Excel)"),
        data=write_dossier_xlsx(opened.dossier),
        file_name=f"{slug}-v{opened.revision}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="home_dl_xlsx",
    )

    st.subheader(_("Historique des versions"))
    history = ws.revisions(opened.id)
    st.dataframe(
        pd.DataFrame(
            {
                _("Version"): [r.number for r in history],
                _("Date"): [_.date(r.created_at, "short") for r in history],
                _("Auteur"): [r.author for r in history],
                _("Message"): [r.message for r in history],
            }
        ),
        hide_index=True,
    )
    older = [r.number for r in history if r.number != opened.revision]
    if older:
        with st.form("home_restore_form"):
            number = st.selectbox(
                _("Version à restaurer"), options=older, key="home_restore_choice"
            )
            st.caption(
                _("Restaurer crée une nouvelle version identique à l'ancienne : rien n'est effacé.")
            )
            if st.form_submit_button(_("Restaurer cette version")):
                state.workspace().restore(opened.id, int(number), author=state.author())
                state.open_dossier(opened.id)
                st.rerun()

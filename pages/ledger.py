"""Comptabilité — import the actuals: FEC or CSV/XLSX with a column mapping, issues listed."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from essdiag.budget.casefiles import fiscal_year_of
from essdiag.ledger import apply_mapping, read_table, store_ledger, suggest_mapping
from essdiag.ledger.section import ColumnMapping
from essdiag.ui import state, widgets
from essdiag.ui.ledger import read_fec_cached

_ = state.tr()
widgets.page_header(
    _("Comptabilité : import du réalisé"),
    ["BC02.C7"],
    _(
        "Importez le fichier des écritures comptables (FEC) exporté par votre logiciel, ou un "
        "tableau CSV/XLSX de réalisé. Chaque problème est signalé avec sa ligne et sa colonne ; "
        "les lignes inutilisables sont mises de côté et le reste est importé."
    ),
)
opened = widgets.require_dossier()
widgets.conflict_banner()
section = opened.dossier.ledger
start_month = opened.dossier.identity.fiscal_year_start_month
this_year = datetime.now(tz=ZoneInfo("Europe/Paris")).year

flash = st.session_state.pop("ledger_flash", None)
if flash:
    st.success(flash)


def day(iso: str) -> str:
    """An ISO date of the import list, written in the reader's language."""
    return _.date(date.fromisoformat(iso)) if iso else ""


st.subheader(_("Fichiers importés"))
if section.imports:
    st.dataframe(
        pd.DataFrame(
            {
                _("Fichier"): [i.name for i in section.imports],
                _("Type"): [i.kind.upper() for i in section.imports],
                _("Exercice"): [i.fiscal_year for i in section.imports],
                _("Lignes importées"): [_.number(i.lines_kept) for i in section.imports],
                _("Lignes lues"): [_.number(i.lines_read) for i in section.imports],
                _("Problèmes"): [_.number(i.issues) for i in section.imports],
                _("Du"): [day(i.first_date) for i in section.imports],
                _("Au"): [day(i.last_date) for i in section.imports],
            }
        ),
        hide_index=True,
        key="ledger_imports",
    )
else:
    st.info(
        _(
            "Aucun fichier comptable importé. Déposez ci-dessous le FEC de l'exercice (et celui de "
            "l'exercice précédent pour la saisonnalité)."
        )
    )


def keep(ledger: pd.DataFrame, data: bytes, name: str, *, kind: str, read: int, n: int) -> None:
    """Store the ledger as attachments and save the section as a new revision."""
    fy = fiscal_year_of(ledger, start_month)
    new_section = store_ledger(
        state.workspace(),
        opened.id,
        section,
        ledger,
        original=data,
        name=name,
        kind="fec" if kind == "fec" else "table",
        fiscal_year=fy.label_year if fy else None,
        lines_read=read,
        issues=n,
    )
    if state.save_current(
        opened.dossier.model_copy(update={"ledger": new_section}),
        _("Import du fichier comptable « {f} »", f=name),
    ):
        st.session_state["ledger_flash"] = _(
            "{n} ligne(s) importée(s) depuis « {f} ».", n=len(ledger), f=name
        )
    st.rerun()


tab_fec, tab_table = st.tabs([_("FEC"), _("Tableau CSV ou XLSX")])
with tab_fec:
    upload = st.file_uploader(
        _("Fichier des écritures comptables (FEC)"),
        type=["txt", "csv", "tsv"],
        key="ledger_fec_upload",
        help=_(
            "Texte séparé par des tabulations ou des |, en UTF-8 ou ISO-8859-15, "
            "18 colonnes de l'article A47 A-1 du LPF."
        ),
    )
    year_text = st.number_input(
        _("Exercice attendu (pour signaler les dates hors exercice)"),
        min_value=2000,
        max_value=2100,
        value=this_year,
        step=1,
        key="ledger_fec_year",
    )
    if upload is not None:
        data = upload.getvalue()
        progress = st.progress(0.0, text=_("Lecture du fichier…"))
        with st.spinner(_("Lecture et contrôle de {n} octets…", n=len(data))):
            result = read_fec_cached(data, upload.name, int(year_text), start_month)
        progress.progress(1.0, text=_("Lecture terminée."))
        st.write(
            _(
                "{kept} ligne(s) importable(s) sur {read} ; {aside} mise(s) de côté "
                "(encodage {enc}).",
                kept=result.lines_kept,
                read=result.lines_read,
                aside=result.set_aside,
                enc=result.encoding,
            )
        )
        widgets.show_issues(result.issues)
        if result.ledger is None:
            st.error(_("Ce fichier ne peut pas être importé : corrigez les problèmes signalés."))
        elif st.button(_("Importer ce FEC dans le dossier"), key="ledger_fec_import"):
            keep(
                result.ledger,
                data,
                upload.name,
                kind="fec",
                read=result.lines_read,
                n=len(result.issues),
            )

with tab_table:
    table_upload = st.file_uploader(
        _("Tableau de réalisé (CSV ou XLSX)"),
        type=["csv", "xlsx", "txt"],
        key="ledger_table_upload",
        help=_("Une ligne par écriture : date, compte, libellé, montant ou débit/crédit."),
    )
    if table_upload is not None:
        raw_bytes = table_upload.getvalue()
        raw, read_issues = read_table(raw_bytes, file=table_upload.name)
        widgets.show_issues(read_issues)
        if raw is not None:
            st.dataframe(raw.head(10), hide_index=True, key="ledger_table_preview")
            remembered = section.mapping or suggest_mapping(list(raw.columns))
            choices = ["", *raw.columns]

            def pick(label: str, field: str) -> str:
                value = getattr(remembered, field)
                return str(
                    st.selectbox(
                        label,
                        choices,
                        index=choices.index(value) if value in choices else 0,
                        key=f"ledger_map_{field}",
                    )
                )

            with st.form("ledger_mapping"):
                st.markdown(_("**Correspondance des colonnes** (mémorisée pour ce dossier)"))
                c1, c2 = st.columns(2)
                with c1:
                    m_date = pick(_("Date"), "date")
                    m_account = pick(_("Compte"), "account")
                    m_label = pick(_("Libellé"), "label")
                    m_analytic = pick(_("Code analytique"), "analytic")
                with c2:
                    m_amount = pick(_("Montant (une colonne)"), "amount")
                    m_debit = pick(_("Débit"), "debit")
                    m_credit = pick(_("Crédit"), "credit")
                    signs = ["natural", "debit_positive", "credit_positive"]
                    sign_labels = {
                        "natural": _("Positif = charge (6) ou produit (7)"),
                        "debit_positive": _("Positif = débit"),
                        "credit_positive": _("Positif = crédit"),
                    }
                    m_sign = st.selectbox(
                        _("Signe du montant"),
                        signs,
                        index=signs.index(remembered.sign),
                        format_func=sign_labels.__getitem__,
                        key="ledger_map_sign",
                    )
                go = st.form_submit_button(_("Contrôler et importer"))
            if go:
                mapping = ColumnMapping(
                    date=m_date,
                    account=m_account,
                    label=m_label,
                    analytic=m_analytic,
                    amount=m_amount,
                    debit=m_debit,
                    credit=m_credit,
                    sign=m_sign,  # type: ignore[arg-type]
                )
                ledger, issues = apply_mapping(raw, mapping, file=table_upload.name)
                widgets.show_issues(issues)
                if ledger is not None:
                    section = section.model_copy(update={"mapping": mapping})
                    keep(
                        ledger,
                        raw_bytes,
                        table_upload.name,
                        kind="table",
                        read=len(raw),
                        n=len(issues),
                    )

with st.expander(_("Comment est-ce calculé ?")):
    st.markdown(
        _(
            "- Le séparateur (tabulation ou |) est lu dans la ligne d'en-tête ; l'encodage est "
            "détecté (UTF-8, UTF-8 avec BOM, ISO-8859-15, Windows-1252).\n"
            "- Les montants sont convertis en centimes exacts (virgule ou point décimal) ; "
            "les numéros de compte, dates et références restent du texte.\n"
            "- Chaque écriture (EcritureNum) doit être équilibrée : total des débits = total "
            "des crédits.\n"
            "- Les écritures d'à-nouveaux (journaux AN/RAN) servent aux soldes mais sont exclues "
            "des charges et des produits de l'exercice.\n"
            "- Référence : article A47 A-1 du livre des procédures fiscales."
        )
    )

"""The table tab: a CSV or XLSX of actuals, the column mapping (remembered), its issues, the import.

The mapping proposed is the one last used for the dossier, else
:func:`essdiag.ledger.suggest_mapping`'s guess from the column names.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from essdiag.guards import TABLE_LIMITS
from essdiag.ledger import apply_mapping, read_table, suggest_mapping
from essdiag.ledger.section import ColumnMapping, ImportKind, SignRule
from essdiag.ledger.views import replaced_by
from essdiag.ui import uploads, widgets
from essdiag.ui.ledger.keep import keep, year_of
from essdiag.ui.screen import Screen

__all__ = ["show"]

_READ = "ledger_table_read"
_MAPPED = "ledger_table_mapped"


def _mapping_form(screen: Screen[Any], raw: pd.DataFrame) -> ColumnMapping | None:
    """The mapping form; the mapping chosen once submitted, else None."""
    _ = screen.tr
    remembered = screen.section.mapping or suggest_mapping(list(raw.columns))
    choices = ["", *raw.columns]

    def pick(label: str, field: str) -> str:
        value = getattr(remembered, field)
        return str(
            st.selectbox(
                label,
                choices,
                index=choices.index(value) if value in choices else 0,
                format_func=lambda c: str(c) or _("(aucune)"),
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
            signs = [str(s) for s in SignRule]
            m_sign = st.selectbox(
                _("Signe du montant"),
                signs,
                index=signs.index(str(remembered.sign)),
                format_func=lambda s: _(SignRule(s).label),
                key="ledger_map_sign",
            )
        go = st.form_submit_button(_("Contrôler et importer"))
    if not go:
        return None
    return ColumnMapping(
        date=m_date,
        account=m_account,
        label=m_label,
        analytic=m_analytic,
        amount=m_amount,
        debit=m_debit,
        credit=m_credit,
        sign=SignRule(m_sign),
    )


def show(screen: Screen[Any]) -> None:
    """The uploader, a preview of the table, the mapping form, its issues and the import."""
    _ = screen.tr
    upload = uploads.file_uploader(
        _("Tableau de réalisé (CSV ou XLSX)"),
        types=["csv", "xlsx", "txt"],
        key="ledger_table_upload",
        limit_mb=TABLE_LIMITS.max_bytes >> 20,
        help=_("Une ligne par écriture : date, compte, libellé, montant ou débit/crédit."),
    )
    if upload is None:
        return
    data = upload.getvalue()
    known = st.session_state.get(_READ)
    if isinstance(known, tuple) and known[0] == upload.file_id:
        raw, read_issues = known[1], known[2]
    else:
        raw, read_issues = read_table(data, file=upload.name)
        st.session_state[_READ] = (upload.file_id, raw, read_issues)
    widgets.show_issues(read_issues, key="ledger_table_read_issues")
    if raw is None:
        return
    st.dataframe(raw.head(10), hide_index=True, key="ledger_table_preview")
    chosen = _mapping_form(screen, raw)
    if chosen is not None:
        st.session_state[_MAPPED] = (
            upload.file_id,
            chosen,
            *apply_mapping(raw, chosen, file=upload.name),
        )
    mapped = st.session_state.get(_MAPPED)
    if not (isinstance(mapped, tuple) and mapped[0] == upload.file_id):
        return
    _file_id, mapping, ledger, issues = mapped
    widgets.show_issues(issues, key="ledger_table_issues")
    if ledger is None:
        st.error(_("Rien ne sera importé : corrigez la correspondance ou le fichier."))
        return
    replace = _plan(screen, ledger, read=len(raw))
    if st.button(
        _("Importer ces lignes dans le dossier"), key="ledger_table_import", type="primary"
    ):
        keep(
            screen,
            screen.section.model_copy(update={"mapping": mapping}),
            ledger,
            original=data,
            name=upload.name,
            kind=ImportKind.TABLE,
            lines_read=len(raw),
            issues=len(issues),
            after={_READ: None, _MAPPED: None},
            replace_year=replace,
        )


def _plan(screen: Screen[Any], ledger: pd.DataFrame, *, read: int) -> bool:
    """What will be kept and set aside; whether the year's earlier imports are replaced."""
    _ = screen.tr
    kept = len(ledger)
    if kept < read:
        st.warning(
            _(
                "Seront importées {kept} ligne(s) sur {read} ; {aside} ligne(s) seront mises de "
                "côté (problèmes détaillés ci-dessus).",
                kept=_.number(kept),
                read=_.number(read),
                aside=_.number(read - kept),
            )
        )
    else:
        st.success(_("Toutes les lignes ({n}) seront importées.", n=_.number(kept)))
    year = year_of(screen, ledger, None)
    gone = replaced_by(screen.section, year)
    if not gone:
        return True
    # Replace by default only when the dates overlap (the same months imported again);
    # November beside a FEC of January–October is added.
    first, last = str(ledger["date"].min().date()), str(ledger["date"].max().date())
    overlap = any(
        i.first_date <= last and first <= i.last_date
        for i in screen.section.for_year(year or 0)
        if i.first_date and i.last_date
    )
    return bool(
        st.checkbox(
            _(
                "Remplacer les fichiers déjà importés pour l'exercice {y} : {files} (sinon, ces "
                "lignes s'ajoutent aux leurs ; l'historique du dossier garde l'ancienne version).",
                y=year,
                files=", ".join(gone),
            ),
            value=overlap,
            key="ledger_table_replace",
        )
    )

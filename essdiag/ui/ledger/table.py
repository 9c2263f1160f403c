"""The table tab: a CSV or XLSX of actuals, the column mapping (remembered), its issues, the import.

The mapping proposed is the one last used for the dossier, else
:func:`essdiag.ledger.suggest_mapping`'s guess from the column names.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from essdiag.ledger import apply_mapping, read_table, suggest_mapping
from essdiag.ledger.section import ColumnMapping, ImportKind, SignRule
from essdiag.ui import widgets
from essdiag.ui.ledger.keep import keep
from essdiag.ui.screen import Screen

__all__ = ["show"]


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
    upload = st.file_uploader(
        _("Tableau de réalisé (CSV ou XLSX)"),
        type=["csv", "xlsx", "txt"],
        key="ledger_table_upload",
        help=_("Une ligne par écriture : date, compte, libellé, montant ou débit/crédit."),
    )
    if upload is None:
        return
    data = upload.getvalue()
    raw, read_issues = read_table(data, file=upload.name)
    widgets.show_issues(read_issues)
    if raw is None:
        return
    st.dataframe(raw.head(10), hide_index=True, key="ledger_table_preview")
    mapping = _mapping_form(screen, raw)
    if mapping is None:
        return
    ledger, issues = apply_mapping(raw, mapping, file=upload.name)
    widgets.show_issues(issues)
    if ledger is not None:
        keep(
            screen,
            screen.section.model_copy(update={"mapping": mapping}),
            ledger,
            original=data,
            name=upload.name,
            kind=ImportKind.TABLE,
            lines_read=len(raw),
            issues=len(issues),
        )

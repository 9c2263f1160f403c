"""Cadre juridique et fiscal — ESS law, ESUS agreement, grant obligations, tax status, CSESS guide.

The widgets of each tab are in :mod:`essdiag.ui.compliance`; the dated rules in
:mod:`essdiag.compliance` (each cites its text and the date of its parameters).
"""

from __future__ import annotations

import streamlit as st

from essdiag.i18n import N_
from essdiag.ui.compliance import csess, ess, esus, exports, grants, summary, tax
from essdiag.ui.screen import open_screen

screen = open_screen(
    "compliance",
    "compliance",
    title=N_("Cadre juridique et fiscal"),
    competencies=["BC01.C6", "BC01.C3"],
    intro=N_(
        "Vérifier, à partir des données du dossier, l'appartenance à l'ESS, l'utilité sociale, "
        "l'agrément ESUS, les obligations liées aux subventions, le régime fiscal non lucratif "
        "et l'application du guide des bonnes pratiques. Chaque conclusion cite son texte et la "
        "date des paramètres utilisés, et dit ce qui la changerait."
    ),
)
_ = screen.tr

# The year examined, counts by verdict, the chart by frame, the points to handle.
summary.show(screen)

tab_ess, tab_esus, tab_grants, tab_tax, tab_csess, tab_exports = st.tabs(
    [
        _("Loi ESS (art. 1 et 2)"),
        _("Agrément ESUS"),
        _("Subventions"),
        _("Fiscalité"),
        _("Guide des bonnes pratiques"),
        _("Exports"),
    ]
)
with tab_ess:  # belonging to the ESS (art. 1), social utility (art. 2), the statutes questionnaire
    ess.show(screen)
with tab_esus:  # status, charges ≥ 66 %, pay caps 7× / 10× the SMIC, shares, statutes
    esus.show(screen)
with tab_grants:  # agreements above 23 000 €, auditor above 153 000 €, CER, republican contract
    grants.show(screen)
with tab_tax:  # disinterested management, 4P per activity, franchise, IS / TVA / CFE
    tax.show(screen)
with tab_csess:  # the eight themes: radar, self-assessment, draft report to the assembly
    csess.show(screen)
with tab_exports:  # DOCX note, DOCX assembly report, XLSX workbook, every finding
    exports.show(screen)

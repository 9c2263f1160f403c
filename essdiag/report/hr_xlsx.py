"""XLSX export of the HR diagnosis: one sheet per table of the screen, and the figures with their working.

Built from the same :class:`~essdiag.hr.report.HRReport` the screen shows:
views write their headers and raw cells (numbers stay numbers), figures their
value and every step of « Comment est-ce calculé ? ».
"""

from __future__ import annotations

from essdiag.figures import Figure, View
from essdiag.hr.report import HRReport
from essdiag.i18n import N_, Translator
from essdiag.report import to_the_cent, value_and_reading
from essdiag.xlsx import new_workbook, write_table, write_view

__all__ = ["hr_xlsx", "report_figures", "report_views"]


def report_figures(rep: HRReport) -> list[tuple[str, Figure]]:
    """Every headline figure of the report, with the French name of its part."""
    parts: list[tuple[str, dict[str, Figure]]] = [
        (N_("Effectif"), rep.headcount),
        (N_("Rémunérations"), {**rep.pay, **rep.esus_caps}),
        (
            N_("Égalité"),
            {
                "index": rep.equality.figure,
                **{k: i.figure for k, i in rep.equality.indicators.items() if i.applicable},
            },
        ),
        (N_("Transparence salariale"), rep.transparency),
        (N_("Handicap (OETH)"), rep.oeth.figures),
        (N_("Compétences"), rep.skills),
        (N_("Indicateurs sociaux"), rep.social),
    ]
    return [(part, f) for part, figs in parts for f in figs.values()]


GROUP_SHEETS = {
    "pay_gap": N_("Index, groupes rémunération"),
    "raises": N_("Index, augmentations"),
    "promotions": N_("Index, promotions"),
}
"""Sheet names of the equality index's group tables, by indicator."""


def report_views(rep: HRReport) -> list[tuple[str, View]]:
    """Every table of the report with the French name of its sheet, in screen order.

    Sheet names are short (Excel allows 31 characters) and translated where written.
    """
    views: list[tuple[str, View]] = [
        (N_("Effectif"), rep.by_category),
        (N_("Contrats"), rep.by_contract),
        (N_("Tranches de rémunération"), rep.pay_bands),
        (N_("Échelle des rémunérations"), rep.pay_scale),
        (N_("Index égalité"), rep.equality_table),
    ]
    views += [
        (GROUP_SHEETS[k], i.groups)
        for k, i in rep.equality.indicators.items()
        if i.groups is not None and i.applicable and k in GROUP_SHEETS
    ]
    views += [
        (N_("Transparence par catégorie"), rep.category_gaps),
        (N_("Bénéficiaires OETH"), rep.beneficiaries),
        (N_("Compétences sans relève"), rep.key_person_table),
        (N_("Plan de formation"), rep.plan),
        (N_("Écarts de compétences"), rep.heatmap),
        (N_("Accès à la formation"), rep.training_access),
    ]
    survey = (
        (N_("QVT par thème"), rep.survey_themes),
        (N_("QVT par groupe"), rep.survey_groups),
        (N_("QVT par sexe"), rep.survey_sexes),
    )
    views += [(name, v) for name, v in survey if v is not None]
    return views


def _sheet_name(title: str) -> str:
    """A worksheet name: no ``[]:*?/\\``, no quote at either end, at most 31 characters."""
    clean = "".join(" " if c in "[]:*?/\\" else c for c in title)
    return " ".join(clean.split()).strip("'")[:31].strip()


def hr_xlsx(rep: HRReport, tr: Translator) -> bytes:
    """The workbook: a « Synthèse » sheet of figures and working, then one sheet per table."""
    _ = tr
    wb, buf = new_workbook()
    rows = []
    for part, fig in report_figures(rep):
        value, reading = value_and_reading(fig, tr)  # « 25 points sur 35 », the value once
        rows.append(
            [
                tr(part),
                tr(fig.label),
                fig.value if fig.available else None,
                value,
                reading or ("" if fig.available else tr(fig.reason or "")),
                " | ".join(to_the_cent(fig).steps(tr)),
            ]
        )
    write_table(
        wb,
        _("Synthèse"),
        [
            _("Partie"),
            _("Indicateur"),
            _("Valeur"),
            _("Valeur affichée"),
            _("Lecture ou raison"),
            _("Calcul"),
        ],
        rows,
        title=_(
            "{name} — ressources humaines, période du {start} au {end}",
            name=rep.organisation,
            start=tr.date(rep.period_start),
            end=tr.date(rep.period_end),
        ),
    )
    for sheet, view in report_views(rep):
        write_view(wb, _sheet_name(tr(sheet)), view, tr)
    wb.close()
    return buf.getvalue()

"""XLSX export of the HR diagnosis: one sheet per table of the screen, and the figures with their working.

Built from the same :class:`~essdiag.hr.report.HRReport` the screen shows:
views write their headers and raw cells (numbers stay numbers), figures their
value and every step of « Comment est-ce calculé ? ».
"""

from __future__ import annotations

from essdiag.figures import Figure, View
from essdiag.hr.report import HRReport
from essdiag.i18n import Translator
from essdiag.xlsx import new_workbook, write_table

__all__ = ["hr_xlsx", "report_figures", "report_views"]


def report_figures(rep: HRReport) -> list[tuple[str, Figure]]:
    """Every headline figure of the report, with the French name of its part."""
    parts: list[tuple[str, dict[str, Figure]]] = [
        ("Effectif", rep.headcount),
        ("Rémunérations", {**rep.pay, **rep.esus_caps}),
        (
            "Égalité",
            {
                "index": rep.equality.figure,
                **{k: i.figure for k, i in rep.equality.indicators.items() if i.applicable},
            },
        ),
        ("Transparence", rep.transparency),
        ("OETH", rep.oeth.figures),
        ("Compétences", rep.skills),
        ("Social", rep.social),
    ]
    return [(part, f) for part, figs in parts for f in figs.values()]


def report_views(rep: HRReport) -> list[View]:
    """Every table of the report, in screen order (the survey's when there is one)."""
    views = [rep.by_category, rep.by_contract, rep.pay_bands, rep.pay_scale, rep.equality_table]
    views += [
        i.groups for i in rep.equality.indicators.values() if i.groups is not None and i.applicable
    ]
    views += [rep.category_gaps, rep.beneficiaries, rep.key_person_table, rep.plan, rep.heatmap]
    views += [rep.training_access]
    views += [v for v in (rep.survey_themes, rep.survey_groups, rep.survey_sexes) if v is not None]
    return views


def _sheet_name(title: str) -> str:
    """A worksheet name: no ``[]:*?/\\``, no quote at either end, at most 28 characters."""
    clean = "".join(" " if c in "[]:*?/\\" else c for c in title)
    return " ".join(clean.split()).strip("'")[:28].strip()


def hr_xlsx(rep: HRReport, tr: Translator) -> bytes:
    """The workbook: a « Synthèse » sheet of figures and working, then one sheet per table."""
    wb, buf = new_workbook()
    rows = []
    for part, fig in report_figures(rep):
        rows.append(
            [
                tr(part),
                tr(fig.label),
                fig.value if fig.available else None,
                fig.shown(tr),
                fig.read(tr),
                " | ".join(fig.steps(tr)),
            ]
        )
    write_table(
        wb,
        tr("Synthèse"),
        [
            tr("Partie"),
            tr("Indicateur"),
            tr("Valeur"),
            tr("Valeur affichée"),
            tr("Lecture"),
            tr("Calcul"),
        ],
        rows,
        title=tr(
            "{name} — ressources humaines, période du {start} au {end}",
            name=rep.organisation,
            start=tr.date(rep.period_start),
            end=tr.date(rep.period_end),
        ),
    )
    names: set[str] = {tr("Synthèse")[:31]}
    for view in report_views(rep):
        name = _sheet_name(tr(view.title))
        n = 2
        while name[:31] in names:
            name = f"{_sheet_name(tr(view.title))[:26]} {n}"
            n += 1
        names.add(name[:31])
        money = [i for i, c in enumerate(view.columns) if c.unit in ("EUR", "EUR/h")]
        pct = [i for i, c in enumerate(view.columns) if c.unit == "%"]
        write_table(
            wb,
            name,
            view.headers(tr),
            view.cells(tr),
            money_columns=money,
            percent_columns=pct,
            title=tr(view.title),
        )
    wb.close()
    return buf.getvalue()

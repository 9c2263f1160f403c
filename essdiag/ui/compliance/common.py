"""What every tab of the compliance screen shares: the cached report and exports, cards, saving.

The report is computed once per (dossier id, revision, date, year): it reads
the saved revision, the ledgers of the closed years the ESUS criterion needs
(:func:`essdiag.ui.cache.ledger`, cached on their attachment ids) and the HR
register (:func:`essdiag.ui.hr.data.table`, cached on its attachment id).
:func:`essdiag.ui.cache.computed` has no hook for HR attachments yet, so the
report has its own ``st.cache_data`` keyed on those plain values, as the HR
screen does; :func:`keep` then holds it, and what the tabs draw from it, as
built (:func:`essdiag.ui.kept.kept`) so that a rerun neither unpickles
nor formats it again. The exports are built from that same report, on click.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any, TypeVar

import streamlit as st
from pydantic import BaseModel

from essdiag.compliance.engine import compliance_report, esus_years
from essdiag.compliance.findings import ComplianceReport, Finding, Verdict
from essdiag.compliance.section import Answer, ComplianceSection
from essdiag.report.compliance_docx import assembly_report_docx, compliance_note_docx
from essdiag.report.compliance_xlsx import compliance_xlsx
from essdiag.ui import cache, widgets
from essdiag.ui.hr.data import table as hr_table
from essdiag.ui.kept import kept
from essdiag.ui.screen import Screen, save_section
from essdiag.validation import validate_as

__all__ = [
    "ANSWERS",
    "answer_input",
    "answer_inputs",
    "chosen_year",
    "editor_rows",
    "export",
    "finding_cards",
    "keep",
    "report",
    "save",
    "verdict_text",
    "year_key",
]

ICONS: dict[Verdict, str] = {
    Verdict.CONFORM: ":material/check_circle:",
    Verdict.TO_CHECK: ":material/help:",
    Verdict.NOT_CONFORM: ":material/cancel:",
    Verdict.NOT_APPLICABLE: ":material/do_not_disturb_on:",
}
ANSWERS = list(Answer)
R = TypeVar("R")


def year_key(screen: Screen[Any]) -> str:
    """Session key of the fiscal year the screen examines."""
    return screen.widget_key("year")


def chosen_year(screen: Screen[Any]) -> int | None:
    """The fiscal year chosen in the summary (None: the current one)."""
    year = st.session_state.get(year_key(screen))
    return int(year) if year else None


@st.cache_data(show_spinner=False, max_entries=32)
def _report(dossier_id: str, revision: int, on: date, year: int | None) -> ComplianceReport:
    dossier = cache.dossier_at(dossier_id, revision)
    ledgers = {y: cache.ledger(dossier.ledger, y) for y in esus_years(dossier, on)}
    stored = dossier.hr.workforce
    workforce = hr_table(stored.parquet_id) if stored is not None else None
    result, _issues = compliance_report(
        dossier, on=on, year=year, ledgers=ledgers, workforce=workforce
    )
    return result


def keep(screen: Screen[Any], name: str, build: Callable[[], R], /, **options: Hashable) -> R:
    """:func:`~essdiag.ui.kept.kept` for this screen: also keyed on the date and the year."""
    return kept(screen, name, build, on=screen.today, year=chosen_year(screen), **options)


def report(screen: Screen[ComplianceSection]) -> ComplianceReport:
    """The report of the open revision, on today's date, for the year chosen in the summary."""
    year = chosen_year(screen)
    return keep(
        screen,
        "compliance_report",
        lambda: _report(screen.opened.id, screen.opened.revision, screen.today, year),
    )


def export(screen: Screen[ComplianceSection], kind: str) -> Callable[[], bytes]:
    """An export of the open revision, built when it is downloaded: ``note`` or ``assembly``
    (DOCX), ``xlsx`` (for ``st.download_button(data=..., on_click="ignore")``).

    The builder closes over the report and the dossier already loaded: it runs
    outside the script, where no session cache is reachable.
    """
    result, dossier, tr = report(screen), screen.dossier, screen.tr
    on, revision = screen.today, screen.opened.revision

    def build() -> bytes:
        if kind == "note":
            return compliance_note_docx(result, dossier.identity, tr, revision=revision)
        if kind == "assembly":
            return assembly_report_docx(
                result, dossier.identity, dossier.compliance, tr, today=on, revision=revision
            )
        return compliance_xlsx(
            result,
            dossier.compliance,
            dossier.funding.sources,
            tr,
            organisation=dossier.identity.name,
        )

    return build


def verdict_text(verdict: Verdict, screen: Screen[Any]) -> str:
    """A verdict as an icon and its word (never the colour alone)."""
    return f"{ICONS[verdict]} **{screen.tr(verdict.label)}**"


def finding_cards(findings: list[Finding], screen: Screen[Any], *, figures: bool = True) -> None:
    """Each finding in a bordered box: title, verdict, conclusion, what would change it, texts."""
    texts = keep(
        screen,
        "compliance_cards",
        lambda: [_card(f, screen) for f in findings],
        codes=tuple(f.code for f in findings),
    )
    for f, (head, conclusion, notes, parameters) in zip(findings, texts, strict=True):
        with st.container(border=True):
            st.markdown(head)
            st.write(conclusion)
            if notes:
                st.caption(notes)
            if figures and f.figure is not None:
                widgets.figure_metric(f.figure)
            elif parameters:
                st.caption(parameters)


def _card(f: Finding, screen: Screen[Any]) -> tuple[str, str, str, str]:
    """A finding's texts: head (verdict and title), conclusion, notes, dated parameters."""
    _ = screen.tr
    change = f.change_text(_)
    notes = [change] if change else []
    if f.references:
        notes.append(_("Textes : {refs}", refs=f.references_text(_)))
    if f.source:
        notes.append(_("Données : {source}", source=_(f.source)))
    parameters = _("Paramètres datés : {p}", p=f.parameters_text(_)) if f.parameters else ""
    head = f"{verdict_text(f.verdict, screen)} — {_(f.title)}"
    return head, f.conclusion_text(_), "  \n".join(notes), parameters


def answer_input(
    label: str, value: Answer, *, key: str, screen: Screen[Any], hint: str = ""
) -> Answer:
    """A yes / no / not answered choice."""
    _ = screen.tr
    chosen: Answer = st.radio(
        _(label),
        ANSWERS,
        index=ANSWERS.index(value),
        format_func=lambda a: _(a.label),
        horizontal=True,
        key=key,
        help=_(hint) if hint else None,
    )
    return chosen


def answer_inputs(
    screen: Screen[Any], part: BaseModel, names: tuple[str, ...], *, prefix: str
) -> dict[str, Answer]:
    """One yes / no / not answered choice per field of a part of the section, labelled by its title."""
    fields = type(part).model_fields
    return {
        name: answer_input(
            fields[name].title or name,
            getattr(part, name),
            key=screen.widget_key(f"{prefix}_{name}"),
            screen=screen,
        )
        for name in names
    }


def save(screen: Screen[ComplianceSection], data: dict[str, Any], message: str) -> None:
    """Validate the edited section with the model's own rules, then save it as a new revision."""
    _ = screen.tr
    edited, issues = validate_as(ComplianceSection, data, prefix=("compliance",))
    if edited is None:
        widgets.show_issues(issues, title=_("Rien n'a été enregistré : corrigez ces champs."))
        return
    save_section(screen, edited, message)


def editor_rows(frame: Any) -> list[dict[str, Any]]:
    """The rows a data editor returns, empty rows dropped and gaps as None (for the model)."""
    rows = []
    for record in frame.to_dict("records"):
        cleaned = {
            k: None if v is None or (isinstance(v, float) and math.isnan(v)) or v == "" else v
            for k, v in record.items()
        }
        if any(v is not None for v in cleaned.values()):
            rows.append(cleaned)
    return rows

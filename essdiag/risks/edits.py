"""Edits of the register, as whole-section dicts ready to validate and save.

Where it sits: the « Risques » screen collects a form (a risk, a continuity
sheet, library picks, a matrix, migration choices) and calls one of these
functions to get the new section as a dict; it then validates it with
:func:`essdiag.risks.section.validate_section` (French issues on bad input) and
saves it as a new dossier revision. Nothing here touches the user interface.

Rules kept here rather than on the screen:

* renaming a risk renames it in the continuity sheets; deleting it removes it
  from them;
* adding risks to a section that still relies on the implicit house matrix
  writes that matrix out first, so the new assessments keep the exact matrix
  they were made with (:func:`with_explicit_matrices`);
* blank cells of an edited table (``None``, ``NaN``, ``NaT``) are empty values.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from essdiag.errors import Issue
from essdiag.i18n import Translator
from essdiag.risks.library import library, risk_from_library
from essdiag.risks.matrix import matrices_of
from essdiag.risks.migration import MigrationProposal
from essdiag.risks.scoring import next_risk_id
from essdiag.risks.section import ActionStatus, RiskMatrix, RiskSection, validate_matrix

__all__ = [
    "actions_from_rows",
    "add_library_risks",
    "blank",
    "library_words",
    "matrix_from_rows",
    "put_risk",
    "put_sheet",
    "remove_risk",
    "same_scales",
    "selected_migrations",
    "untranslated",
    "with_explicit_matrices",
]


def blank(value: Any) -> Any:
    """``None`` for an empty table cell (None, NaN, NaT), else the value.

    >>> blank(float("nan")) is None, blank("x"), blank([1])
    (True, 'x', [1])
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in {"NaTType", "NAType"}:
        return None
    return value


def _text(value: Any) -> str:
    found = blank(value)
    return "" if found is None else str(found).strip()


def _day(value: Any) -> date | None:
    found = blank(value)
    if found is None:
        return None
    if hasattr(found, "date") and callable(found.date):  # datetime, pandas Timestamp
        day = found.date()
        return day if isinstance(day, date) else None
    return found if isinstance(found, date) else None


def with_explicit_matrices(section: RiskSection) -> dict[str, Any]:
    """The section as a dict, with the implicit house matrix written out if none was saved."""
    data = section.model_dump()
    if not section.matrices:
        data["matrices"] = [m.model_dump() for m in matrices_of(section)]
    return data


def actions_from_rows(
    rows: Iterable[Mapping[str, Any]], status_of_word: Mapping[str, ActionStatus]
) -> list[dict[str, Any]]:
    """Actions from the rows of the actions table (rows without a title are dropped).

    ``status_of_word`` maps the status words shown in the table back to statuses;
    an unknown or blank word means « à faire ».

    >>> rows = [{"title": " Relancer ", "status": "En cours"}, {"title": None}]
    >>> [(a["title"], a["status"]) for a in actions_from_rows(rows, {"En cours": ActionStatus.DOING})]
    [('Relancer', <ActionStatus.DOING: 'doing'>)]
    """
    actions = []
    for row in rows:
        title = _text(row.get("title"))
        if not title:
            continue
        actions.append(
            {
                "title": title,
                "owner": _text(row.get("owner")),
                "created_on": _day(row.get("created_on")),
                "due_on": _day(row.get("due_on")),
                "status": status_of_word.get(_text(row.get("status")), ActionStatus.TODO),
                "note": _text(row.get("note")),
            }
        )
    return actions


def put_risk(section: RiskSection, entry: dict[str, Any], replacing: str | None) -> dict[str, Any]:
    """The section with ``entry`` added (``replacing`` None) or in place of risk ``replacing``.

    A renamed risk keeps its place in the continuity sheets that name it.
    """
    if replacing is None:
        data = with_explicit_matrices(section)
        data["risks"].append(entry)
        return data
    data = section.model_dump()
    data["risks"] = [entry if r["id"] == replacing else r for r in data["risks"]]
    if entry["id"] != replacing:
        for sheet in data["continuity"]:
            sheet["risk_ids"] = [entry["id"] if x == replacing else x for x in sheet["risk_ids"]]
    return data


def remove_risk(section: RiskSection, risk_id: str) -> dict[str, Any]:
    """The section without risk ``risk_id``, also removed from the continuity sheets."""
    data = section.model_dump()
    data["risks"] = [r for r in data["risks"] if r["id"] != risk_id]
    for sheet in data["continuity"]:
        sheet["risk_ids"] = [x for x in sheet["risk_ids"] if x != risk_id]
    return data


def put_sheet(section: RiskSection, entry: dict[str, Any], replacing: str | None) -> dict[str, Any]:
    """The section with continuity sheet ``entry`` added or in place of sheet ``replacing``."""
    data = section.model_dump()
    if replacing is None:
        data["continuity"].append(entry)
    else:
        data["continuity"] = [entry if c["id"] == replacing else c for c in data["continuity"]]
    return data


def add_library_risks(
    section: RiskSection,
    keys: Iterable[str],
    matrix: RiskMatrix,
    *,
    owner: str,
    on: date,
    with_actions: bool,
    tr: Translator | None = None,
) -> dict[str, Any]:
    """The section with the library entries ``keys`` added, in library order, on ``matrix``.

    New risks take the next free identifiers (``R01``, ``R02``…) and the
    library's texts in the reader's language (``tr``, French by default).
    """
    wanted = set(keys)
    taken = [r.id for r in section.risks]
    data = with_explicit_matrices(section)
    for entry in library():
        if entry.key not in wanted:
            continue
        new = risk_from_library(
            entry,
            next_risk_id(taken),
            matrix,
            owner=owner.strip(),
            on=on,
            with_actions=with_actions,
            tr=tr,
        )
        taken.append(new.id)
        data["risks"].append(new.model_dump())
    return data


def selected_migrations(
    proposals: Sequence[MigrationProposal], rows: Iterable[Mapping[str, Any]]
) -> list[MigrationProposal]:
    """The proposals the user ticked (column ``accept``), with the levels they corrected.

    Rows carry ``risk_id``, ``kind``, ``accept``, ``new_likelihood`` and
    ``new_impact``; the new score and band are left to
    :func:`essdiag.risks.migration.apply_migration`, which stores levels only.
    """
    by_key = {(p.risk_id, p.kind): p for p in proposals}
    accepted = []
    for row in rows:
        if not row.get("accept"):
            continue
        proposal = by_key.get((str(row["risk_id"]), str(row["kind"])))
        if proposal is None:
            continue
        likelihood = blank(row.get("new_likelihood"))
        impact = blank(row.get("new_impact"))
        accepted.append(
            proposal.model_copy(
                update={
                    "new_likelihood": proposal.new_likelihood
                    if likelihood is None
                    else int(likelihood),
                    "new_impact": proposal.new_impact if impact is None else int(impact),
                }
            )
        )
    return accepted


def matrix_from_rows(
    *,
    version: int,
    size: int,
    likelihood: Iterable[Mapping[str, Any]],
    impact: Iterable[Mapping[str, Any]],
    bands: Iterable[Mapping[str, Any]],
    note: str = "",
) -> tuple[RiskMatrix | None, list[Issue]]:
    """A matrix version from the edited tables of levels and bands, or None and French issues.

    Band rows without a word are dropped; a blank highest score reads as 0 (refused).
    """

    def level(row: Mapping[str, Any]) -> dict[str, str]:
        return {"label": _text(row.get("label")), "description": _text(row.get("description"))}

    band_rows = []
    for row in bands:
        label = _text(row.get("label"))
        if not label:
            continue
        top = blank(row.get("max_score"))
        band_rows.append(
            {
                "label": label,
                "colour": _text(row.get("colour")),
                "max_score": 0 if top is None else int(top),
                "guidance": _text(row.get("guidance")),
            }
        )
    return validate_matrix(
        {
            "version": version,
            "size": size,
            "likelihood": [level(r) for r in likelihood],
            "impact": [level(r) for r in impact],
            "bands": band_rows,
            "note": note.strip(),
        }
    )


def library_words(matrix: RiskMatrix, tr: Translator) -> dict[str, str]:
    """The matrix's words as a reader sees them → as the matrix keeps them (see :func:`untranslated`).

    >>> from essdiag.i18n import translator
    >>> from essdiag.risks.matrix import default_matrix
    >>> library_words(default_matrix(3), translator("en"))["Unlikely"]
    'Peu probable'
    """
    texts = [lv.label for lv in (*matrix.likelihood, *matrix.impact)]
    texts += [lv.description for lv in (*matrix.likelihood, *matrix.impact)]
    texts += [t for b in matrix.bands for t in (b.label, b.guidance)]
    return {tr(t): t for t in texts if t}


def untranslated(
    rows: Iterable[Mapping[str, Any]], words: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Edited rows with the words left as shown put back as the matrix keeps them.

    A matrix's house words are French messages shown translated; a cell the
    user did not change is saved as the message, not as its translation.

    >>> untranslated([{"label": "Unlikely", "max_score": 4}], {"Unlikely": "Peu probable"})
    [{'label': 'Peu probable', 'max_score': 4}]
    """
    return [
        {k: words.get(v, v) if isinstance(v, str) else v for k, v in row.items()} for row in rows
    ]


def same_scales(a: RiskMatrix, b: RiskMatrix) -> bool:
    """True when two matrices have the same size, levels and bands (version and note aside)."""
    return (
        a.size == b.size
        and a.likelihood == b.likelihood
        and a.impact == b.impact
        and (a.bands == b.bands)
    )

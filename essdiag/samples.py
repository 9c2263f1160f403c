"""The sample cases shipped with essdiag, for learners and trainers.

Where it sits: layer 4, beside the store. A case is a folder of
``sample_data/``: its dossier as one JSON file per section under
``dossier/`` (``identity.json``, ``funding.json``… — only the sections the
case fills), a French ``README.md`` (the case narrative; its first heading is
the case title) and any accounting files (FEC, budget). A folder may instead
hold the whole dossier in one ``dossier.json`` (a case made by hand; the
shipped cases also carry one, assembled from their sections by
``sample_data/simulation``). They are read-only resources: opening a case
copies its dossier into the workspace as a new dossier, named apart from the
other copies (:func:`copy_name`), then imports its files — accounts
(:func:`import_case_files`) and each domain's registers
(:func:`case_importers`) — as the next revision.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import logging
import os
import re
from collections.abc import Callable, Collection, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

from pydantic import BaseModel, ConfigDict

from essdiag.budget.section import BudgetSection
from essdiag.budget.template import read_budget
from essdiag.dossier import SECTIONS, Dossier, read_dossier_dict, read_dossier_json
from essdiag.errors import EssdiagError, Issue
from essdiag.i18n import N_
from essdiag.ledger.fec import read_fec
from essdiag.ledger.frame import fiscal_year_of
from essdiag.ledger.section import LedgerSection
from essdiag.ledger.storage import AttachmentStore, store_ledger
from essdiag.periods import FiscalYear
from essdiag.store import Workspace
from essdiag.store.revisions import NAME_LENGTH, clean_name

__all__ = [
    "CASE_DOCUMENTS",
    "COPY",
    "SECTIONS_FOLDER",
    "SECTIONS_SCHEMA_VERSION",
    "SampleCase",
    "assemble_dossier",
    "case_files",
    "case_importers",
    "case_sections",
    "copy_name",
    "copy_sample",
    "import_all_case_files",
    "import_case_files",
    "load_sample",
    "sample_cases",
    "samples_dir",
    "seed_workspace",
]

SEEDED_FLAG = "samples-seeded"

log = logging.getLogger("essdiag.samples")

ENV_DIR = "ESSDIAG_SAMPLES_DIR"

SECTIONS_FOLDER: Final = "dossier"
"""Folder of a case holding one ``<section>.json`` per section it fills."""

SECTIONS_SCHEMA_VERSION: Final = 1
"""Dossier schema the section files are written at; older files are migrated when assembled."""

CASE_DOCUMENTS: Final = ("README.md", "dossier.json", "ledger.toml")
"""Files of a case folder that are not accounting files: narrative, dossier, ledger spec."""


class SampleCase(BaseModel):
    """A sample case.

    Attributes:
        key: folder name (``recyclerie``).
        title: first heading of its README.
        summary: first paragraph of its README.
        folder: where its files are.
        files: names of its accounting files (FEC, budget…).
    """

    model_config = ConfigDict(frozen=True)

    key: str
    title: str
    summary: str
    folder: Path
    files: tuple[str, ...]


def samples_dir() -> Path:
    """Folder of the sample cases: ``ESSDIAG_SAMPLES_DIR``, the wheel's copy, or the source tree's."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    here = Path(__file__).resolve().parent
    for candidate in (here / "sample_data", here.parent / "sample_data"):
        if candidate.is_dir():
            return candidate
    return here.parent / "sample_data"


def _title_and_summary(readme: Path, fallback: str) -> tuple[str, str]:
    """The first ``#`` heading and the first plain paragraph of a case's README."""
    if not readme.is_file():
        return fallback, ""
    text = readme.read_text("utf-8")
    title = next(
        (line[2:].strip() for line in text.splitlines() if line.startswith("# ")), fallback
    )
    for block in text.split("\n\n"):
        para = " ".join(line.strip() for line in block.strip().splitlines())
        italic_note = para.startswith("*") and not para.startswith("**")
        if not para or italic_note or para.startswith(("#", "|", "- ", "* ", ">", "![", "1. ")):
            continue
        return title, para if len(para) <= 420 else para[:419].rsplit(" ", 1)[0] + " …"
    return title, ""


def _is_case(folder: Path) -> bool:
    """A case folder holds its dossier: section files or one ``dossier.json``."""
    return (folder / SECTIONS_FOLDER / "identity.json").is_file() or (
        folder / "dossier.json"
    ).is_file()


def _accounting_files(folder: Path) -> list[Path]:
    """The files of a case folder other than its narrative, dossier and ledger spec."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name not in CASE_DOCUMENTS)


def sample_cases() -> list[SampleCase]:
    """Every sample case (a folder holding a dossier), the blank template last."""
    root = samples_dir()
    if not root.is_dir():
        return []
    cases = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and _is_case(p)):
        title, summary = _title_and_summary(folder / "README.md", folder.name)
        files = tuple(p.name for p in _accounting_files(folder))
        cases.append(
            SampleCase(key=folder.name, title=title, summary=summary, folder=folder, files=files)
        )
    return sorted(cases, key=lambda c: (c.key == "blank", c.key))


def case_sections(key: str, *, root: Path | None = None) -> dict[str, Any]:
    """The JSON of each section file of a case, by section name, in the dossier's order.

    ``root`` is the folder of the cases (:func:`samples_dir` by default). A
    case without section files gives ``{}``; a file that is not JSON raises.
    """
    folder = (root or samples_dir()) / key / SECTIONS_FOLDER
    if not folder.is_dir():
        return {}
    found: dict[str, Any] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            found[path.stem] = json.loads(path.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EssdiagError(
                f"Le cas d'exemple « {key} » est illisible ({SECTIONS_FOLDER}/{path.name} : {exc})."
            ) from exc
    order = {name: i for i, name in enumerate(SECTIONS)}
    return dict(sorted(found.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def assemble_dossier(
    sections: Mapping[str, Any], *, file: str | None = None
) -> tuple[Dossier | None, list[Issue]]:
    """The dossier made of section files (``{"identity": {...}, "funding": {...}}``).

    The sections are read at :data:`SECTIONS_SCHEMA_VERSION` and migrated like
    any dossier file; a name that is not a section is reported as an unknown field.
    """
    return read_dossier_dict({"schema_version": SECTIONS_SCHEMA_VERSION, **sections}, file=file)


def load_sample(key: str) -> Dossier:
    """The dossier of a sample case; raises if the shipped files are broken."""
    folder = samples_dir() / key
    if (folder / SECTIONS_FOLDER).is_dir():
        dossier, issues = assemble_dossier(case_sections(key), file=f"{key}/{SECTIONS_FOLDER}")
    elif (folder / "dossier.json").is_file():
        path = folder / "dossier.json"
        dossier, issues = read_dossier_json(path.read_bytes(), file=path.name)
    else:
        raise EssdiagError(f"Le cas d'exemple « {key} » n'existe pas.")
    if dossier is None:
        raise EssdiagError(f"Le cas d'exemple « {key} » est illisible.", issues=issues)
    return dossier


COPY = N_("copie")
"""The word a copy's name ends with, « (copie 2) », in the language of whoever makes it."""


def copy_name(name: str, taken: Collection[str], *, word: str = COPY) -> str:
    """The name of a new copy: ``name`` when no dossier has it, else « name (copie 2) », 3…

    ``word`` is :data:`COPY` in the reader's language: the name is stored as it was given.

    Example:
        >>> copy_name("Asso", {"Asso", "Asso (copie 2)"})
        'Asso (copie 3)'
        >>> copy_name("Asso", {"Autre"}), copy_name("Asso", {"Asso"}, word="copy")
        ('Asso', 'Asso (copy 2)')
    """
    if name not in taken:
        return name
    number = 2
    while True:
        suffix = f" ({word} {number})"
        candidate = name[: NAME_LENGTH - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


CaseImporter = Callable[[Any, str, Any, Mapping[str, bytes]], tuple[Any, list[Issue]]]
"""``import_case_files(store, dossier_id, section, files) -> (section, issues)`` of a domain."""


@cache
def case_importers() -> dict[str, CaseImporter]:
    """Section name → the ``import_case_files`` of ``essdiag/<section>/imports.py``, where one exists.

    A domain whose sample files (registers, surveys) a copy should bring
    along provides that function; the accounts (FEC, budget) are imported by
    :func:`import_case_files` of this module.
    """
    found: dict[str, CaseImporter] = {}
    for name in SECTIONS:
        if name in ("identity", "ledger", "budget"):
            continue
        try:
            spec = importlib.util.find_spec(f"essdiag.{name}.imports")
        except ModuleNotFoundError:
            continue
        if spec is None:
            continue
        importer = getattr(importlib.import_module(spec.name), "import_case_files", None)
        if callable(importer) and len(inspect.signature(importer).parameters) == 4:
            found[name] = importer
    return found


def import_all_case_files(
    store: AttachmentStore, dossier_id: str, dossier: Dossier, files: Mapping[str, bytes]
) -> tuple[Dossier, list[Issue]]:
    """The dossier with every file of a case imported: accounts, then each domain's files.

    Returns the updated dossier (the same one when nothing was imported) and
    the issues met; a file that cannot be used is reported, never raised.
    """
    ledger, budget, issues = import_case_files(
        store,
        dossier_id,
        dossier.ledger,
        dossier.budget,
        files,
        start_month=dossier.identity.fiscal_year_start_month,
    )
    updates: dict[str, Any] = {"ledger": ledger, "budget": budget}
    for name, importer in case_importers().items():
        section, found = importer(store, dossier_id, getattr(dossier, name), files)
        updates[name] = section
        issues += found
    changed = {k: v for k, v in updates.items() if v != getattr(dossier, k)}
    return (dossier.model_copy(update=changed) if changed else dossier), issues


def copy_sample(
    workspace: Workspace,
    key: str,
    *,
    author: str,
    message: str,
    name: str | None = None,
    copy_word: str = COPY,
) -> str:
    """Copy a sample case into the workspace with its data files; returns the new dossier's id.

    The copy is listed under the case's organisation name, or « … (copie 2) »
    when a dossier already has it (``copy_word``: :data:`COPY` in the reader's
    language; ``name`` chooses another). The dossier is
    saved as revision 1; the case's files (FEC, budget, and the registers and
    surveys of the domains that import them, see :func:`case_importers`) are
    imported as attachments and saved as revision 2, so the history shows
    what came from where and every screen shows the case's data at once.
    """
    dossier = load_sample(key)
    taken = workspace.listed_names()
    listed = name or copy_name(clean_name(dossier.identity.name), taken, word=copy_word)
    info = workspace.create(dossier, author=author, message=message, name=listed)
    files = case_files(key)
    if not files:
        return info.id
    imported, issues = import_all_case_files(workspace, info.id, dossier, files)
    for issue in issues:  # the shipped files are ours: a problem is a bug to look at
        log.warning("sample %s: %s (%s)", key, issue.message, issue.where())
    if imported != dossier:
        titles = [
            Dossier.model_fields[s].title or s
            for s in SECTIONS
            if getattr(imported, s) != getattr(dossier, s)
        ]
        workspace.save(
            info.id,
            imported,
            base=info.head,
            author=author,
            message=f"Données du cas d'exemple : {', '.join(titles)}",
        )
    return info.id


def case_files(key: str) -> dict[str, bytes]:
    """The accounting files of a sample case (FEC, budget…), by name; README, dossier and spec excluded."""
    folder = samples_dir() / key
    if not folder.is_dir():
        return {}
    return {p.name: p.read_bytes() for p in _accounting_files(folder)}


def seed_workspace(workspace: Workspace, *, author: str = "essdiag") -> bool:
    """Copy the sample cases (not the blank template) into an empty workspace, once.

    Returns True when this call seeded. The seeding is claimed atomically in the
    database (:meth:`Workspace.claim_once`), so app processes starting together
    on a shared PostgreSQL do not each add their copies; a workspace that was
    seeded once is not seeded again, even when its user archived everything.
    """
    if workspace.list_dossiers() or not workspace.claim_once(SEEDED_FLAG):
        return False
    for case in sample_cases():
        if case.key != "blank":
            copy_sample(workspace, case.key, author=author, message="Cas d'exemple")
    return True


# -- the accounting files of a case folder: FEC ledgers and the budget template ----------


_FEC_NAME = re.compile(r"(?<![A-Z])FEC(?![A-Z])")


def _is_fec(name: str) -> bool:
    """A FEC by its name: ``FEC_2025.txt``, ``841279631FEC20251231.txt`` (not ``effectif.csv``).

    Example:
        >>> [_is_fec(n) for n in ("FEC_2025.txt", "841279631FEC20251231.txt", "effectif_2025.csv")]
        [True, True, False]
    """
    return bool(_FEC_NAME.search(name.upper())) and name.lower().endswith((".txt", ".csv"))


def _budget_file(files: Mapping[str, bytes]) -> str | None:
    """The budget template among ``files``: the latest ``budget*.xlsx``, else ``budget*.csv``."""
    for ext in (".xlsx", ".csv"):
        names = sorted(
            (n for n in files if n.lower().startswith("budget") and n.lower().endswith(ext)),
            reverse=True,
        )
        if names:
            return names[0]
    return None


def import_case_files(
    store: AttachmentStore,
    dossier_id: str,
    ledger: LedgerSection,
    budget: BudgetSection,
    files: Mapping[str, bytes],
    *,
    start_month: int = 1,
) -> tuple[LedgerSection, BudgetSection, list[Issue]]:
    """Store every FEC of ``files`` and read the budget when the section has none.

    Each ``*FEC*`` text file is read with :func:`essdiag.ledger.fec.read_fec`
    and stored as attachments; a ``budget*.xlsx`` (or ``.csv``) fills an empty
    budget section, for the year its name says (else the latest FEC's).
    Returns the updated sections and the issues found (the files that could
    not be used are reported, never raised).
    """
    issues: list[Issue] = []
    years: list[FiscalYear] = []
    for name in sorted(n for n in files if _is_fec(n)):
        result = read_fec(files[name], file=name)
        issues += result.issues
        if result.ledger is None:
            continue
        fy = fiscal_year_of(result.ledger, start_month)
        if fy is None:
            continue
        years.append(fy)
        ledger = store_ledger(
            store,
            dossier_id,
            ledger,
            result.ledger,
            original=files[name],
            name=name,
            kind="fec",
            fiscal_year=fy.label_year,
            lines_read=result.lines_read,
            issues=len(result.issues),
        )
    budget_name = _budget_file(files) if not budget.lines else None
    if budget_name is not None:
        digits = "".join(ch if ch.isdigit() else " " for ch in budget_name).split()
        label = next((int(d) for d in digits if len(d) == 4), None)
        if label is None and years:
            label = max(y.label_year for y in years)
        if label is not None:
            fy = FiscalYear(label_year=label, start_month=start_month)
            read, found = read_budget(files[budget_name], file=budget_name, fiscal_year=fy)
            issues += found
            if read is not None:
                budget = budget.model_copy(
                    update={
                        "fiscal_year": read.fiscal_year,
                        "start_month": read.start_month,
                        "lines": read.lines,
                    }
                )
    return ledger, budget, issues

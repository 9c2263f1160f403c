"""The sample cases shipped with essdiag, for learners and trainers.

Each case is a folder of ``sample_data/`` with a ``dossier.json``, a French
``README.md`` (the case narrative; its first heading is the case title) and
any accounting files. They are read-only resources: opening a case copies its
dossier into the workspace as a new dossier.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from essdiag.budget.casefiles import import_case_files
from essdiag.dossier import Dossier, read_dossier_json
from essdiag.errors import EssdiagError
from essdiag.store import Workspace

__all__ = [
    "SampleCase",
    "case_files",
    "copy_sample",
    "load_sample",
    "sample_cases",
    "samples_dir",
    "seed_workspace",
]

SEEDED_FLAG = "samples-seeded"

ENV_DIR = "ESSDIAG_SAMPLES_DIR"


class SampleCase(BaseModel):
    """A sample case.

    Attributes:
        key: folder name (``recyclerie``).
        title: first heading of its README.
        summary: first paragraph of its README.
        folder: where its files are.
        files: names of its other files (FEC, budget…).
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


def sample_cases() -> list[SampleCase]:
    """Every sample case that has a ``dossier.json``, the blank template last."""
    root = samples_dir()
    if not root.is_dir():
        return []
    cases = []
    for folder in sorted(p for p in root.iterdir() if (p / "dossier.json").is_file()):
        title, summary = _title_and_summary(folder / "README.md", folder.name)
        files = tuple(
            sorted(
                p.name
                for p in folder.iterdir()
                if p.is_file() and p.name not in ("dossier.json", "README.md")
            )
        )
        cases.append(
            SampleCase(key=folder.name, title=title, summary=summary, folder=folder, files=files)
        )
    return sorted(cases, key=lambda c: (c.key == "blank", c.key))


def load_sample(key: str) -> Dossier:
    """The dossier of a sample case; raises if the shipped file is broken."""
    path = samples_dir() / key / "dossier.json"
    if not path.is_file():
        raise EssdiagError(f"Le cas d'exemple « {key} » n'existe pas.")
    dossier, issues = read_dossier_json(path.read_bytes(), file=path.name)
    if dossier is None:
        raise EssdiagError(f"Le cas d'exemple « {key} » est illisible.", issues=issues)
    return dossier


def copy_sample(workspace: Workspace, key: str, *, author: str, message: str) -> str:
    """Copy a sample case into the workspace, with its accounts; returns the new dossier's id.

    The dossier is saved as revision 1; when the case ships accounting files
    (FEC, budget), they are imported as attachments and saved as revision 2,
    so the history shows what came from where.
    """
    dossier = load_sample(key)
    info = workspace.create(dossier, author=author, message=message)
    files = case_files(key)
    if files:
        ledger, budget, _issues = import_case_files(
            workspace,
            info.id,
            dossier.ledger,
            dossier.budget,
            files,
            start_month=dossier.identity.fiscal_year_start_month,
        )
        if (ledger, budget) != (dossier.ledger, dossier.budget):
            workspace.save(
                info.id,
                dossier.model_copy(update={"ledger": ledger, "budget": budget}),
                base=info.head,
                author=author,
                message="Comptes du cas d'exemple (FEC et budget)",
            )
    return info.id


def case_files(key: str) -> dict[str, bytes]:
    """The accounting files of a sample case (FEC, budget…), by name; README and dossier excluded."""
    folder = samples_dir() / key
    if not folder.is_dir():
        return {}
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name not in ("dossier.json", "README.md")
    }


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

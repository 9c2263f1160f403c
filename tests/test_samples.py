"""The sample cases (``essdiag/samples.py``): listed, assembled from their sections, copied."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from essdiag import samples
from essdiag.budget.section import BudgetSection
from essdiag.dossier import read_dossier_json
from essdiag.errors import EssdiagError
from essdiag.hr.section import HRSection
from essdiag.ledger.section import LedgerSection
from essdiag.samples import (
    case_files,
    case_importers,
    case_sections,
    copy_name,
    copy_sample,
    import_case_files,
    load_sample,
    sample_cases,
    samples_dir,
    seed_workspace,
)
from essdiag.store import Workspace
from essdiag.store.revisions import NAME_LENGTH


def test_cases_are_listed_with_title_summary_and_files_blank_last() -> None:
    cases = sample_cases()
    assert [c.key for c in cases] == ["recyclerie", "scic-energie", "blank"]
    recyclerie = cases[0]
    assert recyclerie.title == "Cas 1 : La Ressourcerie des Confluences"
    assert recyclerie.summary.startswith("**Histoire.**")
    assert "FEC_2025.txt" in recyclerie.files
    assert "README.md" not in recyclerie.files and "dossier.json" not in recyclerie.files
    assert "ledger.toml" not in recyclerie.files and "dossier" not in recyclerie.files
    assert all(c.summary for c in cases)


def test_samples_dir_can_be_moved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tmp_path / "demo"
    case.mkdir()
    (case / "dossier.json").write_text(
        '{"schema_version": 1, "identity": {"name": "Démo"}}', "utf-8"
    )
    (case / "README.md").write_text("# Démo\n\n*note*\n\nUn cas minimal.\n", "utf-8")
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    [only] = sample_cases()
    assert (only.title, only.summary) == ("Démo", "Un cas minimal.")
    assert load_sample("demo").identity.name == "Démo"


def test_unknown_or_broken_sample_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(EssdiagError, match="n'existe pas"):
        load_sample("nope")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "dossier.json").write_text("{", "utf-8")
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    with pytest.raises(EssdiagError, match="illisible"):
        load_sample("bad")


@pytest.mark.parametrize("key", ["recyclerie", "scic-energie", "blank"])
def test_a_sample_is_assembled_from_its_section_files(key: str) -> None:
    """The same dossier as the single ``dossier.json`` the case also ships."""
    folder = samples_dir() / key
    sections = case_sections(key)
    assert next(iter(sections)) == "identity"
    assert set(sections) == {p.stem for p in (folder / "dossier").glob("*.json")}
    assert (load_sample(key), []) == read_dossier_json((folder / "dossier.json").read_bytes())


def test_a_case_of_section_files_alone_is_listed_and_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "demo" / "dossier").mkdir(parents=True)
    (tmp_path / "demo" / "dossier" / "identity.json").write_text('{"name": "Démo"}', "utf-8")
    (tmp_path / "demo" / "dossier" / "funding.json").write_text(
        '{"alliances": ["Réseau"]}', "utf-8"
    )
    (tmp_path / "demo" / "ledger.toml").write_text("seed = 1\n", "utf-8")
    (tmp_path / "demo" / "FEC_2026.txt").write_text("", "utf-8")
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    [only] = sample_cases()
    assert (only.key, only.title, only.files) == ("demo", "demo", ("FEC_2026.txt",))
    assert list(case_files("demo")) == ["FEC_2026.txt"]
    dossier = load_sample("demo")
    assert (dossier.identity.name, dossier.funding.alliances) == ("Démo", ["Réseau"])


def test_a_broken_section_file_raises_with_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "bad" / "dossier").mkdir(parents=True)
    (tmp_path / "bad" / "dossier" / "identity.json").write_text("{", "utf-8")
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    with pytest.raises(EssdiagError, match=r"illisible \(dossier/identity\.json"):
        load_sample("bad")
    (tmp_path / "bad" / "dossier" / "identity.json").write_text(
        json.dumps({"name": "Bad", "siren": "123"}), "utf-8"
    )
    with pytest.raises(EssdiagError, match="illisible") as raised:
        load_sample("bad")
    assert [i.field for i in raised.value.issues] == ["identity.siren"]


@dataclass(frozen=True)
class _Attached:
    id: str


class _Store:
    """An attachment store in memory (what ``import_case_files`` needs of a workspace)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def attach(
        self, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str
    ) -> _Attached:
        key = f"{dossier_id}/{len(self.files)}/{name}"
        self.files[key] = data
        return _Attached(key)

    def attachment_bytes(self, attachment_id: str) -> bytes:
        return self.files[attachment_id]


def test_case_files_import_each_fec_by_year_and_fill_an_empty_budget() -> None:
    files = case_files("recyclerie")
    assert {"FEC_2025.txt", "FEC_2026_01-10.txt", "budget_2026.csv", "budget_2026.xlsx"} <= set(
        files
    )
    store = _Store()
    ledger, budget, issues = import_case_files(store, "d1", LedgerSection(), BudgetSection(), files)
    assert issues == []
    assert [(i.name, i.fiscal_year) for i in ledger.imports] == [
        ("FEC_2025.txt", 2025),
        ("FEC_2026_01-10.txt", 2026),
    ]
    assert len(store.files) == 4  # a Parquet copy and the original of each FEC
    assert (budget.fiscal_year, budget.lines) == (2026, load_sample("recyclerie").budget.lines)


def test_case_files_fill_the_budget_only_when_it_is_empty() -> None:
    files = {"budget_2026.csv": case_files("recyclerie")["budget_2026.csv"]}
    entered = load_sample("recyclerie").budget
    _ledger, kept, issues = import_case_files(_Store(), "d1", LedgerSection(), entered, files)
    assert (kept, issues) == (entered, [])
    _ledger, read, issues = import_case_files(
        _Store(), "d1", LedgerSection(), BudgetSection(), files
    )
    assert issues == []
    assert (read.fiscal_year, read.lines) == (2026, entered.lines)


def test_two_processes_seeding_a_shared_workspace_at_once_seed_it_once(
    workspace: Workspace,
) -> None:
    """Two app processes starting together on one database both find it empty."""
    other = Workspace(
        workspace.url, engine=workspace.engine if "postgres" in workspace.url else None
    )
    barrier = threading.Barrier(2)
    seeded: list[bool] = []

    def start(ws: Workspace) -> None:
        barrier.wait()
        seeded.append(seed_workspace(ws, author="essdiag"))

    threads = [threading.Thread(target=start, args=(ws,)) for ws in (workspace, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cases = [c for c in sample_cases() if c.key != "blank"]
    assert sorted(seeded) == [False, True]
    assert len(workspace.list_dossiers()) == len(cases)
    assert seed_workspace(workspace) is False  # never again, even later


def test_a_workspace_seeded_once_is_not_reseeded_when_everything_is_archived(
    workspace: Workspace,
) -> None:
    assert seed_workspace(workspace) is True
    for info in workspace.list_dossiers():
        workspace.archive(info.id)
    assert seed_workspace(workspace) is False
    assert workspace.list_dossiers() == []


# -- copies of a case: named apart, with every data file of the case ------------------------


def test_each_copy_of_a_case_is_named_apart(workspace: Workspace) -> None:
    """Copies were told apart only by an id: the second is « … (copie 2) », then 3."""
    ids = [copy_sample(workspace, "scic-energie", author="a", message="m") for _ in range(3)]
    names = [workspace.info(i).name for i in ids]
    organisation = load_sample("scic-energie").identity.name
    assert names == [organisation, f"{organisation} (copie 2)", f"{organisation} (copie 3)"]
    assert {workspace.info(i).organisation for i in ids} == {organisation}
    workspace.archive(ids[1])  # an archived copy keeps its name taken
    assert workspace.info(copy_sample(workspace, "scic-energie", author="a", message="m")).name == (
        f"{organisation} (copie 4)"
    )


def test_copy_names_stay_within_the_name_column() -> None:
    long = "x" * NAME_LENGTH
    name = copy_name(long, {long})
    assert len(name) == NAME_LENGTH and name.endswith(" (copie 2)")


def test_a_copy_brings_the_case_accounts_and_every_domain_register(workspace: Workspace) -> None:
    """Opening a copy shows its data on every screen at once: FEC, HR register and survey."""
    assert "hr" in case_importers()
    info = workspace.info(copy_sample(workspace, "recyclerie", author="a", message="Copie"))
    copied, head = workspace.load(info.id)
    assert head == 2
    assert [i.name for i in copied.ledger.imports] == ["FEC_2025.txt", "FEC_2026_01-10.txt"]
    assert copied.hr.workforce is not None and copied.hr.workforce.name == "effectif_2025.csv"
    assert copied.hr.survey is not None and copied.hr.survey.name == "qvt_2025.csv"
    [second, first] = workspace.revisions(info.id)
    assert first.message == "Copie"
    assert second.message == "Données du cas d'exemple : Comptabilité, Ressources humaines"
    # the first revision is the case as shipped: nothing imported yet
    shipped, _ = workspace.load(info.id, 1)
    assert (shipped.ledger.imports, shipped.hr.workforce) == ([], None)
    names = {a.name for a in workspace.attachments(info.id)}
    assert {"FEC_2025.txt", "effectif_2025.csv", "qvt_2025.csv"} <= names


def test_a_case_without_data_files_is_copied_in_one_revision(workspace: Workspace) -> None:
    info = workspace.info(copy_sample(workspace, "blank", author="a", message="m"))
    assert info.head == 1


def test_the_case_importers_are_called_with_the_copy_and_its_files(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A domain that adds ``import_case_files`` to its ``imports`` module is picked up."""
    (tmp_path / "demo" / "dossier").mkdir(parents=True)
    (tmp_path / "demo" / "dossier" / "identity.json").write_text('{"name": "Démo"}', "utf-8")
    register = (samples_dir() / "recyclerie" / "effectif_2025.csv").read_bytes()
    (tmp_path / "demo" / "effectif_2025.csv").write_bytes(register)
    monkeypatch.setenv("ESSDIAG_SAMPLES_DIR", str(tmp_path))
    seen: list[tuple[str, set[str]]] = []

    def fake(store: object, dossier_id: str, section: HRSection, files: dict[str, bytes]) -> object:
        seen.append((dossier_id, set(files)))
        return section, []

    monkeypatch.setattr(samples, "case_importers", lambda: {"hr": fake})
    info = workspace.info(copy_sample(workspace, "demo", author="a", message="m"))
    assert seen == [(info.id, {"effectif_2025.csv"})]
    assert info.head == 1  # nothing changed, nothing saved

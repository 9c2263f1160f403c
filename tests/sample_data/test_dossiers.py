"""The sample dossiers as data: ``sample_data/<case>/dossier/<section>.json``.

Each file is one section of the ``Dossier`` model and validates as that
section, with no field the model does not know; the files of a case assemble
into a valid dossier, and the committed ``dossier.json`` (offered for
download, read by the tests) is that assembly as the simulation writes it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from essdiag.dossier import SECTIONS, Dossier, read_dossier_json
from essdiag.identity import luhn_valid
from essdiag.samples import SECTIONS_FOLDER, assemble_dossier, case_sections
from sample_data.simulation.identifiers import fictional_siren, head_office_siret
from sample_data.simulation.run import write_dossier
from tests.sample_data.plain_files import CASES, SAMPLE

FILLED = {
    "recyclerie": {"identity", "risks", "funding", "budget", "treasury"},
    "scic-energie": {"identity", "risks", "funding", "budget", "treasury"},
    "blank": {"identity"},
}
"""Sections each case fills at least (other domains add theirs as they come)."""
SECTION_FILES = sorted(
    (case, path.stem) for case in CASES for path in (SAMPLE / case / SECTIONS_FOLDER).glob("*")
)


def _model(name: str) -> type[BaseModel]:
    annotation = Dossier.model_fields[name].annotation
    assert isinstance(annotation, type)
    assert issubclass(annotation, BaseModel)
    return annotation


def _unknown_keys(data: Any, known: Any, path: str = "") -> list[str]:
    """Keys of ``data`` that the validated model's dump does not have, at any depth."""
    if isinstance(data, dict) and isinstance(known, dict):
        out = [f"{path}{k}" for k in data if k not in known]
        for k, v in data.items():
            if k in known:
                out += _unknown_keys(v, known[k], f"{path}{k}.")
        return out
    if isinstance(data, list) and isinstance(known, list) and len(data) == len(known):
        return [
            u
            for i, (a, b) in enumerate(zip(data, known, strict=True))
            for u in _unknown_keys(a, b, f"{path}{i}.")
        ]
    return []


def test_each_case_fills_the_sections_it_says() -> None:
    for case, names in FILLED.items():
        files = {p.name for p in (SAMPLE / case / SECTIONS_FOLDER).iterdir()}
        assert {f"{n}.json" for n in names} <= files, case
        assert {Path(f).suffix for f in files} == {".json"}, case
        assert {Path(f).stem for f in files} <= set(SECTIONS), case


@pytest.mark.parametrize(("case", "name"), SECTION_FILES)
def test_each_section_file_validates_as_its_section(case: str, name: str) -> None:
    raw = json.loads((SAMPLE / case / SECTIONS_FOLDER / f"{name}.json").read_text("utf-8"))
    model = _model(name).model_validate(raw)
    assert _unknown_keys(raw, model.model_dump(mode="json")) == []


@pytest.mark.parametrize("case", CASES)
def test_the_sections_assemble_into_the_committed_dossier_json(case: str, tmp_path: Path) -> None:
    """``dossier.json`` is the assembly; the simulation writes it again the same."""
    dossier, issues = assemble_dossier(case_sections(case, root=SAMPLE))
    assert issues == []
    assert dossier is not None
    committed = (SAMPLE / case / "dossier.json").read_bytes()
    assert read_dossier_json(committed) == (dossier, []), (
        f"sample_data/{case}/dossier.json is stale: run `python -m sample_data.simulation`"
    )
    written = write_dossier(SAMPLE / case, tmp_path)
    assert written.read_text("utf-8") == dossier.to_json() + "\n"


def test_a_name_that_is_not_a_section_is_refused() -> None:
    sections = {**case_sections("blank", root=SAMPLE), "budjet": {}}
    dossier, issues = assemble_dossier(sections, file="blank/dossier")
    assert dossier is None
    assert [i.field for i in issues] == ["budjet"]


# -- what the dossiers say ---------------------------------------------------------------


@pytest.mark.parametrize("case", CASES)
def test_dossiers_load_without_issues(case: str) -> None:
    raw = (SAMPLE / case / "dossier.json").read_bytes()
    dossier, issues = read_dossier_json(raw, file=f"{case}/dossier.json")
    assert issues == []
    assert dossier is not None
    identity = dossier.identity
    if case == "blank":
        assert identity.name == "Nouvelle structure"
        assert identity.siren is None
        return
    assert identity.siren is not None
    assert identity.siret is not None
    assert luhn_valid(identity.siren)
    assert luhn_valid(identity.siret)
    assert identity.siret.startswith(identity.siren)
    assert identity.territory.departement == identity.territory.commune[:2]
    assert identity.address.postcode[:2] == identity.territory.departement
    assert identity.esus


def test_case_identities() -> None:
    recyclerie, _ = read_dossier_json((SAMPLE / "recyclerie/dossier.json").read_bytes())
    scic, _ = read_dossier_json((SAMPLE / "scic-energie/dossier.json").read_bytes())
    assert recyclerie is not None
    assert scic is not None
    assert recyclerie.identity.legal_form == "association"
    assert recyclerie.identity.naf == "38.32Z"
    assert recyclerie.identity.rna.startswith("W")
    assert (recyclerie.identity.headcount, recyclerie.identity.fte) == (25, 21.5)
    assert (recyclerie.identity.volunteers, recyclerie.identity.members) == (45, 180)
    assert recyclerie.identity.territory.region == "84"
    assert scic.identity.legal_form == "scic"
    assert scic.identity.naf == "35.11Z"
    assert (scic.identity.headcount, scic.identity.fte) == (6, 5.2)
    assert scic.identity.members >= 400
    assert scic.identity.territory.region == "53"


def test_luhn_helpers_match_essdiag() -> None:
    for prefix in ("84127963", "90563218", "00000000", "12345678"):
        siren = fictional_siren(prefix)
        assert luhn_valid(siren)
        assert luhn_valid(head_office_siret(siren))
        assert not luhn_valid(siren[:-1] + str((int(siren[-1]) + 1) % 10))


@pytest.mark.parametrize(
    ("case", "prefix"), [("recyclerie", "84127963"), ("scic-energie", "90563218")]
)
def test_the_fictional_numbers_are_made_by_the_helpers(case: str, prefix: str) -> None:
    identity = case_sections(case, root=SAMPLE)["identity"]
    assert identity["siren"] == fictional_siren(prefix)
    assert identity["siret"] == head_office_siret(identity["siren"])

"""Write every generated file of the sample cases: FEC, budget template, assembled dossier.

Where it sits: the entry point of the simulation (``python -m
sample_data.simulation``, or ``python sample_data/generate.py``). For each
case folder with a ``ledger.toml``, it simulates the two years and writes the
FEC files and the budget template; for each case with section files
(``dossier/*.json``), it writes the assembled ``dossier.json`` that the app
offers for download and the tests read. The same bytes on every run.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from essdiag.samples import SECTIONS_FOLDER, assemble_dossier, case_sections
from sample_data.simulation.budget_files import budget_rows, write_budget_csv, write_budget_xlsx
from sample_data.simulation.fec import fec_text
from sample_data.simulation.spec import load_case
from sample_data.simulation.years import simulate

__all__ = ["SAMPLE_DATA", "generate_all", "main", "write_dossier", "write_ledger_files"]

SAMPLE_DATA = Path(__file__).resolve().parent.parent
"""The ``sample_data/`` folder of the source tree: the cases' specs and section files."""


def write_ledger_files(case_dir: Path, out_dir: Path) -> list[Path]:
    """Simulate the case of ``case_dir`` (its ``ledger.toml``) and write its FEC and budget files."""
    case = load_case(case_dir)
    sim = simulate(case)
    folder = out_dir / case_dir.name
    folder.mkdir(parents=True, exist_ok=True)
    files = case.files
    fec_1 = folder / files["fec_year_1"]
    fec_1.write_text(
        fec_text(
            case, sim.fec_year_1, year=case.year_1, validation_cap=case.dates["closing_year_1"]
        ),
        encoding="utf-8",
        newline="\n",
    )
    fec_2 = folder / files["fec_year_2"]
    fec_2.write_text(
        fec_text(case, sim.fec_year_2, year=case.year_2, validation_cap=case.dates["extract"]),
        encoding="utf-8",
        newline="\n",
    )
    rows = budget_rows(case, sim.budget)
    xlsx = folder / files["budget_xlsx"]
    write_budget_xlsx(case, rows, xlsx)
    csv_path = folder / files["budget_csv"]
    write_budget_csv(rows, csv_path)
    return [fec_1, fec_2, xlsx, csv_path]


def write_dossier(case_dir: Path, out_dir: Path) -> Path:
    """The case's ``dossier.json``: its section files assembled and written by the model."""
    dossier, issues = assemble_dossier(
        case_sections(case_dir.name, root=case_dir.parent),
        file=f"{case_dir.name}/{SECTIONS_FOLDER}",
    )
    if dossier is None:
        raise ValueError(
            f"{case_dir.name}: " + "; ".join(f"{i.where()} {i.message}" for i in issues)
        )
    path = out_dir / case_dir.name / "dossier.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dossier.to_json() + "\n", encoding="utf-8")
    return path


def generate_all(out_dir: Path, source: Path = SAMPLE_DATA) -> list[Path]:
    """Write every generated file of the cases of ``source`` under ``out_dir``."""
    written: list[Path] = []
    for case_dir in sorted(p for p in source.iterdir() if p.is_dir()):
        if (case_dir / "ledger.toml").is_file():
            written += write_ledger_files(case_dir, out_dir)
        if (case_dir / SECTIONS_FOLDER).is_dir():
            written.append(write_dossier(case_dir, out_dir))
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m sample_data.simulation [--out DIR]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=SAMPLE_DATA, help="output directory")
    args = parser.parse_args(argv)
    for path in generate_all(args.out):
        print(path)
    return 0

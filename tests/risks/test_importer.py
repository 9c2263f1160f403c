"""Import of a register from the XLSX template; bad files get clear French messages.

The corpus in tests/data/risks/ is made by ``make_corpus.py`` (see README.md there).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from essdiag.errors import Severity
from essdiag.risks import RiskSection, default_matrix
from essdiag.risks.importer import (
    ACTION_COLUMNS,
    REGISTER_COLUMNS,
    merge_register,
    read_register_xlsx,
    register_template_xlsx,
)
from essdiag.risks.section import ActionStatus, Treatment

CORPUS = Path(__file__).parents[1] / "data" / "risks"


def test_the_template_has_the_documented_sheets_and_columns() -> None:
    wb = load_workbook(io.BytesIO(register_template_xlsx()))
    assert wb.sheetnames == ["Registre", "Actions", "Aide"]
    assert tuple(c.value for c in wb["Registre"][1]) == REGISTER_COLUMNS
    assert tuple(c.value for c in wb["Actions"][1]) == ACTION_COLUMNS
    help_text = " ".join(str(c.value) for row in wb["Aide"].iter_rows() for c in row)
    assert "Humain et bénévolat" in help_text and "Transférer" in help_text
    # The module docstring documents every column of the template.
    from essdiag.risks import importer

    for column in REGISTER_COLUMNS:
        assert column.split()[0] in (importer.__doc__ or "")


def test_the_filled_template_reads_back() -> None:
    risks, issues = read_register_xlsx(
        register_template_xlsx(), default_matrix(5), file="modele.xlsx"
    )
    assert issues == []
    assert risks is not None and len(risks) == 1
    r = risks[0]
    assert (r.id, r.category.value, r.inherent.likelihood, r.inherent.impact) == (
        "R01",
        "financial",
        4,
        3,
    )
    assert r.residual is not None and r.residual.score == 9
    assert r.controls == ["Plan de trésorerie mensuel", "demandes d'avance"]
    assert r.treatment is Treatment.REDUCE and r.funder == "Région"
    assert r.created_on == date(2026, 1, 15) and r.review_on == date(2026, 6, 30)
    assert [(a.title, a.due_on, a.status) for a in r.actions] == [
        ("Négocier un prêt relais", date(2026, 3, 31), ActionStatus.TODO)
    ]


def test_an_empty_template_gives_no_risk_and_no_issue() -> None:
    risks, issues = read_register_xlsx(register_template_xlsx(example=False), default_matrix(3))
    assert risks == [] and issues == []


def test_the_levels_are_read_on_the_matrix_in_force() -> None:
    # The example line has likelihood 4: outside a 3×3.
    risks, issues = read_register_xlsx(register_template_xlsx(), default_matrix(3), file="m.xlsx")
    assert risks == []
    assert issues[0].code == "risk_level_outside_matrix"
    assert issues[0].message == (
        "Le niveau « 4 » sort de la matrice 3×3 en vigueur : écrivez un entier de 1 à 3."
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "unknown_category.xlsx",
            [
                (
                    "risk_import_category",
                    2,
                    "Catégorie",
                    "Catégorie inconnue « Climatique » : choisissez parmi Financier, Humain et "
                    "bénévolat, Gouvernance et institutionnel, Juridique et conformité, "
                    "Opérationnel et continuité, Image et réputation, Environnemental, Numérique "
                    "et données.",
                )
            ],
        ),
        (
            "likelihood_outside.xlsx",
            [
                (
                    "risk_level_outside_matrix",
                    2,
                    "Probabilité brute",
                    "Le niveau « 7 » sort de la matrice 5×5 en vigueur : écrivez un entier de 1 à 5.",
                ),
                (
                    "risk_level_outside_matrix",
                    3,
                    "Gravité brute",
                    "Le niveau « élevée » sort de la matrice 5×5 en vigueur : écrivez un entier "
                    "de 1 à 5.",
                ),
            ],
        ),
        (
            "due_before_creation.xlsx",
            [
                (
                    "risk_action_due_before_creation",
                    2,
                    None,
                    "L'échéance de l'action « Négocier un prêt relais » (01/02/2026) précède sa "
                    "date de création (01/03/2026) : choisissez une échéance postérieure.",
                ),
                (
                    "risk_import_action_orphan",
                    None,
                    None,
                    "Des actions renvoient au risque « R01 », absent ou écarté de la feuille "
                    "Registre : elles sont ignorées.",
                ),
            ],
        ),
    ],
)
def test_bad_rows_are_set_aside_with_a_located_french_message(
    name: str, expected: list[tuple[str, int | None, str | None, str]]
) -> None:
    risks, issues = read_register_xlsx((CORPUS / name).read_bytes(), default_matrix(5), file=name)
    assert risks == []
    assert [(i.code, i.line, i.column, i.message) for i in issues] == expected
    assert all(i.file and i.file.startswith(name) for i in issues)


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        (
            "missing_columns.xlsx",
            "risk_import_columns",
            "Colonnes obligatoires absentes de la feuille « Registre » : Gravité brute.",
        ),
        (
            "no_register_sheet.xlsx",
            "risk_import_no_sheet",
            "Le classeur n'a pas de feuille « Registre » : partez du modèle téléchargeable.",
        ),
        (
            "not_xlsx.xlsx",
            "xlsx_unreadable",
            "Ce fichier n'est pas un classeur Excel lisible (.xlsx) : partez du modèle téléchargeable.",
        ),
    ],
)
def test_unusable_workbooks_give_none_and_why(name: str, code: str, message: str) -> None:
    risks, issues = read_register_xlsx((CORPUS / name).read_bytes(), default_matrix(5), file=name)
    assert risks is None
    assert [(i.code, i.message) for i in issues] == [(code, message)]


def test_a_mixed_file_keeps_the_good_rows() -> None:
    risks, issues = read_register_xlsx(
        (CORPUS / "mixed.xlsx").read_bytes(), default_matrix(5), file="mixed.xlsx"
    )
    assert risks is not None and [r.id for r in risks] == ["R01"]
    assert [(i.code, i.line) for i in issues] == [
        ("risk_duplicate_id", 3),
        ("risk_import_date", 4),
        ("risk_import_treatment", 5),
        ("risk_import_residual_pair", 6),
        ("risk_import_action_orphan", None),
    ]
    assert issues[1].message == "« 31/02/2026 » n'est pas une date : écrivez JJ/MM/AAAA."
    assert issues[-1].severity is Severity.WARNING


def test_merge_replaces_same_ids_and_adds_new_ones(scic: RiskSection) -> None:
    section = scic
    risks, _ = read_register_xlsx(register_template_xlsx(), default_matrix(4))
    # 4×4 template line: likelihood 4, impact 3 fit; its id R01 is new for the SCIC.
    assert risks is not None
    merged, issues = merge_register(section, risks)
    assert issues == [] and merged is not None
    assert [r.id for r in merged.risks][-1] == "R01"
    assert len(merged.risks) == len(section.risks) + 1
    replaced = risks[0].model_copy(update={"id": "S01"})
    merged2, _ = merge_register(section, [replaced])
    assert merged2 is not None and len(merged2.risks) == len(section.risks)
    s01 = merged2.risk("S01")
    assert s01 is not None and s01.title == "Retard de versement des subventions"
    assert merged2.continuity == section.continuity


@given(st.binary(max_size=3000))
def test_register_import_never_crashes_on_arbitrary_bytes(raw: bytes) -> None:
    risks, issues = read_register_xlsx(raw, default_matrix(5), file="x.xlsx")
    assert risks is None and issues

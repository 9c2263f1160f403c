"""Import of a register from the XLSX template; bad files get clear French messages.

The corpus in tests/data/risks/ is made by ``make_corpus.py`` (see README.md there):
mistakes a director makes, and the damaged workbooks that once let an
exception out of the importer (issue #10).
"""

from __future__ import annotations

import io
import re
import string
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from essdiag.errors import Issue, Severity
from essdiag.figures.issues import issue_message
from essdiag.i18n import translator
from essdiag.risks import RiskSection, default_matrix
from essdiag.risks.importer import (
    ACTION_COLUMNS,
    MAX_RISKS,
    REGISTER_COLUMNS,
    merge_register,
    read_register_xlsx,
    register_template_xlsx,
    replaced_ids,
)
from essdiag.risks.section import ActionStatus, RiskCategory, Treatment

CORPUS = Path(__file__).parents[1] / "data" / "risks"
EN = translator("en")
LIBRARY_ENGLISH = (
    "Input should be",
    "invalid literal",
    "Invalid datetime",
    "list index",
    "out of range",
    "File is not a zip",
    "Errno",
    "zlib",
    "Error -",
    "not well-formed",
    "object has no attribute",
    "could not convert",
    "Traceback",
)
"""Messages of Python and its libraries that must never reach the user (tests/fuzz/contract.py)."""


def keeps_the_contract(issues: list[Issue]) -> None:
    """French messages with every placeholder filled, in both languages; row issues say their line."""
    for issue in issues:
        for template in (issue.template, EN(issue.template)):
            names = {n for _t, n, _s, _c in string.Formatter().parse(template) if n}
            assert names <= set(issue.params), (issue.code, template, issue.params)
        message = issue.message
        assert not any(phrase in message for phrase in LIBRARY_ENGLISH), message
        assert "{" not in message and "{" not in issue_message(issue, EN), message
        if re.search(r"ligne (écartée|mise de côté)", issue.template) or issue.column:
            assert issue.line is not None, message


def read(name: str, size: int = 5) -> tuple[Any, list[Issue]]:
    risks, issues = read_register_xlsx(
        (CORPUS / name).read_bytes(), default_matrix(size), file=name
    )
    keeps_the_contract(issues)
    return risks, issues


# --------------------------------------------------------------------------- the template


@pytest.mark.parametrize(
    ("lang", "sheets", "first", "category"),
    [
        ("fr", ["Registre", "Actions", "Aide"], "Identifiant", "Financier"),
        ("en", ["Register", "Actions", "Help"], "Identifier", "Financial"),
    ],
)
def test_the_template_speaks_the_readers_language(
    lang: str, sheets: list[str], first: str, category: str
) -> None:
    wb = load_workbook(io.BytesIO(register_template_xlsx(lang=lang)))
    assert wb.sheetnames == sheets
    header = [c.value for c in wb[sheets[0]][1]]
    assert header[0] == first and len(header) == len(REGISTER_COLUMNS)
    assert [c.value for c in wb[sheets[0]][2]][2] == category
    assert len([c.value for c in wb["Actions"][1]]) == len(ACTION_COLUMNS)
    help_text = " ".join(str(c.value) for row in wb[sheets[2]].iter_rows() for c in row)
    tr = translator(lang)
    for choices in (RiskCategory, Treatment, ActionStatus):
        assert all(tr(m.label) in help_text for m in choices)


def test_the_french_template_keeps_its_documented_columns() -> None:
    wb = load_workbook(io.BytesIO(register_template_xlsx()))
    assert tuple(c.value for c in wb["Registre"][1]) == REGISTER_COLUMNS
    assert tuple(c.value for c in wb["Actions"][1]) == ACTION_COLUMNS
    from essdiag.risks import template

    for column in REGISTER_COLUMNS:  # the module docstring documents every column
        assert column.split()[0] in (template.__doc__ or "")


def test_the_filled_template_reads_back() -> None:
    risks, issues = read_register_xlsx(
        register_template_xlsx(), default_matrix(5), file="modele.xlsx"
    )
    assert issues == []
    assert risks is not None and len(risks) == 1
    r = risks[0]
    assert (r.id, r.category, r.inherent.likelihood, r.inherent.impact) == (
        "R01",
        RiskCategory.FINANCIAL,
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


def test_the_english_template_reads_into_the_same_choices() -> None:
    risks, issues = read_register_xlsx(register_template_xlsx(lang="en"), default_matrix(5))
    assert issues == [] and risks is not None
    r = risks[0]
    assert (r.category, r.treatment, r.actions[0].status) == (
        RiskCategory.FINANCIAL,
        Treatment.REDUCE,
        ActionStatus.TODO,
    )
    assert r.title == "Late payment of grants"
    assert r.controls == ["Monthly cash plan", "requests for advance payments"]
    assert r.actions[0].due_on == date(2026, 3, 31)


def test_headers_and_choices_are_matched_loosely_and_by_code() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "REGISTER"
    ws.append(["  identifier ", "Intitule", "CATEGORY", "gravite brute", "Probabilité brute"])
    ws.append(["R7", "Panne", "digital", 2, "3,0"])
    ws.append(["R8", "Fraude", "juridique ET conformite", 1, 1])
    buf = io.BytesIO()
    wb.save(buf)
    risks, issues = read_register_xlsx(buf.getvalue(), default_matrix(3))
    assert issues == [] and risks is not None
    assert [(r.id, r.category.value, r.inherent.likelihood, r.inherent.impact) for r in risks] == [
        ("R7", "digital", 3, 2),
        ("R8", "legal", 1, 1),
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
    assert issue_message(issues[0], EN) == (
        "Level “4” is outside the 3×3 matrix in force: write a whole number from 1 to 3."
    )


# --------------------------------------------------------------------------- a director's mistakes


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
                    2,  # the line of the first action of the sheet « Actions » that names it
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
    risks, issues = read(name)
    assert risks == []
    assert [(i.code, i.line, i.column, i.message) for i in issues] == expected
    assert all(i.file and i.file.startswith(name) for i in issues)


def test_an_action_rule_is_located_on_the_actions_sheet() -> None:
    # The deadline is on line 2 of « Actions », not on the risk's line of « Registre ».
    _risks, issues = read("due_before_creation.xlsx")
    late = next(i for i in issues if i.code == "risk_action_due_before_creation")
    assert (late.file, late.line) == ("due_before_creation.xlsx [Actions]", 2)


def test_the_allowed_words_read_in_the_readers_language() -> None:
    _risks, issues = read("unknown_category.xlsx")
    assert issue_message(issues[0], EN) == (
        "Unknown category “Climatique”: choose from Financial, Human and volunteers, Governance "
        "and institutional, Legal and compliance, Operational and continuity, Image and "
        "reputation, Environmental, Digital and data."
    )


@pytest.mark.parametrize(
    ("name", "codes", "message"),
    [
        (
            "missing_columns.xlsx",
            ["risk_import_columns"],
            "Colonne obligatoire absente de la feuille « Registre » : « Gravité brute ».",
        ),
        (
            "no_register_sheet.xlsx",
            ["risk_import_no_sheet"],
            "Le classeur n'a pas de feuille « Registre » : partez du modèle téléchargeable.",
        ),
        (
            "not_xlsx.xlsx",
            ["file_kind"],
            "Ce fichier est un fichier texte : il fallait un classeur Excel .xlsx. Vérifiez que "
            "vous avez choisi le bon fichier (ou enregistrez-le au bon format).",
        ),
    ],
)
def test_unusable_workbooks_give_none_and_why(name: str, codes: list[str], message: str) -> None:
    risks, issues = read(name)
    assert risks is None
    assert [i.code for i in issues] == codes
    assert issues[0].message == message


def test_a_mixed_file_keeps_the_good_rows() -> None:
    risks, issues = read("mixed.xlsx")
    assert risks is not None and [r.id for r in risks] == ["R01"]
    assert [(i.code, i.line, i.column) for i in issues] == [
        ("risk_duplicate_id", 3, "Identifiant"),
        ("risk_import_date", 4, "Prochaine revue"),
        ("risk_import_treatment", 5, "Traitement"),
        ("risk_import_residual_pair", 6, "Gravité résiduelle"),  # the one left empty
        ("risk_import_action_orphan", 2, None),
    ]
    assert issues[1].message == "« 31/02/2026 » n'est pas une date : écrivez JJ/MM/AAAA."
    assert issues[-1].severity is Severity.WARNING


def test_an_empty_required_cell_names_its_column() -> None:
    """Once « « {column} » est obligatoire et manque » with its placeholder never filled."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Registre"
    ws.append(list(REGISTER_COLUMNS[:9]))
    ws.append(["R01", "Retard", "Financier", None, None, None, None, 3, None])
    buf = io.BytesIO()
    wb.save(buf)
    risks, issues = read_register_xlsx(buf.getvalue(), default_matrix(5), file="r.xlsx")
    keeps_the_contract(issues)
    assert risks == []
    assert [(i.code, i.line, i.column, i.message) for i in issues] == [
        (
            "risk_import_missing",
            2,
            "Gravité brute",
            "« Gravité brute » est obligatoire et manque : ligne écartée.",
        )
    ]
    assert (
        issue_message(issues[0], EN) == "“Inherent impact” is required and missing: line set aside."
    )


# --------------------------------------------------------------------------- damaged workbooks (#10)

REFUSED = {
    # openpyxl's cell errors (int(), IndexError, « Invalid datetime value 20261399 »): the sheet
    # is damaged from its line 2, so nothing is imported.
    "shared_string_not_int.xlsx": ["xlsx_sheet_damaged", "risk_import_sheet_unread"],
    "shared_string_missing.xlsx": ["xlsx_sheet_damaged", "risk_import_sheet_unread"],
    "impossible_date.xlsx": ["xlsx_sheet_damaged", "risk_import_sheet_unread"],
    "xml_syntax_error.xlsx": ["xlsx_sheet_damaged", "risk_import_sheet_unread"],
    # zlib.error, BadZipFile, ParseError, NotImplementedError: the archive is refused at once.
    "zlib_error.xlsx": ["xlsx_archive"],
    "truncated.xlsx": ["xlsx_archive"],
    "workbook_xml_error.xlsx": ["xlsx_archive"],
    "unsupported_compression.xlsx": ["xlsx_archive"],
    # a 4 MB sheet in a 12 KB file: refused before it is decompressed.
    "zip_bomb.xlsx": ["xlsx_archive"],
    "too_many_rows.xlsx": ["risk_import_too_many_rows"],
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_damaged_workbook_imports_nothing_and_says_why(name: str) -> None:
    risks, issues = read(name)
    assert risks is None
    assert [i.code for i in issues] == REFUSED[name]
    assert any(i.severity is Severity.ERROR for i in issues)


def test_the_damaged_line_is_located() -> None:
    _risks, issues = read("impossible_date.xlsx")
    assert (issues[0].line, issues[0].message) == (
        2,
        "La feuille « Registre » est abîmée à partir de la ligne 2 (contenu illisible) : les "
        "lignes suivantes ne sont pas lues. Enregistrez le classeur de nouveau depuis votre "
        "tableur.",
    )
    assert issues[1].message == (
        "La feuille « Registre » n'a pas pu être lue jusqu'au bout : rien n'a été importé, pour "
        "ne pas garder un registre à moitié lu."
    )


@pytest.mark.parametrize("name", ["huge_dimension.xlsx", "far_column.xlsx", "multi_disk.xlsx"])
def test_a_workbook_that_lies_about_its_size_is_read_within_bounds(name: str) -> None:
    """A declared dimension A1:XFD1048576 (once 3.8 GB), a cell in column XFD, a zip that says it
    spans two disks: the example line is read, nothing more."""
    risks, issues = read(name)
    assert risks is not None and [r.id for r in risks] == ["R01"]
    assert issues == []  # a cell beyond the 200 columns read is not one of the template's


def test_a_sheet_damaged_after_good_lines_imports_none_of_them() -> None:
    """Nothing half-imported: three good lines, then a cell that points at no shared string."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Registre"
    ws.append(list(REGISTER_COLUMNS[:9]))
    for i in range(1, 5):
        ws.append([f"R0{i}", "Retard", "Financier", None, None, None, None, 3, 3])
    buf = io.BytesIO()
    wb.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as archive:
        parts = {n: archive.read(n) for n in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r'<c r="A5"[^>]*>.*?</c>', '<c r="A5" t="s"><v>99999</v></c>', sheet
    ).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, data in parts.items():
            archive.writestr(n, data)
    risks, issues = read_register_xlsx(out.getvalue(), default_matrix(5), file="r.xlsx")
    keeps_the_contract(issues)
    assert risks is None
    assert [(i.code, i.line) for i in issues] == [
        ("xlsx_sheet_damaged", 5),
        ("risk_import_sheet_unread", None),
    ]


def test_the_register_limit_is_the_one_said() -> None:
    _risks, issues = read("too_many_rows.xlsx")
    assert issues[0].params["limit"] == MAX_RISKS == 2_000
    assert issue_message(issues[0], EN).startswith(
        "The “Registre” sheet has more than 2,000 lines: a register holds at most 2,000."
    )


# --------------------------------------------------------------------------- merge


def test_merge_replaces_same_ids_and_adds_new_ones(scic: RiskSection) -> None:
    section = scic
    risks, _ = read_register_xlsx(register_template_xlsx(), default_matrix(4))
    # 4×4 template line: likelihood 4, impact 3 fit; its id R01 is new for the SCIC.
    assert risks is not None
    assert replaced_ids(section, risks) == []
    merged, issues = merge_register(section, risks)
    assert issues == [] and merged is not None
    assert [r.id for r in merged.risks][-1] == "R01"
    assert len(merged.risks) == len(section.risks) + 1
    replaced = risks[0].model_copy(update={"id": "S01"})
    assert replaced_ids(section, [replaced]) == ["S01"]
    merged2, _ = merge_register(section, [replaced])
    assert merged2 is not None and len(merged2.risks) == len(section.risks)
    s01 = merged2.risk("S01")
    assert s01 is not None and s01.title == "Retard de versement des subventions"
    assert merged2.continuity == section.continuity


# --------------------------------------------------------------------------- properties


@given(st.binary(max_size=3000))
def test_register_import_never_crashes_on_arbitrary_bytes(raw: bytes) -> None:
    risks, issues = read_register_xlsx(raw, default_matrix(5), file="x.xlsx")
    assert risks is None and issues
    keeps_the_contract(issues)


CELL = st.one_of(
    st.none(),
    st.text(max_size=40).map(lambda t: re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", t)),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1900, 3, 1)),
    st.booleans(),
    st.sampled_from(["R01", "Financier", "digital", "Réduire", "31/02/2026", "4", "3,0", "1e400"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=0, max_size=20), min_size=0, max_size=6))
def test_any_cells_under_the_template_headers_keep_the_contract(rows: list[list[Any]]) -> None:
    """Whatever is typed under the headers: valid risks and French located issues, never a raise."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Registre"
    ws.append(list(REGISTER_COLUMNS))
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    risks, issues = read_register_xlsx(buf.getvalue(), default_matrix(5), file="r.xlsx")
    assert risks is not None
    keeps_the_contract(issues)
    assert all(i.code != "reader_failed" for i in issues)
    set_aside = {i.line for i in issues if i.severity is Severity.ERROR}
    filled = [
        n
        for n, row in enumerate(rows, start=2)
        if any(v is not None and str(v).strip() for v in row)
    ]
    assert len(risks) + len(set_aside) <= len(filled)

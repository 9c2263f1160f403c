"""Write the bad-input corpus of the risk register (run from the repository root).

    python tests/data/risks/make_corpus.py

Each file holds one kind of mistake a director makes when filling the import
template or editing a dossier by hand, or the smallest damaged workbook that
once let an exception out of the importer (issue #10, :data:`DAMAGED`);
README.md says which and what essdiag must answer. The files are committed:
this script only documents how they were made.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parent))

import damaged_workbooks as damage  # noqa: E402

SHEET = "xl/worksheets/sheet1.xml"  # the template's sheet « Registre »

REGISTER = (
    "Identifiant",
    "Intitulé",
    "Catégorie",
    "Cause",
    "Conséquence",
    "Responsable",
    "Date d'identification",
    "Probabilité brute",
    "Gravité brute",
    "Mesures existantes",
    "Probabilité résiduelle",
    "Gravité résiduelle",
    "Justification du résiduel",
    "Traitement",
    "Détail du traitement",
    "Prochaine revue",
    "Financeur concerné",
    "Compétence concernée",
)
ACTIONS = (
    "Identifiant du risque",
    "Action",
    "Responsable",
    "Date de création",
    "Échéance",
    "Statut",
)


def _row(**over: object) -> list[object]:
    base: dict[str, object] = {
        "Identifiant": "R01",
        "Intitulé": "Retard de versement des subventions",
        "Catégorie": "Financier",
        "Probabilité brute": 4,
        "Gravité brute": 3,
    }
    base.update(over)
    return [base.get(c) for c in REGISTER]


def _book(
    name: str,
    register: list[list[object]],
    actions: list[list[object]] | None = None,
    header: tuple[str, ...] = REGISTER,
    sheet: str = "Registre",
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(list(header))
    for row in register:
        ws.append(row)
    if actions is not None:
        wa = wb.create_sheet("Actions")
        wa.append(list(ACTIONS))
        for row in actions:
            wa.append(row)
    wb.save(HERE / name)


def _section(name: str, data: dict[str, object]) -> None:
    (HERE / name).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def _risk(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "R01",
        "title": "Épuisement des bénévoles",
        "category": "human",
        "inherent": {"likelihood": 3, "impact": 3, "matrix_version": 1},
    }
    base.update(over)
    return base


def _template() -> bytes:
    from essdiag.risks.importer import register_template_xlsx

    return register_template_xlsx(example=True)


def _rezip(raw: bytes, replace: dict[str, bytes]) -> bytes:
    return damage.rezip(raw, replace)


def _sheet_xml(raw: bytes) -> bytes:
    return damage.member(raw, SHEET)


def _cell(ref: str, xml: str) -> Callable[[], bytes]:
    """The template with one cell of the register's example line replaced."""

    def make() -> bytes:
        raw = _template()
        sheet = _sheet_xml(raw).decode()
        sheet = re.sub(rf'<c r="{ref}"[^>]*>.*?</c>', xml, sheet, count=1)
        return _rezip(raw, {SHEET: sheet.encode()})

    return make


def zlib_error() -> bytes:
    """zlib.error escaped: the deflate stream of the register sheet damaged in its middle."""
    return damage.zlib_error(_template(), SHEET)


def truncated() -> bytes:
    """zipfile.BadZipFile escaped: the workbook cut in half (a download that stopped)."""
    raw = _template()
    return raw[: len(raw) // 2]


def xml_syntax_error() -> bytes:
    """An XML parse error escaped: the register sheet cut in the middle of a tag."""
    return damage.xml_cut(_template(), SHEET)


def workbook_xml_error() -> bytes:
    """ParseError escaped while opening: the workbook part itself is not XML."""
    return damage.workbook_xml_error(_template())


def unsupported_compression() -> bytes:
    """NotImplementedError escaped: a member marked with a compression zipfile cannot read."""
    return damage.unsupported_compression(_template(), SHEET)


def multi_disk() -> bytes:
    """A zip that says it spans two disks (the end record's disk numbers set to 1)."""
    return damage.multi_disk(_template())


def huge_dimension() -> bytes:
    """3.8 GB reached: a 5 KB workbook whose register declares the whole grid A1:XFD1048576."""
    return damage.huge_dimension(_template(), SHEET)


def zip_bomb() -> bytes:
    """Minutes of work: a register sheet that inflates a thousand times (4 MB from a few KB)."""
    return damage.zip_bomb(_template(), SHEET)


def far_column() -> bytes:
    """A cell in the last column (XFD2): 16,384 columns, read up to the limit only."""
    raw = _template()
    sheet = _sheet_xml(raw).decode()
    cut = sheet.index("</row>", sheet.index('<row r="2"'))
    sheet = sheet[:cut] + '<c r="XFD2" t="inlineStr"><is><t>loin</t></is></c>' + sheet[cut:]
    return _rezip(raw, {SHEET: sheet.encode()})


def too_many_rows() -> bytes:
    """More lines than a register holds (2,001 risks: nothing is imported)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Registre"
    ws.append(list(REGISTER[:9]))
    for i in range(2_001):
        ws.append([f"R{i}", "Risque", "Financier", None, None, None, None, 2, 2])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


DAMAGED: dict[str, Callable[[], bytes]] = {
    # openpyxl's cell errors, once out of the importer as they were:
    "shared_string_not_int.xlsx": _cell("A2", '<c r="A2" t="s"><v>R01</v></c>'),  # int()
    "shared_string_missing.xlsx": _cell("A2", '<c r="A2" t="s"><v>99999</v></c>'),  # IndexError
    "impossible_date.xlsx": _cell("G2", '<c r="G2" t="d"><v>20261399</v></c>'),  # datetime
    # the archive and its XML:
    "zlib_error.xlsx": zlib_error,
    "truncated.xlsx": truncated,
    "xml_syntax_error.xlsx": xml_syntax_error,
    "workbook_xml_error.xlsx": workbook_xml_error,
    "unsupported_compression.xlsx": unsupported_compression,
    "multi_disk.xlsx": multi_disk,
    # size:
    "huge_dimension.xlsx": huge_dimension,
    "zip_bomb.xlsx": zip_bomb,
    "far_column.xlsx": far_column,
    "too_many_rows.xlsx": too_many_rows,
}
"""The damaged workbooks (issue #10), each the smallest that showed one failure."""


def main() -> None:
    for name, make in DAMAGED.items():
        (HERE / name).write_bytes(make())
    _book("unknown_category.xlsx", [_row(Catégorie="Climatique")])
    _book(
        "likelihood_outside.xlsx",
        [_row(**{"Probabilité brute": 7}), _row(Identifiant="R02", **{"Gravité brute": "élevée"})],
    )
    _book(
        "due_before_creation.xlsx",
        [_row()],
        actions=[
            ["R01", "Négocier un prêt relais", "Trésorier", "01/03/2026", "01/02/2026", "À faire"]
        ],
    )
    _book("missing_columns.xlsx", [_row()[:8]], header=REGISTER[:8])
    _book("no_register_sheet.xlsx", [_row()], sheet="Feuil1")
    (HERE / "not_xlsx.xlsx").write_bytes(b"Identifiant;Intitule\nR01;Retard\n")
    _book(
        "mixed.xlsx",
        [
            _row(),
            _row(Identifiant="R01", Intitulé="Doublon"),
            _row(Identifiant="R03", **{"Prochaine revue": "31/02/2026"}),
            _row(Identifiant="R04", Traitement="Ignorer"),
            _row(Identifiant="R05", **{"Probabilité résiduelle": 2}),
        ],
        actions=[["R09", "Action orpheline", "", None, None, None]],
    )
    _section("section_unknown_category.json", {"risks": [_risk(category="climate")]})
    four = {
        "version": 1,
        "size": 4,
        "likelihood": [{"label": x} for x in ("Rare", "Peu probable", "Probable", "Très probable")],
        "impact": [{"label": x} for x in ("Mineur", "Significatif", "Majeur", "Critique")],
        "bands": [
            {"label": "Faible", "colour": "#56B4E9", "max_score": 3},
            {"label": "Modéré", "colour": "#F0E442", "max_score": 6},
            {"label": "Élevé", "colour": "#E69F00", "max_score": 9},
            {"label": "Critique", "colour": "#D55E00", "max_score": 16},
        ],
    }
    _section(
        "section_likelihood_outside.json",
        {
            "matrices": [four],
            "risks": [_risk(inherent={"likelihood": 5, "impact": 2, "matrix_version": 1})],
        },
    )
    _section(
        "section_due_before_creation.json",
        {
            "risks": [
                _risk(
                    created_on="2026-03-01",
                    actions=[
                        {"title": "Recruter", "created_on": "2026-03-01", "due_on": "2026-02-01"}
                    ],
                )
            ]
        },
    )
    _section(
        "section_unknown_matrix_version.json",
        {"risks": [_risk(inherent={"likelihood": 2, "impact": 2, "matrix_version": 3})]},
    )
    _section(
        "section_continuity_unknown_risk.json",
        {
            "risks": [_risk()],
            "continuity": [{"id": "C01", "activity": "Boutique", "risk_ids": ["R01", "R99"]}],
        },
    )
    bad_bands = dict(four, bands=four["bands"][:3])  # type: ignore[index]
    _section("section_bad_bands.json", {"matrices": [bad_bands]})


if __name__ == "__main__":
    main()

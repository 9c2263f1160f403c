"""Views: a table declared once, shown on screen, downloaded as CSV and written to XLSX."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from essdiag.figures import Column, View, format_cell
from essdiag.i18n import MINUS, N_, LabelledEnum, translator

FR, EN = translator("fr"), translator("en")
NNBSP, NBSP = "\u202f", "\u00a0"


class Kind(LabelledEnum):
    GIFT = "gift", N_("Don")
    OTHER = "other", N_("Autre chose d'inconnu")


def sample() -> View:
    frame = pd.DataFrame(
        {
            "who": ['=HYPERLINK("x")', "Région; Sud", "ligne\n2", "-5 au compte"],
            # dtype=object: pandas 3 would infer its ``str`` dtype and drop the members.
            "kind": pd.Series([Kind.GIFT, Kind.OTHER, Kind.GIFT, None], dtype=object),
            "amount": [-12299.5, 1234.0, math.nan, 0.25],
            "share": [0.125, 1.0, None, 0.5],
            "n": [1234, 2, 0, -3],
            "month": ["2026-10", "2026-11", "2026-12", None],
            "day": [date(2026, 10, 31), None, date(2026, 1, 2), date(2026, 2, 3)],
            "ok": [True, False, True, False],
            "extra": [1, 2, 3, 4],  # in the frame for a chart, not shown
        }
    )
    return View(
        (
            Column("who", N_("Financeur")),
            Column("kind", N_("Nature"), "label"),
            Column("amount", N_("Montant"), "EUR", digits=0),
            Column("share", N_("Part"), "%"),
            Column("n", N_("Nombre"), "count"),
            Column("month", N_("Mois"), "month"),
            Column("day", N_("Date"), "date"),
            Column("ok", N_("Oui ?"), "bool"),
        ),
        frame,
        title=N_("Financeurs"),
    )


def test_display_writes_every_value_by_its_unit_in_french() -> None:
    shown = sample().display(FR)
    assert list(shown.columns) == [
        "Financeur",
        "Nature",
        "Montant",
        "Part",
        "Nombre",
        "Mois",
        "Date",
        "Oui ?",
    ]
    assert shown.iloc[0].tolist() == [
        '=HYPERLINK("x")',
        "Don",
        f"{MINUS}12{NNBSP}300{NBSP}€",
        f"12,5{NBSP}%",
        f"1{NNBSP}234",
        "octobre 2026",
        "31 oct. 2026",
        "Oui",
    ]
    assert shown.iloc[2]["Montant"] == shown.iloc[2]["Part"] == "–"  # NaN and None are gaps
    assert shown.iloc[3]["Nature"] == shown.iloc[3]["Mois"] == "–"
    assert shown.iloc[3]["Nombre"] == f"{MINUS}3"  # the typographic minus on screen
    assert shown.iloc[1]["Date"] == "–"


def test_display_in_english_translates_labels_and_words() -> None:
    view = sample()
    shown = view.display(EN)
    assert list(shown.columns) == [EN(c.label) for c in view.columns]
    assert shown.iloc[0].tolist()[1:] == [
        EN("Don"),
        f"{MINUS}€12,300",
        "12.5%",
        "1,234",
        "October 2026",
        "31 Oct 2026",
        "Yes",
    ]
    assert shown.iloc[1].tolist()[-1] == "No"


def test_csv_opens_in_a_french_spreadsheet_with_numbers() -> None:
    raw = sample().csv(FR)
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    text = raw.decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0] == "Financeur;Nature;Montant (€);Part (%);Nombre;Mois;Date;Oui ?"
    # A formula is neutralised by a leading apostrophe, then quoted for its quotes.
    assert lines[1] == '"\'=HYPERLINK(""x"")";Don;-12299,5;12,5;1234;octobre 2026;31/10/2026;Oui'
    assert lines[2] == '"Région; Sud";Autre chose d\'inconnu;1234;100;2;novembre 2026;;Non'
    assert lines[3].startswith('"ligne\n2";Don;;;0;')  # a line break is quoted, gaps are empty
    assert lines[4].startswith("'-5 au compte;;0,25;50;-3;;03/02/2026;")
    assert MINUS not in text and NNBSP not in text  # ASCII minus, no grouping
    assert text.endswith("\r\n")


def test_csv_in_english_keeps_the_spreadsheet_format_and_translates_words() -> None:
    lines = sample().csv(EN).decode("utf-8-sig").split("\r\n")
    assert lines[0].split(";")[2:4] == [EN("Montant") + " (€)", EN("Part") + " (%)"]
    assert lines[1].split(";")[1:4] == [EN("Don"), "-12299,5", "12,5"]
    assert lines[2].endswith(";November 2026;;No")


def test_infinite_numbers_are_left_empty_in_the_csv() -> None:
    view = View((Column("x", "x", "ratio"),), pd.DataFrame({"x": [math.inf, 1.5]}))
    assert view.csv(FR).decode("utf-8-sig").split("\r\n")[1:3] == ["", "1,5"]


def test_cells_keep_numbers_and_dates_typed_for_a_workbook() -> None:
    rows = sample().cells(FR)
    assert rows[0] == [
        '=HYPERLINK("x")',  # xlsx.write_table neutralises text when it writes it
        "Don",
        -12299.5,
        0.125,
        1234,
        "octobre 2026",
        date(2026, 10, 31),
        "Oui",
    ]
    assert isinstance(rows[0][4], int)
    assert rows[2][2] is None and rows[2][3] is None
    assert sample().headers(EN)[0] == EN("Financeur")


def test_select_and_rows_where_keep_the_declarations() -> None:
    view = sample()
    picked = view.select(["n", "who"])
    assert [c.key for c in picked.columns] == ["n", "who"]
    assert picked.title == view.title and len(picked) == 4
    positive = view.rows_where(view.frame["n"] > 0)
    assert positive.values("n") == [1234, 2]
    assert list(positive.frame.index) == [0, 1]
    assert positive.display(FR)["Nombre"].tolist() == [f"1{NNBSP}234", "2"]
    assert view.rows_where([False] * 4).empty
    assert view.label("day", EN) == "Date"
    with pytest.raises(KeyError):
        view.column("nope")


def test_a_declared_column_must_be_in_the_frame() -> None:
    with pytest.raises(ValueError, match="missing from its frame"):
        View((Column("a", "A"),), pd.DataFrame({"b": [1]}))


def test_an_empty_view_still_has_its_headers() -> None:
    view = sample().rows_where([False] * 4)
    assert view.headers(FR)[0] == view.display(FR).columns[0] == "Financeur"
    assert view.csv(FR).decode("utf-8-sig") == (
        "Financeur;Nature;Montant (€);Part (%);Nombre;Mois;Date;Oui ?\r\n"
    )
    assert view.cells(FR) == []


@pytest.mark.parametrize(
    ("value", "column", "shown"),
    [
        (0.125, Column("s", "Part", "%"), f"12,5{NBSP}%"),
        (12.02, Column("r", "Taux", "EUR/h"), f"12,02{NBSP}€ /h"),
        (3.14159, Column("r", "Ratio", "ratio", digits=3), "3,142"),
        (40, Column("d", "Durée", "jours"), "40 jours"),
        ("Don", Column("w", "Nature", "label"), "Don"),
        ("texte libre", Column("t", "Texte"), "texte libre"),
        (None, Column("t", "Texte"), "–"),
    ],
)
def test_format_cell(value: object, column: Column, shown: str) -> None:
    assert format_cell(value, column, FR) == shown


def test_a_column_of_choices_built_from_a_plain_list_shows_its_labels() -> None:
    # pandas 3 stores a list of LabelledEnum members (a str subclass) as its str dtype: the
    # frame holds "gift", so the column names its choices to show the label.
    frame = pd.DataFrame({"k": [Kind.GIFT]})
    assert frame["k"].iloc[0] == "gift"
    view = View((Column("k", "Nature", "text", choices=Kind),), frame)
    assert view.display(FR).iloc[0, 0] == "Don"
    assert view.csv(FR).decode("utf-8-sig").splitlines()[1] == "Don"


def test_a_moment_is_shown_to_the_minute_in_paris_time() -> None:
    from datetime import UTC, datetime

    saved = datetime(2026, 12, 1, 20, 58, 26, tzinfo=UTC)  # 21:58 in Paris (UTC+1 in winter)
    view = View((Column("at", "Enregistré", "datetime"),), pd.DataFrame({"at": [saved]}))
    assert view.display(FR).iloc[0, 0] == "01/12/2026 21:58"
    assert view.csv(FR).decode("utf-8-sig").splitlines()[1] == "01/12/2026 21:58"
    assert view.cells(FR) == [[datetime(2026, 12, 1, 21, 58, 26)]]  # noqa: DTZ001 - naive Paris
    assert not view.columns[0].numeric


def test_a_view_of_rows_keeps_enum_members_dates_and_gaps() -> None:
    from datetime import date

    view = View.of(
        (Column("k", "Nature"), Column("d", "Date", "date"), Column("x", "Montant", "EUR")),
        [{"k": Kind.GIFT, "d": date(2026, 10, 31), "x": None, "extra": 1}],
    )
    assert view.frame["k"].iloc[0] is Kind.GIFT
    assert view.display(FR).iloc[0].tolist() == ["Don", "31 oct. 2026", "–"]
    assert "extra" in view.frame.columns  # kept for charts, not shown

"""Views: a library table that declares its columns once (key, label, unit).

Where it sits: a domain computation returns a :class:`View` (raw values in a
DataFrame keyed by stable English column names, and the :class:`Column`
declarations that say what each column is). The same view then feeds

* the screen (:meth:`View.display`: labels and values in the reader's
  language, one format per kind of value),
* the chart beside it (the builder reads :attr:`View.frame` by key and takes
  its axis titles from the columns),
* the CSV download (:meth:`View.csv`: numbers a French spreadsheet can sum)
  and the XLSX exports (:meth:`View.cells`: raw numbers and dates),

so a table is described in one place and never twice.

Units are those of :func:`~essdiag.figures.figure.format_value` (``EUR``,
``%``, ``ratio``, ``count``, a unit word) plus ``text`` (shown as it is),
``label`` (a French word of the library, translated), ``author`` (a name, or
:data:`~essdiag.i18n.ANONYMOUS` translated), ``date``, ``datetime``
(a moment, shown in Paris time to the minute), ``month`` (a month key,
written « octobre 2026 ») and ``bool``. A :class:`~essdiag.i18n.LabelledEnum`
value shows its translated label; so does a plain value of a column declared
with ``choices=`` (pandas may store enum members as plain text).

Example:
    >>> import pandas as pd
    >>> from essdiag.i18n import translator
    >>> v = View(
    ...     (Column("name", "Financeur"), Column("amount", "Montant", "EUR", digits=0)),
    ...     pd.DataFrame({"name": ["Région"], "amount": [-12299.5]}),
    ... )
    >>> v.display(translator("fr")).iloc[0].tolist()
    ['Région', '−12\u202f300\xa0€']
    >>> v.csv(translator("fr")).decode("utf-8-sig").splitlines()
    ['Financeur;Montant (€)', 'Région;-12299,5']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pandas as pd

from essdiag.figures.figure import format_value
from essdiag.i18n import DISPLAY_TZ, N_, LabelledEnum, Translator
from essdiag.periods import month_title
from essdiag.xlsx import safe_text

__all__ = ["Column", "View", "format_cell", "write_csv"]

_TEXT_UNITS = ("text", "")
_NOT_NUMERIC = ("text", "", "label", "author", "date", "datetime", "month", "bool")
_MONEY = ("EUR", "EUR/h")
_PERCENT = ("%", "share")
_YES, _NO = N_("Oui"), N_("Non")
_CSV_SUFFIX = {"EUR": " (€)", "EUR/h": " (€/h)", "%": " (%)", "share": " (%)"}


@dataclass(frozen=True)
class Column:
    """One column of a view.

    Attributes:
        key: stable English name of the column in :attr:`View.frame`.
        label: French label (marked with ``N_``), translated where shown.
        unit: what the values are (see the module docstring).
        digits: decimals shown, when the unit's default does not suit.
        help: a French sentence that says what the column holds.
        choices: the :class:`~essdiag.i18n.LabelledEnum` whose labels the
            column's values stand for, when it holds enum values.
    """

    key: str
    label: str
    unit: str = "text"
    digits: int | None = None
    help: str = ""
    choices: type[LabelledEnum] | None = None

    @property
    def numeric(self) -> bool:
        """True when the column holds numbers (shown aligned to the right)."""
        return self.choices is None and self.unit not in _NOT_NUMERIC


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def format_cell(value: Any, column: Column, tr: Translator) -> str:  # noqa: PLR0911 - a return per kind of value
    """A value of a column written for the reader (``–`` for a gap).

    Example:
        >>> from essdiag.i18n import translator
        >>> format_cell(0.125, Column("s", "Part", "%"), translator("fr"))
        '12,5\xa0%'
        >>> format_cell("2026-10", Column("m", "Mois", "month"), translator("en"))
        'October 2026'
    """
    if _missing(value):
        return "–"
    if isinstance(value, LabelledEnum):
        return tr(value.label)
    if column.choices is not None and str(value) in column.choices._value2member_map_:
        return tr(column.choices(str(value)).label)
    unit = column.unit
    if unit in _TEXT_UNITS:
        return str(value)
    if unit == "label":
        return tr(str(value))
    if unit == "author":
        return tr.author(str(value))
    if unit == "bool":
        return tr(_YES) if bool(value) else tr(_NO)
    if unit == "datetime" and isinstance(value, datetime):
        return tr.date(_paris(value).date(), "short") + " " + _paris(value).strftime("%H:%M")
    if unit == "date":
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(DISPLAY_TZ)
        return tr.date(value) if isinstance(value, date) else str(value)
    if unit == "month":
        return month_title(str(value), tr)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return format_value(value, unit, tr, column.digits)
    return str(value)


def _paris(value: datetime) -> datetime:
    """An aware moment in Paris time, naive (what a French reader and a spreadsheet expect)."""
    if value.tzinfo is not None:
        value = value.astimezone(DISPLAY_TZ).replace(tzinfo=None)
    return value


def _csv_number(value: float) -> str:
    """A number for a French spreadsheet: decimal comma, ASCII minus, no grouping, no unit."""
    text = repr(round(value, 6)) if not float(value).is_integer() else str(int(value))
    return text.replace(".", ",")


def _csv_value(value: Any, column: Column, tr: Translator) -> Any:
    """A view's value as :func:`write_csv` writes it: None, a number, a date or text."""
    if _missing(value):
        return None
    unit = column.unit
    if isinstance(value, bool) and unit == "bool":
        return tr(_YES) if value else tr(_NO)
    if unit == "datetime" and isinstance(value, datetime):
        return _paris(value)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return float(value) * 100 if unit in _PERCENT else value
    if unit == "date" and isinstance(value, date):
        if isinstance(value, datetime) and value.tzinfo is not None:
            value = value.astimezone(DISPLAY_TZ)
        return value.date() if isinstance(value, datetime) else value
    return format_cell(value, column, tr)


def _csv_text(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = float(value)
        return _csv_number(number) if math.isfinite(number) else ""
    if isinstance(value, datetime):
        return _paris(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return safe_text(str(value))


def _csv_field(text: str) -> str:
    """One CSV field, quoted when it holds the separator, a quote or a line break."""
    if any(c in text for c in ';"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A CSV that a French spreadsheet opens with numbers, and where no cell runs as a formula.

    Every CSV that essdiag writes goes through here (:meth:`View.csv` too).
    ``;`` separator, UTF-8 with BOM, CRLF line ends. Numbers (``int``,
    ``float``, ``Decimal``) are written with a decimal comma, an ASCII minus
    and no grouping, so they stay numbers (``-1`` is minus one); infinite and
    missing values are empty; dates are ``JJ/MM/AAAA`` (moments with the
    time); any other value is text, and text that a spreadsheet could run as a
    formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return first) gets
    a leading apostrophe, as in the XLSX exports.

    Example:
        >>> rows = [["=HYPERLINK(1)", -1], ["+cmd|' /C calc'!A0", -0.5], ["-abc", None]]
        >>> write_csv(["Texte", "Nombre"], rows).decode("utf-8-sig").splitlines()
        ['Texte;Nombre', "'=HYPERLINK(1);-1", "'+cmd|' /C calc'!A0;-0,5", "'-abc;"]
    """
    lines = [";".join(_csv_field(_csv_text(h)) for h in headers)]
    lines += [";".join(_csv_field(_csv_text(v)) for v in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


@dataclass(frozen=True)
class View:
    """A table of the library: raw values and the columns that describe them.

    Attributes:
        columns: the columns shown, in order.
        frame: the raw values, one DataFrame column per :attr:`Column.key`
            (it may hold more columns, for charts, than are shown).
        title: French title of the table (file names, export sheets).
    """

    columns: tuple[Column, ...]
    frame: pd.DataFrame = field(compare=False)
    title: str = ""

    def __post_init__(self) -> None:
        missing = [c.key for c in self.columns if c.key not in self.frame.columns]
        if missing:
            raise ValueError(f"view columns missing from its frame: {missing}")

    @classmethod
    def of(
        cls, columns: Sequence[Column], rows: Iterable[Mapping[str, Any]], title: str = ""
    ) -> View:
        """A view from rows of raw values (dicts keyed by column key).

        Values are kept as they are (object columns), so enum members, dates
        and ``None`` survive pandas' type inference.
        """
        keys = [c.key for c in columns]
        records = list(rows)
        extra = [k for r in records for k in r if k not in keys]
        names = keys + list(dict.fromkeys(extra))
        frame = pd.DataFrame(
            {k: pd.Series([r.get(k) for r in records], dtype="object") for k in names}
        )
        return cls(tuple(columns), frame, title)

    @property
    def empty(self) -> bool:
        """True when the view has no row."""
        return bool(self.frame.empty)

    def __len__(self) -> int:
        return len(self.frame)

    def column(self, key: str) -> Column:
        """The declaration of a column, by key."""
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    def label(self, key: str, tr: Translator) -> str:
        """The translated label of a column (for a chart's axis or legend)."""
        return tr(self.column(key).label)

    def values(self, key: str) -> list[Any]:
        """The raw values of a column."""
        return list(self.frame[key])

    def select(self, keys: Iterable[str]) -> View:
        """The same rows with only some of the columns, in that order."""
        return View(tuple(self.column(k) for k in keys), self.frame, self.title)

    def rows_where(self, mask: Sequence[bool] | pd.Series) -> View:
        """The rows where ``mask`` is true, same columns."""
        return View(self.columns, self.frame[list(mask)].reset_index(drop=True), self.title)

    def display(self, tr: Translator) -> pd.DataFrame:
        """The table as the reader sees it: translated labels, values written by their unit."""
        return pd.DataFrame(
            {
                tr(c.label): pd.Series(
                    [format_cell(v, c, tr) for v in self.frame[c.key]], dtype="object"
                )
                for c in self.columns
            }
        )

    def headers(self, tr: Translator) -> list[str]:
        """Translated column labels, in order."""
        return [tr(c.label) for c in self.columns]

    def cells(self, tr: Translator) -> list[list[Any]]:
        """Rows of raw values for a workbook: numbers and dates stay typed, words translated."""
        out = []
        for record in self.frame[[c.key for c in self.columns]].itertuples(index=False):
            row: list[Any] = []
            for value, c in zip(record, self.columns, strict=True):
                if _missing(value):
                    row.append(None)
                elif isinstance(value, datetime):
                    row.append(_paris(value))
                elif isinstance(value, int | float | Decimal | date) and not isinstance(
                    value, bool
                ):
                    row.append(value)
                else:
                    row.append(format_cell(value, c, tr))
            out.append(row)
        return out

    def csv(self, tr: Translator) -> bytes:
        """The table as a CSV that a French spreadsheet opens with numbers (:func:`write_csv`).

        ``;`` separator, decimal comma, UTF-8 with BOM, ASCII minus, no
        grouping and no unit in cells (the unit is in the header), percentages
        as numbers of percent, whole labels, and text that could run as a
        formula neutralised with a leading apostrophe.
        """
        head = [tr(c.label) + _CSV_SUFFIX.get(c.unit, "") for c in self.columns]
        keys = [c.key for c in self.columns]
        rows = (
            [_csv_value(v, c, tr) for v, c in zip(record, self.columns, strict=True)]
            for record in self.frame[keys].itertuples(index=False)
        )
        return write_csv(head, rows)

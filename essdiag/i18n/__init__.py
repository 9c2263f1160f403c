"""Translation and French-first formatting, one translator per session.

Messages are written in French in the code (the users' language) and marked
with ``_()`` in pages or :func:`essdiag.errors.N_` in the library; the English
catalog ``locales/en/LC_MESSAGES/messages.po`` translates them. Catalogs are
read with babel (no compiled ``.mo`` needed, never ``gettext.install``), and a
:class:`Translator` is a small immutable object each session holds.

Numbers, money, percentages and dates go through babel's CLDR data, so French
gets ``1 234,56 €`` (narrow no-break space) and English ``€1,234.56``.

Example:
    >>> fr = translator("fr")
    >>> fr.money(1234.56)
    '1\u202f234,56\xa0€'
    >>> translator("en")("Accueil")
    'Home'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from functools import cache
from importlib.resources import files
from typing import Any, Self
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent, format_scientific

__all__ = [
    "ANONYMOUS",
    "LANGUAGES",
    "MINUS",
    "N_",
    "LabelledEnum",
    "Money",
    "MonthKey",
    "Quotient",
    "Translator",
    "translator",
]


def N_(message: str) -> str:  # noqa: N802 - gettext's conventional marker name
    """Mark a French message for extraction without translating it here."""
    return message


class Money(Decimal):
    """An amount in euros given to a message: the reader's translator writes it as money.

    Example:
        >>> translator("fr").fill("écart {gap}", {"gap": Money.of_cents(-31559510)})
        'écart −315\u202f595,10\xa0€'
    """

    @classmethod
    def of_cents(cls, cents: int) -> Money:
        """An amount from integer cents (exact)."""
        return cls(Decimal(int(cents)).scaleb(-2))


class Quotient(Decimal):
    """A quotient given to a message, written with two decimals as a figure in ``ratio`` shows it.

    Example:
        >>> translator("fr").fill("vaut {ratio} fois", {"ratio": Quotient(2)})
        'vaut 2,00 fois'
    """


class MonthKey(str):
    """A month key (``"2026-10"``) given to a message: the translator writes it out (« octobre 2026 »)."""

    __slots__ = ()


class LabelledEnum(StrEnum):
    """A choice whose members carry their French label, translated where it is shown.

    Members are written ``NAME = "value", N_("Libellé")``; the value is what
    files and the database keep, the label what a reader sees
    (``tr(member.label)``), so no parallel ``*_LABELS`` dict is needed.

    Example:
        >>> class Colour(LabelledEnum):
        ...     RED = "red", N_("Rouge")
        >>> Colour("red").label, Colour.RED.value, str(Colour.RED)
        ('Rouge', 'red', 'red')
    """

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member

    @classmethod
    def labels(cls) -> dict[Self, str]:
        """Every member with its French label, in declaration order."""
        return {m: m.label for m in cls}


LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}
"""Languages offered, French first."""

DISPLAY_TZ = ZoneInfo("Europe/Paris")
"""Times are shown in French legal time, whatever zone the database returned them in."""


Number = int | float | Decimal


ANONYMOUS = N_("anonyme")
"""Who saved a revision when they gave no name: stored in French, translated where shown."""

MINUS = "\u2212"
"""The minus sign a reader sees (U+2212, as plotly writes it on chart axes); files keep ``-``."""


def _missing(value: Number | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


HUGE = 1e15
"""Beyond this magnitude a number is written in scientific form (« 1,5E20 »): grouping its digits
would be unreadable, and babel cannot group a float near 1e308."""


def _too_big(value: Number) -> bool:
    if not isinstance(value, float | Decimal):
        return False
    number = float(value)
    return not math.isfinite(number) or abs(number) >= HUGE


_IDENTIFIERS = frozenset(
    {"year", "line", "row", "month", "revision", "rev", "version", "number", "pos", "q", "known"}
)
"""Message parameters that name something (a year, a line) rather than count it: no grouping."""


def _is_identifier(key: str, value: Any) -> bool:
    return isinstance(value, int) and (key in _IDENTIFIERS or key.endswith(("_year", "_line")))


def _euros(value: Number, digits: int, lang: str) -> str:
    """An amount in euros the way babel writes it for ``fr_FR``/``en_GB``, five times faster.

    Tables format thousands of amounts per rerun, and babel parses and applies
    its pattern for each one. Same rules: a float goes through ``str`` to
    ``Decimal``, rounded half to even at ``digits``; digits grouped by three
    (narrow no-break space in French, comma in English); « 1 234,56 € »,
    « €1,234.56 »; a negative sign written as the typographic minus.
    """
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    rounded = number.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_EVEN)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    group, point = ("\u202f", ",") if lang == "fr" else (",", ".")
    head = len(whole) % 3 or 3
    grouped = whole[:head] + "".join(group + whole[i : i + 3] for i in range(head, len(whole), 3))
    shown = grouped + (point + fraction if digits else "")
    text = f"{shown}\xa0€" if lang == "fr" else f"€{shown}"
    return MINUS + text if rounded.is_signed() else text


def _minus(text: str) -> str:
    """Babel's hyphen-minus as the typographic minus, so every screen writes negatives alike."""
    return text.replace("-", MINUS, 1) if "-" in text[:3] else text


@cache
def _catalog(lang: str) -> dict[str, str]:
    """msgid → msgstr for a language, merged from every ``.po`` of its folder.

    French is the source language: its catalog is empty. Each domain may keep
    its own ``<domain>.po`` beside ``messages.po``.
    """
    if lang == "fr":
        return {}
    folder = files("essdiag.i18n").joinpath(f"locales/{lang}/LC_MESSAGES")
    merged: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".po"):
            continue
        with entry.open("rb") as fh:
            catalog = read_po(fh)
        merged.update(
            {
                str(m.id): str(m.string)
                for m in catalog
                if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
            }
        )
    return merged


class Translator:
    """Translate messages and format values for one language.

    Call it like gettext: ``_("Enregistrer")``; keyword arguments fill
    ``{placeholders}`` after translation.
    """

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang if lang in LANGUAGES else "fr"
        self.locale = Locale.parse("fr_FR" if self.lang == "fr" else "en_GB")
        self._messages = _catalog(self.lang)

    def __call__(self, message: str, **params: Any) -> str:
        text = self._messages.get(message, message)
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    gettext = __call__

    def author(self, name: str) -> str:
        """Who saved something: their name as written, :data:`ANONYMOUS` in the reader's language.

        Example:
            >>> translator("en").author("anonyme"), translator("en").author("Marie")
            ('anonymous', 'Marie')
        """
        return self(ANONYMOUS) if name in ("", ANONYMOUS) else name

    def fill(self, template: str, params: Mapping[str, Any], words: tuple[str, ...] = ()) -> str:
        """Translate a message template and fill it with values written the reader's way.

        Numbers and dates in ``params`` are raw (the library never formats
        them); they are written here in the reader's language. Parameters
        named in ``words`` are French words of the library and are translated
        too; other text (what the user typed) is left as it is.

        Example:
            >>> translator("fr").fill("{n} lignes, {x}", {"n": 1234, "x": 0.5})
            '1 234 lignes, 0,5'
            >>> translator("en").fill("{n} lignes, {x}", {"n": 1234, "x": 0.5})
            '1,234 lignes, 0.5'
            >>> translator("fr").fill("exercice {year}, ligne {line}", {"year": 2026, "line": 1200})
            'exercice 2026, ligne 1200'

        Parameters that name a year, a line, a month or a version (see
        ``_IDENTIFIERS``) are written without grouping.
        """
        shown = {
            k: self(v)
            if k in words and isinstance(v, str)
            else str(v)
            if _is_identifier(k, v)
            else self.value(v)
            for k, v in params.items()
        }
        text = self(template)
        try:
            return text.format(**shown)
        except (KeyError, IndexError, ValueError):
            return text

    def value(self, value: Any) -> str:  # noqa: PLR0911 - a return per kind of value
        """A parameter of a message written the reader's way (numbers, dates, labelled choices)."""
        if isinstance(value, LabelledEnum):
            return self(value.label)
        if isinstance(value, Money):
            return self.money(value)
        if isinstance(value, MonthKey):
            year, _, month = value.partition("-")
            if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12 and int(year) > 0:
                return self.date(date(int(year), int(month), 1), "LLLL y")
            return str(value)
        if isinstance(value, bool) or value is None:
            return self(N_("oui")) if value is True else self(N_("non")) if value is False else "–"
        if isinstance(value, int):
            return self.number(value)
        if isinstance(value, Quotient):
            return self.number(value, 2)
        if isinstance(value, float | Decimal):
            if _too_big(value):
                return self._scientific(value)
            rounded = round(float(value), 2)
            if rounded.is_integer():
                return self.number(rounded)
            return self.number(rounded, 1 if round(rounded, 1) == rounded else 2)
        if isinstance(value, datetime | date):
            return self.date(value, "short")
        return str(value)

    def number(self, value: Number | None, digits: int = 0) -> str:
        """A number with grouping and ``digits`` decimals; ``–`` when missing."""
        if value is None or _missing(value):
            return "–"
        if _too_big(value):
            return self._scientific(value)
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return _minus(str(format_decimal(value, format=pattern, locale=self.locale)))

    def _scientific(self, value: Number) -> str:
        """A huge or infinite number, written so that it can be read (« 1,5E20 », « ∞ »)."""
        if not math.isfinite(float(value)):
            return "∞" if float(value) > 0 else "−∞" if float(value) < 0 else "–"
        return _minus(str(format_scientific(value, "#.##E0", locale=self.locale)))

    def money(self, value: Number | None, digits: int = 2) -> str:
        """An amount in euros (``1 234,56 €``); ``–`` when missing."""
        if value is None or _missing(value):
            return "–"
        if _too_big(value):
            return self._scientific(value) + ("\xa0€" if self.lang == "fr" else " €")
        if digits in (0, 2):
            return _euros(value, digits, self.lang)
        pattern = "#,##0\xa0¤" if self.lang == "fr" else "¤#,##0"
        return _minus(
            str(
                format_currency(
                    value, "EUR", format=pattern, locale=self.locale, currency_digits=False
                )
            )
        )

    def percent(self, ratio: Number | None, digits: int = 1) -> str:
        """A ratio as a percentage (0.125 → ``12,5 %``); ``–`` when missing."""
        if ratio is None or _missing(ratio):
            return "–"
        if _too_big(ratio * 100):
            return self._scientific(ratio * 100) + ("\xa0%" if self.lang == "fr" else "%")
        pattern = str(self.locale.percent_formats[None].pattern)
        if digits:
            pattern = pattern.replace("#,##0", "#,##0." + "0" * digits, 1)
        return _minus(str(format_percent(ratio, format=pattern, locale=self.locale)))

    def date(self, value: date | datetime | None, fmt: str = "medium") -> str:
        """A date (``27 nov. 2026``); datetimes include the time, in Paris time.

        An aware datetime is shown in :data:`DISPLAY_TZ`, so a revision saved at
        the same instant reads the same from SQLite (UTC) and from PostgreSQL
        (the server's zone).
        """
        if value is None:
            return "–"
        if isinstance(value, datetime):
            if value.tzinfo is not None:
                value = value.astimezone(DISPLAY_TZ)
            return str(format_datetime(value, format=fmt, locale=self.locale))
        return str(format_date(value, format=fmt, locale=self.locale))


@cache
def translator(lang: str = "fr") -> Translator:
    """The shared, read-only translator of a language."""
    return Translator(lang)

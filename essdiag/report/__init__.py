"""Reports and exports (DOCX, PDF, XLSX, Markdown, CSV) built from computed results.

Exports never recompute: they take the same result models and DataFrames the
screens show.
"""

from __future__ import annotations

from essdiag.figures import Figure
from essdiag.i18n import Translator

__all__ = ["to_the_cent", "value_and_reading"]

_MONEY_UNITS = ("EUR", "EUR/h")


def to_the_cent(figure: Figure) -> Figure:
    """The figure with its amount written to the cent, as every other amount a person reads.

    Sentences (a :class:`~essdiag.i18n.Money` in a message) and the working
    (each input of « Comment est-ce calculé ? ») write euros to the cent: a
    headline rounded to the euro beside them would show a second value for
    the same amount (« 110 933 € » under « 110 933,19 € »). The screens'
    cards (:func:`essdiag.ui.widgets.figure_metric`) and the reports' figure
    lines write figures through it; other units keep the digits the library
    chose.

    Example:
        >>> from essdiag.figures import Figure
        >>> f = Figure.of("Trésorerie", 110933.19, "EUR", "Σ comptes 5", digits=0)
        >>> f.shown(), to_the_cent(f).shown()
        ('110\u202f933\xa0€', '110\u202f933,19\xa0€')
    """
    if figure.unit in _MONEY_UNITS and figure.digits is not None and figure.digits < 2:
        return figure.model_copy(update={"digits": None})
    return figure


def value_and_reading(figure: Figure, tr: Translator) -> tuple[str, str]:
    """A figure's value and its reading as a report line writes them: the value once.

    The value is written to the cent when it is money (:func:`to_the_cent`).
    A reading that restates the value, written the same way (« 25 points sur
    35 » for 25 points, « vaut 2,00 fois » for 2,00), takes its place, with no
    reading after it; otherwise the reading (or "") follows the value.

    Example:
        >>> from essdiag.i18n import translator
        >>> f = Figure.of("Retour de congé maternité", 15, "points", "–",
        ...               reading="{points} points sur {max}", reading_params={"points": 15, "max": 15})
        >>> value_and_reading(f, translator("fr"))
        ('15 points sur 15', '')
        >>> r = Figure.of("Écart", 2.5, "ratio", "–", reading="vaut {n} fois", reading_params={"n": 25})
        >>> value_and_reading(r, translator("fr"))
        ('2,50', 'vaut 25 fois')
    """
    value = to_the_cent(figure).shown(tr)
    reading = figure.read(tr)
    if reading.startswith(value) or _names(reading, value):
        return reading, ""
    return value, reading


def _names(reading: str, value: str) -> bool:
    """True when ``value`` stands in ``reading`` as a whole number (« 2,00 » in « vaut 2,00 fois »)."""
    at = reading.find(value)
    while at >= 0:
        before = reading[at - 1] if at else " "
        after = reading[at + len(value)] if at + len(value) < len(reading) else " "
        if not (before.isdigit() or before in ",." or after.isdigit() or after in ",."):
            return True
        at = reading.find(value, at + 1)
    return False

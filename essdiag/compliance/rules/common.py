"""Small helpers shared by the rules: dated parameters as inputs, answers as verdicts.

Money from parameters is read exactly (Decimal) and compared at the cent;
the figures shown carry floats (euros) and ratios.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from essdiag.compliance.findings import Verdict
from essdiag.compliance.section import Answer, Statement
from essdiag.figures import Input
from essdiag.i18n import Money
from essdiag.identity import LegalForm
from essdiag.params import Param, param

__all__ = [
    "NON_PROFIT_FORMS",
    "STATUTORY_FORMS",
    "answer_verdict",
    "at_most",
    "dated",
    "eur",
    "inputs",
]

STATUTORY_FORMS: frozenset[LegalForm] = frozenset(
    {
        LegalForm.ASSOCIATION,
        LegalForm.SCOP,
        LegalForm.SCIC,
        LegalForm.COOPERATIVE,
        LegalForm.MUTUELLE,
        LegalForm.FONDATION,
    }
)
"""Forms that belong to the ESS by their form (loi n° 2014-856, art. 1, II, 1°)."""

NON_PROFIT_FORMS: frozenset[LegalForm] = frozenset({LegalForm.ASSOCIATION, LegalForm.FONDATION})
"""Forms that may hold the non-profit tax status (CGI art. 206-1 bis, 261-7-1°)."""

SHARELESS_FORMS: frozenset[LegalForm] = frozenset(
    {LegalForm.ASSOCIATION, LegalForm.FONDATION, LegalForm.MUTUELLE}
)
"""Forms that have no capital shares to list on a market."""


def dated(name: str, on: date) -> Param:
    """The legal parameter in force on a date (a thin alias kept for reading the rules)."""
    return param(name, on=on)


def inputs(*params: Param) -> tuple[Input, ...]:
    """Dated parameters as figure inputs (source and date of effect), duplicates removed."""
    seen: set[tuple[str, date]] = set()
    out = []
    for p in params:
        if (p.name, p.effective) in seen:
            continue
        seen.add((p.name, p.effective))
        out.append(Input.from_param(p))
    return tuple(out)


def answer_verdict(answer: Answer | Statement, *, yes: Verdict = Verdict.CONFORM) -> Verdict:
    """The verdict of a yes/no requirement: yes → ``yes``, no → not conform, unanswered → to check.

    Example:
        >>> answer_verdict(Answer.NO).value, answer_verdict(Answer.UNKNOWN).value
        ('not_conform', 'to_check')
    """
    value = answer.answer if isinstance(answer, Statement) else answer
    if value is Answer.YES:
        return yes
    return Verdict.NOT_CONFORM if value is Answer.NO else Verdict.TO_CHECK


def at_most(value: float, cap: Decimal | float) -> bool:
    """True when ``value`` does not exceed ``cap``, compared at the cent (a cap is a maximum).

    Example:
        >>> at_most(153134.52, Decimal("153134.52")), at_most(153134.53, Decimal("153134.52"))
        (True, False)
    """
    return round(Decimal(str(value)), 2) <= round(Decimal(str(cap)), 2)


def eur(value: float | Decimal) -> Money:
    """An amount in euros for a message, to the cent (the reader's translator writes it as money).

    Example:
        >>> from essdiag.i18n import translator
        >>> translator("fr").fill("{x}", {"x": eur(153134.523)})
        '153\u202f134,52\xa0€'
    """
    return Money(round(Decimal(str(value)), 2))

"""Checks of the funders' payment schedules against a plan's months.

Where it sits: after the register. What a schedule says (when each payment
falls) is the section's (:meth:`~essdiag.funding.section.FundingSource.payments`,
:func:`~essdiag.funding.section.receipts_matrix`); this module says what the
user should know about it: an amount entered after the agreement's end, a
payment that falls before or after the plan and is not counted in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from essdiag.errors import Issue, Severity
from essdiag.funding.section import FundingSource, Purpose
from essdiag.i18n import N_, MonthKey

__all__ = ["agreement_issues", "schedule_issues"]

_AFTER_PLAN = N_(
    "Un versement {year} de « {name} » est attendu en {month}, après la fin du plan ({last}) : "
    "il n'y est pas compté."
)
_BEFORE_PLAN = N_(
    "Un versement {year} de « {name} » tombe en {month}, avant le début du plan ({first}) : il "
    "n'y est pas compté."
)


def agreement_issues(sources: Sequence[FundingSource]) -> list[Issue]:
    """An amount entered for a year after the agreement's end (renewal to check).

    Example:
        >>> from datetime import date
        >>> from essdiag.funding.section import YearAmount
        >>> s = FundingSource(id="c", name="Commune", funder_type="commune",
        ...     amounts=[YearAmount(year=2026, amount=5000)], agreement_end=date(2025, 12, 31))
        >>> agreement_issues([s])[0].message
        'La convention de « Commune » se termine le 31/12/2025 mais un montant est saisi pour 2026 : vérifiez son renouvellement.'
    """
    issues: list[Issue] = []
    for s in sources:
        if s.agreement_end is None:
            continue
        late = sorted(a.year for a in s.amounts if a.year > s.agreement_end.year and a.amount > 0)
        if late:
            issues.append(
                Issue(
                    code="funding_after_agreement",
                    template=N_(
                        "La convention de « {name} » se termine le {end} mais un montant est "
                        "saisi pour {years} : vérifiez son renouvellement."
                    ),
                    params={
                        "name": s.name,
                        "end": s.agreement_end,
                        "years": ", ".join(str(y) for y in late),
                    },
                    severity=Severity.WARNING,
                    field=f"funding.sources.{s.id}",
                )
            )
    return issues


def schedule_issues(sources: Sequence[FundingSource], months: Sequence[str]) -> list[Issue]:
    """What the user should know about the schedules against the plan's months.

    * an amount entered for a year after the agreement's end (:func:`agreement_issues`);
    * a payment of a year covered by the plan that falls before its first or
      after its last month (it is not counted in the plan).

    Months are :class:`~essdiag.i18n.MonthKey` parameters (« novembre 2027 »).

    Example:
        >>> from essdiag.funding.section import Instalment, YearAmount
        >>> s = FundingSource(id="fse", name="FSE+", funder_type="eu_funds",
        ...     amounts=[YearAmount(year=2026, amount=88000)],
        ...     schedule=[Instalment(kind="balance", share=1.0, month=11, year_offset=1)])
        >>> [i.code for i in schedule_issues([s], ["2026-01", "2026-12"])]
        ['funding_payment_after_plan']
    """
    issues: list[Issue] = []
    first, last = (months[0], months[-1]) if months else ("", "")
    plan_years = {int(m[:4]) for m in months}
    for s in sources:
        issues += agreement_issues([s])
        if s.purpose is not Purpose.OPERATING:
            continue
        for year, key, amount in s.payments():
            if year not in plan_years or amount <= 0:
                continue
            if key > last:
                code, template = "funding_payment_after_plan", _AFTER_PLAN
                edge = {"last": MonthKey(last)}
            elif key < first:
                code, template = "funding_payment_before_plan", _BEFORE_PLAN
                edge = {"first": MonthKey(first)}
            else:
                continue
            issues.append(
                Issue(
                    code=code,
                    template=template,
                    params={"year": year, "name": s.name, "month": MonthKey(key), **edge},
                    severity=Severity.INFO,
                    field=f"funding.sources.{s.id}",
                )
            )
    return issues

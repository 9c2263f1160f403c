"""When the money arrives: funders' payment schedules turned into monthly receipts.

Where it sits: between the register and the treasury plan. A source with a
schedule pays each year's amount in the shares and months of its schedule
(an advance, instalments, a balance that may fall the next year after the
final report); a source without a schedule has no dated receipts here (its
money arrives with the activity, as phased in the budget).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from essdiag.errors import Issue, Severity
from essdiag.funding.section import FundingSource, Purpose
from essdiag.i18n import N_
from essdiag.periods import month_key, next_month

__all__ = ["month_keys", "receipts_matrix", "schedule_issues", "scheduled_sources"]


def month_keys(start_year: int, start_month: int, count: int) -> list[str]:
    """``count`` month keys ``YYYY-MM`` from a first month.

    Example:
        >>> month_keys(2026, 11, 3)
        ['2026-11', '2026-12', '2027-01']
    """
    first = month_key(start_year, start_month)
    return [next_month(first, k) for k in range(count)]


def scheduled_sources(sources: Sequence[FundingSource]) -> list[FundingSource]:
    """Operating sources that have a payment schedule (they get dated receipts)."""
    return [s for s in sources if s.schedule and s.purpose is Purpose.OPERATING]


def receipts_matrix(sources: Sequence[FundingSource], months: Sequence[str]) -> pd.DataFrame:
    """Receipts of each scheduled source in each month of the plan (euros).

    Each year's amount is paid as its schedule says: share × amount in
    (year + year_offset, month). Payments that fall outside the plan's months
    are left out (they belong to another plan).

    Returns:
        DataFrame indexed by source id, one column per month key.

    Example:
        >>> from essdiag.funding.section import FundingSource, Instalment, YearAmount
        >>> s = FundingSource(id="r", name="Région", funder_type="region",
        ...     amounts=[YearAmount(year=2026, amount=40000)],
        ...     schedule=[Instalment(share=0.5, month=4), Instalment(share=0.5, month=2, year_offset=1)])
        >>> receipts_matrix([s], ["2026-04", "2027-02"]).loc["r"].tolist()
        [20000.0, 20000.0]
    """
    index = {m: i for i, m in enumerate(months)}
    chosen = scheduled_sources(sources)
    values = np.zeros((len(chosen), len(months)))
    for k, source in enumerate(chosen):
        for year_amount in source.amounts:
            for inst in source.schedule:
                key = month_key(year_amount.year + inst.year_offset, inst.month)
                if key in index:
                    values[k, index[key]] += year_amount.amount * inst.share
    return pd.DataFrame(values, index=[s.id for s in chosen], columns=list(months))


def schedule_issues(sources: Sequence[FundingSource], months: Sequence[str]) -> list[Issue]:
    """What the user should know about the schedules against the plan's months.

    * an amount entered for a year after the agreement's end (renewal to check);
    * a payment of a year covered by the plan that falls after the plan's last
      month (it is not counted: the plan ends before the money arrives).

    Example:
        >>> from essdiag.funding.section import FundingSource, Instalment, YearAmount
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
        if s.agreement_end is not None:
            late = sorted(
                a.year for a in s.amounts if a.year > s.agreement_end.year and a.amount > 0
            )
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
                            "end": s.agreement_end.strftime("%d/%m/%Y"),
                            "years": ", ".join(str(y) for y in late),
                        },
                        severity=Severity.WARNING,
                        field=f"funding.sources.{s.id}",
                    )
                )
        if s.purpose is not Purpose.OPERATING:
            continue
        for a in s.amounts:
            if a.year not in plan_years or a.amount <= 0:
                continue
            for inst in s.schedule:
                key = month_key(a.year + inst.year_offset, inst.month)
                shown = f"{key[5:]}/{key[:4]}"
                if key > last:
                    issues.append(
                        Issue(
                            code="funding_payment_after_plan",
                            template=N_(
                                "Un versement {year} de « {name} » est attendu en {month}, après "
                                "la fin du plan ({last}) : il n'y est pas compté."
                            ),
                            params={
                                "year": a.year,
                                "name": s.name,
                                "month": shown,
                                "last": f"{last[5:]}/{last[:4]}",
                            },
                            severity=Severity.INFO,
                            field=f"funding.sources.{s.id}",
                        )
                    )
                elif key < first:
                    issues.append(
                        Issue(
                            code="funding_payment_before_plan",
                            template=N_(
                                "Un versement {year} de « {name} » tombe en {month}, avant le "
                                "début du plan ({first}) : il n'y est pas compté."
                            ),
                            params={
                                "year": a.year,
                                "name": s.name,
                                "month": shown,
                                "first": f"{first[5:]}/{first[:4]}",
                            },
                            severity=Severity.INFO,
                            field=f"funding.sources.{s.id}",
                        )
                    )
    return issues

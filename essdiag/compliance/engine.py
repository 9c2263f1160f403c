"""The rules engine: gathers what the dossier already knows and applies every rule on a date.

Where it sits: the one function of the compliance domain that reads several
sections (identity, funding register, the compliance answers) and the bulk
data handed in by the caller (the ledgers of the closed years, the HR
workforce frame); it never imports another domain's computations. The screen
calls :func:`compliance_report` through ``essdiag.ui.cache.computed`` with
``ledger_years=esus_years(...)``; the ``essdiag esus`` command calls it with
the ledgers and the workforce it read.

What it reads where:

* art. 1 and 2 — the legal form (identity) and the statutes questionnaire;
* ESUS — the ledgers of the last three closed years (operating charges by
  analytic code), else the charges declared in the section; the workforce
  frame (pays in FTE), else the pays declared in the section; the branch
  minimum and the register's period from the HR section;
* grants — the funding register of the year examined (public funders,
  agreements, gifts raised from the public);
* taxes — the register lines of each activity, the leaders' pay;
* CSESS — the self-assessment.

Every criterion that cannot be computed says so and why, as a finding whose
verdict is « à vérifier » and whose figure carries the reason; nothing raises
on a dossier with no HR data or no accounts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Protocol

import pandas as pd

from essdiag.compliance.findings import ComplianceReport, Finding, Frame, Verdict, worst
from essdiag.compliance.inputs import YearCharges, closed_years, fte_pays, operating_charges
from essdiag.compliance.rules.common import dated
from essdiag.compliance.rules.csess import csess_findings
from essdiag.compliance.rules.ess_law import ess_findings
from essdiag.compliance.rules.esus import (
    PAY_SOURCE_DECLARED,
    PAY_SOURCE_WORKFORCE,
    charges_finding,
    esus_findings,
    pay_findings,
)
from essdiag.compliance.rules.grants import grant_findings
from essdiag.compliance.rules.social_utility import utility_findings
from essdiag.compliance.rules.tax import tax_findings
from essdiag.compliance.section import ByRightKind, ComplianceSection
from essdiag.errors import Issue, UnknownParameterError
from essdiag.funding.section import FundingSection
from essdiag.hr.section import HRSection
from essdiag.i18n import N_
from essdiag.identity import Identity
from essdiag.periods import FiscalYear

__all__ = ["ComplianceDossier", "compliance_report", "esus_years", "gather_charges", "gather_pays"]

DECLARED = N_("charges déclarées dans le dossier")


class ComplianceDossier(Protocol):
    """What the engine reads of a dossier."""

    @property
    def identity(self) -> Identity: ...

    @property
    def compliance(self) -> ComplianceSection: ...

    @property
    def funding(self) -> FundingSection: ...

    @property
    def hr(self) -> HRSection: ...


def _guarded(frame: Frame, rules: Callable[[], list[Finding]]) -> list[Finding]:
    """A frame's findings, or one finding saying its dated parameters are not known on that date."""
    try:
        return rules()
    except UnknownParameterError as exc:
        not_yet = exc.template == UnknownParameterError.NOT_YET
        return [
            Finding(
                frame=frame,
                code=f"{frame.value}.unknown_date",
                title=N_("Paramètres légaux à cette date"),
                verdict=Verdict.TO_CHECK,
                conclusion=_NOT_YET if not_yet else _UNKNOWN,
                # The parameter's label and dates as raw values: written in the reader's language.
                params=exc.params if not_yet else {"detail": str(exc)},
                words=("label",) if not_yet else (),
                source=N_("paramètres légaux datés"),
            )
        ]


_NOT_YET = N_(
    "Ce cadre ne peut pas être appliqué à cette date : aucune valeur de « {label} » n'est connue "
    "au {date} (la première est en vigueur au {first}). Choisissez une date ou un exercice plus "
    "récents."
)
_UNKNOWN = N_(
    "Ce cadre ne peut pas être appliqué à cette date : {detail} Choisissez une date "
    "ou un exercice plus récents."
)


def esus_years(dossier: ComplianceDossier, on: date) -> tuple[int, ...]:
    """The closed fiscal years the ESUS charges criterion reads on ``on``, latest first.

    None before the décret n° 2015-719 (the criterion did not exist yet).
    """
    try:
        count = int(dated("esus_closed_years", on).value)
    except UnknownParameterError:
        return ()
    return tuple(closed_years(on, dossier.identity.fiscal_year_start_month, count))


def gather_charges(
    section: ComplianceSection,
    years: tuple[int, ...],
    start_month: int,
    ledgers: Mapping[int, pd.DataFrame] | None,
) -> list[YearCharges]:
    """Charges of each closed year: from its ledger when it splits them, else as declared.

    A year with neither gives a record whose reason says so.
    """
    declared = {c.year: c for c in section.esus.declared_charges}
    out = []
    for year in years:
        ledger = (ledgers or {}).get(year)
        from_ledger = None
        if ledger is not None and not ledger.empty:
            from_ledger = operating_charges(
                ledger,
                FiscalYear(label_year=year, start_month=start_month),
                section.esus.social_utility_codes,
            )
            if from_ledger.social_cents is not None:
                out.append(from_ledger)
                continue
        if year in declared:
            d = declared[year]
            out.append(
                YearCharges(
                    year=year,
                    total_cents=round(d.operating_charges * 100),
                    social_cents=round(d.social_utility_charges * 100),
                    source=DECLARED,
                )
            )
        elif from_ledger is not None:
            out.append(from_ledger)
        else:
            out.append(
                YearCharges(
                    year=year,
                    total_cents=0,
                    social_cents=None,
                    source="",
                    reason=N_("ni grand livre importé ni charges déclarées pour cet exercice"),
                )
            )
    return out


def gather_pays(
    section: ComplianceSection, workforce: pd.DataFrame | None
) -> tuple[list[float], str, list[Issue]]:
    """The FTE pays the caps read: the workforce when given and usable, else those declared."""
    issues: list[Issue] = []
    if workforce is not None and not workforce.empty:
        pays, issues = fte_pays(workforce)
        if pays:
            return sorted(pays, reverse=True), PAY_SOURCE_WORKFORCE, issues
    declared = [p.annual_gross / p.fte for p in section.esus.declared_pays]
    if declared:
        return sorted(declared, reverse=True), PAY_SOURCE_DECLARED, issues
    return [], "", issues


def compliance_report(
    dossier: ComplianceDossier,
    *,
    on: date,
    year: int | None = None,
    ledgers: Mapping[int, pd.DataFrame] | None = None,
    workforce: pd.DataFrame | None = None,
    pay_year: int | None = None,
) -> tuple[ComplianceReport, list[Issue]]:
    """Every rule applied on ``on`` to the dossier, for the amounts of fiscal year ``year``.

    Parameters:
        dossier: the dossier (its identity, funding register and compliance answers).
        on: the date the rules are applied on (texts and parameters in force that day).
        year: the fiscal year examined for grants, taxes and pays (default: the
            one containing ``on``).
        ledgers: canonical ledgers by fiscal year (the closed years of
            :func:`esus_years`), when imported.
        workforce: the HR canonical workforce frame, when there is one.
        pay_year: the fiscal year of the pays (it fixes the SMIC of reference);
            default: the year of the HR register when it is stored, else ``year``.

    Returns:
        The report and the problems met while reading the ledgers and the workforce.
    """
    identity = dossier.identity
    section = dossier.compliance
    start = identity.fiscal_year_start_month
    fy = (
        FiscalYear.containing(on, start)
        if year is None
        else FiscalYear(label_year=year, start_month=start)
    )
    utility = _guarded(Frame.SOCIAL_UTILITY, lambda: utility_findings(section.social_utility, on))
    utility_verdict = worst(f.verdict for f in utility)
    ess = _guarded(
        Frame.ESS, lambda: ess_findings(identity, section.statutes, utility=utility_verdict, on=on)
    )
    years = esus_years(dossier, on)
    charges = gather_charges(section, years, start, ledgers)
    pays, pay_source, issues = gather_pays(section, workforce)
    by_right = section.esus.by_right is not ByRightKind.NONE
    stored = dossier.hr.workforce
    if pay_year is not None:
        pays_fy = FiscalYear(label_year=pay_year, start_month=start)
    elif workforce is not None and stored is not None:
        pays_fy = FiscalYear.containing(stored.period_end, start)
    else:
        pays_fy = fy
    esus = _guarded(
        Frame.ESUS,
        lambda: esus_findings(
            identity,
            section.esus,
            ess=worst(f.verdict for f in ess),
            utility=utility_verdict,
            charges=charges_finding(charges, years, on, by_right=by_right),
            pays=pay_findings(
                pays,
                pays_fy,
                branch_minimum=dossier.hr.branch_minimum_annual,
                source=pay_source,
            ),
            on=on,
        ),
    )
    sources = dossier.funding.sources
    grants = _guarded(
        Frame.GRANTS, lambda: grant_findings(identity, sources, section.grants, fy.label_year)
    )
    tax = _guarded(Frame.TAX, lambda: tax_findings(identity, section.tax, sources, fy.label_year))
    csess = csess_findings(section.csess, fy.label_year)
    report = ComplianceReport(
        on=on,
        year=fy.label_year,
        findings=(*ess, *utility, *esus, *grants, *tax, *csess),
        issues=tuple(issues),
        charges=tuple(charges),
        pays=tuple(pays),
        pay_source=pay_source,
    )
    return report, issues

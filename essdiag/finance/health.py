"""Financial health from the accounts: FRNG, BFR, net cash, equity ratio, CAF, days of cash.

Where it sits: reads a trial balance (one row per account with its balance in
integer cents, debit − credit — the shape of ``essdiag.ledger.account_balances``)
or figures entered by hand (:class:`~essdiag.finance.section.YearAccounts`),
and returns the functional balance sheet and its indicators with their working
and their reading. :func:`health_history` gathers every year of a dossier: the
imported ledgers (handed in by the screen's cache) and the hand-entered
balance sheets, the ledger winning for a year that has both.

Account mapping (plan comptable général, règlement ANC 2014-03, classes 1 to 5;
plan comptable associatif, règlement ANC 2018-06, for 19 fonds dédiés and
689/789), functional balance sheet with net fixed assets:

* permanent resources = equity (credit balances of 10, 11, 12, 13, 14, plus the
  year's result still in classes 6–7 when the year is not closed)
  + dedicated funds (19) + provisions for risks and charges (15)
  + loans and financial debts (16, 17, 18);
* net fixed assets = 20 to 27 (debit) less depreciation and impairment 28, 29;
* FRNG (fonds de roulement net global) = permanent resources − net fixed assets;
* current assets = stocks (3, net of 39) + debit balances of class 4 (net of 49);
  current liabilities = credit balances of class 4; BFR = current assets −
  current liabilities;
* net cash = debit balances of class 5 − credit balances of class 5 (bank
  overdrafts, 519) — and net cash = FRNG − BFR when the trial balance balances
  (associathèque, « Détermination de la trésorerie : T = FR − BFR »);
* CAF (additive method) = result + 681, 686, 687 (allowances) + 689 (reports en
  fonds dédiés) − 781, 786, 787 (reversals) − 789 (utilisations de fonds
  dédiés) − 777 (investment grants released to income) + 675 − 775 (book value
  less price of assets sold) — associathèque, « Capacité d'autofinancement »;
  PCG tableau de financement;
* equity ratio = equity / total assets (net);
* days of charges covered by cash = net cash / (cash charges / 365), cash
  charges = 60 to 67 and 69, less 675.

Readings: the sign of FRNG, net cash and CAF (a negative one is an alert), of
the BFR (a need or a resource of the operations), negative equity; days of
charges covered by cash under 30 (less than a month) are an alert, under 90
to watch: the reserve of three months of charges that the risk library
(« Réserve de trésorerie d'au moins trois mois de charges ») and the usual
advice to associations recommend.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, Protocol

import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.errors import EssdiagError, Issue, Severity
from essdiag.figures import Column, Figure, Input, Tone, View
from essdiag.finance.section import YearAccounts
from essdiag.funding.section import FundingSection
from essdiag.i18n import N_
from essdiag.identity import Identity
from essdiag.ledger import account_balances
from essdiag.ledger.section import LedgerSection
from essdiag.periods import FiscalYear

__all__ = [
    "DAYS_OF_CASH_BANDS",
    "FunctionalBalance",
    "HealthHistory",
    "HealthPeriod",
    "from_balances",
    "from_year_accounts",
    "health_figures",
    "health_history",
    "health_table",
    "health_view",
    "ledger_years",
]

REFERENCES = (
    N_(
        "PCG (règlement ANC 2014-03), classes 1 à 5 ; plan comptable associatif (règlement ANC "
        "2018-06)"
    ),
    N_(
        "associathèque.fr (Crédit Mutuel), fiches « Fonds de roulement » et « Capacité "
        "d'autofinancement »"
    ),
)


class FunctionalBalance(BaseModel):
    """The functional balance sheet of a year, in integer cents.

    Attributes:
        equity, dedicated_funds, provisions, long_term_debt: permanent resources.
        fixed_assets_net: net fixed assets.
        current_assets, current_liabilities: operating assets and liabilities.
        cash, overdraft: class 5 debit and credit balances.
        result: the year's result; caf_adjustments: non-cash items added to the
            result for the CAF (allowances − reversals ± disposals).
        cash_charges: the year's charges that are paid out.
    """

    model_config = ConfigDict(frozen=True)

    equity: int = 0
    dedicated_funds: int = 0
    provisions: int = 0
    long_term_debt: int = 0
    fixed_assets_net: int = 0
    current_assets: int = 0
    current_liabilities: int = 0
    cash: int = 0
    overdraft: int = 0
    result: int = 0
    caf_adjustments: int = 0
    cash_charges: int = 0

    @property
    def frng(self) -> int:
        """Permanent resources − net fixed assets."""
        return (
            self.equity
            + self.dedicated_funds
            + self.provisions
            + self.long_term_debt
            - self.fixed_assets_net
        )

    @property
    def bfr(self) -> int:
        """Current assets − current liabilities."""
        return self.current_assets - self.current_liabilities

    @property
    def net_cash(self) -> int:
        """Cash − overdrafts."""
        return self.cash - self.overdraft

    @property
    def total_assets(self) -> int:
        """Net fixed assets + current assets + cash."""
        return self.fixed_assets_net + self.current_assets + self.cash

    @property
    def caf(self) -> int:
        """Result + non-cash items."""
        return self.result + self.caf_adjustments


def _sum(balances: Mapping[str, int], *prefixes: str) -> int:
    return sum(v for k, v in balances.items() if k.startswith(prefixes))


def from_balances(balances: pd.DataFrame) -> FunctionalBalance:
    """The functional balance sheet from a trial balance.

    Parameters:
        balances: DataFrame[account (str), balance_cents (int, debit − credit)],
            e.g. ``essdiag.ledger.account_balances(...)``; class 8 is ignored.

    Example:
        >>> tb = pd.DataFrame({"account": ["102000", "218000", "281800", "411000", "401000",
        ...                                "512000", "606000", "706000"],
        ...                    "balance_cents": [-5000, 4000, -1000, 3000, -2000, 2500, 500, -2000]})
        >>> fb = from_balances(tb)
        >>> fb.frng, fb.bfr, fb.net_cash, fb.frng - fb.bfr == fb.net_cash
        (3500, 1000, 2500, True)
    """
    per_account: dict[str, int] = {}
    for account, cents in zip(balances["account"], balances["balance_cents"], strict=True):
        key = str(account).strip()
        per_account[key] = per_account.get(key, 0) + int(cents)
    unclosed_result = -_sum(per_account, "6", "7")
    closed_result = -_sum(per_account, "12")
    result = (
        unclosed_result
        if any(v for k, v in per_account.items() if k.startswith(("6", "7")))
        else closed_result
    )
    current_assets = _sum(per_account, "3")
    current_liabilities = 0
    cash = overdraft = 0
    for k, v in per_account.items():
        if k.startswith("49"):
            current_assets += v
        elif k.startswith("4"):
            if v > 0:
                current_assets += v
            else:
                current_liabilities -= v
        elif k.startswith("5"):
            if v > 0:
                cash += v
            else:
                overdraft -= v
    adjustments = (
        _sum(per_account, "681", "686", "687", "689")
        + _sum(per_account, "781", "786", "787", "789", "777")
        + _sum(per_account, "675", "775")
    )
    cash_charges = _sum(per_account, "60", "61", "62", "63", "64", "65", "66", "67", "69") - _sum(
        per_account, "675"
    )
    return FunctionalBalance(
        equity=-_sum(per_account, "10", "11", "12", "13", "14") + unclosed_result,
        dedicated_funds=-_sum(per_account, "19"),
        provisions=-_sum(per_account, "15"),
        long_term_debt=-_sum(per_account, "16", "17", "18"),
        fixed_assets_net=_sum(
            per_account, "20", "21", "22", "23", "24", "25", "26", "27", "28", "29"
        ),
        current_assets=current_assets,
        current_liabilities=current_liabilities,
        cash=cash,
        overdraft=overdraft,
        result=result,
        caf_adjustments=adjustments,
        cash_charges=cash_charges,
    )


def _c(euros: float) -> int:
    return round(euros * 100)


def from_year_accounts(a: YearAccounts) -> FunctionalBalance:
    """The functional balance sheet from hand-entered figures (euros → cents)."""
    return FunctionalBalance(
        equity=_c(a.equity),
        dedicated_funds=_c(a.dedicated_funds),
        provisions=_c(a.provisions),
        long_term_debt=_c(a.long_term_debt),
        fixed_assets_net=_c(a.fixed_assets_net),
        current_assets=_c(a.current_assets),
        current_liabilities=_c(a.current_liabilities),
        cash=_c(a.cash),
        overdraft=_c(a.overdraft),
        result=_c(a.result),
        caf_adjustments=_c(a.depreciation) - _c(a.reversals) + _c(a.disposals_net),
        cash_charges=_c(a.cash_charges),
    )


def _eur(cents: int) -> float:
    return cents / 100


DAYS_OF_CASH_BANDS: tuple[tuple[float, str, Tone], ...] = (
    (30, N_("moins d'un mois de charges en trésorerie"), "alert"),
    (90, N_("moins de trois mois de charges en trésorerie"), "watch"),
    (math.inf, N_("au moins trois mois de charges en trésorerie"), "good"),
)
"""Upper bounds (exclusive, days) of the readings of the days of charges covered by cash."""


Reading = tuple[str | None, Tone | None]


def _sign(cents: int, negative: tuple[str, Tone], positive: tuple[str, Tone]) -> Reading:
    return negative if cents < 0 else positive


def _days_reading(days: float | None) -> Reading:
    for upper, reading, tone in DAYS_OF_CASH_BANDS:
        if days is not None and days < upper:
            return reading, tone
    return None, None


class HealthPeriod(BaseModel):
    """The period a functional balance sheet is read over, and the date it is read at.

    Attributes:
        start: first day of the fiscal year.
        end: the date of the balance sheet: the fiscal year's end for a closed
            year, the last entry imported for a year in progress (« au 31/10/2026 »).
        year_end: last day of the fiscal year.
    """

    model_config = ConfigDict(frozen=True)

    start: date
    end: date
    year_end: date

    @property
    def days(self) -> int:
        """Days from the start of the year to the balance sheet's date, both included."""
        return (self.end - self.start).days + 1

    @property
    def partial(self) -> bool:
        """True for a year in progress (its flows cover fewer days than the year)."""
        return self.end < self.year_end

    @classmethod
    def of_year(cls, fiscal_year: FiscalYear, end: date | None = None) -> HealthPeriod:
        """The fiscal year up to ``end`` (its last day when none, or when ``end`` is after it)."""
        last = fiscal_year.end if end is None else min(max(end, fiscal_year.start), fiscal_year.end)
        return cls(start=fiscal_year.start, end=last, year_end=fiscal_year.end)


def _scopes(period: HealthPeriod | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The scope of a figure read at a date (a stock), and of one summed over the period (a flow)."""
    if period is None:
        return {}, {}
    at = {"scope": N_("au {date}"), "scope_params": {"date": period.end}}
    span = (
        N_("du {start} au {end}, période partielle non annualisée")
        if period.partial
        else N_("du {start} au {end}")
    )
    over = {"scope": span, "scope_params": {"start": period.start, "end": period.end}}
    return at, over


def health_figures(fb: FunctionalBalance, period: HealthPeriod | None = None) -> dict[str, Figure]:
    """FRNG, BFR, net cash, equity ratio, CAF and days of charges covered, with working and reading.

    ``period`` names the date the balance sheet is read at (« au 31/10/2026 »)
    and the days its flows cover: the CAF is the period's (a year in progress
    is not annualised, and says so); the days of charges covered divide the
    period's charges by the period's days, so that ten months of charges are
    not read as a year's.

    Example:
        >>> figs = health_figures(FunctionalBalance(equity=100_00, cash=50_00,
        ...                                         fixed_assets_net=150_00, cash_charges=365_00))
        >>> figs["frng"].value, figs["frng"].reading, figs["frng"].tone
        (-50.0, 'les immobilisations ne sont pas couvertes par les ressources stables', 'alert')
        >>> figs["days_of_cash"].value, figs["days_of_cash"].tone
        (50.0, 'watch')
    """
    permanent = [
        Input.of(N_("Fonds propres"), _eur(fb.equity), "EUR", N_("comptes 10 à 14 + résultat")),
        Input.of(N_("Fonds dédiés"), _eur(fb.dedicated_funds), "EUR", N_("compte 19")),
        Input.of(N_("Provisions"), _eur(fb.provisions), "EUR", N_("compte 15")),
        Input.of(
            N_("Emprunts et dettes financières"),
            _eur(fb.long_term_debt),
            "EUR",
            N_("comptes 16, 17, 18"),
        ),
        Input.of(
            N_("Immobilisations nettes"),
            _eur(fb.fixed_assets_net),
            "EUR",
            N_("comptes 20 à 27 − 28, 29"),
        ),
    ]
    span = period.days if period is not None else 365
    days = fb.net_cash / (fb.cash_charges / span) if fb.cash_charges > 0 else None
    at, over = _scopes(period)
    frng_reading, frng_tone = _sign(
        fb.frng,
        (N_("les immobilisations ne sont pas couvertes par les ressources stables"), "alert"),
        (N_("les ressources stables couvrent les immobilisations"), "good"),
    )
    bfr_reading, bfr_tone = _sign(
        -fb.bfr,  # a need (BFR > 0) ties up cash; none or a resource frees it
        (N_("l'exploitation immobilise de la trésorerie"), "neutral"),
        (N_("l'exploitation dégage une ressource de trésorerie"), "neutral"),
    )
    cash_reading, cash_tone = _sign(
        fb.net_cash,
        (N_("trésorerie négative : la structure vit à découvert"), "alert"),
        (N_("trésorerie positive"), "good"),
    )
    caf_reading, caf_tone = _sign(
        fb.caf,
        (N_("l'activité consomme de la trésorerie"), "alert"),
        (N_("l'activité dégage de quoi investir et rembourser"), "good"),
    )
    days_reading, days_tone = _days_reading(days)
    return {
        "frng": Figure.of(
            N_("Fonds de roulement net global (FRNG)"),
            _eur(fb.frng),
            "EUR",
            N_(
                "fonds propres + fonds dédiés + provisions + dettes financières − immobilisations nettes"
            ),
            permanent,
            references=REFERENCES,
            reading=frng_reading,
            tone=frng_tone,
            digits=0,
            **at,
        ),
        "bfr": Figure.of(
            N_("Besoin en fonds de roulement (BFR)"),
            _eur(fb.bfr),
            "EUR",
            N_("stocks et créances − dettes d'exploitation"),
            [
                Input.of(
                    N_("Stocks et créances"),
                    _eur(fb.current_assets),
                    "EUR",
                    N_("comptes 3, 4 débiteurs"),
                ),
                Input.of(
                    N_("Dettes d'exploitation"),
                    _eur(fb.current_liabilities),
                    "EUR",
                    N_("comptes 4 créditeurs"),
                ),
            ],
            references=REFERENCES,
            reading=bfr_reading,
            tone=bfr_tone,
            digits=0,
            **at,
        ),
        "net_cash": Figure.of(
            N_("Trésorerie nette"),
            _eur(fb.net_cash),
            "EUR",
            N_("disponibilités − concours bancaires (= FRNG − BFR)"),
            [
                Input.of(N_("Disponibilités"), _eur(fb.cash), "EUR", N_("comptes 5 débiteurs")),
                Input.of(
                    N_("Concours bancaires courants"),
                    _eur(fb.overdraft),
                    "EUR",
                    N_("comptes 5 créditeurs"),
                ),
                Input.of("FRNG", _eur(fb.frng), "EUR"),
                Input.of("BFR", _eur(fb.bfr), "EUR"),
            ],
            references=REFERENCES,
            reading=cash_reading,
            tone=cash_tone,
            digits=0,
            **at,
        ),
        "equity_ratio": Figure.of(
            N_("Autonomie financière"),
            fb.equity / fb.total_assets if fb.total_assets > 0 else None,
            "%",
            N_("fonds propres / total du bilan"),
            [
                Input.of(N_("Fonds propres"), _eur(fb.equity), "EUR"),
                Input.of(N_("Total du bilan"), _eur(fb.total_assets), "EUR"),
            ],
            reason=None if fb.total_assets > 0 else N_("bilan vide"),
            references=REFERENCES,
            reading=N_("fonds propres négatifs") if fb.equity < 0 else None,
            tone="alert" if fb.equity < 0 else None,
            **at,
        ),
        "caf": Figure.of(
            N_("Capacité d'autofinancement (CAF)"),
            _eur(fb.caf),
            "EUR",
            N_("résultat + dotations − reprises + valeur des actifs cédés − produits de cession"),
            [
                Input.of(N_("Résultat"), _eur(fb.result), "EUR"),
                Input.of(
                    N_("Éléments non décaissés"),
                    _eur(fb.caf_adjustments),
                    "EUR",
                    N_("comptes 681, 686, 687, 689 − 781, 786, 787, 789, 777 + 675 − 775"),
                ),
            ],
            references=REFERENCES,
            reading=caf_reading,
            tone=caf_tone,
            digits=0,
            **over,
        ),
        "days_of_cash": Figure.of(
            N_("Jours de charges couverts par la trésorerie"),
            days,
            "jours",
            N_("trésorerie nette / (charges décaissables de la période / jours de la période)"),
            [
                Input.of(N_("Trésorerie nette"), _eur(fb.net_cash), "EUR"),
                Input.of(
                    N_("Charges décaissables"),
                    _eur(fb.cash_charges),
                    "EUR",
                    N_("comptes 60 à 67, 69 − 675"),
                ),
                Input.of(N_("Jours de la période"), span, "count"),
            ],
            reason=None if days is not None else N_("charges de l'année inconnues"),
            references=REFERENCES,
            reading=days_reading,
            tone=days_tone,
            digits=0,
            **at,
        ),
    }


def health_table(
    years: Iterable[tuple[int, FunctionalBalance]],
    periods: Mapping[int, HealthPeriod] | None = None,
) -> pd.DataFrame:
    """One row per year: its date, FRNG, BFR, net cash, equity ratio, CAF, days of cash (euros)."""
    rows = []
    for year, fb in sorted(years, key=lambda t: t[0]):
        period = (periods or {}).get(year)
        figs = health_figures(fb, period)
        rows.append(
            {
                "year": year,
                "as_of": period.end if period is not None else None,
                **{
                    k: (float(f.value) if f.value is not None else math.nan)
                    for k, f in figs.items()
                },
            }
        )
    return pd.DataFrame(
        rows,
        columns=["year", "as_of", "frng", "bfr", "net_cash", "equity_ratio", "caf", "days_of_cash"],
    )


def health_view(
    years: Iterable[tuple[int, FunctionalBalance]],
    periods: Mapping[int, HealthPeriod] | None = None,
) -> View:
    """The indicators year by year (:func:`health_table`) as a table."""
    return View(
        (
            Column("year", N_("Exercice")),
            Column(
                "as_of",
                N_("Date du bilan"),
                "date",
                help=N_(
                    "Date du bilan : fin d'exercice, ou "
                    "dernière écriture importée pour l'exercice en cours."
                ),
            ),
            Column("frng", "FRNG", "EUR", digits=0),
            Column("bfr", "BFR", "EUR", digits=0),
            Column("net_cash", N_("Trésorerie nette"), "EUR", digits=0),
            Column("equity_ratio", N_("Autonomie financière"), "%"),
            Column("caf", "CAF", "EUR", digits=0),
            Column("days_of_cash", N_("Jours de charges"), "count", digits=0),
        ),
        health_table(years, periods),
        title=N_("Santé financière, exercice par exercice"),
    )


class HealthHistory(BaseModel):
    """The functional balance sheet of every year a dossier knows, and where each comes from.

    Attributes:
        balances: year → functional balance sheet (the ledger's when a year
            has both an imported ledger and a hand-entered balance sheet).
        from_ledger: years read from the imported accounts.
        issues: ledgers that could not be read.
    """

    model_config = ConfigDict(frozen=True)

    balances: dict[int, FunctionalBalance]
    periods: dict[int, HealthPeriod] = {}
    from_ledger: tuple[int, ...] = ()
    issues: tuple[Issue, ...] = ()

    @property
    def last(self) -> int | None:
        """The latest year, when there is one."""
        return max(self.balances) if self.balances else None

    def view(self) -> View:
        """Every year as a table (:func:`health_view`)."""
        return health_view(self.balances.items(), self.periods)

    def figures(self, year: int) -> dict[str, Figure]:
        """The figures of one year, named with their date (:func:`health_figures`)."""
        return health_figures(self.balances[year], self.periods.get(year))


def ledger_years(section: LedgerSection) -> tuple[int, ...]:
    """The fiscal years (label years) of the imported ledgers, sorted.

    Example:
        >>> ledger_years(LedgerSection())
        ()
    """
    return tuple(sorted({i.fiscal_year for i in section.imports if i.fiscal_year}))


class BooksDossier(Protocol):
    """What :func:`health_history` reads of a dossier: its fiscal year and balance sheets."""

    @property
    def identity(self) -> Identity: ...

    @property
    def funding(self) -> FundingSection: ...


def health_history(
    dossier: BooksDossier, *, ledgers: Mapping[int, pd.DataFrame] | None = None
) -> HealthHistory:
    """Every year's functional balance sheet: from the ledgers, else from the hand-entered sheets.

    ``ledgers`` maps a fiscal year (label year) to its canonical ledger
    (``essdiag.ui.cache`` hands them in); each is reduced to its trial
    balance over the fiscal year (:func:`essdiag.ledger.account_balances`).
    A ledger that cannot be read gives an issue and leaves its year to the
    hand-entered sheet, if any.
    """
    start_month = dossier.identity.fiscal_year_start_month
    from_ledger: dict[int, FunctionalBalance] = {}
    periods: dict[int, HealthPeriod] = {}
    issues: list[Issue] = []
    for year, ledger in sorted((ledgers or {}).items()):
        fy = FiscalYear(label_year=year, start_month=start_month)
        try:
            from_ledger[year] = from_balances(account_balances(ledger, fy.start, fy.end))
            periods[year] = HealthPeriod.of_year(fy, _last_entry(ledger, fy))
        except (EssdiagError, ValueError, KeyError):
            issues.append(
                Issue(
                    code="health_ledger_unreadable",
                    template=N_(
                        "La comptabilité {year} n'a pas pu être lue : la santé financière de cet "
                        "exercice reprend le bilan saisi, s'il y en a un. Réimportez le FEC à "
                        "l'écran Comptabilité."
                    ),
                    params={"year": year},
                    severity=Severity.WARNING,
                )
            )
    manual = {a.year: from_year_accounts(a) for a in dossier.funding.accounts}
    for year in manual:
        if year not in from_ledger:
            periods[year] = HealthPeriod.of_year(
                FiscalYear(label_year=year, start_month=start_month)
            )
    return HealthHistory(
        balances={**manual, **from_ledger},
        periods=periods,
        from_ledger=tuple(sorted(from_ledger)),
        issues=tuple(issues),
    )


def _last_entry(ledger: pd.DataFrame, fy: FiscalYear) -> date | None:
    """The date of the last entry of the fiscal year (None when it has none)."""
    dates = ledger["date"]
    inside = dates[(dates >= pd.Timestamp(fy.start)) & (dates <= pd.Timestamp(fy.end))]
    return None if inside.empty else pd.Timestamp(inside.max()).date()

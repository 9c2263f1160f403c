"""Financial health from a trial balance or hand-entered balance sheets, and its readings."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings

from essdiag.finance.health import (
    FunctionalBalance,
    from_balances,
    from_year_accounts,
    health_figures,
    health_table,
)
from essdiag.finance.section import YearAccounts
from tests.funding.samples import REPO, sample
from tests.strategies_funding import trial_balances


def test_health_on_a_small_trial_balance() -> None:
    tb = pd.DataFrame(
        {
            "account": ["102000", "164000", "218000", "281800", "411000", "401000", "512000",
                        "519000", "641000", "681100", "706000", "781500"],
            "balance_cents": [-50_000_00, -20_000_00, 60_000_00, -10_000_00, 15_000_00,
                              -8_000_00, 12_000_00, -2_000_00, 30_000_00, 5_000_00,
                              -31_000_00, -1_000_00],
        }
    )  # fmt: skip
    assert tb["balance_cents"].sum() == 0
    fb = from_balances(tb)
    # Result = 31 000 + 1 000 − 30 000 − 5 000 = −3 000 €; equity = 50 000 − 3 000 = 47 000 €.
    assert fb.result == -3_000_00
    assert fb.equity == 47_000_00
    # FRNG = 47 000 + 20 000 − (60 000 − 10 000) = 17 000 €; BFR = 15 000 − 8 000 = 7 000 €;
    # net cash = 12 000 − 2 000 = 10 000 € = FRNG − BFR.
    assert (fb.frng, fb.bfr, fb.net_cash) == (17_000_00, 7_000_00, 10_000_00)
    # CAF = −3 000 + 5 000 − 1 000 = 1 000 €.
    assert fb.caf == 1_000_00
    figs = health_figures(fb)
    assert figs["days_of_cash"].value == pytest.approx(10_000 / (30_000 / 365))
    assert figs["equity_ratio"].value == pytest.approx(47_000 / (50_000 + 15_000 + 12_000))


def test_caf_additive_method_equals_cash_products_minus_cash_charges() -> None:
    # An association's year with every non-cash item of the CAF (PCG, ANC 2018-06):
    # 6811 depreciation 6 000, 6895 report en fonds dédiés 5 000, 675 book value of an asset
    # sold 3 000; 7895 utilisation de fonds dédiés 2 000, 777 investment grant released 2 000,
    # 775 sale price 4 000, 7815 reversal 1 000. Cash items: 641 salaries 50 000, 741 grant
    # 60 000. Result = 69 000 − 64 000 = 5 000 €.
    # Additive method: 5 000 + 6 000 + 5 000 − 2 000 − 2 000 − 1 000 + 3 000 − 4 000 = 10 000 €;
    # subtractive check: cash products − cash charges = 60 000 − 50 000 = 10 000 €.
    tb = pd.DataFrame(
        {
            "account": ["102000", "131000", "139100", "195000", "215400", "281540", "512000",
                        "641000", "681100", "689500", "675000",
                        "741000", "789500", "777000", "775000", "781500"],
            "balance_cents": [-100_000_00, -20_000_00, 2_000_00, -5_000_00, 60_000_00,
                              -12_000_00, 80_000_00,
                              50_000_00, 6_000_00, 5_000_00, 3_000_00,
                              -60_000_00, -2_000_00, -2_000_00, -4_000_00, -1_000_00],
        }
    )  # fmt: skip
    assert tb["balance_cents"].sum() == 0
    fb = from_balances(tb)
    assert fb.result == 5_000_00
    assert fb.caf == 10_000_00
    # Equity 100 000 + (20 000 − 2 000) + 5 000 = 123 000; dedicated funds (19) 5 000;
    # net fixed assets 48 000: FRNG = 80 000 = net cash (BFR 0).
    assert (fb.equity, fb.dedicated_funds, fb.fixed_assets_net) == (123_000_00, 5_000_00, 48_000_00)
    assert (fb.frng, fb.bfr, fb.net_cash) == (80_000_00, 0, 80_000_00)
    # Cash charges: 60 to 67 less 675 → 50 000 € (675 is in 67 but is not paid out).
    assert fb.cash_charges == 50_000_00


@settings(deadline=None)  # a shared machine: timing is not what is tested
@given(trial_balances())
def test_net_cash_is_frng_minus_bfr_on_any_balanced_trial_balance(
    lines: list[tuple[str, int]],
) -> None:
    tb = pd.DataFrame(lines, columns=["account", "balance_cents"])
    fb = from_balances(tb)
    assert fb.frng - fb.bfr == fb.net_cash


def test_recyclerie_2025_health_matches_the_fec() -> None:
    # Figures read from FEC_2025.txt balances (see sample_data/recyclerie/dossier/funding.json).
    section = sample("recyclerie")
    fb = from_year_accounts(section.accounts[0])
    assert fb.frng - fb.bfr == fb.net_cash == 209_134_86
    assert fb.result == 16_455_72  # README: résultat 2025 +16 455,72 €


def test_health_table_spans_years() -> None:
    a = YearAccounts(year=2024, equity=100, cash=50, fixed_assets_net=50, cash_charges=365)
    b = YearAccounts(year=2025, equity=120, cash=70, fixed_assets_net=50, cash_charges=730)
    table = health_table([(2025, from_year_accounts(b)), (2024, from_year_accounts(a))])
    assert table["year"].tolist() == [2024, 2025]
    assert table["days_of_cash"].tolist() == pytest.approx([50.0, 35.0])
    empty = health_figures(FunctionalBalance())
    assert not empty["equity_ratio"].available and not empty["days_of_cash"].available


def test_health_from_the_recyclerie_fec_through_the_ledger_functions() -> None:
    # The ledger's public functions (read_fec, account_balances) feed from_balances: the
    # 2025 year-end figures then match the hand-entered balance sheet of the sample section.
    from essdiag.ledger import account_balances, read_fec
    from essdiag.periods import FiscalYear

    fec = REPO / "sample_data" / "recyclerie" / "FEC_2025.txt"
    fy = FiscalYear(label_year=2025)
    result = read_fec(fec.read_bytes(), file=fec.name, fiscal_year=fy)
    assert result.ledger is not None
    fb = from_balances(account_balances(result.ledger, fy.start, fy.end))
    assert fb.result == 16_455_72  # README: résultat 2025
    assert fb.net_cash == 209_134_86
    assert fb.frng - fb.bfr == fb.net_cash
    assert (fb.frng, fb.bfr) == (273_665_08, 64_530_22)


@pytest.mark.parametrize(
    ("days", "tone"),
    [(29.9, "alert"), (30.0, "watch"), (89.9, "watch"), (90.0, "good"), (400.0, "good")],
)
def test_days_of_cash_read_against_one_and_three_months(days: float, tone: str) -> None:
    # Cash charges 365 € a day-unit of 1 €: net cash of d € covers d days.
    fb = FunctionalBalance(cash=round(days * 100), cash_charges=365_00)
    fig = health_figures(fb)["days_of_cash"]
    assert fig.value == pytest.approx(days)
    assert fig.tone == tone and fig.reading


def test_signs_are_read_and_english_readers_get_them_translated() -> None:
    from essdiag.i18n import translator

    healthy = health_figures(
        FunctionalBalance(equity=100_00, fixed_assets_net=50_00, cash=50_00, result=10_00)
    )
    assert healthy["frng"].tone == "good" and healthy["net_cash"].tone == "good"
    assert healthy["caf"].tone == "good" and healthy["equity_ratio"].reading is None
    assert healthy["bfr"].reading == "l'exploitation dégage une ressource de trésorerie"
    weak = health_figures(
        FunctionalBalance(
            equity=-10_00, fixed_assets_net=50_00, current_assets=30_00, overdraft=20_00,
            result=-5_00,
        )
    )  # fmt: skip
    assert weak["frng"].tone == "alert" and weak["net_cash"].tone == "alert"
    assert weak["caf"].tone == "alert" and weak["equity_ratio"].tone == "alert"
    assert weak["bfr"].reading == "l'exploitation immobilise de la trésorerie"
    negative = health_figures(FunctionalBalance(equity=-10_00, cash=50_00))["equity_ratio"]
    assert negative.reading == "fonds propres négatifs" and negative.tone == "alert"
    assert weak["frng"].read(translator("en")) != weak["frng"].reading


def test_health_view_writes_every_year() -> None:
    from essdiag.finance.health import health_view
    from essdiag.i18n import translator

    a = YearAccounts(year=2024, equity=100, cash=50, fixed_assets_net=50, cash_charges=365)
    view = health_view([(2024, from_year_accounts(a))])
    shown = view.display(translator("fr"))
    assert list(shown.columns) == [
        "Exercice",
        "Date du bilan",
        "FRNG",
        "BFR",
        "Trésorerie nette",
        "Autonomie financière",
        "CAF",
        "Jours de charges",
    ]
    assert shown.iloc[0].tolist() == [
        "2024",
        "–",  # no period given: no date
        "50\xa0€",  # FRNG = 100 of equity − 50 of fixed assets
        "0\xa0€",
        "50\xa0€",
        "100,0\xa0%",
        "0\xa0€",
        "50",
    ]


def test_health_history_prefers_the_ledger_and_reports_an_unreadable_one() -> None:
    from types import SimpleNamespace

    from essdiag.finance.health import health_history, ledger_years
    from essdiag.funding import FundingSection
    from essdiag.identity import Identity
    from essdiag.ledger import read_fec
    from essdiag.ledger.section import LedgerImport, LedgerSection
    from essdiag.periods import FiscalYear

    fec = REPO / "sample_data" / "recyclerie" / "FEC_2025.txt"
    ledger = read_fec(fec.read_bytes(), file=fec.name, fiscal_year=FiscalYear(label_year=2025))
    assert ledger.ledger is not None
    accounts = [YearAccounts(year=2024, cash=10), YearAccounts(year=2025, cash=20)]
    identity = Identity.model_validate({"name": "Test"})
    dossier = SimpleNamespace(identity=identity, funding=FundingSection(accounts=accounts))
    history = health_history(dossier, ledgers={2025: ledger.ledger, 2026: pd.DataFrame()})
    assert history.last == 2025 and history.from_ledger == (2025,)
    assert history.balances[2025].net_cash == 209_134_86  # the ledger's, not the 20 € typed
    assert history.balances[2024].cash == 10_00
    assert [i.code for i in history.issues] == ["health_ledger_unreadable"]
    assert history.issues[0].params["year"] == 2026
    assert health_history(dossier).from_ledger == ()
    imports = [
        LedgerImport(name="a", fiscal_year=2026, parquet_id="x"),
        LedgerImport(name="b", fiscal_year=2025, parquet_id="y"),
        LedgerImport(name="c", fiscal_year=2026, parquet_id="z"),
    ]
    assert ledger_years(LedgerSection(imports=imports)) == (2025, 2026)


def test_health_names_its_date_and_does_not_read_ten_months_as_a_year() -> None:
    """The recyclerie's 2026 accounts stop at 31/10/2026: figures « au 31/10/2026 », the days
    of charges covered computed over the 304 days of January–October.

    Reference recomputed from the FEC text with Decimal: net cash = the cash accounts'
    balance (168 028,63 €, issue #9); cash charges = Σ (Debit − Credit) of accounts 60–67
    and 69 except 675, every line of the file.
    """
    from decimal import Decimal
    from types import SimpleNamespace

    from essdiag.finance.health import health_history
    from essdiag.funding import FundingSection
    from essdiag.i18n import translator
    from essdiag.identity import Identity
    from essdiag.ledger import read_fec

    fec = REPO / "sample_data" / "recyclerie" / "FEC_2026_01-10.txt"
    charges = Decimal(0)
    lines = fec.read_text("utf-8").splitlines()
    for line in lines[1:]:
        cells = line.split("\t")
        account = cells[4]
        if account[:2] in {"60", "61", "62", "63", "64", "65", "66", "67", "69"} and not (
            account.startswith("675")
        ):
            charges += Decimal(cells[11].replace(",", ".")) - Decimal(cells[12].replace(",", "."))
    days = 304  # 1 January to 31 October 2026, both included: 31+28+31+30+31+30+31+31+30+31
    ledger = read_fec(fec.read_bytes(), file=fec.name).ledger
    dossier = SimpleNamespace(
        identity=Identity.model_validate({"name": "Test"}), funding=FundingSection()
    )
    history = health_history(dossier, ledgers={2026: ledger})
    period = history.periods[2026]
    assert (period.days, period.partial) == (days, True)
    figs = history.figures(2026)
    fr, en = translator("fr"), translator("en")
    assert figs["net_cash"].value == pytest.approx(168_028.63)
    assert figs["net_cash"].scope_text(fr) == "au 31/10/2026"
    assert figs["days_of_cash"].value == pytest.approx(168_028.63 / (float(charges) / days))
    assert figs["caf"].scope_text(fr) == (
        "du 01/01/2026 au 31/10/2026, période partielle non annualisée"
    )
    assert (
        figs["caf"].scope_text(en)
        == "from 01/01/2026 to 31/10/2026, part of the year, not annualised"
    )
    assert "Jours de la période = 304" in figs["days_of_cash"].steps(fr)
    shown = history.view().display(fr)
    assert shown.iloc[0]["Date du bilan"] == "31 oct. 2026"
    # A closed year hand-entered reads at its end, over a whole year.
    closed = health_figures(FunctionalBalance(cash=365_00, cash_charges=365_00))
    assert closed["days_of_cash"].value == 365 and closed["net_cash"].scope is None


def test_the_sources_of_the_working_are_translated() -> None:
    from essdiag.i18n import translator

    steps = health_figures(FunctionalBalance(equity=1_00))["frng"].steps(translator("en"))
    assert any("accounts 10 to 14 + result" in s for s in steps)
    assert not any(" à " in s for s in steps)


def test_the_health_workbook_carries_each_figure_with_its_date_and_working() -> None:
    import io

    import openpyxl

    from essdiag.finance.health import HealthPeriod
    from essdiag.i18n import translator
    from essdiag.periods import FiscalYear
    from essdiag.report.finance_xlsx import finance_workbook

    period = HealthPeriod.of_year(FiscalYear(label_year=2026), date(2026, 10, 31))
    fb = FunctionalBalance(equity=100_00, cash=50_00, fixed_assets_net=50_00, cash_charges=304_00)
    figs = health_figures(fb, period)
    raw = finance_workbook(figs, None, [], translator("fr"), title="La Ressourcerie")
    ws = openpyxl.load_workbook(io.BytesIO(raw))["Santé financière"]
    assert ws["A1"].value == "La Ressourcerie"
    assert [c.value for c in ws[3]] == [
        "Indicateur", "Date ou période", "Valeur", "Valeur (nombre)", "Lecture",
        "Comment est-ce calculé ?",
    ]  # fmt: skip
    rows = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
    days = rows["Jours de charges couverts par la trésorerie"]
    assert ws.cell(days, 2).value == "au 31/10/2026" and ws.cell(days, 4).value == 50
    assert "Jours de la période = 304" in ws.cell(days, 6).value

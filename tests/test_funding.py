"""Funding register, mix indicators, stress tests, donors' cost and the bad-input corpus."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from essdiag.funding import FundingSection, FundingSource, Instalment, YearAmount
from essdiag.funding.donations import company_donor_cost, individual_donor_cost
from essdiag.funding.mix import (
    HHI_BANDS,
    band,
    concentration_figures,
    hhi,
    largest_share,
    levers,
    mix_figures,
    shares_by,
    trend,
)
from essdiag.funding.schedule import month_keys, receipts_matrix
from essdiag.funding.stress import apply_stress, stress_test
from essdiag.funding.table import register_table, schedule_table, section_from_tables
from essdiag.i18n import translator
from essdiag.report.funding_xlsx import funding_workbook
from essdiag.treasury import TreasurySection
from essdiag.validation import validate_as

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "funding"
sys.path.insert(0, str(REPO / "sample_data"))

from sections import funding as funding_sample  # noqa: E402


def source(sid: str, funder: str, kind: str, amount: float, **kw: object) -> FundingSource:
    return FundingSource(
        id=sid,
        name=sid,
        funder=funder,
        funder_type=kind,
        amounts=[YearAmount(year=2026, amount=amount)],
        **kw,
    )


@pytest.fixture(scope="module")
def recyclerie() -> FundingSection:
    return FundingSection.model_validate(funding_sample.section("recyclerie"))


# ---------------------------------------------------------------------------- concentration


def test_hhi_worked_examples() -> None:
    # 50/30/20: 0,5² + 0,3² + 0,2² = 0,25 + 0,09 + 0,04 = 0,38
    assert hhi([50, 30, 20]) == pytest.approx(0.38)
    assert hhi([25, 25, 25, 25]) == pytest.approx(0.25)  # four equal funders: 1/4
    assert hhi([10]) == 1.0
    assert hhi([]) != hhi([])  # NaN without funders
    assert largest_share([50, 30, 20]) == 0.5
    assert band(0.10, HHI_BANDS) == "diversifié"
    assert band(0.15, HHI_BANDS) == "modérément concentré"
    assert band(0.38, HHI_BANDS) == "très concentré"


def test_shares_by_family_and_funder_on_a_worked_example() -> None:
    sources = [
        source("asp", "État", "asp", 300_000),
        source("fdi", "État", "etat", 20_000),
        source("dep", "Département", "departement", 80_000),
        source("shop", "Clients", "sales", 250_000),
        source("gifts", "Donateurs", "individual_gifts", 50_000),
        source("loan", "Banque", "bank_loan", 100_000, purpose="investment"),
        source("kind", "Commune", "in_kind", 6_000),
    ]
    fam = shares_by(sources, 2026, by="family").set_index("key")
    # Operating income: 300 + 20 + 80 + 250 + 50 = 700 k€ (loan and in kind left out).
    assert fam["amount"].to_dict() == {
        "public": 400_000,
        "own_activity": 250_000,
        "private": 50_000,
    }
    assert fam["share"]["public"] == pytest.approx(4 / 7)
    by_funder = shares_by(sources, 2026, by="funder")
    assert by_funder.iloc[0].tolist() == ["État", 320_000, pytest.approx(320 / 700)]
    figs = {**mix_figures(sources, 2026), **concentration_figures(sources, 2026)}
    assert figs["own_activity"].value == pytest.approx(250 / 700)
    # HHI over funders: (320² + 250² + 80² + 50²) / 700² = (102 400 + 62 500 + 6 400 + 2 500)
    # / 490 000 = 173 800 / 490 000 = 0,35469…
    assert figs["hhi"].value == pytest.approx(173_800 / 490_000)
    assert "très concentré" in figs["hhi"].formula
    assert figs["largest"].value == pytest.approx(320 / 700)


@given(st.lists(st.floats(0.01, 1e7, allow_nan=False), min_size=1, max_size=20))
def test_shares_sum_to_one_and_hhi_within_bounds(values: list[float]) -> None:
    sources = [source(f"s{i}", f"F{i}", "foundation", v) for i, v in enumerate(values)]
    table = shares_by(sources, 2026, by="funder")
    assert table["share"].sum() == pytest.approx(1.0)
    index = hhi(table["amount"])
    assert 1 / len(values) - 1e-9 <= index <= 1 + 1e-9


def test_recyclerie_narrative_figures(recyclerie: FundingSection) -> None:
    # README 2025: the State (aide au poste + FDI) brings half of the grants and nearly a
    # third of the income. Register 2025: (314 000 + 15 000) / 1 040 900 = 31,6 %;
    # grants (74): 626 000 public + 25 000 foundation = 651 000, State = 50,5 %.
    figs = concentration_figures(recyclerie.sources, 2025)
    assert figs["largest"].value == pytest.approx(329_000 / 1_040_900)
    assert "État" in figs["largest"].formula
    fam = shares_by(recyclerie.sources, 2025).set_index("key")["amount"]
    assert fam["public"] == 626_000 and fam["own_activity"] == 370_500 and fam["private"] == 44_400
    assert 329_000 / (fam["public"] + 25_000) == pytest.approx(0.505, abs=0.001)
    history = trend(recyclerie.sources, recyclerie.years())
    assert history["year"].tolist() == [2025, 2026, 2027]
    assert history["public_share"].iloc[1] < history["public_share"].iloc[0]  # Département cut


def test_levers_grid(recyclerie: FundingSection) -> None:
    grid = levers(
        recyclerie.sources,
        2025,
        employees=25,
        fte=21.5,
        volunteers=45,
        alliances=recyclerie.alliances,
    )
    values = dict(zip(grid["indicator"], grid["value"], strict=True))
    assert values["Bénévoles par salarié"] == pytest.approx(1.8)
    assert values["Contributions en nature valorisées"] == 64_806  # 6 000 + 58 806 (README)
    assert values["Partenariats et réseaux déclarés"] == 4


# ---------------------------------------------------------------------------- schedules and stress


def test_receipts_follow_the_schedule_including_next_year_balances(
    recyclerie: FundingSection,
) -> None:
    months = month_keys(2026, 1, 24)
    matrix = receipts_matrix(recyclerie.sources, months)
    # FSE+ 2025 (85 000 €) arrives in November 2026, FSE+ 2026 (88 000 €) in November 2027.
    assert matrix.loc["fse", "2026-11"] == 85_000 and matrix.loc["fse", "2027-11"] == 88_000
    # EPCI 2026: 60 % in March, second payment (19 200 €) in November (README).
    assert matrix.loc["epci", "2026-11"] == pytest.approx(19_200)
    # Every year's amount is paid once in full when its whole schedule falls in the plan.
    assert matrix.loc[
        "departement", [m for m in months if m.startswith("2026")]
    ].sum() == pytest.approx(0.2 * 95_000 + 0.8 * 85_500)


def test_stress_of_zero_changes_nothing(recyclerie: FundingSection) -> None:
    months = month_keys(2026, 1, 12)
    receipts = receipts_matrix(recyclerie.sources, months)
    assert apply_stress(receipts, "fse").equals(receipts)
    result, issues = stress_test(
        recyclerie.sources,
        "departement",
        2026,
        receipts=receipts,
        opening_cash=209_134.86,
        other_inflows={"autres": [30_000.0] * 12},
        outflows={"charges": [85_000.0] * 12},
    )
    assert issues == [] and result is not None
    assert result.result_effect == 0 and result.cash_effect == 0
    assert result.stressed_closing == result.base_closing


@given(st.floats(0, 1), st.integers(0, 30))
def test_stress_never_adds_money(cut: float, delay: int) -> None:
    m = pd.DataFrame([[100.0, 0.0, 50.0, 25.0]], index=["a"], columns=list("1234"))
    out = apply_stress(m, "a", cut_share=cut, delay_months=delay)
    assert out.loc["a"].sum() <= m.loc["a"].sum() + 1e-9


def test_stress_department_stops(recyclerie: FundingSection) -> None:
    months = month_keys(2026, 1, 12)
    receipts = receipts_matrix(recyclerie.sources, months)
    result, _ = stress_test(
        recyclerie.sources,
        "departement",
        2026,
        receipts=receipts,
        opening_cash=100_000.0,
        other_inflows={"autres": [0.0] * 12},
        outflows={"charges": [0.0] * 12},
        cut_share=1.0,
    )
    assert result is not None
    assert result.result_effect == -85_500  # 2026 convention, lost entirely
    # Cash lost inside 2026: the 2025 balance (0,2 × 95 000) and the 2026 advance and
    # instalment (0,8 × 85 500) = 19 000 + 68 400 = 87 400 €.
    assert result.base_closing - result.stressed_closing == pytest.approx(87_400)
    unknown, issues = stress_test(
        recyclerie.sources, "nobody", 2026, receipts=receipts, opening_cash=0.0,
        other_inflows={}, outflows={},
    )  # fmt: skip
    assert unknown is None and "n'est pas dans le registre" in issues[0].message


# ---------------------------------------------------------------------------- donors


def test_individual_donor_cost() -> None:
    on = date(2026, 1, 1)
    assert individual_donor_cost(100, 30_000, on=on).reduction == Decimal("66.00")
    # 75 % up to 1 000 €, 66 % above: 750 + 0,66 × 500 = 1 080 € (gift made in 2025: the
    # 1 000 € ceiling; the loi de finances pour 2026 raises it to 2 000 € from 14/10/2025).
    helped = individual_donor_cost(1_500, 50_000, help_to_people=True, on=date(2025, 6, 1))
    assert helped.reduction == Decimal("1080.00") and helped.net_cost == Decimal("420.00")
    # 20 % of 20 000 € = 4 000 € within the cap: 2 640 €, 6 000 € carried forward
    capped = individual_donor_cost(10_000, 20_000, on=on)
    assert capped.reduction == Decimal("2640.00") and capped.carried_forward == Decimal("6000.00")
    assert any("CGI art. 200" in s for s in capped.figure.steps())


def test_gifts_at_75_percent_are_outside_the_20_percent_income_limit() -> None:
    # CGI art. 200-1 ter: the 75 % gifts are not counted in the 20 % limit; only the
    # 66 % part is capped (service-public.fr F426: « Le montant cumulé des dons qui donnent
    # droit à la réduction d'impôt de 66 % ne peut pas dépasser 20 % de votre revenu »).
    on = date(2025, 6, 1)  # ceiling 1 000 € in 2025 (legal.toml)
    # service-public / BOI-IR-RICI-250-30 example: 1 200 € → 1 000 × 75 % + 200 × 66 % = 882 €
    assert individual_donor_cost(1_200, 50_000, help_to_people=True, on=on).reduction == Decimal(
        "882.00"
    )
    # Small income 4 000 € (20 % = 800 €), 1 000 € given to a food bank: the whole 750 €,
    # not 75 % × 800 = 600 € (the 75 % part is not limited by the income).
    low = individual_donor_cost(1_000, 4_000, help_to_people=True, on=on)
    assert low.reduction == Decimal("750.00") and low.carried_forward == Decimal("0.00")
    # 2 000 € given: 1 000 × 75 % + min(1 000, 800) × 66 % = 750 + 528 = 1 278 €, 200 € carried.
    mixed = individual_donor_cost(2_000, 4_000, help_to_people=True, on=on)
    assert mixed.reduction == Decimal("1278.00") and mixed.carried_forward == Decimal("200.00")
    assert mixed.net_cost == Decimal("722.00")


def test_company_donor_cost() -> None:
    on = date(2026, 1, 1)
    # Ceiling max(20 000, 0,5 % × 1 M€ = 5 000) = 20 000 €: 60 % × 20 000 = 12 000 €
    c = company_donor_cost(30_000, 1_000_000, on=on)
    assert c.reduction == Decimal("12000.00") and c.carried_forward == Decimal("10000.00")
    # 3 M€ of gifts, 1 Md€ turnover: 60 % × 2 M€ + 40 % × 1 M€ = 1,6 M€
    big = company_donor_cost(3_000_000, 1_000_000_000, on=on)
    assert big.reduction == Decimal("1600000.00")
    assert company_donor_cost(
        3_000_000, 1_000_000_000, on=on, help_to_people=True
    ).reduction == Decimal("1800000.00")
    with pytest.raises(ValueError, match="négatifs"):
        company_donor_cost(-1, 0, on=on)


# ---------------------------------------------------------------------------- model and tables


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.json")), ids=lambda p: p.stem)
def test_bad_input_corpus_gives_french_messages(path: Path) -> None:
    case = json.loads(path.read_text("utf-8"))
    model = FundingSection if case["section"] == "funding" else TreasurySection
    value, issues = validate_as(model, case["data"], prefix=(case["section"],))
    assert value is None
    assert case["expect"] in {i.code for i in issues}
    for issue in issues:
        assert issue.message and "{" not in issue.message
        assert any(
            w in issue.message.lower()
            for w in (
                "doit",
                "ne peut",
                "ne peuvent",
                "plusieurs",
                "au lieu",
                "finit",
                "il faut",
                "pas valide",
                "n'a pas",
                "s'écrit",
                "se saisissent",
            )
        )


def test_schedule_sum_message_is_clear() -> None:
    _, issues = validate_as(
        FundingSection,
        {"sources": [{"id": "r", "name": "Région", "funder_type": "region",
                      "schedule": [{"share": 0.5, "month": 4}, {"share": 0.4, "month": 12}]}]},
    )  # fmt: skip
    assert "totalise 90 % du montant annuel au lieu de 100 %" in issues[0].message
    assert issues[0].template.startswith("L'échéancier de")  # translatable template kept


def test_tables_round_trip_and_refuse_bad_rows(recyclerie: FundingSection) -> None:
    register = register_table(recyclerie, recyclerie.years())
    schedule = schedule_table(recyclerie)
    rebuilt, issues = section_from_tables(recyclerie, register, schedule)
    assert issues == [] and rebuilt == recyclerie
    bad = schedule.copy()
    bad.loc[len(bad)] = ["ghost", "balance", 100.0, 6, 0]
    none, issues = section_from_tables(recyclerie, register, bad)
    assert none is None and "absente du registre" in issues[0].message
    wrong = schedule.copy()
    wrong.loc[wrong["source_id"] == "region", "share_pct"] = 40.0
    none, issues = section_from_tables(recyclerie, register, wrong)
    assert none is None and issues[0].code == "funding_schedule_sum"
    region_lines = [n + 1 for n in wrong.index[wrong["source_id"] == "region"]]
    assert issues[0].file == "Échéanciers de versement" and issues[0].line == region_lines[0]
    assert f"(lignes {', '.join(map(str, region_lines))} de l'échéancier)" in issues[0].message
    assert f"totalisent {len(region_lines) * 40} % du montant annuel" in issues[0].message


def test_bad_rows_of_the_tables_are_located_by_line_and_column(
    recyclerie: FundingSection,
) -> None:
    from datetime import date as d

    register = register_table(recyclerie, recyclerie.years())
    schedule = schedule_table(recyclerie)
    register.loc[1, "y2026"] = -500.0
    register.loc[2, "agreement_start"] = d(2027, 1, 1)
    register.loc[2, "agreement_end"] = d(2026, 1, 1)
    schedule.loc[0, "share_pct"] = 150.0
    none, issues = section_from_tables(recyclerie, register, schedule)
    assert none is None
    by_code = {i.code: i for i in issues}
    negative = by_code["funding_negative_amount"]
    assert (negative.file, negative.line, negative.column) == (
        "Registre des financements",
        2,
        "Montant 2026 (€)",
    )
    name = register.loc[1, "name"]
    assert negative.message == (
        f"Le montant 2026 de « {name} » ne peut pas être négatif (reçu : -500 €) : "
        "saisissez un montant positif ou nul."
    )
    dates = by_code["funding_agreement_dates"]
    assert (dates.line, dates.column) == (3, "Fin de convention")
    assert "finit (01/01/2026) avant de commencer (01/01/2027)" in dates.message
    share = by_code["less_than_equal"]
    assert (share.file, share.line) == ("Échéanciers de versement", 1)
    assert "doit être comprise entre 0 et 100 % (reçu : 150 %)" in share.message
    assert all("funding.sources" not in i.where() for i in issues)


def test_both_sample_sections_validate() -> None:
    for case in ("recyclerie", "scic-energie"):
        assert FundingSection.model_validate(funding_sample.section(case)).sources
    assert funding_sample.section("blank") is None


def test_funding_workbook_reopens(recyclerie: FundingSection) -> None:
    scic = FundingSection.model_validate(funding_sample.section("scic-energie"))
    years = recyclerie.years()
    raw = funding_workbook(
        recyclerie.sources, years, trend(recyclerie.sources, years), scic.plans, translator("fr")
    )
    wb = openpyxl.load_workbook(io.BytesIO(raw))
    assert wb.sheetnames[:2] == ["Registre", "Mix"]
    reg = wb["Registre"]
    assert reg["A1"].value == "Registre des financements"
    assert reg["B4"].value == "Aide au poste ACI (versée par l'ASP)"
    assert reg["I4"].value == 314_000  # 2025
    loan = wb["Prêt 1.1"]
    assert loan["F4"].value == pytest.approx(475.0)  # deferral: 150 000 × 3,8 % / 12
    assert loan.max_row == 3 + 180
    english = funding_workbook(
        recyclerie.sources, years, trend(recyclerie.sources, years), [], translator("en")
    )
    assert openpyxl.load_workbook(io.BytesIO(english)).sheetnames[0] == "Register"


def test_instalment_model() -> None:
    with pytest.raises(ValueError, match="greater than 0"):
        Instalment(share=0, month=1)


@given(
    st.lists(
        st.lists(st.floats(0, 1e6, allow_nan=False), min_size=6, max_size=6),
        min_size=1,
        max_size=5,
    )
)
def test_a_zero_stress_is_the_identity_on_any_schedule(rows: list[list[float]]) -> None:
    matrix = pd.DataFrame(rows, index=[f"s{i}" for i in range(len(rows))], columns=list("abcdef"))
    for sid in matrix.index:
        assert apply_stress(matrix, str(sid), cut_share=0.0, delay_months=0).equals(matrix)


def test_schedule_issues_flag_payments_outside_the_plan_and_lapsed_agreements(
    recyclerie: FundingSection,
) -> None:
    from essdiag.funding.schedule import schedule_issues

    notes = schedule_issues(recyclerie.sources, month_keys(2026, 1, 24))
    late = {
        (i.params["name"], i.params["month"])
        for i in notes
        if i.code == "funding_payment_after_plan"
    }
    assert ("FSE+ – accompagnement socioprofessionnel", "11/2028") in late
    assert all(i.severity == "info" for i in notes)
    lapsed = source(
        "old",
        "Commune",
        "commune",
        5_000,
        agreement_start=date(2024, 1, 1),
        agreement_end=date(2025, 12, 31),
    )
    warning = schedule_issues([lapsed], [])
    assert warning[0].code == "funding_after_agreement"
    assert warning[0].message == (
        "La convention de « old » se termine le 31/12/2025 mais un montant est saisi pour 2026 : "
        "vérifiez son renouvellement."
    )
    early = source("e", "Région", "region", 1_000, schedule=[Instalment(share=1.0, month=3)])
    assert schedule_issues([early], ["2026-06"])[0].code == "funding_payment_before_plan"


def test_dossier_with_these_sections_round_trips_through_json_and_xlsx() -> None:
    from sections import treasury as treasury_sample

    from essdiag.dossier import Dossier, read_dossier_json
    from essdiag.dossier_files import read_dossier_xlsx, write_dossier_xlsx

    data = json.loads((REPO / "sample_data" / "scic-energie" / "dossier.json").read_text("utf-8"))
    data["funding"] = funding_sample.section("scic-energie")
    data["treasury"] = treasury_sample.section("scic-energie")
    dossier = Dossier.model_validate(data)
    assert read_dossier_json(dossier.to_json().encode())[0] == dossier
    back, issues = read_dossier_xlsx(write_dossier_xlsx(dossier))
    assert issues == [] and back is not None
    assert back.funding == dossier.funding and back.treasury == dossier.treasury


def test_chart_builders_label_every_bar_and_translate(recyclerie: FundingSection) -> None:
    from essdiag.charts import funding as charts
    from essdiag.finance.financing_plan import NEED_CATEGORIES, RESOURCE_CATEGORIES, plan_table
    from essdiag.finance.loans import loan_schedule

    fr, en = translator("fr"), translator("en")
    table = shares_by(recyclerie.sources, 2025)
    fig = charts.family_chart(table, fr, year=2025)
    assert fig.layout.title.text == "Ressources de fonctionnement 2025 par famille"
    assert list(fig.data[0].text) == [
        fr.percent(s) for s in table["share"]
    ]  # shares written, not colour only
    assert (
        charts.family_chart(table, en, year=2025).layout.title.text
        == "2025 operating resources by family"
    )
    trend_fig = charts.trend_chart(trend(recyclerie.sources, recyclerie.years()), fr)
    assert trend_fig.layout.xaxis.type == "category"
    assert trend_fig.layout.yaxis2.tickformat == ".0%" and trend_fig.layout.yaxis.ticksuffix == " €"
    scic = FundingSection.model_validate(funding_sample.section("scic-energie")).plans[0]
    plan_fig = charts.plan_chart(plan_table(scic), fr, {**NEED_CATEGORIES, **RESOURCE_CATEGORIES})
    assert {t.name for t in plan_fig.data} >= {
        "Investissements",
        "Emprunts",
        "Capital des sociétaires",
    }
    loan_fig = charts.loan_chart(loan_schedule(scic.loans[0]), fr, title="Prêt")
    assert [t.name for t in loan_fig.data] == [
        "Capital remboursé",
        "Intérêts",
        "Capital restant dû",
    ]

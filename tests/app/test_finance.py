"""The "Santé financière et investissements" screen: health from balance sheets or a FEC, plans."""

from __future__ import annotations

from pathlib import Path

from essdiag.store import Workspace
from tests.app.apptest import frame_with, plain, start
from tests.app.test_funding import db_url, open_case

__all__ = ["db_url"]  # the fixture of the funding screen tests: samples typed in by hand

PAGE = "pages/finance.py"
REPO = Path(__file__).resolve().parents[2]


def test_finance_page_needs_a_dossier(db_url: str) -> None:
    at = start()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.title[0].value == "Santé financière et investissements"
    assert "Aucun dossier n'est ouvert" in at.info[0].value


def test_scic_financing_plan_and_loans(db_url: str) -> None:
    at = open_case("scic-energie", page=PAGE)
    at.selectbox(key="funding_plan_choice").set_value(0).run()
    assert not at.exception
    metrics = {m.label: plain(m.value) for m in at.metric}
    assert metrics["Équilibre ressources − besoins"] == "0,00 €"
    assert "Échéance après différé" in metrics
    assert metrics["VAN"].endswith("€") and metrics["TRI"].endswith("%")
    assert at.get("plotly_chart")
    schedule = frame_with(at, "Capital restant dû en fin")
    assert schedule.iloc[0]["Date"] == "janvier 2027"  # the plan starts in 2027


def test_health_tab_reads_the_hand_entered_balance_sheet(db_url: str) -> None:
    at = open_case(page=PAGE)
    table = frame_with(at, "FRNG")
    # Recyclerie 2025, from FEC_2025 balances: FRNG 273 665 €, BFR 64 530 €, cash 209 135 €.
    row = table.iloc[-1]
    assert plain(row["FRNG"]) == "273 665 €"
    assert plain(row["BFR"]) == "64 530 €"
    assert plain(row["Trésorerie nette"]) == "209 135 €"
    assert any("bilan saisi" in c.value for c in at.caption)
    captions = [plain(c.value) for c in at.caption]
    assert "les ressources stables couvrent les immobilisations" in captions


def test_health_tab_reads_an_imported_fec(db_url: str) -> None:
    from essdiag.ledger import read_fec, store_ledger
    from essdiag.periods import FiscalYear

    at = open_case(page=PAGE)
    opened = at.session_state["dossier_current"]
    ws = Workspace(db_url)
    raw = (REPO / "sample_data" / "recyclerie" / "FEC_2025.txt").read_bytes()
    fec = read_fec(raw, file="FEC_2025.txt", fiscal_year=FiscalYear(label_year=2025))
    assert fec.ledger is not None
    ledger = store_ledger(
        ws,
        opened.id,
        opened.dossier.ledger,
        fec.ledger,
        original=raw,
        name="FEC_2025.txt",
        kind="fec",
        fiscal_year=2025,
        lines_read=fec.lines_read,
        issues=len(fec.issues),
    )
    ws.save(
        opened.id,
        opened.dossier.model_copy(
            update={
                "ledger": ledger,
                "funding": opened.dossier.funding.model_copy(update={"accounts": []}),
            }
        ),
        base=opened.revision,
        author="test",
        message="FEC 2025",
    )
    at.switch_page("pages/home.py").run()
    at.selectbox(key="home_open_choice").set_value(opened.id)
    at.button(key="FormSubmitter:home_open_form-Ouvrir").click().run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("balance des comptes importés" in c.value for c in at.caption)
    row = frame_with(at, "FRNG").iloc[-1]
    assert plain(row["FRNG"]) == "273 665 €"
    assert plain(row["Trésorerie nette"]) == "209 135 €"


def test_recyclerie_empty_plan_guides_the_user(db_url: str) -> None:
    at = open_case(page=PAGE)
    infos = [plain(i.value) for i in at.info]
    # The recyclerie has no financing plan: the tab says what to enter.
    assert any(i.startswith("Aucun plan de financement pour l'instant.") for i in infos)


def test_a_plan_with_bad_flows_is_not_saved(db_url: str) -> None:
    at = open_case("scic-energie", page=PAGE)
    ws = Workspace(db_url)
    heads = {d.id: d.head for d in ws.list_dossiers()}
    at.text_input(key="funding_plan_flows").set_value("-10 ; dix")
    at.button(key="FormSubmitter:funding_plan_form-Enregistrer le plan").click().run()
    assert not at.exception
    assert "Rien n'a été enregistré" in at.error[0].value
    assert "nombres séparés par « ; »" in at.error[0].value
    assert {d.id: d.head for d in ws.list_dossiers()} == heads


def test_english_finance_page(db_url: str) -> None:
    at = open_case(lang="en", page=PAGE)
    assert at.title[0].value == "Financial health and investments"
    assert not at.exception


def test_health_of_a_year_in_progress_names_its_date(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The sample as shipped: its 2026 FEC stops at 31/10/2026 (issue #9).
    monkeypatch.setenv("ESSDIAG_DATABASE_URL", f"sqlite:///{tmp_path / 'ws.sqlite'}")
    at = open_case(page=PAGE)
    labels = [m.label for m in at.metric]
    assert "Trésorerie nette (au 31/10/2026)" in labels
    assert (
        "Capacité d'autofinancement (CAF) (du 01/01/2026 au 31/10/2026, période partielle "
        "non annualisée)" in labels
    )
    assert any("304 jours" in plain(i.value) for i in at.info)
    metrics = {m.label.split(" (au")[0]: plain(m.value) for m in at.metric}
    # to the cent, as the sentence that says where the balance comes from and the working
    assert metrics["Trésorerie nette"] == "168 028,63 €"
    english = open_case(lang="en", page=PAGE)
    values = [plain(m.value) for m in english.metric]
    assert not any("jours" in v for v in values)

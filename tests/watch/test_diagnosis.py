"""Organisation analysis, SWOT candidates with their origin, TOWS checks, the action plan."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from essdiag.dossier import Dossier
from essdiag.figures import Figure
from essdiag.i18n import translator
from essdiag.identity import Identity
from essdiag.risks.section import Assessment, Risk, RiskSection
from essdiag.watch.diagnosis import (
    action_plan_records,
    add_swot_items,
    economic_model,
    governance_figures,
    swot_candidates,
    tows_issues,
)
from essdiag.watch.section import (
    Diagnosis,
    GovernanceBody,
    JournalItem,
    Need,
    Orientation,
    Skill,
    SwotItem,
    WatchSection,
)

FR = translator("fr")


def test_governance_figures_by_hand() -> None:
    d = Diagnosis(
        bodies=[
            GovernanceBody(
                name="AG",
                members=180,
                meetings_planned=1,
                meetings_held=1,
                attendance=0.22,
                elected=False,
            ),
            GovernanceBody(
                name="CA",
                members=12,
                meetings_planned=6,
                meetings_held=5,
                attendance=0.71,
                renewed=3,
            ),
            GovernanceBody(
                name="Bureau",
                members=4,
                meetings_planned=10,
                meetings_held=11,
                attendance=0.90,
                renewed=1,
            ),
        ]
    )
    f = governance_figures(d)
    # Meetings: (1 + 5 + 11) / (1 + 6 + 10) = 17 / 17 = 1,0 → « comme prévu ».
    assert f["meetings"].value == pytest.approx(1.0) and f["meetings"].tone == "good"
    # Attendance: (0,22 + 0,71 + 0,90) / 3 = 0,61 → « à surveiller » (0,5 ≤ x < 0,7).
    assert f["attendance"].value == pytest.approx(0.61) and f["attendance"].tone == "watch"
    # Renewal of the elected bodies: (3 + 1) / (12 + 4) = 0,25 → « régulier »; the AG is not elected.
    assert (
        f["renewal"].value == pytest.approx(0.25)
        and f["renewal"].reading == "renouvellement régulier"
    )
    assert governance_figures(Diagnosis())["meetings"].value is None


@pytest.mark.parametrize(("held", "tone"), [(3, "watch"), (2, "alert")])
def test_meeting_bands_at_one_half(held: int, tone: str) -> None:
    # 3 / 6 = 0,50 is « moins que prévu » (watch); 2 / 6 = 0,33 < 0,5 is « peu réunies » (alert).
    d = Diagnosis(
        bodies=[GovernanceBody(name="CA", members=10, meetings_planned=6, meetings_held=held)]
    )
    assert governance_figures(d)["meetings"].tone == tone


def dossier() -> Dossier:
    watch = WatchSection(
        needs=[
            Need(id="B01", title="Mobilité des salariés en parcours", evidence="0,148 contre 0,130")
        ],
        journal=[
            JournalItem(
                id="V001",
                date=date(2026, 1, 8),
                title="Hausse de l'électricité",
                source="CRE",
                link="threat",
            ),
            JournalItem(id="V002", date=date(2026, 2, 8), title="Info sans lien"),
        ],
        diagnosis=Diagnosis(skills=[Skill(name="CIP", holders=1, critical=True)]),
    )
    risks = RiskSection(
        risks=[
            Risk(
                id="R01",
                title="Départ de la CIP",
                category="human",
                inherent=Assessment(likelihood=3, impact=4),
            ),
            Risk(
                id="R02",
                title="Baisse des subventions",
                category="financial",
                inherent=Assessment(likelihood=4, impact=4),
            ),
            Risk(
                id="R03",
                title="Clos",
                category="financial",
                inherent=Assessment(likelihood=5, impact=5),
                closed=True,
            ),
        ]
    )
    return Dossier(identity=Identity(name="Test"), watch=watch, risks=risks)


def test_swot_candidates_keep_their_origin() -> None:
    hhi = Figure.of(
        "Concentration des financeurs (HHI)",
        0.38,
        "ratio",
        "Σ sᵢ²",
        reading="très concentré",
        tone="alert",
    )
    variance = pd.DataFrame(
        [
            {
                "kind": "income",
                "key": "707100",
                "label": "Ventes boutique",
                "budget": 100.0,
                "actual": 120.0,
                "variance": 20.0,
                "favourable": True,
                "flagged": True,
            }
        ]
    )
    found = {
        (c.quadrant.value, c.origin.kind.value, c.origin.ref)
        for c in swot_candidates(dossier(), FR, indicators={"hhi": hhi}, variance=variance)
    }
    assert found == {
        ("T", "watch", "V001"),  # a watch item linked to a threat
        ("O", "need", "B01"),  # a need of the territory is an opportunity
        ("T", "risk", "R02"),  # financial: external → threat (score 16)
        ("W", "risk", "R01"),  # human: internal → weakness (score 12); the closed risk is left out
        ("W", "funding", "hhi"),  # an indicator read « alert »
        ("S", "variance", "707100"),  # a favourable flagged variance
        ("W", "governance", "skill:CIP"),  # a critical skill held by one person
    }


def test_candidates_already_in_the_swot_are_not_proposed_again() -> None:
    d = dossier()
    first = swot_candidates(d, FR)
    diag = add_swot_items(d.watch.diagnosis, first[:2])
    assert [i.id for i in diag.swot] == ["T1", "O1"]
    again = swot_candidates(
        d.model_copy(update={"watch": d.watch.model_copy(update={"diagnosis": diag})}), FR
    )
    assert len(again) == len(first) - 2


def test_tows_checks_the_quadrants_each_kind_crosses() -> None:
    swot = [
        SwotItem(id="S1", quadrant="S", text="s"),
        SwotItem(id="W1", quadrant="W", text="w"),
        SwotItem(id="T1", quadrant="T", text="t"),
    ]
    ok = Orientation(
        id="OR1",
        kind="WT",
        title="ok",
        item_ids=["W1", "T1"],
        actions=["a", "b"],
        horizon=2027,
        jobs_kept=2,
    )
    bad = Orientation(id="OR2", kind="SO", title="sans opportunité", item_ids=["S1"])
    d = Diagnosis(swot=swot, orientations=[ok, bad])
    issues = tows_issues(d)
    assert [(i.code, i.params["label"]) for i in issues] == [
        ("tows_missing_quadrant", "Opportunité")
    ]
    records = action_plan_records(d)
    assert [(r["orientation_id"], r["action"], r["horizon"]) for r in records] == [
        ("OR1", "a", 2027),
        ("OR1", "b", 2027),
    ]


def test_the_economic_model_from_a_ledger_in_cents() -> None:
    ledger = pd.DataFrame(
        {
            "journal": ["VE", "VE", "OD", "OD", "PA", "PA", "AC", "AC"],
            "entry": ["1", "1", "2", "2", "3", "3", "4", "4"],
            "date": pd.to_datetime(["2025-03-01"] * 8),
            "account": ["411", "707100", "441", "741100", "641000", "421", "606100", "401"],
            "account_label": [""] * 8,
            "label": [""] * 8,
            "debit_cents": [30000_00, 0, 70000_00, 0, 60000_00, 0, 20000_00, 0],
            "credit_cents": [0, 30000_00, 0, 70000_00, 0, 60000_00, 0, 20000_00],
            "analytic": [None] * 8,
            "opening": [False] * 8,
        }
    )
    model = economic_model(Dossier(identity=Identity(name="T")), ledgers={2025: ledger}, year=2025)
    # Income 30 000 + 70 000 = 100 000 €; sales 30 %, grants 70 %; staff 60 000 / 80 000 = 75 %; result +20 000 €.
    assert model.figures["own_activity"].value == pytest.approx(0.30)
    assert model.figures["grants"].value == pytest.approx(0.70)
    assert model.figures["staff"].value == pytest.approx(0.75)
    result = model.view.frame.set_index("kind").loc["result", "amount"]
    assert result == pytest.approx(20000)

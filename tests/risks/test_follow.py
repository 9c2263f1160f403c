"""Follow-up of the register: headline figures, late actions and reviews, continuity, history.

The recyclerie's dates are read off its risk map by hand, on 27/11/2026.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from essdiag.i18n import translator
from essdiag.risks import Risk, RiskSection
from essdiag.risks.follow import (
    actions_view,
    continuity_view,
    headline,
    overdue_actions,
    overdue_actions_view,
    overdue_reviews_view,
    score_history_view,
)

TODAY = date(2026, 11, 27)


def _risk(rid: str, lik: int, i: int, res: tuple[int, int] | None = None) -> Risk:
    return Risk.model_validate(
        {
            "id": rid,
            "title": f"Risque {rid}",
            "category": "financial",
            "inherent": {"likelihood": lik, "impact": i},
            "residual": None if res is None else {"likelihood": res[0], "impact": res[1]},
        }
    )


def test_overdue_actions_and_reviews(rec: RiskSection) -> None:
    late = overdue_actions_view(rec, TODAY)
    # Open actions due before 27/11/2026: R12 (31/03), R06 (30/06), R02 and R05 (30/09), R04 (31/10).
    assert late.values("id") == ["R12", "R06", "R02", "R05", "R04"]
    assert late.values("days_late")[0] == (TODAY - date(2026, 3, 31)).days
    assert [r.id for r, _a in overdue_actions(rec, TODAY)] == late.values("id")
    reviews = overdue_reviews_view(rec, TODAY)
    assert set(reviews.values("id")) == {"R02", "R06", "R08", "R12", "R13"}
    days = reviews.values("days_late")
    assert days[0] == max(d for d in days if d is not None)


def test_late_tables_read_the_readers_way(rec: RiskSection) -> None:
    shown = overdue_actions_view(rec, TODAY).display(translator("fr"))
    assert list(shown.columns) == [
        "Identifiant",
        "Action",
        "Échéance de l'action",
        "Jours de retard",
        "Responsable de l'action",
        "Statut",
        "Risque",
    ]
    assert shown.iloc[0]["Échéance de l'action"] == "31 mars 2026"
    assert shown.iloc[0]["Jours de retard"] == "241"
    assert shown.iloc[0]["Statut"] in {"À faire", "En cours"}
    reviews = overdue_reviews_view(rec, TODAY).display(translator("fr")).set_index("Identifiant")
    assert reviews.loc["R13", "Prochaine revue"] == "30 avr. 2026"


def test_headline_figures_of_the_recyclerie(rec: RiskSection) -> None:
    h = headline(rec, TODAY)
    assert h.followed.value == 13
    assert h.upper_bands == ("Élevé", "Critique")  # the two highest bands of the 5×5
    # Six followed risks have their net score in « Élevé » (10–16) or « Critique » (17–25).
    assert h.upper.value == 6
    assert h.late_actions.value == 5
    assert h.late_reviews.value == 5
    assert h.followed.shown() == "13"
    assert h.followed.steps()[0] == "Risques suivis = risques du registre − risques clos"


def test_headline_of_an_empty_register() -> None:
    h = headline(RiskSection(), TODAY)
    assert [f.value for f in (h.followed, h.upper, h.late_actions, h.late_reviews)] == [0] * 4


def test_continuity_sheets_name_their_worst_risk(rec: RiskSection) -> None:
    cont = continuity_view(rec).frame.set_index("id")
    assert cont.loc["C01", "risk_ids"] == "R02, R06, R12"
    assert cont.loc["C01", "worst_band"] == "Élevé"  # R02 residual 16
    shown = continuity_view(rec).display(translator("fr")).set_index("Identifiant")
    assert shown.loc["C02", "Dernier exercice"] == "15 mai 2026"  # C02 exercised on 2026-05-15


def test_every_action_is_listed_once(rec: RiskSection) -> None:
    view = actions_view(rec)
    assert len(view) == sum(len(r.actions) for r in rec.risks)
    assert view.headers(translator("fr"))[-2:] == ["Statut", "Suivi de l'action"]


class _Rev:
    def __init__(self, number: int, day: int, hour: int = 0) -> None:
        self.number = number
        self.created_at = datetime(2026, 11, day, hour, 5, tzinfo=UTC)


def test_score_history_over_revisions() -> None:
    v1 = RiskSection(risks=[_risk("R1", 4, 4)])
    v2 = RiskSection(risks=[_risk("R1", 4, 4, res=(3, 4)), _risk("R2", 2, 2)])
    v3 = RiskSection(risks=[_risk("R1", 4, 4, res=(2, 4)), _risk("R2", 2, 3)])
    history = score_history_view([(_Rev(3, 20), v3), (_Rev(1, 10), v1), (_Rev(2, 15), v2)])
    r1 = history.rows_where([i == "R1" for i in history.values("id")])
    assert r1.values("revision") == [1, 2, 3]
    assert r1.values("net") == [16, 12, 8]
    assert r1.values("band") == ["Élevé", "Élevé", "Modéré"]
    only_r2 = score_history_view([(_Rev(1, 10), v1), (_Rev(2, 15), v2)], "R2")
    assert only_r2.values("net") == [4]
    assert score_history_view([]).empty


def test_revision_times_are_shown_in_paris_time() -> None:
    history = score_history_view([(_Rev(1, 27, 8), RiskSection(risks=[_risk("R1", 1, 1)]))])
    fr = history.display(translator("fr"))
    assert fr.iloc[0]["Date"] == "27 nov. 2026, 09:05:00"  # revisions are stored in UTC
    assert history.display(translator("en")).iloc[0]["Date"].startswith("27 Nov 2026")

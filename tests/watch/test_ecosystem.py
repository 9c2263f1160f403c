"""Actors and funders read from the register, the map's stances, the cooperations and their rules."""

from __future__ import annotations

from essdiag.funding.section import FundingSection, FundingSource, YearAmount
from essdiag.watch.ecosystem import (
    MapQuadrant,
    cooperation_opportunities,
    ecosystem_actors,
    funder_influence,
    quadrant,
)
from essdiag.watch.section import Actor, WatchSection


def source(id_: str, funder: str, kind: str, amount: float) -> FundingSource:
    return FundingSource(
        id=id_,
        name=id_,
        funder=funder,
        funder_type=kind,
        amounts=[YearAmount(year=2025, amount=amount)],
    )


FUNDING = FundingSection(
    sources=[
        source("dep", "Département", "departement", 30000),
        source("dep2", "Département", "departement", 10000),
        source("region", "Région", "region", 8000),
        source("fond", "Fondation X", "foundation", 2000),
        source("shop", "Clients", "sales", 60000),
    ]
)


def test_funders_of_the_register_appear_once_and_clients_do_not() -> None:
    typed = Actor(
        id="A01", name="Région", type="public_body", relation="funder", influence=4, interest=4
    )
    actors = ecosystem_actors(WatchSection(actors=[typed]), FUNDING)
    names = [a.name for a in actors]
    assert names == [
        "Région",
        "Département",
        "Fondation X",
    ]  # Région typed once; the shop's clients are no funder
    dep = actors[1]
    assert dep.id == "F-dep" and dep.funding_ids == ["dep", "dep2"]
    # Operating income 2025: 30 000 + 10 000 + 8 000 + 2 000 + 60 000 = 110 000 €.
    # Département 40 000 / 110 000 = 36,4 % ≥ 20 % → influence 5; Fondation 2 000 / 110 000 = 1,8 % → 2.
    assert dep.influence == 5 and actors[2].influence == 2


def test_an_actor_standing_for_a_source_by_id_hides_the_funder() -> None:
    typed = Actor(id="A01", name="Conseil départemental", type="public_body", funding_ids=["dep2"])
    names = [a.name for a in ecosystem_actors(WatchSection(actors=[typed]), FUNDING)]
    assert "Département" not in names


def test_funder_influence_at_its_thresholds() -> None:
    assert [funder_influence(s) for s in (0.2, 0.19999, 0.1, 0.09999, 0.05, 0.04999)] == [
        5,
        4,
        4,
        3,
        3,
        2,
    ]


def test_the_stances_of_the_map_on_both_sides_of_high() -> None:
    assert quadrant(4, 4) is MapQuadrant.MANAGE
    assert quadrant(5, 3) is MapQuadrant.SATISFY
    assert quadrant(3, 5) is MapQuadrant.INFORM
    assert quadrant(3, 3) is MapQuadrant.MONITOR


def test_cooperations_follow_their_rules() -> None:
    actors = [
        Actor(
            id="A1",
            name="Mission locale",
            type="prescriber",
            relation="none",
            influence=3,
            interest=4,
        ),
        Actor(
            id="A2",
            name="Friperie",
            type="competitor",
            relation="competitor",
            influence=2,
            interest=3,
        ),
        Actor(
            id="A3", name="Préfecture", type="public_body", relation="none", influence=5, interest=2
        ),
        Actor(id="A4", name="Réseau", type="network", relation="member", influence=3, interest=3),
    ]
    found = [(o.actor_id, o.kind) for o in cooperation_opportunities(actors)]
    assert found == [
        ("A1", "Allié à approcher"),
        ("A1", "Convention d'orientation des publics"),
        ("A2", "Coopétition : se répartir les publics ou répondre ensemble"),
        ("A3", "Sensibiliser un acteur influent"),
    ]

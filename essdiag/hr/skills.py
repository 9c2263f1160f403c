"""Skills: required levels per job against the levels people hold, key-person risks, training plan.

Where it sits: the HR section's catalogue (:class:`~essdiag.hr.section.Skill`,
:class:`~essdiag.hr.section.Job`, :class:`~essdiag.hr.section.PersonSkills`)
and the register's ``job_id`` column → :func:`gap_frame` (one row per person
and required skill) → :func:`heatmap_view` (people × skills gaps),
:func:`key_person_skills` (critical skills held by one person only, the
key-person risks the screen sends to the risk register) and
:func:`training_plan` (the gaps ranked, with their cost against the budget).

Levels run 0 (none) to 4 (expert): 1 notions, 2 applies with help, 3 autonomous,
4 expert who can pass it on. A skill is *held* from level 3 (autonomous).
Jobs may carry a ROME 4.0 code (France Travail's job and skills reference) so
the catalogue can be checked against the official job sheets.

Priority of a gap = levels missing × 3 for a critical skill (× 1 otherwise),
+ 2 when at most one person holds the skill: the gaps that put the activity at
risk come first; cost = levels missing × cost per level.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.hr.section import LEVEL_MAX, HRSection, Skill
from essdiag.i18n import N_, Money
from essdiag.risks.section import Assessment, Risk, RiskAction, RiskCategory, Treatment

__all__ = [
    "HELD_FROM",
    "KeyPersonSkill",
    "gap_frame",
    "heatmap_view",
    "holders",
    "key_person_risks",
    "key_person_skills",
    "skills_figures",
    "training_plan",
]

HELD_FROM = 3
"""Level from which a person holds a skill (autonomous)."""
LEVEL_WORDS = (N_("aucun"), N_("notions"), N_("avec aide"), N_("autonome"), N_("expert"))


@dataclass(frozen=True)
class KeyPersonSkill:
    """A critical skill held by one person only (or by nobody).

    Attributes:
        skill: the skill.
        holder: the one holder's id ("" when nobody holds it).
        jobs: titles of the jobs that require it.
    """

    skill: Skill
    holder: str
    jobs: tuple[str, ...]


def _job_of(section: HRSection, frame: pd.DataFrame) -> dict[str, str]:
    """Person id → job id: the section's own assignment first, else the register's column."""
    jobs = {}
    if not frame.empty:
        jobs = {p: j for p, j in zip(frame["id"], frame["job_id"], strict=True) if j}
    for person in section.people:
        if person.job_id:
            jobs[person.person_id] = person.job_id
    return jobs


def gap_frame(section: HRSection, frame: pd.DataFrame) -> pd.DataFrame:
    """One row per person and skill required by their job: required, held, gap (≥ 0)."""
    held = {p.person_id: p.levels for p in section.people}
    jobs = {j.id: j for j in section.jobs}
    skills = {s.id: s for s in section.skills}
    rows = []
    for person, job_id in sorted(_job_of(section, frame).items()):
        job = jobs.get(job_id)
        if job is None:
            continue
        for skill_id, required in job.required.items():
            level = held.get(person, {}).get(skill_id, 0)
            rows.append(
                {
                    "person": person,
                    "job": job.title,
                    "skill_id": skill_id,
                    "skill": skills[skill_id].label,
                    "required": required,
                    "held": level,
                    "gap": max(required - level, 0),
                }
            )
    return pd.DataFrame(
        rows, columns=["person", "job", "skill_id", "skill", "required", "held", "gap"]
    )


def heatmap_view(section: HRSection, frame: pd.DataFrame) -> View:
    """Gaps as a people × skills table (levels missing; empty where the job does not require it)."""
    gaps = gap_frame(section, frame)
    labels = [s.label for s in section.skills if s.id in set(gaps["skill_id"])]
    if gaps.empty:
        table = pd.DataFrame({"person": [], "job": []})
    else:
        table = gaps.pivot_table(
            index=["person", "job"], columns="skill", values="gap", aggfunc="max"
        ).reset_index()
        table.columns.name = None
    columns = [Column("person", N_("Personne")), Column("job", N_("Emploi"))]
    for i, label in enumerate(labels):
        table = table.rename(columns={label: f"s{i}"})
        columns.append(Column(f"s{i}", label, "count"))
    return View(tuple(columns), table, title=N_("Écarts de compétences (niveaux manquants)"))


def holders(section: HRSection) -> dict[str, list[str]]:
    """Skill id → ids of the people who hold it (level 3 or more)."""
    found: dict[str, list[str]] = {s.id: [] for s in section.skills}
    for person in section.people:
        for skill, level in person.levels.items():
            if level >= HELD_FROM:
                found.setdefault(skill, []).append(person.person_id)
    return found


def key_person_skills(section: HRSection) -> list[KeyPersonSkill]:
    """Critical skills held by one person at most: key-person risks, in catalogue order."""
    held = holders(section)
    out = []
    for skill in section.skills:
        people = held.get(skill.id, [])
        if skill.critical and len(people) <= 1:
            jobs = tuple(j.title for j in section.jobs if skill.id in j.required)
            out.append(KeyPersonSkill(skill=skill, holder=people[0] if people else "", jobs=jobs))
    return out


def key_person_view(section: HRSection) -> View:
    """The key-person skills as a table."""
    rows = [
        {
            "skill": k.skill.label,
            "holder": k.holder or "–",
            "jobs": ", ".join(k.jobs),
        }
        for k in key_person_skills(section)
    ]
    return View(
        (
            Column("skill", N_("Compétence critique")),
            Column("holder", N_("Seule personne qui la détient")),
            Column("jobs", N_("Emplois qui la requièrent")),
        ),
        pd.DataFrame(rows, columns=["skill", "holder", "jobs"]),
        title=N_("Compétences critiques sans relève"),
    )


def training_plan(section: HRSection, frame: pd.DataFrame) -> View:
    """Every gap as a training action, highest priority first, with its cost and the running total.

    ``within_budget`` is true while the running total stays within the training budget.
    """
    gaps = gap_frame(section, frame)
    gaps = gaps[gaps["gap"] > 0]
    skills = {s.id: s for s in section.skills}
    count = {k: len(v) for k, v in holders(section).items()}
    rows = []
    for r in gaps.itertuples(index=False):
        skill = skills[r.skill_id]
        priority = r.gap * (3 if skill.critical else 1) + (
            2 if count.get(r.skill_id, 0) <= 1 else 0
        )
        rows.append(
            {
                "priority": int(priority),
                "person": r.person,
                "job": r.job,
                "skill": r.skill,
                "from_level": int(r.held),
                "to_level": int(r.required),
                "hours": r.gap * skill.training_hours_per_level,
                "cost": r.gap * skill.training_cost_per_level,
                "critical": skill.critical,
            }
        )
    plan = pd.DataFrame(
        rows,
        columns=[
            "priority",
            "person",
            "job",
            "skill",
            "from_level",
            "to_level",
            "hours",
            "cost",
            "critical",
        ],
    ).sort_values(["priority", "cost", "person"], ascending=[False, True, True], kind="stable")
    plan["cumulative"] = plan["cost"].cumsum()
    budget = section.training_budget
    plan["within_budget"] = [budget is None or c <= budget for c in plan["cumulative"]]
    return View(
        (
            Column("priority", N_("Priorité"), "count"),
            Column("person", N_("Personne")),
            Column("job", N_("Emploi")),
            Column("skill", N_("Compétence")),
            Column("from_level", N_("Niveau actuel"), "count"),
            Column("to_level", N_("Niveau visé"), "count"),
            Column("hours", N_("Heures"), "count", digits=0),
            Column("cost", N_("Coût"), "EUR", digits=0),
            Column("cumulative", N_("Coût cumulé"), "EUR", digits=0),
            Column("within_budget", N_("Dans le budget"), "bool"),
        ),
        plan.reset_index(drop=True),
        title=N_("Plan de formation priorisé"),
    )


def skills_figures(section: HRSection, frame: pd.DataFrame) -> dict[str, Figure]:
    """Coverage of required levels, key-person skills, and the plan's cost against the budget."""
    gaps = gap_frame(section, frame)
    met = int((gaps["gap"] == 0).sum())
    total = len(gaps)
    plan = training_plan(section, frame).frame
    cost = float(plan["cost"].sum()) if len(plan) else 0.0
    keys = key_person_skills(section)
    budget = section.training_budget
    return {
        "coverage": Figure.of(
            N_("Niveaux requis atteints"),
            met / total if total else None,
            "%",
            N_("exigences atteintes / exigences (personne × compétence requise)"),
            [
                Input.of(N_("exigences atteintes"), met, "count"),
                Input.of(N_("exigences"), total, "count"),
            ],
            reason=None
            if total
            else N_("aucun emploi avec des compétences requises n'est affecté"),
        ),
        "key_person": Figure.of(
            N_("Compétences critiques sans relève"),
            len(keys),
            "count",
            N_("compétences critiques détenues (niveau 3 ou plus) par au plus une personne"),
            [
                Input.of(
                    N_("compétences critiques"), sum(s.critical for s in section.skills), "count"
                )
            ],
            reading=N_("risque de personne clé à traiter") if keys else N_("aucune"),
            tone="alert" if keys else "good",
        ),
        "plan_cost": Figure.of(
            N_("Coût du plan de formation"),
            cost,
            "EUR",
            N_("Σ niveaux manquants × coût par niveau"),
            [
                Input.of(N_("actions"), len(plan), "count"),
                Input.of(N_("budget de formation"), budget, "EUR"),
            ],
            reading=None
            if budget is None
            else N_("dans le budget")
            if cost <= budget
            else N_("dépasse de {excess} le budget de {budget}"),
            reading_params={
                "excess": Money(str(round(cost - (budget or 0), 2))),
                "budget": Money(str(round(budget or 0, 2))),
            },
            tone=None if budget is None else "good" if cost <= budget else "watch",
            digits=0,
        ),
    }


def level_word(level: int) -> str:
    """The French word of a level (0–4)."""
    return LEVEL_WORDS[max(0, min(level, LEVEL_MAX))]


def skill_ids(skills: Sequence[Skill]) -> list[str]:
    """The ids of a catalogue, in order."""
    return [s.id for s in skills]


def key_person_risks(
    section: HRSection, existing: Sequence[Risk], *, size: int, today: date
) -> list[Risk]:
    """The key-person risks to add to the register: one per critical skill held by one person at most.

    A skill already named by an open risk of the register (its ``skill``
    field) is not proposed again. Likelihood and impact are set at 60 % and
    80 % of the matrix's ``size`` (3 and 4 on a 5×5): to be reviewed in the
    « Risques » screen. French texts are the library's; ids follow ``R01``….
    """
    known = {r.skill for r in existing if not r.closed}
    taken = {r.id for r in existing}
    out = []
    for key in key_person_skills(section):
        label = key.skill.label[:120]
        if label in known:
            continue
        n = 1
        while f"R{n:02d}" in taken:
            n += 1
        rid = f"R{n:02d}"
        taken.add(rid)
        holder = key.holder or "–"
        out.append(
            Risk(
                id=rid,
                title=f"Compétence clé détenue par une seule personne : {key.skill.label}"[:200],
                category=RiskCategory.HUMAN,
                cause=(
                    f"Seule la personne {holder} maîtrise cette compétence critique"
                    + (f" (requise pour : {', '.join(key.jobs)})." if key.jobs else ".")
                )[:2000],
                consequence=(
                    "Départ, absence longue ou indisponibilité : l'activité qui en dépend "
                    "s'arrête ou se dégrade."
                ),
                created_on=today,
                inherent=Assessment(
                    likelihood=max(1, math.ceil(size * 0.6)), impact=max(1, math.ceil(size * 0.8))
                ),
                treatment=Treatment.REDUCE,
                actions=[
                    RiskAction(
                        title="Former une personne suppléante et documenter les procédures",
                        created_on=today,
                    )
                ],
                skill=label,
            )
        )
    return out

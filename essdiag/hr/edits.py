"""The skills screen's edits as plain rows: grids of levels to and from the section's models.

Where it sits: between the « Compétences » tab's editable tables and
:class:`~essdiag.hr.section.HRSection`. A grid has one row per job (or per
person) and one column per skill id, levels 0–4, blank for « not required »
(or « not assessed »); the functions here turn it into models, which the
section's validators then check.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from essdiag.hr.section import HRSection, Job, PersonSkills, Skill

__all__ = ["jobs_from_grid", "jobs_grid", "people_from_grid", "people_grid", "skills_from_rows"]


def _level(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    return int(value)


def jobs_grid(section: HRSection) -> list[dict[str, Any]]:
    """One row per job: id, title, ROME code, then the required level of each skill."""
    return [
        {
            "id": j.id,
            "title": j.title,
            "rome_code": j.rome_code,
            **{s.id: j.required.get(s.id) for s in section.skills},
        }
        for j in section.jobs
    ]


def jobs_from_grid(rows: Iterable[Mapping[str, Any]], skill_ids: Sequence[str]) -> list[Job]:
    """Jobs from edited rows (rows without an id are dropped)."""
    jobs = []
    for row in rows:
        if not str(row.get("id") or "").strip():
            continue
        required = {s: lvl for s in skill_ids if (lvl := _level(row.get(s))) is not None}
        jobs.append(
            Job(
                id=str(row["id"]).strip(),
                title=str(row.get("title") or row["id"]).strip(),
                rome_code=str(row.get("rome_code") or "").strip(),
                required=required,
            )
        )
    return jobs


def people_grid(
    section: HRSection, person_ids: Sequence[str], jobs: Mapping[str, str]
) -> list[dict[str, Any]]:
    """One row per person of the register: id, job, then the level held of each skill."""
    held = {p.person_id: p for p in section.people}
    rows = []
    for pid in person_ids:
        p = held.get(pid)
        rows.append(
            {
                "person_id": pid,
                "job_id": (p.job_id if p and p.job_id else jobs.get(pid, "")),
                **{s.id: (p.levels.get(s.id) if p else None) for s in section.skills},
            }
        )
    return rows


def people_from_grid(
    rows: Iterable[Mapping[str, Any]], skill_ids: Sequence[str], register_jobs: Mapping[str, str]
) -> list[PersonSkills]:
    """What each person holds, from edited rows; the job is kept only where it differs from the register's."""
    out = []
    for row in rows:
        pid = str(row.get("person_id") or "").strip()
        if not pid:
            continue
        levels = {s: lvl for s in skill_ids if (lvl := _level(row.get(s))) is not None}
        job = str(row.get("job_id") or "").strip()
        keep_job = job if job and job != register_jobs.get(pid, "") else ""
        if levels or keep_job:
            out.append(PersonSkills(person_id=pid, job_id=keep_job, levels=levels))
    return out


def skills_from_rows(rows: Iterable[Mapping[str, Any]]) -> list[Skill]:
    """The catalogue from edited rows (rows without an id are dropped)."""
    return [
        Skill(
            id=str(r["id"]).strip(),
            label=str(r.get("label") or r["id"]).strip(),
            rome_code=str(r.get("rome_code") or "").strip(),
            critical=bool(r.get("critical")),
            training_cost_per_level=float(r.get("training_cost_per_level") or 0),
            training_hours_per_level=float(r.get("training_hours_per_level") or 0),
        )
        for r in rows
        if str(r.get("id") or "").strip()
    ]

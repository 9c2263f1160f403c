"""Everything the HR screen, its exports and the board summary show, computed once.

Where it sits: the one function of the HR domain that gathers its inputs —
the HR section, the identity (ESUS agreement), the workforce register and the
survey answers (both read from their attachments by the caller) — and
returns a frozen :class:`HRReport`: figures and views for each tab. The
screen caches it per (dossier, revision, options); the XLSX and DOCX writers
take it as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from essdiag.figures import Figure, View
from essdiag.hr.egapro import EqualityIndex, equality_index, indicator_view, size_band_for
from essdiag.hr.oeth import OethResult, beneficiaries_view, oeth
from essdiag.hr.pay import annual_smic, esus_caps, pay_distribution, pay_figures, pay_scale_view
from essdiag.hr.qvt import group_view, respondents, theme_view
from essdiag.hr.section import EqualityMode, HRSection, SizeBand
from essdiag.hr.skills import (
    KeyPersonSkill,
    heatmap_view,
    key_person_skills,
    key_person_view,
    skills_figures,
    training_plan,
)
from essdiag.hr.social import social_figures, training_access_view
from essdiag.hr.transparency import category_gaps, transparency_figures
from essdiag.hr.workforce import contract_view, headcount_figures, headcount_view
from essdiag.identity import Identity
from essdiag.params import param

__all__ = ["HRReport", "hr_report"]


@dataclass(frozen=True)
class HRReport:
    """The HR diagnosis of one register over its period.

    Attributes:
        organisation: the organisation's name.
        esus: it holds the ESUS agreement.
        period_start, period_end: the register's period.
        headcount: headline figures (headcount, FTE, legal headcount, women's share).
        by_category, by_contract: headcount tables.
        pay, esus_caps: pay figures and the ESUS caps.
        pay_bands, pay_scale: pay tables.
        equality: the equality index; ``equality_required`` when the headcount is 50+.
        equality_table: its indicators as a table.
        transparency, category_gaps: EU pay-transparency figures and table.
        oeth, beneficiaries: the disability obligation.
        skills, heatmap, key_people, key_person_table, plan: the skills diagnosis.
        social, training_access: social indicators.
        survey_respondents, survey_themes, survey_groups, survey_sexes: the QVT survey.
    """

    organisation: str
    esus: bool
    period_start: date
    period_end: date
    headcount: dict[str, Figure]
    by_category: View
    by_contract: View
    pay: dict[str, Figure]
    esus_caps: dict[str, Figure]
    pay_bands: View
    pay_scale: View
    equality: EqualityIndex
    equality_required: bool
    equality_table: View
    transparency: dict[str, Figure]
    category_gaps: View
    oeth: OethResult
    beneficiaries: View
    skills: dict[str, Figure]
    heatmap: View
    key_people: tuple[KeyPersonSkill, ...]
    key_person_table: View
    plan: View
    social: dict[str, Figure]
    training_access: View
    survey_respondents: int
    survey_themes: View | None
    survey_groups: View | None
    survey_sexes: View | None


def hr_report(
    section: HRSection,
    identity: Identity,
    workforce: pd.DataFrame,
    survey: pd.DataFrame | None = None,
    *,
    band: SizeBand | None = None,
    mode: EqualityMode | None = None,
) -> HRReport:
    """The HR diagnosis of a register (``section.workforce`` gives its period).

    ``band`` and ``mode`` override the section's equality settings (the
    screen's choice); without a band the headcount decides.
    """
    if section.workforce is None:
        raise ValueError("hr_report needs a workforce register")
    start, end = section.workforce.period_start, section.workforce.period_end
    heads = headcount_figures(workforce, start, end)
    legal = float(heads["legal"].value or 0)
    chosen_band = band or section.size_band or size_band_for(legal, end)
    chosen_mode = mode or section.equality_mode
    smic, _inputs = annual_smic(start, end)
    index = equality_index(
        workforce, period_start=start, period_end=end, band=chosen_band, mode=chosen_mode
    )
    answers = survey if survey is not None else pd.DataFrame()
    has_survey = survey is not None and len(survey) > 0
    return HRReport(
        organisation=identity.name,
        esus=identity.esus,
        period_start=start,
        period_end=end,
        headcount=heads,
        by_category=headcount_view(workforce),
        by_contract=contract_view(workforce),
        pay=pay_figures(workforce),
        esus_caps=esus_caps(workforce, start, end, branch_minimum=section.branch_minimum_annual),
        pay_bands=pay_distribution(workforce, smic),
        pay_scale=pay_scale_view(workforce),
        equality=index,
        equality_required=legal >= float(param("egapro_threshold", end).value),
        equality_table=indicator_view(index),
        transparency=transparency_figures(workforce),
        category_gaps=category_gaps(workforce, end),
        oeth=oeth(workforce, section.oeth, end),
        beneficiaries=beneficiaries_view(workforce, end),
        skills=skills_figures(section, workforce),
        heatmap=heatmap_view(section, workforce),
        key_people=tuple(key_person_skills(section)),
        key_person_table=key_person_view(section),
        plan=training_plan(section, workforce),
        social=social_figures(workforce, section.social, start, end),
        training_access=training_access_view(workforce),
        survey_respondents=respondents(answers) if has_survey else 0,
        survey_themes=theme_view(answers) if has_survey else None,
        survey_groups=group_view(answers, "group") if has_survey else None,
        survey_sexes=group_view(answers, "sex") if has_survey else None,
    )

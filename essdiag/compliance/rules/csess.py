"""The guide of good practices of ESS companies (loi n° 2014-856, art. 3; CSESS, 2016): self-assessment.

The guide has eight themes; each ESS company presents at its annual general
assembly how it applies them and how it plans to improve. The self-assessment
scores each theme 0–4 (:class:`~essdiag.compliance.section.CsessLevel`) with
its evidence and actions. The mean score is a reading aid, not a legal
threshold: its bands (below 1.5 « à engager », below 2.5 « en progression »,
below 3.5 « établie », else « exemplaire ») are essdiag's own.
"""

from __future__ import annotations

import math

from essdiag.compliance.findings import Finding, Frame, Verdict
from essdiag.compliance.section import CsessAnswers, CsessTheme
from essdiag.figures import Figure, Input, Tone
from essdiag.i18n import N_

__all__ = ["SCORE_BANDS", "csess_findings", "mean_score"]

ART3 = N_("Loi n° 2014-856, art. 3 ; guide des bonnes pratiques du CSESS (juin 2016)")

SCORE_BANDS: tuple[tuple[float, str, Tone], ...] = (
    (1.5, N_("démarche à engager"), "alert"),
    (2.5, N_("démarche en progression"), "watch"),
    (3.5, N_("démarche établie"), "good"),
    (math.inf, N_("démarche exemplaire"), "good"),
)
"""Upper bounds (exclusive) of the bands of the mean score (essdiag's reading, not the law's)."""


def mean_score(answers: CsessAnswers) -> float | None:
    """Mean points (0–4) of the themes assessed; None when none is.

    Example:
        >>> from essdiag.compliance.section import CsessAssessment
        >>> mean_score(CsessAnswers(assessments=[
        ...     CsessAssessment(theme="governance", level="3"),
        ...     CsessAssessment(theme="ethics", level="2")]))
        2.5
    """
    points = [a.level.points for a in answers.assessments if a.level is not None]
    return math.fsum(points) / len(points) if points else None


def csess_findings(answers: CsessAnswers, year: int) -> list[Finding]:
    """How complete the self-assessment is, its mean score, and the general assembly."""
    assessed = [a for a in answers.assessments if a.level is not None]
    missing = [t for t in CsessTheme if answers.of(t).level is None]
    score = mean_score(answers)
    reading, tone = next(
        ((label, t) for upper, label, t in SCORE_BANDS if score is not None and score < upper),
        (N_("démarche à engager"), "alert"),
    )
    figure = Figure.of(
        N_("Score moyen du guide des bonnes pratiques"),
        score,
        "points",
        N_("moyenne des niveaux (0 à 4) des thèmes évalués"),
        [Input.of(N_("Thèmes évalués"), len(assessed), "count", N_("auto-évaluation"))],
        reason=N_("aucun thème n'est encore évalué"),
        references=(ART3,),
        reading=reading,
        tone=tone,
        digits=1,
    )
    if not assessed:
        verdict = Verdict.TO_CHECK
        conclusion = N_("Aucun des 8 thèmes du guide n'est encore évalué.")
    elif missing:
        verdict = Verdict.TO_CHECK
        conclusion = N_(
            "{k} thème(s) sur 8 évalués ; les {left} autres restent à évaluer (voir le tableau)."
        )
    else:
        verdict = Verdict.CONFORM
        conclusion = N_("Les 8 thèmes du guide sont évalués (score moyen : {score} sur 4).")
    out = [
        Finding(
            frame=Frame.CSESS,
            code="csess.assessment",
            title=N_("Auto-évaluation sur les 8 thèmes"),
            verdict=verdict,
            conclusion=conclusion,
            change=N_("Évaluez chaque thème avec ses éléments de preuve et ses actions."),
            params={
                "k": len(assessed),
                "left": len(missing),
                "score": round(score, 1) if score is not None else "–",
            },
            references=(ART3,),
            figure=figure,
            source=N_("auto-évaluation"),
        )
    ]
    held = answers.assembly_date
    if held is not None and held.year == year:
        verdict, conclusion = (
            Verdict.CONFORM,
            N_(
                "Le rapport sur l'application du guide est présenté à l'assemblée générale du {date}."
            ),
        )
    else:
        verdict, conclusion = (
            Verdict.TO_CHECK,
            N_(
                "Aucune assemblée générale de {year} n'est datée : le rapport sur l'application "
                "du guide doit y être présenté."
            ),
        )
    out.append(
        Finding(
            frame=Frame.CSESS,
            code="csess.assembly",
            title=N_("Présentation à l'assemblée générale"),
            verdict=verdict,
            conclusion=conclusion,
            change=N_("Le projet de rapport (DOCX) se télécharge dans l'onglet du guide."),
            params={"date": held, "year": year},
            references=(ART3,),
            source=N_("auto-évaluation"),
        )
    )
    return out

"""Social utility: art. 2 of loi n° 2014-856, in the wording in force on the date examined.

Two wordings, chosen by the dated parameter ``social_utility_conditions``:

* from 2 August 2014, three conditions: (1) support people in a fragile
  situation; (2) fight exclusions and inequalities, citizenship education,
  social links, territorial cohesion; (3) sustainable development, energy
  transition or international solidarity, provided the activity also has an
  impact through (1) or (2);
* from 24 May 2019 (loi PACTE, art. 105), four conditions: (1) support people
  in a fragile situation or fight their exclusion; (2) social links or
  territorial cohesion; (3) citizenship education and the reduction of social
  and cultural inequalities, notably between women and men; (4) sustainable
  development, energy transition, cultural promotion or international
  solidarity, provided the activity also has an impact through (1), (2) or (3).

The object must meet at least one condition « à titre principal ». The last
condition alone never suffices; cultural promotion counts only from 2019.
"""

from __future__ import annotations

from datetime import date

from essdiag.compliance.findings import Finding, Frame, Verdict
from essdiag.compliance.rules.common import dated, inputs
from essdiag.compliance.section import Answer, SocialUtility, SocialUtilityObject
from essdiag.figures import Figure, Input
from essdiag.i18n import N_

__all__ = ["CONDITIONS", "conditions_met", "utility_findings"]

U = SocialUtilityObject

CONDITIONS: dict[int, tuple[frozenset[SocialUtilityObject], ...]] = {
    3: (
        frozenset({U.FRAGILE_SUPPORT}),
        frozenset(
            {
                U.EXCLUSION,
                U.INEQUALITIES,
                U.CITIZENSHIP_EDUCATION,
                U.SOCIAL_LINK,
                U.TERRITORIAL_COHESION,
            }
        ),
        frozenset({U.SUSTAINABLE_DEVELOPMENT, U.ENERGY_TRANSITION, U.INTERNATIONAL_SOLIDARITY}),
    ),
    4: (
        frozenset({U.FRAGILE_SUPPORT, U.EXCLUSION}),
        frozenset({U.SOCIAL_LINK, U.TERRITORIAL_COHESION}),
        frozenset({U.CITIZENSHIP_EDUCATION, U.INEQUALITIES}),
        frozenset(
            {
                U.SUSTAINABLE_DEVELOPMENT,
                U.ENERGY_TRANSITION,
                U.CULTURAL_PROMOTION,
                U.INTERNATIONAL_SOLIDARITY,
            }
        ),
    ),
}
"""The objects each condition covers, by the number of conditions of the wording in force."""

ART2 = N_("Loi n° 2014-856 du 31 juillet 2014, art. 2")
PACTE = N_("Loi n° 2019-486 du 22 mai 2019 (PACTE), art. 105")


def conditions_met(objects: set[SocialUtilityObject], count: int) -> tuple[list[int], bool]:
    """The conditions (1-based) the objects meet, and whether the last one is left alone.

    The last condition counts only when one of the others is met too.

    Example:
        >>> conditions_met({U.ENERGY_TRANSITION}, 4)
        ([], True)
        >>> conditions_met({U.ENERGY_TRANSITION, U.SOCIAL_LINK}, 4)
        ([2, 4], False)
        >>> conditions_met({U.CULTURAL_PROMOTION, U.SOCIAL_LINK}, 3)
        ([2], False)
    """
    table = CONDITIONS[count]
    met = [k for k, covered in enumerate(table, start=1) if objects & covered]
    last = len(table)
    alone = met == [last]
    return ([] if alone else met), alone


def utility_findings(utility: SocialUtility, on: date) -> list[Finding]:
    """The art. 2 finding on ``on``: the conditions met, and « à titre principal »."""
    count_param = dated("social_utility_conditions", on)
    count = int(count_param.value)
    objects = set(utility.objects)
    met, alone = conditions_met(objects, count)
    title = N_("Conditions de l'utilité sociale remplies")
    figure = Figure.of(
        title,
        len(met),
        "count",
        N_("conditions de l'article 2 couvertes par les objectifs déclarés"),
        [
            Input.of(N_("Objectifs déclarés"), len(objects), "count", N_("questionnaire")),
            Input.from_param(count_param),
        ],
        references=(ART2, PACTE) if count == 4 else (ART2,),
        reading=N_("au moins une condition remplie") if met else N_("aucune condition remplie"),
        tone="good" if met else "alert",
    )
    conditions = ", ".join(f"{k}°" for k in met)
    wording = (
        N_("rédaction de la loi PACTE, à quatre conditions")
        if count == 4
        else N_("rédaction d'origine, à trois conditions")
    )
    params = {
        "conditions": conditions,
        "wording": wording,
        "count": count,
        "evidence": utility.evidence or "–",
    }
    if not objects:
        verdict = Verdict.TO_CHECK
        conclusion = N_("Aucun objectif d'utilité sociale n'est déclaré ({wording}).")
        change = N_("Cochez les objectifs que poursuit l'objet social et justifiez-les.")
    elif alone:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_(
            "Seule la dernière condition est visée ({wording}) : elle ne vaut que si l'activité "
            "produit aussi un impact par l'une des autres conditions."
        )
        change = N_(
            "Le critère serait rempli si l'activité soutenait aussi des publics fragiles, le lien "
            "social, la cohésion territoriale ou l'éducation à la citoyenneté."
        )
    elif not met:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_("Les objectifs déclarés ne relèvent d'aucune condition ({wording}).")
        change = N_("Avant le 24 mai 2019, la promotion culturelle n'était pas une condition.")
    elif utility.main_purpose.answer is Answer.NO:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_(
            "Les conditions {conditions} sont visées, mais pas à titre principal dans l'objet "
            "social ({wording})."
        )
        change = N_("Le critère serait rempli si l'objet social en faisait sa finalité principale.")
    elif utility.main_purpose.answer is Answer.UNKNOWN:
        verdict = Verdict.TO_CHECK
        conclusion = N_(
            "Les conditions {conditions} sont visées ({wording}) ; reste à confirmer qu'elles le "
            "sont à titre principal."
        )
        change = N_("Confirmez, statuts à l'appui, que c'est la finalité principale de l'objet.")
    else:
        verdict = Verdict.CONFORM
        conclusion = N_(
            "L'objet social remplit à titre principal les conditions {conditions} ({wording}). "
            "{evidence}"
        )
        change = N_("Le constat changerait si l'objet social ou l'activité principale changeaient.")
    return [
        Finding(
            frame=Frame.SOCIAL_UTILITY,
            code="utility.conditions",
            title=title,
            verdict=verdict,
            conclusion=conclusion,
            change=change,
            params=params,
            words=("wording",),
            references=(ART2, PACTE) if count == 4 else (ART2,),
            parameters=inputs(count_param),
            figure=figure,
            source=N_("questionnaire des statuts"),
        )
    ]

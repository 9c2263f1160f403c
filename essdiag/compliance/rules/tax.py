"""The non-profit tax status: disinterested management, each activity's 4P, the franchise, IS/TVA/CFE.

The three steps of the tax administration's doctrine (BOI-IS-CHAMP-10-50-10-20):

1. **Disinterested management** — leaders' pay within the tolerance of 3/4
   of the SMIC (gross, monthly, per leader, over the calendar year), or paid
   leaders allowed by CGI art. 261-7-1° d: one, two or three when the average
   own resources (public money excluded) of the three closed years exceed
   200 000, 500 000 or 1 000 000 €, each paid at most 3 × the monthly social
   security ceiling, with statutes and financial transparency; no direct or
   indirect distribution of profits.
2. **Each activity** — does it compete with businesses? If so, the « 4P »
   (product, public, price, publicity, in decreasing order of weight) decide:
   product, public and price favourable (and no commercial advertising) →
   non-lucrative; product and public both unfavourable → lucrative; anything
   else is a bundle of clues to weigh (« à vérifier », a rescrit may settle it).
3. **The franchise** (CGI art. 206-1 bis for IS, 261-7-1° b for TVA, 1447-II
   for CFE) — accessory lucrative receipts of the year up to the indexed
   threshold, with a disinterested management and non-lucrative activities
   significantly preponderant; above it, the whole lucrative result is taxable.

Dates of the threshold: the value published for year N applies to IS for the
fiscal years closed from 31 December N−1, to the CET of year N and to TVA on
receipts of year N (BOI-IS-CHAMP-10-50-20-20 § 1 and § 10): IS looks the value
up on the day after the closing date, TVA and CFE on 1 January of the year.

Receipts are the register's euros of the activities' lines (floats).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from essdiag.compliance.findings import Finding, Frame, Verdict, worst
from essdiag.compliance.rules.common import (
    NON_PROFIT_FORMS,
    answer_verdict,
    at_most,
    dated,
    eur,
    inputs,
)
from essdiag.compliance.rules.esus import annual_smic
from essdiag.compliance.section import Answer, TaxActivity, TaxAnswers
from essdiag.figures import Figure, Input
from essdiag.funding.section import FundingFamily, FundingSource, Purpose
from essdiag.i18n import N_, LabelledEnum
from essdiag.identity import Identity
from essdiag.periods import FiscalYear

__all__ = [
    "ActivityStatus",
    "activity_receipts",
    "classify",
    "own_resources",
    "tax_findings",
]

DOCTRINE = N_("BOI-IS-CHAMP-10-50-10-20 (gestion désintéressée, concurrence, règle des 4P)")
FRANCHISE = N_("BOI-IS-CHAMP-10-50-20-20 (franchise des activités lucratives accessoires)")
SOURCE = N_("questionnaire fiscal et registre des financements")
OWN_FAMILIES = (FundingFamily.PRIVATE, FundingFamily.OWN_ACTIVITY)


class ActivityStatus(LabelledEnum):
    """An activity's tax status after the competition test and the 4P."""

    NON_LUCRATIVE = "non_lucrative", N_("non lucrative")
    LUCRATIVE = "lucrative", N_("lucrative")
    UNCERTAIN = "uncertain", N_("à apprécier (faisceau d'indices)")


def classify(activity: TaxActivity) -> tuple[ActivityStatus, str]:
    """The status of an activity and the French reason, from its answers.

    Example:
        >>> a = TaxActivity(id="b", name="Boutique", competes="yes", product="yes",
        ...                 public="no", price="yes", publicity="yes")
        >>> classify(a)[0].value
        'uncertain'
        >>> classify(a.model_copy(update={"competes": Answer.NO}))[0].value
        'non_lucrative'
    """
    yes, no = Answer.YES, Answer.NO
    if activity.competes == no:
        return ActivityStatus.NON_LUCRATIVE, N_(
            "elle n'entre pas en concurrence avec des entreprises"
        )
    if activity.competes == Answer.UNKNOWN:
        return ActivityStatus.UNCERTAIN, N_("la situation de concurrence n'est pas renseignée")
    if activity.product == yes and activity.public == yes and activity.price == yes:
        if activity.publicity == no:
            return ActivityStatus.UNCERTAIN, N_(
                "produit, public et prix sont favorables, mais une publicité commerciale est faite"
            )
        return ActivityStatus.NON_LUCRATIVE, N_(
            "en concurrence, mais produit, public et prix la distinguent du secteur lucratif"
        )
    if activity.product == no and activity.public == no:
        return ActivityStatus.LUCRATIVE, N_(
            "en concurrence, avec un produit et un public semblables à ceux des entreprises"
        )
    return ActivityStatus.UNCERTAIN, N_(
        "en concurrence, et les 4P ne vont pas tous dans le même sens : à apprécier, un rescrit "
        "peut trancher"
    )


def activity_receipts(
    activity: TaxActivity, sources: Sequence[FundingSource], year: int
) -> tuple[float, str]:
    """The activity's receipts of the year: its register lines, else the amount typed in."""
    named = [s for s in sources if s.id in set(activity.funding_ids)]
    if named:
        return math.fsum(s.amount(year) for s in named), N_("registre des financements")
    return activity.receipts, N_("montant saisi")


def own_resources(sources: Sequence[FundingSource], years: Sequence[int]) -> dict[int, float]:
    """Private and own-activity operating income per year (public money left out), euros.

    Years without any such amount in the register are left out.
    """
    out = {}
    for y in years:
        total = math.fsum(
            s.amount(y)
            for s in sources
            if s.purpose is Purpose.OPERATING and s.family in OWN_FAMILIES
        )
        if total > 0:
            out[y] = total
    return out


def _leaders(
    answers: TaxAnswers, sources: Sequence[FundingSource], year: int, fy: FiscalYear
) -> list[Finding]:
    smic, smic_used = annual_smic(fy)
    share = dated("leader_pay_tolerance_smic_share", fy.end)
    tolerance = smic / 12 * share.value
    above = [leader for leader in answers.leaders if not at_most(leader.monthly_gross, tolerance)]
    highest = max((leader.monthly_gross for leader in answers.leaders), default=0.0)
    title = N_("Rémunération des dirigeants : tolérance des 3/4 du SMIC")
    figure = Figure.of(
        N_("Plus haute rémunération mensuelle d'un dirigeant"),
        highest,
        "EUR",
        N_("plus haute rémunération brute mensuelle versée à un dirigeant"),
        [
            Input.of(N_("Dirigeants déclarés"), len(answers.leaders), "count", SOURCE),
            Input.of(N_("SMIC mensuel moyen de l'année"), float(smic / 12), "EUR"),
            Input.from_param(share),
            Input.of(N_("Tolérance mensuelle"), float(tolerance), "EUR"),
        ],
        references=(DOCTRINE,),
        reading=N_("dans la tolérance") if not above else N_("au-delà de la tolérance"),
        tone="good" if not above else "watch",
    )
    tolerance_finding = Finding(
        frame=Frame.TAX,
        code="tax.leaders",
        title=title,
        verdict=Verdict.CONFORM if not above else Verdict.TO_CHECK,
        conclusion=N_(
            "Aucun dirigeant ne perçoit plus de {tolerance} bruts par mois : la gestion reste "
            "désintéressée sur ce point."
        )
        if not above
        else N_(
            "{k} dirigeant(s) perçoivent plus de {tolerance} bruts par mois : la rémunération "
            "doit relever du dispositif légal (ci-dessous)."
        ),
        change=N_(
            "Au-delà de {tolerance} bruts mensuels, un dirigeant est rémunéré au sens fiscal."
        ),
        params={"tolerance": eur(tolerance), "k": len(above)},
        references=(DOCTRINE,),
        parameters=inputs(*smic_used, share),
        figure=figure,
        threshold=round(float(tolerance), 2),
        margin=round(float(tolerance) - highest, 2),
        source=SOURCE,
    )
    if not above:
        return [tolerance_finding]
    years = [year - k for k in (1, 2, 3)]
    found = own_resources(sources, years)
    average = math.fsum(found.values()) / len(found) if found else 0.0
    steps = [
        dated("leader_pay_own_resources_one", fy.end),
        dated("leader_pay_own_resources_two", fy.end),
        dated("leader_pay_own_resources_three", fy.end),
    ]
    allowed = sum(Decimal(str(average)) > p.value for p in steps)
    ceiling = dated("social_security_ceiling_monthly", fy.end)
    multiple = dated("leader_pay_cap_ceiling_multiple", fy.end)
    cap = ceiling.value * multiple.value
    over_cap = [leader.role for leader in above if not at_most(leader.monthly_gross, cap)]
    conditions = worst(
        [answer_verdict(answers.paid_leaders_in_statutes), answer_verdict(answers.transparency)]
    )
    if len(above) > allowed or over_cap or conditions is Verdict.NOT_CONFORM:
        verdict = Verdict.NOT_CONFORM
    elif conditions is Verdict.TO_CHECK or len(found) < 3:
        verdict = Verdict.TO_CHECK
    else:
        verdict = Verdict.CONFORM
    paid = Finding(
        frame=Frame.TAX,
        code="tax.paid_leaders",
        title=N_("Dirigeants rémunérés (CGI art. 261-7-1° d)"),
        verdict=verdict,
        conclusion=N_(
            "{k} dirigeant(s) rémunéré(s) ; ressources propres moyennes de {average} sur {n} "
            "exercice(s) : {allowed} dirigeant(s) peuvent l'être. Plafond par dirigeant : {cap} "
            "par mois{over}."
        ),
        change=N_(
            "Seuils de ressources propres moyennes : 200 000 € (1 dirigeant), 500 000 € (2), "
            "1 000 000 € (3) ; les statuts et la transparence financière sont exigés."
        ),
        params={
            "k": len(above),
            "average": eur(average),
            "n": len(found),
            "allowed": allowed,
            "cap": eur(cap),
            "over": f" ({', '.join(over_cap)})" if over_cap else "",
        },
        references=(N_("CGI art. 261-7-1° d ; décret n° 2004-76 du 20 janvier 2004"),),
        parameters=inputs(*steps, ceiling, multiple),
        figure=Figure.of(
            N_("Ressources propres moyennes (hors fonds publics)"),
            round(average, 2) if found else None,
            "EUR",
            N_("moyenne des ressources privées et d'activité des trois exercices précédents"),
            [
                Input.of(N_("Exercices trouvés dans le registre"), len(found), "count", SOURCE),
                *(Input.from_param(p) for p in steps),
            ],
            reason=N_("le registre ne contient pas les trois exercices précédents"),
        ),
        source=SOURCE,
    )
    return [tolerance_finding, paid]


def _tax(
    *,
    code: str,
    title: str,
    article: str,
    threshold_on: date,
    lucrative: float,
    names: str,
    uncertain: str,
    total: float,
    management: Verdict,
    preponderant: Answer,
    any_activity: bool,
    year: int,
) -> Finding:
    threshold = dated("franchise_lucrative_threshold", threshold_on)
    cap = float(threshold.value)
    share = lucrative / total if total > 0 else None
    figure = Figure.of(
        N_("Recettes des activités lucratives"),
        lucrative,
        "EUR",
        N_("recettes de l'exercice des activités classées lucratives"),
        [
            Input.of(N_("Activités lucratives"), names or "–", "", SOURCE),
            Input.of(N_("Part des recettes lucratives dans les ressources"), share, "%"),
            Input.from_param(threshold),
        ],
        references=(article, FRANCHISE),
        reading=N_("dans la franchise") if lucrative <= cap else N_("au-delà de la franchise"),
        tone="good" if lucrative <= cap else "watch",
    )
    params: dict[str, object] = {
        "year": year,
        "tax": title,
        "receipts": eur(lucrative),
        "threshold": eur(cap),
        "names": names or "–",
        "uncertain": uncertain or "–",
    }
    if management is Verdict.NOT_CONFORM:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_(
            "{tax} : dû sur l'ensemble des activités, la gestion n'étant pas désintéressée."
        )
    elif not any_activity:
        verdict = Verdict.TO_CHECK
        conclusion = N_("{tax} : aucune activité n'est décrite, la conclusion reste à établir.")
    elif lucrative <= 0 and not uncertain:
        verdict = Verdict.CONFORM
        conclusion = N_("{tax} : exonéré, aucune activité n'est lucrative en {year}.")
    elif lucrative > cap:
        verdict = Verdict.TO_CHECK
        conclusion = N_(
            "{tax} : dû sur les activités lucratives ({names}), leurs recettes ({receipts}) "
            "dépassant la franchise de {threshold} ; à déclarer (sectorisation ou filiale)."
        )
    elif preponderant is Answer.NO:
        verdict = Verdict.TO_CHECK
        conclusion = N_(
            "{tax} : dû sur les activités lucratives ({names}) : les activités non lucratives ne "
            "sont pas prépondérantes, la franchise ne s'applique pas."
        )
    elif preponderant is Answer.UNKNOWN or uncertain or management is Verdict.TO_CHECK:
        verdict = Verdict.TO_CHECK
        params["pending"] = (
            N_("des activités restent à apprécier, voir leur classement")
            if uncertain
            else N_("la prépondérance des activités non lucratives reste à établir")
            if preponderant is Answer.UNKNOWN
            else N_("la gestion désintéressée reste à établir")
        )
        conclusion = N_(
            "{tax} : franchise probable ({receipts} de recettes lucratives pour un seuil de "
            "{threshold}), à confirmer : {pending}."
        )
    else:
        verdict = Verdict.CONFORM
        conclusion = N_(
            "{tax} : exonéré au titre de la franchise ({receipts} de recettes lucratives, seuil "
            "{threshold})."
        )
    return Finding(
        frame=Frame.TAX,
        code=code,
        title=title,
        verdict=verdict,
        conclusion=conclusion,
        change=N_(
            "La franchise est perdue dès que les recettes lucratives dépassent {threshold} "
            "(marge : {margin}) ; alors tout le résultat lucratif est imposable."
        ),
        params={**params, "margin": eur(cap - lucrative)},
        words=("tax", "pending"),
        references=(article, FRANCHISE),
        parameters=inputs(threshold),
        figure=figure,
        threshold=cap,
        margin=cap - lucrative,
        source=SOURCE,
    )


def tax_findings(
    identity: Identity, answers: TaxAnswers, sources: Sequence[FundingSource], year: int
) -> list[Finding]:
    """Management, activities and the three taxes for the fiscal year ``year``."""
    if identity.legal_form not in NON_PROFIT_FORMS:
        return [
            Finding(
                frame=Frame.TAX,
                code="tax.scope",
                title=N_("Régime fiscal"),
                verdict=Verdict.NOT_APPLICABLE,
                conclusion=N_(
                    "{form} : société soumise de plein droit aux impôts commerciaux (IS, TVA, "
                    "CFE) ; le régime des organismes sans but lucratif ne la concerne pas."
                ),
                params={"form": identity.legal_form.label},
                words=("form",),
                references=(N_("CGI art. 206-1"),),
                source=N_("identité de la structure"),
            )
        ]
    fy = FiscalYear(label_year=year, start_month=identity.fiscal_year_start_month)
    out = _leaders(answers, sources, year, fy)
    out.append(
        Finding(
            frame=Frame.TAX,
            code="tax.distribution",
            title=N_("Aucune distribution de bénéfices"),
            verdict=answer_verdict(answers.no_profit_distribution),
            conclusion={
                Answer.YES: N_(
                    "Aucune distribution directe ou indirecte de bénéfices n'est faite."
                ),
                Answer.NO: N_(
                    "Des bénéfices sont distribués : la gestion n'est pas désintéressée."
                ),
                Answer.UNKNOWN: N_("Non renseigné."),
            }[answers.no_profit_distribution],
            references=(DOCTRINE,),
            source=SOURCE,
        )
    )
    management = worst(f.verdict for f in out)
    lucrative: list[str] = []
    uncertain: list[str] = []
    receipts_lucrative = 0.0
    for activity in answers.activities:
        status, reason = classify(activity)
        receipts, origin = activity_receipts(activity, sources, year)
        if status is ActivityStatus.LUCRATIVE:
            lucrative.append(activity.name)
            receipts_lucrative += receipts
        elif status is ActivityStatus.UNCERTAIN:
            uncertain.append(activity.name)
        out.append(
            Finding(
                frame=Frame.TAX,
                code=f"tax.activity.{activity.id}",
                title=activity.name,
                verdict=Verdict.CONFORM
                if status is ActivityStatus.NON_LUCRATIVE
                else Verdict.TO_CHECK,
                conclusion=N_(
                    "Activité {status} : {reason} ({receipts} de recettes en {year}, {origin})."
                ),
                change=N_(
                    "Les 4P sont examinés dans cet ordre : produit, public, prix, publicité ; un "
                    "changement de public ou de prix change le classement."
                ),
                params={
                    "status": status.label,
                    "reason": reason,
                    "receipts": eur(receipts),
                    "year": year,
                    "origin": origin,
                },
                words=("status", "reason", "origin"),
                references=(DOCTRINE,),
                source=SOURCE,
            )
        )
    total = math.fsum(
        s.amount(year)
        for s in sources
        if s.purpose is Purpose.OPERATING and s.family in (FundingFamily.PUBLIC, *OWN_FAMILIES)
    )
    first_of_year = date(fy.end.year, 1, 1)
    for code, title, article, threshold_on in (
        (
            "tax.is",
            N_("Impôt sur les sociétés"),
            N_("CGI art. 206-1 bis"),
            fy.end + timedelta(days=1),
        ),
        ("tax.tva", N_("TVA"), N_("CGI art. 261-7-1° b"), first_of_year),
        (
            "tax.cfe",
            N_("Cotisation foncière des entreprises"),
            N_("CGI art. 1447-II"),
            first_of_year,
        ),
    ):
        out.append(
            _tax(
                code=code,
                title=title,
                article=article,
                threshold_on=threshold_on,
                lucrative=receipts_lucrative,
                names=", ".join(lucrative),
                uncertain=", ".join(uncertain),
                total=total,
                management=management,
                preponderant=answers.non_lucrative_preponderant,
                any_activity=bool(answers.activities),
                year=year,
            )
        )
    return out

"""ESUS agreement: status, belonging to the ESS, social utility, charges, pay caps, shares, statutes.

Rules of Code du travail L3332-17-1 (loi n° 2014-856 art. 11, amended by loi
n° 2019-486 « PACTE » art. 105) and R3332-21-1 (décret n° 2015-719):

* I, 2° — operating charges of the social-utility activities ≥ 66 % of the
  operating charges « au cours des trois derniers exercices clos »: the ratio
  is read over the three years together (Σ social / Σ total) and a year below
  the floor is flagged;
* I, 3° a — mean of the 5 highest pays (annual, full-time equivalent, bonuses
  included) ≤ 7 × the annual full-time SMIC (or the branch minimum if higher);
* I, 3° b — highest pay ≤ 10 × that amount;
* I, 4° — shares, if any, not listed; I, 5° — the social-utility objective in
  the statutes (and, before the loi PACTE, the pay policy too);
* II — structures that hold the agreement by right still meet art. 1 and the
  3° and 4° of I.

The annual SMIC is the sum of the twelve monthly SMIC (151,67 h) in force on
the first day of each month of the fiscal year, so a revaluation in November
counts for two months. Pays are floats (euros); caps are exact Decimals and
compared at the cent (:func:`~essdiag.compliance.rules.common.at_most`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from essdiag.compliance.findings import Finding, Frame, Verdict
from essdiag.compliance.inputs import YearCharges, top_mean
from essdiag.compliance.rules.common import (
    SHARELESS_FORMS,
    answer_verdict,
    at_most,
    dated,
    eur,
    inputs,
)
from essdiag.compliance.section import Answer, ByRightKind, EsusAnswers
from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.identity import Identity
from essdiag.params import Param
from essdiag.periods import FiscalYear, month_start

__all__ = [
    "annual_smic",
    "charges_finding",
    "esus_findings",
    "pay_findings",
    "status_finding",
]

L3332 = N_("Code du travail, art. L3332-17-1")
R3332 = N_("Code du travail, art. R3332-21-1 (décret n° 2015-719 du 23 juin 2015)")
PAY_SOURCE_WORKFORCE = N_("effectif importé (ressources humaines)")
PAY_SOURCE_DECLARED = N_("plus hautes rémunérations déclarées")


def annual_smic(fiscal_year: FiscalYear) -> tuple[Decimal, list[Param]]:
    """The annual full-time SMIC of a fiscal year: Σ of the monthly SMIC in force each month.

    Returns the amount and the distinct dated values used.

    Example:
        >>> amount, used = annual_smic(FiscalYear(label_year=2024))
        >>> str(amount), [p.effective.isoformat() for p in used]
        ('21272.80', ['2024-01-01', '2024-11-01'])
    """
    used: list[Param] = []
    total = Decimal(0)
    for key in fiscal_year.month_keys():
        p = dated("smic_monthly", month_start(key))
        total += p.value
        if p not in used:
            used.append(p)
    return total, used


def _reference(
    fiscal_year: FiscalYear, branch_minimum: float | None
) -> tuple[Decimal, list[Input], list[Param]]:
    """The annual amount the caps multiply: the SMIC, or the branch minimum when higher."""
    smic, used = annual_smic(fiscal_year)
    steps = [
        Input.of(
            N_("SMIC annuel à temps complet (somme des 12 SMIC mensuels)"),
            float(smic),
            "EUR",
            N_("paramètres légaux datés"),
        )
    ]
    reference = smic
    if branch_minimum is not None:
        steps.append(
            Input.of(
                N_("Minimum annuel de branche à temps plein"),
                branch_minimum,
                "EUR",
                N_("saisi dans le dossier"),
            )
        )
        reference = max(smic, Decimal(str(branch_minimum)))
    return reference, steps, used


def pay_findings(
    pays: Sequence[float] | None,
    fiscal_year: FiscalYear,
    *,
    branch_minimum: float | None = None,
    source: str = PAY_SOURCE_WORKFORCE,
    missing_reason: str = N_("le dossier ne contient ni effectif ni rémunération déclarée"),
) -> list[Finding]:
    """The two pay caps of I, 3° (mean of the 5 highest ≤ 7×, highest ≤ 10× the reference).

    Parameters:
        pays: annual full-time-equivalent pays (euros), or None when unknown.
        fiscal_year: the year of the pays (it fixes the SMIC of reference).
        branch_minimum: the branch's annual full-time minimum, when the dossier gives one.
        source: where the pays come from (French words of the library).
        missing_reason: why there are no pays, when ``pays`` is None or empty.

    Notes:
        reference = max(Σ monthly SMIC of the year, branch minimum);
        mean of the 5 highest ≤ 7 × reference; highest ≤ 10 × reference.

    References:
        Code du travail L3332-17-1, I, 3° a) and b).
    """
    reference, steps, used = _reference(fiscal_year, branch_minimum)
    multiple7 = dated("esus_top5_pay_multiple", fiscal_year.end)
    multiple10 = dated("esus_top_pay_multiple", fiscal_year.end)
    out = []
    for code, title, multiple, n, formula in (
        (
            "esus.top5_pay",
            N_("Moyenne des 5 plus hautes rémunérations (ETP)"),
            multiple7,
            5,
            N_("moyenne des 5 plus hautes rémunérations annuelles en équivalent temps plein"),
        ),
        (
            "esus.top_pay",
            N_("Plus haute rémunération (ETP)"),
            multiple10,
            1,
            N_("plus haute rémunération annuelle en équivalent temps plein"),
        ),
    ):
        cap = reference * multiple.value
        params_used = inputs(*used, multiple)
        figure_inputs = [
            *steps,
            Input.of(N_("Rémunération annuelle de référence"), float(reference), "EUR"),
            Input.from_param(multiple),
            Input.of(N_("Plafond"), float(cap), "EUR"),
        ]
        if not pays:
            figure = Figure.of(
                title,
                None,
                "EUR",
                formula,
                figure_inputs,
                reason=missing_reason,
                references=(L3332,),
            )
            out.append(
                Finding(
                    frame=Frame.ESUS,
                    code=code,
                    title=title,
                    verdict=Verdict.TO_CHECK,
                    conclusion=N_("Critère non calculable : {reason}."),
                    change=N_(
                        "Importez l'effectif dans « Ressources humaines » ou déclarez les plus "
                        "hautes rémunérations de l'année ; le plafond est de {cap}."
                    ),
                    params={"reason": missing_reason, "cap": eur(cap)},
                    words=("reason",),
                    references=(L3332,),
                    parameters=params_used,
                    figure=figure,
                    threshold=float(cap),
                    source=source,
                )
            )
            continue
        value = top_mean(pays, n)
        assert value is not None
        counted = min(n, len(pays))
        ok = at_most(value, cap)
        margin = float(cap) - value
        figure = Figure.of(
            title,
            round(value, 2),
            "EUR",
            formula,
            [
                Input.of(N_("Rémunérations prises en compte"), counted, "count", source),
                *figure_inputs,
            ],
            references=(L3332,),
            reading=N_("{margin} sous le plafond") if ok else N_("{excess} au-dessus du plafond"),
            reading_params={"margin": eur(margin), "excess": eur(-margin)},
            tone="good" if ok else "alert",
        )
        conclusion = {
            ("esus.top5_pay", True): N_(
                "La moyenne des {n} plus hautes rémunérations en équivalent temps plein s'élève à "
                "{value} : elle ne dépasse pas {multiple} fois la rémunération annuelle de "
                "référence ({cap})."
            ),
            ("esus.top5_pay", False): N_(
                "La moyenne des {n} plus hautes rémunérations en équivalent temps plein s'élève à "
                "{value} : elle dépasse de {excess} le plafond de {multiple} fois la rémunération "
                "annuelle de référence ({cap})."
            ),
            ("esus.top_pay", True): N_(
                "La plus haute rémunération en équivalent temps plein s'élève à {value} : elle ne "
                "dépasse pas {multiple} fois la rémunération annuelle de référence ({cap})."
            ),
            ("esus.top_pay", False): N_(
                "La plus haute rémunération en équivalent temps plein s'élève à {value} : elle "
                "dépasse de {excess} le plafond de {multiple} fois la rémunération annuelle de "
                "référence ({cap})."
            ),
        }[(code, ok)]
        change = (
            N_(
                "Le critère ne serait plus rempli au-delà de {cap} (marge : {margin}) ; un SMIC "
                "ou un minimum de branche plus élevé relèverait le plafond."
            )
            if ok
            else N_(
                "Le critère serait rempli en ramenant ce montant à {cap} au plus, ou si un "
                "minimum de branche plus élevé s'appliquait."
            )
        )
        out.append(
            Finding(
                frame=Frame.ESUS,
                code=code,
                title=title,
                verdict=Verdict.CONFORM if ok else Verdict.NOT_CONFORM,
                conclusion=conclusion,
                change=change,
                params={
                    "value": eur(value),
                    "n": counted,
                    "multiple": int(multiple.value),
                    "cap": eur(cap),
                    "margin": eur(margin),
                    "excess": eur(-margin),
                },
                references=(L3332,),
                parameters=params_used,
                figure=figure,
                threshold=float(cap),
                margin=round(margin, 2),
                source=source,
            )
        )
    return out


def charges_finding(
    charges: Sequence[YearCharges], years: Sequence[int], on: date, *, by_right: bool = False
) -> Finding:
    """The charges criterion of I, 2° over the last closed years (≥ 66 % of operating charges).

    Parameters:
        charges: what the accounts (or the declarations) say for some of ``years``.
        years: the closed years the criterion looks at, latest first.
        on: the date the rule is applied on.
        by_right: the structure holds the agreement by right (the criterion does not apply).

    Notes:
        ratio = Σ charges of the social-utility activities / Σ operating charges,
        over the years whose split is known; the floor is met when ratio ≥ 66 %
        and every year known is at least 66 %.
    """
    share = dated("esus_operating_charges_share", on)
    closed = dated("esus_closed_years", on)
    known = [c for c in charges if c.social_cents is not None and c.year in years]
    total = sum(c.total_cents for c in known)
    social = sum(c.social_cents or 0 for c in known)
    missing = [y for y in years if y not in {c.year for c in known}]
    title = N_("Charges des activités d'utilité sociale")
    formula = N_(
        "charges d'exploitation des activités d'utilité sociale / charges d'exploitation, "
        "sur les derniers exercices clos"
    )
    figure_inputs = [
        Input.of(N_("Charges d'exploitation des activités d'utilité sociale"), social / 100, "EUR"),
        Input.of(N_("Charges d'exploitation"), total / 100, "EUR"),
        Input.of(N_("Exercices pris en compte"), len(known), "count"),
        Input.from_param(share),
        Input.from_param(closed),
    ]
    sources = sorted({c.source for c in known})
    base = {
        "frame": Frame.ESUS,
        "code": "esus.charges",
        "title": title,
        "references": (L3332, R3332),
        "parameters": inputs(share, closed),
        "threshold": float(share.value),
        "source": ", ".join(sources),
    }
    if not known or total <= 0:
        reason = N_("aucune répartition des charges par activité n'est connue pour ces exercices")
        figure = Figure.of(title, None, "%", formula, figure_inputs, reason=reason)
        return Finding(
            **base,
            verdict=Verdict.NOT_APPLICABLE if by_right else Verdict.TO_CHECK,
            conclusion=N_(
                "Critère non calculable pour les exercices {years} : {reason} (le détail par "
                "exercice est dans le tableau des charges)."
            ),
            change=N_(
                "Importez les FEC de ces exercices avec leurs codes analytiques et choisissez les "
                "codes des activités d'utilité sociale, ou déclarez la répartition des charges."
            ),
            params={
                "years": ", ".join(str(y) for y in years),
                "reason": reason,
            },
            words=("reason",),
            figure=figure,
        )
    ratio = social / total
    ok_total = Decimal(social) >= Decimal(total) * share.value
    below = [
        c.year for c in known if Decimal(c.social_cents or 0) < Decimal(c.total_cents) * share.value
    ]
    margin = ratio - float(share.value)
    figure = Figure.of(
        title,
        ratio,
        "%",
        formula,
        figure_inputs,
        references=(L3332, R3332),
        reading=N_("au-dessus du seuil de 66 %") if ok_total else N_("sous le seuil de 66 %"),
        tone="good" if ok_total and not below else "watch" if ok_total else "alert",
    )
    params = {
        "ratio": round(ratio * 100, 1),
        "years": ", ".join(str(c.year) for c in known),
        "missing": ", ".join(str(y) for y in missing),
        "below": ", ".join(str(y) for y in below),
        "k": len(known),
        "n": int(closed.value),
    }
    if by_right:
        verdict = Verdict.NOT_APPLICABLE
        conclusion = N_(
            "La structure est ESUS de plein droit : ce critère ne lui est pas demandé. Pour "
            "information, les activités d'utilité sociale portent {ratio} % des charges "
            "d'exploitation ({years})."
        )
    elif not ok_total:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_(
            "Les activités d'utilité sociale portent {ratio} % des charges d'exploitation "
            "({years}) : moins que les 66 % requis."
        )
    elif missing or below:
        verdict = Verdict.TO_CHECK
        conclusion = N_(
            "Les activités d'utilité sociale portent {ratio} % des charges d'exploitation sur "
            "{k} exercice(s) sur {n} ({years}) ; exercices sans répartition : {missing} ; "
            "exercices sous 66 % : {below}."
        )
    else:
        verdict = Verdict.CONFORM
        conclusion = N_(
            "Les activités d'utilité sociale portent {ratio} % des charges d'exploitation sur "
            "les exercices {years} : au moins les 66 % requis."
        )
    return Finding(
        **base,
        verdict=verdict,
        conclusion=conclusion,
        change=N_(
            "Le critère bascule quand la part passe sous 66 % (écart actuel : {gap} points) ; "
            "changer le classement d'une activité ou la répartition analytique le modifie."
        ),
        params={**params, "gap": round(margin * 100, 1)},
        figure=figure,
        margin=round(margin, 6),
    )


def status_finding(identity: Identity, esus: EsusAnswers, on: date) -> Finding:
    """Whether the organisation holds the agreement on ``on``: by right, by decision, expired, none."""
    base = {
        "frame": Frame.ESUS,
        "code": "esus.status",
        "title": N_("Agrément ESUS"),
        "references": (N_("Code du travail, art. L3332-17-1, I et II"),),
        "source": N_("identité et agrément déclarés"),
    }
    if esus.by_right is not ByRightKind.NONE:
        return Finding(
            **base,
            verdict=Verdict.CONFORM,
            conclusion=N_(
                "{kind} : la structure bénéficie de l'agrément de plein droit, sous réserve de "
                "respecter l'article 1er de la loi ESS, les plafonds de rémunération et la "
                "condition sur les titres de capital (L3332-17-1, II)."
            ),
            change=N_("Le bénéfice de plein droit cesserait avec la fin du conventionnement."),
            params={"kind": esus.by_right.label},
            words=("kind",),
        )
    if not identity.esus:
        return Finding(
            **base,
            verdict=Verdict.NOT_APPLICABLE,
            conclusion=N_(
                "La structure ne déclare pas d'agrément ESUS : les critères ci-dessous sont "
                "calculés pour préparer une demande."
            ),
            change=N_("Cochez « Agrément ESUS » dans l'identité une fois l'agrément obtenu."),
        )
    if esus.agreement_until is not None and esus.agreement_until < on:
        return Finding(
            **base,
            verdict=Verdict.NOT_CONFORM,
            conclusion=N_("L'agrément a pris fin le {until} : il doit être renouvelé."),
            change=N_("Déposez une demande de renouvellement auprès de la DREETS."),
            params={"until": esus.agreement_until},
        )
    if esus.agreement_until is None:
        return Finding(
            **base,
            verdict=Verdict.TO_CHECK,
            conclusion=N_(
                "L'agrément est déclaré, sans date de fin : vérifiez sa durée sur la décision."
            ),
            change=N_("Saisissez la date de fin de validité de l'agrément."),
        )
    return Finding(
        **base,
        verdict=Verdict.CONFORM,
        conclusion=N_("L'agrément est valable jusqu'au {until}."),
        change=N_("Préparez le renouvellement avant le {until}."),
        params={"until": esus.agreement_until},
    )


def _requirement(
    code: str,
    title: str,
    verdict: Verdict,
    conclusion: str,
    change: str,
    *,
    reference: str,
    **params: object,
) -> Finding:
    return Finding(
        frame=Frame.ESUS,
        code=code,
        title=title,
        verdict=verdict,
        conclusion=conclusion,
        change=change,
        params=params,
        references=(reference,),
        source=N_("questionnaire des statuts"),
    )


def esus_findings(
    identity: Identity,
    esus: EsusAnswers,
    *,
    ess: Verdict,
    utility: Verdict,
    charges: Finding,
    pays: list[Finding],
    on: date,
) -> list[Finding]:
    """Every ESUS criterion in the order of L3332-17-1, I (the status first).

    ``ess`` and ``utility`` are the verdicts of the art. 1 and art. 2 frames;
    ``charges`` and ``pays`` the findings of :func:`charges_finding` and
    :func:`pay_findings`.
    """
    by_right = esus.by_right is not ByRightKind.NONE
    out = [status_finding(identity, esus, on)]
    out.append(
        _requirement(
            "esus.ess",
            N_("Entreprise de l'ESS (loi ESS, art. 1)"),
            ess,
            N_("L'appartenance à l'ESS est jugée « {status} » dans l'onglet dédié."),
            N_("Le critère suit les réponses sur les statuts (article 1er)."),
            reference=N_("Code du travail, art. L3332-17-1, I (premier alinéa) et II"),
            status=ess.label,
        ).model_copy(update={"words": ("status",)})
    )
    utility_verdict = Verdict.NOT_APPLICABLE if by_right else utility
    out.append(
        _requirement(
            "esus.utility",
            N_("Objectif principal d'utilité sociale"),
            utility_verdict,
            N_("Sans objet pour une structure agréée de plein droit.")
            if by_right
            else N_("L'utilité sociale (article 2) est jugée « {status} » dans l'onglet dédié."),
            N_("Le critère suit les objectifs d'utilité sociale déclarés (article 2)."),
            reference=N_("Code du travail, art. L3332-17-1, I, 1°"),
            status=utility.label,
        ).model_copy(update={"words": ("status",)})
    )
    out.append(charges)
    out.extend(pays)
    if identity.legal_form in SHARELESS_FORMS:
        shares = Verdict.NOT_APPLICABLE
        text = N_("La structure n'a pas de titres de capital : la condition est sans objet.")
    else:
        shares = {
            Answer.NO: Verdict.CONFORM,
            Answer.YES: Verdict.NOT_CONFORM,
            Answer.UNKNOWN: Verdict.TO_CHECK,
        }[esus.shares_listed]
        text = {
            Verdict.CONFORM: N_("Les titres de capital ne sont pas admis sur un marché financier."),
            Verdict.NOT_CONFORM: N_(
                "Des titres de capital sont admis sur un marché financier : l'agrément est exclu."
            ),
            Verdict.TO_CHECK: N_("La cotation des titres n'est pas renseignée."),
        }[shares]
    out.append(
        _requirement(
            "esus.shares",
            N_("Titres de capital non cotés"),
            shares,
            text,
            N_("Une admission des titres sur un marché financier ferait perdre l'agrément."),
            reference=N_("Code du travail, art. L3332-17-1, I, 4°"),
        )
    )
    if by_right:
        out.append(
            _requirement(
                "esus.statutes_objective",
                N_("Objectif d'utilité sociale dans les statuts"),
                Verdict.NOT_APPLICABLE,
                N_("Sans objet pour une structure agréée de plein droit."),
                "",
                reference=N_("Code du travail, art. L3332-17-1, I, 5°"),
            )
        )
    else:
        v = answer_verdict(esus.objective_in_statutes)
        out.append(
            _requirement(
                "esus.statutes_objective",
                N_("Objectif d'utilité sociale dans les statuts"),
                v,
                {
                    Verdict.CONFORM: N_("L'objectif d'utilité sociale figure dans les statuts."),
                    Verdict.NOT_CONFORM: N_(
                        "L'objectif d'utilité sociale ne figure pas dans les statuts."
                    ),
                    Verdict.TO_CHECK: N_("La rédaction des statuts n'est pas renseignée."),
                }[v],
                N_("Une modification des statuts votée en assemblée générale extraordinaire."),
                reference=N_("Code du travail, art. L3332-17-1, I, 5°"),
            )
        )
    required = dated("esus_statutes_conditions", on)
    if required.value < 2 or by_right:
        pay = _requirement(
            "esus.statutes_pay",
            N_("Politique de rémunération dans les statuts"),
            Verdict.NOT_APPLICABLE,
            N_(
                "Depuis la loi PACTE (24 mai 2019), seul l'objectif d'utilité sociale doit "
                "figurer dans les statuts ; les plafonds de rémunération restent exigés."
            )
            if required.value < 2
            else N_("Sans objet pour une structure agréée de plein droit."),
            "",
            reference=N_("Code du travail, art. L3332-17-1, I, 5° (loi n° 2019-486, art. 105)"),
        )
    else:
        v = answer_verdict(esus.pay_policy_in_statutes)
        pay = _requirement(
            "esus.statutes_pay",
            N_("Politique de rémunération dans les statuts"),
            v,
            {
                Verdict.CONFORM: N_("La politique de rémunération figure dans les statuts."),
                Verdict.NOT_CONFORM: N_(
                    "À cette date, la politique de rémunération doit figurer dans les statuts."
                ),
                Verdict.TO_CHECK: N_("La rédaction des statuts n'est pas renseignée."),
            }[v],
            N_("Exigence levée par la loi PACTE à compter du 24 mai 2019."),
            reference=N_(
                "Code du travail, art. L3332-17-1, I, 5° (rédaction de la loi n° 2014-856)"
            ),
        )
    out.append(pay.model_copy(update={"parameters": inputs(required)}))
    return out

"""Obligations that come with public grants and gifts, read from the funding register.

* Written agreement (convention) when one authority grants more than 23 000 €
  in a year (loi n° 2000-321 art. 10; décret n° 2001-495): each public
  funder's grants of the year are added up (operating and investment); a
  line with an agreement start date in the register counts as covered.
* Statutory auditor and publication of the accounts when an association
  receives more than 153 000 € of public grants in a year (Code de commerce
  L612-4; décret n° 2006-335; publication: décret n° 2009-540).
* Statement of the use of resources (compte d'emploi des ressources) when
  more than 153 000 € of gifts are raised from the public (loi n° 91-772
  art. 4; décret n° 2019-504).
* Contrat d'engagement républicain for an association or a foundation that
  asks for a grant, from 2 January 2022 (loi n° 2000-321 art. 10-1; décret
  n° 2021-1947).

Each threshold is « dépasse » (strictly above): exactly 23 000 € needs no
agreement. Amounts are the register's euros (floats) for the year examined;
dated rules are applied on the last day of that year.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

import pandas as pd

from essdiag.compliance.findings import Finding, Frame, Verdict
from essdiag.compliance.rules.common import NON_PROFIT_FORMS, dated, eur, inputs
from essdiag.compliance.section import Answer, GrantAnswers
from essdiag.errors import UnknownParameterError
from essdiag.figures import Figure, Input
from essdiag.funding.section import FunderType, FundingFamily, FundingSource
from essdiag.i18n import N_
from essdiag.identity import Identity, LegalForm
from essdiag.params import Param

__all__ = ["GIFT_TYPES", "authorities", "grant_findings", "public_total"]

GIFT_TYPES: frozenset[FunderType] = frozenset(
    {FunderType.INDIVIDUAL_GIFTS, FunderType.CROWDFUNDING_DONATION}
)
"""Resources raised from the public (générosité du public)."""

SOURCE = N_("registre des financements")


def _public(sources: Sequence[FundingSource]) -> list[FundingSource]:
    return [s for s in sources if s.family is FundingFamily.PUBLIC]


def public_total(sources: Sequence[FundingSource], year: int) -> float:
    """Public grants of the year, operating and investment, euros."""
    return math.fsum(s.amount(year) for s in _public(sources))


def authorities(sources: Sequence[FundingSource], year: int) -> pd.DataFrame:
    """Each public funder's grants of the year, with the lines lacking an agreement date.

    Returns:
        DataFrame[funder, amount, lines, without_agreement], largest first;
        ``without_agreement`` names the register lines with no agreement start.

    Example:
        >>> from essdiag.funding.section import YearAmount
        >>> s = [FundingSource(id="r", name="Région", funder="Région", funder_type="region",
        ...      amounts=[YearAmount(year=2026, amount=24000)])]
        >>> authorities(s, 2026)[["funder", "amount", "without_agreement"]].values.tolist()
        [['Région', 24000.0, 'Région']]
    """
    amounts: dict[str, float] = {}
    lines: dict[str, list[str]] = {}
    missing: dict[str, list[str]] = {}
    for s in _public(sources):
        amount = s.amount(year)
        if amount <= 0:
            continue
        key = s.funder or s.name
        amounts[key] = amounts.get(key, 0.0) + amount
        lines.setdefault(key, []).append(s.name)
        missing.setdefault(key, [])
        if s.agreement_start is None:
            missing[key].append(s.name)
    frame = pd.DataFrame(
        {
            "funder": list(amounts),
            "amount": list(amounts.values()),
            "lines": [", ".join(lines[k]) for k in amounts],
            "without_agreement": [", ".join(missing[k]) for k in amounts],
        },
        columns=["funder", "amount", "lines", "without_agreement"],
    )
    return frame.sort_values(["amount", "funder"], ascending=[False, True]).reset_index(drop=True)


def _agreements(sources: Sequence[FundingSource], year: int, on: date) -> Finding:
    threshold = dated("grant_agreement_threshold", on)
    table = authorities(sources, year)
    above = table[table["amount"] > float(threshold.value)]
    lacking = above[above["without_agreement"] != ""]
    title = N_("Conventions au-delà de 23 000 € par financeur")
    largest = float(table["amount"].max()) if not table.empty else 0.0
    figure = Figure.of(
        N_("Financeurs publics au-delà du seuil"),
        len(above),
        "count",
        N_("financeurs publics dont les subventions de l'exercice dépassent le seuil"),
        [
            Input.of(N_("Financeurs publics de l'exercice"), len(table), "count", SOURCE),
            Input.of(N_("Plus forte subvention d'un financeur"), largest, "EUR", SOURCE),
            Input.from_param(threshold),
        ],
        references=(N_("Loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495"),),
    )
    params = {
        "year": year,
        "n": len(above),
        "threshold": eur(threshold.value),
        "funders": ", ".join(lacking["funder"]),
        "lines": "; ".join(lacking["without_agreement"]),
    }
    if above.empty:
        verdict = Verdict.NOT_APPLICABLE
        conclusion = N_(
            "En {year}, aucun financeur public ne dépasse {threshold} : pas de convention "
            "obligatoire à ce titre."
        )
    elif lacking.empty:
        verdict = Verdict.CONFORM
        conclusion = N_(
            "En {year}, {n} financeur(s) public(s) dépassent {threshold} ; chaque ligne a une "
            "convention datée dans le registre."
        )
    else:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_(
            "En {year}, ces financeurs publics dépassent {threshold} sans convention datée dans "
            "le registre : {funders} (lignes : {lines})."
        )
    return Finding(
        frame=Frame.GRANTS,
        code="grants.agreements",
        title=title,
        verdict=verdict,
        conclusion=conclusion,
        change=N_(
            "Une convention est exigée dès qu'un même financeur public dépasse {threshold} dans "
            "l'année ; renseignez sa date de début dans le registre des financements."
        ),
        params=params,
        references=(
            N_("Loi n° 2000-321 du 12 avril 2000, art. 10 ; décret n° 2001-495 du 6 juin 2001"),
        ),
        parameters=inputs(threshold),
        figure=figure,
        threshold=float(threshold.value),
        source=SOURCE,
    )


def _threshold_obligation(
    *,
    code: str,
    title: str,
    amount: float,
    param_name: str,
    on: date,
    year: int,
    applies: bool,
    answers: Sequence[Answer],
    requirement: str,
    reference: str,
    what: str,
) -> Finding:
    """An obligation that starts above a threshold and is met when every answer is yes."""
    threshold = dated(param_name, on)
    cap = float(threshold.value)
    above = amount > cap
    figure = Figure.of(
        title,
        amount,
        "EUR",
        what,
        [Input.of(what, amount, "EUR", SOURCE), Input.from_param(threshold)],
        references=(reference,),
        reading=N_("au-delà du seuil : obligation applicable")
        if above
        else N_("sous le seuil : pas d'obligation à ce titre"),
        tone="watch" if above else "neutral",
    )
    missing = [a for a in answers if a is not Answer.YES]
    refused = [a for a in answers if a is Answer.NO]
    if not applies:
        verdict = Verdict.NOT_APPLICABLE
        conclusion = N_(
            "Obligation propre aux associations : sans objet pour cette forme juridique."
        )
    elif not above:
        verdict = Verdict.NOT_APPLICABLE
        conclusion = N_(
            "En {year}, {amount} : pas plus que le seuil de {threshold}, pas d'obligation."
        )
    elif refused:
        verdict = Verdict.NOT_CONFORM
        conclusion = N_(
            "En {year}, {amount} dépassent {threshold} : obligation non remplie ({requirement})."
        )
    elif missing:
        verdict = Verdict.TO_CHECK
        conclusion = N_("En {year}, {amount} dépassent {threshold} : à confirmer ({requirement}).")
    else:
        verdict = Verdict.CONFORM
        conclusion = N_("En {year}, {amount} dépassent {threshold} : l'obligation est remplie.")
    return Finding(
        frame=Frame.GRANTS,
        code=code,
        title=title,
        verdict=verdict,
        conclusion=conclusion,
        change=N_(
            "L'obligation s'applique dès que le montant de l'année dépasse {threshold} (marge : {margin})."
        ),
        params={
            "year": year,
            "amount": eur(amount),
            "threshold": eur(cap),
            "margin": eur(cap - amount),
            "requirement": requirement,
        },
        words=("requirement",),
        references=(reference,),
        parameters=inputs(threshold),
        figure=figure,
        threshold=cap,
        margin=cap - amount,
        source=SOURCE,
    )


def grant_findings(
    identity: Identity, sources: Sequence[FundingSource], answers: GrantAnswers, year: int
) -> list[Finding]:
    """The four obligations for the amounts of ``year``, applied on its last day."""
    on = date(year, 12, 31)
    association = identity.legal_form is LegalForm.ASSOCIATION
    public = public_total(sources, year)
    gifts = math.fsum(s.amount(year) for s in sources if s.funder_type in GIFT_TYPES)
    out = [_agreements(sources, year, on)]
    out.append(
        _threshold_obligation(
            code="grants.auditor",
            title=N_("Commissaire aux comptes et publication des comptes"),
            amount=public,
            param_name="public_grants_auditor_threshold",
            on=on,
            year=year,
            applies=association,
            answers=(answers.auditor_appointed, answers.accounts_published),
            requirement=N_("commissaire aux comptes nommé et comptes publiés"),
            reference=N_("Code de commerce, art. L612-4 ; décret n° 2006-335 ; décret n° 2009-540"),
            what=N_("Subventions publiques de l'exercice"),
        )
    )
    out.append(
        _threshold_obligation(
            code="grants.resources_statement",
            title=N_("Compte d'emploi des ressources collectées auprès du public"),
            amount=gifts,
            param_name="public_generosity_cer_threshold",
            on=on,
            year=year,
            applies=True,
            answers=(answers.resources_statement,),
            requirement=N_("compte d'emploi des ressources établi"),
            reference=N_("Loi n° 91-772 du 7 août 1991, art. 4 ; décret n° 2019-504"),
            what=N_("Dons collectés auprès du public"),
        )
    )
    required = _in_force("republican_contract_required", on)
    concerned = identity.legal_form in NON_PROFIT_FORMS and public > 0
    if required is None or not concerned:
        verdict = Verdict.NOT_APPLICABLE
        conclusion = (
            N_("Le contrat d'engagement républicain n'est exigé qu'à partir du 2 janvier 2022.")
            if required is None
            else N_(
                "Exigé des associations et fondations qui demandent une subvention : sans objet ici."
            )
        )
    else:
        verdict = {
            Answer.YES: Verdict.CONFORM,
            Answer.NO: Verdict.NOT_CONFORM,
            Answer.UNKNOWN: Verdict.TO_CHECK,
        }[answers.republican_contract]
        conclusion = {
            Verdict.CONFORM: N_("Le contrat d'engagement républicain est souscrit."),
            Verdict.NOT_CONFORM: N_(
                "Des subventions publiques sont demandées en {year} sans contrat d'engagement "
                "républicain : elles peuvent être refusées ou retirées."
            ),
            Verdict.TO_CHECK: N_("Subventions publiques en {year} : le contrat est-il souscrit ?"),
        }[verdict]
    out.append(
        Finding(
            frame=Frame.GRANTS,
            code="grants.republican_contract",
            title=N_("Contrat d'engagement républicain"),
            verdict=verdict,
            conclusion=conclusion,
            change=N_(
                "Exigé de toute association ou fondation qui sollicite une subvention publique."
            ),
            params={"year": year},
            references=(
                N_("Loi n° 2000-321, art. 10-1 (loi n° 2021-1109, art. 12) ; décret n° 2021-1947"),
            ),
            parameters=inputs(required) if required is not None else (),
            source=SOURCE,
        )
    )
    return out


def _in_force(name: str, on: date) -> Param | None:
    """A rule that exists from a date: its parameter on ``on``, or None before that date."""
    try:
        return dated(name, on)
    except UnknownParameterError:
        return None

"""Belonging to the ESS: art. 1 of loi n° 2014-856 du 31 juillet 2014, from the statutes questionnaire.

* I — principles every ESS entity follows: a purpose other than sharing
  profits (1°), democratic governance defined in the statutes (2°), profits
  mostly devoted to the activity (3° a), compulsory reserves impartible and
  not distributed, the liquidation surplus to another ESS entity (3° b);
* II, 1° — cooperatives, mutuals, foundations and associations belong to the
  ESS by their form;
* II, 2° — a commercial company belongs to it when its statutes write these
  conditions (a), it seeks a social utility within art. 2 (b), and it applies
  the management rules of c): at least 20 % of profits to a development fund
  (arrêté du 3 août 2015: « un cinquième au moins », until the reserves reach
  a fifth of the capital), at least 50 % to retained earnings and compulsory
  reserves (« la moitié au moins »), no amortisation of capital nor reduction
  not justified by losses.
"""

from __future__ import annotations

from datetime import date

from essdiag.compliance.findings import Finding, Frame, Verdict
from essdiag.compliance.rules.common import answer_verdict, dated, inputs
from essdiag.compliance.section import Answer, Statement, StatutesAnswers
from essdiag.figures import Figure, Input
from essdiag.i18n import N_
from essdiag.identity import Identity, LegalForm

__all__ = ["ess_findings"]

ART1 = N_("Loi n° 2014-856 du 31 juillet 2014, art. 1er")
ARRETE = N_("Arrêté du 3 août 2015 (fonds de développement et réserves)")
SOURCE = N_("questionnaire des statuts")

_PRINCIPLES: tuple[tuple[str, str, str], ...] = (
    ("purpose_other_than_profit", "ess.purpose", N_("art. 1er, I, 1°")),
    ("democratic_governance", "ess.governance", N_("art. 1er, I, 2°")),
    ("profits_mostly_reinvested", "ess.profits", N_("art. 1er, I, 3° a")),
    ("reserves_not_distributed", "ess.reserves", N_("art. 1er, I, 3° b")),
    ("liquidation_surplus_to_ess", "ess.liquidation", N_("art. 1er, I, 3° b, dernier alinéa")),
)


def _principle(
    code: str, title: str, where: str, statement: Statement, commercial: bool
) -> Finding:
    verdict = answer_verdict(statement)
    if verdict is Verdict.NOT_CONFORM and not commercial:
        verdict = Verdict.TO_CHECK
    conclusion = {
        Answer.YES: N_("Oui ({where}) : {evidence}"),
        Answer.NO: N_("Non ({where}) : {evidence}"),
        Answer.UNKNOWN: N_("Non renseigné ({where})."),
    }[statement.answer]
    if statement.answer is Answer.NO and not commercial:
        conclusion = N_(
            "Non ({where}) : la forme suffit à appartenir à l'ESS, mais cette pratique s'écarte "
            "des principes de l'article 1er, à discuter en conseil. {evidence}"
        )
    return Finding(
        frame=Frame.ESS,
        code=code,
        title=title,
        verdict=verdict,
        conclusion=conclusion,
        change=N_("Une modification des statuts ou de la pratique, votée par les instances.")
        if statement.answer is not Answer.UNKNOWN
        else N_("Répondez à la question et citez l'article des statuts."),
        params={"where": where, "evidence": statement.evidence or "–"},
        words=("where",),
        references=(ART1,),
        source=SOURCE,
    )


def _share(
    code: str, title: str, value: float | None, *, param_name: str, where: str, on: date
) -> Finding:
    floor = dated(param_name, on)
    base = {
        "frame": Frame.ESS,
        "code": code,
        "title": title,
        "references": (ART1, ARRETE),
        "parameters": inputs(floor),
        "threshold": float(floor.value),
        "source": SOURCE,
    }
    if value is None:
        return Finding(
            **base,
            verdict=Verdict.TO_CHECK,
            conclusion=N_("La part prévue par les statuts n'est pas renseignée ({where})."),
            change=N_(
                "Saisissez la part des bénéfices que les statuts affectent ({floor} % au moins)."
            ),
            params={"where": where, "floor": float(floor.value) * 100},
            words=("where",),
            figure=Figure.of(
                title,
                None,
                "%",
                N_("part des bénéfices de l'exercice prévue par les statuts"),
                [Input.from_param(floor)],
                reason=N_("part non renseignée"),
            ),
        )
    ok = value >= float(floor.value) - 1e-12
    return Finding(
        **base,
        verdict=Verdict.CONFORM if ok else Verdict.NOT_CONFORM,
        conclusion=N_(
            "Les statuts prévoient {value} % des bénéfices ({where}) : au moins {floor} %."
        )
        if ok
        else N_(
            "Les statuts prévoient {value} % des bénéfices ({where}) : moins que les {floor} % requis."
        ),
        change=N_("Le critère tombe sous {floor} % ; une modification des statuts le change."),
        params={"value": round(value * 100, 2), "floor": float(floor.value) * 100, "where": where},
        words=("where",),
        figure=Figure.of(
            title,
            value,
            "%",
            N_("part des bénéfices de l'exercice prévue par les statuts"),
            [
                Input.of(N_("Part prévue par les statuts"), value, "%", SOURCE),
                Input.from_param(floor),
            ],
            references=(ART1, ARRETE),
            reading=N_("au moins le minimum légal") if ok else N_("sous le minimum légal"),
            tone="good" if ok else "alert",
        ),
        margin=round(value - float(floor.value), 6),
    )


def ess_findings(
    identity: Identity, statutes: StatutesAnswers, *, utility: Verdict, on: date
) -> list[Finding]:
    """The findings of art. 1: the form, the principles, and a commercial company's extra rules.

    ``utility`` is the verdict of art. 2 (a commercial company must seek a
    social utility, art. 1, II, 2° b).
    """
    form = identity.legal_form
    commercial = form is LegalForm.SOCIETE_COMMERCIALE_ESS
    out = [
        Finding(
            frame=Frame.ESS,
            code="ess.form",
            title=N_("Forme juridique"),
            verdict=Verdict.NOT_APPLICABLE if commercial else Verdict.CONFORM,
            conclusion=N_(
                "Société commerciale : elle appartient à l'ESS si ses statuts remplissent les "
                "conditions ci-dessous (art. 1er, II, 2°)."
            )
            if commercial
            else N_("{form} : la structure appartient à l'ESS par sa forme (art. 1er, II, 1°)."),
            change=N_("Un changement de forme juridique changerait ce constat."),
            params={"form": form.label},
            words=("form",),
            references=(ART1,),
            source=N_("identité de la structure"),
        )
    ]
    titles = {
        "purpose_other_than_profit": N_("But autre que le seul partage des bénéfices"),
        "democratic_governance": N_("Gouvernance démocratique"),
        "profits_mostly_reinvested": N_("Bénéfices consacrés à l'activité"),
        "reserves_not_distributed": N_("Réserves impartageables"),
        "liquidation_surplus_to_ess": N_("Boni de liquidation"),
    }
    for name, code, where in _PRINCIPLES:
        out.append(_principle(code, titles[name], where, getattr(statutes, name), commercial))
    if not commercial:
        return out
    out.append(
        _principle(
            "ess.in_statutes",
            N_("Conditions écrites dans les statuts"),
            N_("art. 1er, II, 2°"),
            statutes.conditions_in_statutes,
            True,
        )
    )
    out.append(
        Finding(
            frame=Frame.ESS,
            code="ess.social_utility",
            title=N_("Recherche d'une utilité sociale"),
            verdict=utility,
            conclusion=N_(
                "L'utilité sociale (article 2) est jugée « {verdict} » dans l'onglet dédié."
            ),
            change=N_("Le critère suit les objectifs d'utilité sociale déclarés."),
            params={"verdict": utility.label},
            words=("verdict",),
            references=(N_("Loi n° 2014-856, art. 1er, II, 2° b et art. 2"),),
            source=SOURCE,
        )
    )
    out.append(
        _share(
            "ess.development_reserve",
            N_("Fonds de développement"),
            statutes.development_reserve_share,
            param_name="ess_development_reserve_share",
            where=N_("art. 1er, II, 2° c, premier tiret"),
            on=on,
        )
    )
    out.append(
        _share(
            "ess.retained_earnings",
            N_("Report bénéficiaire et réserves obligatoires"),
            statutes.retained_earnings_share,
            param_name="ess_retained_earnings_share",
            where=N_("art. 1er, II, 2° c, deuxième tiret"),
            on=on,
        )
    )
    out.append(
        _principle(
            "ess.capital",
            N_("Capital ni amorti ni réduit hors pertes"),
            N_("art. 1er, II, 2° c, troisième tiret"),
            statutes.no_capital_amortisation,
            True,
        )
    )
    return out

"""Tables of the legal and fiscal frame, shared by the screen, its charts and the exports.

Where it sits: pure functions from a
:class:`~essdiag.compliance.findings.ComplianceReport` (and the sections it
was computed from) to :class:`~essdiag.figures.View` objects. Findings carry
French templates filled with raw values, so the views that show their
conclusions are built for one reader (``tr``); the others hold raw values and
are formatted by the view itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from essdiag.compliance.findings import ComplianceReport, Finding, Frame, Verdict
from essdiag.compliance.inputs import YearCharges
from essdiag.compliance.rules.grants import authorities
from essdiag.compliance.rules.tax import activity_receipts, classify
from essdiag.compliance.section import CsessAnswers, CsessTheme, TaxAnswers
from essdiag.figures import Column, Figure, Input, View, format_value
from essdiag.funding.section import FundingSource
from essdiag.i18n import N_, Translator

__all__ = [
    "activities_view",
    "attention_view",
    "authorities_view",
    "charges_view",
    "counts_view",
    "criteria_view",
    "csess_view",
    "findings_view",
    "pays_view",
    "summary_figures",
]


def findings_view(findings: Sequence[Finding], tr: Translator, *, with_frame: bool = False) -> View:
    """Findings as rows: criterion, verdict, conclusion, what would change it, texts, parameters.

    Choices are kept as their French labels (a DataFrame of text keeps plain strings).
    """
    columns = [
        Column("title", N_("Critère"), "label"),
        Column("verdict", N_("Verdict"), "label"),
        Column("conclusion", N_("Conclusion")),
        Column("change", N_("Ce qui changerait la conclusion")),
        Column("references", N_("Textes appliqués")),
        Column("parameters", N_("Paramètres datés utilisés")),
    ]
    if with_frame:
        columns.insert(0, Column("frame", N_("Cadre"), "label"))
    frame = pd.DataFrame(
        {
            "frame": [f.frame.label for f in findings],
            "code": [f.code for f in findings],
            "title": [f.title for f in findings],
            "verdict": [f.verdict.label for f in findings],
            "conclusion": [f.conclusion_text(tr) for f in findings],
            "change": [f.change_text(tr) for f in findings],
            "references": [f.references_text(tr) for f in findings],
            "parameters": [f.parameters_text(tr) for f in findings],
        },
        columns=[
            "frame",
            "code",
            "title",
            "verdict",
            "conclusion",
            "change",
            "references",
            "parameters",
        ],
    )
    return View(tuple(columns), frame, title=N_("Constats du cadre juridique et fiscal"))


def summary_figures(report: ComplianceReport) -> list[Figure]:
    """How many findings are conform, to check, not conform and not applicable, with their reading."""
    counts = report.counts()
    total = sum(counts.values())
    out = []
    for verdict, label, reading in (
        (Verdict.NOT_CONFORM, N_("Non conformes"), N_("à corriger en priorité")),
        (Verdict.TO_CHECK, N_("À vérifier"), N_("à compléter ou à confirmer")),
        (Verdict.CONFORM, N_("Conformes"), N_("critères remplis")),
        (Verdict.NOT_APPLICABLE, N_("Sans objet"), N_("ne concernent pas la structure")),
    ):
        n = counts[verdict]
        out.append(
            Figure.of(
                label,
                n,
                "count",
                N_("nombre de constats de ce verdict"),
                [Input.of(N_("Constats au total"), total, "count", N_("règles appliquées"))],
                references=(N_("voir le texte cité par chaque constat"),),
                reading=reading if n else N_("aucun"),
                tone=verdict.tone if n else "neutral",
            )
        )
    return out


def attention_view(report: ComplianceReport, tr: Translator) -> View:
    """The findings not conform or to check, most severe first, with their reason and source."""
    found = sorted(
        (f for f in report.findings if f.verdict in (Verdict.NOT_CONFORM, Verdict.TO_CHECK)),
        key=lambda f: f.verdict.rank,
    )
    frame = pd.DataFrame(
        {
            "frame": [f.frame.label for f in found],
            "title": [f.title for f in found],
            "verdict": [f.verdict.label for f in found],
            "conclusion": [f.conclusion_text(tr) for f in found],
            "source": [f.source for f in found],
            "references": [f.references_text(tr) for f in found],
        },
        columns=["frame", "title", "verdict", "conclusion", "source", "references"],
    )
    return View(
        (
            Column("verdict", N_("Verdict"), "label"),
            Column("frame", N_("Cadre"), "label"),
            Column("title", N_("Critère"), "label"),
            Column("conclusion", N_("Raison")),
            Column("source", N_("Données"), "label"),
            Column("references", N_("Textes appliqués")),
        ),
        frame,
        title=N_("Points à traiter"),
    )


def criteria_view(findings: Sequence[Finding], tr: Translator) -> View:
    """Criteria with a number: value, threshold and margin written by the figure's unit, verdict."""
    rows = [f for f in findings if f.figure is not None]
    frame = pd.DataFrame(
        {
            "code": [f.code for f in rows],
            "title": [f.title for f in rows],
            "value": [f.figure.shown(tr) if f.figure else "–" for f in rows],
            "threshold": [
                format_value(f.threshold, f.figure.unit if f.figure else "", tr)
                if f.threshold is not None
                else "–"
                for f in rows
            ],
            "margin": [
                format_value(f.margin, f.figure.unit if f.figure else "", tr)
                if f.margin is not None
                else "–"
                for f in rows
            ],
            "verdict": [f.verdict.label for f in rows],
        },
        columns=["code", "title", "value", "threshold", "margin", "verdict"],
    )
    return View(
        (
            Column("title", N_("Critère"), "label"),
            Column("value", N_("Valeur")),
            Column("threshold", N_("Seuil")),
            Column("margin", N_("Marge avant le seuil")),
            Column("verdict", N_("Verdict"), "label"),
        ),
        frame,
        title=N_("Critères chiffrés"),
    )


def counts_view(report: ComplianceReport) -> View:
    """How many findings of each verdict, frame by frame (the summary chart's table)."""
    records = []
    for frame in Frame:
        found = report.of(frame)
        if not found:
            continue
        counts = {v: sum(f.verdict is v for f in found) for v in Verdict}
        records.append(
            {
                "frame": frame.label,
                "conform": counts[Verdict.CONFORM],
                "to_check": counts[Verdict.TO_CHECK],
                "not_conform": counts[Verdict.NOT_CONFORM],
                "not_applicable": counts[Verdict.NOT_APPLICABLE],
                "verdict": report.verdict(frame).label,
            }
        )
    frame_df = pd.DataFrame(
        records,
        columns=["frame", "conform", "to_check", "not_conform", "not_applicable", "verdict"],
    )
    return View(
        (
            Column("frame", N_("Cadre"), "label"),
            Column("verdict", N_("Verdict d'ensemble"), "label"),
            Column("not_conform", N_("Non conforme"), "count"),
            Column("to_check", N_("À vérifier"), "count"),
            Column("conform", N_("Conforme"), "count"),
            Column("not_applicable", N_("Sans objet"), "count"),
        ),
        frame_df,
        title=N_("Synthèse par cadre"),
    )


def charges_view(charges: Sequence[YearCharges]) -> View:
    """Operating charges of each closed year and the share of the social-utility activities."""
    frame = pd.DataFrame(
        {
            "year": [str(c.year) for c in charges],
            "total": [c.total_cents / 100 if c.source else None for c in charges],
            "social": [None if c.social_cents is None else c.social_cents / 100 for c in charges],
            "share": [
                c.social_cents / c.total_cents
                if c.social_cents is not None and c.total_cents > 0
                else None
                for c in charges
            ],
            "source": [c.source or "–" for c in charges],
            "reason": [c.reason or "" for c in charges],
        },
        columns=["year", "total", "social", "share", "source", "reason"],
    )
    return View(
        (
            Column("year", N_("Exercice")),
            Column("total", N_("Charges d'exploitation"), "EUR", digits=0),
            Column("social", N_("Dont activités d'utilité sociale"), "EUR", digits=0),
            Column("share", N_("Part"), "%"),
            Column("source", N_("Source"), "label"),
            Column("reason", N_("Pourquoi la part manque"), "label"),
        ),
        frame,
        title=N_("Charges d'exploitation des derniers exercices clos"),
    )


def pays_view(pays: Sequence[float]) -> View:
    """The highest FTE pays, by rank only (no name), at most ten."""
    top = list(pays)[:10]
    frame = pd.DataFrame(
        {"rank": list(range(1, len(top) + 1)), "pay": top}, columns=["rank", "pay"]
    )
    return View(
        (
            Column("rank", N_("Rang"), "count"),
            Column("pay", N_("Rémunération annuelle en ETP"), "EUR", digits=0),
        ),
        frame,
        title=N_("Plus hautes rémunérations en équivalent temps plein"),
    )


def authorities_view(sources: Sequence[FundingSource], year: int, threshold: float) -> View:
    """Each public funder of the year, its grants and whether an agreement is required and dated."""
    table = authorities(sources, year)
    table["required"] = table["amount"] > threshold
    return View(
        (
            Column("funder", N_("Financeur public")),
            Column("amount", N_("Subventions de l'exercice"), "EUR", digits=0),
            Column("required", N_("Convention obligatoire"), "bool"),
            Column("lines", N_("Lignes du registre")),
            Column("without_agreement", N_("Lignes sans convention datée")),
        ),
        table,
        title=N_("Financeurs publics et conventions"),
    )


def activities_view(answers: TaxAnswers, sources: Sequence[FundingSource], year: int) -> View:
    """Each activity's receipts, competition test, 4P answers and status."""
    acts = answers.activities
    statuses = [classify(a)[0] for a in acts]
    frame = pd.DataFrame(
        {
            "name": [a.name for a in acts],
            "receipts": [activity_receipts(a, sources, year)[0] for a in acts],
            "competes": [a.competes.label for a in acts],
            "product": [a.product.label for a in acts],
            "public": [a.public.label for a in acts],
            "price": [a.price.label for a in acts],
            "publicity": [a.publicity.label for a in acts],
            "status": [st.label for st in statuses],
        },
        columns=[
            "name",
            "receipts",
            "competes",
            "product",
            "public",
            "price",
            "publicity",
            "status",
        ],
    )
    return View(
        (
            Column("name", N_("Activité examinée")),
            Column("receipts", N_("Recettes de l'exercice"), "EUR", digits=0),
            Column("competes", N_("En concurrence"), "label"),
            Column("product", N_("Produit (besoin)"), "label"),
            Column("public", N_("Public"), "label"),
            Column("price", N_("Prix"), "label"),
            Column("publicity", N_("Publicité"), "label"),
            Column("status", N_("Classement"), "label"),
        ),
        frame,
        title=N_("Activités et règle des 4P"),
    )


def csess_view(answers: CsessAnswers) -> View:
    """The eight themes of the guide with their level, evidence and actions (the radar's table)."""
    rows = [answers.of(t) for t in CsessTheme]
    frame = pd.DataFrame(
        {
            "theme": [a.theme.label for a in rows],
            "points": [None if a.level is None else a.level.points for a in rows],
            "level": [a.level.label if a.level is not None else N_("Non évalué") for a in rows],
            "evidence": [a.evidence for a in rows],
            "actions": [a.actions for a in rows],
        },
        columns=["theme", "points", "level", "evidence", "actions"],
    )
    return View(
        (
            Column("theme", N_("Thème"), "label"),
            Column("points", N_("Points (0 à 4)"), "count"),
            Column("level", N_("Niveau"), "label"),
            Column("evidence", N_("Éléments de preuve")),
            Column("actions", N_("Actions d'amélioration")),
        ),
        frame,
        title=N_("Guide des bonnes pratiques : auto-évaluation"),
    )

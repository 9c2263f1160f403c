"""What a rule concludes: a finding with its verdict, its reasoning, its text and its dated parameters.

Where it sits: every rule of :mod:`essdiag.compliance.rules` returns
:class:`Finding` records; :mod:`essdiag.compliance.engine` gathers them in a
:class:`ComplianceReport`, which feeds the screen, the ``essdiag esus``
command and the DOCX/XLSX exports alike.

A finding says, in French templates filled by the reader's translator:

* its **conclusion** (« La moyenne des 5 plus hautes rémunérations … ») and
  its **verdict** (conforme, à vérifier, non conforme, sans objet);
* **what would change it** (« au-delà de 153 134,52 € … »);
* the **texts** it applies (law, article, decree, BOFiP reference) and the
  **dated parameters** it used, each with its source and date of effect;
* when a number decides, the :class:`~essdiag.figures.Figure` with its working,
  the threshold and the margin (room left before the threshold; negative when
  it is crossed).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from essdiag.compliance.inputs import YearCharges
from essdiag.errors import Issue
from essdiag.figures import Figure, Input, Tone
from essdiag.i18n import N_, LabelledEnum, Translator

__all__ = ["ComplianceReport", "Finding", "Frame", "Verdict", "worst"]


class Frame(LabelledEnum):
    """The frames the engine checks, in the order of the screen's tabs."""

    ESS = "ess", N_("Appartenance à l'ESS (loi ESS, art. 1)")
    SOCIAL_UTILITY = "social_utility", N_("Utilité sociale (loi ESS, art. 2)")
    ESUS = "esus", N_("Agrément ESUS")
    GRANTS = "grants", N_("Subventions et dons")
    TAX = "tax", N_("Fiscalité non lucrative")
    CSESS = "csess", N_("Guide des bonnes pratiques (CSESS)")


class Verdict(LabelledEnum):
    """A rule's conclusion."""

    CONFORM = "conform", N_("Conforme")
    TO_CHECK = "to_check", N_("À vérifier")
    NOT_CONFORM = "not_conform", N_("Non conforme")
    NOT_APPLICABLE = "not_applicable", N_("Sans objet")

    @property
    def tone(self) -> Tone:
        """How the verdict should be taken on a screen."""
        return _TONES[self]

    @property
    def rank(self) -> int:
        """Severity, for sorting: not conform first."""
        return _RANKS[self]


_TONES: dict[Verdict, Tone] = {
    Verdict.CONFORM: "good",
    Verdict.TO_CHECK: "watch",
    Verdict.NOT_CONFORM: "alert",
    Verdict.NOT_APPLICABLE: "neutral",
}
_RANKS: dict[Verdict, int] = {
    Verdict.NOT_CONFORM: 0,
    Verdict.TO_CHECK: 1,
    Verdict.CONFORM: 2,
    Verdict.NOT_APPLICABLE: 3,
}


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """The most severe of several verdicts (« sans objet » when there is none to weigh).

    Example:
        >>> worst([Verdict.CONFORM, Verdict.TO_CHECK]).value
        'to_check'
        >>> worst([Verdict.NOT_APPLICABLE, Verdict.CONFORM]).value
        'conform'
    """
    weighed = [v for v in verdicts if v is not Verdict.NOT_APPLICABLE]
    return min(weighed, key=lambda v: v.rank) if weighed else Verdict.NOT_APPLICABLE


class Finding(BaseModel):
    """The conclusion of one rule.

    Attributes:
        frame: the frame it belongs to.
        code: stable identifier (``esus.top5_pay``), for tests, exports and scripts.
        title: French name of the criterion.
        verdict: conform, to check, not conform, not applicable.
        conclusion: French template of the conclusion and its reason.
        change: French template of what would change the conclusion.
        params: raw values for both templates (numbers, dates, words).
        words: names of ``params`` that are French words of the library (translated);
            amounts in euros are :class:`~essdiag.i18n.Money` (written ``1 234,56 €``).
        references: the texts applied (law and article, decree, BOFiP).
        parameters: the dated legal parameters used, with source and date of effect.
        figure: the number that decides, with its working (None when no number does).
        threshold: the legal threshold the figure is compared with.
        margin: room before the threshold, in the figure's unit (negative when crossed).
        source: where the data came from (« registre des financements »).
    """

    model_config = ConfigDict(frozen=True)

    frame: Frame
    code: str
    title: str
    verdict: Verdict
    conclusion: str
    change: str = ""
    params: Mapping[str, Any] = Field(default_factory=dict)
    words: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    parameters: tuple[Input, ...] = ()
    figure: Figure | None = None
    threshold: float | None = None
    margin: float | None = None
    source: str = ""

    def conclusion_text(self, tr: Translator) -> str:
        """The conclusion in the reader's language."""
        return tr.fill(self.conclusion, self.params, self.words)

    def change_text(self, tr: Translator) -> str:
        """What would change the conclusion, in the reader's language."""
        return tr.fill(self.change, self.params, self.words) if self.change else ""

    def references_text(self, tr: Translator) -> str:
        """The texts applied, one after the other."""
        return " ; ".join(tr(r) for r in self.references)

    def parameters_text(self, tr: Translator) -> str:
        """The dated parameters used: label, value, date of effect and source."""
        from essdiag.figures import format_value

        out = []
        for p in self.parameters:
            when = tr.date(p.effective, "short") if p.effective else "–"
            out.append(
                tr(
                    "{name} = {value} (en vigueur au {date} ; {source})",
                    name=tr(p.name),
                    value=format_value(p.value, p.unit, tr),
                    date=when,
                    source=tr(p.source),
                )
            )
        return " ; ".join(out)


class ComplianceReport(BaseModel):
    """Every finding on a date, with the problems met while reading the dossier's data.

    Attributes:
        on: the date the rules are applied on.
        year: the fiscal year whose amounts are examined (grants, taxes).
        findings: the findings, frame by frame, in the order of the rules.
        issues: problems found in the data read (a ledger, a workforce file).
        charges: operating charges of the closed years the ESUS criterion read.
        pays: the annual full-time-equivalent pays the ESUS caps read, highest first.
        pay_source: where those pays come from (French words of the library).
    """

    model_config = ConfigDict(frozen=True)

    on: date
    year: int
    findings: tuple[Finding, ...] = ()
    issues: tuple[Issue, ...] = ()
    charges: tuple[YearCharges, ...] = ()
    pays: tuple[float, ...] = ()
    pay_source: str = ""

    def of(self, frame: Frame) -> list[Finding]:
        """The findings of one frame."""
        return [f for f in self.findings if f.frame is frame]

    def get(self, code: str) -> Finding:
        """The finding with that code (``KeyError`` when the engine made none)."""
        for f in self.findings:
            if f.code == code:
                return f
        raise KeyError(code)

    def verdict(self, frame: Frame) -> Verdict:
        """The most severe verdict of a frame."""
        return worst(f.verdict for f in self.of(frame))

    def counts(self) -> dict[Verdict, int]:
        """How many findings of each verdict, every verdict listed."""
        return {v: sum(f.verdict is v for f in self.findings) for v in Verdict}

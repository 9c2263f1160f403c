"""The disability employment obligation (OETH) and the contribution it may cost.

Where it sits: canonical workforce frame + :class:`~essdiag.hr.section.OethInputs`
→ :func:`oeth` → :class:`OethResult` (every step a figure) → the « Handicap »
tab and the exports. Floats: the headcounts are annual averages (FTE) and the
contribution a projection of the declaration, not an amount of the accounts.

Steps (Code du travail L5212-1 to L5212-11 and D5212-1 to D5212-27, as
described by URSSAF and Agefiph since the 2020 reform; values in
``params/hr.toml``):

1. the employer is subject from 20 employees (annual average headcount,
   L1111-2 and L1111-3: apprentices, PEC and professionalisation contracts
   left out of the headcount);
2. obligation = 6 % of that headcount, rounded down;
3. beneficiaries employed = Σ FTE of the beneficiaries of every contract
   (apprentices and subsidised contracts included), those aged 50 and over
   counted 1.5 times, plus the beneficiaries outside the register
   (temporary staff, trainees);
4. missing = obligation − beneficiaries (not below zero); gross contribution
   = missing × 400, 500 or 600 hourly SMIC for 20–249, 250–749 and 750+
   employees, or 1,500 when nothing was done for more than three years;
5. deductions: 30 % of the labour cost of purchases from EA, ESAT and TIH,
   capped at 50 % of the gross contribution (75 % when beneficiaries are at
   least 3 % of the headcount); partnership expenses up to 10 %;
6. contribution due = gross − deductions (not below zero).

The SMIC is the hourly SMIC in force on the last day of the year of the obligation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.hr.section import Contract, OethInputs
from essdiag.i18n import N_
from essdiag.params import param

__all__ = ["OethResult", "beneficiaries_view", "oeth"]

REFERENCE = N_("Code du travail L5212-1 à L5212-11, D5212-1 à D5212-27 ; URSSAF, Agefiph")


@dataclass(frozen=True)
class OethResult:
    """The OETH steps.

    Attributes:
        subject: the employer is subject (20 employees or more).
        figures: by step: ``headcount``, ``obligation``, ``beneficiaries``,
            ``missing``, ``gross``, ``subcontracting``, ``expenses``, ``due``.
    """

    subject: bool
    figures: dict[str, Figure]

    @property
    def due(self) -> float | None:
        """The contribution due (None when not subject)."""
        value = self.figures["due"].value
        return float(value) if value is not None else None


def _headcount(frame: pd.DataFrame) -> float:
    if frame.empty:
        return 0.0
    counted = ~frame["contract"].map(lambda c: Contract(c).excluded_from_headcount)
    return float(frame.loc[counted, "fte"].sum())


def oeth(frame: pd.DataFrame, inputs: OethInputs, year_end: date) -> OethResult:
    """The obligation, the beneficiaries, the contribution and its deductions over a year.

    Example (25 FTE, one beneficiary of 52 on a full-time post):
        >>> from essdiag.hr.workforce import COLUMNS
        >>> rows = [dict(id=str(i), sex="F", category="emp", level="", age=52 if i == 0 else 30,
        ...              contract="cdi", fte=1.0, base_pay=24000.0, variable_pay=0.0,
        ...              raised=False, promoted=False, maternity_return=False,
        ...              raised_after_return=False, entry_date=None, exit_date=None,
        ...              disabled_worker=i == 0, training_hours=0.0, absence_days=0.0,
        ...              job_id="", line=i) for i in range(25)]
        >>> r = oeth(pd.DataFrame(rows, columns=list(COLUMNS)), OethInputs(), date(2025, 12, 31))
        >>> [r.figures[k].value for k in ("obligation", "beneficiaries", "missing")]
        [1, 1.5, 0.0]
    """
    headcount = _headcount(frame)
    threshold = param("oeth_threshold", year_end)
    rate = param("oeth_rate", year_end)
    smic = param("smic_hourly", year_end)
    subject = headcount >= float(threshold.value)
    obligation = math.floor(headcount * float(rate.value) + 1e-9)
    senior_age = param("oeth_senior_age", year_end)
    senior_weight = param("oeth_senior_weight", year_end)
    disabled = frame[frame["disabled_worker"]] if not frame.empty else frame
    weights = disabled["age"].map(
        lambda a: float(senior_weight.value) if a >= int(senior_age.value) else 1.0
    )
    in_register = float((disabled["fte"] * weights).sum()) if len(disabled) else 0.0
    beneficiaries = in_register + inputs.other_beneficiaries
    missing = max(obligation - beneficiaries, 0.0)
    if inputs.no_action_three_years:
        multiplier = param("oeth_multiplier_no_action", year_end)
    elif headcount >= float(param("oeth_band_750_from", year_end).value):
        multiplier = param("oeth_multiplier_750", year_end)
    elif headcount >= float(param("oeth_band_250_from", year_end).value):
        multiplier = param("oeth_multiplier_250_749", year_end)
    else:
        multiplier = param("oeth_multiplier_20_249", year_end)
    gross = missing * float(multiplier.value) * float(smic.value) if subject else 0.0
    direct_rate = beneficiaries / headcount if headcount else 0.0
    cap_from = param("oeth_subcontracting_cap_rate_from", year_end)
    cap = param(
        "oeth_subcontracting_cap_high"
        if direct_rate >= float(cap_from.value)
        else "oeth_subcontracting_cap_low",
        year_end,
    )
    share = param("oeth_subcontracting_rate", year_end)
    labour = sum(p.labour_cost for p in inputs.purchases)
    sub_raw = float(share.value) * labour
    sub = min(sub_raw, float(cap.value) * gross)
    expenses_cap = param("oeth_expenses_cap", year_end)
    expenses = min(inputs.partnership_expenses, float(expenses_cap.value) * gross)
    due = max(gross - sub - expenses, 0.0)
    not_subject = None if subject else N_("l'employeur n'est pas assujetti (moins de 20 salariés)")
    figures = {
        "headcount": Figure.of(
            N_("Effectif d'assujettissement"),
            round(headcount, 2),
            "count",
            N_("Σ ETP des contrats décomptés (hors apprentis, PEC, professionnalisation)"),
            [Input.from_param(threshold)],
            references=[REFERENCE],
            reading=N_("assujetti (au moins {n} salariés)") if subject else N_("non assujetti"),
            reading_params={"n": int(threshold.value)},
            tone="neutral",
            digits=2,
        ),
        "obligation": Figure.of(
            N_("Bénéficiaires à employer"),
            obligation,
            "count",
            N_("6 % × effectif, arrondi à l'entier inférieur"),
            [
                Input.of(N_("effectif d'assujettissement"), round(headcount, 2), "count"),
                Input.from_param(rate),
            ],
            references=[REFERENCE],
        ),
        "beneficiaries": Figure.of(
            N_("Bénéficiaires employés"),
            round(beneficiaries, 2),
            "count",
            N_("Σ ETP des bénéficiaires × 1,5 à partir de 50 ans + autres bénéficiaires"),
            [
                Input.of(N_("bénéficiaires dans le registre"), len(disabled), "count"),
                Input.of(N_("unités du registre"), round(in_register, 2), "count"),
                Input.of(N_("autres bénéficiaires"), inputs.other_beneficiaries, "count"),
                Input.from_param(senior_age),
                Input.from_param(senior_weight),
            ],
            references=[REFERENCE],
            digits=2,
        ),
        "missing": Figure.of(
            N_("Bénéficiaires manquants"),
            round(missing, 2),
            "count",
            N_("max(0, bénéficiaires à employer − bénéficiaires employés)"),
            [
                Input.of(N_("à employer"), obligation, "count"),
                Input.of(N_("employés"), round(beneficiaries, 2), "count"),
            ],
            reading=N_("obligation remplie") if missing == 0 else N_("obligation non remplie"),
            tone="good" if missing == 0 else "watch",
            digits=2,
        ),
        "gross": Figure.of(
            N_("Contribution brute"),
            gross if subject else None,
            "EUR",
            N_("bénéficiaires manquants × multiple × SMIC horaire"),
            [
                Input.of(N_("bénéficiaires manquants"), round(missing, 2), "count"),
                Input.from_param(multiplier),
                Input.from_param(smic),
            ],
            reason=not_subject,
            references=[REFERENCE],
        ),
        "subcontracting": Figure.of(
            N_("Déduction achats EA, ESAT, TIH"),
            sub if subject else None,
            "EUR",
            N_("min(30 % × coût de main-d'œuvre attesté, plafond × contribution brute)"),
            [
                Input.of(N_("coût de main-d'œuvre attesté"), labour, "EUR"),
                Input.from_param(share),
                Input.of(N_("taux d'emploi direct"), direct_rate, "%"),
                Input.from_param(cap_from),
                Input.from_param(cap),
                Input.of(N_("déduction avant plafond"), sub_raw, "EUR"),
            ],
            reason=not_subject,
            references=[REFERENCE],
        ),
        "expenses": Figure.of(
            N_("Déduction partenariats"),
            expenses if subject else None,
            "EUR",
            N_("min(dépenses, 10 % × contribution brute)"),
            [
                Input.of(N_("dépenses déclarées"), inputs.partnership_expenses, "EUR"),
                Input.from_param(expenses_cap),
            ],
            reason=not_subject,
            references=[REFERENCE],
        ),
        "due": Figure.of(
            N_("Contribution OETH due"),
            due if subject else None,
            "EUR",
            N_("max(0, contribution brute − déductions)"),
            [
                Input.of(N_("contribution brute"), gross, "EUR"),
                Input.of(N_("déduction sous-traitance"), sub, "EUR"),
                Input.of(N_("déduction partenariats"), expenses, "EUR"),
            ],
            reason=not_subject,
            references=[REFERENCE],
            reading=N_("aucune contribution") if due == 0 else N_("contribution à verser"),
            tone="good" if due == 0 else "watch",
        ),
    }
    return OethResult(subject=subject, figures=figures)


def beneficiaries_view(frame: pd.DataFrame, year_end: date) -> View:
    """The beneficiaries of the register with the units each counts for."""
    senior_age = int(param("oeth_senior_age", year_end).value)
    weight = float(param("oeth_senior_weight", year_end).value)
    part = frame[frame["disabled_worker"]] if not frame.empty else frame
    table = pd.DataFrame(
        {
            "id": part["id"],
            "contract": part["contract"].map(lambda c: Contract(c).label),
            "age": part["age"],
            "fte": part["fte"],
            "units": part["fte"] * part["age"].map(lambda a: weight if a >= senior_age else 1.0),
        }
    )
    return View(
        (
            Column("id", N_("Identifiant")),
            Column("contract", N_("Contrat"), "label"),
            Column("age", N_("Âge"), "count"),
            Column("fte", N_("ETP"), "count", digits=2),
            Column("units", N_("Unités comptées"), "count", digits=2),
        ),
        table.reset_index(drop=True),
        title=N_("Bénéficiaires de l'obligation d'emploi"),
    )

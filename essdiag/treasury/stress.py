"""Stress tests of the cash plan: a funder stops, cuts by p %, or pays n months late.

Where it sits: after the cash plan (:func:`essdiag.treasury.plan.cash_plan`),
which it reruns with a funder's payments changed; the "Financements" screen
stresses one funder (:func:`funder_stress`), the "Trésorerie" screen compares
scenarios (:func:`compare_scenarios`). Both read the plan's inputs gathered
from the dossier (:func:`essdiag.treasury.inputs.gather`). Amounts are float
euros (a plan is a projection).

Notes:
    Effect on result = − cut × amount of the year (the charges the grant paid
    for are assumed to go on: the worst case a board must face).
    Effect on cash = the plan recomputed with the funder's payments cut by
    the same share and shifted by the delay (payments pushed beyond the plan
    are lost to it). A 0 % cut with no delay changes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from essdiag.errors import EssdiagError, Issue
from essdiag.figures import Column, Figure, Input, View
from essdiag.funding.section import FundingSource, Purpose
from essdiag.i18n import N_
from essdiag.treasury.inputs import PlanInputs, TreasuryDossier, dossier_inputs
from essdiag.treasury.plan import cash_plan, reserve_months

__all__ = [
    "STRESS_BASIS_NOTES",
    "FunderStress",
    "StressResult",
    "apply_stress",
    "compare_scenarios",
    "dossier_scenarios",
    "funder_stress",
    "stress_figures",
    "stress_plan",
    "stress_test",
    "stress_view",
    "stressable",
]


def apply_stress(
    receipts: pd.DataFrame, source_id: str, *, cut_share: float = 0.0, delay_months: int = 0
) -> pd.DataFrame:
    """The receipts matrix with one source cut by ``cut_share`` and shifted by ``delay_months``.

    Example:
        >>> m = pd.DataFrame([[10.0, 0.0, 5.0]], index=["a"], columns=["1", "2", "3"])
        >>> apply_stress(m, "a", cut_share=0.5, delay_months=1).loc["a"].tolist()
        [0.0, 5.0, 0.0]
    """
    if not 0 <= cut_share <= 1:
        raise EssdiagError(
            f"La baisse doit être comprise entre 0 et 100 % (reçu : {cut_share * 100:g} %)."
        )
    if delay_months < 0:
        raise EssdiagError(f"Le retard ne peut pas être négatif (reçu : {delay_months} mois).")
    out = receipts.copy()
    if source_id not in out.index:
        return out
    row = out.loc[source_id].to_numpy(dtype=float) * (1 - cut_share)
    shifted = np.zeros_like(row)
    if delay_months < len(row):
        shifted[delay_months:] = row[: len(row) - delay_months]
    out.loc[source_id] = shifted
    return out


class StressResult(BaseModel):
    """Effect of a stress on the result and on cash.

    Attributes:
        source: the funder stressed; cut_share, delay_months: the stress.
        amount: the funder's amount for the year.
        result_effect: change of the year's result (≤ 0).
        base_lowest, stressed_lowest: lowest closing cash, before and after.
        cash_effect: change of the lowest closing cash.
        base_closing, stressed_closing: closing cash of the plan's last month.
        negative_months: months with negative cash under the stress.
        reserve_months: months of outflows the opening available cash covers.
        months, base_path, stressed_path: closing cash month by month, before and after.
    """

    model_config = ConfigDict(frozen=True)

    source: str
    cut_share: float
    delay_months: int
    amount: float
    result_effect: float
    base_lowest: float
    stressed_lowest: float
    cash_effect: float
    base_closing: float
    stressed_closing: float
    negative_months: tuple[str, ...]
    reserve_months: float
    months: tuple[str, ...] = ()
    base_path: tuple[float, ...] = ()
    stressed_path: tuple[float, ...] = ()


def _plans(
    receipts: pd.DataFrame,
    *,
    opening_cash: float,
    other_inflows: Mapping[str, Sequence[float]],
    outflows: Mapping[str, Sequence[float]],
    dedicated_funds: float = 0.0,
    minimum_cash: float = 0.0,
) -> tuple[pd.DataFrame | None, list[Issue]]:
    """The cash plan with these funders' receipts (one inflow per source id)."""
    inflows = {**other_inflows, **{str(k): list(receipts.loc[k]) for k in receipts.index}}
    return cash_plan(
        list(receipts.columns),
        opening_cash,
        inflows,
        outflows,
        dedicated_funds=dedicated_funds,
        minimum_cash=minimum_cash,
    )


def stress_test(
    sources: Sequence[FundingSource],
    source_id: str,
    year: int,
    *,
    receipts: pd.DataFrame,
    opening_cash: float,
    other_inflows: Mapping[str, Sequence[float]],
    outflows: Mapping[str, Sequence[float]],
    cut_share: float = 0.0,
    delay_months: int = 0,
    dedicated_funds: float = 0.0,
) -> tuple[StressResult | None, list[Issue]]:
    """Stress one funder: effect on the year's result and on the cash plan.

    Returns the result, or None and the issues when the funder is unknown or
    the plan cannot be built.
    """
    found = [s for s in sources if s.id == source_id]
    if not found:
        return None, [
            Issue(
                code="stress_unknown_source",
                template=N_("La ressource « {id} » n'est pas dans le registre."),
                params={"id": source_id},
            )
        ]
    source = found[0]
    stressed = apply_stress(receipts, source_id, cut_share=cut_share, delay_months=delay_months)
    base, issues = _plans(
        receipts,
        opening_cash=opening_cash,
        other_inflows=other_inflows,
        outflows=outflows,
        dedicated_funds=dedicated_funds,
    )
    after, more = _plans(
        stressed,
        opening_cash=opening_cash,
        other_inflows=other_inflows,
        outflows=outflows,
        dedicated_funds=dedicated_funds,
    )
    if base is None or after is None:
        return None, issues + more
    amount = source.amount(year)
    return StressResult(
        source=source.name,
        cut_share=cut_share,
        delay_months=delay_months,
        amount=amount,
        result_effect=0.0 - cut_share * amount,
        base_lowest=float(base["closing"].min()),
        stressed_lowest=float(after["closing"].min()),
        cash_effect=float(after["closing"].min() - base["closing"].min()),
        base_closing=float(base["closing"].iloc[-1]),
        stressed_closing=float(after["closing"].iloc[-1]),
        negative_months=tuple(str(m) for m in after.loc[after["closing"] < 0, "month"]),
        reserve_months=reserve_months(
            opening_cash - dedicated_funds, float(after["outflows"].mean())
        ),
        months=tuple(str(m) for m in base["month"]),
        base_path=tuple(float(v) for v in base["closing"]),
        stressed_path=tuple(float(v) for v in after["closing"]),
    ), []


def stress_figures(result: StressResult, year: int) -> dict[str, Figure]:
    """Effect on the result, lowest and closing cash under the stress, months covered.

    Example:
        >>> r = StressResult(source="Région", cut_share=0.5, delay_months=0, amount=1000.0,
        ...     result_effect=-500.0, base_lowest=0.0, stressed_lowest=-500.0, cash_effect=-500.0,
        ...     base_closing=0.0, stressed_closing=-500.0, negative_months=(), reserve_months=1.0)
        >>> stress_figures(r, 2026)["result"].steps()[0]
        "Effet sur le résultat = − baisse × montant de l'exercice (les charges financées sont maintenues)"
    """
    stress = [
        Input.of(N_("Financeur"), result.source),
        Input.of(N_("Baisse"), result.cut_share, "%"),
        Input.of(N_("Retard (mois)"), result.delay_months, "count"),
    ]
    return {
        "result": Figure.of(
            N_("Effet sur le résultat"),
            result.result_effect,
            "EUR",
            N_("− baisse × montant de l'exercice (les charges financées sont maintenues)"),
            [*stress[:2], Input.of(N_("Montant de l'exercice"), result.amount, "EUR", str(year))],
            digits=0,
        ),
        "lowest": Figure.of(
            N_("Trésorerie au plus bas"),
            result.stressed_lowest,
            "EUR",
            N_(
                "plan recalculé avec les versements de ce financeur réduits de la baisse et "
                "décalés du retard ; les versements repoussés au-delà du plan en sortent"
            ),
            [*stress, Input.of(N_("Plan de base"), result.base_lowest, "EUR")],
            digits=0,
        ),
        "cash_effect": Figure.of(
            N_("Effet sur la trésorerie au plus bas"),
            result.cash_effect,
            "EUR",
            N_("trésorerie au plus bas avec le choc − trésorerie au plus bas du plan de base"),
            [
                Input.of(N_("Avec le choc"), result.stressed_lowest, "EUR"),
                Input.of(N_("Plan de base"), result.base_lowest, "EUR"),
            ],
            tone="alert" if round(result.cash_effect) < 0 else "neutral",
            digits=0,
        ),
        "closing": Figure.of(
            N_("Trésorerie en fin de plan"),
            result.stressed_closing,
            "EUR",
            N_("trésorerie de fin du dernier mois du plan, avec le choc"),
            [*stress, Input.of(N_("Plan de base"), result.base_closing, "EUR")],
            digits=0,
        ),
        "reserve": Figure.of(
            N_("Mois de fonctionnement couverts"),
            None if math.isnan(result.reserve_months) else result.reserve_months,
            "count",
            N_("trésorerie disponible de départ / décaissements mensuels moyens"),
            reason=N_("aucun décaissement"),
            digits=1,
        ),
    }


def stress_view(result: StressResult) -> View:
    """Closing cash month by month in the base plan and under the stress."""
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("base", N_("Plan de base"), "EUR", digits=0),
            Column("stressed", N_("Avec le choc"), "EUR", digits=0),
        ),
        pd.DataFrame(
            {
                "month": list(result.months),
                "base": list(result.base_path),
                "stressed": list(result.stressed_path),
            }
        ),
        title=N_("Trésorerie de fin de mois avant et après le choc"),
    )


def stressable(sources: Sequence[FundingSource], year: int) -> list[FundingSource]:
    """The operating resources of the year that a stress test can cut or delay."""
    return [s for s in sources if s.purpose is Purpose.OPERATING and s.amount(year) > 0]


STRESS_BASIS_NOTES = {
    "treasury_manual_basis": N_(
        "Le dossier n'a pas encore de budget prévisionnel : le plan de trésorerie utilise "
        "les encaissements et décaissements mensuels saisis à l'écran Trésorerie."
    ),
    "treasury_no_basis": N_(
        "Ni budget prévisionnel ni flux mensuels saisis à l'écran Trésorerie : l'effet "
        "sur la trésorerie ne tient compte que des versements des financeurs."
    ),
    "treasury_actual_months": N_(
        "Le choc porte sur les versements à venir : la trésorerie part du solde réel de fin "
        "{last} ({balance}), lu dans la comptabilité importée."
    ),
}
"""The plan's basis notes as the "Financements" screen words them (the flows are on another screen)."""


class FunderStress(BaseModel):
    """A stress test run on a dossier: its result, its issues and the plan's basis notes."""

    model_config = ConfigDict(frozen=True)

    result: StressResult | None
    issues: tuple[Issue, ...] = ()
    notes: tuple[Issue, ...] = ()


def funder_stress(
    dossier: TreasuryDossier,
    *,
    source_id: str,
    year: int,
    cut_share: float,
    delay_months: int,
    today: date,
    ledgers: Mapping[int, pd.DataFrame] | None = None,
) -> FunderStress:
    """Stress one funder of a dossier against the cash plan of the treasury screen.

    The plan is the one the "Trésorerie" screen shows (its first month and
    budget, the actual months of ``ledgers``): a stress moves only the
    payments still to come. Its basis notes are reworded for a screen other
    than "Trésorerie" (:data:`STRESS_BASIS_NOTES`).
    """
    plan, notes = dossier_inputs(dossier, today=today, ledgers=ledgers)
    return stress_plan(
        plan,
        notes,
        dossier.funding.sources,
        source_id=source_id,
        year=year,
        cut_share=cut_share,
        delay_months=delay_months,
    )


def stress_plan(
    plan: PlanInputs,
    notes: Sequence[Issue],
    sources: Sequence[FundingSource],
    *,
    source_id: str,
    year: int,
    cut_share: float,
    delay_months: int,
) -> FunderStress:
    """:func:`funder_stress` on a plan already gathered (``notes``: the issues it came with)."""
    inputs = plan.forecast()  # what is already in the bank cannot be cut or come late
    result, issues = stress_test(
        sources,
        source_id,
        year,
        receipts=inputs.receipts,
        opening_cash=inputs.opening_cash,
        other_inflows={k: list(v) for k, v in inputs.incoming.items()},
        outflows=inputs.outflow_series(),
        cut_share=cut_share,
        delay_months=delay_months,
        dedicated_funds=inputs.dedicated_funds,
    )
    reworded = tuple(
        n.model_copy(update={"template": STRESS_BASIS_NOTES[n.code]})
        for n in notes
        if n.code in STRESS_BASIS_NOTES
    )
    return FunderStress(result=result, issues=tuple(issues), notes=reworded)


def compare_scenarios(
    inputs: PlanInputs,
    *,
    delay_months: int,
    source_id: str,
    cut_share: float,
    names: Mapping[str, str],
) -> tuple[View, View]:
    """Three plans side by side: the base plan, every funder late, one funder cut.

    ``names`` gives the reader's name of each scenario (keys ``base``,
    ``late``, ``cut``). Returns the closing cash of each scenario month by
    month (for the chart) and one row per scenario: lowest cash, months below
    the minimum, closing cash. The plans start from the last actual bank
    balance when the accounts give actual months (what is in the bank cannot
    come late).
    """
    inputs = inputs.forecast()
    late = inputs.receipts
    for sid in inputs.receipts.index:
        late = apply_stress(late, str(sid), delay_months=delay_months)
    matrices = {
        "base": inputs.receipts,
        "late": late,
        "cut": apply_stress(inputs.receipts, source_id, cut_share=cut_share),
    }
    paths: list[pd.DataFrame] = []
    rows = []
    for key, matrix in matrices.items():
        plan, _issues = _plans(
            matrix,
            opening_cash=inputs.opening_cash,
            other_inflows={k: list(v) for k, v in inputs.incoming.items()},
            outflows=inputs.outflow_series(),
            dedicated_funds=inputs.dedicated_funds,
            minimum_cash=inputs.minimum_cash,
        )
        if plan is None:
            continue
        paths.append(plan[["month", "closing"]].assign(scenario=names[key]))
        rows.append(
            {
                "scenario": names[key],
                "lowest": float(plan["closing"].min()),
                "alerts": int(plan["alert"].sum()),
                "closing": float(plan["closing"].iloc[-1]),
            }
        )
    long = (
        pd.concat(paths, ignore_index=True)
        if paths
        else pd.DataFrame(columns=["month", "closing", "scenario"])
    )
    return (
        View(
            (
                Column("scenario", N_("Scénario")),
                Column("month", N_("Mois"), "month"),
                Column("closing", N_("Trésorerie de fin de mois"), "EUR", digits=0),
            ),
            long,
            title=N_("Comparaison des scénarios"),
        ),
        View(
            (
                Column("scenario", N_("Scénario")),
                Column("lowest", N_("Trésorerie au plus bas"), "EUR", digits=0),
                Column("alerts", N_("Mois sous le seuil"), "count"),
                Column("closing", N_("Fin de plan"), "EUR", digits=0),
            ),
            pd.DataFrame(rows, columns=["scenario", "lowest", "alerts", "closing"]),
            title=N_("Comparaison des scénarios"),
        ),
    )


def dossier_scenarios(
    dossier: TreasuryDossier,
    *,
    today: date,
    delay_months: int,
    source_id: str,
    cut_share: float,
    names: tuple[tuple[str, str], ...],
    ledgers: Mapping[int, pd.DataFrame] | None = None,
) -> tuple[View, View]:
    """:func:`compare_scenarios` on the cash plan of a dossier (what the screen caches).

    ``names`` are the scenarios' names as ``(key, name)`` pairs, so the call
    can be cached on plain values.
    """
    inputs, _issues = dossier_inputs(dossier, today=today, ledgers=ledgers)
    return compare_scenarios(
        inputs,
        delay_months=delay_months,
        source_id=source_id,
        cut_share=cut_share,
        names=dict(names),
    )

"""Treasury section of the sample dossiers.

La Ressourcerie des Confluences: a 24-month plan from January 2026, opening
cash 209 135 € (banks and till on 31/12/2025 in FEC 2025), a minimum of two
months of payroll (150 000 €), and hand-entered monthly flows taken from the 2026 budget
of ``sample_data/generate.py`` (charges without depreciation and contributions
in kind; income other than the funders that have a payment schedule), used
until the budget is read from the dossier. Funders' delays: the Région paid
its 2026 advance two months late, FSE+ balances are notoriously late.
"""

from __future__ import annotations

from typing import Any

RECYCLERIE_CHARGES = [
    88_972, 85_028, 84_892, 85_850, 82_806, 83_261,
    84_626, 77_316, 86_863, 88_003, 83_962, 97_993,
]  # fmt: skip
RECYCLERIE_INCOME = [
    26_602, 27_628, 40_089, 39_087, 36_476, 38_680,
    29_643, 19_937, 41_195, 35_970, 36_797, 39_661,
]  # fmt: skip


def section(case: str) -> dict[str, Any] | None:
    """The JSON dict of the treasury section for a sample case, or None."""
    if case == "recyclerie":
        return {
            "first_month": "2026-01",
            "horizon_months": 24,
            "opening_cash": 209_134.86,
            "dedicated_funds": 0.0,
            "minimum_cash": 150_000.0,
            "monthly_charges": [float(v) for v in RECYCLERIE_CHARGES],
            "monthly_income": [float(v) for v in RECYCLERIE_INCOME],
            "yearly_growth": 0.02,
            "delays": [
                {"source_id": "", "late_probability": 0.3, "mean_delay_months": 2.0,
                 "cut_probability": 0.05, "cut_share": 0.2},
                {"source_id": "fse", "late_probability": 0.6, "mean_delay_months": 4.0,
                 "cut_probability": 0.1, "cut_share": 0.15},
                {"source_id": "region", "late_probability": 0.5, "mean_delay_months": 2.0,
                 "cut_probability": 0.05, "cut_share": 0.2},
                {"source_id": "departement", "late_probability": 0.3, "mean_delay_months": 2.0,
                 "cut_probability": 0.3, "cut_share": 0.1},
            ],
        }  # fmt: skip
    if case == "scic-energie":
        return {
            "first_month": "2026-01",
            "horizon_months": 36,
            "opening_cash": 130_000.0,
            "dedicated_funds": 0.0,
            "minimum_cash": 40_000.0,
            # salaries, rent, maintenance and loan instalments (≈ 9 000 € a month of repayments)
            "monthly_charges": [22_800.0] * 12,
            # services and small receipts other than the scheduled electricity sales
            "monthly_income": [2_600.0] * 12,
            "yearly_growth": 0.02,
            "delays": [
                {"source_id": "", "late_probability": 0.15, "mean_delay_months": 1.5,
                 "cut_probability": 0.1, "cut_share": 0.1},
            ],
        }  # fmt: skip
    return None

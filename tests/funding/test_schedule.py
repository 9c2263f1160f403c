"""Schedule checks: payments outside the plan, lapsed agreements."""

from __future__ import annotations

from datetime import date

from essdiag.funding import Instalment
from essdiag.funding.schedule import agreement_issues, schedule_issues
from essdiag.funding.section import month_keys
from essdiag.i18n import translator
from tests.funding.samples import sample, source


def test_schedule_issues_flag_payments_outside_the_plan_and_lapsed_agreements() -> None:
    recyclerie = sample("recyclerie")
    notes = schedule_issues(recyclerie.sources, month_keys(2026, 1, 24))
    late = {
        (i.params["name"], i.params["month"])
        for i in notes
        if i.code == "funding_payment_after_plan"
    }
    # Months are raw month keys; the reader's translator writes the message.
    assert ("FSE+ – accompagnement socioprofessionnel", "2028-11") in late
    assert all(i.severity == "info" for i in notes)
    lapsed = source(
        "old",
        "Commune",
        "commune",
        5_000,
        agreement_start=date(2024, 1, 1),
        agreement_end=date(2025, 12, 31),
    )
    warning = schedule_issues([lapsed], [])
    assert warning[0].code == "funding_after_agreement"
    assert warning[0].params["end"] == date(2025, 12, 31)  # a date, not a French string
    assert warning[0].message == (
        "La convention de « old » se termine le 31/12/2025 mais un montant est saisi pour 2026 : "
        "vérifiez son renouvellement."
    )
    assert "12/31/2025" not in translator("en").fill(warning[0].template, warning[0].params)
    assert agreement_issues([lapsed]) == warning
    early = source("e", "Région", "region", 1_000, schedule=[Instalment(share=1.0, month=3)])
    assert schedule_issues([early], ["2026-06"])[0].code == "funding_payment_before_plan"

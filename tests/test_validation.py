"""Pydantic's errors as French issues (``essdiag.validation``): what a person reads, in each language."""

from __future__ import annotations

from pydantic import BaseModel, Field

from essdiag.figures.issues import issue_message
from essdiag.i18n import translator
from essdiag.validation import Received, validate_as


class _Form(BaseModel):
    staff: int = Field(title="Nombre de salariés")
    amount: float = Field(ge=0, title="Montant")
    approved: bool = Field(title="Agrément ESUS")


def _messages(data: dict[str, object], lang: str) -> dict[str, str]:
    found, issues = validate_as(_Form, data)
    assert found is None
    return {str(i.field): issue_message(i, translator(lang)) for i in issues}


def test_a_missing_value_reads_empty_never_none() -> None:
    # JSON null in a number field: pydantic's input is Python's None.
    fr = _messages({"staff": None, "amount": None, "approved": None}, "fr")
    assert fr == {
        "staff": "« Nombre de salariés » doit être un nombre entier (reçu : « (vide) »).",
        "amount": "« Montant » doit être un nombre (reçu : « (vide) »).",
        "approved": "« Agrément ESUS » doit valoir oui ou non (reçu : « (vide) »).",
    }
    en = _messages({"staff": None, "amount": None, "approved": None}, "en")
    assert en["staff"] == "“Nombre de salariés” must be a whole number (got “(empty)”)."
    assert not any("None" in m for m in (*fr.values(), *en.values()))


def test_the_empty_value_is_a_labelled_choice_the_files_keep_as_text() -> None:
    found, issues = validate_as(_Form, {"staff": None, "amount": 1.0, "approved": True})
    assert found is None
    assert issues[0].params["input"] is Received.EMPTY
    assert issues[0].params["input"] == "empty"  # what a JSON issue writer keeps
    assert issues[0].message.endswith("(reçu : « (vide) »).")

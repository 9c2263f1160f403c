"""A library error as a screen writes it (``essdiag.ui.errors``): in the reader's language."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from essdiag.errors import EssdiagError, Issue, UnknownParameterError
from essdiag.i18n import translator
from essdiag.params import param
from essdiag.ui.errors import error_text, other_issues


def test_a_legal_parameter_unknown_at_a_date_reads_in_english_in_the_english_interface() -> None:
    # legal.toml: the hourly SMIC series starts on 2019-01-01.
    with pytest.raises(UnknownParameterError) as caught:
        param("smic_hourly", on=date(1990, 1, 1))
    exc = caught.value
    assert str(exc) == (  # the command line and the logs: French
        "Aucune valeur de « SMIC horaire brut » n'est connue au 01/01/1990 : la première est en "
        "vigueur au 01/01/2019."
    )
    assert error_text(exc, translator("fr")) == str(exc)
    assert error_text(exc, translator("en")) == (
        "No value of “Gross hourly SMIC” is known on 01/01/1990: the first one applies from "
        "01/01/2019."
    )
    assert other_issues(exc) == []  # its one issue is its message: not written twice
    again = pickle.loads(pickle.dumps(exc))  # rebuilt from what made it, not from its message
    assert str(again) == str(exc) and again.params == exc.params


def test_an_unknown_parameter_name_reads_in_english_too() -> None:
    with pytest.raises(UnknownParameterError) as caught:
        param("no_such_parameter", on=date(2026, 1, 1))
    assert error_text(caught.value, translator("en")) == (
        "Unknown legal parameter: “no_such_parameter”."
    )
    assert caught.value.params == {"name": "no_such_parameter"}


def test_an_error_with_a_constant_message_goes_through_the_catalog_and_keeps_its_issues() -> None:
    found = Issue(code="x", template="Le fichier est vide.")
    exc = EssdiagError("Donnez un nom au dossier.", issues=[found])
    assert error_text(exc, translator("en")) == "Give the case file a name."
    assert other_issues(exc) == [found]

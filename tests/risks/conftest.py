"""Fixtures of the risk tests: the sample cases' risk sections (read once)."""

from __future__ import annotations

import pytest

from essdiag.dossier import Dossier
from essdiag.risks import RiskSection
from essdiag.samples import load_sample


@pytest.fixture(scope="session")
def rec(recyclerie: Dossier) -> RiskSection:
    """The recyclerie's risk map: 13 risks, a 4×4 then a 5×5 matrix, R13 left on the 4×4."""
    return recyclerie.risks


@pytest.fixture(scope="session")
def scic() -> RiskSection:
    """The SCIC's risk map: 8 risks on a 4×4 matrix."""
    return load_sample("scic-energie").risks

"""Risk register, matrices and continuity sheets (ISO 31000).

Where it sits: the ``risks`` section of the dossier (:class:`RiskSection`) and
the functions over it, in these modules:

* :mod:`~essdiag.risks.matrix` — labelled, versioned 3×3 / 4×4 / 5×5 matrices,
  score = probabilité × gravité, bands;
* :mod:`~essdiag.risks.model` — the register (risks, assessments, actions,
  continuity sheets), warnings, matrix revision and migration;
* :mod:`~essdiag.risks.library` — the ESS risk library (``library.toml``);
* :mod:`~essdiag.risks.views` — heat map, top risks, overdue actions, history;
* :mod:`~essdiag.risks.importer` — the XLSX template and import of a register;
* :mod:`~essdiag.risks.edits` — the screen's edits as whole-section dicts (add,
  rename, delete a risk or a sheet, library picks, matrix from edited tables).

Flow: identification (library or import) → analysis (inherent assessment) →
evaluation (band) → treatment (controls, residual assessment, actions) →
monitoring (reviews, overdue actions, history across revisions).
"""

from __future__ import annotations

from essdiag.risks.matrix import Band, Level, RiskMatrix, band_for, default_matrix, score
from essdiag.risks.model import (
    ACTION_STATUS_LABELS,
    CATEGORY_LABELS,
    TREATMENT_LABELS,
    ActionStatus,
    Assessment,
    ContinuitySheet,
    Risk,
    RiskAction,
    RiskCategory,
    RiskSection,
    Treatment,
    current_matrix,
    register_warnings,
    risk_score,
)

__all__ = [
    "ACTION_STATUS_LABELS",
    "CATEGORY_LABELS",
    "TREATMENT_LABELS",
    "ActionStatus",
    "Assessment",
    "Band",
    "ContinuitySheet",
    "Level",
    "Risk",
    "RiskAction",
    "RiskCategory",
    "RiskMatrix",
    "RiskSection",
    "Treatment",
    "band_for",
    "current_matrix",
    "default_matrix",
    "register_warnings",
    "risk_score",
    "score",
]

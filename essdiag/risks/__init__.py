"""Risk register, matrices and continuity sheets (ISO 31000).

Where it sits: the ``risks`` section of the dossier (:class:`RiskSection`) and
the functions over it, in these modules:

* :mod:`~essdiag.risks.section` — the models (layer 1): matrices and their
  bands, risks, assessments, actions, continuity sheets, the rules at the door;
* :mod:`~essdiag.risks.matrix` — the house matrices, the versions of a
  section, bands, rescaling a level from one size to another;
* :mod:`~essdiag.risks.scoring` — scores and bands of a risk, the score with
  its working, the points to check, the next free identifiers;
* :mod:`~essdiag.risks.migration` — new matrix versions and the migration of
  older assessments onto them;
* :mod:`~essdiag.risks.views` — register, heat map, top risks, groups, matrix
  tables (views with declared columns, :mod:`~essdiag.risks.columns`);
* :mod:`~essdiag.risks.follow` — headline figures, late actions and reviews,
  continuity, score history;
* :mod:`~essdiag.risks.library` — the ESS risk library (``library.toml``);
* :mod:`~essdiag.risks.importer` — the XLSX template and import of a register;
* :mod:`~essdiag.risks.edits` — the screen's edits as whole-section dicts (add,
  rename, delete a risk or a sheet, library picks, matrix from edited tables).

Flow: identification (library or import) → analysis (inherent assessment) →
evaluation (band) → treatment (controls, residual assessment, actions) →
monitoring (reviews, overdue actions, history across revisions).
"""

from __future__ import annotations

from essdiag.risks.matrix import band_for, current_matrix, default_matrix
from essdiag.risks.scoring import register_warnings, risk_score
from essdiag.risks.section import (
    ActionStatus,
    Assessment,
    Band,
    ContinuitySheet,
    Level,
    Risk,
    RiskAction,
    RiskCategory,
    RiskMatrix,
    RiskSection,
    Treatment,
    score,
    validate_section,
)

__all__ = [
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
    "validate_section",
]

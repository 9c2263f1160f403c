"""Every reader of the library, one line each: what the fuzz suite feeds and how it calls it.

A new reader joins the fuzz suite with one :class:`Reader` line in
:data:`READERS`: its dotted name, the kinds of seed files it reads (see
:data:`SEEDS`), the file name given to it, and how to call it on ``raw``
bytes (``ctx`` holds the objects some readers need: a fiscal year, a risk
matrix, a survey, an attachment store). ``tests/fuzz/test_registry.py``
fails when a module of ``essdiag/`` defines a public function that takes
bytes and returns issues without a line here (or a reason in
:data:`NOT_FUZZED`).

Only the standard library is imported at module level: the worker loads
this file beside whichever tree of essdiag it fuzzes (the current one, or an
older commit in which some readers do not exist yet: those are skipped).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

Call = Callable[[Callable[..., Any], bytes, str, dict[str, Any]], Any]


@dataclass(frozen=True)
class Reader:
    """One reader under fuzz.

    Attributes:
        name: ``module.function`` of the reader.
        kinds: kinds of seed files (keys of :data:`SEEDS`) it is meant to read.
        file: the file name it is given (its extension may choose the format).
        call: how to call it: ``call(function, raw, file, ctx)``.
    """

    name: str
    kinds: tuple[str, ...]
    file: str
    call: Call

    @property
    def module(self) -> str:
        return self.name.rpartition(".")[0]

    def function(self) -> Callable[..., Any] | None:
        """The reader's function in the tree being fuzzed, or None when it does not exist there."""
        module, _, name = self.name.rpartition(".")
        try:
            mod = importlib.import_module(module)
        except ImportError:
            return None
        fn = getattr(mod, name, None)
        return fn if callable(fn) else None


class MemoryStore:
    """An attachment store in memory, for the readers that keep what they read."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def attach(self, dossier_id: str, name: str, data: bytes, *, media_type: str, kind: str) -> Any:
        ident = f"a{len(self.files) + 1}"
        self.files[ident] = data

        class _Info:
            id = ident

        return _Info()

    def attachment_bytes(self, attachment_id: str) -> bytes:
        return self.files[attachment_id]


def context() -> dict[str, Any]:
    """The objects some readers need, built from the tree being fuzzed (missing ones left out)."""
    ctx: dict[str, Any] = {"store": MemoryStore()}
    try:
        from essdiag.periods import FiscalYear

        ctx["fiscal_year"] = FiscalYear(label_year=2026, start_month=1)
    except (ImportError, TypeError):
        pass
    try:
        from essdiag.risks.matrix import default_matrix

        ctx["matrix"] = default_matrix()
    except ImportError:
        try:
            from essdiag.risks import default_matrix as older

            ctx["matrix"] = older()
        except ImportError:
            pass
    try:
        from essdiag.hr.section import HRSection

        ctx["hr"] = HRSection()
    except ImportError:
        pass
    try:
        from essdiag.samples import load_sample

        sample = load_sample("recyclerie")
        ctx["survey"] = sample.impact.surveys[0]
    except (ImportError, AttributeError, IndexError):
        pass
    return ctx


def _mapped(read_table: Callable[..., Any], raw: bytes, file: str) -> Any:
    """The generic table reader, then the mapping step on the suggested mapping."""
    from essdiag.ledger.generic import apply_mapping, suggest_mapping

    frame, issues = read_table(raw, file=file)
    if frame is None:
        return None, issues
    led, more = apply_mapping(frame, suggest_mapping([str(c) for c in frame.columns]), file=file)
    return led, issues + more


def _apply_mapping(fn: Callable[..., Any], raw: bytes, file: str, ctx: dict[str, Any]) -> Any:
    from essdiag.ledger.generic import read_table

    return _mapped(read_table, raw, file)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


Y2025 = {"period_start": date(2025, 1, 1), "period_end": date(2025, 12, 31)}

# fmt: off
READERS: tuple[Reader, ...] = (
    Reader("essdiag.ledger.fec.read_fec", ("fec",), "FEC_2026.txt",
           lambda f, raw, file, ctx: f(raw, file=file, fiscal_year=ctx["fiscal_year"])),
    Reader("essdiag.ledger.generic.read_table", ("table_csv", "table_xlsx"), "ecritures.csv",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.ledger.generic.apply_mapping", ("table_csv", "table_xlsx"), "ecritures.csv",
           _apply_mapping),
    Reader("essdiag.budget.template.read_budget", ("budget_csv", "budget_xlsx"), "budget.xlsx",
           lambda f, raw, file, ctx: f(raw, file=file, fiscal_year=ctx["fiscal_year"])),
    Reader("essdiag.dossier.read_dossier_json", ("dossier_json",), "dossier.json",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.dossier_files.read_dossier_xlsx", ("dossier_xlsx",), "dossier.xlsx",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.dossier_files.read_dossier_file", ("dossier_json", "dossier_xlsx"),
           "dossier.json", lambda f, raw, file, ctx: f(raw, file)),
    Reader("essdiag.risks.importer.read_register_xlsx", ("register_xlsx",), "registre.xlsx",
           lambda f, raw, file, ctx: f(raw, ctx["matrix"], file=file)),
    Reader("essdiag.watch.feeds.read_feed", ("feed_xml",), "flux.xml",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.watch.feeds.read_journal_csv", ("journal_csv",), "journal.csv",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.watch.insee.read_insee_csv", ("insee_csv",), "insee.csv",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.impact.sroi.read_sroi_json", ("sroi_json",), "sroi.json",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.impact.surveys.read_survey_file", ("survey_csv", "survey_xlsx"), "enquete.csv",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.impact.surveys.import_survey", ("survey_csv",), "enquete.csv",
           lambda f, raw, file, ctx: f(raw, ctx["survey"], file=file)),
    Reader("essdiag.hr.tables.read_cells", ("workforce_csv", "workforce_xlsx", "qvt_csv"),
           "effectif.csv", lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.hr.workforce.read_workforce", ("workforce_csv", "workforce_xlsx"),
           "effectif.csv", lambda f, raw, file, ctx: f(raw, file=file, **Y2025)),
    Reader("essdiag.hr.qvt.read_survey", ("qvt_csv",), "qvt.csv",
           lambda f, raw, file, ctx: f(raw, file=file)),
    Reader("essdiag.hr.imports.import_workforce", ("workforce_csv", "workforce_xlsx"),
           "effectif.csv",
           lambda f, raw, file, ctx: f(ctx["store"], "d1", ctx["hr"], raw, file=file, **Y2025)),
    Reader("essdiag.hr.imports.import_survey", ("qvt_csv",), "qvt.csv",
           lambda f, raw, file, ctx: f(ctx["store"], "d1", ctx["hr"], raw, file=file, **Y2025)),
    Reader("essdiag.finance.table.parse_flows", ("flows_text",), "flux",
           lambda f, raw, file, ctx: f(_text(raw))),
    Reader("essdiag.impact.sroi.parse_what_if", ("whatif_text",), "what-if",
           lambda f, raw, file, ctx: f(_text(raw))),
)
# fmt: on
"""The readers under fuzz: a new reader is one more line."""

NOT_FUZZED: dict[str, str] = {
    "essdiag.guards.open_workbook": "a guard: fuzzed through every workbook reader above",
    "essdiag.guards.zip_issues": "a guard: fuzzed through every workbook reader above",
    "essdiag.samples.import_all_case_files": "the sample cases' own files, never an upload",
    "essdiag.samples.import_case_files": "the sample cases' own files, never an upload",
    "essdiag.hr.imports.import_case_files": "the sample cases' own files, never an upload",
    "essdiag.impact.surveys.attach_case_surveys": "the sample cases' own files, never an upload",
}
"""Functions that take bytes and return issues but are not readers of a user's file."""

SEEDS: dict[str, tuple[str, ...]] = {
    "fec": ("sample_data/*/FEC_*.txt", "tests/data/ledger/*.txt"),
    "table_csv": ("tests/data/ledger/table_*.csv", "tests/data/fuzz/seeds/ecritures.csv"),
    "table_xlsx": ("tests/data/ledger/table_*.xlsx", "tests/data/fuzz/seeds/ecritures.xlsx"),
    "budget_csv": ("sample_data/*/budget_*.csv", "tests/data/ledger/budget_*.csv"),
    "budget_xlsx": ("sample_data/*/budget_*.xlsx", "tests/data/ledger/budget_*.xlsx"),
    "dossier_json": ("sample_data/*/dossier.json", "tests/data/bad_dossiers/*.json"),
    "dossier_xlsx": ("tests/data/fuzz/seeds/dossier.xlsx", "tests/data/bad_dossiers/*.xlsx"),
    "register_xlsx": ("tests/data/fuzz/seeds/registre.xlsx", "tests/data/risks/*.xlsx"),
    "feed_xml": ("sample_data/*/veille/*.xml", "tests/data/watch/feed_*.xml"),
    "journal_csv": ("tests/data/watch/journal_*.csv",),
    "insee_csv": ("sample_data/*/veille/*.csv", "tests/data/watch/insee_*.csv"),
    "sroi_json": ("sample_data/*/sroi.json", "tests/data/impact/sroi_*.json"),
    "survey_csv": ("sample_data/*/enquete_*.csv", "tests/data/impact/survey_*.csv"),
    "survey_xlsx": ("sample_data/*/enquete_*.xlsx", "tests/data/impact/survey_*.xlsx"),
    "workforce_csv": ("sample_data/*/effectif_*.csv", "tests/data/hr/*.csv"),
    "workforce_xlsx": ("tests/data/hr/*.xlsx",),
    "qvt_csv": ("sample_data/*/qvt_*.csv", "tests/data/hr/survey_*.csv"),
    "flows_text": ("tests/data/fuzz/seeds/flows.txt",),
    "whatif_text": ("tests/data/fuzz/seeds/whatif.txt",),
}
"""Seed files of each kind (globs from the repository root): valid files and test corpora."""


def by_name(name: str) -> Reader:
    """A reader of the registry by its dotted name."""
    for r in READERS:
        if r.name == name:
            return r
    raise KeyError(name)

"""What the accounts screen shows: the imported files as a view, a reading as a figure.

Where it sits: the ledger section (:mod:`essdiag.ledger.section`) and a reader's
result (:class:`~essdiag.ledger.fec.FecResult`) → :func:`imports_view` and
:func:`read_figure` → the screen (``essdiag/ui/ledger``), which only lays them
out. Pure: no streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.i18n import N_, Translator, translator
from essdiag.ledger.balances import (
    CLASS_LABELS,
    bank_balances,
    class_months,
    last_activity_month,
    result_to_date,
    trial_balance,
)
from essdiag.ledger.fec import FecResult
from essdiag.ledger.section import LedgerSection
from essdiag.periods import FiscalYear, month_end, month_short, parse_month

__all__ = [
    "FEC_METHOD",
    "LedgerOverview",
    "bank_figure",
    "bank_view",
    "class_months_view",
    "imports_view",
    "ledger_overview",
    "read_figure",
    "replaced_by",
    "trial_balance_view",
]

FEC_METHOD: tuple[str, ...] = (
    N_(
        "Le séparateur (tabulation ou |) est lu dans la ligne d'en-tête ; l'encodage est "
        "détecté (UTF-8, UTF-8 avec BOM, ISO-8859-15, Windows-1252)."
    ),
    N_(
        "Les montants sont convertis en centimes exacts (virgule ou point décimal) ; les "
        "numéros de compte, dates et références restent du texte."
    ),
    N_(
        "Chaque écriture (EcritureNum) doit être équilibrée : total des débits = total des crédits."
    ),
    N_(
        "Les écritures d'à-nouveaux servent aux soldes mais sont exclues des charges et des "
        "produits de l'exercice : journaux AN/RAN, journal intitulé « à nouveaux » ou « "
        "ouverture », écriture du premier jour de l'exercice ne portant que des comptes de "
        "bilan (classes 1 à 5)."
    ),
    N_(
        "L'exercice est lu dans le nom du fichier (SIRENFECAAAAMMJJ, date de clôture) quand les "
        "écritures le confirment, sinon d'après les dates des écritures."
    ),
    N_("Article A47 A-1 du livre des procédures fiscales."),
)
"""How a FEC is read and checked, in the reader's words (the working of :func:`read_figure`)."""


_ENCODINGS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (BOM)",
    "cp1252": "Windows-1252",
    "iso8859_15": "ISO-8859-15",
}


def _day(iso: str) -> date | None:
    return date.fromisoformat(iso) if iso else None


def imports_view(section: LedgerSection) -> View:
    """The files imported into the dossier, oldest first.

    Example:
        >>> from essdiag.i18n import translator
        >>> from essdiag.ledger.section import LedgerImport
        >>> s = LedgerSection(imports=[LedgerImport(name="FEC.txt", parquet_id="p",
        ...     fiscal_year=2026, lines_kept=1200, lines_read=1201, first_date="2026-01-01")])
        >>> imports_view(s).display(translator("fr")).iloc[0].tolist()[:5]
        ['FEC.txt', 'FEC', '2026', '1\u202f200', '1\u202f201']
    """
    rows = section.imports
    frame = pd.DataFrame(
        {
            "name": pd.Series([i.name for i in rows], dtype="object"),
            "kind": pd.Series([i.kind for i in rows], dtype="object"),
            "fiscal_year": pd.Series([i.fiscal_year for i in rows], dtype="object"),
            "lines_kept": pd.Series([i.lines_kept for i in rows], dtype="int64"),
            "lines_read": pd.Series([i.lines_read for i in rows], dtype="int64"),
            "issues": pd.Series([i.issues for i in rows], dtype="int64"),
            "first_date": pd.Series([_day(i.first_date) for i in rows], dtype="object"),
            "last_date": pd.Series([_day(i.last_date) for i in rows], dtype="object"),
        }
    )
    return View(
        (
            Column("name", N_("Fichier")),
            Column("kind", N_("Type"), "label"),
            Column("fiscal_year", N_("Exercice")),
            Column("lines_kept", N_("Lignes importées"), "count"),
            Column("lines_read", N_("Lignes lues"), "count"),
            Column("issues", N_("Problèmes"), "count"),
            Column("first_date", N_("Du"), "date"),
            Column("last_date", N_("Au"), "date"),
        ),
        frame,
        title=N_("Fichiers importés"),
    )


def read_figure(result: FecResult) -> Figure:
    """What a FEC reading kept: lines importable out of lines read, with how it was read.

    Example:
        >>> from essdiag.i18n import translator
        >>> f = read_figure(FecResult(None, lines_read=10, lines_kept=8, encoding="cp1252"))
        >>> f.read(translator("fr"))
        '8 ligne(s) importable(s) sur 10 ; 2 mise(s) de côté.'
    """
    return Figure.of(
        N_("Lignes importables"),
        result.lines_kept,
        "count",
        N_("lignes lues − lignes mises de côté"),
        [
            Input.of(N_("Lignes lues"), result.lines_read, "count"),
            Input.of(N_("Lignes mises de côté"), result.set_aside, "count"),
            Input.of(N_("Encodage"), _ENCODINGS.get(result.encoding, result.encoding)),
            Input.of(N_("Séparateur"), "TAB" if result.separator == "\t" else result.separator),
        ],
        references=FEC_METHOD,
        reading=N_("{kept} ligne(s) importable(s) sur {read} ; {aside} mise(s) de côté."),
        reading_params={
            "kept": result.lines_kept,
            "read": result.lines_read,
            "aside": result.set_aside,
            "enc": result.encoding,
        },
        tone="good" if result.set_aside == 0 and result.usable else "watch",
    )


def trial_balance_view(balance: pd.DataFrame) -> View:
    """The trial balance (:func:`essdiag.ledger.balances.trial_balance`), in euros."""
    frame = pd.DataFrame(
        {
            "class": [CLASS_LABELS.get(str(c), str(c)) for c in balance["class"]],
            "account": balance["account"].astype("str"),
            "account_label": balance["account_label"].astype("str"),
            **{
                k: balance[f"{k}_cents"].astype("float64") / 100
                for k in ("opening", "debit", "credit", "balance")
            },
        }
    )
    return View(
        (
            Column("class", N_("Classe"), "label"),
            Column("account", N_("Compte")),
            Column("account_label", N_("Libellé")),
            Column("opening", N_("À-nouveaux"), "EUR"),
            Column("debit", N_("Débit"), "EUR"),
            Column("credit", N_("Crédit"), "EUR"),
            Column("balance", N_("Solde (débit − crédit)"), "EUR"),
        ),
        frame,
        title=N_("Balance des comptes"),
    )


def class_months_view(months: pd.DataFrame, tr: Translator) -> View:
    """Debit − credit of each class month by month (:func:`essdiag.ledger.balances.class_months`).

    The month columns are named the one way months read in narrow columns
    (:func:`essdiag.periods.month_short`, « janv. 2026 »), in ``tr``'s language.
    """
    keys = [c for c in months.columns if c[:2].isdigit() and "-" in c]
    frame = pd.DataFrame(
        {
            "class": [CLASS_LABELS.get(str(c), str(c)) for c in months["class"]],
            "opening": months["opening_cents"].astype("float64") / 100,
            **{k: months[k].astype("float64") / 100 for k in keys},
            "balance": months["balance_cents"].astype("float64") / 100,
        }
    )
    return View(
        (
            Column("class", N_("Classe"), "label"),
            Column("opening", N_("À-nouveaux"), "EUR", digits=0),
            *(Column(k, month_short(k, tr), "EUR", digits=0) for k in keys),
            Column("balance", N_("Solde"), "EUR", digits=0),
        ),
        frame,
        title=N_("Mouvements par classe et par mois (débit − crédit)"),
    )


def bank_view(balances: pd.DataFrame) -> View:
    """End-of-month cash balances (:func:`essdiag.ledger.balances.bank_balances`), in euros."""
    frame = pd.DataFrame(
        {
            "month": balances["month"].astype("str"),
            "movement": balances["movement_cents"].astype("float64") / 100,
            "balance": balances["balance_cents"].astype("float64") / 100,
        }
    )
    return View(
        (
            Column("month", N_("Mois"), "month"),
            Column("balance", N_("Trésorerie en fin de mois"), "EUR"),
            Column("movement", N_("Mouvement du mois"), "EUR"),
        ),
        frame,
        title=N_("Trésorerie en fin de mois (comptes de classe 5)"),
    )


def bank_figure(balances: pd.DataFrame) -> Figure:
    """The cash balance at the end of the last month, naming its date (« au 31/10/2026 »)."""
    if balances.empty:
        return Figure.of(
            N_("Trésorerie"), None, "EUR", N_("Σ (débit − crédit) des comptes 5"),
            reason=N_("aucune écriture sur l'exercice"),
        )  # fmt: skip
    last = str(balances["month"].iloc[-1])
    year, month = parse_month(last)
    cents = int(balances["balance_cents"].iloc[-1])
    return Figure.of(
        N_("Trésorerie"),
        cents / 100,
        "EUR",
        N_("Σ (débit − crédit) des comptes de classe 5, à-nouveaux compris, jusqu'à la date"),
        [
            Input.of(
                N_("Mouvement du dernier mois"),
                int(balances["movement_cents"].iloc[-1]) / 100,
                "EUR",
            )
        ],
        reading=N_("solde des comptes financiers au {day}"),
        reading_params={"day": month_end(year, month)},
        tone="good" if cents >= 0 else "alert",
        scope=N_("au {day}"),
        scope_params={"day": month_end(year, month)},
    )


@dataclass(frozen=True)
class LedgerOverview:
    """What the accounts say for one fiscal year, to check against the accounting software.

    Attributes:
        fiscal_year: the year.
        through: the last month with activity ("" when none).
        result: the result to date (:func:`essdiag.ledger.balances.result_to_date`).
        bank: the cash balance at the end of that month.
        trial: the trial balance by account.
        classes: the movements of each class month by month.
        cash: the cash balance at the end of each month.
    """

    fiscal_year: FiscalYear
    through: str
    result: Figure
    bank: Figure
    trial: View
    classes: View
    cash: View


def ledger_overview(
    _dossier: object,
    *,
    ledgers: Mapping[int, pd.DataFrame],
    label_year: int,
    start_month: int,
    lang: str = "fr",
) -> LedgerOverview:
    """The overview of one fiscal year's imported ledger (for ``essdiag.ui.cache.computed``).

    ``lang`` names the month columns of the class view in the reader's language.
    """
    fy = FiscalYear(label_year=label_year, start_month=start_month)
    ledger = ledgers[label_year]
    through = last_activity_month(ledger, fy) or fy.month_keys()[0]
    cash = bank_balances(ledger, fy, through=through)
    return LedgerOverview(
        fiscal_year=fy,
        through=through,
        result=result_to_date(ledger, fy, through=through),
        bank=bank_figure(cash),
        trial=trial_balance_view(trial_balance(ledger, fy, through=through)),
        classes=class_months_view(class_months(ledger, fy, through=through), translator(lang)),
        cash=bank_view(cash),
    )


def replaced_by(section: LedgerSection, fiscal_year: int | None) -> list[str]:
    """The files an import of ``fiscal_year`` replaces (kept in the revisions)."""
    if fiscal_year is None:
        return []
    return [i.name for i in section.for_year(fiscal_year)]

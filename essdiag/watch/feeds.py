"""Readers of watch items: RSS/Atom files and CSV tables, into journal items.

Where it sits: layer 2, readers of user files: each returns ``(items,
issues)`` and never raises on bad bytes (:func:`essdiag.guards.reader` is the
safety net). Nothing is ever fetched: a feed is read from the bytes of a file
the user downloaded (feedparser receives a stream, never a URL or a path).

* :func:`read_feed` reads RSS 0.9x/1.0/2.0 and Atom with feedparser (Mark
  Pilgrim's Universal Feed Parser, maintained by Kurt McKee): title, link,
  date (published, else updated), summary (tags removed), categories as tags,
  and the feed's title as the source. A file that is not XML, or not a feed,
  is refused with its line and column; entity declarations are refused
  before parsing (no entity expansion).
* :func:`read_journal_csv` reads a table with a header line, ``;`` or ``,``
  separated: ``date`` and ``titre`` required, ``source``, ``lien``,
  ``catégorie`` (PESTEL, by label or value), ``mots-clés`` (comma-separated),
  ``pertinence`` (1–3 or Faible/Moyenne/Forte), ``résumé``, ``lien stratégique``
  (Besoin/Opportunité/Menace). A row with a bad date or no title is set aside
  with its line; the others are imported.

Items come with provisional identifiers; :func:`essdiag.watch.journal.merge_items`
numbers them when they join the journal.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from datetime import date, datetime
from typing import Any

from essdiag.errors import Issue, Severity
from essdiag.guards import FORM_LIMITS, FileKind, kind_issue, reader, size_issue, sniff
from essdiag.i18n import N_, LabelledEnum
from essdiag.watch.section import ItemLink, JournalItem, Pestel, Relevance

__all__ = ["CSV_COLUMNS", "read_feed", "read_journal_csv"]

FEED_LIMITS = FORM_LIMITS.but(max_bytes=10 * 1024 * 1024, max_rows=5_000)
"""A feed file is small: at most 10 MB and 5,000 items."""

CSV_COLUMNS: dict[str, str] = {
    "date": "date",
    "titre": "title",
    "title": "title",
    "source": "source",
    "lien": "url",
    "url": "url",
    "categorie": "category",
    "category": "category",
    "mots-cles": "tags",
    "tags": "tags",
    "pertinence": "relevance",
    "relevance": "relevance",
    "resume": "summary",
    "summary": "summary",
    "lien strategique": "link",
    "link": "link",
}
"""Accepted CSV headers (lower case, accents removed) → the journal item's field."""


def _plain(text: str) -> str:
    """Lower case without accents or surrounding spaces (``Catégorie`` → ``categorie``)."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _strip_html(text: str, limit: int) -> str:
    cleaned = html.unescape(re.sub(r"<[^>]+>", " ", text or ""))
    return " ".join(cleaned.split())[:limit]


def _guard(raw: bytes, file: str | None, expected: str) -> Issue | None:
    too_big = size_issue(len(raw), FEED_LIMITS, file=file)
    if too_big is not None:
        return too_big
    kind = sniff(raw)
    if kind is not FileKind.TEXT:
        return kind_issue(kind, expected, file=file)
    return None


def _not_xml(file: str | None, *, line: int | None = None, column: str | None = None) -> Issue:
    return Issue(
        code="feed_not_xml",
        template=N_(
            "Ce fichier n'est pas un flux RSS ou Atom lisible (XML mal formé) : "
            "téléchargez de nouveau le flux depuis le site (fichier .xml ou .rss)."
        ),
        file=file,
        line=line,
        column=column,
    )


@reader
def read_feed(
    raw: bytes, *, file: str | None = None, category: Pestel = Pestel.SOCIAL
) -> tuple[list[JournalItem] | None, list[Issue]]:
    """Journal items from an RSS or Atom file's bytes (never fetched from the network).

    Parameters:
        category: the PESTEL category given to every item (the user sorts later).
    """
    refused = _guard(raw, file, N_("un flux RSS ou Atom (fichier XML)"))
    if refused is not None:
        return None, [refused]
    if b"<!ENTITY" in raw[:65536].upper():
        return None, [
            Issue(
                code="feed_entities",
                template=N_(
                    "Le flux déclare des entités XML (<!ENTITY …>) : par sécurité, il n'est pas lu."
                ),
                file=file,
            )
        ]
    import feedparser  # type: ignore[import-untyped]  # no type information shipped

    try:
        parsed: Any = feedparser.parse(io.BytesIO(raw), resolve_relative_uris=False)
    except (UnicodeDecodeError, ValueError):
        # feedparser raises on an encoding name that is not ASCII in the XML declaration
        # (UnicodeDecodeError) and on a character reference beyond U+10FFFF (ValueError
        # from chr()): both are damaged XML.
        return None, [_not_xml(file)]
    entries = list(parsed.get("entries") or [])
    version = parsed.get("version") or ""
    if parsed.get("bozo") and not entries:
        exc = parsed.get("bozo_exception")
        line = getattr(exc, "getLineNumber", lambda: None)()
        column = getattr(exc, "getColumnNumber", lambda: None)()
        return None, [
            _not_xml(
                file,
                line=line if isinstance(line, int) else None,
                column=str(column + 1) if isinstance(column, int) else None,
            )
        ]
    if not version and not entries:
        return None, [
            Issue(
                code="feed_not_feed",
                template=N_("Ce fichier XML n'est pas un flux RSS ou Atom : aucun article trouvé."),
                file=file,
            )
        ]
    source = _strip_html(str(parsed.get("feed", {}).get("title", "")), 200)
    items: list[JournalItem] = []
    issues: list[Issue] = []
    for n, entry in enumerate(entries[: FEED_LIMITS.max_rows], start=1):
        title = _strip_html(str(entry.get("title", "")), 300)
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        if not title or when is None:
            issues.append(
                Issue(
                    code="feed_item_incomplete",
                    template=N_(
                        "L'article n° {n} du flux n'a pas de titre ou de date : il est écarté."
                    ),
                    params={"n": n},
                    file=file,
                    severity=Severity.WARNING,
                )
            )
            continue
        tags = [str(t.get("term", "")) for t in entry.get("tags") or [] if t.get("term")]
        items.append(
            JournalItem(
                id=f"import-{n}",
                date=date(when.tm_year, when.tm_mon, when.tm_mday),
                title=title,
                source=source,
                url=str(entry.get("link", ""))[:1000],
                category=category,
                tags=[_strip_html(t, 40) for t in tags[:10]],
                summary=_strip_html(str(entry.get("summary", "")), 3000),
            )
        )
    if len(entries) > FEED_LIMITS.max_rows:
        issues.append(
            Issue(
                code="feed_too_many",
                template=N_(
                    "Le flux a plus de {limit} articles : seuls les {limit} premiers sont lus."
                ),
                params={"limit": FEED_LIMITS.max_rows},
                file=file,
                severity=Severity.WARNING,
            )
        )
    return items, issues


def _choice(enum: type[LabelledEnum], text: str) -> LabelledEnum | None:
    """An enum member named by its value or French label (accents and case ignored)."""
    wanted = _plain(text)
    for m in enum:
        if wanted in (_plain(m.value), _plain(m.label)) or (
            wanted and _plain(m.label).startswith(wanted)
        ):
            return m
    return None


def _date(text: str) -> date:
    text = text.strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    raise ValueError(text)


@reader
def read_journal_csv(
    raw: bytes, *, file: str | None = None
) -> tuple[list[JournalItem] | None, list[Issue]]:
    """Journal items from a CSV table (see the module docstring for the columns)."""
    refused = _guard(raw, file, N_("un tableau CSV (texte)"))
    if refused is not None:
        return None, [refused]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    rows, damaged = _csv_rows(text, delimiter, file)
    if not rows:
        if damaged is not None:
            return None, [damaged]
        return None, [Issue(code="file_empty", template=N_("Le fichier est vide."), file=file)]
    head = rows[0][1]
    header = [CSV_COLUMNS.get(_plain(h)) for h in head]
    unknown = [h.strip() for h, k in zip(head, header, strict=True) if k is None and h.strip()]
    missing = [c for c, key in (("date", "date"), ("titre", "title")) if key not in header]
    if missing:
        return None, [
            Issue(
                code="journal_csv_columns",
                template=N_(
                    "La ligne d'en-tête doit contenir les colonnes {columns} (séparateur « ; » ou "
                    "« , ») : colonnes trouvées : {found}."
                ),
                params={"columns": ", ".join(missing), "found": ", ".join(head)[:200]},
                file=file,
                line=1,
            )
        ]
    issues: list[Issue] = [damaged] if damaged is not None else []
    if unknown:
        issues.append(
            Issue(
                code="journal_csv_unknown_columns",
                template=N_("Colonne(s) non reconnue(s), ignorée(s) : {columns}."),
                params={"columns": ", ".join(unknown)[:200]},
                file=file,
                line=1,
                severity=Severity.WARNING,
            )
        )
    items = []
    for line, row in rows[1:]:
        if not any(c.strip() for c in row):
            continue
        values = {k: row[i].strip() for i, k in enumerate(header) if k and i < len(row)}
        item, problem = _csv_item(values, line, file)
        if item is None:
            if problem is not None:
                issues.append(problem)
            continue
        items.append(item)
    return items, issues


def _csv_rows(
    text: str, delimiter: str, file: str | None
) -> tuple[list[tuple[int, list[str]]], Issue | None]:
    """The rows with the line each starts on (any line ends), and the issue where reading stopped."""
    rows: list[tuple[int, list[str]]] = []
    reader_ = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader_:
            if len(rows) > FEED_LIMITS.max_rows:
                break
            rows.append((start, record))
            start = reader_.line_num + 1
    except csv.Error as exc:
        reason = (
            N_("un caractère nul (octet 0) s'y trouve")
            if "NUL" in str(exc)
            else N_("une cellule dépasse la taille permise")
            if "field larger" in str(exc)
            else N_("le découpage en colonnes échoue")
        )
        return rows, Issue(
            code="journal_csv_damaged",
            template=N_(
                "Le fichier est illisible à partir de la ligne {line} ({reason}) : les lignes "
                "suivantes ne sont pas lues."
            ),
            params={"line": start, "reason": reason},
            file=file,
            line=start,
        )
    return rows, None


def _csv_item(
    values: dict[str, str], line: int, file: str | None
) -> tuple[JournalItem | None, Issue | None]:
    """One row as a journal item, or the issue that sets it aside."""
    try:
        when = _date(values.get("date", ""))
    except ValueError:
        return None, Issue(
            code="journal_csv_date",
            template=N_(
                "Ligne {line} : « {value} » n'est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ) : la "
                "ligne est écartée."
            ),
            params={"value": values.get("date", "")[:40], "line": line},
            file=file,
            line=line,
            column="date",
        )
    if not values.get("title"):
        return None, Issue(
            code="journal_csv_title",
            template=N_("Ligne {line} : le titre manque, la ligne est écartée."),
            params={"line": line},
            file=file,
            line=line,
            column="titre",
        )
    category = _choice(Pestel, values.get("category", "")) if values.get("category") else None
    relevance = _choice(Relevance, values.get("relevance", "")) if values.get("relevance") else None
    link = _choice(ItemLink, values.get("link", "")) if values.get("link") else None
    return (
        JournalItem(
            id=f"import-{line}",
            date=when,
            title=values["title"][:300],
            source=values.get("source", "")[:200],
            url=values.get("url", "")[:1000],
            category=category or Pestel.SOCIAL,
            tags=values.get("tags", "").split(","),
            relevance=relevance or Relevance.MEDIUM,
            summary=values.get("summary", "")[:3000],
            link=link or ItemLink.NONE,
        ),
        None,
    )

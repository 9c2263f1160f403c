"""What the « Publics et satisfaction » screen and the report show of a survey.

Where it sits: reads a :class:`~essdiag.impact.section.Survey` and its
canonical answers (:mod:`essdiag.impact.surveys`) and returns figures (with
their working) and views: Likert distributions and means with their
intervals, NPS with its interval, results by public and by period, choices,
free-text answers and keyword counts. Every result of a group of fewer than
:data:`~essdiag.impact.stats.MIN_GROUP` answers is withheld, and the view
says so. The statistics are in :mod:`essdiag.impact.stats`.

Also here: the questionnaire template (:func:`questionnaire_template_xlsx`,
:func:`questionnaire_template_csv`) that a form tool's export will match.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Final, Literal

import pandas as pd

from essdiag.figures import Column, Figure, Input, View
from essdiag.i18n import N_, Translator, translator
from essdiag.impact.section import Public, QuestionKind, Survey, SurveyKind, SurveyQuestion
from essdiag.impact.stats import MIN_GROUP, likert_summary, nps_summary
from essdiag.xlsx import new_workbook, write_table

__all__ = [
    "DEFAULT_KEYWORDS",
    "GroupBy",
    "choice_view",
    "distribution_view",
    "frequent_words_view",
    "keyword_view",
    "likert_view",
    "nps_view",
    "questionnaire_template_csv",
    "questionnaire_template_xlsx",
    "survey_figures",
    "text_view",
]

GroupBy = Literal["all", "public", "period"]

SMALL_GROUP = N_("moins de 5 réponses : résultat non publié")
"""What a withheld group shows (MIN_GROUP is 5; a test keeps them equal)."""

NPS_REFERENCE = N_(
    "NPS : Reichheld (2003), Harvard Business Review ; intervalle de Wald à 95 % "
    "(Rocks, The American Statistician, 2016)"
)
MEAN_REFERENCE = N_("Intervalle de confiance à 95 % de la moyenne : loi de Student")

DEFAULT_KEYWORDS: Final[dict[SurveyKind, tuple[str, ...]]] = {
    SurveyKind.SATISFACTION: (
        "accueil",
        "prix",
        "horaires",
        "choix",
        "qualité",
        "attente",
        "propreté",
        "conseil",
        "parking",
        "bénévoles",
    ),
    SurveyKind.NEEDS: (
        "mobilité",
        "logement",
        "emploi",
        "formation",
        "santé",
        "numérique",
        "garde",
        "énergie",
        "alimentation",
        "isolement",
    ),
}
"""Keywords counted in free-text answers when the survey names none."""

_STOPWORDS: Final = frozenset(
    [
        "a",
        "au",
        "aux",
        "avec",
        "ce",
        "ces",
        "cette",
        "dans",
        "de",
        "des",
        "du",
        "elle",
        "en",
        "et",
        "etre",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lui",
        "mais",
        "me",
        "mes",
        "moi",
        "mon",
        "ne",
        "nos",
        "notre",
        "nous",
        "on",
        "ou",
        "par",
        "pas",
        "plus",
        "pour",
        "qu",
        "que",
        "qui",
        "sa",
        "se",
        "ses",
        "son",
        "sur",
        "ta",
        "te",
        "tes",
        "toi",
        "ton",
        "tres",
        "tu",
        "un",
        "une",
        "vos",
        "votre",
        "vous",
        "c",
        "d",
        "j",
        "l",
        "m",
        "n",
        "s",
        "t",
        "y",
        "est",
        "sont",
        "ont",
        "avoir",
        "fait",
        "faire",
        "bien",
        "tout",
        "tous",
        "toute",
        "toutes",
        "si",
        "comme",
        "aussi",
        "encore",
        "peu",
        "trop",
        "deja",
        "ca",
        "cela",
        "car",
        "donc",
        "alors",
        "quand",
        "ici",
        "sans",
        "sous",
        "entre",
        "vers",
        "chez",
    ]
)
"""French words too common to tell anything (accents removed, as the text is compared)."""


def _fold(text: str) -> str:
    return (
        unicodedata.normalize("NFKD", text.replace("’", "'"))
        .encode("ascii", "ignore")
        .decode()
        .lower()
    )


def _public_label(value: str) -> str:
    try:
        return Public(value).label
    except ValueError:
        return N_("Non précisé")


def _groups(frame: pd.DataFrame, by: GroupBy) -> list[tuple[str, pd.DataFrame]]:
    """(French label or period key, rows) of each group, the whole sample first."""
    out: list[tuple[str, pd.DataFrame]] = [(N_("Ensemble des répondants"), frame)]
    if by == "public":
        order = {p.value: i for i, p in enumerate(Public)}
        keys = sorted(set(frame["public"]), key=lambda k: order.get(k, len(order)))
        out += [(_public_label(k), frame[frame["public"] == k]) for k in keys]
    elif by == "period":
        from essdiag.impact.section import period_sort_key

        keys = sorted((k for k in set(frame["period"]) if k), key=period_sort_key)
        out += [(k, frame[frame["period"] == k]) for k in keys]
    return out


def _scores(rows: pd.DataFrame, key: str) -> list[float]:
    return [float(v) for v in rows[key] if not math.isnan(float(v))]


def survey_figures(survey: Survey, frame: pd.DataFrame) -> dict[str, Figure]:
    """Respondents, NPS with its interval, and each Likert item's mean, with their working.

    Keys: ``respondents``, ``nps`` (when the survey has an NPS question) and
    the key of each Likert question.
    """
    out: dict[str, Figure] = {
        "respondents": Figure.of(
            N_("Répondants"),
            len(frame),
            "count",
            N_("réponses retenues (au moins une question renseignée)"),
            [Input.of(N_("Lignes lues dans le fichier"), survey.rows_read, "count", survey.file)],
        )
    }
    for q in survey.scored():
        if q.key not in frame.columns:
            continue
        values = _scores(frame, q.key)
        if q.kind is QuestionKind.NPS:
            out["nps"] = _nps_figure(q, values)
        else:
            out[q.key] = _mean_figure(q, values)
    return out


def _nps_figure(q: SurveyQuestion, values: list[float]) -> Figure:
    s = nps_summary(values)
    small = s.n < MIN_GROUP
    reading, tone = N_("de {low} à {high} (intervalle de confiance à 95 %)"), "neutral"
    if s.nps is not None and not small:
        tone = "good" if s.nps >= 30 else "neutral" if s.nps >= 0 else "alert"
    return Figure.of(
        N_("Recommandation (NPS)"),
        None if small else s.nps,
        "points",
        N_("100 × (promoteurs (9-10) − détracteurs (0-6)) / réponses"),
        [
            Input.of(N_("Question"), q.label, ""),
            Input.of(N_("Réponses"), s.n, "count"),
            Input.of(N_("Promoteurs (9-10)"), s.promoters, "count"),
            Input.of(N_("Passifs (7-8)"), s.passives, "count"),
            Input.of(N_("Détracteurs (0-6)"), s.detractors, "count"),
        ],
        reason=SMALL_GROUP if small else None,
        references=[NPS_REFERENCE],
        reading=reading,
        reading_params={
            "low": round(s.ci_low, 1) if s.ci_low is not None else None,
            "high": round(s.ci_high, 1) if s.ci_high is not None else None,
        },
        tone=tone,  # type: ignore[arg-type]
        digits=0,
    )


def _mean_figure(q: SurveyQuestion, values: list[float]) -> Figure:
    s = likert_summary(values, q.scale_min, q.scale_max)
    small = s.n < MIN_GROUP
    return Figure.of(
        q.label,
        None if small else s.mean,
        "count",
        N_("moyenne des réponses sur l'échelle de la question"),
        [
            Input.of(N_("Réponses"), s.n, "count"),
            Input.of(N_("Échelle"), f"{q.scale_min}–{q.scale_max}", ""),
            Input.of(N_("Écart type"), s.sd, "count"),
            Input.of(N_("Part des deux niveaux les plus hauts"), s.top_share, "%"),
        ],
        reason=SMALL_GROUP if small else None,
        references=[MEAN_REFERENCE],
        reading=N_("sur {high} ; de {low_ci} à {high_ci} (intervalle de confiance à 95 %)"),
        reading_params={
            "high": q.scale_max,
            "low_ci": round(s.ci_low, 2) if s.ci_low is not None else None,
            "high_ci": round(s.ci_high, 2) if s.ci_high is not None else None,
        },
        tone="neutral",
        digits=2,
    )


def likert_view(survey: Survey, frame: pd.DataFrame, by: GroupBy = "all") -> View:
    """Each Likert item: answers, mean and its interval, share of the two top levels, by group."""
    rows = []
    for q in survey.questions:
        if q.kind is not QuestionKind.LIKERT or q.key not in frame.columns:
            continue
        for group, part in _groups(frame, by):
            s = likert_summary(_scores(part, q.key), q.scale_min, q.scale_max)
            shown = s.n >= MIN_GROUP
            rows.append(
                {
                    "question": q.label,
                    "key": q.key,
                    "group": group,
                    "n": s.n,
                    "mean": s.mean if shown else None,
                    "ci_low": s.ci_low if shown else None,
                    "ci_high": s.ci_high if shown else None,
                    "top_share": s.top_share if shown else None,
                    "scale": f"{q.scale_min}–{q.scale_max}",
                    "note": "" if shown else SMALL_GROUP,
                }
            )
    frame_out = pd.DataFrame(
        rows,
        columns=[
            "question",
            "key",
            "group",
            "n",
            "mean",
            "ci_low",
            "ci_high",
            "top_share",
            "scale",
            "note",
        ],
    )
    return View(
        (
            Column("question", N_("Question")),
            Column("group", N_("Groupe"), "label"),
            Column("n", N_("Réponses"), "count"),
            Column("mean", N_("Moyenne"), "ratio"),
            Column("ci_low", N_("IC 95 % bas"), "ratio"),
            Column("ci_high", N_("IC 95 % haut"), "ratio"),
            Column("top_share", N_("Satisfaits ou d'accord (2 niveaux hauts)"), "%"),
            Column("scale", N_("Échelle")),
            Column("note", N_("Remarque"), "label"),
        ),
        frame_out,
        title=N_("Questions à échelle : moyennes et intervalles de confiance"),
    )


def distribution_view(survey: Survey, frame: pd.DataFrame, key: str, by: GroupBy = "all") -> View:
    """The distribution of one Likert item's answers over its levels, by group (for a stacked chart)."""
    q = survey.question(key)
    rows = []
    if q is not None and key in frame.columns:
        for group, part in _groups(frame, by):
            s = likert_summary(_scores(part, key), q.scale_min, q.scale_max)
            if s.n < MIN_GROUP:
                continue
            for level, count in zip(range(q.scale_min, q.scale_max + 1), s.counts, strict=True):
                rows.append(
                    {"group": group, "level": level, "count": count, "share": count / s.n, "n": s.n}
                )
    return View(
        (
            Column("group", N_("Groupe"), "label"),
            Column("level", N_("Niveau de réponse"), "count"),
            Column("count", N_("Réponses"), "count"),
            Column("share", N_("Part"), "%"),
        ),
        pd.DataFrame(rows, columns=["group", "level", "count", "share", "n"]),
        title=N_("Répartition des réponses"),
    )


def nps_view(survey: Survey, frame: pd.DataFrame, by: GroupBy = "all") -> View:
    """NPS, its interval and the shares of promoters, passives and detractors, by group."""
    q = next((q for q in survey.questions if q.kind is QuestionKind.NPS), None)
    rows = []
    if q is not None and q.key in frame.columns:
        for group, part in _groups(frame, by):
            s = nps_summary(_scores(part, q.key))
            shown = s.n >= MIN_GROUP
            promoters, passives, detractors = s.shares
            rows.append(
                {
                    "group": group,
                    "n": s.n,
                    "promoters": promoters if shown else None,
                    "passives": passives if shown else None,
                    "detractors": detractors if shown else None,
                    "nps": s.nps if shown else None,
                    "ci_low": s.ci_low if shown else None,
                    "ci_high": s.ci_high if shown else None,
                    "note": "" if shown else SMALL_GROUP,
                }
            )
    return View(
        (
            Column("group", N_("Groupe"), "label"),
            Column("n", N_("Réponses"), "count"),
            Column("promoters", N_("Promoteurs (9-10)"), "%"),
            Column("passives", N_("Passifs (7-8)"), "%"),
            Column("detractors", N_("Détracteurs (0-6)"), "%"),
            Column("nps", N_("NPS"), "points", digits=0),
            Column("ci_low", N_("IC 95 % bas"), "points", digits=0),
            Column("ci_high", N_("IC 95 % haut"), "points", digits=0),
            Column("note", N_("Remarque"), "label"),
        ),
        pd.DataFrame(
            rows,
            columns=[
                "group",
                "n",
                "promoters",
                "passives",
                "detractors",
                "nps",
                "ci_low",
                "ci_high",
                "note",
            ],
        ),
        title=N_("Recommandation (NPS)"),
    )


def choice_view(survey: Survey, frame: pd.DataFrame, key: str, by: GroupBy = "all") -> View:
    """Answers of a choice question: count and share of each modality, by group."""
    rows = []
    if key in frame.columns:
        for group, part in _groups(frame, by):
            answers = [str(v) for v in part[key] if str(v).strip()]
            if len(answers) < MIN_GROUP:
                continue
            for answer, count in Counter(answers).most_common():
                rows.append(
                    {
                        "group": group,
                        "answer": answer,
                        "count": count,
                        "share": count / len(answers),
                    }
                )
    return View(
        (
            Column("group", N_("Groupe"), "label"),
            Column("answer", N_("Réponse")),
            Column("count", N_("Réponses"), "count"),
            Column("share", N_("Part"), "%"),
        ),
        pd.DataFrame(rows, columns=["group", "answer", "count", "share"]),
        title=N_("Réponses à choix"),
    )


def text_view(survey: Survey, frame: pd.DataFrame, key: str) -> View:
    """The free-text answers of a question, each with its line, public and period."""
    rows = []
    if key in frame.columns:
        for line, public, period, answer in zip(
            frame["respondent"], frame["public"], frame["period"], frame[key], strict=True
        ):
            if str(answer).strip():
                rows.append(
                    {
                        "line": int(line),
                        "public": _public_label(str(public)),
                        "period": period,
                        "answer": str(answer),
                    }
                )
    return View(
        (
            Column("line", N_("Ligne du fichier"), "text"),
            Column("public", N_("Public"), "label"),
            Column("period", N_("Période")),
            Column("answer", N_("Réponse")),
        ),
        pd.DataFrame(rows, columns=["line", "public", "period", "answer"]),
        title=N_("Réponses libres"),
    )


def _mentions(answers: Iterable[str], keyword: str) -> int:
    pattern = re.compile(r"\b" + re.escape(_fold(keyword).strip()))
    return sum(1 for a in answers if pattern.search(_fold(a)))


def keyword_view(survey: Survey, frame: pd.DataFrame, key: str) -> View:
    """How many free-text answers mention each keyword (accents and case ignored, word starts).

    The survey's own keywords, else :data:`DEFAULT_KEYWORDS` of its kind.
    """
    answers = [str(v) for v in frame[key] if str(v).strip()] if key in frame.columns else []
    keywords = survey.keywords or list(DEFAULT_KEYWORDS[survey.kind])
    n = len(answers)
    rows = [
        {"keyword": k, "count": c, "share": c / n if n else None}
        for k, c in ((k, _mentions(answers, k)) for k in keywords)
    ]
    rows.sort(key=lambda r: (-int(r["count"] or 0), str(r["keyword"])))
    return View(
        (
            Column("keyword", N_("Mot-clé")),
            Column("count", N_("Réponses qui le citent"), "count"),
            Column("share", N_("Part des réponses libres"), "%"),
        ),
        pd.DataFrame(rows, columns=["keyword", "count", "share"]),
        title=N_("Mots-clés dans les réponses libres"),
    )


def frequent_words_view(frame: pd.DataFrame, key: str, top: int = 15) -> View:
    """The words most often used in free-text answers (4 letters or more, common words left out).

    Words are compared without accents or case and shown in their most
    frequent written form.
    """
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    if key in frame.columns:
        for answer in frame[key]:
            seen: set[str] = set()
            for word in re.findall(r"[^\W\d_]+", str(answer).lower()):
                folded = _fold(word)
                if len(folded) < 4 or folded in _STOPWORDS:
                    continue
                forms.setdefault(folded, Counter())[word] += 1
                seen.add(folded)
            counts.update(seen)
    rows = [{"word": forms[w].most_common(1)[0][0], "count": c} for w, c in counts.most_common(top)]
    return View(
        (Column("word", N_("Mot")), Column("count", N_("Réponses qui l'emploient"), "count")),
        pd.DataFrame(rows, columns=["word", "count"]),
        title=N_("Mots les plus fréquents"),
    )


# --------------------------------------------------------------------------- the template

_TEMPLATE: Final = (
    (
        N_("Horodateur"),
        N_("Date de la réponse (remplie par l'outil de formulaire)"),
        QuestionKind.PERIOD,
    ),
    (
        N_("Vous êtes :"),
        N_(
            "Adhérent(e) ou bénévole / Bénéficiaire ou salarié(e) en parcours / Client(e) / Partenaire"
        ),
        QuestionKind.PUBLIC,
    ),
    (
        N_("Accueil et écoute"),
        N_("Échelle de 1 (pas du tout satisfait) à 5 (très satisfait)"),
        QuestionKind.LIKERT,
    ),
    (N_("Qualité des services rendus"), N_("Échelle de 1 à 5"), QuestionKind.LIKERT),
    (N_("Adaptation à vos besoins"), N_("Échelle de 1 à 5"), QuestionKind.LIKERT),
    (N_("Information et participation aux décisions"), N_("Échelle de 1 à 5"), QuestionKind.LIKERT),
    (
        N_("Sur une échelle de 0 à 10, recommanderiez-vous la structure à un proche ?"),
        N_("Nombre entier de 0 à 10 (NPS)"),
        QuestionKind.NPS,
    ),
    (N_("Qu'est-ce qui pourrait être amélioré ?"), N_("Réponse libre"), QuestionKind.TEXT),
    (
        N_("Quels besoins ne sont pas couverts aujourd'hui ?"),
        N_("Réponse libre"),
        QuestionKind.TEXT,
    ),
)
_EXAMPLE: Final = (
    "2026-03-12 10:14:32",
    "Client(e)",
    "Très satisfait",
    "4",
    "Plutôt satisfait",
    "3",
    "9",
    "Des horaires le samedi après-midi",
    "Un atelier de réparation de vélos",
)


def questionnaire_template_xlsx(tr: Translator | None = None) -> bytes:
    """The questionnaire as a workbook: a « Réponses » sheet to fill (or to match) and its instructions.

    ``tr`` is the reader's translator (French by default).
    """
    t = tr or translator("fr")
    wb, buf = new_workbook()
    write_table(wb, t("Réponses"), [t(h) for h, _d, _k in _TEMPLATE], [list(_EXAMPLE)])
    write_table(
        wb,
        t("Consignes"),
        [t("Colonne"), t("Contenu attendu"), t("Lu comme")],
        [[t(h), t(d), t(k.label)] for h, d, k in _TEMPLATE],
        title=t(
            "Questionnaire type : gardez les en-têtes de la feuille « Réponses » ; une ligne "
            "par répondant ; les libellés « Très satisfait », « Plutôt satisfait »… sont "
            "compris comme les niveaux 5, 4…"
        ),
    )
    wb.close()
    return buf.getvalue()


def questionnaire_template_csv(tr: Translator | None = None) -> bytes:
    """The « Réponses » sheet of the template as a CSV (``;``, UTF-8 with BOM)."""
    t = tr or translator("fr")

    def field(text: str) -> str:
        return '"' + text.replace('"', '""') + '"' if any(c in text for c in ';"\n') else text

    lines = [";".join(field(t(h)) for h, _d, _k in _TEMPLATE), ";".join(field(v) for v in _EXAMPLE)]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")

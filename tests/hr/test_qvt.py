"""The working-life survey: reader, and no result for a group of fewer than five respondents."""

from __future__ import annotations

import contextlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from essdiag.errors import EssdiagError
from essdiag.hr.qvt import group_view, read_survey, theme_view

DATA = Path(__file__).resolve().parents[1] / "data" / "hr"


def answers(groups: dict[str, int]) -> bytes:
    lines = ["groupe;autonomie_1;relations_1"]
    for g, n in groups.items():
        lines += [f"{g};4;2"] * n
    return "\n".join(lines).encode()


def test_group_under_five_is_masked_and_five_is_shown() -> None:
    frame, issues = read_survey(answers({"A": 4, "B": 5}), file="q.csv")
    assert issues == []
    view = group_view(frame)
    a = view.frame[view.frame["group"] == "A"]
    b = view.frame[view.frame["group"] == "B"]
    assert a["mean"].isna().all() and (a["note"] != "").all()
    assert b["mean"].tolist() == [4.0, 2.0]
    themes = theme_view(frame)  # 9 respondents over all: shown; favourable = share of 4–5
    assert themes.frame["favourable"].tolist() == [1.0, 0.0]


def test_whole_survey_under_five_is_masked() -> None:
    frame, _issues = read_survey(answers({"A": 4}), file="q.csv")
    assert theme_view(frame).frame["mean"].isna().all()


def test_bad_score_sets_the_row_aside() -> None:
    frame, issues = read_survey((DATA / "survey_bad_score.csv").read_bytes(), file="s.csv")
    assert [(i.code, i.line) for i in issues] == [("hr_survey_score", 3)]
    assert sorted(set(frame["respondent"])) == [1, 2]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(raw: bytes) -> None:
    with contextlib.suppress(EssdiagError):
        read_survey(raw, file="x.csv")


def test_results_by_sex_read_the_sexes_in_words() -> None:
    from essdiag.i18n import translator

    lines = ["sexe;autonomie_1"] + ["F;4"] * 5 + ["H;2"] * 5
    frame, issues = read_survey("\n".join(lines).encode(), file="q.csv")
    assert issues == [] and frame is not None
    view = group_view(frame, "sex")
    assert view.title == "Qualité de vie au travail par sexe"
    assert view.display(translator("fr"))["Sexe"].tolist() == ["Femme", "Homme"]
    assert view.display(translator("en"))["Sex"].tolist() == ["Woman", "Man"]

"""Bad arguments and paths: one French line on stderr and exit 2, never a traceback.

Through the ``essdiag`` application itself (``app([...])``, as the console
script runs it), so that typer's own English usage errors are covered too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from essdiag.cli import app
from essdiag.commands import args

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_data" / "recyclerie"
FEC = str(SAMPLE / "FEC_2026_01-10.txt")
BUDGET = str(SAMPLE / "budget_2026.xlsx")
ENGLISH = ("Traceback", "Error", "Invalid", "Missing", "Usage", "No such", "expected", "Input")


def run(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        app(list(words), prog_name="essdiag")
    out, err = capsys.readouterr()
    return int(done.value.code or 0), out, err


def one_french_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    words = " ".join(w for w in lines[0].split() if "/" not in w)  # paths are the user's
    assert not any(word in words for word in ENGLISH), lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (("validate-fec", FEC, "--year", "0"), "--year invalide : « 0 »"),
        (("validate-fec", FEC, "--year", "99999"), "--year invalide : « 99999 »"),
        (("validate-fec", FEC, "--year", "deux-mille"), "--year invalide"),
        (("validate-fec", FEC, "--year", "2026", "--start-month", "13"), "--start-month invalide"),
        (("validate-fec", FEC, "--start-month", "x"), "--start-month invalide : « x » (attendu un nombre entier)"),
        (("variance", "--budget", BUDGET, "--actuals", FEC, "--through", "0001-01"), "--through invalide : « 0001-01 »"),
        (("variance", "--budget", BUDGET, "--actuals", FEC, "--through", "9999-12"), "--through invalide : « 9999-12 »"),
        (("variance", "--budget", BUDGET, "--actuals", FEC, "--through", "2026-13"), "--through invalide"),
        (("variance", "--budget", BUDGET, "--actuals", FEC, "--through", "2026-10", "--level", "nope"), "--level invalide : « nope »"),
        (("variance", "--budget", BUDGET, "--through", "2026-10"), "Option obligatoire manquante : --actuals"),
        (("validate",), "Argument obligatoire manquant : FILE"),
        (("validate", "a.json", "b.json"), "Argument(s) en trop : « b.json »"),
        (("validate", "/nulle/part.json"), "fichier introuvable"),
        (("validate", str(REPO)), "c'est un dossier, pas un fichier"),
        (("validate-fec", "--year"), "Option --year mal employée"),
        (("inconnue",), "Commande inconnue : « inconnue »"),
        (("--bogus",), "Option inconnue : --bogus"),
        (("watch",), "Sous-commande manquante"),
        (("params", "--on", "2026-02-30"), "Date invalide"),
    ],
)  # fmt: skip
def test_bad_arguments_are_one_french_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], words: tuple[str, ...], says: str
) -> None:
    code, _out, err = run(capsys, *words)
    assert code == 2
    assert says in one_french_line(err)


@pytest.mark.parametrize("target", ["folder", "missing_folder"])
def test_out_on_a_folder_or_in_a_missing_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str
) -> None:
    out = tmp_path if target == "folder" else tmp_path / "absent" / "ecarts.csv"
    code, _, err = run(
        capsys, "variance", "--budget", BUDGET, "--actuals", FEC, "--through", "2026-10",
        "--format", "csv", "--out", str(out),
    )  # fmt: skip
    assert code == 2
    line = one_french_line(err)
    assert ("c'est un dossier" in line) if target == "folder" else ("n'existe pas" in line)


def test_a_report_is_never_overwritten_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    base = ("variance", "--budget", BUDGET, "--actuals", FEC, "--through", "2026-10")
    code, _out, _ = run(capsys, *base, "--format", "xlsx")
    assert code in (0, 1)
    (report,) = tmp_path.glob("ecarts_*.xlsx")
    report.write_bytes(b"mine")
    code, _, err = run(capsys, *base, "--format", "xlsx")
    assert code == 2 and "existe déjà : ajoutez --force" in one_french_line(err)
    assert report.read_bytes() == b"mine"  # kept
    code, _, _ = run(capsys, *base, "--format", "xlsx", "--force")
    assert code in (0, 1) and report.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == [report.name]  # no temporary file left


def test_the_csv_report_is_neutralised_and_keeps_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "ecarts.csv"
    base = ("variance", "--budget", BUDGET, "--actuals", FEC, "--through", "2026-10")
    code, _, _ = run(capsys, *base, "--format", "csv", "--out", str(out))
    assert code in (0, 1)
    text = out.read_bytes().decode("utf-8-sig")
    head, *rows = [line.split(";") for line in text.splitlines()]
    gap = next(i for i, h in enumerate(head) if h.startswith("Écart (€)"))
    variances = [r[gap] for r in rows]
    assert any(v.startswith("-") for v in variances), "a negative variance is written as a number"
    assert all(v == "" or v.lstrip("-").replace(",", "").isdigit() for v in variances)
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r)
    code, _, err = run(capsys, *base, "--format", "csv", "--out", str(out))
    assert code == 2 and "--force" in err


def test_validate_checks_the_size_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    big = tmp_path / "dossier.json"
    with big.open("wb") as f:  # a sparse 6 GB file: nothing to read before refusing it
        f.truncate(6 * 1024**3)
    code, _, err = run(capsys, "validate", str(big))
    assert code == 2
    # 6 × 1024³ bytes = 6 × 1024 MiB = 6 144,0 Mo, French grouping (narrow no-break space);
    # 20 Mo is FORM_LIMITS.max_bytes, the dossier files' limit (essdiag/guards.py).
    assert "pèse 6\u202f144,0 Mo, au plus 20 Mo" in one_french_line(err)


def test_an_unexpected_error_is_one_line_with_a_reference(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def boom(*a: object, **k: object) -> None:
        raise ZeroDivisionError("bug")

    monkeypatch.setattr("essdiag.dossier_files.read_dossier_file", boom)  # imported by the command
    code, _, err = run(capsys, "validate", str(SAMPLE / "dossier.json"))
    assert code == args.INTERNAL
    line = one_french_line(err)
    assert "Erreur inattendue d'essdiag (référence" in line
    (log,) = tmp_path.glob("essdiag-erreur-*.log")
    assert "ZeroDivisionError: bug" in log.read_text("utf-8") and str(log) in line


def test_helpers_accept_good_values(tmp_path: Path) -> None:
    assert args.year("2026") == 2026 and args.year(None) is None
    assert args.month(" 2026-01 ") == (2026, 1)
    target = args.write_output(tmp_path / "r.csv", b"x", force=False)
    assert target.read_bytes() == b"x"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert args.read_input(target, 10) == b"x"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.parametrize(
    "words", [("--help",), ("variance", "--help"), ("watch", "insee", "--help")]
)
def test_help_screens_are_in_french(
    capsys: pytest.CaptureFixture[str], words: tuple[str, ...]
) -> None:
    """typer's frame of the help (defaults, required, the --help line, « Commands ») in French."""
    code, shown, _ = run(capsys, *words)
    assert code == 0
    out = " ".join(shown.replace("│", " ").split())  # the words, whatever rich wrapped
    assert "Affiche cette aide et s'arrête." in out
    assert not any(e in out for e in ("Show this message", "[required]", "[default:", "Commands"))
    if words[0] == "variance":
        assert "[obligatoire]" in out and "[défaut :" in out

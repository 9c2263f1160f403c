"""Arguments of the ``essdiag`` commands, checked before any work: one French line and exit 2.

Layer 5 (the command line). Every subcommand takes years, months and paths
through these helpers, so that a bad argument never prints a traceback:

* :func:`year` and :func:`month` accept the years an accounting file can
  hold (:data:`YEAR_MIN`–:data:`YEAR_MAX`), :func:`start_month` 1 to 12;
* :func:`input_file` and :func:`read_input` check that a path is a file,
  readable, and no larger than its reader accepts (from its size on disk,
  before reading a byte: a 6 GB file is refused at once);
* :func:`output_file` and :func:`write_output` check the folder, refuse a
  directory, never replace an existing file without ``--force`` and write
  through a temporary file, so that a failed write leaves no half file.

Each failure raises :class:`typer.Exit` with code :data:`UNUSABLE` after one
line on stderr, in the words of the other essdiag messages.

:class:`Typer` is the ``essdiag`` application itself: what click and typer
would say in English about the command line (a missing option, a value that
is not a number, an unknown command) becomes one French line and exit 2, and
an unexpected error becomes one French line with a reference, the traceback
going to a log file (exit :data:`INTERNAL`), never to the terminal.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import traceback
import uuid
from pathlib import Path
from typing import Any

import typer
from typer._click import exceptions as click  # typer's own click: the errors it raises
from typer._click.core import Context as ClickContext

from essdiag.i18n import translator

__all__ = [
    "INTERNAL",
    "UNUSABLE",
    "YEAR_MAX",
    "YEAR_MIN",
    "Typer",
    "fail",
    "french_help",
    "input_file",
    "issue_json",
    "json_text",
    "month",
    "output_file",
    "print_issues",
    "read_input",
    "start_month",
    "write_output",
    "year",
]


_LEVELS = {"error": "ERREUR", "warning": "ATTENTION", "info": "INFO"}


def print_issues(issues: Any, *, err: bool = False) -> None:
    """Each problem found on one line: « ERREUR [code] message (où) » (no pydantic import here)."""
    for issue in issues:
        where = issue.where()
        level = _LEVELS.get(issue.severity.value, "INFO")
        text = f"{level} [{issue.code}] {issue.message}" + (f" ({where})" if where else "")
        typer.echo(text, err=err)


def issue_json(issue: Any) -> dict[str, Any]:
    """One problem found, for ``--format json``: code, severity, French message and where."""
    return {
        "code": issue.code,
        "severity": issue.severity.value,
        "message": issue.message,
        "file": issue.file,
        "line": issue.line,
        "column": issue.column,
        "field": issue.field,
    }


def _json_value(value: Any) -> Any:
    """Decimals as JSON numbers, dates in ISO form, anything else as its text."""
    from decimal import Decimal

    if isinstance(value, Decimal):
        return float(value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def json_text(data: Any) -> str:
    """``--format json`` output (json imported only by a json run): numbers as numbers, indented."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_value)


UNUSABLE = 2
INTERNAL = 3
"""Exit code of an unexpected error (a bug): the traceback is in the log file named."""
YEAR_MIN = 1950
YEAR_MAX = 2100
"""Years an accounting file of a living organisation can hold."""

MiB = 1024 * 1024
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def fail(message: str) -> typer.Exit:
    """One line on stderr and the exit code of unusable input (raise what it returns)."""
    typer.echo(message, err=True)
    return typer.Exit(UNUSABLE)


def year(text: str | int | None, option: str = "--year") -> int | None:
    """A fiscal year's label (``2026``), or None when not given.

    Example:
        >>> year("2026"), year(None)
        (2026, None)
    """
    if text is None:
        return None
    value = str(text).strip()
    if not value.isdigit() or not YEAR_MIN <= int(value) <= YEAR_MAX:
        raise fail(
            f"{option} invalide : « {text} » (attendu une année entre {YEAR_MIN} et {YEAR_MAX}, "
            "par exemple 2026)."
        )
    return int(value)


def month(text: str, option: str = "--through") -> tuple[int, int]:
    """``(year, month)`` of ``AAAA-MM``.

    Example:
        >>> month("2026-10")
        (2026, 10)
    """
    m = _MONTH.match(text or "")
    if m is None or not YEAR_MIN <= int(m[1]) <= YEAR_MAX or not 1 <= int(m[2]) <= 12:
        raise fail(
            f"{option} invalide : « {text} » (attendu AAAA-MM, un mois entre {YEAR_MIN}-01 et "
            f"{YEAR_MAX}-12, par exemple 2026-10)."
        )
    return int(m[1]), int(m[2])


def start_month(value: int, option: str = "--start-month") -> int:
    """The first month of the fiscal year, 1 to 12."""
    if not 1 <= value <= 12:
        raise fail(f"{option} invalide : « {value} » (attendu un mois de 1 à 12).")
    return value


def _size(n: int) -> str:
    """A size in MB, French style (« 6 144,0 »)."""
    return translator("fr").number(n / MiB, 1)


def input_file(path: Path, max_bytes: int | None = None) -> Path:
    """The path of a file to read, checked: it exists, is a file, is readable and small enough."""
    try:
        if not path.exists():
            raise fail(f"{path} : fichier introuvable.")
        if path.is_dir():
            raise fail(f"{path} : c'est un dossier, pas un fichier.")
        if not path.is_file():
            raise fail(f"{path} : ce n'est pas un fichier ordinaire.")
        size = path.stat().st_size
    except OSError as exc:
        raise fail(f"{path} : fichier illisible ({exc.strerror or 'accès refusé'}).") from None
    if max_bytes is not None and size > max_bytes:
        raise fail(
            f"{path} : le fichier pèse {_size(size)} Mo, au plus {max_bytes // MiB} Mo pour ce "
            "type de fichier."
        )
    if not os.access(path, os.R_OK):
        raise fail(f"{path} : fichier illisible (accès refusé).")
    return path


def read_input(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of a file checked by :func:`input_file` (its size is checked before reading)."""
    input_file(path, max_bytes)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise fail(f"{path} : fichier illisible ({exc.strerror or 'erreur de lecture'}).") from None


def output_file(path: Path, *, force: bool) -> Path:
    """The path of a file to write, checked: its folder exists, it is not a folder, and it is
    replaced only with ``--force``."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise fail(f"{path} : c'est un dossier ; donnez le nom du fichier à écrire.")
    if not parent.is_dir():
        raise fail(f"{path} : le dossier « {parent} » n'existe pas.")
    if path.exists() and not force:
        raise fail(f"{path} existe déjà : ajoutez --force pour le remplacer.")
    if not os.access(parent, os.W_OK):
        raise fail(f"{path} : impossible d'écrire dans le dossier « {parent} » (accès refusé).")
    return path


def write_output(path: Path, data: bytes, *, force: bool) -> Path:
    """Write ``data`` to a path checked by :func:`output_file`, through a temporary file."""
    output_file(path, force=force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    except OSError as exc:
        raise fail(f"{path} : écriture impossible ({exc.strerror or 'erreur'}).") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # the rights of a file written the ordinary way
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise fail(f"{path} : écriture impossible ({exc.strerror or 'erreur'}).") from None
    return path


_EXPECTED = (
    ("valid integer", "un nombre entier"),
    ("valid float", "un nombre"),
    ("valid number", "un nombre"),
    ("valid date", "une date AAAA-MM-JJ"),
    ("valid boolean", "oui ou non"),
    ("does not exist", "un fichier qui existe"),
    ("is a directory", "un fichier, pas un dossier"),
)
_QUOTED = re.compile(r"'([^']*)'")
log = logging.getLogger("essdiag.cli")


def _hint(error: click.ClickException) -> str:
    param = getattr(error, "param", None)
    if param is not None and getattr(param, "opts", None):
        return str(param.opts[0]) if param.param_type_name == "option" else str(param.name).upper()
    return str(getattr(error, "param_hint", None) or "")


def _expected(text: str) -> str:
    for english, french in _EXPECTED:
        if english in text:
            return french
    choices = re.search(r"is not one of (.*)\.", text)
    if choices:
        return "une valeur parmi : " + choices[1].replace("'", "")
    return "une autre valeur"


def _value(hint: str, argv: list[str]) -> str | None:
    """The value given to an option on the command line (``--x v`` or ``--x=v``)."""
    for i, token in enumerate(argv):
        if token == hint and i + 1 < len(argv):
            return argv[i + 1]
        if token.startswith(hint + "="):
            return token.partition("=")[2]
    return None


def french_usage(error: click.ClickException, argv: list[str] | None = None) -> str:  # noqa: PLR0911 - a sentence per kind of error
    """One French line for what click says in English about the command line.

    ``argv`` (the command line's words) gives the value of a bad option when
    the English message does not quote it.

    Example:
        >>> print(french_usage(click.UsageError("No such command 'foo'.")))
        Commande inconnue : « foo » (essdiag --help donne la liste).
    """
    text = error.format_message()
    hint = _hint(error) or (_QUOTED.findall(text) or [""])[0]
    quoted = [q for q in _QUOTED.findall(text) if q != hint]
    if isinstance(error, click.MissingParameter):
        argument = getattr(error.param, "param_type_name", "") == "argument"
        what = "Argument obligatoire manquant" if argument else "Option obligatoire manquante"
        return f"{what} : {_hint(error)} (--help donne l'aide de la commande)."
    if isinstance(error, click.NoSuchOption):
        return f"Option inconnue : {error.option_name} (--help donne les options de la commande)."
    if isinstance(error, click.BadParameter):
        given = _value(hint, argv or []) if hint.startswith("-") else None
        given = given if given is not None else (quoted[0] if quoted else None)
        value = f" « {given} »" if given is not None else ""
        return f"{hint} invalide :{value} (attendu {_expected(text)})."
    if isinstance(error, click.BadOptionUsage):
        return f"Option {error.option_name} mal employée : il lui faut une valeur."
    command = re.match(r"No such command '([^']*)'", text)
    if command:
        return f"Commande inconnue : « {command[1]} » (essdiag --help donne la liste)."
    if text.startswith("Missing command"):
        return "Sous-commande manquante (--help donne la liste des sous-commandes)."
    extra = re.match(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)$", text)
    if extra:
        words = " ".join(f"« {w} »" for w in extra[1].split())
        return f"Argument(s) en trop : {words} (--help donne l'aide de la commande)."
    return "Commande ou options invalides (essdiag --help donne l'aide)."


def internal_error(exc: BaseException) -> str:
    """The line shown for an unexpected error; the traceback goes to a log file."""
    ref = uuid.uuid4().hex[:8]
    path = Path(tempfile.gettempdir()) / f"essdiag-erreur-{ref}.log"
    try:
        path.write_text("".join(traceback.format_exception(exc)), "utf-8")
        where = f" ; le détail est dans {path}"
    except OSError:
        log.error("essdiag: unexpected error (ref %s)", ref, exc_info=exc)
        where = ""
    return (
        f"Erreur inattendue d'essdiag (référence {ref}{where}). Rien n'a été écrit. "
        "Signalez-la avec cette référence."
    )


_HELP_WORDS = {
    "DEFAULT_STRING": "[défaut : {}]",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "ENVVAR_STRING": "[variable d'environnement : {}]",
    "DEPRECATED_STRING": "(obsolète) ",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commandes",
    "ERRORS_PANEL_TITLE": "Erreur",
    "ABORTED_TEXT": "Interrompu.",
}
"""The words of typer's help screens, in French (module constants of ``typer.rich_utils``)."""
_HELP_OPTION = "Affiche cette aide et s'arrête."


def _french_frame() -> None:
    """typer's help frame in French (imports rich, 0,3 s: only when a help is shown)."""
    import typer.rich_utils as rich

    for name, text in _HELP_WORDS.items():
        if hasattr(rich, name):
            setattr(rich, name, text)


def french_help(command: Any, words: list[str] | None = None) -> Any:
    """The help screens of ``command`` and its subcommands in French; returns ``command``.

    Typer writes the frame of its help (``[default: …]``, ``[required]``,
    « Commands », the ``--help`` line) in English. Each command's ``--help``
    option is created once and kept: its text is set here. The frame's texts
    are module constants of ``typer.rich_utils``, read at display time: they
    are set when ``words`` (the command line) asks for a help, so that a
    command that shows none does not import rich.
    """
    if words is None or "--help" in words:
        _french_frame()
    todo = [command]
    while todo:
        cmd = todo.pop()
        option = cmd.get_help_option(ClickContext(cmd))
        if option is not None:
            option.help = _HELP_OPTION
        todo.extend(getattr(cmd, "commands", {}).values())
    return command


class Typer(typer.Typer):
    """The ``essdiag`` application: usage errors and bugs are one French line, never a traceback.

    Its help screens are in French too (:func:`french_help`).
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("standalone_mode", False)
        argv = list(kwargs.get("args") or (args[0] if args else None) or sys.argv[1:])
        try:
            code = french_help(typer.main.get_command(self), argv)(*args, **kwargs)
        except click.NoArgsIsHelpError as exc:  # a group without its subcommand: its help
            _french_frame()
            typer.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.ClickException as exc:
            typer.echo(french_usage(exc, argv), err=True)
            sys.exit(UNUSABLE)
        except typer.Abort:
            typer.echo("Interrompu.", err=True)
            sys.exit(130)
        except Exception as exc:  # a bug: one French line and a reference, never a traceback
            typer.echo(internal_error(exc), err=True)
            sys.exit(INTERNAL)
        sys.exit(code if isinstance(code, int) else 0)

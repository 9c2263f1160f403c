"""The capability commands of ``essdiag``, one module each, mounted by :func:`mount`.

Layer 5 (the command line, beside :mod:`essdiag.cli`). Each module
``essdiag/commands/<name>.py`` exposes a ``typer.Typer`` named ``app``:

* when that app holds a command function named like the module
  (``esus.esus``, ``sroi.sroi``, ``egalite.egalite``), the function is
  mounted as ``essdiag <name>`` (``essdiag esus DOSSIER.json``);
* otherwise the app is mounted as a group (``essdiag watch gaps …``,
  ``essdiag watch insee …``).

:mod:`essdiag.commands.args` holds the argument checks shared by every
command (one French line and exit 2 for a bad year, month or path; never
overwrite a file without ``--force``). A new capability command is a new
module here: nothing else to change.

Importing this package turns bytecode writing off (``sys.dont_write_bytecode``):
:mod:`essdiag.cli` imports it before any other module of essdiag, so the
command line never writes ``__pycache__`` beside the code.
"""

from __future__ import annotations

import sys

sys.dont_write_bytecode = True  # first, before the modules below and the commands are imported

import importlib  # noqa: E402 - after the bytecode switch
import pkgutil  # noqa: E402 - after the bytecode switch

import typer  # noqa: E402 - after the bytecode switch

__all__ = ["command_modules", "mount"]

_NOT_COMMANDS = frozenset({"args"})


def command_modules() -> list[str]:
    """Names of the capability command modules present, sorted."""
    return sorted(
        m.name for m in pkgutil.iter_modules(__path__) if m.name not in _NOT_COMMANDS | {"__main__"}
    )


def mount(app: typer.Typer) -> list[str]:
    """Mount every capability command on ``app``; the names mounted, in order."""
    mounted = []
    for name in command_modules():
        module = importlib.import_module(f"{__name__}.{name}")
        sub = getattr(module, "app", None)
        if not isinstance(sub, typer.Typer):
            continue
        single = [
            c.callback
            for c in sub.registered_commands
            if c.callback is not None and c.callback.__name__ == name
        ]
        if single:
            app.command(name)(single[0])
        else:
            app.add_typer(sub, name=name)
        mounted.append(name)
    return mounted

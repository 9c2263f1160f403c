"""The command line starts light: its help and version load none of the heavy libraries.

Issue #11 asks every ``essdiag`` command to start in 0.3 s (measured by
``benchmarks/cli_bench.py``); what keeps it there is that pandas, pyarrow,
openpyxl, the report libraries and pydantic (the issue and period models) are
imported inside the subcommand that needs them. This test fails when a
module-level import brings one back.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "pyarrow", "openpyxl", "xlsxwriter", "docx", "plotly", "pydantic", "numpy")


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    probe = (
        "import sys, essdiag.cli, essdiag.commands as c; c.mount(essdiag.cli.app); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_the_version_is_printed_without_them() -> None:
    # pydantic aside: typer itself coerces the parameters of a command with it when it runs.
    libraries = tuple(m for m in HEAVY if m != "pydantic")
    probe = (
        "import sys; sys.argv = ['essdiag', 'version']\n"
        "import essdiag.cli\n"
        "try:\n    essdiag.cli.app()\nexcept SystemExit:\n    pass\n"
        f"print('|' + ','.join(m for m in {libraries!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().split("|")[-1] == ""

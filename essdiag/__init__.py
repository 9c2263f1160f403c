"""essdiag: diagnose and steer a French social and solidarity economy organisation.

The library computes everything; the Streamlit app in ``app.py`` and ``pages/``
only shows it. The version lives in ``pyproject.toml`` only; it is read on
first use (``importlib.metadata`` costs a tenth of a second that a command
such as ``essdiag variance`` does not need).
"""

from __future__ import annotations

from functools import cache

__all__ = ["__version__"]


@cache
def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("essdiag")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'essdiag' has no attribute {name!r}")

"""essdiag: diagnose and steer a French social and solidarity economy organisation.

The library computes everything; the Streamlit app in ``app.py`` and ``pages/``
only shows it. The version lives in ``pyproject.toml`` only.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("essdiag")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+unknown"

__all__ = ["__version__"]

"""watch package."""

from __future__ import annotations

from essdiag.watch.section import WatchSection

__all__ = ["WatchSection"]

"""compliance package."""

from __future__ import annotations

from essdiag.compliance.section import ComplianceSection

__all__ = ["ComplianceSection"]

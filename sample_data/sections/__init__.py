"""Per-domain sections of the sample dossiers: each module has ``section(case)``."""

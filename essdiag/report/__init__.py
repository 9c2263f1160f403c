"""Reports and exports (DOCX, PDF, XLSX, Markdown, CSV) built from computed results.

Exports never recompute: they take the same result models and DataFrames the
screens show.
"""

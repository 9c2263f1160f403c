"""Tabs of the « Utilité sociale et impact » screen (``pages/impact.py``), one module per tab."""

"""Tabs of the « Publics et satisfaction » screen (``pages/publics.py``), one module per tab."""

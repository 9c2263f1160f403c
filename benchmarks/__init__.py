"""Reproducible speed and memory measurements (``make bench``), not timed tests."""

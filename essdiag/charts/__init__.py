"""Plotly figure builders, one module per domain, sharing :mod:`essdiag.charts.theme`.

Builders are pure: they take DataFrames or result models and a
:class:`~essdiag.i18n.Translator`, and return a ``plotly.graph_objects.Figure``
with a title, axis units and French number formats. Every chart is shown with
its data table beside it (text alternative, WCAG 1.1.1).
"""

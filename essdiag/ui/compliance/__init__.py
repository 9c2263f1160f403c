"""Widgets of the « Cadre juridique et fiscal » screen (``pages/compliance.py`` lays them out).

One module per tab: :mod:`~essdiag.ui.compliance.summary` (headline and
year), :mod:`~essdiag.ui.compliance.ess` (art. 1 and 2),
:mod:`~essdiag.ui.compliance.esus`, :mod:`~essdiag.ui.compliance.grants`,
:mod:`~essdiag.ui.compliance.tax`, :mod:`~essdiag.ui.compliance.csess` and
:mod:`~essdiag.ui.compliance.exports`; :mod:`~essdiag.ui.compliance.common`
holds the report (cached) and the finding cards. The rules are in
:mod:`essdiag.compliance`.
"""

"""The rules of the legal and fiscal frame, one module per frame.

Each rule is a pure function of sections, plain values and DataFrames that
returns :class:`~essdiag.compliance.findings.Finding` records; none reads the
store or another domain's computations. :mod:`essdiag.compliance.engine`
gathers the dossier's data and calls them in this order:

* :mod:`~essdiag.compliance.rules.ess_law` — art. 1 of loi n° 2014-856;
* :mod:`~essdiag.compliance.rules.social_utility` — art. 2 (both wordings);
* :mod:`~essdiag.compliance.rules.esus` — Code du travail L3332-17-1, décret n° 2015-719;
* :mod:`~essdiag.compliance.rules.grants` — conventions, auditor, CER, contract;
* :mod:`~essdiag.compliance.rules.tax` — disinterested management, 4P, franchise, IS/TVA/CFE;
* :mod:`~essdiag.compliance.rules.csess` — the guide of good practices (art. 3).
"""

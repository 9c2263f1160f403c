"""The accounts screen (``pages/ledger.py``): one module per part.

* :mod:`~essdiag.ui.ledger.imports` — the files imported into the dossier;
* :mod:`~essdiag.ui.ledger.fec` — a FEC: its reading, its issues, the import;
* :mod:`~essdiag.ui.ledger.table` — a CSV/XLSX table through a column mapping;
* :mod:`~essdiag.ui.ledger.keep` — storing an imported ledger and saving the section.

The readers and the views are in :mod:`essdiag.ledger`.
"""

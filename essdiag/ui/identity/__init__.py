"""Widgets of the « Identité de la structure » screen (``pages/identity.py`` lays them out).

The screen is one form (:mod:`~essdiag.ui.identity.form`) over the dossier's
``identity`` section; it validates the whole section with the model's own
rules and saves it through :func:`essdiag.ui.screen.save_section`.
"""

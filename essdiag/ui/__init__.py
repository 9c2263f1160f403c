"""The only streamlit-aware code: session state, widgets and caching.

Pages import from here; the rest of essdiag never imports streamlit.
"""

"""The Streamlit layer: session helpers and the strings of each language. Pages import from here."""

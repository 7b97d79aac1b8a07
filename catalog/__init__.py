"""Microdata catalog: import, metadata, search, filters, extracts, synthetic samples and the demo data."""

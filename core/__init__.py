"""Domain and services of Silastik Mikro. Never imports streamlit."""

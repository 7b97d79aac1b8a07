"""The catalog's one error type; its message (a key in core.i18n) names the file or dataset."""

from __future__ import annotations

from core.errors import UserError


class CatalogError(UserError):
    """A file cannot be imported, a filter is invalid, or an extract cannot be made."""

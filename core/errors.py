"""Errors whose message is meant for the person at the screen.

An error names its message by key (see `core.i18n`); `str(exc)` is the Indonesian text, so logs,
CLIs and tests read as before, and `exc.message(lang)` is the text in the reader's language.
"""

from __future__ import annotations

from core.i18n import text


class UserError(Exception):
    """Bad input or a refused action; the message is shown to the user in their language."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(text("id", key, **params))

    def message(self, lang: str) -> str:
        """The message in `lang` (Indonesian when `lang` or the key has no translation)."""
        return text(lang, self.key, **self.params)


class PermissionDenied(UserError):
    """The actor's role or ownership does not allow this."""

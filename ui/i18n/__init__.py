"""User-facing strings: one module per language (`id`, `en`); `t(key)` picks the current one."""

from __future__ import annotations

from ui.i18n import en, id

LANGUAGES = {"id": id.STRINGS, "en": en.STRINGS}


def text(lang: str, key: str, **values: object) -> str:
    """The string for `key` in `lang`, falling back to Indonesian, then to the key itself."""
    template = LANGUAGES.get(lang, id.STRINGS).get(key) or id.STRINGS.get(key, key)
    return template.format(**values) if values else template

"""User-facing strings, error messages included: one module per language (`id`, `en`).

Streamlit-free, so the services can name their messages by key and the pages can show them in the
reader's language.
"""

from __future__ import annotations

from core.i18n import en, id

LANGUAGES = {"id": id.STRINGS, "en": en.STRINGS}


class Msg:
    """A translatable piece of a message (a key and its values), rendered in the reader's language.

    Pass it as a value to `text` (or as a parameter of a `UserError`) when part of a message is
    itself a sentence or a label that must be translated, e.g. the reason of an invalid filter.
    """

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params

    def render(self, lang: str) -> str:
        return text(lang, self.key, **self.params)

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Msg) and (self.key, self.params) == (other.key, other.params)

    def __hash__(self) -> int:
        return hash(self.key)


def text(lang: str, key: str, **values: object) -> str:
    """The string for `key` in `lang`, falling back to Indonesian, then to the key itself.

    A value that is a `Msg` is rendered in the same language before it is filled in.
    """
    template = LANGUAGES.get(lang, id.STRINGS).get(key) or id.STRINGS.get(key, key)
    if not values:
        return template
    filled = {name: v.render(lang) if isinstance(v, Msg) else v for name, v in values.items()}
    return template.format(**filled)

"""Make variable names fit SPSS and Stata: length, characters, reserved words, no duplicates.

Each function maps every original name to the name written in the file. Callers keep the original
name in the variable label when it changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

SPSS_MAX_BYTES = 64
STATA_MAX_CHARS = 32
SPSS_RESERVED = frozenset("ALL AND BY EQ GE GT LE LT NE NOT OR TO WITH".split())
STATA_RESERVED = frozenset(
    "_all _b byte _coef _cons double float if in int long _n _N _pi _pred _rc _skip strL using with".split()
)


def spss_names(names: list[str]) -> dict[str, str]:
    """Names of at most 64 UTF-8 bytes, starting with a letter, not reserved, unique in any case."""
    return _fit(names, clean=_clean_spss, room=SPSS_MAX_BYTES, size=_utf8_size, reserved=SPSS_RESERVED)


def stata_names(names: list[str]) -> dict[str, str]:
    """ASCII names of at most 32 characters, starting with a letter or _, not reserved, unique."""
    return _fit(names, clean=_clean_stata, room=STATA_MAX_CHARS, size=len, reserved=STATA_RESERVED)


def _clean_spss(name: str) -> str:
    cleaned = re.sub(r"[^\w.@#$]", "_", name).rstrip(".")
    if not cleaned or not cleaned[0].isalpha():
        cleaned = "V" + cleaned
    return cleaned


def _clean_stata(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_]", "_", name)
    if not cleaned or not (cleaned[0].isalpha() or cleaned[0] == "_"):
        cleaned = "v" + cleaned
    return cleaned


def _utf8_size(name: str) -> int:
    return len(name.encode("utf-8"))


def _fit(
    names: list[str],
    *,
    clean: Callable[[str], str],
    room: int,
    size: Callable[[str], int],
    reserved: frozenset[str],
) -> dict[str, str]:
    def cut(name: str, limit: int = room) -> str:
        while size(name) > limit:
            name = name[:-1]
        return name.rstrip(".")

    blocked = {word.casefold() for word in reserved}
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for original in names:
        base = cut(clean(original))
        if base.casefold() in blocked:
            base = cut(base + "_")
        candidate, number = base, 1
        while candidate.casefold() in taken or candidate.casefold() in blocked:
            number += 1
            candidate = cut(base, room - len(f"_{number}")) + f"_{number}"
        taken.add(candidate.casefold())
        mapping[original] = candidate
    return mapping

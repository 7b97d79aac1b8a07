"""Every user-facing string exists in both languages, and every status, event and document has a label."""

from __future__ import annotations

import re
from pathlib import Path

from core.delivery import DOC_KINDS
from core.workflow import EVENTS, STATUSES
from ui.i18n import en, id, text

ROOT = Path(__file__).resolve().parents[2]


def test_english_has_every_key_that_indonesian_has():
    assert set(en.STRINGS) == set(id.STRINGS)


def test_every_status_event_and_document_kind_has_a_label_in_both_languages():
    keys = (
        [f"status_{s}" for s in STATUSES] + [f"event_{e}" for e in EVENTS] + [f"doc_{k}" for k in DOC_KINDS]
    )
    for strings in (id.STRINGS, en.STRINGS):
        assert [k for k in keys if k not in strings] == []


def test_every_key_the_pages_ask_for_exists():
    sources = [ROOT / "Home.py", *ROOT.joinpath("pages").rglob("*.py"), *ROOT.joinpath("ui").glob("*.py")]
    asked = {m for path in sources for m in re.findall(r'\bt\("([a-z0-9_]+)"[,)]', path.read_text())}
    assert sorted(asked - set(id.STRINGS)) == []


def test_a_missing_english_string_falls_back_to_indonesian_and_fills_values():
    assert text("en", "cart_saved", n=3) == "3 variables saved in the cart."
    assert text("xx", "menu_login") == "Masuk"

"""Every user-facing string exists in both languages, and every status, event and document has a label."""

from __future__ import annotations

import re
from pathlib import Path

from catalog.errors import CatalogError
from core.delivery import DOC_KINDS
from core.errors import PermissionDenied, UserError
from core.i18n import Msg, en, id, text
from core.workflow import EVENTS, STATUSES

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


SERVICE_SOURCES = [*ROOT.joinpath("core").rglob("*.py"), *ROOT.joinpath("catalog").rglob("*.py")]
ERROR_CALL = re.compile(
    r"\b(?:UserError|PermissionDenied|CatalogError|_invalid|Msg)\(\s*(f?)([\"'])([^\"']*)\2"
)
ERROR_KEY = re.compile(r"[\"'](err_[a-z0-9_]+)[\"']")


def _service_sources() -> dict[Path, str]:
    return {path: path.read_text() for path in SERVICE_SOURCES if "i18n" not in path.parts}


def test_every_error_key_the_services_use_exists_in_both_languages():
    sources = _service_sources()
    used = {key for source in sources.values() for key in ERROR_KEY.findall(source)}
    assert len(used) > 100
    for strings in (id.STRINGS, en.STRINGS):
        assert sorted(used - set(strings)) == []


def test_every_error_the_services_raise_is_named_by_a_key_not_written_out():
    written_out = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path, source in _service_sources().items()
        for match in ERROR_CALL.finditer(source)
        if not match.group(3).startswith(("err_", "status_"))
        or (match.group(1) and not match.group(3).startswith("status_"))  # only status_{code} is built
    ]
    assert written_out == []


def test_every_error_string_is_translated_with_the_same_placeholders():
    for key, indonesian in id.STRINGS.items():
        if key.startswith("err_"):
            assert en.STRINGS[key] != indonesian, key
            assert set(re.findall(r"{(\w+)}", en.STRINGS[key])) == set(re.findall(r"{(\w+)}", indonesian)), (
                key
            )


def test_a_user_error_is_indonesian_as_a_string_and_english_on_request():
    exc = UserError("err_amount_mismatch", paid="Rp 10.000", due="Rp 12.500")
    assert str(exc) == "Jumlah bayar Rp 10.000 tidak sama dengan tagihan Rp 12.500."
    assert exc.message("id") == str(exc)
    assert exc.message("en") == "The amount paid, Rp 10.000, does not equal the amount due, Rp 12.500."
    assert (exc.key, exc.params) == ("err_amount_mismatch", {"paid": "Rp 10.000", "due": "Rp 12.500"})
    assert exc.message("xx") == str(exc)


def test_a_translated_piece_of_an_error_follows_the_language():
    exc = CatalogError("err_filter_invalid", reason=Msg("err_filter_too_deep", n=20))
    assert str(exc) == "Filter tidak valid: tanda kurung bersarang lebih dari 20 tingkat."
    assert exc.message("en") == "Invalid filter: parentheses are nested more than 20 levels deep."
    denied = PermissionDenied("err_request_not_yours")
    assert isinstance(denied, UserError)
    assert denied.message("en") == "This request is not yours."

"""Helpers for AppTest page tests: an isolated app environment, sign-in, clicks by label."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from core.bootstrap import prepare
from core.clock import utcnow
from core.db import make_engine
from core.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120


def prepared_app_env(tmp_path: Path, monkeypatch, *, demo: bool) -> Path:
    """Point the app at a fresh DATA_DIR (SQLite), with demo accounts and catalog when `demo`."""
    data_dir = tmp_path / "appdata"
    monkeypatch.setenv("DATA_DIR", str(data_dir))
    monkeypatch.setenv("SILASTIK_DEMO", "1" if demo else "0")
    monkeypatch.setenv("SILASTIK_COOKIE_KEY", secrets.token_urlsafe(40))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()
    prepare(settings=get_settings(), now=utcnow()).dispose()
    return data_dir


@contextmanager
def db_session() -> Iterator[Session]:
    engine = make_engine(get_settings().db_url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def new_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "Home.py"), default_timeout=TIMEOUT)
    return at


def login(at: AppTest, username: str, password: str) -> AppTest:
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert at.session_state["authentication_status"] is True, texts(at, "error")
    return at


def click(at: AppTest, label: str) -> AppTest:
    """Click the one button with this label and run; fail with the page's errors if it raised."""
    matches = [b for b in at.button if b.label == label]
    assert matches, (
        f"no button {label!r}; buttons: {[b.label for b in at.button]}; errors: {texts(at, 'error')}"
    )
    matches[0].click().run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest, kind: str) -> list[str]:
    return [str(element.value) for element in at.get(kind)]


def follow_language(at: AppTest, monkeypatch) -> None:
    """Let AppTest format widget options in the language chosen in `at`.

    AppTest calls a widget's `format_func` (e.g. `lambda s: t("segment_" + s)`) from the test, outside
    any script run, where `st.session_state` is not the app's, so `t()` would always answer in
    Indonesian and an English option would not be found. Inside a script run `lang()` is unchanged.
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    import ui.app

    real_lang = ui.app.lang

    def lang() -> str:
        if get_script_run_ctx(suppress_warning=True) is None:
            return (
                str(at.session_state[ui.app.LANGUAGE_KEY])
                if ui.app.LANGUAGE_KEY in at.session_state
                else "id"
            )
        return real_lang()

    monkeypatch.setattr(ui.app, "lang", lang)

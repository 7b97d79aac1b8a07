"""Session helpers for pages: the cached engine, the signed-in user, language, downloads, errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session

from core.bootstrap import prepare, resolve_cookie_key
from core.clock import utcnow
from core.db import session_scope
from core.errors import UserError
from core.i18n import text
from core.jobs import run_jobs
from core.models import User
from core.settings import Settings, get_settings
from core.uploads import Upload
from core.users import get_by_username


@st.cache_resource(show_spinner=False)
def _engine(db_url: str, data_dir: str) -> Engine:
    return prepare(settings=get_settings(), now=utcnow())


def settings() -> Settings:
    return get_settings()


def engine() -> Engine:
    s = settings()
    return _engine(s.db_url, str(s.data_dir))


@contextmanager
def db() -> Iterator[Session]:
    """One short transaction: commit on success, roll back on error."""
    with session_scope(engine()) as session:
        yield session


LANGUAGE_KEY = "language"  # our own key: Streamlit drops a widget's state when pages switch


def lang() -> str:
    return str(st.session_state.get(LANGUAGE_KEY, "id"))


def language_switch(codes: list[str]) -> None:
    """The sidebar switch; the choice is kept under LANGUAGE_KEY so it survives page changes."""
    names = {"id": "Indonesia", "en": "English"}

    def keep() -> None:
        st.session_state[LANGUAGE_KEY] = st.session_state["lang"]

    st.selectbox(
        "Bahasa / Language",
        codes,
        index=codes.index(lang()),
        key="lang",
        on_change=keep,
        format_func=names.__getitem__,
    )


def t(key: str, **values: object) -> str:
    return text(lang(), key, **values)


def current_user() -> User | None:
    """The signed-in user, read fresh from the database (roles in session state are not trusted)."""
    username = st.session_state.get("username")
    if not st.session_state.get("authentication_status") or not username:
        return None
    with db() as session:
        return get_by_username(session=session, username=str(username))


def require_role(*roles: str) -> User:
    """The current user, or stop the page when nobody or the wrong role is signed in."""
    user = current_user()
    if user is None or user.role not in roles:
        st.error(t("no_access"))
        st.stop()
    assert user is not None
    return user


def run(action: Callable[[Session], Any], success: str | None = None, *, rerun: bool = False) -> Any:
    """Run a service in one transaction; show its UserError as a message instead of a traceback.
    With `rerun`, a success reloads the page (its flash message shows after the reload) and a failure
    stays on screen."""
    try:
        with db() as session:
            result = action(session)
    except UserError as exc:
        st.error(exc.message(lang()))
        return None
    except (IntegrityError, OperationalError):
        st.error(t("conflict"))
        return None
    if success:
        st.session_state["flash"] = success
    if rerun:
        st.rerun()
    return result


def run_and_reload(action: Callable[[Session], Any], success: str) -> None:
    """Run a service, keep its outcome (success or error) for the next run, and reload the page: for
    actions whose own side effects (e.g. clearing the address bar) reload the page anyway."""
    try:
        with db() as session:
            action(session)
        st.session_state["flash"] = success
    except UserError as exc:
        st.session_state["flash_error"] = exc.message(lang())
    st.rerun()


def show_flash() -> None:
    message = st.session_state.pop("flash", None)
    if message:
        st.success(message)
    error = st.session_state.pop("flash_error", None)
    if error:
        st.error(error)


def upload_of(uploaded: Any) -> Upload | None:
    """A Streamlit UploadedFile as a plain Upload for the services."""
    if uploaded is None:
        return None
    return Upload(name=uploaded.name, data=uploaded.getvalue())


def cookie_key() -> str:
    """The cookie key from settings (a generated one in demo mode); the app stops without a safe key."""
    try:
        return resolve_cookie_key(settings())
    except UserError as exc:
        st.error(exc.message(lang()))
        st.stop()
        raise


TIMER_INTERVAL_SECONDS = 60


@st.cache_resource(show_spinner=False)
def _timer_state() -> dict[str, float]:
    return {"last": 0.0}


def enforce_timers() -> None:
    """Expire invoices and close finished requests on page load too, at most once a minute per process.
    The scheduled job does the same; both are idempotent."""
    state, now = _timer_state(), utcnow()
    if now.timestamp() - state["last"] < TIMER_INTERVAL_SECONDS:
        return
    state["last"] = now.timestamp()
    run_jobs(engine=engine(), settings=settings(), now=now)


def base_url() -> str:
    """Where email links point: SILASTIK_BASE_URL. Only in demo mode, when it is not set, the address
    this browser used (a browser's address can be forged, so production never trusts it)."""
    config = settings()
    if not config.demo or "base_url" in config.model_fields_set:
        return config.base_url
    parts = urlsplit(st.context.url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else config.base_url

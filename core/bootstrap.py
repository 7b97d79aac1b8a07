"""Start-up: migrate the schema and, in demo mode, create demo accounts and the demo catalog."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy.engine import Engine

from core.db import make_engine, migrate, session_scope
from core.errors import UserError
from core.settings import Settings


class DemoRefused(RuntimeError):
    pass


def prepare(*, settings: Settings, now: datetime, force_demo: bool = False) -> Engine:
    """A migrated engine for the configured database; demo data when SILASTIK_DEMO is on."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url = settings.db_url
    migrate(url)
    engine = make_engine(url)
    if settings.demo:
        if url.startswith("postgresql") and not force_demo:
            raise DemoRefused(
                "Mode demo ditolak untuk PostgreSQL (DATABASE_URL); gunakan --force jika disengaja."
            )
        seed_demo(engine=engine, settings=settings, now=now)
    return engine


def seed_demo(*, engine: Engine, settings: Settings, now: datetime) -> None:
    from catalog.demo import ensure_demo_catalog
    from core.users import ensure_demo_users

    with session_scope(engine) as session:
        ensure_demo_users(session=session, now=now)
    with session_scope(engine) as session:
        ensure_demo_catalog(
            session=session, catalog_dir=settings.catalog_dir, work_dir=settings.data_dir / "tmp", now=now
        )


MIN_COOKIE_KEY = 32
KNOWN_DEFAULT_KEYS = {"some_key", "some_signature_key", "abcdef", "changeme", "secret"}


def resolve_cookie_key(settings: Settings) -> str:
    """The configured cookie key; in demo mode a random one kept in DATA_DIR. Refuses weak keys."""
    key = settings.cookie_key
    if not key and settings.demo:
        path = settings.data_dir / ".cookie_key"
        if not path.exists():
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        key = path.read_text().strip()
    if not key:
        raise UserError("err_cookie_key_missing")
    if len(key) < MIN_COOKIE_KEY or key in KNOWN_DEFAULT_KEYS:
        raise UserError("err_cookie_key_weak", n=MIN_COOKIE_KEY)
    return key

"""Start-up: migrate the schema and, in demo mode, create demo accounts and the demo catalog."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine

from core.db import make_engine, migrate, session_scope
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

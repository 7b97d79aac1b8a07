"""Start-up: the cookie key rules, migration on start, and demo mode (refused on PostgreSQL)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect
from sqlmodel import Session, SQLModel, select

from core.bootstrap import DemoRefused, prepare, resolve_cookie_key
from core.errors import UserError
from core.models import Dataset, User
from core.settings import Settings
from tests.conftest import NOW, ROOT

GOOD_KEY = "k7Qm2v9XrT4pL8sN1wE6yH3uJ0bC5dFa"  # 32 characters


def settings_for(data_dir: Path, *, key: str = "", demo: bool = False, url: str = "") -> Settings:
    return Settings(DATA_DIR=data_dir, SILASTIK_COOKIE_KEY=key, SILASTIK_DEMO=demo, DATABASE_URL=url)


def test_a_missing_cookie_key_is_refused_outside_demo_mode(data_dir):
    with pytest.raises(UserError, match="SILASTIK_COOKIE_KEY belum diatur"):
        resolve_cookie_key(settings_for(data_dir))
    assert not (data_dir / ".cookie_key").exists()


@pytest.mark.parametrize("key", ["a" * 31, "some_key", "some_signature_key", "abcdef", "changeme", "secret"])
def test_a_short_or_default_cookie_key_is_refused(data_dir, key):
    for demo in (False, True):
        with pytest.raises(UserError, match="terlalu pendek atau bawaan: minimal 32 karakter"):
            resolve_cookie_key(settings_for(data_dir, key=key, demo=demo))


def test_a_long_configured_cookie_key_is_used_as_it_is(data_dir):
    assert resolve_cookie_key(settings_for(data_dir, key=GOOD_KEY)) == GOOD_KEY
    assert resolve_cookie_key(settings_for(data_dir, key=GOOD_KEY, demo=True)) == GOOD_KEY
    assert not (data_dir / ".cookie_key").exists()


def test_demo_mode_makes_one_random_key_and_keeps_it_in_data_dir(tmp_path):
    data_dir = tmp_path / "belum-ada"
    first = resolve_cookie_key(settings_for(data_dir, demo=True))
    kept = data_dir / ".cookie_key"
    assert kept.read_text() == first and len(first) >= 32
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert resolve_cookie_key(settings_for(data_dir, demo=True)) == first
    other = resolve_cookie_key(settings_for(tmp_path / "lain", demo=True))
    assert other != first


def test_demo_mode_refuses_a_weak_key_file_someone_left_in_data_dir(data_dir):
    (data_dir / ".cookie_key").write_text("secret\n")
    with pytest.raises(UserError, match="terlalu pendek"):
        resolve_cookie_key(settings_for(data_dir, demo=True))


def test_prepare_migrates_the_embedded_sqlite_database_without_demo_data(data_dir):
    settings = settings_for(data_dir)
    engine = prepare(settings=settings, now=NOW)
    try:
        assert str(engine.url) == settings.db_url == f"sqlite:///{(data_dir / 'silastik.db').resolve()}"
        assert set(SQLModel.metadata.tables) <= set(inspect(engine).get_table_names())
        with Session(engine) as session:
            assert session.exec(select(User)).all() == []
    finally:
        engine.dispose()


def test_prepare_in_demo_mode_seeds_accounts_and_catalog_once(data_dir):
    settings = settings_for(data_dir, demo=True)
    for _ in range(2):
        engine = prepare(settings=settings, now=NOW)
        with Session(engine) as session:
            users = sorted(u.username for u in session.exec(select(User)))
            datasets = session.exec(select(Dataset)).all()
        engine.dispose()
        assert users == ["admin", "manajer", "pelanggan", "petugas"]
        assert sorted(d.survey for d in datasets) == ["PODES", "SUSENAS"]


def test_prepare_refuses_demo_mode_on_postgresql_and_seeds_nothing(data_dir, pg_url):
    with pytest.raises(DemoRefused, match="Mode demo ditolak untuk PostgreSQL"):
        prepare(settings=settings_for(data_dir, demo=True, url=pg_url), now=NOW)
    engine = prepare(settings=settings_for(data_dir, url=pg_url), now=NOW)
    try:
        with Session(engine) as session:
            assert session.exec(select(User)).all() == []
            assert session.exec(select(Dataset)).all() == []
    finally:
        engine.dispose()


def test_prepare_seeds_demo_data_on_postgresql_when_forced(data_dir, pg_url):
    engine = prepare(settings=settings_for(data_dir, demo=True, url=pg_url), now=NOW, force_demo=True)
    try:
        with Session(engine) as session:
            assert len(session.exec(select(User)).all()) == 4
            assert len(session.exec(select(Dataset)).all()) == 2
    finally:
        engine.dispose()


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILASTIK_") and k != "DATABASE_URL"}
    return subprocess.run(
        [sys.executable, "-m", "core", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_setup_command_refuses_demo_mode_on_postgresql_with_exit_code_2(data_dir, pg_url):
    result = run_cli("setup", env={"DATA_DIR": str(data_dir), "DATABASE_URL": pg_url, "SILASTIK_DEMO": "1"})
    assert result.returncode == 2
    assert result.stderr.startswith("Galat: Mode demo ditolak untuk PostgreSQL")
    assert result.stdout == ""


def test_the_setup_command_migrates_sqlite_and_names_the_database(data_dir):
    result = run_cli("setup", env={"DATA_DIR": str(data_dir)})
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Basis data siap: sqlite:///{(data_dir / 'silastik.db').resolve()}\n"
    assert (data_dir / "silastik.db").exists()

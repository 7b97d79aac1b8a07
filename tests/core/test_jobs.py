"""The scheduled job: expire unpaid invoices, close deliveries whose revision window is over."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from core.clock import parse_iso
from core.db import make_engine, migrate
from core.jobs import run_jobs
from core.models import AuditEvent, DataRequest
from core.settings import Settings
from tests.conftest import NOW, ROOT
from tests.factories import add_confirmed_payment, add_invoice, make_request, make_user

CLI_NOW = "2027-02-01T00:00:00+07:00"


def build_cases(session: Session, now=NOW) -> dict[str, int]:
    """One request per case; returns their ids by case name."""
    customer = make_user(session, now=now)

    def request(status: str) -> DataRequest:
        return make_request(session, customer=customer, status=status, now=now)

    expired = request("awaiting_payment")
    add_invoice(session, expired, now=now - timedelta(days=40), valid_days=30)
    valid = request("awaiting_payment")
    add_invoice(session, valid, now=now - timedelta(days=10), valid_days=30)
    paid = request("awaiting_payment")
    add_invoice(session, paid, now=now - timedelta(days=40), valid_days=30)
    add_confirmed_payment(session, paid, now=now)
    no_invoice = request("awaiting_payment")
    window_over = request("delivered")
    window_over.first_delivered_at = now - timedelta(days=31)
    window_open = request("delivered")
    window_open.first_delivered_at = now - timedelta(days=10)
    in_revision = request("revision")
    in_revision.first_delivered_at = now - timedelta(days=60)
    approved = request("approved")
    add_invoice(session, approved, now=now - timedelta(days=40), valid_days=30)
    for req in (window_over, window_open, in_revision):
        session.add(req)
    session.commit()
    return {
        "expired": expired.id,
        "valid": valid.id,
        "paid": paid.id,
        "no_invoice": no_invoice.id,
        "window_over": window_over.id,
        "window_open": window_open.id,
        "in_revision": in_revision.id,
        "approved": approved.id,
    }


def statuses(engine: Engine, ids: dict[str, int]) -> dict[str, str]:
    with Session(engine) as session:
        return {case: session.get(DataRequest, rid).status for case, rid in ids.items()}


def numbers(engine: Engine, *ids: int) -> list[str]:
    with Session(engine) as session:
        return [session.get(DataRequest, rid).number for rid in ids]


EXPECTED_AFTER_RUN = {
    "expired": "expired",
    "valid": "awaiting_payment",
    "paid": "awaiting_payment",
    "no_invoice": "awaiting_payment",
    "window_over": "closed",
    "window_open": "delivered",
    "in_revision": "revision",
    "approved": "approved",
}


def test_the_job_expires_unpaid_invoices_and_closes_finished_deliveries_only(engine, data_dir):
    with Session(engine) as session:
        ids = build_cases(session)
    report = run_jobs(engine=engine, settings=Settings(DATA_DIR=data_dir), now=NOW)
    assert report.expired == numbers(engine, ids["expired"])
    assert report.closed == numbers(engine, ids["window_over"])
    assert report.summary() == "kedaluwarsa: 1, ditutup: 1"
    assert statuses(engine, ids) == EXPECTED_AFTER_RUN
    with Session(engine) as session:
        closed = session.get(DataRequest, ids["window_over"])
        assert closed.closed_at == NOW
        trail = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
        assert [
            (a.request_id, a.event, a.from_status, a.to_status, a.actor_id, a.note, a.at) for a in trail
        ] == [
            (ids["expired"], "expire", "awaiting_payment", "expired", None, "otomatis oleh jadwal", NOW),
            (ids["window_over"], "close", "delivered", "closed", None, "otomatis oleh jadwal", NOW),
        ]


def test_a_second_run_changes_nothing(engine, data_dir):
    with Session(engine) as session:
        ids = build_cases(session)
    settings = Settings(DATA_DIR=data_dir)
    run_jobs(engine=engine, settings=settings, now=NOW)
    again = run_jobs(engine=engine, settings=settings, now=NOW + timedelta(minutes=5))
    assert (again.expired, again.closed, again.summary()) == ([], [], "kedaluwarsa: 0, ditutup: 0")
    assert statuses(engine, ids) == EXPECTED_AFTER_RUN
    with Session(engine) as session:
        assert len(session.exec(select(AuditEvent)).all()) == 2


def test_the_revision_window_comes_from_the_settings(engine, data_dir):
    with Session(engine) as session:
        ids = build_cases(session)
    report = run_jobs(
        engine=engine, settings=Settings(DATA_DIR=data_dir, SILASTIK_REVISION_WINDOW_DAYS=45), now=NOW
    )
    assert report.closed == []
    assert statuses(engine, ids)["window_over"] == "delivered"


def test_nothing_happens_before_the_deadlines(engine, data_dir):
    with Session(engine) as session:
        customer = make_user(session, now=NOW)
        req = make_request(session, customer=customer, status="awaiting_payment", now=NOW)
        invoice = add_invoice(session, req, now=NOW, valid_days=30)
        delivered = make_request(session, customer=customer, status="delivered", now=NOW)
        delivered.first_delivered_at = NOW
        session.add(delivered)
        session.commit()
        deadline = invoice.valid_until
    settings = Settings(DATA_DIR=data_dir)
    early = run_jobs(engine=engine, settings=settings, now=deadline - timedelta(seconds=1))
    assert (early.expired, early.closed) == ([], [])
    on_time = run_jobs(engine=engine, settings=settings, now=deadline)
    assert len(on_time.expired) == 1 and on_time.closed == []
    window_end = NOW + timedelta(days=30)
    assert run_jobs(engine=engine, settings=settings, now=window_end).closed == []
    assert len(run_jobs(engine=engine, settings=settings, now=window_end + timedelta(seconds=1)).closed) == 1


def cli_env(data_dir: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SILASTIK_") and k != "DATABASE_URL"}
    return {**clean, "DATA_DIR": str(data_dir)}


def run_cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "core", *args],
        cwd=ROOT,
        env=cli_env(data_dir),
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_jobs_command_runs_on_the_database_in_data_dir_and_prints_a_summary(tmp_path):
    url = Settings(DATA_DIR=tmp_path, DATABASE_URL="").db_url
    assert url == f"sqlite:///{(tmp_path / 'silastik.db').resolve()}"
    migrate(url)
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            ids = build_cases(session, now=parse_iso(CLI_NOW))
        expired_number, closed_number = numbers(engine, ids["expired"], ids["window_over"])
    finally:
        engine.dispose()

    result = run_cli("jobs", "run", "--now", CLI_NOW, data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "kedaluwarsa: 1, ditutup: 1",
        f"kedaluwarsa {expired_number}",
        f"ditutup {closed_number}",
    ]
    engine = make_engine(url)
    try:
        assert statuses(engine, ids) == EXPECTED_AFTER_RUN
        with Session(engine) as session:
            assert session.get(DataRequest, ids["window_over"]).closed_at == parse_iso(CLI_NOW)
    finally:
        engine.dispose()

    again = run_cli("jobs", "run", "--now", CLI_NOW, data_dir=tmp_path)
    assert (again.returncode, again.stdout) == (0, "kedaluwarsa: 0, ditutup: 0\n")


def test_the_jobs_command_refuses_a_bad_now_with_exit_code_2(tmp_path):
    result = run_cli("jobs", "run", "--now", "kemarin sore", data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "Galat: waktu --now tidak valid: kemarin sore\n"
    assert result.stdout == ""
    assert not (tmp_path / "silastik.db").exists()


def test_the_jobs_command_without_an_action_is_a_usage_error(tmp_path):
    result = run_cli("jobs", data_dir=tmp_path)
    assert result.returncode == 2
    assert "usage: python -m core jobs" in result.stderr

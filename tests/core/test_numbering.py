"""Document numbers: one sequence per kind and year, e.g. INV/1117/2026/00001; never reused."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import text
from sqlmodel import Session

from core.db import make_engine, migrate
from core.documents import tanggal
from core.numbering import next_number
from tests.conftest import NOW

NEXT_YEAR = datetime(2027, 1, 2, 3, 0, tzinfo=UTC)


def take(session: Session, kind: str = "invoice", now: datetime = NOW) -> str:
    return next_number(session=session, kind=kind, office_code="1117", now=now)


def test_the_first_invoice_of_the_year_is_00001_and_the_next_ones_follow(session):
    assert [take(session) for _ in range(3)] == [
        "INV/1117/2026/00001",
        "INV/1117/2026/00002",
        "INV/1117/2026/00003",
    ]


def test_a_new_year_starts_again_at_00001_and_the_old_year_carries_on(session):
    take(session)
    take(session)
    assert take(session, now=NEXT_YEAR) == "INV/1117/2027/00001"
    assert take(session, now=NOW) == "INV/1117/2026/00003"


def test_each_kind_has_its_own_sequence_and_prefix(session):
    assert take(session, "invoice") == "INV/1117/2026/00001"
    assert take(session, "invoice") == "INV/1117/2026/00002"
    assert take(session, "sppd") == "SPPD/1117/2026/00001"
    assert take(session, "receipt") == "KWT/1117/2026/00001"
    assert take(session, "request") == "REQ/1117/2026/00001"
    assert take(session, "memo") == "MEMO/1117/2026/00001"


def test_the_office_code_comes_from_the_caller(session):
    assert next_number(session=session, kind="invoice", office_code="1100", now=NOW) == "INV/1100/2026/00001"


def test_a_number_is_never_reused_across_transactions(engine):
    taken = []
    for _ in range(3):
        with Session(engine) as session:
            taken.append(take(session))
            session.commit()
    with Session(engine) as session:
        take(session)
        session.rollback()  # a number whose transaction failed was never issued
    with Session(engine) as session:
        taken.append(take(session))
        session.commit()
    assert taken == [f"INV/1117/2026/{n:05d}" for n in (1, 2, 3, 4)]
    assert len(set(taken)) == len(taken)


def test_the_number_carries_the_year_of_the_date_printed_on_the_document(session):
    new_year_in_jakarta = datetime(2026, 12, 31, 18, 0, tzinfo=UTC)  # 1 Jan 2027, 01:00 WIB
    assert tanggal(new_year_in_jakarta) == "1 Januari 2027"
    assert take(session, now=new_year_in_jakarta) == "INV/1117/2027/00001"


def _wait_until_blocked(session: Session, database: str, deadline_s: float = 20.0) -> None:
    """Return once another connection to `database` waits on a row lock (polled, bounded)."""
    pause = threading.Event()
    for _ in range(int(deadline_s / 0.02)):
        waiting = session.execute(
            text("SELECT count(*) FROM pg_stat_activity WHERE datname = :db AND wait_event_type = 'Lock'"),
            {"db": database},
        ).scalar_one()
        session.rollback()  # pg_stat_activity is a snapshot per transaction
        if waiting:
            return
        pause.wait(0.02)
    raise AssertionError("the second session never waited on the first one")


def _race(pg_url: str, *, numbers_before: int) -> tuple[str, str]:
    """Two officers take an invoice number at once on PostgreSQL; the second waits for the first."""
    migrate(pg_url)
    engine = make_engine(pg_url)
    results: dict[str, object] = {}

    def second_officer() -> None:
        try:
            with Session(engine) as other:
                results["number"] = take(other)
                other.commit()
        except Exception as exc:  # handed to the main thread
            results["error"] = exc

    try:
        with Session(engine) as earlier:
            for _ in range(numbers_before):
                take(earlier)
            earlier.commit()
        with Session(engine) as first:
            mine = take(first)
            worker = threading.Thread(target=second_officer)
            worker.start()
            with Session(engine) as watcher:
                _wait_until_blocked(watcher, engine.url.database or "")
            first.commit()
        worker.join(timeout=30)
        if "error" in results:
            raise results["error"]  # type: ignore[misc]
        return mine, str(results["number"])
    finally:
        engine.dispose()


def test_two_officers_taking_numbers_at_once_on_postgresql_get_consecutive_numbers(pg_url):
    assert _race(pg_url, numbers_before=1) == ("INV/1117/2026/00002", "INV/1117/2026/00003")


def test_two_officers_taking_the_first_number_of_the_year_at_once_get_00001_and_00002(pg_url):
    assert _race(pg_url, numbers_before=0) == ("INV/1117/2026/00001", "INV/1117/2026/00002")

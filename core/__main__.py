"""`python -m core jobs run [--now ISO-8601]` and `python -m core setup`."""

from __future__ import annotations

import argparse
import sys

from core.bootstrap import DemoRefused, prepare
from core.clock import parse_iso, utcnow
from core.db import make_engine, migrate
from core.jobs import run_jobs
from core.settings import get_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core", description="Silastik Mikro: tugas terjadwal")
    sub = parser.add_subparsers(dest="command", required=True)
    jobs = sub.add_parser("jobs", help="tugas terjadwal")
    jobs_sub = jobs.add_subparsers(dest="action", required=True)
    run = jobs_sub.add_parser("run", help="kedaluwarsakan invoice dan tutup transaksi")
    run.add_argument("--now", help="waktu acuan ISO-8601 (bawaan: sekarang)")
    setup = sub.add_parser("setup", help="migrasi skema (dan data demo bila SILASTIK_DEMO=1)")
    setup.add_argument("--force", action="store_true", help="izinkan mode demo pada PostgreSQL")
    args = parser.parse_args(argv)
    settings = get_settings()
    try:
        now = parse_iso(args.now) if getattr(args, "now", None) else utcnow()
    except ValueError:
        print(f"Galat: waktu --now tidak valid: {args.now}", file=sys.stderr)
        return 2
    if args.command == "jobs":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        migrate(settings.db_url)  # no demo seeding here: the job only enforces timers
        engine = make_engine(settings.db_url)
        report = run_jobs(engine=engine, settings=settings, now=now)
        print(report.summary())
        for number in report.expired:
            print(f"kedaluwarsa {number}")
        for number in report.closed:
            print(f"ditutup {number}")
    else:
        try:
            prepare(settings=settings, now=now, force_demo=args.force).dispose()
        except DemoRefused as exc:
            print(f"Galat: {exc}", file=sys.stderr)
            return 2
        print(f"Basis data siap: {settings.db_url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

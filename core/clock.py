"""Time lives here: aware UTC in the database and services, Asia/Jakarta on screen."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")


def utcnow() -> datetime:
    """The current time in UTC. Only the UI and CLIs call this; services take `now`."""
    return datetime.now(UTC)


def parse_iso(text: str) -> datetime:
    """An ISO-8601 time as aware UTC (a time without zone is taken as UTC)."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def local_date(value: datetime) -> date:
    """The calendar date in Jakarta of a stored time (what the office and the customer call "today")."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(JAKARTA).date()


def local(value: datetime | None) -> str:
    """A stored time as Jakarta time for the screen."""
    if value is None:
        return "-"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(JAKARTA).strftime("%d-%m-%Y %H:%M WIB")


def add_months(value: datetime, months: int) -> datetime:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = value.month - 1 + months
    year, month = value.year + index // 12, index % 12 + 1
    day = min(value.day, calendar.monthrange(year, month)[1])
    return value.replace(year=year, month=month, day=day)

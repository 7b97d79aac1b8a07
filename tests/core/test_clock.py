"""Time: aware UTC in services, Jakarta time (WIB) on screen, months clamped to the month's end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.clock import add_months, local, parse_iso, utcnow


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (utc(2026, 1, 31, 3), 1, utc(2026, 2, 28, 3)),
        (utc(2028, 1, 31, 3), 1, utc(2028, 2, 29, 3)),  # leap year
        (utc(2026, 3, 31, 3), 1, utc(2026, 4, 30, 3)),
        (utc(2026, 12, 1, 3), 1, utc(2027, 1, 1, 3)),
        (utc(2026, 12, 31, 23, 59), 1, utc(2027, 1, 31, 23, 59)),
        (utc(2026, 11, 30, 3), 3, utc(2027, 2, 28, 3)),
        (utc(2026, 5, 15, 3), 12, utc(2027, 5, 15, 3)),
        (utc(2026, 5, 15, 3), 0, utc(2026, 5, 15, 3)),
        (utc(2027, 1, 15, 3), -1, utc(2026, 12, 15, 3)),
        (utc(2026, 3, 31, 3), -1, utc(2026, 2, 28, 3)),
    ],
)
def test_add_months_keeps_the_day_or_clamps_it_to_the_months_last_day(start, months, end):
    moved = add_months(start, months)
    assert moved == end
    assert moved.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2027-02-01T00:00:00+07:00", utc(2027, 1, 31, 17)),
        ("2027-02-01T00:00:00Z", utc(2027, 2, 1)),
        ("2027-02-01T00:00:00+00:00", utc(2027, 2, 1)),
        ("2027-02-01T00:00:00", utc(2027, 2, 1)),  # no zone: taken as UTC
        ("2027-02-01", utc(2027, 2, 1)),
        ("2027-02-01T08:30:15.250-05:00", utc(2027, 2, 1, 13, 30, 15, 250_000)),
    ],
)
def test_parse_iso_gives_aware_utc_with_or_without_a_zone(text, value):
    parsed = parse_iso(text)
    assert parsed == value
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["besok", "2027-02-30T00:00:00", "01-02-2027", ""])
def test_parse_iso_refuses_what_is_not_an_iso_time(text):
    with pytest.raises(ValueError):
        parse_iso(text)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (utc(2026, 12, 1, 3), "01-12-2026 10:00 WIB"),
        (utc(2026, 12, 31, 18, 5), "01-01-2027 01:05 WIB"),
        (datetime(2026, 12, 1, 3), "01-12-2026 10:00 WIB"),  # a naive time is UTC
        (utc(2026, 12, 1, 10), "01-12-2026 17:00 WIB"),
        (None, "-"),
    ],
)
def test_local_shows_jakarta_time_marked_wib(value, shown):
    assert local(value) == shown


def test_utcnow_is_aware_utc():
    now = utcnow()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(minutes=1)

"""The row-filter mini-language: valid filters become parameterized SQL, anything else is refused."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest

from catalog.errors import CatalogError
from catalog.filters import parse_filter

COLUMNS = {"R101": "numeric", "R102": "string", "R407": "numeric", "NAMA_KAB": "string", "TGL": "date"}


def test_empty_text_is_no_filter() -> None:
    assert parse_filter("", COLUMNS) == ("", [])
    assert parse_filter("   ", COLUMNS) == ("", [])


def test_a_comparison_becomes_a_quoted_column_and_a_parameter() -> None:
    assert parse_filter("R101 = 15", COLUMNS) == ('("R101" = ?)', [15])
    assert parse_filter("R407 >= 15.5", COLUMNS) == ('("R407" >= ?)', [15.5])
    assert parse_filter("R101 == 15", COLUMNS) == ('("R101" = ?)', [15])
    assert parse_filter("R101 != 15", COLUMNS) == ('("R101" <> ?)', [15])


def test_in_between_and_or_with_parentheses_nest_as_written() -> None:
    sql, params = parse_filter(
        "r101 IN (15, 16) and (R407 between 15 and 64 OR NAMA_KAB = 'KERINCI')", COLUMNS
    )
    assert sql == '(("R101" IN (?, ?)) AND (("R407" BETWEEN ? AND ?) OR ("NAMA_KAB" = ?)))'
    assert params == [15, 16, 15, 64, "KERINCI"]


def test_and_binds_tighter_than_or() -> None:
    sql, params = parse_filter("R101 = 1 or R101 = 2 and R407 < 5", COLUMNS)
    assert sql == '(("R101" = ?) OR (("R101" = ?) AND ("R407" < ?)))'
    assert params == [1, 2, 5]


def test_a_number_typed_for_a_text_column_keeps_its_leading_zero() -> None:
    assert parse_filter("R102 = 01", COLUMNS) == ('("R102" = ?)', ["01"])


def test_quotes_inside_strings_are_doubled_and_stay_in_the_parameter() -> None:
    assert parse_filter("NAMA_KAB = 'O''Brien'", COLUMNS) == ('("NAMA_KAB" = ?)', ["O'Brien"])
    assert parse_filter('NAMA_KAB = "x; drop table y"', COLUMNS) == ('("NAMA_KAB" = ?)', ["x; drop table y"])


def test_a_date_column_compares_with_a_quoted_iso_date() -> None:
    assert parse_filter("TGL >= '2020-03-01'", COLUMNS) == ('("TGL" >= ?)', [datetime(2020, 3, 1)])


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("R101 = 1; drop table x", "karakter tidak dikenal"),
        ("R101 = 1 -- komentar", "karakter tidak dikenal"),
        ("R999 = 1", "R999 tidak ada"),
        ("R101 = '15'", "variabel angka"),
        ("R101 =", "diharapkan angka"),
        ("R101 15", "diharapkan operator"),
        ("(R101 = 1", "diharapkan ')'"),
        ("R101 in ()", "diharapkan angka"),
        ("R407 between 1 or 5", "memerlukan 'and'"),
        ("R101 = 1 R407 = 2", "tidak dipahami"),
        ("TGL = 'kemarin'", "bukan tanggal"),
        ("and = 1", "diharapkan nama variabel"),
        ("(" * 30 + "R101 = 1" + ")" * 30, "bersarang"),
    ],
)
def test_invalid_filters_are_refused_in_indonesian(text: str, reason: str) -> None:
    with pytest.raises(CatalogError, match="^Filter tidak valid") as caught:
        parse_filter(text, COLUMNS)
    assert reason in str(caught.value)


def test_a_filter_longer_than_the_stored_limit_is_refused() -> None:
    with pytest.raises(CatalogError, match="1000 karakter"):
        parse_filter(" or ".join(["R101 = 1"] * 200), COLUMNS)


def test_the_generated_clause_runs_in_duckdb() -> None:
    sql, params = parse_filter("R101 in (15, 16) and NAMA_KAB <> 'X'", COLUMNS)
    connection = duckdb.connect()
    try:
        connection.execute(
            "CREATE TABLE t AS SELECT * FROM (VALUES (15, 'A'), (16, 'X'), (17, 'B')) v(\"R101\", \"NAMA_KAB\")"
        )
        rows = connection.execute(f"SELECT count(*) FROM t WHERE {sql}", params).fetchone()
    finally:
        connection.close()
    assert rows == (1,)

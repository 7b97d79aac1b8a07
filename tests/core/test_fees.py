"""The PNBP microdata tariff applied to delivered file sizes."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from core.fees import (
    DEFAULT_TARIFF,
    TABULATION_TARIFF,
    ZERO_TARIFF_NOTE,
    FeeLine,
    Tariff,
    extra_blocks,
    fee_for_bytes,
    invoice_lines,
    total_idr,
)


@pytest.mark.parametrize(
    ("size_bytes", "fee"),
    [
        (0, 20_000),
        (1, 20_000),
        (999_999, 20_000),
        (1_000_000, 20_000),
        (1_000_001, 20_020),
        (1_001_000, 20_020),
        (1_001_001, 20_040),
        (1_002_000, 20_040),
        (5_500_000, 20_000 + 4_500 * 20),
    ],
)
def test_default_tariff_charges_base_up_to_1_mb_then_20_per_started_1000_bytes(
    size_bytes: int, fee: int
) -> None:
    assert fee_for_bytes(size_bytes) == fee


def test_an_empty_file_still_pays_the_base_fee_per_dataset() -> None:
    assert fee_for_bytes(0) == DEFAULT_TARIFF.base_idr


@pytest.mark.parametrize(
    ("size_bytes", "fee"), [(1_000_000, 22_000), (1_000_001, 22_022), (1_001_001, 22_044)]
)
def test_tabulation_tariff_charges_22000_and_22_per_block(size_bytes: int, fee: int) -> None:
    assert fee_for_bytes(size_bytes, TABULATION_TARIFF) == fee


def test_a_partial_block_counts_as_a_whole_one() -> None:
    assert extra_blocks(1_000_001) == 1
    assert extra_blocks(1_001_000) == 1
    assert extra_blocks(1_001_001) == 2


@pytest.mark.parametrize("bad", [-1, 1.5, True, "10"])
def test_fee_for_bytes_refuses_negative_or_non_integer_sizes(bad: object) -> None:
    with pytest.raises(ValueError):
        fee_for_bytes(bad)  # type: ignore[arg-type]


def test_the_default_tariff_is_pp_13_2024_tanpa_proses_data() -> None:
    assert "13 Tahun 2024" in DEFAULT_TARIFF.regulation
    assert (DEFAULT_TARIFF.base_idr, DEFAULT_TARIFF.per_block_idr) == (20_000, 20)
    assert (DEFAULT_TARIFF.included_bytes, DEFAULT_TARIFF.block_bytes) == (1_000_000, 1_000)
    assert isinstance(DEFAULT_TARIFF.effective_from, date)


def test_a_tariff_is_immutable_data() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_TARIFF.base_idr = 0  # type: ignore[misc]


def test_a_custom_tariff_changes_the_fee_without_code_changes() -> None:
    mebibyte = dataclasses.replace(DEFAULT_TARIFF, included_bytes=1_048_576, block_bytes=1_024)
    assert fee_for_bytes(1_048_576, mebibyte) == 20_000
    assert fee_for_bytes(1_048_577, mebibyte) == 20_020


@pytest.mark.parametrize(
    "changes",
    [{"block_bytes": 0}, {"base_idr": -1}, {"per_block_idr": -20}, {"included_bytes": -1}, {"base_idr": 1.5}],
)
def test_an_impossible_tariff_is_refused(changes: dict) -> None:
    with pytest.raises(ValueError):
        Tariff(**{**dataclasses.asdict(DEFAULT_TARIFF), **changes})


def test_invoice_lines_give_one_line_per_dataset_with_its_fee() -> None:
    lines = invoice_lines([("Susenas 2025", 1_001_000), ("Sakernas 2025", 500)], zero_tariff=False)
    assert [(line.description, line.size_bytes, line.amount_idr) for line in lines] == [
        ("Susenas 2025", 1_001_000, 20_020),
        ("Sakernas 2025", 500, 20_000),
    ]
    assert "Rp20.000" in lines[0].note and "1 × Rp20" in lines[0].note
    assert total_idr(lines) == 40_020


def test_zero_tariff_lists_every_dataset_at_rp0_with_a_note() -> None:
    lines = invoice_lines([("Susenas 2025", 5_500_000), ("Sakernas 2025", 10)], zero_tariff=True)
    assert [line.amount_idr for line in lines] == [0, 0]
    assert all(line.note == ZERO_TARIFF_NOTE == "Tarif Rp0" for line in lines)
    assert [line.size_bytes for line in lines] == [5_500_000, 10]
    assert total_idr(lines) == 0


def test_invoice_lines_refuse_a_negative_size_even_at_rp0() -> None:
    with pytest.raises(ValueError):
        invoice_lines([("Susenas 2025", -1)], zero_tariff=True)
    with pytest.raises(ValueError):
        invoice_lines([("Susenas 2025", -1)], zero_tariff=False)


def test_invoice_lines_use_the_tariff_given() -> None:
    lines = invoice_lines([("Tabel kemiskinan", 1_000_001)], zero_tariff=False, tariff=TABULATION_TARIFF)
    assert lines[0].amount_idr == 22_022


def test_total_of_no_lines_is_zero() -> None:
    assert total_idr([]) == 0
    assert total_idr([FeeLine("a", 1, 5), FeeLine("b", 2, 7)]) == 12

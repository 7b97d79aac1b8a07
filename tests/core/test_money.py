"""Rupiah formatting and amounts in words."""

from __future__ import annotations

import pytest

from core.money import format_idr, format_thousands, terbilang, terbilang_rupiah


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (0, "Rp0"),
        (999, "Rp999"),
        (1_000, "Rp1.000"),
        (20_020, "Rp20.020"),
        (1_250_000, "Rp1.250.000"),
        (-5_000, "-Rp5.000"),
        (1_000_000_000_000, "Rp1.000.000.000.000"),
    ],
)
def test_format_idr_writes_rupiah_with_thousands_dots(amount: int, text: str) -> None:
    assert format_idr(amount) == text


def test_format_thousands_groups_digits_with_dots() -> None:
    assert format_thousands(5_500_000) == "5.500.000"
    assert format_thousands(-1_001) == "-1.001"


@pytest.mark.parametrize("bad", [True, 1.5, "1000", None])
def test_format_idr_refuses_anything_but_an_int(bad: object) -> None:
    with pytest.raises(ValueError):
        format_idr(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1_000, "seribu"),
        (1_001, "seribu satu"),
        (1_100, "seribu seratus"),
        (2_000, "dua ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (20_020, "dua puluh ribu dua puluh"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (1_250_000, "satu juta dua ratus lima puluh ribu"),
        (1_000_000_000, "satu miliar"),
        (2_000_001_000, "dua miliar seribu"),
        (1_000_000_000_000, "satu triliun"),
        (
            999_999_999_999_999,
            "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan miliar "
            "sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan ribu "
            "sembilan ratus sembilan puluh sembilan",
        ),
    ],
)
def test_terbilang_spells_numbers_in_indonesian(number: int, words: str) -> None:
    assert terbilang(number) == words


@pytest.mark.parametrize("bad", [-1, True, False, 1.0, "5", None, 1000**5])
def test_terbilang_refuses_negatives_non_ints_and_numbers_past_triliun(bad: object) -> None:
    with pytest.raises(ValueError):
        terbilang(bad)  # type: ignore[arg-type]


def test_terbilang_rupiah_is_capitalised_and_ends_in_rupiah() -> None:
    assert terbilang_rupiah(1_250_000) == "Satu juta dua ratus lima puluh ribu rupiah"
    assert terbilang_rupiah(0) == "Nol rupiah"
    assert terbilang_rupiah(1_000) == "Seribu rupiah"


def test_terbilang_rupiah_refuses_a_negative_amount() -> None:
    with pytest.raises(ValueError):
        terbilang_rupiah(-20_000)

"""PNBP fees for microdata: a tariff schedule (data, not code) applied to delivered file sizes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date

from core.money import format_idr, format_thousands

ZERO_TARIFF_NOTE = "Tarif Rp0"


@dataclass(frozen=True)
class Tariff:
    """One tariff line of a regulation: a base fee per dataset covering `included_bytes`, then
    `per_block_idr` for each further `block_bytes` or part of it."""

    regulation: str
    effective_from: date
    base_idr: int
    block_bytes: int
    per_block_idr: int
    included_bytes: int
    service: str = "Data mikro tanpa proses data"

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if field.type == "int" and (isinstance(value, bool) or not isinstance(value, int)):
                raise ValueError(f"{field.name} harus bilangan bulat")
        if self.block_bytes <= 0:
            raise ValueError("block_bytes harus lebih dari 0")
        if min(self.base_idr, self.per_block_idr, self.included_bytes) < 0:
            raise ValueError("tarif dan batas ukuran tidak boleh negatif")


# PP 13/2024 replaced PP 7/2015. Amounts follow DESIGN §5; the annex and the effective date still
# have to be checked against the official text, which is why both are data an admin can edit.
PP_13_2024 = (
    "PP Nomor 13 Tahun 2024 tentang Jenis dan Tarif atas Jenis Penerimaan Negara Bukan Pajak "
    "yang Berlaku pada Badan Pusat Statistik"
)
PP_13_2024_EFFECTIVE = date(2024, 1, 1)

DEFAULT_TARIFF = Tariff(
    regulation=PP_13_2024,
    effective_from=PP_13_2024_EFFECTIVE,
    base_idr=20_000,
    block_bytes=1_000,
    per_block_idr=20,
    included_bytes=1_000_000,
    service="Data mikro tanpa proses data",
)

TABULATION_TARIFF = Tariff(
    regulation=PP_13_2024,
    effective_from=PP_13_2024_EFFECTIVE,
    base_idr=22_000,
    block_bytes=1_000,
    per_block_idr=22,
    included_bytes=1_000_000,
    service="Data mikro dengan proses data (tabulasi)",
)


@dataclass
class FeeLine:
    """One invoice line: one dataset, its delivered size and its fee."""

    description: str
    size_bytes: int
    amount_idr: int
    note: str = ""


def _require_size(size_bytes: int) -> int:
    if isinstance(size_bytes, bool) or not isinstance(size_bytes, int):
        raise ValueError("ukuran berkas harus bilangan bulat (byte)")
    if size_bytes < 0:
        raise ValueError("ukuran berkas tidak boleh negatif")
    return size_bytes


def extra_blocks(size_bytes: int, tariff: Tariff = DEFAULT_TARIFF) -> int:
    """Blocks beyond the included size; a partial block counts as a whole one."""
    over = max(0, _require_size(size_bytes) - tariff.included_bytes)
    return -(-over // tariff.block_bytes)


def fee_for_bytes(size_bytes: int, tariff: Tariff = DEFAULT_TARIFF) -> int:
    """The fee for one dataset file. Every dataset pays the base fee, even an empty file."""
    return tariff.base_idr + extra_blocks(size_bytes, tariff) * tariff.per_block_idr


def tariff_note(size_bytes: int, tariff: Tariff = DEFAULT_TARIFF) -> str:
    """How the fee was reached, for the invoice's tariff column."""
    blocks = extra_blocks(size_bytes, tariff)
    base = f"{format_idr(tariff.base_idr)} (s.d. {format_thousands(tariff.included_bytes)} byte)"
    if blocks == 0:
        return base
    return f"{base} + {format_thousands(blocks)} × {format_idr(tariff.per_block_idr)}"


def invoice_lines(
    items: list[tuple[str, int]], *, zero_tariff: bool, tariff: Tariff = DEFAULT_TARIFF
) -> list[FeeLine]:
    """One line per (dataset description, delivered size in bytes). Under the Rp0 tariff every
    line is still listed, with amount 0, so the invoice shows what was delivered."""
    lines = []
    for description, size_bytes in items:
        if zero_tariff:
            _require_size(size_bytes)
            lines.append(FeeLine(description, size_bytes, 0, ZERO_TARIFF_NOTE))
        else:
            amount = fee_for_bytes(size_bytes, tariff)
            lines.append(FeeLine(description, size_bytes, amount, tariff_note(size_bytes, tariff)))
    return lines


def total_idr(lines: Iterable[FeeLine]) -> int:
    """The invoice total."""
    return sum(line.amount_idr for line in lines)

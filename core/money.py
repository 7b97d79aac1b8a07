"""Rupiah on paper and on screen: "Rp1.250.000" and amounts in words (terbilang)."""

from __future__ import annotations

_DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Scale words for groups of three digits, from thousands up; index 0 is the units group.
_SCALES = ("", "ribu", "juta", "miliar", "triliun")
TERBILANG_LIMIT = 1000**5  # one past the largest amount that can be spelled (999 triliun ...)


def _require_int(value: object, what: str) -> int:
    # bool is an int subclass, but True rupiah is always a bug.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} harus bilangan bulat, bukan {type(value).__name__}")
    return value


def format_thousands(number: int) -> str:
    """An integer with Indonesian thousands dots: 1250000 -> "1.250.000"."""
    number = _require_int(number, "angka")
    sign = "-" if number < 0 else ""
    return sign + f"{abs(number):,}".replace(",", ".")


def format_idr(amount_idr: int) -> str:
    """Rupiah as written in BPS documents: "Rp1.250.000", "-Rp5.000", "Rp0"."""
    amount_idr = _require_int(amount_idr, "jumlah rupiah")
    sign = "-" if amount_idr < 0 else ""
    return f"{sign}Rp{format_thousands(abs(amount_idr))}"


def _below_twenty(n: int) -> list[str]:
    if n == 0:
        return []
    if n < 10:
        return [_DIGITS[n]]
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    return [_DIGITS[n - 10], "belas"]


def _below_hundred(n: int) -> list[str]:
    if n < 20:
        return _below_twenty(n)
    tens, units = divmod(n, 10)
    return [_DIGITS[tens], "puluh", *_below_twenty(units)]


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        head: list[str] = []
    elif hundreds == 1:
        head = ["seratus"]
    else:
        head = [_DIGITS[hundreds], "ratus"]
    return head + _below_hundred(rest)


def _groups_of_three(n: int) -> list[int]:
    """The digit groups of n, least significant first: 1250000 -> [0, 250, 1]."""
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    return groups


def terbilang(n: int) -> str:
    """A non-negative integer in Indonesian words, lowercase: 1250000 -> "satu juta dua ratus lima
    puluh ribu". Handles the irregular "seribu", "seratus", "sepuluh" and "sebelas"."""
    n = _require_int(n, "angka")
    if n < 0:
        raise ValueError("terbilang hanya untuk bilangan tidak negatif")
    if n >= TERBILANG_LIMIT:
        raise ValueError("angka terlalu besar untuk terbilang (batas: ratusan triliun)")
    if n == 0:
        return _DIGITS[0]
    words: list[str] = []
    for scale, group in reversed(list(enumerate(_groups_of_three(n)))):
        if group == 0:
            continue
        if scale == 1 and group == 1:
            words.append("seribu")
            continue
        words.extend(_below_thousand(group))
        if _SCALES[scale]:
            words.append(_SCALES[scale])
    return " ".join(words)


def terbilang_rupiah(amount_idr: int) -> str:
    """An amount in words as printed on invoices and receipts: "Satu juta dua ratus lima puluh ribu
    rupiah"."""
    words = terbilang(amount_idr)
    return f"{words[0].upper()}{words[1:]} rupiah"

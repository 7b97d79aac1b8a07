"""PDF documents rendered from plain values, read back with pypdf."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from core.documents import (
    OFFICE_ADDRESS,
    Party,
    render_codebook,
    render_invoice,
    render_receipt,
    render_sppd,
    tanggal,
)
from core.fees import DEFAULT_TARIFF, invoice_lines, total_idr

ISSUED = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)
VALID_UNTIL = datetime(2027, 1, 3, 3, 0, tzinfo=UTC)
UNICODE = "“kutipan” — • Ω"


def a_customer(**changes: str) -> Party:
    values = {
        "name": "Budi Santoso",
        "institution": "Universitas Syiah Kuala",
        "email": "budi@example.org",
        "npwp": "01.234.567.8-901.000",
        "address": "Jl. Teuku Nyak Arief, Banda Aceh",
    }
    return Party(**{**values, **changes})


def pdf_reader(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF")
    return PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    """All pages' text, whitespace folded so wrapped lines read as one."""
    text = "\n".join(page.extract_text() for page in pdf_reader(pdf).pages)
    return " ".join(text.split())


def an_invoice(**changes: object) -> bytes:
    lines = invoice_lines([("Susenas Maret 2025", 1_001_000)], zero_tariff=False)
    values: dict = {
        "number": "INV/1117/2026/00042",
        "issued_at": ISSUED,
        "valid_until": VALID_UNTIL,
        "customer": a_customer(),
        "lines": lines,
        "total_idr": total_idr(lines),
        "payment_instructions": "Bayar dengan kode billing SIMPONI 820261203000042.",
        "regulation": DEFAULT_TARIFF.regulation,
        "request_number": "PRM/2026/00017",
    }
    return render_invoice(**{**values, **changes})


def an_sppd(variables: list[tuple[str, str]], **changes: object) -> bytes:
    values: dict = {
        "number": "SPPD/1117/2026/00042",
        "issued_at": ISSUED,
        "customer": a_customer(),
        "request_number": "PRM/2026/00017",
        "datasets": [("Susenas Maret 2025 KOR", variables)],
        "purpose": "Analisis kemiskinan rumah tangga untuk skripsi.",
    }
    return render_sppd(**{**values, **changes})


def a_receipt(**changes: object) -> bytes:
    values: dict = {
        "number": "KW/1117/2026/00042",
        "issued_at": ISSUED,
        "customer": a_customer(),
        "request_number": "PRM/2026/00017",
        "amount_idr": 1_250_000,
        "reference": "NTPN 0A1B2C3D4E5F6G7H",
    }
    return render_receipt(**{**values, **changes})


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime(2026, 12, 3, 3, 0, tzinfo=UTC), "3 Desember 2026"),
        (datetime(2026, 12, 2, 18, 0, tzinfo=UTC), "3 Desember 2026"),  # 01:00 WIB the next day
        (datetime(2026, 12, 2, 16, 59, tzinfo=UTC), "2 Desember 2026"),
        (datetime(2026, 1, 1, 0, 0), "1 Januari 2026"),  # naive is read as UTC
        (date(2027, 8, 17), "17 Agustus 2027"),
    ],
)
def test_tanggal_writes_jakarta_dates_with_indonesian_month_names(value: date, text: str) -> None:
    assert tanggal(value) == text


def test_invoice_shows_number_total_terbilang_and_validity() -> None:
    text = pdf_text(an_invoice())
    for expected in [
        "INVOICE / TAGIHAN",
        "INV/1117/2026/00042",
        "PRM/2026/00017",
        "Rp20.020",
        "Dua puluh ribu dua puluh rupiah",
        "3 Desember 2026",
        "3 Januari 2027",
        "Susenas Maret 2025",
        "1.001.000",
        "01.234.567.8-901.000",
        "Universitas Syiah Kuala",
        "PP Nomor 13 Tahun 2024",
        "kode billing SIMPONI 820261203000042",
        OFFICE_ADDRESS,
    ]:
        assert expected in text


def test_invoice_at_rp0_says_no_payment_is_due() -> None:
    lines = invoice_lines([("Susenas Maret 2025", 5_500_000)], zero_tariff=True)
    text = pdf_text(an_invoice(lines=lines, total_idr=0))
    assert "Tarif Rp0" in text and "Nol rupiah" in text and "tidak ada pembayaran" in text


def test_invoice_refuses_a_total_that_does_not_match_its_lines() -> None:
    with pytest.raises(ValueError):
        an_invoice(total_idr=20_000)


def test_invoice_metadata_comes_from_number_and_issue_time_so_rendering_is_repeatable() -> None:
    pdf = an_invoice()
    metadata = pdf_reader(pdf).metadata
    assert metadata is not None
    assert metadata.title == "Invoice INV/1117/2026/00042"
    assert metadata.creation_date == ISSUED
    assert an_invoice() == pdf


def test_sppd_lists_variables_parties_duties_meterai_and_mailing() -> None:
    text = pdf_text(an_sppd([("R101", "Provinsi"), ("R1802", "Status kepemilikan rumah")]))
    for expected in [
        "SURAT PERJANJIAN PENGGUNAAN DATA",
        "SPPD/1117/2026/00042",
        "R101",
        "Provinsi",
        "R1802",
        "Status kepemilikan rumah",
        "Budi Santoso",
        "Kepala Badan Pusat Statistik Kabupaten Bener Meriah",
        "Analisis kemiskinan rumah tangga untuk skripsi.",
        "Undang-Undang Nomor 16 Tahun 1997 tentang Statistik",
        "menyebarluaskan",
        "mencantumkan sumber",
        "2 (dua) rangkap asli",
        OFFICE_ADDRESS,
    ]:
        assert expected in text
    assert text.count("Meterai Rp10.000") >= 3  # two boxes and the mailing instructions


def test_sppd_wraps_a_300_character_label_and_a_long_name() -> None:
    label = " ".join(["pengeluaran"] * 25) + " akhirlabel"
    assert len(label) > 290
    name = "R" + "X" * 63
    pdf = an_sppd([(name, label), ("R102", "pendek")])
    assert len(pdf_reader(pdf).pages) == 2  # the body and the closing pages, no runaway row
    text = pdf_text(pdf)
    assert "akhirlabel" in text and "R102" in text


def test_sppd_with_300_variables_runs_over_several_pages() -> None:
    variables = [(f"V{i:03d}", f"Label variabel nomor {i} " + "x" * (i % 50)) for i in range(1, 301)]
    pdf = an_sppd(variables)
    reader = pdf_reader(pdf)
    assert len(reader.pages) > 3
    text = pdf_text(pdf)
    assert "V001" in text and "V300" in text and "(300 variabel)" in text
    assert f"Halaman {len(reader.pages)} dari {len(reader.pages)}" in text


def test_sppd_lists_each_dataset_with_its_own_variables() -> None:
    datasets = [("Susenas KOR", [("R101", "Provinsi")]), ("Sakernas", [("B5P1", "Bekerja")])]
    text = pdf_text(an_sppd([], datasets=datasets))
    assert "Susenas KOR (1 variabel)" in text and "Sakernas (1 variabel)" in text and "B5P1" in text


def test_documents_render_typographic_quotes_dashes_and_bullets() -> None:
    customer = a_customer(name=f"Budi {UNICODE}")
    text = pdf_text(an_sppd([("R101", f"Label {UNICODE}")], customer=customer, purpose=f"Tujuan {UNICODE}"))
    assert text.count(UNICODE) >= 3
    assert "•" in text
    assert UNICODE in pdf_text(a_receipt(customer=customer))


def test_receipt_shows_amount_terbilang_and_payment_reference() -> None:
    text = pdf_text(a_receipt())
    for expected in [
        "KUITANSI",
        "KW/1117/2026/00042",
        "Rp1.250.000",
        "Satu juta dua ratus lima puluh ribu rupiah",
        "NTPN 0A1B2C3D4E5F6G7H",
        "PRM/2026/00017",
        "3 Desember 2026",
    ]:
        assert expected in text


def test_receipt_at_rp0_names_the_zero_tariff() -> None:
    text = pdf_text(a_receipt(amount_idr=0, reference="Tarif Rp0"))
    assert "Rp0" in text and "Nol rupiah" in text and "Tarif Rp0" in text


def test_codebook_lists_variables_and_value_labels() -> None:
    variables: list[dict] = [
        {"name": "R101", "label": "Provinsi", "kind": "numeric", "value_labels": {11: "Aceh", 12: "Sumut"}},
        {"name": "R105", "label": "Klasifikasi desa", "kind": "numeric", "value_labels": {1: "Perkotaan"}},
        {"name": "NAMA_KRT", "label": None, "kind": "string", "value_labels": {}},
    ]
    pdf = render_codebook(title="Susenas Maret 2025", fingerprint="ab" * 32, variables=variables)
    text = pdf_text(pdf)
    for expected in ["BUKU KODE", "Susenas Maret 2025", "R101", "Provinsi", "Aceh", "Sumut", "Perkotaan"]:
        assert expected in text
    assert "NAMA_KRT" in text and "Jumlah variabel : 3" in text
    assert "ab" * 32 in text.replace(" ", "")  # the fingerprint, however it wraps
    assert render_codebook(title="Susenas Maret 2025", fingerprint="ab" * 32, variables=variables) == pdf

"""PDF documents (invoice, SPPD, kuitansi, codebook) from plain values; no database access."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from fpdf import XPos, YPos

from core.fees import FeeLine
from core.money import format_idr, format_thousands, terbilang_rupiah
from core.pdf import (
    FONT,
    METERAI,
    OFFICE_ADDRESS,
    OFFICE_NAME,
    OFFICE_SHORT,
    Columns,
    bullets,
    fields,
    grid,
    output,
    paragraph,
    section,
    signatures,
    start,
    tanggal,
)

OFFICE_PLACE = "Bener Meriah"
STATISTICS_LAW = "Undang-Undang Nomor 16 Tahun 1997 tentang Statistik"
# Codebooks have no issue date; a fixed one keeps the bytes a function of the content.
CODEBOOK_DATE = datetime(2024, 1, 1, tzinfo=UTC)
# Pasal 3 onwards of the SPPD; Pasal 1 (data) and 2 (use) are filled in per request.
SPPD_DUTIES = {
    "Pasal 3 — Kerahasiaan": (
        f"PIHAK KEDUA menjaga kerahasiaan data responden sesuai dengan {STATISTICS_LAW}.",
        "PIHAK KEDUA tidak berusaha mengenali, menghubungi, atau mengungkap identitas responden "
        "(orang, rumah tangga, atau usaha), baik sendiri maupun dengan menggabungkan data lain.",
        "PIHAK KEDUA menyimpan data di tempat yang aman dan hanya dapat diakses oleh PIHAK KEDUA.",
    ),
    "Pasal 4 — Larangan penyebarluasan": (
        "PIHAK KEDUA tidak memberikan, menjual, meminjamkan, atau menyebarluaskan data, "
        "seluruhnya maupun sebagian, kepada pihak lain dalam bentuk apa pun.",
    ),
    "Pasal 5 — Kewajiban mencantumkan sumber": (
        f"Setiap hasil olahan yang dipublikasikan mencantumkan sumber: “{OFFICE_NAME}”, "
        "disertai nama dan tahun kegiatan statistiknya.",
        "Hasil analisis dan kesimpulan menjadi tanggung jawab PIHAK KEDUA, bukan BPS.",
    ),
    "Pasal 6 — Sanksi": (
        "Pelanggaran atas perjanjian ini dikenai sanksi sesuai dengan peraturan perundang-undangan "
        "yang berlaku, dan PIHAK KEDUA tidak dilayani lagi dalam penjualan data mikro.",
    ),
}
SPPD_MAILING = (
    "Cetak SPPD ini 2 (dua) rangkap.",
    f"Tanda tangani kedua rangkap di atas {METERAI}.",
    f"Kirim 2 (dua) rangkap asli melalui pos ke: {OFFICE_SHORT}, {OFFICE_ADDRESS}.",
    "Data mikro dikirim setelah SPPD asli diterima dan pembayaran tercatat.",
)
INVOICE_COLUMNS: Columns = (
    ("No", 8, "CENTER"), ("Dataset", 62, "LEFT"), ("Ukuran (byte)", 25, "RIGHT"),
    ("Tarif", 50, "LEFT"), ("Jumlah", 25, "RIGHT"),
)  # fmt: skip
SPPD_COLUMNS: Columns = (("No", 10, "RIGHT"), ("Nama variabel", 45, "LEFT"), ("Label", 115, "LEFT"))
CODEBOOK_COLUMNS: Columns = (
    ("No", 10, "RIGHT"), ("Nama", 40, "LEFT"), ("Label", 95, "LEFT"), ("Jenis", 25, "LEFT"),
)  # fmt: skip
VALUE_LABEL_COLUMNS: Columns = (("Kode", 30, "LEFT"), ("Label", 140, "LEFT"))
BLANK_NAME = "(" + "." * 40 + ")"


@dataclass
class Party:
    """The customer as named on documents."""

    name: str
    institution: str
    email: str
    npwp: str | None = None
    address: str | None = None


def _party_fields(party: Party) -> list[tuple[str, str]]:
    rows = [("Nama", party.name), ("Instansi", party.institution), ("Email", party.email)]
    if party.npwp:
        rows.append(("NPWP", party.npwp))
    if party.address:
        rows.append(("Alamat", party.address))
    return rows


def render_invoice(
    *,
    number: str,
    issued_at: datetime,
    valid_until: datetime,
    customer: Party,
    lines: list[FeeLine],
    total_idr: int,
    payment_instructions: str,
    regulation: str,
    request_number: str,
) -> bytes:
    """The invoice (tagihan) for one request: one line per delivered dataset."""
    if total_idr != sum(line.amount_idr for line in lines):
        raise ValueError("total tagihan tidak sama dengan jumlah baris tagihan")
    pdf = start("INVOICE / TAGIHAN", "Invoice", number, issued_at)
    fields(
        pdf,
        [
            ("Tanggal", tanggal(issued_at)),
            ("Berlaku sampai", tanggal(valid_until)),
            ("Nomor permintaan", request_number),
        ],
    )
    section(pdf, "Kepada")
    fields(pdf, _party_fields(customer))
    section(pdf, "Rincian")
    rows = [
        [str(i), line.description, format_thousands(line.size_bytes), line.note, format_idr(line.amount_idr)]
        for i, line in enumerate(lines, 1)
    ]
    rows.append(["", "TOTAL", "", "", format_idr(total_idr)])
    grid(pdf, INVOICE_COLUMNS, rows)
    paragraph(pdf, f"Total: {format_idr(total_idr)}", "B")
    paragraph(pdf, f"Terbilang: {terbilang_rupiah(total_idr)}", "I")
    if total_idr == 0:
        paragraph(pdf, "Permintaan ini dikenai tarif Rp0 (nol rupiah); tidak ada pembayaran.")
    paragraph(
        pdf,
        f"Tagihan ini berlaku sampai dengan {tanggal(valid_until)}. Setelah tanggal "
        "tersebut, permintaan kedaluwarsa dan harus diajukan kembali.",
    )
    paragraph(pdf, f"Dasar tarif: {regulation}.")
    section(pdf, "Cara pembayaran")
    paragraph(pdf, payment_instructions)
    return output(pdf)


def render_sppd(
    *,
    number: str,
    issued_at: datetime,
    customer: Party,
    request_number: str,
    datasets: list[tuple[str, list[tuple[str, str]]]],
    purpose: str,
) -> bytes:
    """Surat Perjanjian Penggunaan Data: the agreement the customer signs over a meterai."""
    pdf = start("SURAT PERJANJIAN PENGGUNAAN DATA (SPPD)", "SPPD", number, issued_at)
    paragraph(pdf, f"Pada tanggal {tanggal(issued_at)}, yang bertanda tangan di bawah ini:")
    section(pdf, "PIHAK PERTAMA")
    fields(pdf, [("Jabatan", f"Kepala {OFFICE_NAME}"), ("Alamat", OFFICE_ADDRESS)])
    section(pdf, "PIHAK KEDUA (pengguna data)")
    fields(pdf, _party_fields(customer))
    paragraph(pdf, "Kedua pihak sepakat atas penggunaan data mikro dengan ketentuan berikut.")
    section(pdf, "Pasal 1 — Data")
    paragraph(pdf, f"PIHAK PERTAMA menyerahkan data mikro berikut (permintaan {request_number}):")
    for title, variables in datasets:
        paragraph(pdf, f"{title} ({len(variables)} variabel)", "B")
        rows = [[str(i), name, label] for i, (name, label) in enumerate(variables, 1)]
        grid(pdf, SPPD_COLUMNS, rows)
    section(pdf, "Pasal 2 — Penggunaan data")
    paragraph(pdf, "PIHAK KEDUA hanya menggunakan data untuk keperluan dalam abstraksi penggunaan data:")
    paragraph(pdf, purpose, "I")
    for heading, items in SPPD_DUTIES.items():
        section(pdf, heading)
        bullets(pdf, items)
    pdf.ln(3)
    paragraph(pdf, f"{OFFICE_PLACE}, {tanggal(issued_at)}")
    signatures(
        pdf,
        ["PIHAK PERTAMA", f"Kepala {OFFICE_SHORT}", BLANK_NAME],
        ["PIHAK KEDUA", customer.institution, customer.name],
        meterai=True,
    )
    section(pdf, "Petunjuk pengiriman")
    bullets(pdf, SPPD_MAILING)
    return output(pdf)


def render_receipt(
    *, number: str, issued_at: datetime, customer: Party, request_number: str, amount_idr: int, reference: str
) -> bytes:
    """The kuitansi issued at delivery."""
    pdf = start("KUITANSI", "Kuitansi", number, issued_at)
    fields(
        pdf,
        [
            ("Telah terima dari", f"{customer.name} ({customer.institution})"),
            ("Uang sejumlah", format_idr(amount_idr)),
            ("Terbilang", terbilang_rupiah(amount_idr)),
            ("Untuk pembayaran", f"PNBP penjualan data mikro {OFFICE_SHORT}, permintaan {request_number}"),
            ("Referensi pembayaran", reference),
        ],
    )
    pdf.ln(4)
    pdf.set_font(FONT, "B", 14)
    pdf.cell(70, 12, format_idr(amount_idr), border=1, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    signatures(
        pdf, [], [f"{OFFICE_PLACE}, {tanggal(issued_at)}", "Bendahara Penerimaan", BLANK_NAME], meterai=False
    )
    return output(pdf)


def _value_label_rows(value_labels: dict) -> list[list[str]]:
    return [[str(code), str(label)] for code, label in value_labels.items()]


def render_codebook(
    *, title: str, fingerprint: str, variables: list[dict], issued_at: datetime | None = None
) -> bytes:
    """A simple codebook: the variable list, then each variable's value labels."""
    pdf = start("BUKU KODE (CODEBOOK)", f"Buku kode {title}", "", issued_at or CODEBOOK_DATE)
    fields(pdf, [("Data", title), ("Sidik jari", fingerprint), ("Jumlah variabel", str(len(variables)))])
    section(pdf, "Daftar variabel")
    rows = [
        [str(i), str(v.get("name", "")), str(v.get("label") or ""), str(v.get("kind") or "")]
        for i, v in enumerate(variables, 1)
    ]
    grid(pdf, CODEBOOK_COLUMNS, rows)
    labelled = [v for v in variables if v.get("value_labels")]
    if labelled:
        section(pdf, "Label nilai")
    for variable in labelled:
        paragraph(pdf, f"{variable.get('name', '')} — {variable.get('label') or ''}", "B")
        grid(pdf, VALUE_LABEL_COLUMNS, _value_label_rows(variable["value_labels"]))
    return output(pdf)

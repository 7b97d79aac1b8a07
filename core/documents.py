"""PDF documents (invoice, SPPD, kuitansi, codebook) from plain values; no database access.

The bundled DejaVu font is used because fpdf2's built-in fonts are Latin-1 only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from fpdf import FPDF, FontFace, XPos, YPos

from core.clock import JAKARTA
from core.fees import FeeLine
from core.money import format_idr, format_thousands, terbilang_rupiah

FONT_DIR = Path(__file__).parent / "fonts"
FONT = "DejaVu"
OFFICE_NAME = "Badan Pusat Statistik Kabupaten Bener Meriah"
OFFICE_SHORT = "BPS Kabupaten Bener Meriah"
OFFICE_ADDRESS = (
    "Jl. Bandara Rembele-Pante Raya, Desa Wonosobo, Kecamatan Wih Pesam, Kabupaten Bener Meriah, 24580"
)
OFFICE_PLACE = "Bener Meriah"
STATISTICS_LAW = "Undang-Undang Nomor 16 Tahun 1997 tentang Statistik"
METERAI = "Meterai Rp10.000"
# Codebooks have no issue date; a fixed one keeps the bytes a function of the content.
CODEBOOK_DATE = datetime(2024, 1, 1, tzinfo=UTC)
MAX_CELL_CHARS = 600  # with newlines folded, keeps any table row well under a page tall
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
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
# Table columns: (heading, width in mm, alignment); each table spans the 170 mm text width.
Columns = tuple[tuple[str, float, str], ...]
INVOICE_COLUMNS: Columns = (
    ("No", 8, "CENTER"), ("Dataset", 62, "LEFT"), ("Ukuran (byte)", 25, "RIGHT"),
    ("Tarif", 50, "LEFT"), ("Jumlah", 25, "RIGHT"),
)  # fmt: skip
SPPD_COLUMNS: Columns = (("No", 10, "RIGHT"), ("Nama variabel", 45, "LEFT"), ("Label", 115, "LEFT"))
CODEBOOK_COLUMNS: Columns = (
    ("No", 10, "RIGHT"), ("Nama", 40, "LEFT"), ("Label", 95, "LEFT"), ("Jenis", 25, "LEFT"),
)  # fmt: skip
VALUE_LABEL_COLUMNS: Columns = (("Kode", 30, "LEFT"), ("Label", 140, "LEFT"))
GRID_TABLE = {
    "headings_style": FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
    "line_height": 4.5, "padding": 1, "repeat_headings": 1,
}  # fmt: skip
FIELD_TABLE = {
    "col_widths": (42, 4, 124), "borders_layout": "NONE", "first_row_as_headings": False,
    "text_align": "LEFT", "line_height": 5, "padding": (0.5, 0),
}  # fmt: skip
BLANK_NAME = "(" + "." * 40 + ")"


@dataclass
class Party:
    """The customer as named on documents."""

    name: str
    institution: str
    email: str
    npwp: str | None = None
    address: str | None = None


def _aware(value: datetime) -> datetime:
    # Stored times are UTC; a naive one is read as UTC, as core.clock does.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def tanggal(value: date | datetime) -> str:
    """A date as written in Indonesian letters, in Jakarta time: "3 Desember 2026"."""
    if isinstance(value, datetime):
        value = _aware(value).astimezone(JAKARTA).date()
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def _clean(text: object) -> str:
    return str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def _cell(text: object, limit: int = MAX_CELL_CHARS) -> str:
    """Text for a table cell or a one-line slot: one line of bounded length, so it cannot push a
    row past the page."""
    value = " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


class _Document(FPDF):
    """A4 page with the office letterhead on top and the document number and page in the foot."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.add_font(FONT, "", FONT_DIR / "DejaVuSans.ttf")
        self.add_font(FONT, "B", FONT_DIR / "DejaVuSans-Bold.ttf")
        self.add_font(FONT, "I", FONT_DIR / "DejaVuSans-Oblique.ttf")
        self.set_margins(20, 15, 20)
        self.set_auto_page_break(True, margin=18)

    def header(self) -> None:
        self.set_font(FONT, "B", 12)
        self.cell(0, 6, OFFICE_NAME.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FONT, "", 8)
        self.multi_cell(0, 4, OFFICE_ADDRESS, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
        self.ln(5)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FONT, "", 7)
        self.cell(0, 4, f"{self.footer_text} — Halaman {self.page_no()} dari {{nb}}", align="C")


def _start(heading: str, label: str, number: str, issued_at: datetime) -> _Document:
    """A new document with its metadata fixed by its number and issue time, so a re-render of the same
    values gives the same bytes."""
    name = _cell(f"{label} {number}".strip(), 90)
    pdf = _Document(name)
    pdf.set_title(name)
    pdf.set_author(OFFICE_NAME)
    pdf.set_creator("Silastik Mikro")
    pdf.set_lang("id")
    pdf.set_creation_date(_aware(issued_at))
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, heading, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    if number:
        pdf.multi_cell(0, 6, f"Nomor: {_cell(number, 90)}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    return pdf


def _section(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)


def _paragraph(pdf: FPDF, text: str, style: str = "") -> None:
    pdf.set_font(FONT, style, 10)
    pdf.multi_cell(0, 5, _clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _bullets(pdf: FPDF, items: Sequence[str]) -> None:
    """A list with hanging indent: wrapped lines start under the text, not under the bullet."""
    for item in items:
        pdf.set_font(FONT, "", 10)
        pdf.cell(5, 5, "•")
        pdf.multi_cell(0, 5, _clean(item), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)


def _fields(pdf: FPDF, rows: Sequence[tuple[str, str]]) -> None:
    """Label–value pairs without borders; long values wrap."""
    pdf.set_font(FONT, "", 10)
    with pdf.table(**FIELD_TABLE) as table:
        for label, value in rows:
            table.row([label, ":", _cell(value)])


def _party_fields(party: Party) -> list[tuple[str, str]]:
    rows = [("Nama", party.name), ("Instansi", party.institution), ("Email", party.email)]
    if party.npwp:
        rows.append(("NPWP", party.npwp))
    if party.address:
        rows.append(("Alamat", party.address))
    return rows


def _grid(pdf: FPDF, columns: Columns, rows: Sequence[Sequence[str]]) -> None:
    """A bordered table whose cells wrap, with headings repeated on every page."""
    pdf.set_font(FONT, "", 9)
    headings, widths, aligns = zip(*columns, strict=True)
    with pdf.table(col_widths=widths, text_align=aligns, **GRID_TABLE) as table:
        table.row(headings)
        for values in rows:
            table.row([_cell(value) for value in values])
    pdf.ln(2)


def _signature(pdf: FPDF, x: float, y: float, width: float, lines: Sequence[str], meterai: bool) -> None:
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "", 10)
    for text in lines[:-1]:
        pdf.set_x(x)
        pdf.multi_cell(width, 5, _cell(text, 90), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    box_y = pdf.get_y() + 3
    if meterai:
        pdf.set_dash_pattern(dash=1, gap=1)
        pdf.rect(x + width / 2 - 15, box_y, 30, 18)
        pdf.set_dash_pattern()
        pdf.set_xy(x + width / 2 - 15, box_y + 6)
        pdf.set_font(FONT, "I", 7)
        pdf.multi_cell(30, 3, METERAI, align="C")
    pdf.set_xy(x, box_y + 24)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(width, 5, _cell(lines[-1], 90), align="C")


def _signatures(pdf: FPDF, left: Sequence[str], right: Sequence[str], meterai: bool) -> None:
    """Two signature blocks side by side; the last line of each is the signer's name. Each line is
    at most 90 characters, so at most two printed lines: the block never splits over a page."""
    height = 10 * max(len(left), len(right)) + 30
    if pdf.will_page_break(height):
        pdf.add_page()
    y, half = pdf.get_y(), pdf.epw / 2
    if left:
        _signature(pdf, pdf.l_margin, y, half, left, meterai)
    _signature(pdf, pdf.l_margin + half, y, half, right, meterai)
    pdf.set_xy(pdf.l_margin, y + height)


def _output(pdf: FPDF) -> bytes:
    return bytes(pdf.output())


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
    pdf = _start("INVOICE / TAGIHAN", "Invoice", number, issued_at)
    _fields(
        pdf,
        [
            ("Tanggal", tanggal(issued_at)),
            ("Berlaku sampai", tanggal(valid_until)),
            ("Nomor permintaan", request_number),
        ],
    )
    _section(pdf, "Kepada")
    _fields(pdf, _party_fields(customer))
    _section(pdf, "Rincian")
    rows = [
        [str(i), line.description, format_thousands(line.size_bytes), line.note, format_idr(line.amount_idr)]
        for i, line in enumerate(lines, 1)
    ]
    rows.append(["", "TOTAL", "", "", format_idr(total_idr)])
    _grid(pdf, INVOICE_COLUMNS, rows)
    _paragraph(pdf, f"Total: {format_idr(total_idr)}", "B")
    _paragraph(pdf, f"Terbilang: {terbilang_rupiah(total_idr)}", "I")
    if total_idr == 0:
        _paragraph(pdf, "Permintaan ini dikenai tarif Rp0 (nol rupiah); tidak ada pembayaran.")
    _paragraph(
        pdf,
        f"Tagihan ini berlaku sampai dengan {tanggal(valid_until)}. Setelah tanggal "
        "tersebut, permintaan kedaluwarsa dan harus diajukan kembali.",
    )
    _paragraph(pdf, f"Dasar tarif: {regulation}.")
    _section(pdf, "Cara pembayaran")
    _paragraph(pdf, payment_instructions)
    return _output(pdf)


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
    pdf = _start("SURAT PERJANJIAN PENGGUNAAN DATA (SPPD)", "SPPD", number, issued_at)
    _paragraph(pdf, f"Pada tanggal {tanggal(issued_at)}, yang bertanda tangan di bawah ini:")
    _section(pdf, "PIHAK PERTAMA")
    _fields(pdf, [("Jabatan", f"Kepala {OFFICE_NAME}"), ("Alamat", OFFICE_ADDRESS)])
    _section(pdf, "PIHAK KEDUA (pengguna data)")
    _fields(pdf, _party_fields(customer))
    _paragraph(pdf, "Kedua pihak sepakat atas penggunaan data mikro dengan ketentuan berikut.")
    _section(pdf, "Pasal 1 — Data")
    _paragraph(pdf, f"PIHAK PERTAMA menyerahkan data mikro berikut (permintaan {request_number}):")
    for title, variables in datasets:
        _paragraph(pdf, f"{title} ({len(variables)} variabel)", "B")
        rows = [[str(i), name, label] for i, (name, label) in enumerate(variables, 1)]
        _grid(pdf, SPPD_COLUMNS, rows)
    _section(pdf, "Pasal 2 — Penggunaan data")
    _paragraph(pdf, "PIHAK KEDUA hanya menggunakan data untuk keperluan dalam abstraksi penggunaan data:")
    _paragraph(pdf, purpose, "I")
    for heading, items in SPPD_DUTIES.items():
        _section(pdf, heading)
        _bullets(pdf, items)
    pdf.ln(3)
    _paragraph(pdf, f"{OFFICE_PLACE}, {tanggal(issued_at)}")
    _signatures(
        pdf,
        ["PIHAK PERTAMA", f"Kepala {OFFICE_SHORT}", BLANK_NAME],
        ["PIHAK KEDUA", customer.institution, customer.name],
        meterai=True,
    )
    _section(pdf, "Petunjuk pengiriman")
    _bullets(pdf, SPPD_MAILING)
    return _output(pdf)


def render_receipt(
    *, number: str, issued_at: datetime, customer: Party, request_number: str, amount_idr: int, reference: str
) -> bytes:
    """The kuitansi issued at delivery."""
    pdf = _start("KUITANSI", "Kuitansi", number, issued_at)
    _fields(
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
    _signatures(
        pdf, [], [f"{OFFICE_PLACE}, {tanggal(issued_at)}", "Bendahara Penerimaan", BLANK_NAME], meterai=False
    )
    return _output(pdf)


def _value_label_rows(value_labels: dict) -> list[list[str]]:
    return [[str(code), str(label)] for code, label in value_labels.items()]


def render_codebook(
    *, title: str, fingerprint: str, variables: list[dict], issued_at: datetime | None = None
) -> bytes:
    """A simple codebook: the variable list, then each variable's value labels."""
    pdf = _start("BUKU KODE (CODEBOOK)", f"Buku kode {title}", "", issued_at or CODEBOOK_DATE)
    _fields(pdf, [("Data", title), ("Sidik jari", fingerprint), ("Jumlah variabel", str(len(variables)))])
    _section(pdf, "Daftar variabel")
    rows = [
        [str(i), str(v.get("name", "")), str(v.get("label") or ""), str(v.get("kind") or "")]
        for i, v in enumerate(variables, 1)
    ]
    _grid(pdf, CODEBOOK_COLUMNS, rows)
    labelled = [v for v in variables if v.get("value_labels")]
    if labelled:
        _section(pdf, "Label nilai")
    for variable in labelled:
        _paragraph(pdf, f"{variable.get('name', '')} — {variable.get('label') or ''}", "B")
        _grid(pdf, VALUE_LABEL_COLUMNS, _value_label_rows(variable["value_labels"]))
    return _output(pdf)

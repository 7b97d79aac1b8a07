"""PDF layout shared by every document: A4 letterhead, fonts, wrapped tables, signature blocks.

The bundled DejaVu font is used because fpdf2's built-in fonts are Latin-1 only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from fpdf import FPDF, FontFace, XPos, YPos

from core.clock import JAKARTA

FONT_DIR = Path(__file__).parent / "fonts"
FONT = "DejaVu"
OFFICE_NAME = "Badan Pusat Statistik Kabupaten Bener Meriah"
OFFICE_SHORT = "BPS Kabupaten Bener Meriah"
OFFICE_ADDRESS = (
    "Jl. Bandara Rembele-Pante Raya, Desa Wonosobo, Kecamatan Wih Pesam, Kabupaten Bener Meriah, 24580"
)
METERAI = "Meterai Rp10.000"
MAX_CELL_CHARS = 600  # with newlines folded, keeps any table row well under a page tall
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
# Table columns: (heading, width in mm, alignment); each table spans the 170 mm text width.
Columns = tuple[tuple[str, float, str], ...]
GRID_TABLE = {
    "headings_style": FontFace(emphasis="BOLD", fill_color=(225, 225, 225)),
    "line_height": 4.5, "padding": 1, "repeat_headings": 1,
}  # fmt: skip
FIELD_TABLE = {
    "col_widths": (42, 4, 124), "borders_layout": "NONE", "first_row_as_headings": False,
    "text_align": "LEFT", "line_height": 5, "padding": (0.5, 0),
}  # fmt: skip


def aware(value: datetime) -> datetime:
    # Stored times are UTC; a naive one is read as UTC, as core.clock does.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def tanggal(value: date | datetime) -> str:
    """A date as written in Indonesian letters, in Jakarta time: "3 Desember 2026"."""
    if isinstance(value, datetime):
        value = aware(value).astimezone(JAKARTA).date()
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def clean(text: object) -> str:
    return str(text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def cell(text: object, limit: int = MAX_CELL_CHARS) -> str:
    """Text for a table cell or a one-line slot: one line of bounded length, so it cannot push a
    row past the page."""
    value = " ".join(str(text).split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


class Document(FPDF):
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


def start(heading: str, label: str, number: str, issued_at: datetime) -> Document:
    """A new document with its metadata fixed by its number and issue time, so a re-render of the same
    values gives the same bytes."""
    name = cell(f"{label} {number}".strip(), 90)
    pdf = Document(name)
    pdf.set_title(name)
    pdf.set_author(OFFICE_NAME)
    pdf.set_creator("Silastik Mikro")
    pdf.set_lang("id")
    pdf.set_creation_date(aware(issued_at))
    pdf.add_page()
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, heading, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)
    if number:
        pdf.multi_cell(0, 6, f"Nomor: {cell(number, 90)}", align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    return pdf


def section(pdf: FPDF, text: str) -> None:
    pdf.ln(2)
    pdf.set_font(FONT, "B", 10)
    pdf.multi_cell(0, 6, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10)


def paragraph(pdf: FPDF, text: str, style: str = "") -> None:
    pdf.set_font(FONT, style, 10)
    pdf.multi_cell(0, 5, clean(text), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def bullets(pdf: FPDF, items: Sequence[str]) -> None:
    """A list with hanging indent: wrapped lines start under the text, not under the bullet."""
    for item in items:
        pdf.set_font(FONT, "", 10)
        pdf.cell(5, 5, "•")
        pdf.multi_cell(0, 5, clean(item), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)


def fields(pdf: FPDF, rows: Sequence[tuple[str, str]]) -> None:
    """Label–value pairs without borders; long values wrap."""
    pdf.set_font(FONT, "", 10)
    with pdf.table(**FIELD_TABLE) as table:
        for label, value in rows:
            table.row([label, ":", cell(value)])


def grid(pdf: FPDF, columns: Columns, rows: Sequence[Sequence[str]]) -> None:
    """A bordered table whose cells wrap, with headings repeated on every page."""
    pdf.set_font(FONT, "", 9)
    headings, widths, aligns = zip(*columns, strict=True)
    with pdf.table(col_widths=widths, text_align=aligns, **GRID_TABLE) as table:
        table.row(headings)
        for values in rows:
            table.row([cell(value) for value in values])
    pdf.ln(2)


def signature(pdf: FPDF, x: float, y: float, width: float, lines: Sequence[str], meterai: bool) -> None:
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "", 10)
    for text in lines[:-1]:
        pdf.set_x(x)
        pdf.multi_cell(width, 5, cell(text, 90), align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
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
    pdf.multi_cell(width, 5, cell(lines[-1], 90), align="C")


def signatures(pdf: FPDF, left: Sequence[str], right: Sequence[str], meterai: bool) -> None:
    """Two signature blocks side by side; the last line of each is the signer's name. Each line is
    at most 90 characters, so at most two printed lines: the block never splits over a page."""
    height = 10 * max(len(left), len(right)) + 30
    if pdf.will_page_break(height):
        pdf.add_page()
    y, half = pdf.get_y(), pdf.epw / 2
    if left:
        signature(pdf, pdf.l_margin, y, half, left, meterai)
    signature(pdf, pdf.l_margin + half, y, half, right, meterai)
    pdf.set_xy(pdf.l_margin, y + height)


def output(pdf: FPDF) -> bytes:
    return bytes(pdf.output())

"""Uploads are judged by their content (magic bytes) and size, never by the name's extension."""

from __future__ import annotations

import pytest

from core.errors import UserError
from core.uploads import Upload, check_upload
from tests.factories import PDF_BYTES

PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 16
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 16
ZIP_BYTES = b"PK\x03\x04" + b"\x00" * 26
ALL = ("pdf", "png", "jpeg")


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [
        ("bukti.pdf", PDF_BYTES, "application/pdf"),
        ("bukti.png", PNG_BYTES, "image/png"),
        ("bukti.jpg", JPEG_BYTES, "image/jpeg"),
        ("bukti.pdf", PNG_BYTES, "image/png"),  # the content decides, not the extension
        ("tanpa-ekstensi", JPEG_BYTES, "image/jpeg"),
    ],
)
def test_pdf_png_and_jpeg_are_recognised_by_their_magic_bytes(name, data, mime):
    assert check_upload(Upload(name, data), allowed=ALL, max_mb=1, what="Bukti transfer") == mime


@pytest.mark.parametrize(
    "data",
    [ZIP_BYTES, b"<html><body>%PDF-</body></html>", b"MZ\x90\x00", b" %PDF-1.4", b"%PDF"],
)
def test_a_pdf_name_with_other_content_is_refused_and_named(data):
    with pytest.raises(UserError) as refused:
        check_upload(Upload("abstraksi.pdf", data), allowed=("pdf",), max_mb=1, what="Abstraksi")
    assert str(refused.value) == "Abstraksi: isi berkas abstraksi.pdf bukan PDF."


def test_an_image_is_refused_where_only_pdf_is_allowed():
    with pytest.raises(UserError) as refused:
        check_upload(Upload("surat.png", PNG_BYTES), allowed=("pdf",), max_mb=1, what="Surat permohonan")
    assert str(refused.value) == "Surat permohonan: isi berkas surat.png bukan PDF."


def test_the_refusal_lists_every_allowed_kind():
    with pytest.raises(UserError) as refused:
        check_upload(Upload("bukti.zip", ZIP_BYTES), allowed=ALL, max_mb=1, what="Bukti transfer")
    assert str(refused.value) == "Bukti transfer: isi berkas bukti.zip bukan PDF, PNG, JPEG."


def test_an_empty_file_is_refused_and_named():
    with pytest.raises(UserError) as refused:
        check_upload(Upload("kosong.pdf", b""), allowed=ALL, max_mb=1, what="Abstraksi")
    assert str(refused.value) == "Abstraksi: berkas kosong.pdf kosong."


def test_a_file_over_the_limit_is_refused_and_one_at_the_limit_accepted():
    at_limit = PDF_BYTES + b"\x00" * (2 * 1024 * 1024 - len(PDF_BYTES))
    assert check_upload(Upload("besar.pdf", at_limit), allowed=ALL, max_mb=2, what="Abstraksi") == (
        "application/pdf"
    )
    with pytest.raises(UserError) as refused:
        check_upload(Upload("besar.pdf", at_limit + b"\x00"), allowed=ALL, max_mb=2, what="Abstraksi")
    assert str(refused.value) == "Abstraksi: berkas besar.pdf melebihi batas 2 MB."

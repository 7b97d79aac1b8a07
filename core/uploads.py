"""Uploaded files are checked by content (magic bytes) and size, never by their extension."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import UserError

MAGIC = {
    "pdf": (b"%PDF-", "application/pdf"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
}


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def check_upload(upload: Upload, *, allowed: tuple[str, ...], max_mb: int, what: str) -> str:
    """The upload's MIME type when its content is one of `allowed`; UserError otherwise."""
    if not upload.data:
        raise UserError(f"{what}: berkas {upload.name} kosong.")
    if len(upload.data) > max_mb * 1024 * 1024:
        raise UserError(f"{what}: berkas {upload.name} melebihi batas {max_mb} MB.")
    for kind in allowed:
        magic, mime = MAGIC[kind]
        if upload.data.startswith(magic):
            return mime
    kinds = ", ".join(k.upper() for k in allowed)
    raise UserError(f"{what}: isi berkas {upload.name} bukan {kinds}.")

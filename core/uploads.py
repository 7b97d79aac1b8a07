"""Uploaded files are checked by content (magic bytes) and size, never by their extension."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import UserError
from core.i18n import Msg

MAGIC = {
    "pdf": (b"%PDF-", "application/pdf"),
    "png": (b"\x89PNG\r\n\x1a\n", "image/png"),
    "jpeg": (b"\xff\xd8\xff", "image/jpeg"),
}


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def check_upload(upload: Upload, *, allowed: tuple[str, ...], max_mb: int, what: str | Msg) -> str:
    """The upload's MIME type when its content is one of `allowed`; UserError otherwise.

    `what` names the upload in the message: a `Msg` (err_upload_what_*) so it follows the language.
    """
    if not upload.data:
        raise UserError("err_upload_empty", what=what, name=upload.name)
    if len(upload.data) > max_mb * 1024 * 1024:
        raise UserError("err_upload_too_big", what=what, name=upload.name, max_mb=max_mb)
    for kind in allowed:
        magic, mime = MAGIC[kind]
        if upload.data.startswith(magic):
            return mime
    kinds = ", ".join(k.upper() for k in allowed)
    raise UserError("err_upload_wrong_kind", what=what, name=upload.name, kinds=kinds)

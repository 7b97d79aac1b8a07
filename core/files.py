"""The file store under DATA_DIR/files: atomic writes, SHA-256 and size recorded, hash checked on read."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import uuid
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from core.errors import UserError
from core.models import StoredFile

MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """A file name stripped of folders and odd characters, at most 120 characters, never empty.
    A long name is cut in its stem, so the extension stays."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip("._") or "berkas"
    if len(cleaned) <= MAX_NAME:
        return cleaned
    stem, dot, ext = cleaned.rpartition(".")
    if not dot or len(ext) > 10:
        return cleaned[:MAX_NAME]
    return stem[: MAX_NAME - len(ext) - 1] + "." + ext


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def store_bytes(
    *, session: Session, files_dir: Path, data: bytes, name: str, mime: str, now: datetime
) -> StoredFile:
    """Store bytes under a fresh folder and record them; the caller's transaction commits the row."""
    rel = f"{now:%Y/%m}/{uuid.uuid4().hex}/{safe_name(name)}"
    atomic_write(files_dir / rel, data)
    record = StoredFile(
        relpath=rel,
        original_name=safe_name(name),
        mime=mime,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        created_at=now,
    )
    session.add(record)
    session.flush()
    return record


def store_path(
    *, session: Session, files_dir: Path, source: Path, name: str, mime: str, now: datetime
) -> StoredFile:
    """Move a finished file (written elsewhere under DATA_DIR) into the store and record it."""
    rel = f"{now:%Y/%m}/{uuid.uuid4().hex}/{safe_name(name)}"
    target = files_dir / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(source, target)
    record = StoredFile(
        relpath=rel,
        original_name=safe_name(name),
        mime=mime,
        size=target.stat().st_size,
        sha256=sha256_of(target),
        created_at=now,
    )
    session.add(record)
    session.flush()
    return record


def is_present(*, files_dir: Path, record: StoredFile) -> bool:
    """A cheap check before offering a download: the file is there with its recorded size."""
    path = files_dir / record.relpath
    return path.is_file() and path.stat().st_size == record.size


def read_checked(*, files_dir: Path, record: StoredFile) -> bytes:
    """The file's bytes, after checking that they still match the recorded hash."""
    path = files_dir / record.relpath
    if not path.exists():
        raise UserError("err_stored_file_missing", name=record.original_name)
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise UserError("err_stored_file_corrupt", name=record.original_name)
    return data

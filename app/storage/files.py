"""Files the seller asks SellerDesk to write: upload files, PDFs, backups.

A file is written under a hidden temporary name beside its target and moved
into place whole, so a failure or a kill never leaves half a file under the
seller's name. The target must be a regular file or nothing: a folder, a
symlink (it could point anywhere) or a device is refused, never replaced. A
file that already exists keeps its permissions (a private file stays private);
a new one gets the folder's usual ones.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.errors import BadInput
from app.storage import faults
from app.text import QT_TRANSLATE_NOOP, Text, text

CTX = "Files"
PART_SUFFIX = ".part"
# A file read whole larger than this is refused before it is read (a report is read
# as a stream instead, whatever its size); a device such as /dev/zero never ends, so
# it is refused too.
MAX_INPUT_BYTES = 256 * 1024 * 1024


def cannot_write(path: Path, detail: str | Text) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Files", "Cannot write {path}: {detail}. Nothing was written."),
            path=str(path),
            detail=detail,
        )
    )


def check_target(raw: str | os.PathLike[str]) -> Path:
    """The output path, refused with one line when it is not a place for a regular file."""
    if not str(raw).strip():
        raise BadInput(
            text(CTX, QT_TRANSLATE_NOOP("Files", "Name the file to write; nothing was written."))
        )
    path = Path(raw)
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return path
    except OSError as error:
        raise cannot_write(path, error.strerror or str(error)) from None
    if stat.S_ISLNK(found.st_mode):
        detail = QT_TRANSLATE_NOOP("Files", "it is a symbolic link; name the real file")
    elif stat.S_ISDIR(found.st_mode):
        detail = QT_TRANSLATE_NOOP("Files", "it is a folder; name a file inside it")
    elif not stat.S_ISREG(found.st_mode):
        detail = QT_TRANSLATE_NOOP("Files", "it is a device or a special file, not a regular file")
    else:
        return path
    raise cannot_write(path, text(CTX, detail))


def read_input(raw: str | os.PathLike[str]) -> bytes:
    """The bytes of a file the seller gives to read, or one line saying why not."""
    with open_input(raw, MAX_INPUT_BYTES) as handle:
        try:
            return handle.read(MAX_INPUT_BYTES + 1)[:MAX_INPUT_BYTES]
        except OSError as error:
            raise _cannot_read(Path(raw), _reason(error)) from None


@contextlib.contextmanager
def open_input(raw: str | os.PathLike[str], limit: int | None = None) -> Iterator[BinaryIO]:
    """A file the seller gives to read, opened for reading as a stream, or one line why not.

    Only a regular file is read: a device such as /dev/zero never ends. ``limit``:
    the most bytes the caller reads whole; a stream reader passes None.
    """
    path = Path(raw)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise _cannot_read(
            path, text(CTX, QT_TRANSLATE_NOOP("Files", "there is no such file"))
        ) from None
    except IsADirectoryError:
        raise _cannot_read(
            path, text(CTX, QT_TRANSLATE_NOOP("Files", "it is a folder; name a file inside it"))
        ) from None
    except OSError as error:
        raise _cannot_read(path, _reason(error)) from None
    with handle:
        try:
            found = os.fstat(handle.fileno())
        except OSError as error:
            raise _cannot_read(path, _reason(error)) from None
        if stat.S_ISDIR(found.st_mode):
            raise _cannot_read(
                path, text(CTX, QT_TRANSLATE_NOOP("Files", "it is a folder; name a file inside it"))
            )
        if not stat.S_ISREG(found.st_mode):
            raise _cannot_read(
                path,
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Files", "it is a device or a special file, not a regular file"
                    ),
                ),
            )
        if limit is not None and found.st_size > limit:
            raise _cannot_read(
                path,
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Files", "it is larger than {limit} MB; split it into smaller files"
                    ),
                    limit=limit // (1024 * 1024),
                ),
            )
        yield handle


def _cannot_read(path: Path, detail: str | Text) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Files", "Cannot read {path}: {detail}. Nothing was changed."),
            path=str(path),
            detail=detail,
        )
    )


def temporary_for(path: Path) -> Path:
    """The hidden name a file is written under before it is moved into place."""
    return path.with_name(f".{path.name}.{os.getpid()}{PART_SUFFIX}")


def remove_leftovers(path: Path) -> None:
    """Remove temporary files a killed SellerDesk left beside ``path``.

    Only those of processes that no longer run: another SellerDesk may be
    writing its own right now.
    """
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        for found in path.parent.iterdir():
            name = found.name
            if not (name.startswith(prefix) and name.endswith(PART_SUFFIX)):
                continue
            pid = name[len(prefix) : -len(PART_SUFFIX)]
            if pid.isdecimal() and pid.isascii() and not running(int(pid)):
                with contextlib.suppress(OSError):
                    found.unlink()


_PART = re.compile(r"^\..+\.(?P<pid>\d{1,9})\.part")


def remove_killed_parts(folder: Path, prefix: str = "") -> None:
    """Remove the half-written files (and SQLite's companions of them) that a killed
    SellerDesk left in ``folder`` under ``.PREFIX….PID.part``.

    Only those of processes that no longer run, and never this process's own:
    another SellerDesk, or another thread of this one, may be writing right now.
    """
    with contextlib.suppress(OSError):
        for found in folder.iterdir():
            match = _PART.match(found.name)
            if not match or not found.name.startswith("." + prefix):
                continue
            pid = int(match["pid"])
            if pid != os.getpid() and not running(pid):
                with contextlib.suppress(OSError):
                    found.unlink()


def running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from an earlier attempt in this process that was interrupted
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def write_aside(path: Path, data: bytes) -> Path:
    """Write ``data`` under the temporary name, flushed to disk; returns that name."""
    temporary = temporary_for(path)
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise cannot_write(path, _reason(error)) from None
    return temporary


def move_into_place(temporary: Path, path: Path) -> None:
    """Replace ``path`` by ``temporary``; an existing file's permissions are kept."""
    try:
        checked = check_target(path)  # it may have changed while the file was written
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(checked).st_mode))
        faults.step(f"MOVE INTO PLACE {checked.name}")
        os.replace(temporary, checked)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise cannot_write(path, _reason(error)) from None
    except BadInput:
        temporary.unlink(missing_ok=True)
        raise


def _reason(error: OSError) -> str | Text:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return text(CTX, QT_TRANSLATE_NOOP("Files", "the disk is full"))
    return error.strerror or str(error)

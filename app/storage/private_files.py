"""The files SellerDesk keeps for itself are the seller's alone.

Buyer names and addresses live in the database, its journal files and its
backups, so the data folder is 0700 and each of those files 0600, whatever
the umask: another account on the same computer reads none of them. (Files
the seller saves elsewhere, exports and PDFs, follow app.storage.files instead.)
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from app.errors import DatabaseProblem
from app.storage import faults, files
from app.text import QT_TRANSLATE_NOOP, text

FOLDER_MODE = 0o700
FILE_MODE = 0o600
# SQLite's companions of a database file; SQLite gives them the database's own mode.
COMPANIONS = ("-wal", "-shm", "-journal")
BUSY_TIMEOUT_S = 5.0
# A copy goes at least this many pages (4 KiB each) at a time.
MIN_PAGES_PER_STEP = 16
Progress = Callable[[int, int], None]
Stopped = Callable[[], bool]


def private_folder(folder: Path) -> None:
    """Create the folder, and any missing parent, readable by the seller only."""
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for created in reversed(missing):  # mkdir -p would give the parents the umask's mode
        created.mkdir(mode=FOLDER_MODE, exist_ok=True)
        os.chmod(created, FOLDER_MODE)  # mkdir's mode is cut by the umask
    if not folder.is_dir():
        folder.mkdir(mode=FOLDER_MODE)  # a file in the way: say so as mkdir does


def tighten(path: Path) -> None:
    """Take away group and others' access to a file of ours (if it exists and is ours)."""
    with contextlib.suppress(OSError):
        found = os.stat(path)
        if found.st_uid == os.getuid() and found.st_mode & 0o077:
            os.chmod(path, found.st_mode & 0o7700)


def tighten_database(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + suffix) for suffix in COMPANIONS)):
        tighten(name)


def create_private(path: Path) -> None:
    """Create an empty file only the seller can read (an empty file is an empty database)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    os.close(descriptor)


def open_log(path: Path) -> int:
    """A descriptor to append to a private log file, created 0600 if new."""
    private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    tighten(path)
    return descriptor


def copy_database(
    source: Path,
    target: Path,
    *,
    progress: Progress | None = None,
    check: bool = False,
    stopped: Stopped | None = None,
) -> None:
    """A consistent copy of a live SQLite database, private, put in place whole.

    SQLite's online backup copies what is committed even while another program
    writes, which copying the file would not. The copy is written under a
    temporary name and moved into place only when complete (and, with
    ``check``, only once SQLite's quick check passed on it), so a full disk or
    a kill leaves no empty or half backup behind. ``progress(done, total)``
    counts pages; ``stopped()`` True between steps abandons the copy (CopyStopped).
    """
    temporary = files.temporary_for(target)
    temporary.unlink(missing_ok=True)
    try:
        create_private(temporary)
        origin = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
        try:
            copy = sqlite3.connect(temporary)
            try:
                copy_pages(origin, copy, progress, stopped)
                copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                if check:
                    verdict = copy.execute("PRAGMA quick_check").fetchone()
                    if verdict != ("ok",):
                        raise sqlite3.DatabaseError(f"quick check: {verdict}")
            finally:
                copy.close()
        finally:
            origin.close()
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        faults.step(f"MOVE INTO PLACE {target.name}")
        os.replace(temporary, target)
    except BaseException as error:
        for leftover in (temporary, *(temporary.with_name(temporary.name + s) for s in COMPANIONS)):
            leftover.unlink(missing_ok=True)
        if isinstance(error, OSError | sqlite3.Error):
            raise cannot_copy(target, error) from None
        raise


class CopyStopped(Exception):
    """``stopped()`` said to stop: SQLite abandoned the copy, the target is as it was."""


def copy_pages(
    origin: sqlite3.Connection,
    copy: sqlite3.Connection,
    progress: Progress | None = None,
    stopped: Stopped | None = None,
) -> None:
    """SQLite's online backup of ``origin`` into ``copy``, in about a hundred steps.

    Steps let the window show progress, and each is a kill point of the crash
    tests (app.storage.faults), so they can stop a copy half-way. An exception raised
    between steps makes SQLite abandon the copy: the target's transaction is
    rolled back, as if nothing had been copied.
    """
    pages = int(origin.execute("PRAGMA page_count").fetchone()[0])

    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total)
        faults.step("COPY PAGES")
        if stopped is not None and stopped():
            raise CopyStopped

    origin.backup(copy, pages=max(MIN_PAGES_PER_STEP, pages // 100), progress=step)


def cannot_copy(target: Path, error: OSError | sqlite3.Error) -> DatabaseProblem:
    full = isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
    full = full or "full" in str(error).lower()
    if full:
        return DatabaseProblem(
            text(
                "Database",
                QT_TRANSLATE_NOOP(
                    "Database",
                    "Cannot make the backup {path}: the disk is full. Free some space and try "
                    "again; nothing was changed.",
                ),
                path=str(target),
            )
        )
    return DatabaseProblem(
        text(
            "Database",
            QT_TRANSLATE_NOOP(
                "Database", "Cannot make the backup {path} ({detail}); nothing was changed."
            ),
            path=str(target),
            detail=" ".join(str(error).split()),
        )
    )

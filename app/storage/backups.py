"""The seller's own safety net: backups of the SQLite database, and restoring one.

A backup is SQLite's online backup of the live database (never a file copy,
which could catch a write half-way), written aside, checked with SQLite's
quick check and only then moved into ``<data folder>/backups`` under a name
that says when it was taken (UTC). Only whole, checked files carry that name,
so a kill never leaves half a file counted as a backup. The last N are kept
(``settings.BACKUPS_KEEP``); the window takes one a day.

Restoring checks that the chosen file is a SellerDesk database this version can
read, brings an older one up to date on a private copy, backs up the current
database first, then copies the backup INTO the live database through SQLite's
backup API: it takes SQLite's locks, so another SellerDesk that has the file
open sees either the old orders or the restored ones, never a file renamed
under it. A database on a server (PostgreSQL) is the server's to back up.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

from app import clock, settings
from app.errors import BadInput, DatabaseProblem, SellerDeskError
from app.storage import faults, files, private_files
from app.storage.db import (
    Database,
    data_dir,
    known_revisions,
    open_database,
    resolve_url,
    sqlite_file,
)
from app.storage.private_files import CopyStopped, Progress, Stopped
from app.text import QT_TRANSLATE_NOOP, Moment, Text, plural, text

CTX = "Backups"
FOLDER_NAME = "backups"
SUFFIX = ".sqlite"
EVERY = timedelta(days=1)  # the window's automatic backup
_STAMP = "%Y%m%d-%H%M%SZ"
# sellerdesk-20261201-093000Z.sqlite, or …Z-2.sqlite for a second one in the same second
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}Z)(?:-(?P<n>\d+))?\.sqlite$")
# One backup or restore at a time in a process (the window's daily one and Back up now).
_one_at_a_time = threading.Lock()
# A restore makes three copies (the backup into a private copy, the shop into its safety
# backup, that copy into the shop): one bar, each copy its part of it.
PART_STEPS = 1000
RESTORE_PARTS = 3


class BackupStopped(BadInput):
    """The seller stopped a backup or a restore; nothing was changed."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime


@dataclass(frozen=True)
class Made:
    """A backup just written, and the older ones removed to keep the last N."""

    path: Path
    taken: datetime
    orders: int
    size: int  # bytes
    removed: list[Path]

    def sentence(self) -> Text:
        return plural(
            CTX,
            QT_TRANSLATE_NOOP("Backups", "Backed up %n order(s) to {path}."),
            self.orders,
            path=str(self.path),
        )


@dataclass(frozen=True)
class Checked:
    """A file that is a SellerDesk database this version can restore."""

    path: Path
    revision: str
    taken: datetime
    orders: int


@dataclass(frozen=True)
class Restored:
    source: Path
    taken: datetime
    orders: int
    before: Made | None  # the backup of what the restore replaced (None: there was none)

    def sentence(self) -> Text:
        restored = plural(
            CTX,
            QT_TRANSLATE_NOOP("Backups", "Restored %n order(s) from {path}, taken {taken}."),
            self.orders,
            path=str(self.source),
            taken=Moment(self.taken),
        )
        if self.before is None:
            return restored
        return text(
            CTX,
            QT_TRANSLATE_NOOP("Backups", "{restored} The database as it was is in {before}."),
            restored=restored,
            before=str(self.before.path),
        )


def server_job() -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP(
                "Backups",
                "This database is on a database server (PostgreSQL): backing it up and "
                "restoring it are the server's job (pg_dump and pg_restore), not SellerDesk's. "
                "Nothing was done.",
            ),
        )
    )


def folder() -> Path:
    """Where backups are kept (not created here)."""
    return data_dir() / FOLDER_NAME


def database_file(db: Database) -> Path:
    """The live SQLite file, or BadInput when the database is on a server."""
    path = sqlite_file(db)
    if path is None:
        raise server_job()
    return path


def file_at(location: str | None) -> Path:
    """The SQLite file at a path or URL (the command line's --db), without opening it."""
    url = resolve_url(location)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise server_job()
    return Path(url.database)


def backups_of(database: Path) -> list[Backup]:
    """The backups of this database in the backups folder, oldest first."""
    found: list[tuple[datetime, int, Path]] = []
    with contextlib.suppress(OSError):
        for path in folder().iterdir():
            match = _NAME.match(path.name)
            if match and match["stem"] == database.stem and path.is_file():
                taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
                found.append((taken, int(match["n"] or 1), path))
    return [Backup(path, taken) for taken, _n, path in sorted(found)]


def latest(database: Path) -> Backup | None:
    """The newest backup of this database (None before the first)."""
    found = backups_of(database)
    return found[-1] if found else None


def due(database: Path, now: datetime | None = None) -> bool:
    """Whether the daily backup is due: no backup of this database for a day."""
    newest = latest(database)
    return newest is None or (now or clock.now()) - newest.taken >= EVERY


def back_up_if_due(
    database: Path, now: datetime | None = None, *, stopped: Stopped | None = None
) -> Made | None:
    """The daily backup, when one is due.

    ``stopped``: the window closing stops it (BackupStopped, nothing saved, the
    next start takes it again) instead of waiting for a copy of the whole file.
    """
    return back_up(database, now=now, stopped=stopped) if due(database, now) else None


def back_up(
    database: Path,
    out: str | os.PathLike[str] | None = None,
    *,
    progress: Progress | None = None,
    prune: bool = True,
    now: datetime | None = None,
    stopped: Stopped | None = None,
) -> Made:
    """Back the database up into the backups folder (or to ``out``), private, checked.

    The older backups in the folder beyond the number to keep (a setting kept
    in the database, read from the new backup) are removed only once the new
    one is in place and passed its check.
    """
    with _one_at_a_time:
        try:
            return _back_up(database, out, progress, prune, now, stopped)
        except CopyStopped:
            raise BackupStopped(
                text(
                    CTX, QT_TRANSLATE_NOOP("Backups", "The backup was stopped; nothing was saved.")
                )
            ) from None


def _back_up(
    database: Path,
    out: str | os.PathLike[str] | None,
    progress: Progress | None,
    prune: bool,
    now: datetime | None,
    stopped: Stopped | None = None,
) -> Made:
    if not database.is_file():
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Backups", "There is no database at {path} to back up; nothing was done."
                ),
                path=str(database),
            )
        )
    at = clock.as_utc(now or clock.now()).replace(microsecond=0)
    if out is not None:
        target = files.check_target(out)
        if target.exists() and target.resolve() == database.resolve():
            raise files.cannot_write(
                target, text(CTX, QT_TRANSLATE_NOOP("Backups", "it is the database itself"))
            )
        files.remove_leftovers(target)
    else:
        private_files.private_folder(folder())
        files.remove_killed_parts(folder())
        target = _free_name(database, at)
    private_files.copy_database(database, target, progress=progress, check=True, stopped=stopped)
    with contextlib.closing(sqlite3.connect(target)) as written:
        orders = _count_orders(written)
        keep = settings.backups_keep_from(_setting(written, settings.BACKUPS_KEEP))
    removed = _prune(database, keep) if prune and out is None else []
    return Made(target, at, orders, target.stat().st_size, removed)


def check(source: str | os.PathLike[str]) -> Checked:
    """The file as a backup SellerDesk can restore, or BadInput saying in one line why not."""
    path = Path(source)
    if path.is_dir():
        raise _refused(path, QT_TRANSLATE_NOOP("Backups", "it is a folder; choose a backup file"))
    if not str(source).strip() or not path.is_file():
        raise _refused(path, QT_TRANSLATE_NOOP("Backups", "there is no such file"))
    try:
        with open(path, "rb") as handle:
            header = handle.read(16)
        # Read-only: looking at a file must never change it (nor leave a journal beside it).
        connection = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            revision = _revision(connection) if header == b"SQLite format 3\x00" else None
            if revision is None:
                raise _refused(
                    path, QT_TRANSLATE_NOOP("Backups", "it is not a SellerDesk database")
                )
            if revision not in known_revisions():
                raise _refused(
                    path,
                    QT_TRANSLATE_NOOP(
                        "Backups", "it was written by a newer SellerDesk; update SellerDesk first"
                    ),
                )
            if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise _refused(path, QT_TRANSLATE_NOOP("Backups", "it is damaged"))
            orders = _count_orders(connection)
        finally:
            connection.close()
    except OSError as error:
        raise _refused(path, error.strerror or str(error)) from None
    except sqlite3.Error:
        raise _refused(path, QT_TRANSLATE_NOOP("Backups", "it is damaged")) from None
    return Checked(path.absolute(), revision, taken_of(path), orders)


def restore(
    live: Path,
    source: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    now: datetime | None = None,
    stopped: Stopped | None = None,
) -> Restored:
    """Replace the live database's content by the backup ``source``, backing it up first.

    Works on a database that no longer opens (an upgrade that could not go on):
    nothing here reads the live database's tables.
    """
    checked = check(source)
    if live.exists() and checked.path.resolve() == live.resolve():
        raise _refused(checked.path, QT_TRANSLATE_NOOP("Backups", "it is the open database"))
    with _one_at_a_time:
        try:
            return _restore(live, checked, progress, now, stopped)
        except CopyStopped:
            raise BackupStopped(
                text(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Backups", "The restore was stopped; the database was left as it was."
                    ),
                )
            ) from None


def _restore(
    live: Path,
    checked: Checked,
    progress: Progress | None,
    now: datetime | None,
    stopped: Stopped | None,
) -> Restored:
    private_files.private_folder(folder())
    files.remove_killed_parts(folder())
    staging = files.temporary_for(folder() / "restore.sqlite")
    try:
        private_files.copy_database(
            checked.path, staging, progress=_part(progress, 0), stopped=stopped
        )
        orders = _prepare(staging, checked, now)
        before = (
            _back_up(live, None, _part(progress, 1), False, now, stopped)
            if live.is_file()
            else None
        )
        if not live.exists():
            private_files.private_folder(live.parent)
            private_files.create_private(live)
        faults.step("RESTORE INTO THE DATABASE")
        with (
            contextlib.closing(sqlite3.connect(staging)) as staged,
            contextlib.closing(
                sqlite3.connect(live, timeout=private_files.BUSY_TIMEOUT_S)
            ) as target,
        ):
            _match_page_size(staged, target, stopped)
            private_files.copy_pages(staged, target, _part(progress, 2), stopped)
        private_files.tighten_database(live)
    except sqlite3.Error as error:
        raise DatabaseProblem(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Backups", "Cannot restore into {path} ({detail}); it was left as it was."
                ),
                path=str(live),
                detail=" ".join(str(error).split()),
            )
        ) from None
    finally:
        _remove_staging(staging)
    return Restored(checked.path, checked.taken, orders, before)


def _part(progress: Progress | None, part: int) -> Progress | None:
    """``progress`` of one of a restore's copies, told as its part of the whole restore."""
    if progress is None:
        return None

    def report(done: int, total: int) -> None:
        share = done * PART_STEPS // total if total else 0
        progress(part * PART_STEPS + share, RESTORE_PARTS * PART_STEPS)

    return report


def _match_page_size(
    staged: sqlite3.Connection, live: sqlite3.Connection, stopped: Stopped | None
) -> None:
    """Rewrite the private copy in the live database's page size when they differ.

    SQLite's backup cannot copy pages of one size into a WAL database of another: a backup
    taken before new shops got 16 KiB pages (db.PAGE_SIZE) restored into a new shop, or
    the other way round. An empty live file takes the backup's pages as they are.
    """
    if not _pages(live, "page_count"):
        return
    wanted = _pages(live, "page_size")
    if _pages(staged, "page_size") == wanted:
        return
    faults.step("MATCH PAGE SIZE")
    # A page size changes only by a VACUUM, and never in WAL. Every thousand steps of it
    # ask whether the seller stopped (SQLite then interrupts it: the copy is thrown away).
    staged.set_progress_handler(lambda: bool(stopped and stopped()), 1000)
    try:
        staged.execute("PRAGMA journal_mode=DELETE")
        staged.execute(f"PRAGMA page_size={wanted}")
        staged.execute("VACUUM")
    except sqlite3.OperationalError:
        if stopped is not None and stopped():
            raise CopyStopped from None
        raise
    finally:
        staged.set_progress_handler(None, 0)


def _pages(connection: sqlite3.Connection, pragma: str) -> int:
    return int(connection.execute(f"PRAGMA {pragma}").fetchone()[0])


def taken_of(path: Path) -> datetime:
    """When a backup was taken: from its name if SellerDesk named it, else its file's date."""
    match = _NAME.match(path.name)
    if match:
        return datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0)


def _prepare(staging: Path, checked: Checked, now: datetime | None) -> int:
    """Bring the private copy to this version's schema and note the restore in its log."""
    try:
        staged = open_database(str(staging))
    except SellerDeskError as error:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Backups",
                    "Cannot restore {path}: it could not be brought up to this SellerDesk's "
                    "version ({detail}). Nothing was changed.",
                ),
                path=str(checked.path),
                detail=error.message,
            )
        ) from None
    from app.storage import audit  # the ORM's audit event: loaded by a restore, not the start

    try:
        with staged.transaction() as session:
            audit.record(
                session,
                None,
                kind="restored",
                summary=text(
                    CTX,
                    QT_TRANSLATE_NOOP("Backups", "Database restored from {path}, taken {taken}"),
                    path=str(checked.path),
                    taken=Moment(checked.taken),
                ),
                at=now or clock.now(),
            )
    finally:
        staged.dispose()
    with contextlib.closing(sqlite3.connect(staging)) as connection:
        return _count_orders(connection)


def _free_name(database: Path, at: datetime) -> Path:
    base = f"{database.stem}-{at.strftime(_STAMP)}"
    target = folder() / f"{base}{SUFFIX}"
    number = 1
    while target.exists():
        number += 1
        target = folder() / f"{base}-{number}{SUFFIX}"
    return target


def _prune(database: Path, keep: int) -> list[Path]:
    old = backups_of(database)[:-keep]
    for backup in old:
        backup.path.unlink(missing_ok=True)
    return [backup.path for backup in old]


def _remove_staging(staging: Path) -> None:
    for leftover in staging.parent.glob(f"{staging.name}*"):
        leftover.unlink(missing_ok=True)


def _count_orders(connection: sqlite3.Connection) -> int:
    try:
        return int(connection.execute("SELECT count(*) FROM orders").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # a database not created yet: no orders table


def _setting(connection: sqlite3.Connection, key: str) -> str | None:
    try:
        found = connection.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return None if found is None else str(found[0])


def _revision(connection: sqlite3.Connection) -> str | None:
    try:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:
        return None  # no version table: not ours
    return str(found[0][0]) if len(found) == 1 else None


def _refused(path: Path, reason: str) -> BadInput:
    return BadInput(
        text(
            CTX,
            QT_TRANSLATE_NOOP("Backups", "Cannot restore {path}: {reason}. Nothing was changed."),
            path=str(path),
            reason=text(CTX, reason),
        )
    )

"""Which database errors are the seller's to fix, and the sentence each one gets.

A driver error is read by its class and its code (SQLite's extended result code,
PostgreSQL's SQLSTATE), never by its wording, which changes with the version and
the language of the server. The seller's environment (a file busy in another
program, a full or read-only disk, a damaged file, a server that cannot be reached
or refuses the login) gets one sentence and nothing is changed. Anything else (a
constraint SellerDesk should have kept, SQL the database does not understand) is a
bug: :func:`explain_database_error` answers ``None`` and the error goes on, with
its traceback, to the error report.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError, OperationalError

from app.errors import DatabaseProblem
from app.text import QT_TRANSLATE_NOOP, Text, text

CTX = "Database"


def _busy() -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Database",
            "The database is busy in another SellerDesk window or program. "
            "Close it and try again; nothing was changed.",
        ),
    )


def _added_at_once() -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Database",
            "Another SellerDesk window or program added the same orders at the same "
            "moment. Try again; nothing was changed.",
        ),
    )


def _damaged() -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Database",
            "The database file is damaged or is not a SellerDesk database. "
            "Restore a backup or choose another file; nothing was changed.",
        ),
    )


def _cannot_write() -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Database",
            "The database cannot be written (disk full or read-only). "
            "Free some space or check the folder's permissions; nothing was changed.",
        ),
    )


def _could_not_be_used(error: DBAPIError) -> Text:
    return text(
        CTX,
        QT_TRANSLATE_NOOP(
            "Database", "The database could not be used ({detail}); nothing was changed."
        ),
        # One line: a server's message may run over several ("Is the server running…").
        detail=" ".join(str(error.orig).split()),
    )


_SQLITE = {
    sqlite3.SQLITE_BUSY: _busy,
    sqlite3.SQLITE_LOCKED: _busy,
    sqlite3.SQLITE_CORRUPT: _damaged,
    sqlite3.SQLITE_NOTADB: _damaged,
    sqlite3.SQLITE_FULL: _cannot_write,
    sqlite3.SQLITE_READONLY: _cannot_write,
    sqlite3.SQLITE_IOERR: _cannot_write,
    sqlite3.SQLITE_PERM: _cannot_write,
}
# The file or the machine, said with the driver's own words.
_SQLITE_ELSEWHERE = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_ABORT,
    sqlite3.SQLITE_INTERRUPT,
    sqlite3.SQLITE_PROTOCOL,
    sqlite3.SQLITE_SCHEMA,
    sqlite3.SQLITE_NOLFS,
}

_POSTGRES = {
    "23505": _added_at_once,  # unique_violation: two imports of one new order at once
    "40001": _busy,  # serialization_failure
    "40P01": _busy,  # deadlock_detected
    "55P03": _busy,  # lock_not_available
    "25006": _cannot_write,  # read_only_sql_transaction
    "53100": _cannot_write,  # disk_full
    "58030": _cannot_write,  # io_error
    "XX001": _damaged,  # data_corrupted
    "XX002": _damaged,  # index_corrupted
}
# SQLSTATE classes of the server and the way to it: connection (08), login (28), no
# such database (3D), out of resources (53), shut down or restarting (57), system (58).
_POSTGRES_ELSEWHERE = ("08", "28", "3D", "53", "57", "58")


def explain_database_error(error: DBAPIError) -> DatabaseProblem | None:
    """The sentence a seller can act on, or ``None`` when the error is a bug."""
    said = _seller_words(error)
    return DatabaseProblem(said) if said is not None else None


def _seller_words(error: DBAPIError) -> Text | None:
    driver_error = error.orig
    if isinstance(driver_error, sqlite3.Error) and hasattr(driver_error, "sqlite_errorcode"):
        return _sqlite_words(error, driver_error.sqlite_errorcode)
    sqlstate = getattr(driver_error, "sqlstate", None)  # psycopg's errors carry it
    if isinstance(sqlstate, str):
        return _postgres_words(error, sqlstate)
    # No code at all: the connection itself failed (a server not running, a refused
    # login) or the driver gave up before the database answered.
    return _could_not_be_used(error) if isinstance(error, OperationalError) else None


def _sqlite_words(error: DBAPIError, code: int) -> Text | None:
    if code in (sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY):
        return _added_at_once()
    primary = code & 0xFF
    if primary in _SQLITE:
        return _SQLITE[primary]()
    return _could_not_be_used(error) if primary in _SQLITE_ELSEWHERE else None


def _postgres_words(error: DBAPIError, sqlstate: str) -> Text | None:
    if sqlstate in _POSTGRES:
        return _POSTGRES[sqlstate]()
    return _could_not_be_used(error) if sqlstate[:2] in _POSTGRES_ELSEWHERE else None

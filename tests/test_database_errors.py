"""Database errors are told apart by driver code: the seller's environment gets a sentence,
a bug goes on to the error report with its traceback."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from app.errors import DatabaseProblem
from app.storage.database_errors import explain_database_error

BUSY = "busy in another SellerDesk window or program"
AT_ONCE = "added the same orders at the same moment"
DAMAGED = "damaged or is not a SellerDesk database"
CANNOT_WRITE = "cannot be written (disk full or read-only)"
NOT_USED = "could not be used ("


def raised_by(connection: sqlite3.Connection, statement: str) -> DBAPIError:
    """The error SQLAlchemy would hand over for ``statement``, from the real driver."""
    try:
        connection.execute(statement)
    except sqlite3.Error as error:
        return DBAPIError.instance(statement, None, error, sqlite3.Error)
    raise AssertionError(f"{statement} did not fail")


def said(error: DBAPIError) -> str:
    problem = explain_database_error(error)
    assert problem is not None, f"{error.orig!r} was taken for a bug"
    return problem.message.english()


@pytest.fixture
def shop(tmp_path):
    path = tmp_path / "shop.sqlite"
    connection = sqlite3.connect(path, isolation_level=None, timeout=0)
    connection.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, code TEXT UNIQUE NOT NULL)")
    connection.execute("INSERT INTO orders VALUES (1, 'A')")
    yield path, connection
    connection.close()


def test_a_file_another_program_is_writing_is_busy(shop):
    path, connection = shop
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        error = raised_by(connection, "BEGIN IMMEDIATE")
    finally:
        other.close()
    assert error.orig.sqlite_errorcode & 0xFF == sqlite3.SQLITE_BUSY
    assert BUSY in said(error)


def test_the_same_new_order_written_twice_was_added_by_two_programs_at_once(shop):
    _, connection = shop
    by_key = raised_by(connection, "INSERT INTO orders VALUES (1, 'B')")
    by_code = raised_by(connection, "INSERT INTO orders VALUES (2, 'A')")
    assert by_key.orig.sqlite_errorcode == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
    assert by_code.orig.sqlite_errorcode == sqlite3.SQLITE_CONSTRAINT_UNIQUE
    assert AT_ONCE in said(by_key) and AT_ONCE in said(by_code)


def test_a_read_only_file_cannot_be_written(shop):
    path, _ = shop
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    error = raised_by(read_only, "INSERT INTO orders VALUES (2, 'B')")
    read_only.close()
    assert error.orig.sqlite_errorcode & 0xFF == sqlite3.SQLITE_READONLY
    assert CANNOT_WRITE in said(error)


def test_a_full_disk_cannot_be_written(shop):
    _, connection = shop
    connection.execute("PRAGMA max_page_count = 3")  # the file may not grow: the disk is full
    error = raised_by(connection, "INSERT INTO orders SELECT 2, hex(zeroblob(100000))")
    assert error.orig.sqlite_errorcode & 0xFF == sqlite3.SQLITE_FULL
    assert CANNOT_WRITE in said(error)


def test_a_file_that_is_not_a_database_is_damaged(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"these are my notes, not a database" * 100)
    error = raised_by(sqlite3.connect(path), "SELECT * FROM sqlite_master")
    assert error.orig.sqlite_errorcode == sqlite3.SQLITE_NOTADB
    assert DAMAGED in said(error)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [(sqlite3.SQLITE_CORRUPT, DAMAGED), (sqlite3.SQLITE_IOERR_WRITE, CANNOT_WRITE)],
    ids=["corrupt", "disk I/O error"],
)
def test_a_damaged_page_or_a_failing_disk_is_said_by_its_code(code, sentence):
    # SQLite gives these only on a broken disk or file; the driver error is made by hand.
    raw = sqlite3.DatabaseError("an error message SellerDesk does not read")
    raw.sqlite_errorcode = code
    assert sentence in said(DBAPIError.instance("SELECT", None, raw, sqlite3.Error))


def test_a_file_that_cannot_be_opened_is_said_with_the_drivers_words(tmp_path):
    try:
        sqlite3.connect(tmp_path / "no such folder" / "shop.sqlite")
    except sqlite3.OperationalError as raw:
        error = DBAPIError.instance(None, None, raw, sqlite3.Error)
    assert error.orig.sqlite_errorcode == sqlite3.SQLITE_CANTOPEN
    assert said(error) == (
        "The database could not be used (unable to open database file); nothing was changed."
    )


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO orders VALUES (2, NULL)",  # a rule SellerDesk should have kept
        "SELECT * FROM no_such_table",  # a schema SellerDesk does not have
        "SELEC 1",  # SQL SellerDesk should not write
    ],
)
def test_a_bug_is_not_dressed_as_the_sellers_problem(shop, statement):
    _, connection = shop
    error = raised_by(connection, statement)
    assert error.orig.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_CONSTRAINT, sqlite3.SQLITE_ERROR)
    assert explain_database_error(error) is None


def test_a_message_that_reads_like_the_environment_does_not_decide(shop):
    # A bug whose text says "locked" (a table named so) is still a bug.
    _, connection = shop
    error = raised_by(connection, "SELECT * FROM locked_disk_full_corrupt")
    assert explain_database_error(error) is None


def test_a_bug_in_an_action_reaches_the_error_report_with_its_traceback(db):
    with pytest.raises(DBAPIError) as raised, db.transaction() as session:
        session.execute(sql("INSERT INTO no_such_table VALUES (1)"))
    assert not isinstance(raised.value, DatabaseProblem)
    assert raised.traceback  # the report shows where it happened
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.execute(sql("INSERT INTO orders (id) VALUES (1)"))


def test_the_environment_in_an_action_is_one_sentence(db, monkeypatch):
    def busy(*_args, **_kwargs):
        raise DBAPIError.instance("BEGIN", None, _busy_driver_error(), sqlite3.Error)

    with pytest.raises(DatabaseProblem, match=BUSY), db.reading() as session:
        monkeypatch.setattr(session, "execute", busy)
        session.execute(sql("SELECT 1"))


def _busy_driver_error() -> sqlite3.OperationalError:
    raw = sqlite3.OperationalError("database is locked")
    raw.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return raw


# --- PostgreSQL (psycopg's SQLSTATE) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sqlstate", "sentence"),
    [
        ("23505", AT_ONCE),  # unique_violation
        ("40P01", BUSY),  # deadlock_detected
        ("55P03", BUSY),  # lock_not_available
        ("53100", CANNOT_WRITE),  # disk_full
        ("25006", CANNOT_WRITE),  # read_only_sql_transaction
        ("XX001", DAMAGED),  # data_corrupted
        ("28P01", NOT_USED),  # invalid_password
        ("3D000", NOT_USED),  # invalid_catalog_name: no such database
        ("57P01", NOT_USED),  # admin_shutdown
    ],
)
def test_a_postgresql_server_problem_is_said_by_its_sqlstate(sqlstate, sentence):
    psycopg = pytest.importorskip("psycopg")
    raw = psycopg.errors.lookup(sqlstate)("the server's own words")
    assert raw.sqlstate == sqlstate
    assert sentence in said(DBAPIError.instance("SELECT", None, raw, psycopg.Error))


def test_a_postgresql_server_that_cannot_be_reached_is_said_with_its_words():
    psycopg = pytest.importorskip("psycopg")
    raw = psycopg.OperationalError(
        'connection to server at "127.0.0.1", port 1 failed: Connection refused\n'
        "\tIs the server running on that host and accepting TCP/IP connections?"
    )
    assert raw.sqlstate is None  # refused before any server answered
    error = DBAPIError.instance(None, None, raw, psycopg.Error)
    assert isinstance(error, OperationalError)
    assert said(error) == (
        'The database could not be used (connection to server at "127.0.0.1", port 1 failed: '
        "Connection refused Is the server running on that host and accepting TCP/IP "
        "connections?); nothing was changed."
    )


@pytest.mark.parametrize(
    "sqlstate",
    ["42P01", "42601", "23502", "23503", "22P02"],
    ids=["undefined table", "syntax error", "not null", "foreign key", "bad text"],
)
def test_a_postgresql_bug_goes_to_the_error_report(sqlstate):
    psycopg = pytest.importorskip("psycopg")
    raw = psycopg.errors.lookup(sqlstate)("the server's own words")
    assert explain_database_error(DBAPIError.instance("SELECT", None, raw, psycopg.Error)) is None

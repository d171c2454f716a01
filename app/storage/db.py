"""Opening the database: location, SQLite settings, migrations, transactions.

One :class:`Database` per process holds the engine and the session factory.
Each user action runs in ``with db.transaction() as session:`` — one
transaction, committed whole or rolled back whole. Environment failures (a
locked or corrupt file, a database newer than this SellerDesk) become
:class:`DatabaseProblem` with a sentence the seller understands.
"""

from __future__ import annotations

import functools
import glob
import os
import re
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    inspect,
    literal,
    select,
    table,
)
from sqlalchemy import text as sql
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from app.errors import DatabaseProblem, SellerDeskError
from app.storage import faults, files, new_shop, private_files
from app.storage.database_errors import explain_database_error
from app.text import QT_TRANSLATE_NOOP, text

if TYPE_CHECKING:  # Alembic is imported only when a schema needs upgrading (a slow import)
    import sqlite3

    from alembic.config import Config
    from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "SellerDesk"
DEFAULT_FILE_NAME = "sellerdesk.sqlite"
MIGRATIONS = Path(__file__).parents[1] / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
# How long a write waits for another program holding the file before "busy" (tests lower it).
BUSY_TIMEOUT_MS = 5000
# A new shop's page size. Against SQLite's 4 KiB default, a first import of 100k report lines
# spends 0.6 s less CPU (a third less system time): fewer, larger writes to the file and its
# WAL. SQLite sets it only while the file is still empty; an existing shop keeps its own, and
# a restore matches the backup to it (backups._restore).
PAGE_SIZE = 16384
# Execution option of the connections that write (Database.transaction).
WRITING = "sellerdesk_writing"
# The order search's index on SQLite (migration 0015) and the tables FTS5 keeps it in:
# SellerDesk's own, though not in Base.metadata.
SEARCH_INDEX_TABLES = frozenset(
    {"orders_search", *(f"orders_search_{part}" for part in ("data", "idx", "docsize", "config"))}
)


def data_dir() -> Path:
    """The seller's data folder (overridable with SELLERDESK_DATA_DIR for tests)."""
    override = os.environ.get("SELLERDESK_DATA_DIR")
    if override:
        return Path(override)
    # Imported when asked: a command given --db or a server URL never needs it.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_folder() -> Path:
    """The data folder, created if needed and kept readable by the seller only."""
    folder = data_dir()
    private_files.private_folder(folder)
    private_files.tighten(folder)
    return folder


def default_location() -> str:
    return str(data_dir() / DEFAULT_FILE_NAME)


def resolve_url(location: str | None) -> URL:
    """A file path or an SQLAlchemy URL; nothing means the default data file."""
    location = location or os.environ.get("SELLERDESK_DB") or default_location()
    if "://" in location:
        return make_url(location)
    return make_url("sqlite:///" + str(Path(location).expanduser().resolve()))


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # SellerDesk begins its own transactions (_on_sqlite_begin): the driver's own would
    # start only at the first write, after the reads the write was decided on.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before WAL writes the file's first page
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    """Every transaction is real from its first read; a write one holds the write lock.

    ``BEGIN IMMEDIATE`` takes SQLite's write lock before anything is read, so two
    writers (two exports at the same moment) are serialised: the second reads
    only once the first has committed, and never decides on what the first is
    changing. DDL runs inside the transaction too, so a migration is whole or not.
    """
    writing = connection.get_execution_options().get(WRITING, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def changed_elsewhere() -> DatabaseProblem:
    """Another window or program changed the order between reading and writing."""
    return DatabaseProblem(
        text(
            "Database",
            QT_TRANSLATE_NOOP(
                "Database",
                "This order was changed elsewhere in the meantime. "
                "Reload it and try again; nothing was changed.",
            ),
        )
    )


@contextmanager
def _explained() -> Iterator[None]:
    """A driver error becomes the seller's sentence; a bug goes on to the error report."""
    try:
        yield
    except DBAPIError as error:
        problem = explain_database_error(error)
        if problem is None:
            raise
        raise problem from error


class Database:
    """The engine, session factory and transaction boundary of one database.

    The ORM (``app.storage.models``, the sessions) is loaded by the first session
    asked for: a command that reads with Core (:meth:`connected`) starts without it, a
    third of a second sooner. A program's threads start only once its package is whole
    (:func:`load_orm_package`).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @functools.cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        import app.storage.models  # noqa: F401 - every mapped class, configured on first use

        return sessionmaker(self.engine, expire_on_commit=False)

    @functools.cached_property
    def _writes(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        import app.storage.models  # noqa: F401 - every mapped class, configured on first use

        return sessionmaker(
            self.engine.execution_options(**{WRITING: True}), expire_on_commit=False
        )

    @property
    def location(self) -> str:
        path = _sqlite_file(self.engine.url)
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything in the block is committed together or not at all."""
        writes = self._writes
        # The ORM's package before any module of it: a thread that imports one of its modules
        # first, while another thread imports the package (a count's worker, the window's
        # first details), can be handed it half loaded ("partially initialized module").
        from sqlalchemy.orm import exc as orm_errors

        try:
            with _explained(), writes.begin() as session:
                yield session
        except orm_errors.StaleDataError:
            raise changed_elsewhere() from None

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only look; nothing is committed."""
        with _explained(), self.sessions() as session:
            yield session

    @contextmanager
    def connected(self) -> Iterator[Connection]:
        """A read-only look with Core (no ORM loaded); nothing is committed."""
        with _explained(), self.engine.connect() as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()


def connection_of(source: Session | Connection) -> Connection:
    """The connection a read-only query runs on: a session's (the window, the actions) or
    a plain one (a command that reads with Core and never loads the ORM)."""
    return source if isinstance(source, Connection) else source.connection()


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def backup_name(path: Path, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.name}.before-{revision or 'none'}-{stamp}.bak")


def _backup(path: Path, revision: str | None) -> Path:
    """A private copy of the database as it is, beside it, before an upgrade."""
    target = backup_name(path, revision)
    files.remove_killed_parts(path.parent, f"{path.name}.before-")  # a killed upgrade's
    private_files.copy_database(path, target)
    return target


def _first_backup(path: Path, revision: str, made: Path) -> Path:
    """The oldest copy taken before upgrading from ``revision``: the one before any attempt."""
    found = sorted(path.parent.glob(f"{glob.escape(path.name)}.before-{revision}-*.bak"))
    return found[0] if found else made


def _half_created(connection: Connection, tables: set[str]) -> bool:
    """Only SellerDesk's own tables, all empty: a first start that was stopped half-way."""
    from app.storage.models import Base

    ours = set(Base.metadata.tables)
    if not tables <= ours:
        return False
    return all(
        connection.execute(select(literal(1)).select_from(table(name)).limit(1)).first() is None
        for name in tables
    )


def _drop(connection: Connection, tables: set[str]) -> None:
    """Drop what was left; empty, so no foreign key minds the order (nor the missing ones)."""
    quote = connection.dialect.identifier_preparer.quote
    # The search index goes as a whole (its own tables with it); migration 0015 rebuilds it.
    connection.exec_driver_sql("DROP TABLE IF EXISTS orders_search")
    for name in sorted(tables):
        connection.exec_driver_sql(f"DROP TABLE {quote(name)}")


def _driver(connection: Connection) -> Any:
    return connection.connection.driver_connection


def _upgrade_failed(path: Path, backup: Path, error: BaseException) -> DatabaseProblem:
    return DatabaseProblem(
        text(
            "Database",
            QT_TRANSLATE_NOOP(
                "Database",
                "SellerDesk could not upgrade this database ({detail}); it was left as it was. "
                "Your orders as they were before the upgrade are in the backup {backup}: to go "
                "back to it, close SellerDesk and run: {command}",
            ),
            detail=" ".join(str(getattr(error, "orig", error)).split()),
            backup=str(backup),
            command=restore_command(path, backup),
        )
    )


def restore_command(path: Path, backup: Path) -> str:
    """The command line that restores ``backup`` into the database at ``path``."""
    where = [] if str(path) == default_location() else ["--db", str(path)]
    return shlex.join(["sellerdesk", *where, "restore", str(backup)])


_REVISION = re.compile(r"^(down_revision|revision)\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def known_revisions() -> set[str]:
    """Every schema revision this SellerDesk knows, read from the migration files."""
    return {
        value
        for script in (MIGRATIONS / "versions").glob("*.py")
        for name, value in _REVISION.findall(script.read_text(encoding="utf-8"))
        if name == "revision"
    }


def sqlite_file(db: Database) -> Path | None:
    """The database's SQLite file, or None for a server database (PostgreSQL)."""
    return _sqlite_file(db.engine.url)


def head_revision() -> str | None:
    """The newest migration's revision, read from the migration files without Alembic.

    Every command checks the schema on start; reading a few small files costs
    well under a millisecond where importing Alembic costs a third of a second.
    """
    revisions: set[str] = set()
    replaced: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISION.findall(script.read_text(encoding="utf-8")):
            (revisions if name == "revision" else replaced).add(value)
    heads = revisions - replaced
    return heads.pop() if len(heads) == 1 else None  # several heads: let Alembic decide


def schema_version(engine: Engine) -> str | None:
    """The database's schema revision in one query (None: no SellerDesk schema yet)."""
    try:
        with engine.connect() as connection:
            found = connection.execute(sql("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, DBAPIError):
        return None  # no version table: a new or foreign database, Alembic looks closer
    return str(found[0][0]) if len(found) == 1 else None


def migrate(engine: Engine, *, by_migrations: bool = False) -> None:
    """Bring the schema to this SellerDesk's version, refusing a newer database.

    An up-to-date database (every start but the first after an update) is told
    by one query, and a new SQLite file is built from the schema the migrations
    give (:mod:`app.storage.new_shop`), both without importing Alembic.
    ``by_migrations``: a new file too runs every migration (what ``new_shop.json``
    is made from and checked against).
    """
    head = head_revision()
    if head is not None and schema_version(engine) == head:
        return
    if head is not None and not by_migrations and _built_new(engine, head):
        return
    _upgrade(engine)


def _built_new(engine: Engine, head: str) -> bool:
    """Build a new SQLite file's schema in one write transaction; False when the file is
    not new (a second process made it first: Alembic finds it at the head) or the
    saved schema is not the newest migration's."""
    if engine.dialect.name != "sqlite":
        return False
    revision, statements = new_shop.saved()
    if revision != head:
        return False
    writing = engine.execution_options(**{WRITING: True})
    with writing.connect() as connection, connection.begin():
        if connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
            return False
        new_shop.build(connection, revision, statements)
    return True


def _upgrade(engine: Engine) -> None:
    """Bring the schema to this SellerDesk's version, refusing a newer database.

    Creating the tables and each upgrade run in one transaction that holds the
    write lock (on SQLite too, DDL included): a kill leaves the file as it was
    before, never half-built. A file a stopped first start of an older
    SellerDesk left half-built (some of our tables, all empty, no version) is
    built again; a database that still cannot be upgraded is left as it is and
    the message names the backup taken before the upgrade.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        tables -= SEARCH_INDEX_TABLES
        half_created = current is None and bool(tables) and _half_created(connection, tables)
    if current == head:
        return
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseProblem(
            text(
                "Database",
                QT_TRANSLATE_NOOP(
                    "Database",
                    "This database was written by a newer SellerDesk. "
                    "Update SellerDesk to open it; nothing was changed.",
                ),
            )
        )
    if current is None and tables and not half_created:
        raise DatabaseProblem(
            text(
                "Database",
                QT_TRANSLATE_NOOP(
                    "Database",
                    "This file holds another program's database, not SellerDesk's; "
                    "nothing was changed.",
                ),
            )
        )
    path = _sqlite_file(engine.url)
    backup: Path | None = None
    if current is not None and path is not None and path.exists():
        backup = _backup(path, current)
    try:
        with engine.execution_options(**{WRITING: True}).connect() as connection:
            if half_created:
                # Some tables name ones that were never made: no check while they go.
                _driver(connection).execute("PRAGMA foreign_keys=OFF")
            try:
                with connection.begin():
                    if half_created:
                        _drop(connection, tables)
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
            finally:
                if half_created:
                    _driver(connection).execute("PRAGMA foreign_keys=ON")
    except (OperationalError, DBAPIError) as error:
        if backup is None or path is None or current is None:
            raise
        raise _upgrade_failed(path, _first_backup(path, current, backup), error) from error


def _check_sqlite_file(path: Path) -> None:
    try:
        if path.parent == data_dir():
            data_folder()
        if not path.exists():
            private_files.private_folder(path.parent)
            private_files.create_private(path)
            return
        private_files.tighten_database(path)
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:  # a folder, no permission, a file in the way of the folder
        raise DatabaseProblem(
            text(
                "Database",
                QT_TRANSLATE_NOOP(
                    "Database",
                    "{path} cannot be used as a database file ({reason}); nothing was changed.",
                ),
                path=str(path),
                reason=error.strerror or str(error),
            )
        ) from None
    if header and header != SQLITE_MAGIC:
        raise DatabaseProblem(
            text(
                "Database",
                QT_TRANSLATE_NOOP(
                    "Database",
                    "{path} is not a SellerDesk database (it is not even an SQLite file); "
                    "nothing was changed.",
                ),
                path=str(path),
            )
        )


# PostgreSQL drivers whose SQLAlchemy dialect looks the hstore type up on every new
# connection (a savepoint, a catalog query, a release: three round trips before the
# first statement) unless told not to: SellerDesk stores no hstore.
_HSTORE_LOOKED_UP = frozenset({"psycopg", "psycopg2"})


def _engine_options(url: URL) -> dict[str, Any]:
    if url.get_backend_name() == "postgresql" and url.get_driver_name() in _HSTORE_LOOKED_UP:
        return {"use_native_hstore": False}
    return {}


def load_orm_package() -> None:
    """Load SQLAlchemy's ORM package now, on this thread, before a thread of the program's
    own starts (``ui.tasks`` calls it; once loaded, a look-up in ``sys.modules``).

    It is not safe to load while another thread uses SQLAlchemy: half-way through, its
    inspection of every object already runs code that raises an error from a module not
    yet whole, and a count or a query on another thread then fails with "partially
    initialized module 'sqlalchemy.orm.exc'" (one start in twenty of four threads first
    using it at once). Once it is whole, SellerDesk's mapped classes load on whichever
    thread first needs them (a tenth of a second the window's first rows do not wait
    for). A command runs on one thread and never needs this.
    """
    import sqlalchemy.orm  # noqa: F401


def open_database(location: str | None = None, *, by_migrations: bool = False) -> Database:
    """Open (creating and migrating as needed) the database at a path or URL;
    ``by_migrations``: see :func:`migrate`."""
    url = resolve_url(location)
    path = _sqlite_file(url)
    if path is not None:
        _check_sqlite_file(path)
    try:
        engine = create_engine(url, **_engine_options(url))
    except Exception as error:  # bad URL or missing driver: the seller typed it
        raise DatabaseProblem(
            text(
                "Database",
                QT_TRANSLATE_NOOP("Database", "Cannot use the database {url}: {detail}"),
                url=url.render_as_string(hide_password=True),
                detail=str(error),
            )
        ) from None
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    faults.install(engine)
    try:
        with _explained():
            migrate(engine, by_migrations=by_migrations)
    except (SellerDeskError, DBAPIError):
        engine.dispose()
        raise
    return Database(engine)

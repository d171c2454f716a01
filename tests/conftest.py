"""Shared fixtures: a fresh database per test, no display, no real data folder.

The database is an SQLite file in the test's folder. With SELLERDESK_TEST_PG_URL
set to a PostgreSQL URL whose role may create databases (``scripts/pg_test_server.sh
start`` prints one), ``db``, ``db_path`` and ``cli`` use a fresh PostgreSQL database
per test instead, copied from a migrated template, and tests that are about the
SQLite file itself are skipped with the reason.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL, make_url

from app.storage.db import Database, open_database
from ui.launcher import main

# pytest-qt waits 5 s by default for a signal or a condition. On CI's loaded 2-core
# machine a worker's page or the filter counts took longer, and a green test went red.
# A wait ends as soon as what it waits for happens, so a generous default costs nothing
# when the code is right; no test here waits on purpose for something not to happen.
WAIT_MS = 20_000
for _wait in ("waitUntil", "waitSignal", "waitSignals", "waitCallback"):
    getattr(QtBot, _wait).__kwdefaults__["timeout"] = WAIT_MS
for _wait in ("waitExposed", "waitActive"):
    getattr(QtBot, _wait).__kwdefaults__["timeout"] = WAIT_MS

PG_URL = os.environ.get("SELLERDESK_TEST_PG_URL", "")
ON_POSTGRES = bool(PG_URL)
# PostgreSQL-only checks: not even collected on SQLite, so the default run is unchanged.
collect_ignore = [] if ON_POSTGRES else ["test_postgres.py"]

# Tests about the SQLite file itself: its header, PRAGMAs, its backup, a locked file;
# and window tests that rely on stopping a running SQLite query.
# Each is skipped on PostgreSQL with its reason, so the PostgreSQL pass says what it left out.
SQLITE_ONLY: dict[str, str] = {
    "tests/test_db.py::test_a_new_database_is_migrated_to_head_on_open": (
        "reads the SQLite file's tables and WAL journal mode"
    ),
    "tests/test_db.py::test_reopening_changes_nothing_and_keeps_the_orders": (
        "looks for backups of the SQLite file"
    ),
    "tests/test_db.py::test_foreign_keys_are_enforced": (
        "checks SQLite's foreign_keys PRAGMA (PostgreSQL always enforces them)"
    ),
    "tests/test_db.py::test_a_database_from_a_newer_sellerdesk_is_refused_and_left_untouched": (
        "compares the SQLite file byte for byte"
    ),
    "tests/test_db.py::test_a_junk_file_is_refused_and_left_untouched": "about a junk file",
    "tests/test_db.py::test_another_programs_sqlite_database_is_refused": (
        "about another program's SQLite file"
    ),
    "tests/test_db.py::test_a_locked_database_says_busy_not_a_traceback": ("locks the SQLite file"),
    "tests/test_db.py::test_backup_copies_the_whole_database_beside_it": (
        "backs up the SQLite file"
    ),
    "tests/test_db.py::test_upgrading_an_existing_database_backs_it_up_first": (
        "backs up the SQLite file before migrating"
    ),
    "tests/test_db.py::test_a_new_database_needs_no_backup": "about backups of the SQLite file",
    "tests/test_timeline_text.py::"
    "test_a_0002_database_is_migrated_and_its_old_events_keep_their_english": (
        "downgrades the SQLite file with its own engine"
    ),
    # The list answers a search on the GUI thread only where a running query can be
    # stopped (SQLite's progress handler, app.order_views.order_list.can_interrupt); elsewhere a
    # search goes to a worker, so these synchronous expectations do not hold.
    "tests/ui/test_order_table_model.py::test_view_and_search_filter_in_the_database": (
        "a search answers on the GUI thread only where a query can be stopped"
    ),
    "tests/ui/test_order_table_model.py::test_search_ignores_case_and_a_pasted_order_id_is_found": (
        "a search answers on the GUI thread only where a query can be stopped; "
        "SQLite's LIKE folds ASCII case only, PostgreSQL's ILIKE folds É too"
    ),
    "tests/ui/test_order_table_model.py::"
    "test_a_query_can_be_stopped_and_the_database_stays_usable": (
        "stopping a running query uses SQLite's progress handler"
    ),
    "tests/ui/test_order_table_model.py::"
    "test_a_search_over_budget_runs_on_a_worker_while_the_list_answers": (
        "the GUI thread's budget counts SQLite virtual-machine steps"
    ),
    "tests/ui/test_main_window.py::test_empty_filter_says_what_it_means": (
        "a search answers on the GUI thread only where a query can be stopped"
    ),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not ON_POSTGRES:
        return
    for item in items:
        reason = SQLITE_ONLY.get(item.nodeid.split("[", 1)[0])
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> None:
    """Never touch the seller's real data folder or settings."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("SELLERDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    monkeypatch.delenv("SELLERDESK_DB", raising=False)
    _isolate_qt_settings(data / "qsettings")


def _isolate_qt_settings(folder: Path) -> None:
    """QSettings (window geometry, column layout) in the test's folder, in every format and
    scope: Qt reads XDG_CONFIG_HOME once per process, so the variable alone is not enough,
    and a test must never read or write the seller's own ~/.config."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for settings_format in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(settings_format, scope, str(folder / scope.name))


class PostgresDatabases:
    """Fresh PostgreSQL databases for tests, each copied from one migrated template."""

    def __init__(self, url: URL) -> None:
        import psycopg  # only needed on PostgreSQL

        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.url = url
        self.prefix = f"sellerdesk_test_{worker}_"
        self.template = f"sellerdesk_template_{worker}"
        self.names = itertools.count(1)
        admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
        self.admin = psycopg.connect(admin, autocommit=True)
        # FILE_COPY clones a small database about twice as fast as PostgreSQL 15's default.
        fast = self.admin.info.server_version >= 150000
        self.strategy = " STRATEGY FILE_COPY" if fast else ""
        self._drop_leftovers()
        self.admin.execute(f'CREATE DATABASE "{self.template}"')
        open_database(self.location(self.template)).dispose()

    def location(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _drop(self, name: str) -> None:
        import psycopg

        # A server process (autovacuum) inside it may refuse to end: the next run drops it.
        with suppress(psycopg.errors.InsufficientPrivilege):
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _drop_leftovers(self) -> None:
        rows = self.admin.execute(
            "SELECT datname FROM pg_database WHERE datname = %s OR starts_with(datname, %s)",
            (self.template, self.prefix),
        ).fetchall()
        for (name,) in rows:
            self._drop(name)

    @contextmanager
    def fresh(self) -> Iterator[str]:
        name = f"{self.prefix}{next(self.names)}"
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"{self.strategy}')
        try:
            yield self.location(name)
        finally:
            self._drop(name)

    def close(self) -> None:
        self._drop_leftovers()
        self.admin.close()


@pytest.fixture(scope="session")
def _postgres() -> Iterator[PostgresDatabases | None]:
    if not ON_POSTGRES:
        yield None
        return
    databases = PostgresDatabases(make_url(PG_URL))
    yield databases
    databases.close()


@pytest.fixture
def db_location(tmp_path: Path, _postgres: PostgresDatabases | None) -> Iterator[str]:
    """Where this test's database lives: an SQLite file path or a PostgreSQL URL."""
    if _postgres is None:
        yield str(tmp_path / "shop.sqlite")
        return
    with _postgres.fresh() as url:
        yield url


@pytest.fixture
def db_path(db_location: str) -> Path | str:
    """The SQLite file (a Path), or on PostgreSQL the database's URL."""
    return db_location if ON_POSTGRES else Path(db_location)


@pytest.fixture
def db(db_location: str) -> Iterator[Database]:
    database = open_database(db_location)
    yield database
    database.dispose()


@dataclass
class CliResult:
    status: int
    out: str
    err: str


@pytest.fixture
def cli(db_location: str, capsys):
    """Run ``sellerdesk --db <test db> ARGS...`` in-process; returns status, stdout, stderr."""

    def run(*args: str) -> CliResult:
        capsys.readouterr()
        status = main(["--db", db_location, *args])
        captured = capsys.readouterr()
        return CliResult(status, captured.out, captured.err)

    return run

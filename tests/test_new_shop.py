"""A new SQLite shop is built from new_shop.json, without Alembic, and gets exactly the
schema running every migration gives (issue 13: a first start and a first import into
a new file no longer spend half a second on Alembic)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from app.storage import new_shop
from app.storage.db import head_revision, open_database

BEHIND = "run `python scripts/update_new_shop.py` after adding a migration"


def _items(body: str) -> list[str]:
    """A CREATE TABLE's columns and constraints, split at its top-level commas."""
    items, depth, start = [], 0, 0
    for at, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(body[start:at].strip())
            start = at + 1
    items.append(body[start:].strip())
    return items


def shape(path: Path) -> tuple[set[tuple[object, ...]], list[tuple[str, object]], list[str]]:
    """A schema as SQLite keeps it, up to what two runs of the same migrations may order
    differently (a table's constraints, the order indexes were made in)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        settings = connection.execute("SELECT k, v FROM orders_search_config ORDER BY k").fetchall()
        version = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    found: set[tuple[object, ...]] = set()
    for kind, name, table, sql in rows:
        if sql and sql.startswith("CREATE TABLE"):
            head, body = sql.split("(", 1)
            items = _items(body.rsplit(")", 1)[0])
            columns = tuple(item for item in items if not item.startswith("CONSTRAINT"))
            constraints = frozenset(item for item in items if item.startswith("CONSTRAINT"))
            found.add((kind, name, table, head.strip(), columns, constraints))
        else:
            found.add((kind, name, table, sql))
    return found, settings, version


def test_a_new_shop_has_the_schema_every_migration_builds(tmp_path):
    open_database(str(tmp_path / "migrated.sqlite"), by_migrations=True).dispose()
    open_database(str(tmp_path / "new.sqlite")).dispose()
    migrated, new = shape(tmp_path / "migrated.sqlite"), shape(tmp_path / "new.sqlite")
    assert new[2] == migrated[2] == [head_revision()], BEHIND
    assert new[1] == migrated[1], BEHIND  # the search table's settings
    assert new[0] == migrated[0], BEHIND
    assert any(row[0] == "trigger" for row in new[0])  # the comparison sees triggers


def test_the_saved_schema_is_the_newest_migrations():
    revision, statements = new_shop.saved()
    assert revision == head_revision(), BEHIND
    assert len(statements) > 40


def test_a_new_shop_opens_without_alembic(tmp_path):
    code = (
        "import sys\n"
        "from app.storage.db import open_database\n"
        f"open_database({str(tmp_path / 'shop.sqlite')!r}).dispose()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in ('alembic', 'mako')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert shape(tmp_path / "shop.sqlite")[2] == [head_revision()]


def test_a_saved_schema_behind_the_migrations_is_not_used(tmp_path, monkeypatch):
    statements = new_shop.saved()[1]
    monkeypatch.setattr(new_shop, "saved", lambda: ("0020", statements[:-1]))
    open_database(str(tmp_path / "new.sqlite")).dispose()  # built by Alembic instead
    open_database(str(tmp_path / "migrated.sqlite"), by_migrations=True).dispose()
    assert shape(tmp_path / "new.sqlite") == shape(tmp_path / "migrated.sqlite")


def test_a_failure_while_building_leaves_no_table_and_the_next_start_builds_it(
    tmp_path, monkeypatch
):
    path = tmp_path / "shop.sqlite"
    build = new_shop.build

    def half_then_fails(connection, revision, statements):
        build(connection, revision, statements[: len(statements) // 2])
        connection.exec_driver_sql("CREATE TABLE orders (id INTEGER)")  # already made

    monkeypatch.setattr(new_shop, "build", half_then_fails)
    with pytest.raises(OperationalError, match="already exists"):
        open_database(str(path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    monkeypatch.setattr(new_shop, "build", build)
    open_database(str(path)).dispose()
    open_database(str(tmp_path / "migrated.sqlite"), by_migrations=True).dispose()
    assert shape(path) == shape(tmp_path / "migrated.sqlite")


def test_four_first_starts_at_once_on_one_new_file_make_one_schema(tmp_path):
    path = tmp_path / "shop.sqlite"
    code = f"from app.storage.db import open_database\nopen_database({str(path)!r}).dispose()\n"
    starts = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    for start in starts:
        _, err = start.communicate(timeout=60)
        assert start.returncode == 0, err
    open_database(str(tmp_path / "migrated.sqlite"), by_migrations=True).dispose()
    assert shape(path) == shape(tmp_path / "migrated.sqlite")

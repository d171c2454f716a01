"""Opening the database: migrations, refusals that leave the file alone, locks, backups."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from app.cli.main import main
from app.errors import DatabaseProblem
from app.storage import db as db_module
from app.storage.db import _alembic_config, _backup, open_database
from app.storage.models import OrderStatus
from tests.factories import OrderSpec, add_order

HEAD = ScriptDirectory.from_config(_alembic_config()).get_current_head()


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backups(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.before-*.bak"))


def test_a_new_database_is_migrated_to_head_on_open(db_path):
    database = open_database(str(db_path))
    database.dispose()
    assert revision_of(db_path) == HEAD
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert {"orders", "order_items", "shipments", "cancellations", "events"} <= tables
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_changes_nothing_and_keeps_the_orders(db, db_path):
    add_order(db, OrderSpec())
    db.dispose()
    again = open_database(str(db_path))
    again.dispose()
    assert revision_of(db_path) == HEAD
    assert backups(db_path) == []
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM orders").fetchone()[0] == 1


def test_foreign_keys_are_enforced(db):
    with db.transaction() as session:
        connection = session.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_database_from_a_newer_sellerdesk_is_refused_and_left_untouched(db, db_path):
    add_order(db, OrderSpec())
    db.dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d-from-the-future'")
    before = digest(db_path)
    with pytest.raises(DatabaseProblem, match="written by a newer SellerDesk") as refused:
        open_database(str(db_path))
    assert refused.value.exit_status == 2
    assert digest(db_path) == before
    assert revision_of(db_path) == "f00d-from-the-future"
    assert backups(db_path) == []


def test_a_junk_file_is_refused_and_left_untouched(db_path):
    db_path.write_bytes(b"\x00\x01 this is a spreadsheet, honest")
    before = digest(db_path)
    with pytest.raises(DatabaseProblem, match="not even an SQLite file"):
        open_database(str(db_path))
    assert digest(db_path) == before


def test_a_folder_given_as_the_database_is_one_line_not_a_traceback(tmp_path, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    assert main(["--db", str(folder), "list"]) == 2
    err = capsys.readouterr().err
    assert "cannot be used as a database file" in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_another_programs_sqlite_database_is_refused(db_path):
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(DatabaseProblem, match="another program's database"):
        open_database(str(db_path))
    with sqlite3.connect(db_path) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"recipes"}


def test_a_locked_database_says_busy_not_a_traceback(db, db_path, capsys, monkeypatch):
    order_id = add_order(db, OrderSpec(status=OrderStatus.PENDING))
    db.dispose()
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(db_path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        status = main(["--db", str(db_path), "verify-payment", order_id])
        err = capsys.readouterr().err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert status == 2
    assert "busy in another SellerDesk window or program" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert main(["--db", str(db_path), "show", order_id, "--json"]) == 0
    assert '"status": "Pending"' in capsys.readouterr().out


def test_backup_copies_the_whole_database_beside_it(db, db_path):
    add_order(db, OrderSpec())
    target = _backup(db_path, "0001")
    assert target.parent == db_path.parent
    assert target.name.startswith(f"{db_path.name}.before-0001-")
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT order_id FROM orders").fetchall() == [
            ("405-1234567-1234567",)
        ]


NEXT_MIGRATION = '''"""a column added by a later SellerDesk

Revision ID: 9999_test
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9999_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("settings") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
'''


def test_upgrading_an_existing_database_backs_it_up_first(db, db_path, tmp_path, monkeypatch):
    add_order(db, OrderSpec())
    db.dispose()
    # A later SellerDesk: today's migrations plus one more.
    later = tmp_path / "later-migrations"
    shutil.copytree(db_module.MIGRATIONS, later, ignore=shutil.ignore_patterns("__pycache__"))
    (later / "versions" / "9999_test.py").write_text(NEXT_MIGRATION.format(head=HEAD))
    monkeypatch.setattr(db_module, "MIGRATIONS", later)

    upgraded = open_database(str(db_path))
    upgraded.dispose()

    assert revision_of(db_path) == "9999_test"
    [backup] = backups(db_path)
    assert backup.name.startswith(f"{db_path.name}.before-{HEAD}-")
    assert revision_of(backup) == HEAD  # the copy is the database as it was before
    with sqlite3.connect(backup) as connection:
        assert connection.execute("SELECT count(*) FROM orders").fetchone()[0] == 1
        columns = {row[1] for row in connection.execute("PRAGMA table_info(settings)")}
    assert "note" not in columns
    with sqlite3.connect(db_path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(settings)")}
    assert "note" in columns


def test_a_new_database_needs_no_backup(db_path):
    open_database(str(db_path)).dispose()
    assert backups(db_path) == []

"""A command on an up-to-date database starts without Alembic or Qt (issue 13: cheap start)."""

from __future__ import annotations

import json
import subprocess
import sys

from alembic.script import ScriptDirectory

from app.storage.db import _alembic_config, head_revision, open_database, schema_version

LOADED = (
    "import json, sys\n"
    "from ui.launcher import main\n"
    "status = main(sys.argv[1:])\n"
    "print(json.dumps(sorted(sys.modules)))\n"
    "sys.exit(status)\n"
)


def modules_loaded_by(db_location: str, *command: str) -> set[str]:
    open_database(db_location).dispose()  # migrated once, as any database after its first use
    done = subprocess.run(
        [sys.executable, "-c", LOADED, "--db", db_location, *command],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_head_read_from_the_migration_files_is_alembics_head():
    assert head_revision() == ScriptDirectory.from_config(_alembic_config()).get_current_head()


def test_an_up_to_date_database_answers_its_version_in_one_query(db):
    assert schema_version(db.engine) == head_revision()


def test_a_command_on_an_up_to_date_database_loads_neither_alembic_nor_qt(db_location):
    loaded = {
        name.split(".")[0] for name in modules_loaded_by(db_location, "list", "--status", "Pending")
    }
    assert "sqlalchemy" in loaded
    assert not loaded & {"alembic", "mako", "PySide6"}


def test_listing_orders_reads_without_the_orm(db_location):
    # The ORM and the mapped classes cost `list` a third of its start (bench_start.py).
    loaded = modules_loaded_by(db_location, "list", "--status", "Pending")
    assert "app.storage.order_table" in loaded
    assert not loaded & {"sqlalchemy.orm", "app.storage.models"}

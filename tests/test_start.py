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


# Run as the program (no argv given): the exit handler registered first runs last.
AT_EXIT = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('left to the exit:', gc.get_freeze_count() > 0))\n"
    "from ui.launcher import main\n"
    "sys.exit(main({argv}))\n"
)


def left_to_the_exit(db_location: str, argv: str, *command: str) -> bool:
    open_database(db_location).dispose()
    done = subprocess.run(
        [sys.executable, "-c", AT_EXIT.format(argv=argv), "--db", db_location, *command],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()[-1] == "left to the exit: True"


def test_a_command_run_as_the_program_leaves_its_objects_to_the_exit(db_location):
    # The exit's garbage collection cost `list` a quarter of its start (bench_start.py).
    assert left_to_the_exit(db_location, "", "list", "--status", "Pending")


def test_a_command_run_by_a_caller_keeps_collecting(db_location):
    assert not left_to_the_exit(db_location, "sys.argv[1:]", "list", "--status", "Pending")


def test_a_new_postgresql_connection_does_not_look_up_the_hstore_type(db):
    # Three round trips before a command's first statement; SellerDesk stores no hstore.
    assert getattr(db.engine.dialect, "use_native_hstore", False) is False

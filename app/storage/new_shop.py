"""A new SQLite shop is built in one statement list, the schema the migrations give.

Creating a shop ran every migration through Alembic: importing Alembic and running
the migrations one after another took about half a second of each first start, of
``--demo`` and of a first import into a new file (a tenth of that import). What the
migrations build is kept in ``new_shop.json``: each table, index and trigger as SQLite
stores it, in SQLite's order, then the search index's settings, and the revision
they are. A new SQLite file gets them in one write transaction (:func:`build`);
every other database (a shop of an older SellerDesk, a server) is migrated by Alembic
as before. ``python scripts/update_new_shop.py`` writes the file again from the
migrations; a test keeps the two the same, and a file behind the newest migration is
never used.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Connection

SCHEMA_FILE = Path(__file__).with_name("new_shop.json")
# The tables SQLite's FTS5 makes for a search table, with it (its rows, its settings).
_SEARCH_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")


def schema_of(connection: Connection) -> list[str]:
    """The statements that build ``connection``'s SQLite schema again: its tables, indexes
    and triggers as SQLite stores them, in its order (SQLite's own and the tables a
    search table makes with it left out), then each search table's settings."""
    rows = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
    ).all()
    searches = [name for name, sql in rows if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    made_with = {f"{name}{shadow}" for name in searches for shadow in _SEARCH_SHADOWS}
    statements = [
        sql for name, sql in rows if not name.startswith("sqlite_") and name not in made_with
    ]
    for name in searches:
        settings = connection.exec_driver_sql(
            f"SELECT k, v FROM \"{name}_config\" WHERE k != 'version' ORDER BY k"
        ).all()
        statements += [
            f'INSERT INTO "{name}" ("{name}", rank) VALUES ({_literal(key)}, {_literal(value)})'
            for key, value in settings
        ]
    return statements


def saved() -> tuple[str, list[str]]:
    """The revision and the statements ``new_shop.json`` holds."""
    kept = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return str(kept["revision"]), [str(statement) for statement in kept["statements"]]


def save(revision: str, statements: list[str]) -> None:
    """Write ``new_shop.json`` (``scripts/update_new_shop.py``)."""
    kept = {"revision": revision, "statements": statements}
    SCHEMA_FILE.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def build(connection: Connection, revision: str, statements: list[str]) -> None:
    """Run ``statements`` and record ``revision``, in the caller's transaction (all of the
    schema or none of it)."""
    for statement in statements:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f"INSERT INTO alembic_version (version_num) VALUES ({_literal(revision)})"
    )


def _literal(value: object) -> str:
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"

"""Creating and upgrading a database is all or nothing, and a failure says what to do."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.errors import DatabaseProblem
from app.storage import private_files
from app.storage.db import _alembic_config, open_database
from tests import crash
from tests.conftest import ON_POSTGRES
from tests.factories import OrderSpec, add_order
from tests.migrations import file_downgraded

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: about the SQLite file")

ORDER = "405-1234567-1234567"


def revision_of(path: Path) -> str | None:
    with sqlite3.connect(path) as connection:
        found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return found[0] if found else None


def tables_of(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def head() -> str:
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(_alembic_config()).get_current_head())


def at_revision(path: Path, revision: str) -> None:
    """A database with one order, as an older SellerDesk left it."""
    db = open_database(str(path))
    add_order(db, OrderSpec(order_id=ORDER))
    db.dispose()
    file_downgraded(path, revision)


def opens_whole(path: Path, *, orders: int) -> None:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db = open_database(str(path))
    db.dispose()
    assert revision_of(path) == head()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM orders").fetchone() == (orders,)


# --- a first start stopped half-way -----------------------------------------------------


def test_a_file_an_older_sellerdesk_left_half_created_is_finished_not_refused(tmp_path):
    path = tmp_path / "shop.sqlite"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:  # killed before its last tables and its version
        connection.execute("DROP TABLE alembic_version")
        for name in ("events", "settings", "export_batches"):
            connection.execute(f"DROP TABLE IF EXISTS {name}")
    opens_whole(path, orders=0)


def test_a_file_with_rows_or_foreign_tables_is_still_another_programs(tmp_path):
    path = tmp_path / "shop.sqlite"
    open_database(str(path)).dispose()
    with sqlite3.connect(path) as connection:
        connection.execute("DROP TABLE alembic_version")
        connection.execute("INSERT INTO settings (key, value) VALUES ('shop_name', 'x')")
    with pytest.raises(DatabaseProblem, match="another program's database"):
        open_database(str(path))
    assert tables_of(path) >= {"orders", "settings"}


def _kill_points(tmp_path: Path, path: Path) -> list[str]:
    probe = tmp_path / "probe" / "shop.sqlite"
    probe.parent.mkdir()
    if path.exists():
        shutil.copy(path, probe)
    return crash.steps(probe.parent, "--db", str(probe), "setting")


def _kill_then_open(source: Path | None, here: Path, kill_at: int, orders: int) -> None:
    here.mkdir()
    path = here / "shop.sqlite"
    if source is not None:
        shutil.copy(source, path)
    run = crash.sellerdesk("--db", str(path), "setting", kill_at=kill_at)
    assert run.killed, (kill_at, run.err)
    opens_whole(path, orders=orders)
    assert [p.name for p in here.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.parametrize("where", ["a table"])
def test_a_kill_during_first_creation_leaves_a_file_that_opens(tmp_path, where):
    steps = _kill_points(tmp_path, tmp_path / "shop.sqlite")
    creates = [n for n, sql in enumerate(steps, 1) if sql.startswith("CREATE TABLE")]
    kill_at = creates[len(creates) // 2]
    if where == "the commit":
        kill_at = next(n for n, sql in enumerate(steps, 1) if n > creates[-1] and sql == "COMMIT")
    _kill_then_open(None, tmp_path / "k", kill_at, orders=0)


def test_a_kill_during_an_upgrade_leaves_the_database_it_was(tmp_path):
    old = tmp_path / "old.sqlite"
    at_revision(old, "0001")
    steps = _kill_points(tmp_path, old)
    alters = [n for n, sql in enumerate(steps, 1) if sql.startswith(("CREATE INDEX", "ALTER"))]
    _kill_then_open(old, tmp_path / "k", alters[len(alters) // 2], orders=1)


@pytest.mark.slow
@pytest.mark.parametrize("revision", ["creation", "0001", "0002", "0003"])
def test_a_kill_at_any_step_of_creation_or_of_each_upgrade_loses_nothing(tmp_path, revision):
    """One case per starting point, so that ``pytest -n 2`` shares the sweep out."""
    if revision == "creation":
        steps = _kill_points(tmp_path, tmp_path / "new.sqlite")
        for kill_at in range(1, len(steps) + 1):
            _kill_then_open(None, tmp_path / f"new{kill_at}", kill_at, orders=0)
        return
    old = tmp_path / f"old-{revision}.sqlite"
    at_revision(old, revision)
    probe_dir = tmp_path / f"probe-{revision}"
    probe_dir.mkdir()
    steps = _kill_points(probe_dir, old)
    for kill_at in range(1, len(steps) + 1):
        _kill_then_open(old, tmp_path / f"{revision}-{kill_at}", kill_at, orders=1)


# --- an upgrade that cannot go on ----------------------------------------------------------


def test_an_upgrade_that_cannot_go_on_names_the_backup_and_how_to_restore_it(tmp_path, capsys):
    from app.cli.main import main

    path = tmp_path / "shop.sqlite"
    at_revision(path, "0002")
    with sqlite3.connect(path) as connection:  # what an older SellerDesk killed mid-0003 left
        connection.execute("ALTER TABLE events ADD COLUMN summary_text TEXT")
    assert main(["--db", str(path), "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    [backup] = sorted(tmp_path.glob("shop.sqlite.before-0002-*.bak"))
    assert err.endswith(f"close SellerDesk and run: sellerdesk --db {path} restore {backup}\n")
    assert revision_of(path) == "0002" and revision_of(backup) == "0002"
    # That backup holds the same column, so it cannot be brought up to date either: the
    # command says so in one line and changes nothing.
    assert main(["--db", str(path), "restore", str(backup)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be brought up to this SellerDesk's version" in err
    assert revision_of(path) == "0002"


def test_the_command_an_upgrade_failure_gives_restores_the_orders(tmp_path, capsys, monkeypatch):
    import shlex

    from alembic import command as alembic_command
    from sqlalchemy.exc import OperationalError

    from app.cli.main import main

    path = tmp_path / "shop.sqlite"
    at_revision(path, "0002")
    upgrade = alembic_command.upgrade

    def fails_once(*args, **kwargs):
        monkeypatch.setattr(alembic_command, "upgrade", upgrade)
        raise OperationalError("ALTER TABLE", {}, Exception("disk I/O error"))

    monkeypatch.setattr(alembic_command, "upgrade", fails_once)
    assert main(["--db", str(path), "list"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    said = shlex.split(err.rsplit("and run: ", 1)[1])
    assert said[:3] == ["sellerdesk", "--db", str(path)] and said[3] == "restore"
    assert main(said[1:]) == 0, capsys.readouterr().err
    assert "Restored 1 order from" in capsys.readouterr().out
    opens_whole(path, orders=1)


def test_a_backup_on_a_full_disk_leaves_no_empty_file_and_says_so(tmp_path, capsys, monkeypatch):
    from app.cli.main import main

    path = tmp_path / "shop.sqlite"
    at_revision(path, "0002")
    real_connect = sqlite3.connect

    def full_disk(target, *args, **kwargs):
        if str(target).endswith(".part"):
            Path(target).write_bytes(b"SQLite format 3\x00")
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(private_files.sqlite3, "connect", full_disk)
    assert main(["--db", str(path), "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the disk is full" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.sqlite"]
    assert revision_of(path) == "0002"

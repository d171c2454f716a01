"""The seller's safety net: backups kept in the data folder, and restoring one."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import settings
from app.cli.main import main
from app.errors import BadInput, DatabaseProblem
from app.storage import backups, faults, private_files
from app.storage.db import head_revision, open_database
from tests import crash
from tests.conftest import ON_POSTGRES
from tests.factories import add_order
from tests.test_first_start_and_upgrade import at_revision, revision_of

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: about the SQLite file")

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def orders_in(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {row[0] for row in connection.execute("SELECT order_id FROM orders")}


def shop(path: Path, *order_ids: str) -> Path:
    db = open_database(str(path))
    for order_id in order_ids:
        add_order(db, order_id=order_id)
    db.dispose()
    return path


def run(*args: str, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


OLD = ("405-0000001-0000001", "405-0000001-0000002", "405-0000001-0000003")
NEW = ("405-0000002-0000001",)
MANY = tuple(f"405-0000003-{n:07d}" for n in range(300))  # a database copied in several steps


# --- backing up -------------------------------------------------------------------------


def test_a_backup_is_a_checked_private_copy_named_when_it_was_taken(umask_022, tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    made = backups.back_up(path, now=NOW)
    assert made.path == backups.folder() / "shop-20261201-093000Z.sqlite"
    assert made.orders == 3 and made.taken == NOW and made.taken.tzinfo is not None
    assert orders_in(made.path) == set(OLD)
    assert mode(backups.folder()) == 0o700 and mode(made.path) == 0o600
    assert [p.name for p in backups.folder().iterdir()] == [made.path.name]  # no journal, no part
    assert backups.latest(path) == backups.Backup(made.path, NOW)


def test_two_backups_in_the_same_second_are_both_kept(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    first = backups.back_up(path, now=NOW)
    second = backups.back_up(path, now=NOW)
    assert first.path != second.path and second.path.name == "shop-20261201-093000Z-2.sqlite"
    assert backups.latest(path) == backups.Backup(second.path, NOW)


def test_only_the_last_n_are_kept_the_oldest_go_first(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    db = open_database(str(path))
    settings.put(db, settings.BACKUPS_KEEP, "3")
    db.dispose()
    made = [backups.back_up(path, now=NOW + timedelta(days=day)) for day in range(5)]
    kept = [backup.path for backup in backups.backups_of(path)]
    assert kept == [m.path for m in made[2:]]
    assert made[3].removed == [made[0].path] and made[4].removed == [made[1].path]
    other = shop(tmp_path / "other.sqlite")  # another database's backups are not counted
    backups.back_up(other, now=NOW)
    assert [backup.path for backup in backups.backups_of(path)] == kept


def test_the_number_to_keep_is_a_setting_from_1_to_365(cli):
    assert "backups-keep: 7" in cli("setting").out
    assert cli("setting", "backups-keep", "14").out == "backups-keep: 14\n"
    refused = cli("setting", "backups-keep", "0")
    assert refused.status == 2 and "write a number from 1 to 365" in refused.err
    assert cli("setting", "backups-keep").out == "14\n"


def test_the_default_keeps_a_week(tmp_path):
    path = shop(tmp_path / "shop.sqlite")
    for day in range(settings.DEFAULT_BACKUPS_KEEP + 2):
        backups.back_up(path, now=NOW + timedelta(days=day))
    assert len(backups.backups_of(path)) == settings.DEFAULT_BACKUPS_KEEP == 7


def test_a_failed_backup_leaves_no_file_and_removes_no_older_one(tmp_path, monkeypatch):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    db = open_database(str(path))
    settings.put(db, settings.BACKUPS_KEEP, "1")
    db.dispose()
    older = backups.back_up(path, now=NOW)

    def disk_full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(private_files, "copy_pages", disk_full)
    with pytest.raises(DatabaseProblem, match="the disk is full"):
        backups.back_up(path, now=NOW + timedelta(days=1))
    assert sorted(backups.folder().iterdir()) == [older.path]


def test_a_stopped_backup_leaves_nothing(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    steps: list[int] = []
    with pytest.raises(backups.BackupStopped, match="nothing was saved"):
        backups.back_up(
            path, progress=lambda done, _total: steps.append(done), stopped=lambda: True
        )
    assert len(steps) == 1 and list(backups.folder().iterdir()) == []


def test_the_daily_backup_is_due_when_the_newest_is_a_day_old(tmp_path):
    path = shop(tmp_path / "shop.sqlite")
    assert backups.due(path, NOW)
    first = backups.back_up_if_due(path, NOW)
    assert first is not None
    assert backups.back_up_if_due(path, NOW + timedelta(hours=23)) is None
    assert backups.back_up_if_due(path, NOW + timedelta(days=1)) is not None
    assert len(backups.backups_of(path)) == 2


def test_backup_command_says_where_and_how_many(tmp_path, capsys, umask_022):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    status, out, err = run("--db", str(path), "backup", capsys=capsys)
    assert status == 0, err
    [made] = backups.backups_of(path)
    assert out == f"Backed up 3 orders to {made.path}.\n"
    out_file = tmp_path / "copy.sqlite"
    status, out, _err = run("--db", str(path), "backup", str(out_file), "--json", capsys=capsys)
    assert status == 0
    assert f'"path": "{out_file}"' in out and '"orders": 3' in out and '"removed": []' in out
    assert mode(out_file) == 0o600 and orders_in(out_file) == set(OLD)
    assert len(backups.backups_of(path)) == 1  # OUT is not counted among the kept ones


@pytest.mark.parametrize("out", ["", "{folder}", "{folder}/shop.sqlite"])
def test_backup_to_a_bad_place_is_one_line(tmp_path, capsys, out):
    path = shop(tmp_path / "shop.sqlite")
    status, out_text, err = run(
        "--db", str(path), "backup", out.format(folder=tmp_path), capsys=capsys
    )
    assert status == 2 and out_text == "" and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_a_backup_does_not_upgrade_the_database_it_copies(tmp_path, capsys):
    path = tmp_path / "old.sqlite"
    at_revision(path, "0002")
    status, _out, err = run("--db", str(path), "backup", capsys=capsys)
    assert status == 0, err
    assert revision_of(path) == "0002" == revision_of(backups.backups_of(path)[0].path)


def test_on_a_database_server_backups_are_the_servers_job(capsys):
    for command in (["backup"], ["restore", "x.sqlite"]):
        status, out, err = run("--db", "postgresql://shop@localhost/shop", *command, capsys=capsys)
        assert status == 2 and out == "", command
        assert err.count("\n") == 1 and "pg_dump" in err and "server's job" in err


# --- restoring --------------------------------------------------------------------------


def test_restore_puts_the_backup_back_after_backing_up_the_current_one(tmp_path, capsys):
    path = shop(tmp_path / "shop.sqlite", *NEW)
    backup = backups.back_up(path, now=NOW).path
    db = open_database(str(path))  # the window, say, has it open meanwhile
    for order_id in OLD:
        add_order(db, order_id=order_id)
    status, out, err = run("--db", str(path), "restore", str(backup), capsys=capsys)
    assert status == 0, err
    [_first, before] = backups.backups_of(path)
    assert out == (
        f"Restored 1 order from {backup}, taken 2026-12-01T09:30:00+00:00. "
        f"The database as it was is in {before.path}.\n"
    )
    assert orders_in(path) == set(NEW) and orders_in(before.path) == set(NEW + OLD)
    with db.reading() as session:  # the open connection sees the restored orders
        from app.storage.models import Event, Order

        assert {order.order_id for order in session.query(Order)} == set(NEW)
        assert session.query(Event).filter_by(kind="restored").count() == 1
    db.dispose()
    assert mode(path) == 0o600
    assert sorted(p.name for p in backups.folder().iterdir() if p.name.startswith(".")) == []


def test_restore_json_names_file_date_orders_and_the_backup_of_before(tmp_path, capsys):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    backup = backups.back_up(path, now=NOW).path
    status, out, _err = run("--db", str(path), "restore", str(backup), "--json", capsys=capsys)
    assert status == 0
    assert f'"restored": "{backup}"' in out and '"orders": 3' in out
    assert '"taken": "2026-12-01T09:30:00+00:00"' in out and '"before": "' in out


def test_an_older_backup_is_brought_up_to_date(tmp_path, capsys):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    old = tmp_path / "old.sqlite"
    at_revision(old, "0002")
    status, _out, err = run("--db", str(path), "restore", str(old), capsys=capsys)
    assert status == 0, err
    assert revision_of(path) == head_revision() and len(orders_in(path)) == 1
    assert revision_of(old) == "0002"  # the chosen file itself is left as it is


def test_restore_works_on_a_database_that_no_longer_opens(tmp_path, capsys):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    backup = backups.back_up(path, now=NOW).path
    with sqlite3.connect(path) as connection:  # written by a newer SellerDesk, say
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    assert main(["--db", str(path), "list"]) == 2
    status, _out, err = run("--db", str(path), "restore", str(backup), capsys=capsys)
    assert status == 0, err
    assert orders_in(path) == set(OLD) and revision_of(path) == head_revision()


def _foreign(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")


def _newer(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))


def _text(path: Path) -> None:
    path.write_text("order-id\tbuyer\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("spoil", "says"),
    [
        (_foreign, "it is not a SellerDesk database"),
        (_text, "it is not a SellerDesk database"),
        (_newer, "it was written by a newer SellerDesk; update SellerDesk first"),
        (_damaged, "it is damaged"),
        (None, "there is no such file"),
    ],
)
def test_restore_refuses_what_is_not_a_backup_it_can_read_and_changes_nothing(
    tmp_path, capsys, spoil, says
):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    chosen = tmp_path / "chosen.sqlite"
    if spoil is not None:
        if spoil in (_newer, _damaged):
            shop(chosen, *NEW)
        spoil(chosen)
    before = chosen.read_bytes() if chosen.exists() else None
    status, out, err = run("--db", str(path), "restore", str(chosen), capsys=capsys)
    assert status == 2 and out == ""
    assert err == f"sellerdesk: Cannot restore {chosen}: {says}. Nothing was changed.\n"
    assert orders_in(path) == set(OLD)
    assert backups.backups_of(path) == []  # not even the backup of the current one
    assert (chosen.read_bytes() if chosen.exists() else None) == before


def test_a_restore_stopped_half_way_leaves_the_database_as_it_was(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    backup = shop(tmp_path / "backup.sqlite", *NEW, *MANY)
    steps: list[int] = []
    with pytest.raises(backups.BackupStopped, match="the database was left as it was"):
        backups.restore(
            path, backup, progress=lambda done, _total: steps.append(done), stopped=lambda: True
        )
    assert steps and steps[0] > 0
    assert orders_in(path) == set(OLD)
    assert [p.name for p in backups.folder().iterdir() if p.name.startswith(".")] == []
    assert backups.backups_of(path) == []  # stopped at its first copy: no safety backup yet


def test_a_restore_shows_one_bar_that_fills_once_across_its_three_copies(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *MANY)
    backup = shop(tmp_path / "backup.sqlite", *NEW, *MANY)
    told: list[tuple[int, int]] = []
    backups.restore(path, backup, progress=lambda done, total: told.append((done, total)))
    whole = backups.RESTORE_PARTS * backups.PART_STEPS
    assert {total for _, total in told} == {whole}
    done = [count for count, _ in told]
    assert done == sorted(done) and done[-1] == whole  # never back, full at the end
    # The backup copied aside, the shop backed up, then copied into: each moves the bar.
    parts = {(count - 1) // backups.PART_STEPS for count in done if count}
    assert parts == {0, 1, 2}
    assert orders_in(path) == {*NEW, *MANY}


def test_a_restore_stopped_while_the_shop_is_backed_up_changes_nothing(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *MANY)
    backup = shop(tmp_path / "backup.sqlite", *NEW)
    told: list[int] = []
    with pytest.raises(backups.BackupStopped, match="the database was left as it was"):
        backups.restore(
            path,
            backup,
            progress=lambda done, _total: told.append(done),
            # Stop is pressed once the bar is past the backup's copy.
            stopped=lambda: bool(told) and told[-1] > backups.PART_STEPS,
        )
    assert backups.PART_STEPS < told[-1] < 2 * backups.PART_STEPS
    assert orders_in(path) == set(MANY)
    assert backups.backups_of(path) == []  # the safety backup half made is gone
    assert [p.name for p in backups.folder().iterdir() if p.name.startswith(".")] == []


def test_restore_refuses_the_open_database_itself(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    with pytest.raises(BadInput, match="it is the open database"):
        backups.restore(path, path)


# --- killed half-way --------------------------------------------------------------------


def _points(steps: list[str], after: str | None = None) -> list[int]:
    numbered = list(enumerate(steps, 1))
    start = 0 if after is None else next(n for n, s in numbered if s.startswith(after))
    return [n for n, s in numbered if n > start and s == "COPY PAGES"]


def test_a_kill_during_a_backup_leaves_no_counted_half_backup(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    steps = crash.steps(tmp_path, "--db", str(path), "backup")
    pages = _points(steps)
    assert len(pages) >= 3
    moving = next(n for n, s in enumerate(steps, 1) if s.startswith("MOVE INTO PLACE"))
    for kill_at in (pages[len(pages) // 2], moving):
        for made in backups.backups_of(path):
            made.path.unlink()
        assert crash.sellerdesk("--db", str(path), "backup", kill_at=kill_at).killed
        assert backups.backups_of(path) == []
        assert orders_in(path) == set(OLD)
    assert any(p.name.endswith(".part") for p in backups.folder().iterdir())
    assert crash.sellerdesk("--db", str(path), "backup").status == 0  # cleans the half copy up
    [made] = backups.backups_of(path)
    assert orders_in(made.path) == set(OLD)
    assert sorted(p.name for p in backups.folder().iterdir()) == [made.path.name]


@pytest.fixture
def old_and_backup(tmp_path):
    path = tmp_path / "shop.sqlite"
    shop(path, *MANY)
    backup = shop(tmp_path / "backup.sqlite", *NEW)
    return path, backup


def test_a_kill_during_a_restore_leaves_the_database_whole_old_or_new(old_and_backup, tmp_path):
    path, backup = old_and_backup
    old = orders_in(path)
    pristine = tmp_path / "pristine.sqlite"
    private_files.copy_database(path, pristine)
    probe = tmp_path / "probe.sqlite"
    private_files.copy_database(path, probe)
    steps = crash.steps(tmp_path, "--db", str(probe), "restore", str(backup))
    into = _points(steps, after="RESTORE INTO THE DATABASE")
    assert len(into) >= 3
    start = next(n for n, s in enumerate(steps, 1) if s == "RESTORE INTO THE DATABASE")
    for kill_at in (start, into[0], into[len(into) // 2], into[-1]):
        _fresh_copy(pristine, path)
        assert crash.sellerdesk("--db", str(path), "restore", str(backup), kill_at=kill_at).killed
        # Until SQLite commits the last step, nothing of the backup is in the database.
        assert orders_in(path) == (old if kill_at < into[-1] else orders_in(path)), kill_at
        assert orders_in(path) in (old, set(NEW)), kill_at
    run_again = crash.sellerdesk("--db", str(path), "restore", str(backup))
    assert run_again.status == 0, run_again.err
    assert orders_in(path) == set(NEW)
    kept = re.compile(r"(shop|probe)-\d")
    assert [p.name for p in backups.folder().iterdir() if not kept.match(p.name)] == []


def _fresh_copy(pristine: Path, path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in private_files.COMPANIONS)):
        name.unlink(missing_ok=True)
    private_files.copy_database(pristine, path)


@pytest.mark.slow
def test_a_kill_at_any_step_of_a_backup_or_a_restore_loses_nothing(old_and_backup, tmp_path):
    path, backup = old_and_backup
    old = orders_in(path)
    pristine = tmp_path / "pristine.sqlite"
    private_files.copy_database(path, pristine)
    probe = tmp_path / "probe.sqlite"
    private_files.copy_database(path, probe)
    for command in (["backup"], ["restore", str(backup)]):
        steps = crash.steps(tmp_path, "--db", str(probe), *command)
        for kill_at in range(1, len(steps) + 1):
            _fresh_copy(pristine, path)
            run = crash.sellerdesk("--db", str(path), *command, kill_at=kill_at)
            assert run.killed, (command, kill_at, run.err)
            assert orders_in(path) in (old, set(NEW)), (command, kill_at)
            for made in backups.backups_of(path):  # whatever counts as a backup is whole
                assert orders_in(made.path) == old, (command, kill_at)
    assert crash.sellerdesk("--db", str(path), "backup").status == 0
    kept = re.compile(r"(shop|probe)-\d")
    assert [p.name for p in backups.folder().iterdir() if not kept.match(p.name)] == []


# --- page sizes: new shops have 16 KiB pages, older ones and their backups 4 KiB ------------


def page_size(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("PRAGMA page_size").fetchone()[0])


def in_pages_of(path: Path, size: int) -> Path:
    """The shop rewritten in pages of ``size``, as a shop made before 16 KiB pages is."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute(f"PRAGMA page_size={size}")
        connection.execute("VACUUM")
        connection.execute("PRAGMA journal_mode=WAL")
    assert page_size(path) == size
    return path


def test_a_new_shop_has_16_kib_pages_and_an_older_shop_keeps_its_own(tmp_path):
    assert page_size(shop(tmp_path / "new.sqlite", *OLD)) == 16384
    older = in_pages_of(shop(tmp_path / "older.sqlite", *OLD), 4096)
    shop(older, *NEW)  # opened and written to again by this SellerDesk
    assert page_size(older) == 4096
    assert orders_in(older) == {*OLD, *NEW}


@pytest.mark.parametrize(("live_pages", "backup_pages"), [(16384, 4096), (4096, 16384)])
def test_a_restore_crosses_page_sizes_both_ways(tmp_path, live_pages, backup_pages):
    path = in_pages_of(shop(tmp_path / "shop.sqlite", *OLD), live_pages)
    backup = in_pages_of(shop(tmp_path / "backup.sqlite", *NEW, *MANY), backup_pages)
    restored = backups.restore(path, backup, now=NOW)
    assert restored.orders == 1 + len(MANY)
    assert orders_in(path) == {*NEW, *MANY}
    assert page_size(path) == live_pages
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert orders_in(restored.before.path) == set(OLD)  # the shop as it was, backed up first
    assert page_size(backup) == backup_pages  # the chosen file itself is never changed


def test_a_restore_stopped_while_the_backup_is_rewritten_leaves_the_shop_as_it_was(
    tmp_path, monkeypatch
):
    path = shop(tmp_path / "shop.sqlite", *OLD)
    backup = in_pages_of(shop(tmp_path / "backup.sqlite", *NEW, *MANY), 4096)
    copied: list[int] = []
    reached: list[str] = []
    monkeypatch.setattr(faults, "step", reached.append)
    with pytest.raises(backups.BackupStopped, match="the database was left as it was"):
        backups.restore(
            path,
            backup,
            progress=lambda done, _total: copied.append(done),
            stopped=lambda: "MATCH PAGE SIZE" in reached,  # pressed as the rewrite begins
        )
    assert "MATCH PAGE SIZE" in reached
    assert max(copied) <= 2 * backups.PART_STEPS  # stopped before a page reached the shop
    assert orders_in(path) == set(OLD)
    assert [p.name for p in backups.folder().iterdir() if p.name.startswith(".")] == []


def test_a_kill_during_a_restore_across_page_sizes_leaves_the_shop_old_or_new(tmp_path):
    path = shop(tmp_path / "shop.sqlite", *MANY)
    backup = in_pages_of(shop(tmp_path / "backup.sqlite", *NEW), 4096)
    pristine = tmp_path / "pristine.sqlite"
    private_files.copy_database(path, pristine)
    probe = tmp_path / "probe.sqlite"
    private_files.copy_database(path, probe)
    steps = crash.steps(tmp_path, "--db", str(probe), "restore", str(backup))
    matching = steps.index("MATCH PAGE SIZE") + 1
    into = _points(steps, after="RESTORE INTO THE DATABASE")
    for kill_at in (matching, into[0], into[-1]):
        _fresh_copy(pristine, path)
        assert crash.sellerdesk("--db", str(path), "restore", str(backup), kill_at=kill_at).killed
        assert orders_in(path) in (set(MANY), set(NEW)), kill_at
        assert page_size(path) == 16384
    assert crash.sellerdesk("--db", str(path), "restore", str(backup)).status == 0
    assert orders_in(path) == set(NEW) and page_size(path) == 16384

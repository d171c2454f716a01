"""An export never records rows as sent without their file, nor sends a row twice.

The file is written aside and moved into place before the batch is committed;
on SQLite the export holds the write lock from its first read.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from app.errors import BadInput, DatabaseProblem
from app.marketplace_files import exports
from app.marketplace_files.exports import ExportKind, batches, export_new, preview, rewrite_batch
from app.order_actions.orders import cancel
from app.storage.db import open_database
from tests import crash
from tests.conftest import ON_POSTGRES
from tests.factories import add_order

sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: about the SQLite file")


def cancelled(db, count=3):
    ids = [f"405-{n:07d}-0000000" for n in range(count)]
    for order_id in ids:
        add_order(db, order_id=order_id)
        cancel(db, order_id, "NoInventory")
    return ids


def written_ids(path: Path) -> list[str]:
    return [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()[2:]]


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# --- a file that cannot be put in place records nothing -----------------------------


def test_a_folder_as_the_output_is_refused_and_the_rows_stay_new(db, cli, tmp_path):
    cancelled(db)
    folder = tmp_path / "uploads"
    folder.mkdir()
    result = cli("export", "cancellations", str(folder))
    assert result.status == 2
    assert result.err.count("\n") == 1 and "it is a folder" in result.err
    assert batches(db) == []
    assert len(preview(db, ExportKind.CANCELLATIONS).rows) == 3
    assert parts(tmp_path) == []


def test_a_failed_move_into_place_leaves_every_row_new(db, tmp_path, monkeypatch):
    cancelled(db)

    def full_disk(_source, _target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(BadInput, match="the disk is full"):
        export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    monkeypatch.undo()
    assert batches(db) == []
    assert not (tmp_path / "c.txt").exists() and parts(tmp_path) == []
    again = export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    assert again.row_count == 3


def test_a_full_disk_while_writing_leaves_every_row_new(db, tmp_path, monkeypatch):
    cancelled(db)

    def full_disk(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(BadInput, match="the disk is full"):
        export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    monkeypatch.undo()
    assert batches(db) == [] and parts(tmp_path) == []
    assert len(preview(db, ExportKind.CANCELLATIONS).rows) == 3


def test_a_batch_that_cannot_be_committed_leaves_no_file_to_upload(db, tmp_path, monkeypatch):
    cancelled(db)
    real = exports.audit.record

    def record_then_fail(session, *args, **kwargs):
        real(session, *args, **kwargs)
        # The commit will fail: the database refuses the last statement.
        session.info["fail"] = True

    from sqlalchemy import event

    def fail_on_commit(session):
        if session.info.pop("fail", False):
            raise DatabaseProblem(exports.text("Database", "disk I/O error"))

    monkeypatch.setattr(exports.audit, "record", record_then_fail)
    event.listen(db._writes, "before_commit", fail_on_commit)
    try:
        with pytest.raises(DatabaseProblem):
            export_new(db, ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    finally:
        event.remove(db._writes, "before_commit", fail_on_commit)
    assert not (tmp_path / "c.txt").exists() and parts(tmp_path) == []
    assert batches(db) == []
    assert len(preview(db, ExportKind.CANCELLATIONS).rows) == 3


# --- what the output may be ------------------------------------------------------------


def test_an_empty_output_name_is_one_line(db, cli):
    cancelled(db, 1)
    result = cli("export", "cancellations", "")
    assert result.status == 2 and result.err.count("\n") == 1
    assert "Name the file to write" in result.err
    assert batches(db) == []


def test_a_symlink_or_a_device_is_refused_never_replaced(db, cli, tmp_path):
    cancelled(db, 1)
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = cli("export", "cancellations", str(link))
    assert result.status == 2 and "symbolic link" in result.err
    assert link.is_symlink() and target.read_text() == "keep me"
    device = cli("export", "cancellations", os.devnull)
    assert device.status == 2 and "device" in device.err
    assert batches(db) == []
    past = cli("export", "cancellations", str(tmp_path / "c.txt"))
    assert past.status == 0
    again = cli("export", "cancellations", str(link), "--batch", "1")
    assert again.status == 2 and target.read_text() == "keep me"


def test_an_existing_private_file_stays_private(db, tmp_path):
    cancelled(db, 1)
    out = tmp_path / "c.txt"
    out.write_text("old")
    out.chmod(0o600)
    export_new(db, ExportKind.CANCELLATIONS, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rewrite_batch(db, ExportKind.CANCELLATIONS, 1, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_part_file_a_killed_export_left_is_cleaned_by_the_next(db, tmp_path):
    cancelled(db, 1)
    out = tmp_path / "c.txt"
    dead = tmp_path / ".c.txt.999999999.part"  # no such process
    alive = tmp_path / f".c.txt.{os.getppid()}.part"  # a live process may be writing it
    dead.write_text("half")
    alive.write_text("being written")
    export_new(db, ExportKind.CANCELLATIONS, out)
    assert not dead.exists() and alive.exists()


# --- two exports at the same moment -------------------------------------------------------


@sqlite_only
def test_two_exports_at_the_same_moment_never_share_a_row(db, db_path, tmp_path, monkeypatch):
    """The first export has read what is new; the second starts before it records its batch."""
    ids = cancelled(db, 5)
    other = open_database(str(db_path))
    first_has_read = threading.Event()
    second_done = threading.Event()
    gather = exports._gather

    def slow_gather(session, kind, batch_id, *more):
        found = gather(session, kind, batch_id, *more)
        if threading.current_thread().name == "first":
            first_has_read.set()
            second_done.wait(timeout=1.5)  # without the write lock the second runs meanwhile
        return found

    monkeypatch.setattr(exports, "_gather", slow_gather)
    results = {}

    def run(name, database):
        results[name] = export_new(database, ExportKind.CANCELLATIONS, tmp_path / f"{name}.txt")
        if name == "second":
            second_done.set()

    first = threading.Thread(target=run, args=("first", db), name="first")
    first.start()
    assert first_has_read.wait(timeout=10)
    second = threading.Thread(target=run, args=("second", other), name="second")
    second.start()
    first.join(timeout=20)
    second.join(timeout=20)
    other.dispose()
    sent = []
    for name, result in results.items():
        if result.batch_id is not None:
            sent += written_ids(tmp_path / f"{name}.txt")
    assert sorted(sent) == sorted(ids)
    assert results["second"].batch_id is None  # it waited, then found nothing new


# --- kill -9 at each step of an export ----------------------------------------------------

IDS = [f"405-{n:07d}-0000000" for n in range(3)]


@pytest.fixture(scope="module")
def export_template(tmp_path_factory) -> tuple[Path, list[str]]:
    """A database with three cancellations to export, and the steps its export takes."""
    folder = tmp_path_factory.mktemp("export-template")
    template = folder / "shop.sqlite"
    db = open_database(str(template))
    cancelled(db, len(IDS))
    db.dispose()
    probe = folder / "probe.sqlite"
    shutil.copy(template, probe)
    steps = crash.steps(folder, "--db", str(probe), "export", "cancellations", str(folder / "p"))
    return template, steps


def _kill_export(template: Path, here: Path, kill_at: int) -> None:
    """Kill an export at one step, then check a second export sends every row exactly once."""
    here.mkdir()
    db_file = here / "shop.sqlite"
    shutil.copy(template, db_file)
    out = here / "c.txt"
    run = crash.sellerdesk(
        "--db", str(db_file), "export", "cancellations", str(out), kill_at=kill_at
    )
    assert run.killed, (kill_at, run.err)
    with sqlite3.connect(db_file) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db = open_database(str(db_file))
    try:
        export_new(db, ExportKind.CANCELLATIONS, out)
        assert parts(here) == []
        sent = []
        for batch in batches(db):
            # Every recorded batch has its file, as the batch says.
            assert Path(batch.file_name).exists()
            again = here / f"again-{batch.id}.txt"
            rewrite_batch(db, ExportKind.CANCELLATIONS, batch.id, again)
            assert again.read_bytes() == Path(batch.file_name).read_bytes()
            sent += written_ids(again)
        assert sorted(sent) == IDS  # each row in exactly one recorded batch
    finally:
        db.dispose()


@sqlite_only
@pytest.mark.parametrize("where", ["file into place", "commit"])
def test_a_kill_during_an_export_loses_no_row(export_template, tmp_path, where):
    template, steps = export_template
    numbered = list(enumerate(steps, 1))
    kill_at = {
        "first write": next(n for n, sql in numbered if sql.startswith("INSERT")),
        "file into place": next(n for n, sql in numbered if sql.startswith("MOVE")),
        "commit": max(n for n, sql in numbered if sql == "COMMIT"),
    }[where]
    _kill_export(template, tmp_path / "k", kill_at)


@pytest.mark.slow
@sqlite_only
def test_a_kill_at_any_step_of_an_export_loses_no_row(export_template, tmp_path):
    template, steps = export_template
    for kill_at in range(1, len(steps) + 1):
        _kill_export(template, tmp_path / f"k{kill_at}", kill_at)


@pytest.mark.slow
@sqlite_only
def test_parallel_exports_in_separate_processes_never_share_a_row(db, db_path, tmp_path):
    import subprocess
    import sys

    db.dispose()
    ids: list[str] = []
    for round_ in range(8):
        db = open_database(str(db_path))
        new = [f"405-{round_:07d}-{n:07d}" for n in range(5)]
        for order_id in new:
            add_order(db, order_id=order_id)
            cancel(db, order_id, "NoInventory")
        db.dispose()
        ids += new
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "app.cli.main",
                    "--db",
                    str(db_path),
                    "export",
                    "cancellations",
                    str(tmp_path / f"r{round_}-{n}.txt"),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            for n in range(3)
        ]
        for child in children:
            _, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
    sent = []
    for written in tmp_path.glob("r*.txt"):
        sent += written_ids(written)
    assert sorted(sent) == sorted(ids)

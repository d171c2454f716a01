"""Buyer data is the seller's alone: the data folder 0700, every file SellerDesk keeps 0600."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from app.cli.main import main
from app.storage.db import data_dir, open_database
from tests.conftest import ON_POSTGRES

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: about the files themselves")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def kept_files(folder: Path) -> dict[str, int]:
    return {path.name: mode(path) for path in folder.iterdir() if path.is_file()}


def test_every_command_leaves_the_data_folder_private(umask_022, tmp_path, capsys):
    folder = data_dir()
    assert not (folder / "sellerdesk.sqlite").exists()
    out = tmp_path / "c.txt"
    commands = [
        ["demo", "--orders", "20"],
        ["list"],
        ["health"],
        ["setting", "shop-name", "Boutique"],
        ["export", "cancellations", str(out)],
        ["export", "shipments", str(tmp_path / "s.txt")],
    ]
    for command in commands:
        assert main(command) in (0, 1), (command, capsys.readouterr().err)
        assert mode(folder) == 0o700, command
        files = kept_files(folder)
        assert "sellerdesk.sqlite" in files
        assert set(files.values()) == {0o600}, (command, files)
    assert mode(out) == 0o644  # what the seller saves elsewhere follows the folder's usual


def test_an_older_sellerdesks_open_folder_and_files_are_closed_on_open(umask_022):
    folder = data_dir()
    os.chmod(folder, 0o755)
    path = folder / "sellerdesk.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (x)")
        connection.execute("DROP TABLE t")
    os.chmod(path, 0o644)
    open_database(None).dispose()
    assert mode(folder) == 0o700
    assert set(kept_files(folder).values()) == {0o600}


def test_the_upgrade_backup_is_private_even_with_an_open_umask(tmp_path):
    from tests.test_first_start_and_upgrade import at_revision

    path = tmp_path / "shop.sqlite"
    previous = os.umask(0)
    try:
        at_revision(path, "0002")
        os.chmod(path, 0o600)
        open_database(str(path)).dispose()
    finally:
        os.umask(previous)
    [backup] = tmp_path.glob("*.bak")
    assert mode(backup) == 0o600 and mode(path) == 0o600


def test_the_error_log_is_private(umask_022):
    pytest.importorskip("PySide6")
    from ui import error_report

    error_report._write_log(ValueError, ValueError("boom"), None)
    assert mode(error_report.log_path()) == 0o600
    assert mode(data_dir()) == 0o700


def test_a_saved_pdf_never_loosens_an_existing_files_mode_and_a_folder_is_refused(
    cli, db, tmp_path
):
    pdf = tmp_path / "summary.pdf"
    pdf.write_bytes(b"old")
    pdf.chmod(0o600)
    assert cli("summary", "--pdf", str(pdf)).status == 0
    assert pdf.read_bytes().startswith(b"%PDF") and mode(pdf) == 0o600
    folder = cli("summary", "--pdf", str(tmp_path))
    assert folder.status == 2 and folder.err.count("\n") == 1 and "it is a folder" in folder.err


def test_the_marketplace_outbox_and_the_folders_above_it_are_private(
    umask_022, tmp_path, monkeypatch
):
    from app.marketplace.connection import SellerCentral
    from app.marketplace.secrets import SecretStore
    from app.marketplace_files.exports import ExportKind

    data = tmp_path / "home" / "share" / "SellerDesk"  # nothing of it exists yet
    monkeypatch.setenv("SELLERDESK_DATA_DIR", str(data))
    db = open_database(str(tmp_path / "shop.sqlite"))
    try:
        SellerCentral(db, secrets=SecretStore(use_system=False)).queue_export(
            ExportKind.CANCELLATIONS
        )
    finally:
        db.dispose()
    for folder in (data / "sent-to-seller-central", data, data.parent, data.parent.parent):
        assert mode(folder) == 0o700, folder

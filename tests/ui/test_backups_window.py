"""File > Back up now…, File > Restore from backup…, the daily backup and Preferences >
Backups, driven through the real window."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app import settings
from app.storage import backups
from app.storage.db import open_database, sqlite_file
from tests.conftest import ON_POSTGRES
from tests.factories import NOW, OrderSpec, add_order
from tests.ui.by_hand import click
from tests.ui.test_mnemonics import clashes, dialog_texts
from ui.actions import Menu
from ui.backup_actions import RestoreConfirmation
from ui.dialogs.backups_page import BackupsPage
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.translation import install_translators

sqlite_only = pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: backups of the SQLite file")
ORDER = OrderSpec().order_id
RESTORED = ("405-7777777-0000001", "405-7777777-0000002")


def live(win) -> Path:
    path = sqlite_file(win.db)
    assert path is not None
    return path


def a_backup_of_two_other_orders(tmp_path: Path) -> Path:
    other = open_database(str(tmp_path / "other.sqlite"))
    for order_id in RESTORED:
        add_order(other, order_id=order_id)
    other.dispose()
    return backups.back_up(tmp_path / "other.sqlite", str(tmp_path / "chosen.sqlite")).path


def shown_orders(win) -> set[str]:
    return {win.model.order_id_at(row) for row in range(win.model.rowCount())}


@sqlite_only
def test_back_up_now_saves_a_backup_and_says_where(win):
    win.registry["back_up_now"].trigger()
    win.backups.job.wait()
    [made] = backups.backups_of(live(win))
    assert made.taken == NOW.replace(microsecond=0)
    said = f"Backed up 1 order to {made.path}."
    assert win.statusBar().currentMessage() == said
    box = win.backups.box
    assert box is not None and box.objectName() == "backup_saved" and box.text() == said


@sqlite_only
def test_restore_asks_first_naming_both_files_then_the_window_shows_the_backup(
    win, tmp_path, monkeypatch, qtbot
):
    chosen = a_backup_of_two_other_orders(tmp_path)
    monkeypatch.setattr(win.backups, "choose_file", lambda: str(chosen))
    assert shown_orders(win) == {ORDER}
    win.registry["restore_backup"].trigger()
    win.backups.job.wait()  # the chosen file is checked on a worker
    box = win.backups.confirmation
    assert isinstance(box, RestoreConfirmation) and box.isVisible()
    said = box.informativeText()
    assert "with 2 orders" in said and str(chosen) in said
    assert str(live(win)) in said and "backed up first" in said and "replaces everything" in said
    assert backups.backups_of(live(win)) == []  # nothing done before the seller says so
    qtbot.mouseClick(box.restore_button, Qt.MouseButton.LeftButton)
    win.backups.job.wait()
    qtbot.waitUntil(lambda: shown_orders(win) == set(RESTORED))
    assert win.statusBar().currentMessage().startswith(f"Restored 2 orders from {chosen}")
    [before] = backups.backups_of(live(win))  # the database as it was, kept
    assert str(before.path) in win.statusBar().currentMessage()
    # The status bar may cut it: a box says it whole, where the database as it was went.
    told = win.backups.box
    assert told is not None and told.objectName() == "backup_restored" and told.isVisible()
    assert told.text() == win.statusBar().currentMessage() and str(before.path) in told.text()


@sqlite_only
def test_cancelling_the_restore_changes_nothing(qtbot, win, tmp_path, monkeypatch):
    chosen = a_backup_of_two_other_orders(tmp_path)
    monkeypatch.setattr(win.backups, "choose_file", lambda: str(chosen))
    win.registry["restore_backup"].trigger()
    win.backups.job.wait()
    box = win.backups.confirmation
    assert box is not None
    click(qtbot, box.button(QMessageBox.StandardButton.Cancel))
    assert not win.backups.job.busy
    assert shown_orders(win) == {ORDER} and backups.backups_of(live(win)) == []


@sqlite_only
def test_a_file_that_is_not_a_backup_is_refused_in_one_sentence(win, tmp_path, monkeypatch):
    chosen = tmp_path / "orders.txt"
    chosen.write_text("order-id\n", encoding="utf-8")
    monkeypatch.setattr(win.backups, "choose_file", lambda: str(chosen))
    win.registry["restore_backup"].trigger()
    win.backups.job.wait()
    assert win.backups.confirmation is None
    box = win.backups.box
    assert box is not None and box.objectName() == "backup_failed"
    assert box.text() == (
        f"Cannot restore {chosen}: it is not a SellerDesk database. Nothing was changed."
    )
    assert shown_orders(win) == {ORDER}


@sqlite_only
def test_the_daily_backup_runs_on_a_worker_once_a_day(win, qtbot):
    win.start_daily_backup()
    qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("Daily"))
    [made] = backups.backups_of(live(win))
    assert win.statusBar().currentMessage() == f"Daily backup saved: {made.path}"
    win.start_daily_backup()  # the same day: nothing more
    win.tasks.wait(cancel=False)
    assert backups.backups_of(live(win)) == [made]


@sqlite_only
def test_closing_the_window_stops_the_daily_backup_instead_of_waiting_for_it(
    win, qtbot, monkeypatch
):
    real_back_up = backups.back_up
    copying = threading.Event()

    def slow_back_up(database: Path, **options: Any) -> backups.Made:
        # A big database: the copy is still going when the seller closes the window.
        copying.set()
        stopped = options.get("stopped") or (lambda: False)
        deadline = time.monotonic() + 20
        while not stopped() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_back_up(database, **options)

    monkeypatch.setattr(backups, "back_up", slow_back_up)
    win.start_daily_backup()
    assert copying.wait(5)
    started = time.monotonic()
    win.close()
    assert time.monotonic() - started < 5  # told to stop, not waited for
    assert backups.backups_of(live(win)) == []  # nothing half-made is kept
    assert backups.due(live(win))  # the next start takes the day's backup again


def open_backups_page(win) -> tuple[PreferencesDialog, BackupsPage]:
    win.registry["preferences"].trigger()
    (dialog,) = [d for d in win.findChildren(PreferencesDialog) if d.isVisible()]
    (page,) = [p for p in dialog.pages() if isinstance(p, BackupsPage)]
    dialog.tabs.setCurrentWidget(page)
    return dialog, page


@sqlite_only
def test_preferences_backups_page_keeps_the_number_and_shows_the_last_one(db, win, qtbot):
    dialog, page = open_backups_page(win)
    assert page.keep is not None and page.keep.value() == 7
    assert page.last.text() == "None yet" and page.folder.text() == str(backups.folder())
    page.keep.setValue(3)
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    assert settings.get(db, settings.BACKUPS_KEEP) == "3"
    backups.back_up(live(win), now=NOW)
    _dialog, page = open_backups_page(win)
    assert page.keep is not None and page.keep.value() == 3
    assert page.last.text() not in ("", "None yet")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_backups_page_and_the_file_menu_share_no_mnemonic(win, qapp, language):
    install_translators(qapp, language)
    try:
        win.retranslate()
        dialog, _page = open_backups_page(win)
        assert clashes(dialog_texts(dialog)) == []
        file_menu = [action.text() for action in win.menus[Menu.FILE].actions() if action.text()]
        assert clashes(file_menu) == []
        dialog.reject()
    finally:
        install_translators(qapp, "en")
        win.retranslate()


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: a server database")
def test_on_a_server_the_entries_and_the_page_say_backups_are_the_servers_job(win):
    for name in ("back_up_now", "restore_backup"):
        win.registry[name].trigger()
        box = win.backups.box
        assert box is not None and box.objectName() == "backups_on_a_server"
        assert "pg_dump" in box.text()
        box.close()
    _dialog, page = open_backups_page(win)
    assert page.keep is None

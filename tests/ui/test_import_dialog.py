from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from app.order_views.order_list import has_orders
from tests.ui.by_hand import click
from ui.main_window import MainWindow

SAMPLES = Path("/work/shared/samples")
SAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data"


def _report() -> Path:
    for folder in (SAMPLE, SAMPLES):
        candidate = folder / "all-orders-report.txt"
        if candidate.exists():
            return candidate
    raise AssertionError("no sample report")


def choosing(monkeypatch, *paths: Path) -> list[tuple[str, str]]:
    """The seller picks ``paths`` in the file dialog the Import action opens; returns what
    each file dialog asked (its title and its file types)."""
    asked: list[tuple[str, str]] = []

    def pick(_parent, title, _folder, filters):
        asked.append((title, filters))
        return [str(path) for path in paths], filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick)
    return asked


def import_by_hand(window, monkeypatch, *paths: Path) -> None:
    """File > Import (menu, toolbar, shortcut), then the files picked."""
    choosing(monkeypatch, *paths)
    action = window.registry["import_report"]
    assert action.isEnabled(), action.toolTip()
    action.trigger()


def test_import_runs_off_the_gui_thread_and_says_what_it_did(db, qtbot, monkeypatch, frozen_now):
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.welcome
    asked = choosing(monkeypatch, _report())
    with qtbot.waitSignal(window.importer.finished) as finished:
        click(qtbot, window.welcome.import_button)  # the first thing a new seller sees
    assert asked == [("Import order reports", "Order reports (*.txt *.tsv *.csv);;All files (*)")]
    assert finished.args == [True]
    box = window.importer.message
    assert isinstance(box, QMessageBox)
    assert "new orders added" in box.text() or "new order added" in box.text()
    assert has_orders(db)
    assert window.pages.currentWidget() is window.splitter
    assert window.model.rowCount() > 0
    box.close()
    window.shutdown()


def test_unreadable_report_is_explained_and_nothing_is_imported(
    db, qtbot, tmp_path, monkeypatch, frozen_now
):
    bad = tmp_path / "not-a-report.txt"
    bad.write_text("hello\tworld\n1\t2\n", encoding="utf-8")
    window = MainWindow(db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.importer.finished) as finished:
        import_by_hand(window, monkeypatch, bad)
    assert finished.args == [False]
    assert window.importer.message.windowTitle() == "Nothing imported"
    assert window.importer.message.text()
    assert not has_orders(db)
    window.importer.message.close()
    window.shutdown()


def test_stopping_the_import_imports_nothing(db, qtbot, monkeypatch, frozen_now):
    import ui.dialogs.import_dialog as dialog_module
    from app.marketplace_files.importer import ImportCancelled

    def slow_import(db, paths, *, skip_bad_rows, progress, cancelled):
        progress(0, 10)
        pause = threading.Event()
        while not cancelled():
            pause.wait(0.005)  # the worker thread waits for the seller's Stop
        raise ImportCancelled()

    monkeypatch.setattr(dialog_module, "import_reports", slow_import)
    window = MainWindow(db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.importer.finished) as finished:
        import_by_hand(window, monkeypatch, _report())
        task = window.importer.job.task
        assert task is not None
        click(qtbot, window.importer.progress.findChild(QPushButton))  # Stop
    assert task.cancelled()
    assert finished.args == [False]
    assert "cancelled" in window.importer.message.text()
    window.importer.message.close()
    window.shutdown()


def test_bad_rows_offer_to_import_the_other_orders_or_cancel(
    db, qtbot, tmp_path, monkeypatch, frozen_now
):
    """Issue 12 item 6: the bad lines are listed and copyable; "Import the other orders"
    imports the rest as --skip-bad-rows does; Cancel imports nothing."""
    from PySide6.QtGui import QGuiApplication

    from app.order_views.order_list import total_orders
    from tests.reportfiles import order_line, report

    lines = [
        order_line(order_id="405-0000001-0000001"),
        order_line(order_id="405-0000002-0000002", item_price="dix"),
        order_line(order_id="405-0000003-0000003"),
    ]
    path = report(tmp_path / "bad.txt", lines)
    window = MainWindow(db)
    qtbot.addWidget(window)
    import_by_hand(window, monkeypatch, path)
    qtbot.waitUntil(lambda: window.importer.message is not None)
    box = window.importer.message
    assert box.objectName() == "import_bad_rows"
    assert '"dix" is not an amount' in box.detailedText()
    names = {button.objectName() for button in box.buttons()}
    assert {"import_other_orders", "copy_bad_lines"} <= names
    assert not has_orders(db)
    click(qtbot, box.findChild(QPushButton, "copy_bad_lines"))
    assert '"dix" is not an amount' in QGuiApplication.clipboard().text()
    with qtbot.waitSignal(window.importer.finished) as finished:
        click(qtbot, box.findChild(QPushButton, "import_other_orders"))
    assert finished.args == [True]
    assert total_orders(db) == 2
    window.importer.message.close()
    window.shutdown()


def test_cancel_after_bad_rows_imports_nothing(db, qtbot, tmp_path, monkeypatch, frozen_now):
    from PySide6.QtWidgets import QMessageBox

    from tests.reportfiles import order_line, report

    path = report(
        tmp_path / "bad.txt", [order_line(order_id="405-0000002-0000002", item_price="?")]
    )
    window = MainWindow(db)
    qtbot.addWidget(window)
    import_by_hand(window, monkeypatch, path)
    qtbot.waitUntil(lambda: window.importer.message is not None)
    with qtbot.waitSignal(window.importer.finished) as finished:
        click(qtbot, window.importer.message.button(QMessageBox.StandardButton.Cancel))
    assert finished.args == [False]
    assert not has_orders(db)
    window.shutdown()


def test_closing_the_file_chooser_without_a_file_imports_nothing(
    db, qtbot, monkeypatch, frozen_now
):
    window = MainWindow(db)
    qtbot.addWidget(window)
    import_by_hand(window, monkeypatch)  # the seller closes the chooser: no file
    assert window.importer.job.task is None
    assert window.importer.message is None
    assert not has_orders(db)
    assert window.pages.currentWidget() is window.welcome
    window.shutdown()

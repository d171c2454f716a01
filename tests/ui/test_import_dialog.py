from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton

from app.order_list import has_orders
from ui.main_window import MainWindow

SAMPLES = Path("/work/shared/samples")
SAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data"


def _report() -> Path:
    for folder in (SAMPLE, SAMPLES):
        candidate = folder / "all-orders-report.txt"
        if candidate.exists():
            return candidate
    raise AssertionError("no sample report")


def test_import_runs_off_the_gui_thread_and_says_what_it_did(db, qtbot, frozen_now):
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.welcome
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as finished:
        window.importer.start([_report()])
    assert finished.args == [True]
    box = window.importer.message
    assert isinstance(box, QMessageBox)
    assert "new orders added" in box.text() or "new order added" in box.text()
    assert has_orders(db)
    assert window.pages.currentWidget() is window.splitter
    assert window.model.rowCount() > 0
    box.close()
    window.shutdown()


def test_unreadable_report_is_explained_and_nothing_is_imported(db, qtbot, tmp_path, frozen_now):
    bad = tmp_path / "not-a-report.txt"
    bad.write_text("hello\tworld\n1\t2\n", encoding="utf-8")
    window = MainWindow(db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as finished:
        window.importer.start([bad])
    assert finished.args == [False]
    assert window.importer.message.windowTitle() == "Nothing imported"
    assert window.importer.message.text()
    assert not has_orders(db)
    window.importer.message.close()
    window.shutdown()


def test_stopping_the_import_imports_nothing(db, qtbot, monkeypatch, frozen_now):
    import ui.dialogs.import_dialog as dialog_module
    from app.importer import ImportCancelled

    def slow_import(db, paths, *, skip_bad_rows, progress, cancelled):
        progress(0, 10)
        pause = threading.Event()
        while not cancelled():
            pause.wait(0.005)  # the worker thread waits for the seller's Stop
        raise ImportCancelled()

    monkeypatch.setattr(dialog_module, "import_reports", slow_import)
    window = MainWindow(db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.importer.finished, timeout=10000) as finished:
        task = window.importer.start([_report()])
        window.importer.progress.findChild(QPushButton).click()  # Stop
    assert task.cancelled()
    assert finished.args == [False]
    assert "cancelled" in window.importer.message.text()
    window.importer.message.close()
    window.shutdown()

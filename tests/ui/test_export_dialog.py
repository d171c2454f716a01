"""The export dialog: preview the rows, save a batch, write a past batch again."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from app.marketplace_files import exports
from app.marketplace_files.exports import batches
from app.order_actions.orders import cancel
from tests.factories import NOW, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs import export_dialog
from ui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def dialog(db, qtbot):
    add_order(db, OrderSpec(order_id="405-1234567-1234567"))
    add_order(db, OrderSpec(order_id="171-0000001-0000002"))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    cancel(db, "171-0000001-0000002", "PricingError", at=NOW)
    window = ExportDialog(db)
    qtbot.addWidget(window)
    settle(window)
    return window


def settle(dialog: ExportDialog) -> None:
    """Wait for the file being written, then for the preview it asks again."""
    dialog.writing.wait()
    dialog.reading.wait()


def cells(view):
    model = view.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_preview_shows_the_rows_exactly_as_they_will_be_written(dialog, qtmodeltester):
    qtmodeltester.check(dialog.rows)
    assert dialog.kind.currentText() == "Order cancellation file"
    header = [
        dialog.rows.headerData(c, Qt.Orientation.Horizontal)
        for c in range(dialog.rows.columnCount())
    ]
    assert header == ["order-id", "cancellation-reason-code", "amazon-order-item-code"]
    # Reason and item code together (FORMATS.md §2): one row per item.
    assert cells(dialog.table) == [
        ["405-1234567-1234567", "NoInventory", "11111111111111"],
        ["171-0000001-0000002", "PricingError", "11111111111111"],
    ]
    assert "2 new rows" in dialog.summary.text()
    assert dialog.save.isEnabled()


def test_other_file_types_with_nothing_new_say_so_and_cannot_be_saved(dialog):
    dialog.kind.setCurrentIndex(dialog.kind.findData("shipments"))
    assert dialog.summary.text() == "Reading the rows not yet exported…"
    assert not dialog.save.isEnabled()
    settle(dialog)
    assert dialog.rows.rowCount() == 0
    assert dialog.summary.text().startswith("No shipment to export yet")  # none ever written
    assert not dialog.save.isEnabled()


def test_save_writes_a_batch_then_nothing_is_new_and_history_rewrites_it(
    qtbot, dialog, db, tmp_path: Path, monkeypatch
):
    first = tmp_path / "cancellations.txt"
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: str(first))
    click(qtbot, dialog.save)
    settle(dialog)
    assert first.read_bytes().startswith(b"TemplateType=OrderCancellation\t")
    assert "Batch 1: 2 rows written" in dialog.result_line.text()
    assert dialog.rows.rowCount() == 0 and not dialog.save.isEnabled()
    assert [b.id for b in batches(db)] == [1]

    assert dialog.history.rowCount() == 1 and not dialog.rewrite.isEnabled()
    dialog.history.selectRow(0)
    assert dialog.rewrite.isEnabled()
    again = tmp_path / "again.txt"
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: str(again))
    click(qtbot, dialog.rewrite)
    settle(dialog)
    assert again.read_bytes() == first.read_bytes()
    assert "Batch 1 written again" in dialog.result_line.text()


def test_choosing_no_file_writes_nothing(qtbot, dialog, db, monkeypatch):
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: None)
    click(qtbot, dialog.save)
    assert not dialog.writing.busy
    assert batches(db) == []
    assert dialog.rows.rowCount() == 2


def test_a_file_that_cannot_be_written_is_explained_and_nothing_is_exported(
    qtbot, dialog, db, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        dialog, "choose_save_path", lambda suggested: str(tmp_path / "no" / "such" / "c.txt")
    )
    click(qtbot, dialog.save)
    settle(dialog)
    assert "Cannot write" in dialog.problem.text
    assert batches(db) == []
    assert dialog.rows.rowCount() == 2


def test_preview_and_writing_run_off_the_gui_thread_with_a_busy_sign(
    dialog, db, tmp_path: Path, monkeypatch, qtbot
):
    dialog.show()
    release = threading.Event()
    threads: list[int] = []

    def held(real):
        def run(*args, **kwargs):
            threads.append(threading.get_ident())
            assert release.wait(10), "the test never released the work"
            return real(*args, **kwargs)

        return run

    monkeypatch.setattr(export_dialog, "preview", held(exports.preview))
    monkeypatch.setattr(export_dialog, "export_new", held(exports.export_new))
    ticked: list[bool] = []

    dialog.kind.setCurrentIndex(dialog.kind.findData("shipments"))
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[-1] != threading.get_ident()
    assert dialog.busy_bar.isVisible() and not dialog.save.isEnabled()
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the window answers meanwhile
    release.set()
    settle(dialog)
    assert not dialog.busy_bar.isVisible() and "No shipment to export yet" in dialog.summary.text()

    release.clear()
    dialog.kind.setCurrentIndex(dialog.kind.findData("cancellations"))
    release.set()
    settle(dialog)
    release.clear()
    dialog.writing.minimum_duration = 0
    out = tmp_path / "c.txt"
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: str(out))
    click(qtbot, dialog.save)
    progress = dialog.writing.progress
    qtbot.waitUntil(lambda: len(threads) == 3 and progress.isVisible())
    assert threads[-1] != threading.get_ident()
    assert progress.labelText() == "Writing 2 rows…"
    assert not dialog.kind.isEnabled() and not dialog.save.isEnabled()
    release.set()
    settle(dialog)
    assert "Batch 1: 2 rows written" in dialog.result_line.text()
    assert out.read_bytes().startswith(b"TemplateType=OrderCancellation")
    assert dialog.kind.isEnabled() and dialog.writing.progress is None


def test_before_the_first_batch_the_dialog_says_what_will_fill_it(db, qtbot, tmp_path):
    """Issue 12 item 13: "every row is already in a batch" is wrong when there is none."""
    add_order(db, OrderSpec(order_id="405-1234567-1234567"))
    window = ExportDialog(db)
    qtbot.addWidget(window)
    settle(window)
    assert window.summary.text().startswith("No cancellation to export yet: when you cancel")
    assert window.no_batch.isVisibleTo(window) and not window.history.isVisibleTo(window)
    window.kind.setCurrentIndex(window.kind.findData("shipments"))
    settle(window)
    assert window.summary.text().startswith("No shipment to export yet")
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    exports.export_new(db, exports.ExportKind.CANCELLATIONS, tmp_path / "c.txt")
    window.refresh_history()
    window.kind.setCurrentIndex(window.kind.findData("cancellations"))
    settle(window)
    assert window.summary.text().startswith("Nothing new to export in this file type")
    assert window.history.isVisibleTo(window) and not window.no_batch.isVisibleTo(window)

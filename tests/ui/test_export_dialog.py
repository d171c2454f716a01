"""The export dialog: preview the rows, save a batch, write a past batch again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.exports import batches
from app.orders import cancel
from tests.factories import NOW, OrderSpec, add_order
from ui.dialogs.export_dialog import ExportDialog


@pytest.fixture
def dialog(db, qtbot):
    add_order(db, OrderSpec(order_id="405-1234567-1234567"))
    add_order(db, OrderSpec(order_id="171-0000001-0000002"))
    cancel(db, "405-1234567-1234567", "NoInventory", at=NOW)
    cancel(db, "171-0000001-0000002", "PricingError", at=NOW)
    window = ExportDialog(db)
    qtbot.addWidget(window)
    return window


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
    assert cells(dialog.table) == [
        ["405-1234567-1234567", "NoInventory", ""],
        ["171-0000001-0000002", "PricingError", ""],
    ]
    assert "2 new row(s)" in dialog.summary.text()
    assert dialog.save.isEnabled()


def test_other_file_types_with_nothing_new_say_so_and_cannot_be_saved(dialog):
    dialog.kind.setCurrentIndex(dialog.kind.findData("shipments"))
    assert dialog.rows.rowCount() == 0
    assert "Nothing new" in dialog.summary.text()
    assert not dialog.save.isEnabled()


def test_save_writes_a_batch_then_nothing_is_new_and_history_rewrites_it(
    dialog, db, tmp_path: Path, monkeypatch
):
    first = tmp_path / "cancellations.txt"
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: str(first))
    dialog.save.click()
    assert first.read_bytes().startswith(b"TemplateType=OrderCancellation\t")
    assert "Batch 1: 2 row(s) written" in dialog.result_line.text()
    assert dialog.rows.rowCount() == 0 and not dialog.save.isEnabled()
    assert [b.id for b in batches(db)] == [1]

    assert dialog.history.rowCount() == 1 and not dialog.rewrite.isEnabled()
    dialog.history.selectRow(0)
    assert dialog.rewrite.isEnabled()
    again = tmp_path / "again.txt"
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: str(again))
    dialog.rewrite.click()
    assert again.read_bytes() == first.read_bytes()
    assert "Batch 1 written again" in dialog.result_line.text()


def test_choosing_no_file_writes_nothing(dialog, db, monkeypatch):
    monkeypatch.setattr(dialog, "choose_save_path", lambda suggested: None)
    dialog.save.click()
    assert batches(db) == []
    assert dialog.rows.rowCount() == 2


def test_a_file_that_cannot_be_written_is_explained_and_nothing_is_exported(
    dialog, db, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        dialog, "choose_save_path", lambda suggested: str(tmp_path / "no" / "such" / "c.txt")
    )
    dialog.save.click()
    assert "Cannot write" in dialog.problem.text
    assert batches(db) == []
    assert dialog.rows.rowCount() == 2

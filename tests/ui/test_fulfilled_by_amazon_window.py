"""The window on Amazon-fulfilled orders: their filter and count, the mark, refused actions;
the bulk cancel dialog's reason for order-id-only rows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app import clock
from app.demo import fill_demo
from app.order_actions.orders import find_order
from app.order_views.queries import View
from app.storage.models import FulfilledBy, OrderStatus
from tests.factories import NOW, OrderSpec, add_order
from tests.ui.by_hand import choose_file, click
from ui.dialogs.bulk_cancel_dialog import BulkCancelDialog, PlanModel
from ui.main_window import FIRST_COLUMNS, MainWindow
from ui.models.order_table_model import Column
from ui.translation import install_translators

SELLERS = "405-1000000-0000001"
AMAZONS = "405-2000000-0000002"


@pytest.fixture
def shop(db):
    late = NOW - timedelta(days=2)
    add_order(db, OrderSpec(order_id=SELLERS, latest_ship_date=late))
    add_order(
        db, OrderSpec(order_id=AMAZONS, latest_ship_date=late, fulfilled_by=FulfilledBy.MARKETPLACE)
    )
    return db


@pytest.fixture
def window(qtbot, frozen_now, shop):
    win = MainWindow(shop)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(win._counts), timeout=15000)
    yield win
    win.shutdown()


def shown(win):
    return [win.model.order_id_at(r) for r in range(win.model.rowCount())]


def test_the_fulfilled_by_amazon_filter_has_its_count_and_work_lists_leave_them_out(window):
    assert window.filters.count_text(View.FULFILLED_BY_AMAZON) == "1"
    assert window.filters.count_text(View.UNSHIPPED) == "1"
    assert window.filters.count_text(View.LATE) == "⚠ 1"
    window.filters.choose(View.UNSHIPPED)
    assert shown(window) == [SELLERS]
    window.filters.choose(View.FULFILLED_BY_AMAZON)
    assert shown(window) == [AMAZONS]
    assert window.model.index(0, Column.STATUS).data() == "Unshipped"
    ship_by = window.model.index(0, Column.SHIP_BY)
    # The mark where the seller's deadline would be: Amazon's deadline is not the seller's.
    assert ship_by.data().endswith(" · by Amazon") and "late" not in ship_by.data()
    assert "Amazon ships this order" in window.model.data(ship_by, 3)  # ToolTipRole


def test_details_show_the_mark_and_every_action_says_why_it_is_refused(window):
    window.select_order(AMAZONS)
    assert "Fulfilled by Amazon" in window.details.text
    for name in ("confirm_shipment", "cancel_order", "cancel_items", "refund", "record_return"):
        action = window.registry[name]
        assert not action.isEnabled(), name
        assert "Fulfilled by Amazon: " in action.toolTip(), name
    window.select_order(SELLERS)
    assert window.registry["confirm_shipment"].isEnabled()
    assert "Fulfilled by Amazon" not in window.details.text


def test_the_bulk_cancel_dialog_takes_a_reason_for_order_id_only_rows(
    qtbot, frozen_now, db, tmp_path, monkeypatch
):
    add_order(db, order_id=SELLERS)
    path = Path(tmp_path / "other-tool.txt")
    path.write_text(f"order-id\n{SELLERS}\n", encoding="utf-8")
    dialog = BulkCancelDialog(db)
    qtbot.addWidget(dialog)
    choose_file(qtbot, monkeypatch, dialog, path)
    dialog.job.wait()
    outcome = dialog.model.index(0, PlanModel.OUTCOME).data()
    assert "reason code is blank" in outcome
    assert not dialog.apply_button.isEnabled()
    dialog.default_reason.setCurrentIndex(dialog.default_reason.findData("NoInventory"))
    dialog.job.wait()
    assert "Cancels the whole order" in dialog.model.index(0, PlanModel.OUTCOME).data()
    click(qtbot, dialog.apply_button)
    dialog.job.wait()
    with db.reading() as session:
        order = find_order(session, SELLERS)
        assert order.status is OrderStatus.CANCELED
        assert [c.reason for c in order.cancellations] == ["NoInventory"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_mark_fits_the_ship_by_column_at_1366_px(db, qtbot, language):
    fill_demo(db, orders=40, seed=5, now=clock.now() - timedelta(hours=1))
    add_order(db, OrderSpec(order_id=AMAZONS, fulfilled_by=FulfilledBy.MARKETPLACE))
    app = QCoreApplication.instance()
    install_translators(app, language)
    try:
        win = MainWindow(db)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        qtbot.waitUntil(lambda: bool(win._counts))
        qtbot.waitUntil(lambda: win.filters.width() >= win.filters.sizeHint().width())
        win.filters.choose(View.FULFILLED_BY_AMAZON)
        qtbot.waitUntil(lambda: shown(win) == [AMAZONS])
        header = win.table.horizontalHeader()
        cell = win.model.index(0, Column.SHIP_BY).data()
        assert cell.endswith({"en": "by Amazon", "fr": "par Amazon"}[language])
        assert (
            header.sectionSize(Column.SHIP_BY)
            >= win.table.fontMetrics().horizontalAdvance(cell) + 8
        ), cell
        for column in FIRST_COLUMNS:
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert right <= win.table.viewport().width(), Column(column).name
        win.shutdown()
    finally:
        install_translators(app, "en")

"""After an action the window refreshes what the action said it changed, and only that.

Driven through the real actions and buttons; spies count the list's reloads, the
filter counts and the health page's recomputation, so a window that went back to
re-reading everything after every action fails here.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import ShipmentRequest, cancel, confirm_shipment
from app.order_views.order_list import Column
from app.order_views.queries import View
from app.storage.models import OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click, trigger
from ui import main_window
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.refund_dialog import RefundDialog
from ui.dialogs.ship_dialog import ShipDialog
from ui.main_window import MainWindow
from ui.models.order_table_model import OrderTableModel

FIRST = "405-0000001-0000001"  # newest: the list's first row
TO_SHIP = "405-0000002-0000002"
SHIPPED = "405-0000003-0000003"


@pytest.fixture
def shop(db):
    add_order(db, OrderSpec(order_id=FIRST, purchase_date=NOW - timedelta(hours=5)))
    add_order(db, OrderSpec(order_id=TO_SHIP, purchase_date=NOW - timedelta(days=1)))
    add_order(
        db,
        OrderSpec(
            order_id=SHIPPED,
            status=OrderStatus.SHIPPED,
            purchase_date=NOW - timedelta(days=2),
            items=[ItemSpec(quantity_shipped=1, order_item_id="31")],
        ),
    )
    return db


class Spies:
    """How often the window re-read the list, counted the filters, rebuilt health."""

    def __init__(self, win: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reloads = 0
        self.counts = 0
        self.health = 0
        reload, refresh_health = win.model.reload, win.health.refresh
        view_counts = main_window.view_counts

        def reloading() -> None:
            self.reloads += 1
            reload()

        def counting(*args, **kwargs):
            self.counts += 1
            return view_counts(*args, **kwargs)

        def recomputing(*args, **kwargs) -> None:
            self.health += 1
            refresh_health(*args, **kwargs)

        monkeypatch.setattr(win.model, "reload", reloading)
        monkeypatch.setattr(main_window, "view_counts", counting)
        monkeypatch.setattr(win.health, "refresh", recomputing)


@pytest.fixture
def win(shop, qtbot, frozen_now):
    window = MainWindow(shop)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    window.show()
    window.filters.choose_health()  # health computed once: what follows makes it stale or not
    window.filters.choose(View.ALL)
    yield window
    window.shutdown()


def ship(win, qtbot, order_id: str) -> None:
    win.select_order(order_id)
    dialog = trigger(win, "confirm_shipment", ShipDialog)
    dialog.choose_carrier("DHL")
    click(qtbot, dialog.confirm_button)
    assert not dialog.isVisible()


def status_cell(win, order_id: str) -> str:
    row = win.model.row_of(order_id)
    assert row is not None
    return win.model.index(row, Column.STATUS).data()


def test_shipping_one_order_updates_its_row_in_place_and_the_counts(win, qtbot, monkeypatch):
    spies = Spies(win, monkeypatch)
    resets = []
    win.model.modelReset.connect(lambda: resets.append(True))
    assert win.filters.count_text(View.SHIPPED) == "1"
    with qtbot.waitSignal(win.counts_updated):
        ship(win, qtbot, TO_SHIP)
    assert status_cell(win, TO_SHIP) == "Shipped"  # the list says so at once
    assert win.model.row_of(TO_SHIP) == 1  # where it was, still selected
    assert win.model.order_id_at(win.table.currentIndex().row()) == TO_SHIP
    assert win.current_details is not None and win.current_details.status is OrderStatus.SHIPPED
    assert win.filters.count_text(View.SHIPPED) == "2"
    assert win.filters.count_text(View.UNSHIPPED) == "1"
    assert (spies.reloads, resets, spies.counts) == (0, [], 1)  # one row read, one count
    assert spies.health == 0  # hidden: recomputed when next shown, once
    win.filters.choose_health()
    assert spies.health == 1


def test_an_order_that_leaves_the_filter_reloads_the_list_once(win, qtbot, monkeypatch):
    win.filters.choose(View.UNSHIPPED)
    spies = Spies(win, monkeypatch)
    with qtbot.waitSignal(win.counts_updated):
        ship(win, qtbot, FIRST)
    assert win.model.row_of(FIRST) is None  # shipped: no longer to ship
    assert spies.reloads == 1
    # The row now in its place is the one the actions apply to.
    assert win.current_details is not None and win.current_details.order_id == TO_SHIP
    assert win.model.order_id_at(win.table.currentIndex().row()) == TO_SHIP


def test_a_refund_re_reads_the_order_only(win, qtbot, monkeypatch):
    spies = Spies(win, monkeypatch)
    count_tasks = win._counts_task
    win.select_order(SHIPPED)
    dialog = trigger(win, "refund", RefundDialog)
    click(qtbot, dialog.full_all)
    click(qtbot, dialog.ok_button)
    assert "Refunded" in win.details.text
    assert win._counts_task is count_tasks  # no count started
    assert (spies.reloads, spies.counts) == (0, 0)
    win.filters.choose_health()  # refunds due are on the health page: read again there
    assert spies.health == 1


def test_a_logged_message_re_reads_the_timeline_only(win, qtbot, monkeypatch):
    spies = Spies(win, monkeypatch)
    rows_read = []
    monkeypatch.setattr(win.model, "refresh_orders", lambda ids: rows_read.append(ids))
    win.select_order(TO_SHIP)
    dialog = trigger(win, "message_buyer", MessageDialog)
    click(qtbot, dialog.copy_button)
    assert "Message to the buyer" in win.details.text
    dialog.reject()
    assert (spies.reloads, spies.counts, rows_read) == (0, 0, [])
    win.filters.choose_health()
    assert spies.health == 0  # health was not made stale by a message


def test_closing_the_export_dialog_without_writing_refreshes_nothing(win, monkeypatch):
    spies = Spies(win, monkeypatch)
    dialog = trigger(win, "export_files", ExportDialog)
    dialog.reject()
    assert (spies.reloads, spies.counts) == (0, 0)


def test_opening_an_order_from_health_reads_it_once(win, qtbot, monkeypatch):
    win.filters.choose(View.SHIPPED)
    win.filters.choose_health()
    reads = []
    order_details = main_window.order_details

    def reading(db, order_id):
        reads.append(order_id)
        return order_details(db, order_id)

    monkeypatch.setattr(main_window, "order_details", reading)
    win.health.order_activated.emit(TO_SHIP)
    assert win.filters.current_view() is View.ALL
    assert win.model.order_id_at(win.table.currentIndex().row()) == TO_SHIP
    assert reads == [TO_SHIP]


def test_a_row_stays_put_unless_its_place_in_the_sort_changed(shop, qtbot, frozen_now):
    model = OrderTableModel(shop)
    cancel(shop, FIRST, "NoInventory", at=NOW)
    assert model.refresh_orders([FIRST]) is True  # newest first: still first
    assert model.order_id_at(0) == FIRST
    assert model.index(0, Column.STATUS).data() == "Canceled"

    model.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    before = [model.order_id_at(row) for row in range(model.rowCount())]
    assert before == [FIRST, SHIPPED, TO_SHIP]  # Canceled, Shipped, Unshipped
    confirm_shipment(shop, TO_SHIP, ShipmentRequest(carrier=resolve_carrier("DHL")), at=NOW)
    with qtbot.waitSignal(model.modelReset):
        assert model.refresh_orders([TO_SHIP]) is False  # Shipped now sorts before Unshipped
    # Two Shipped orders now, in the order they were stored (the sort's tie-break).
    assert [model.order_id_at(row) for row in range(3)] == [FIRST, TO_SHIP, SHIPPED]
    model.wait()

"""Every order action as the seller does it: the menu action, then a click on the dialog's button.

No slot is called directly: each action is triggered (``QAction.trigger``, what the
menu, the toolbar and the shortcut do) and each dialog is confirmed with a mouse
click; then what the seller sees is checked: the status, the timeline, the state of
the other actions.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QRadioButton

from app.storage.models import OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.cancel_items_dialog import CancelItemsDialog
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.refund_dialog import RefundDialog
from ui.dialogs.return_dialog import ReturnDialog
from ui.dialogs.ship_dialog import ShipDialog
from ui.main_window import MainWindow

D = TypeVar("D", bound=QDialog)

PENDING = "405-0000001-0000001"
UNSHIPPED = "405-0000002-0000002"
SHIPPED = "405-0000003-0000003"
TWO_ITEMS = "405-0000005-0000005"


@pytest.fixture
def win(db, qtbot, frozen_now):
    add_order(db, OrderSpec(order_id=PENDING, status=OrderStatus.PENDING))
    add_order(db, OrderSpec(order_id=UNSHIPPED, purchase_date=NOW - timedelta(days=1)))
    add_order(
        db,
        OrderSpec(
            order_id=SHIPPED,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(quantity_shipped=1, order_item_id="31")],
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=TWO_ITEMS,
            items=[
                ItemSpec(sku="TEE-01", order_item_id="51"),
                ItemSpec(sku="LAMP-9", order_item_id="52"),
            ],
        ),
    )
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window._counts))
    yield window
    window.shutdown()


def opened(win: MainWindow, kind: type[D]) -> D:
    """The one dialog of ``kind`` the last action opened."""
    (dialog,) = [d for d in win.findChildren(kind) if d.isVisible()]
    return dialog


def click(qtbot, button) -> None:
    """A left click where the seller would click: the middle, or a radio button's circle."""
    assert button.isEnabled(), button.toolTip()
    if isinstance(button, QRadioButton):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_confirm_shipment_from_the_menu(win, qtbot):
    win.select_order(UNSHIPPED)
    win.registry["confirm_shipment"].trigger()
    dialog = opened(win, ShipDialog)
    dialog.choose_carrier("Colissimo")
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert win.current_details.status is OrderStatus.SHIPPED
    assert "Shipment confirmed" in win.details.text
    assert not win.registry["confirm_shipment"].isEnabled()
    assert win.registry["refund"].isEnabled()


def test_cancel_order_from_the_menu(win, qtbot):
    win.select_order(UNSHIPPED)
    win.registry["cancel_order"].trigger()
    dialog = opened(win, CancelDialog)
    dialog.choose_reason("NoInventory")
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert win.current_details.status is OrderStatus.CANCELED
    assert win.registry["cancel_order"].toolTip() == "This order is cancelled."
    assert not win.registry["cancel_order"].isEnabled()


def test_cancel_items_from_the_menu(win, qtbot):
    win.select_order(TWO_ITEMS)
    win.registry["cancel_items"].trigger()
    dialog = opened(win, CancelItemsDialog)
    dialog.quantities["52"].setValue(1)
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert win.current_details.status is OrderStatus.UNSHIPPED  # the tee is still to ship
    assert "1 cancelled" in win.details.text
    assert win.registry["confirm_shipment"].isEnabled()


def test_refund_from_the_menu(win, qtbot):
    win.select_order(SHIPPED)
    win.registry["refund"].trigger()
    dialog = opened(win, RefundDialog)
    click(qtbot, dialog.full_all)
    total = dialog.total.text()  # 14.90 + 2.48 + 4.90 + 0.82, € placed as the locale wants
    assert total.startswith("The buyer gets back: ") and "23.10" in total
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Refunded" in win.details.text
    assert "23.10" in win.details.text


def test_return_received_from_the_menu_opens_the_refund_then_refunds(win, qtbot):
    win.select_order(SHIPPED)
    win.registry["record_return"].trigger()
    dialog = opened(win, ReturnDialog)
    click(qtbot, dialog.received)
    assert dialog.received.isChecked()
    dialog.choose_condition("new")
    click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert "Return received (new); refund due by" in win.details.text
    refund = opened(win, RefundDialog)  # prefilled: everything, no fee for "new"
    click(qtbot, refund.ok_button)
    qtbot.waitUntil(lambda: not refund.isVisible())
    assert "Refunded" in win.details.text


def test_message_buyer_from_the_menu_logs_it_on_the_timeline(win, qtbot):
    win.select_order(UNSHIPPED)
    win.registry["message_buyer"].trigger()
    dialog = opened(win, MessageDialog)
    click(qtbot, dialog.copy_button)
    assert "Message to the buyer" in win.details.text
    dialog.reject()


@pytest.mark.parametrize(
    ("order_id", "action", "why"),
    [
        (
            PENDING,
            "confirm_shipment",
            "Amazon is still verifying the buyer's payment. A pending order has no address "
            "yet and must not be shipped, even if the buyer writes to you.",
        ),
        (
            UNSHIPPED,
            "refund",
            "Nothing is shipment-confirmed yet, so nothing was charged: cancel the order or "
            "items instead of refunding.",
        ),
        (
            SHIPPED,
            "cancel_items",
            "The order is shipped, so it can no longer be cancelled: refund the buyer instead "
            "(after the return if the buyer sends the parcel back).",
        ),
    ],
)
def test_a_refused_action_is_disabled_says_why_and_opens_nothing(win, order_id, action, why):
    win.select_order(order_id)
    assert not win.registry[action].isEnabled()
    assert win.registry[action].toolTip() == why
    before = set(win.findChildren(QDialog))
    win.registry[action].trigger()  # a disabled action does nothing, even from a shortcut
    assert [d for d in win.findChildren(QDialog) if d not in before and d.isVisible()] == []

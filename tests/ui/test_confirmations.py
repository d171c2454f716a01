"""Issue 12 item 13: the status bar confirms a shipment, a cancellation and a refund."""

from __future__ import annotations

from tests.ui import test_main_window as base
from tests.ui.by_hand import click, trigger
from tests.ui.test_main_window import SHIPPED, UNSHIPPED
from tests.ui.test_selection import click_row
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.refund_dialog import RefundDialog
from ui.dialogs.ship_dialog import ShipDialog

every_state = base.every_state
window = base.window


def test_ship_cancel_and_refund_are_confirmed_in_the_status_bar(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    ship = trigger(win, "confirm_shipment", ShipDialog)
    ship.choose_carrier("DHL")
    click(qtbot, ship.confirm_button)
    assert win.statusBar().currentMessage() == f"Shipment of order {UNSHIPPED} confirmed."

    click_row(win, qtbot, SHIPPED)
    refund = trigger(win, "refund", RefundDialog)
    click(qtbot, refund.full_all)
    click(qtbot, refund.ok_button)
    assert win.statusBar().currentMessage() == f"Refund of order {SHIPPED} recorded."


def test_a_cancellation_is_confirmed_in_the_status_bar(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    cancel = trigger(win, "cancel_order", CancelDialog)
    cancel.choose_reason("NoInventory")
    click(qtbot, cancel.confirm_button)
    assert win.statusBar().currentMessage() == f"Order {UNSHIPPED} cancelled."

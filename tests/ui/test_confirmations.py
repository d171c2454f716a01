"""Issue 12 item 13: the status bar confirms a shipment, a cancellation and a refund."""

from __future__ import annotations

from tests.ui import test_main_window as base
from tests.ui.test_main_window import SHIPPED, UNSHIPPED
from tests.ui.test_selection import click_row

every_state = base.every_state
window = base.window


def test_ship_cancel_and_refund_are_confirmed_in_the_status_bar(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    ship = win.confirm_shipment()
    ship.choose_carrier("DHL")
    ship.confirm_button.click()
    assert win.statusBar().currentMessage() == f"Shipment of order {UNSHIPPED} confirmed."

    click_row(win, qtbot, SHIPPED)
    refund = win.refund()
    refund.refund_everything()
    refund.ok_button.click()
    assert win.statusBar().currentMessage() == f"Refund of order {SHIPPED} recorded."


def test_a_cancellation_is_confirmed_in_the_status_bar(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    cancel = win.cancel_order()
    cancel.choose_reason("NoInventory")
    cancel.confirm_button.click()
    assert win.statusBar().currentMessage() == f"Order {UNSHIPPED} cancelled."

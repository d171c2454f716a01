"""Issue 12 item 1: an action always reaches the order the seller sees selected."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from app.order_views.queries import View
from tests.ui import test_main_window as base
from tests.ui.by_hand import click, trigger
from tests.ui.test_main_window import CANCELED, LATE, SHIPPED, UNSHIPPED, shown
from ui.dialogs.cancel_dialog import CancelDialog
from ui.i18n import money

every_state = base.every_state  # the fixtures of the main window tests
window = base.window
BUYER = "Aurélien Garçon"


def click_filter(win, qtbot, view: View) -> None:
    item = win.filters._items[view]
    rect = win.filters.visualItemRect(item)
    qtbot.mouseClick(win.filters.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_row(win, qtbot, order_id: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    row = win.model.row_of(order_id)
    rect = win.table.visualRect(win.model.index(row, 0))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_a_filter_that_hides_the_selected_order_moves_the_selection_to_a_visible_one(
    every_state, window, qtbot
):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    assert win.current_details.order_id == UNSHIPPED
    click_filter(win, qtbot, View.CANCELED)
    assert shown(win) == [CANCELED]
    assert win.current_details.order_id == CANCELED
    assert win.selected_order_ids() == [CANCELED]
    assert CANCELED in win.details.text and UNSHIPPED not in win.details.text
    # Cancel order is for the order in sight, which is already cancelled.
    assert not win.registry["cancel_order"].isEnabled()


def test_an_empty_filter_leaves_no_order_for_the_actions(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    win.search.setText("no such buyer anywhere")
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    # On PostgreSQL a search always runs on a worker: wait for its (empty) page.
    qtbot.waitUntil(lambda: shown(win) == [])
    assert win.current_details is None
    assert not win.registry["cancel_order"].isEnabled()
    assert not win.registry["message_buyer"].isEnabled()


def test_the_order_that_leaves_the_list_after_an_action_hands_over_to_the_next_row(
    every_state, window, qtbot
):
    win = window(every_state)
    win.show()
    click_filter(win, qtbot, View.UNSHIPPED)
    click_row(win, qtbot, LATE)
    position = win.model.row_of(LATE)
    dialog = trigger(win, "cancel_order", CancelDialog)
    click(qtbot, dialog.confirm_button)
    assert LATE not in shown(win)
    assert win.current_details is not None
    assert win.current_details.order_id == win.model.order_id_at(position)
    assert win.selected_order_ids() == [win.current_details.order_id]


def test_tab_in_the_list_goes_to_the_details_not_to_another_order(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    click_row(win, qtbot, SHIPPED)
    win.table.setFocus()
    qtbot.keyClick(win.table, Qt.Key.Key_Tab)
    assert win.current_details.order_id == SHIPPED
    assert not win.table.hasFocus()
    focused = QApplication.focusWidget()
    assert focused is not None and win.details.isAncestorOf(focused)


def test_ctrl_click_unselecting_the_current_row_leaves_the_actions_on_a_selected_row(
    every_state, window, qtbot
):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    click_row(win, qtbot, SHIPPED, Qt.KeyboardModifier.ControlModifier)
    click_row(win, qtbot, SHIPPED, Qt.KeyboardModifier.ControlModifier)
    assert win.selected_order_ids() == [UNSHIPPED]
    assert win.current_details.order_id == UNSHIPPED
    click_row(win, qtbot, UNSHIPPED, Qt.KeyboardModifier.ControlModifier)
    assert win.selected_order_ids() == []
    assert win.current_details is None
    assert not win.registry["cancel_order"].isEnabled()


def open_dialogs():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]


def test_every_order_dialog_names_the_order_buyer_and_total_in_its_body(every_state, window, qtbot):
    win = window(every_state)
    win.show()
    click_row(win, qtbot, UNSHIPPED)
    for name in ("confirm_shipment", "cancel_order", "cancel_items", "message_buyer"):
        win.registry[name].trigger()
        (dialog,) = open_dialogs()
        text = dialog.banner.text()
        assert UNSHIPPED in text and BUYER in text and money(Decimal("23.10"), "EUR") in text, (
            name,
            text,
        )
        buttons = dialog.findChild(QDialogButtonBox)
        assert dialog.banner.isVisibleTo(dialog)
        assert dialog.banner.y() < buttons.y()
        dialog.reject()
    click_row(win, qtbot, SHIPPED)
    for name in ("refund", "record_return"):
        win.registry[name].trigger()
        (dialog,) = open_dialogs()
        assert SHIPPED in dialog.banner.text() and BUYER in dialog.banner.text()
        dialog.reject()

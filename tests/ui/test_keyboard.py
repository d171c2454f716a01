"""Issue 12 item 10: the window by keyboard alone. Tab leaves the order list for the
details pane and then the order's action buttons, without changing the selection."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from tests.ui import test_main_window as base
from tests.ui.test_main_window import UNSHIPPED
from tests.ui.test_selection import click_row

every_state = base.every_state  # the fixtures of the main window tests
window = base.window


def test_tab_walks_from_the_list_to_the_details_and_the_action_buttons(every_state, window, qtbot):
    win = window(every_state)
    win.resize(1366, 768)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    click_row(win, qtbot, UNSHIPPED)
    win.table.setFocus()
    visited = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        visited.append(focused)
        if focused is win.table:
            break
    in_details = [w for w in visited if w is not None and win.details.isAncestorOf(w)]
    buttons = [w for w in in_details if isinstance(w, QToolButton)]
    assert in_details and in_details[0] is visited[0], "Tab stays in the list"
    shown_buttons = win.details.visible_buttons()
    assert shown_buttons and set(shown_buttons) <= set(buttons), "an action button is skipped"
    assert win.current_details.order_id == UNSHIPPED  # Tab never moved the selection

"""Issue 12 item 8 in the window: the seller notes from the Orders menu (or the list's
right-click menu) that the buyer asked to cancel by message; the list flags the order in
Buyer requested, the details pane shows it with the S5 reply one click away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from app.order_views.order_list import Column
from app.order_views.queries import View
from tests.factories import NOW, OrderSpec, add_order
from ui.dialogs.asked_by_message_dialog import AskedByMessageDialog
from ui.dialogs.message_dialog import MessageDialog
from ui.main_window import MainWindow

ORDER = "405-1234567-1234567"
PENDING = "405-7654321-7654321"


@pytest.fixture
def win(db, qtbot, frozen_now):
    add_order(db, OrderSpec())
    add_order(db, OrderSpec(order_id=PENDING, status="Pending"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.shutdown()


def opened_dialog(qtbot) -> AskedByMessageDialog:
    found: list[AskedByMessageDialog] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, AskedByMessageDialog) and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown)
    return found[0]


def test_noted_from_the_orders_menu_the_order_is_flagged_with_the_reply_one_click_away(win, qtbot):
    action = win.registry["note_asked_by_message"]
    assert action in win.menus[win.registry.specs["note_asked_by_message"].menu].actions()
    win.select_order(ORDER)
    assert action.isEnabled()
    assert not win.details.asked_banner.isVisibleTo(win)
    action.trigger()
    dialog = opened_dialog(qtbot)
    assert ORDER in dialog.findChild(QLabel, "order_banner").text()
    wrote = NOW - timedelta(hours=3)
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(wrote.timestamp())))
    qtbot.keyClicks(dialog.note, "Could you cancel? I ordered twice.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    assert "request by message is noted" in win.statusBar().currentMessage()
    assert win.details.asked_banner.isVisibleTo(win)
    assert "Could you cancel? I ordered twice." in win.details.text
    assert not action.isEnabled()  # noted once
    assert action.toolTip().startswith("Already noted")
    row = win.model.row_of(ORDER)
    assert win.model.index(row, Column.BUYER_REQUESTED).data()  # the flag, beside the official
    qtbot.waitUntil(lambda: win.filters.count_text(View.BUYER_REQUESTED) == "1")
    win.filters.choose(View.BUYER_REQUESTED)
    assert [win.model.order_id_at(r) for r in range(win.model.rowCount())] == [ORDER]

    qtbot.mouseClick(win.details.s5_reply_button, Qt.MouseButton.LeftButton)
    message = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MessageDialog) and w.isVisible()
    )
    assert message.template_key() == "s5_request_cancellation"
    message.reject()


def test_a_pending_order_says_why_not_and_nothing_opens(win, qtbot):
    win.select_order(PENDING)
    action = win.registry["note_asked_by_message"]
    assert not action.isEnabled()
    assert "customer service" in action.toolTip()
    assert "customer service" in win.details.text  # "What you can do" says it too
    action.trigger()
    QApplication.processEvents()
    assert not any(
        isinstance(w, AskedByMessageDialog) and w.isVisible()
        for w in QApplication.topLevelWidgets()
    )


def test_a_time_before_the_order_stays_in_the_dialog_and_changes_nothing(win, qtbot, db):
    win.select_order(ORDER)
    win.registry["note_asked_by_message"].trigger()
    dialog = opened_dialog(qtbot)
    # The edit itself refuses a time before the purchase or after now.
    dialog.when.setDateTime(
        QDateTime.fromSecsSinceEpoch(int(datetime(2001, 1, 1, tzinfo=UTC).timestamp()))
    )
    assert dialog.when.dateTime().toSecsSinceEpoch() >= int((NOW - timedelta(days=2)).timestamp())
    dialog.when.setDateTime(
        QDateTime.fromSecsSinceEpoch(int((NOW + timedelta(days=3)).timestamp()))
    )
    assert dialog.when.dateTime().toSecsSinceEpoch() <= int(NOW.timestamp())
    qtbot.keyClicks(dialog.note, "x" * 2001)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "too long" in dialog.problem.text
    dialog.reject()
    assert not win.details.asked_banner.isVisibleTo(win)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_lists_right_click_menu_offers_it_for_the_order_under_the_pointer(win, qtbot):
    row = win.model.row_of(ORDER)
    position = win.table.visualRect(win.model.index(row, Column.ORDER_ID)).center()
    shown: list[QMenu] = []
    menu = win.menus[win.registry.specs["note_asked_by_message"].menu]
    menu.aboutToShow.connect(lambda: shown.append(menu))
    # A right click, as the platform delivers it to the list.
    QApplication.sendEvent(
        win.table.viewport(),
        QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse,
            position,
            win.table.viewport().mapToGlobal(position),
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    qtbot.waitUntil(lambda: bool(shown))
    assert win.current_details is not None and win.current_details.order_id == ORDER
    assert win.registry["note_asked_by_message"] in menu.actions()
    menu.close()

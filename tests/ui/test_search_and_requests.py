"""Issue 12 items 8 and 9 in the window: a request to cancel by message is flagged in the
list and on top of the details pane with the S5 reply one click away; the search ignores
accents, says in which filter an order id typed elsewhere is, and is driven by the keyboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.order_actions.orders import cancel
from app.order_views.order_list import Column
from app.order_views.queries import View
from app.storage import audit
from app.storage.models import Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from ui.dialogs.message_dialog import MessageDialog
from ui.main_window import MainWindow

ORDER = "405-1234567-1234567"
OTHER = "405-7654321-7654321"


@pytest.fixture
def window(qtbot, frozen_now):
    windows = []

    def make(db):
        win = MainWindow(db)
        qtbot.addWidget(win)
        windows.append(win)
        qtbot.waitUntil(lambda: bool(win._counts))
        win.show()
        qtbot.waitExposed(win)
        return win

    yield make
    for win in windows:
        win.shutdown()


def shown(win) -> list[str]:
    return [win.model.order_id_at(r) for r in range(win.model.rowCount())]


def buyer_writes(db, order_id: str = ORDER) -> None:
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == order_id)).one()
        audit.record(
            session,
            order,
            kind="buyer-message",
            summary="please cancel",
            at=NOW - timedelta(hours=2),
            actor="buyer",
        )


def rename_buyer(db, order_id: str, name: str) -> None:
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == order_id)).one()
        order.buyer_name = name


# -- item 8 ------------------------------------------------------------------


def test_a_request_by_message_is_flagged_in_the_list_and_the_details(db, window, qtbot):
    add_order(db)
    add_order(db, OrderSpec(order_id=OTHER, buyer_requested_cancel=True))
    buyer_writes(db)
    win = window(db)
    assert win.filters.count_text(View.BUYER_REQUESTED) == "2"
    win.filters.choose(View.BUYER_REQUESTED)
    assert sorted(shown(win)) == [ORDER, OTHER]
    cells = {
        win.model.order_id_at(r): win.model.index(r, Column.BUYER_REQUESTED).data()
        for r in range(win.model.rowCount())
    }
    assert cells == {ORDER: "✉", OTHER: "⚑"}  # marks, their words in the tooltips
    tips = {
        win.model.order_id_at(r): win.model.index(r, Column.BUYER_REQUESTED).data(
            Qt.ItemDataRole.ToolTipRole
        )
        for r in range(win.model.rowCount())
    }
    assert tips[ORDER].startswith("✉ Asked by message — ")
    assert tips[OTHER].startswith("⚑ Buyer requested — ")
    win.select_order(OTHER)
    assert not win.details.asked_banner.isVisible()
    win.select_order(ORDER)
    assert win.details.asked_banner.isVisible()
    assert "asked to cancel by message only" in win.details._asked_text.text()
    assert "✉ Asked by message" in win.details.text.split("What you can do")[0]


def test_the_s5_reply_is_one_click_from_the_details_pane(db, window, qtbot):
    add_order(db)
    buyer_writes(db)
    win = window(db)
    win.select_order(ORDER)
    qtbot.mouseClick(win.details.s5_reply_button, Qt.MouseButton.LeftButton)
    (dialog,) = [d for d in win.findChildren(MessageDialog) if d.isVisible()]
    assert dialog.template_key() == "s5_request_cancellation"
    assert "Request cancellation" in dialog.body_edit.toPlainText()


def test_once_cancelled_the_flag_and_the_banner_go(db, window, qtbot):
    add_order(db)
    buyer_writes(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    win = window(db)
    win.select_order(ORDER)
    assert not win.details.asked_banner.isVisible()
    assert win.model.index(0, Column.BUYER_REQUESTED).data() == ""


# -- item 9 ------------------------------------------------------------------


@pytest.mark.parametrize(("stored", "typed"), [("Lemaître", "Lemaitre"), ("Lemaitre", "Lemaître")])
def test_typing_a_name_without_its_accents_finds_it(db, window, qtbot, stored, typed):
    add_order(db)
    add_order(db, OrderSpec(order_id=OTHER))
    rename_buyer(db, ORDER, f"Jeanne {stored}")
    win = window(db)
    win.search.setFocus()
    win.search.insert(typed)  # as a keyboard layout with î types it (QTest sends Latin-1 only)
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(win) == [ORDER], timeout=15000)  # PostgreSQL: on a worker


def test_an_order_id_typed_in_another_filter_says_where_it_is_and_switches(db, window, qtbot):
    add_order(db)
    add_order(
        db,
        OrderSpec(order_id=OTHER, status=OrderStatus.SHIPPED, items=[ItemSpec(quantity_shipped=1)]),
    )
    cancel(db, ORDER, "NoInventory", at=NOW)
    win = window(db)
    win.filters.choose(View.SHIPPED)
    qtbot.keyClicks(win.search, ORDER)
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.elsewhere.isVisible(), timeout=15000)
    assert win.elsewhere.text() == (
        f"➜ Order {ORDER} is not in Shipped: it is in Canceled. Show it there"
    )
    assert not win.registry["refund"].isEnabled()  # nothing acts on an order out of sight
    qtbot.mouseClick(win.elsewhere, Qt.MouseButton.LeftButton)
    assert win.model.query.view is View.CANCELED
    qtbot.waitUntil(lambda: shown(win) == [ORDER], timeout=15000)
    qtbot.waitUntil(
        lambda: win.current_details is not None and win.current_details.order_id == ORDER,
        timeout=15000,
    )
    assert not win.elsewhere.isVisible()


def test_enter_and_down_move_to_the_results_and_escape_clears(db, window, qtbot):
    add_order(db)
    add_order(db, OrderSpec(order_id=OTHER))
    rename_buyer(db, OTHER, "Zoé Lemaître")
    win = window(db)
    win.search.setFocus()
    qtbot.keyClicks(win.search, "lemaitre")
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(win) == [OTHER], timeout=15000)  # PostgreSQL: on a worker
    assert win.focusWidget() is win.table
    qtbot.waitUntil(
        lambda: win.current_details is not None and win.current_details.order_id == OTHER,
        timeout=15000,
    )

    win.search.setFocus()
    qtbot.keyClick(win.search, Qt.Key.Key_Escape)
    assert win.search.text() == ""
    qtbot.waitUntil(lambda: sorted(shown(win)) == [ORDER, OTHER], timeout=15000)
    assert win.focusWidget() is win.search

    qtbot.keyClicks(win.search, "lemaitre")
    qtbot.keyClick(win.search, Qt.Key.Key_Down)
    assert win.focusWidget() is win.table
    qtbot.waitUntil(lambda: shown(win) == [OTHER], timeout=15000)

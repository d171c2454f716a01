from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextListFormat

from app.order_views.queries import View
from app.storage.models import OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.main_window import MainWindow

PENDING = "405-0000001-0000001"
UNSHIPPED = "405-0000002-0000002"
LATE = "405-0000003-0000003"
AT_RISK = "405-0000004-0000004"
PARTIAL = "405-0000005-0000005"
SHIPPED = "405-0000006-0000006"
CANCELED = "405-0000007-0000007"
REQUESTED = "405-0000008-0000008"


@pytest.fixture
def every_state(db):
    add_order(db, OrderSpec(order_id=PENDING, status=OrderStatus.PENDING))
    add_order(db, OrderSpec(order_id=UNSHIPPED))
    add_order(db, OrderSpec(order_id=LATE, latest_ship_date=NOW - timedelta(days=1)))
    add_order(
        db,
        OrderSpec(
            order_id=AT_RISK,
            purchase_date=NOW - timedelta(days=10),
            latest_ship_date=NOW - timedelta(days=5),
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=PARTIAL,
            status=OrderStatus.PARTIALLY_SHIPPED,
            items=[
                ItemSpec(sku="TEE-01", quantity=2, quantity_shipped=1, order_item_id="21"),
                ItemSpec(sku="MUG-02", order_item_id="22"),
            ],
        ),
    )
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
            order_id=CANCELED,
            status=OrderStatus.CANCELED,
            items=[ItemSpec(quantity_cancelled=1, order_item_id="41")],
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=REQUESTED,
            buyer_requested_cancel=True,
            items=[ItemSpec(sku="LAMP-9", title="Lampe de chevet", order_item_id="51")],
        ),
    )
    return db


@pytest.fixture
def window(qtbot, frozen_now, request):
    windows = []

    def make(db):
        win = MainWindow(db)
        qtbot.addWidget(win)
        windows.append(win)
        qtbot.waitUntil(lambda: bool(win._counts))
        return win

    yield make
    for win in windows:
        win.shutdown()


def shown(win):
    return [win.model.order_id_at(r) for r in range(win.model.rowCount())]


def test_filters_show_their_counts_and_switch_the_list(every_state, window):
    win = window(every_state)
    counts = {view: win.filters.count_text(view) for view in View}
    assert counts == {
        View.ALL: "8",
        View.PENDING: "1",
        View.UNSHIPPED: "5",
        View.LATE: "⚠ 2",
        View.BUYER_REQUESTED: "1",
        View.AT_RISK: "⚠ 1",
        View.SHIPPED: "1",
        View.CANCELED: "1",
        View.FULFILLED_BY_AMAZON: "0",
    }
    win.filters.choose(View.UNSHIPPED)
    assert set(shown(win)) == {UNSHIPPED, LATE, AT_RISK, PARTIAL, REQUESTED}
    assert win.shown_label.text() == "5 orders shown"
    win.filters.choose(View.AT_RISK)
    assert shown(win) == [AT_RISK]
    win.filters.choose(View.CANCELED)
    assert shown(win) == [CANCELED]
    assert "7-day cancellation rate" in win.rate_label.text()


EXPECTED_ACTIONS = {
    PENDING: (False, "verifying the buyer's payment", False, "once Amazon has verified"),
    UNSHIPPED: (True, None, True, None),
    PARTIAL: (True, None, True, None),
    SHIPPED: (False, "already shipped", False, "refund the buyer instead"),
    CANCELED: (False, "is cancelled", False, "is cancelled"),
}


@pytest.mark.parametrize("order_id", list(EXPECTED_ACTIONS))
def test_buttons_follow_the_rules_with_the_reason_as_tooltip(every_state, window, order_id):
    win = window(every_state)
    win.select_order(order_id)
    ship_ok, ship_why, cancel_ok, cancel_why = EXPECTED_ACTIONS[order_id]
    ship = win.registry["confirm_shipment"]
    cancel = win.registry["cancel_order"]
    assert ship.isEnabled() is ship_ok
    assert cancel.isEnabled() is cancel_ok
    if ship_why:
        assert ship_why in ship.toolTip()
        assert ship_why in win.details.text
    if cancel_why:
        assert cancel_why in cancel.toolTip()
        assert cancel_why in win.details.text


def test_pending_order_details_say_why_the_address_is_hidden(every_state, window):
    win = window(every_state)
    win.select_order(PENDING)
    assert "Hidden until payment is verified" in win.details.text
    assert "Clermont-Ferrand" not in win.details.text
    win.select_order(UNSHIPPED)
    assert "Clermont-Ferrand" in win.details.text
    assert "MUG-CERAM-01" in win.details.text


def test_what_you_can_do_shows_one_mark_per_line_and_no_bullet(every_state, window):
    """Each line is marked ✔ or ✖; a list bullet before the mark read "• ✖" twice."""
    win = window(every_state)
    win.select_order(UNSHIPPED)
    document = win.details._browser.document()
    marked = []
    block = document.begin()
    while block.isValid():
        if block.text()[:1] in ("✔", "✖"):
            text_list = block.textList()
            style = text_list.format().style() if text_list else None
            marked.append((block.text()[:1], style))
        block = block.next()
    assert {mark for mark, _ in marked} == {"✔", "✖"}
    assert {style for _, style in marked} <= {None, QTextListFormat.Style.ListStyleUndefined}


def test_the_window_opens_on_the_first_order_of_the_list(every_state, window):
    win = window(every_state)
    first = shown(win)[0]
    assert win.current_details.order_id == first
    assert first in win.details.text


def test_nothing_selected_means_order_actions_are_off(every_state, window, qtbot):
    win = window(every_state)
    qtbot.keyClicks(win.search, "no-such-thing")
    qtbot.waitUntil(lambda: shown(win) == [])
    assert not win.registry["confirm_shipment"].isEnabled()
    assert win.registry["confirm_shipment"].toolTip() == "Select an order first."


def test_search_filters_as_you_type(every_state, window, qtbot):
    win = window(every_state)
    qtbot.keyClicks(win.search, "chevet")
    qtbot.waitUntil(lambda: shown(win) == [REQUESTED])
    qtbot.waitUntil(lambda: win.filters.count_text(View.ALL) == "1")
    win.search.clear()
    qtbot.waitUntil(lambda: len(shown(win)) == 8)
    win.search.setText("no-such-thing")
    qtbot.waitUntil(lambda: win.list_stack.currentWidget() is win.empty)
    assert "No order matches your search" in win.empty.text()


def test_ctrl_f_focuses_the_search_box(every_state, window, qtbot):
    win = window(every_state)
    assert win.registry["find"].shortcut().toString() == "Ctrl+F"
    win.show()
    qtbot.waitExposed(win)
    win.table.setFocus()
    win.registry["find"].trigger()
    assert win.focusWidget() is win.search


def test_empty_database_shows_the_welcome_with_two_choices(db, window):
    win = window(db)
    assert win.pages.currentWidget() is win.welcome
    assert win.welcome.import_button.text() == "Import an order report…"
    assert win.welcome.demo_button.text() == "Try demo data"


def test_try_demo_data_opens_a_throwaway_database(db, window, qtbot):
    win = window(db)
    click(qtbot, win.welcome.demo_button)
    assert win.pages.currentWidget() is win.splitter
    assert win.model.rowCount() > 0
    assert win.db is not db
    assert "demo data" in win.windowTitle()
    with db.reading() as session:
        from sqlalchemy import func, select

        from app.storage.models import Order

        assert session.scalar(select(func.count(Order.id))) == 0  # the real database untouched


def test_empty_filter_says_what_it_means(every_state, window, frozen_now, qtbot):
    win = window(every_state)
    qtbot.keyClicks(win.search, PENDING)
    qtbot.keyClick(win.search, Qt.Key.Key_Return)
    win.filters.choose(View.SHIPPED)  # the pending order is not in Shipped
    assert win.list_stack.currentWidget() is win.empty
    assert win.empty.text() == (
        "No order matches your search in this list. Search looks in order ids, buyer names, "
        "SKUs and product names; try fewer words or choose All orders."
    )
    win.filters.choose(View.ALL)  # the same search finds it in All orders
    assert win.list_stack.currentWidget() is win.table
    assert shown(win) == [PENDING]


def test_column_state_and_geometry_are_remembered(every_state, window):
    win = window(every_state)
    header = win.table.horizontalHeader()
    header.resizeSection(0, 222)
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    win.close()
    assert QSettings().value("table/header") is not None
    again = window(every_state)
    assert again.table.horizontalHeader().sectionSize(0) == 222
    assert again.model.query.sort == 0
    assert again.model.query.descending is False
    assert shown(again)[0] == PENDING

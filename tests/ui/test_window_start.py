"""Opening the window reads the first page of orders once, in the sort the seller left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt

from app.order_views.order_list import Column
from tests.factories import OrderSpec, add_order
from ui.main_window import MainWindow
from ui.models import order_table_model


def pages_read_while_opening(db, qtbot, monkeypatch) -> list[Any]:
    asked: list[Any] = []
    real_page = order_table_model.page

    def page(db: Any, query: Any, *args: Any, **options: Any) -> Any:
        asked.append(query)
        return real_page(db, query, *args, **options)

    monkeypatch.setattr(order_table_model, "page", page)
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 2
    window.shutdown()
    return asked


def test_the_first_page_is_read_once(db, qtbot, monkeypatch, frozen_now):
    add_order(db, OrderSpec(order_id="405-1000000-0000001"))
    add_order(db, OrderSpec(order_id="405-1000000-0000002"))
    [query] = pages_read_while_opening(db, qtbot, monkeypatch)
    assert (query.sort, query.descending) == (Column.PURCHASED, True)


def test_a_saved_sort_is_read_once_in_that_sort(db, qtbot, monkeypatch, frozen_now):
    add_order(db, OrderSpec(order_id="405-1000000-0000001"))
    add_order(db, OrderSpec(order_id="405-1000000-0000002"))
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.table.horizontalHeader().setSortIndicator(Column.ORDER_ID, Qt.SortOrder.AscendingOrder)
    first.close()  # saves the layout, sort included
    first.shutdown()
    assert QSettings().value("table/header") is not None
    [query] = pages_read_while_opening(db, qtbot, monkeypatch)
    assert (query.sort, query.descending) == (Column.ORDER_ID, False)


def test_a_laptop_screen_opens_the_window_maximized_and_a_large_one_roomy():
    """At 1366×768 a window of 92 % of the screen cut the longer French filter names: a
    screen smaller than the roomy size opens maximized, 92 % of it to restore down to."""
    from ui.main_window import first_start_size

    assert first_start_size(QSize(1366, 740)) == (QSize(1257, 700), True)
    assert first_start_size(QSize(1600, 860)) == (QSize(1472, 791), True)
    assert first_start_size(QSize(1920, 1040)) == (QSize(1600, 900), False)
    assert first_start_size(None) == (QSize(1600, 900), False)


def test_the_first_window_opens_maximized_on_a_small_screen_then_as_the_seller_left_it(db, qtbot):
    window = MainWindow(db)  # the tests' offscreen screen is 800×600
    qtbot.addWidget(window)
    assert window.opens_maximized
    window.showMaximized()
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowMaximized))
    window.showNormal()
    window.resize(1200, 700)
    window.save_settings()
    window.shutdown()
    again = MainWindow(db)
    qtbot.addWidget(again)
    assert not again.opens_maximized  # the saved geometry, restored down
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    again.shutdown()

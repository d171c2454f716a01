from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.models import OrderStatus
from app.order_list import PAGE_SIZE, Column
from app.queries import View
from tests.factories import NOW, OrderSpec, add_order
from ui.models.order_table_model import KEY_ROLE, OrderTableModel


def _order_id(number: int) -> str:
    return f"405-{number:07d}-1234567"


def test_model_passes_qt_model_tester_and_loads_pages_lazily(db, qtmodeltester, frozen_now):
    for number in range(PAGE_SIZE + 30):
        add_order(
            db, OrderSpec(order_id=_order_id(number), purchase_date=NOW - timedelta(minutes=number))
        )
    model = OrderTableModel(db)
    assert model.rowCount() == PAGE_SIZE
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 30
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_newest_purchase_first_and_sort_on_every_column(db, frozen_now):
    add_order(db, OrderSpec(order_id=_order_id(1), purchase_date=NOW - timedelta(days=3)))
    add_order(db, OrderSpec(order_id=_order_id(2), purchase_date=NOW - timedelta(days=1)))
    model = OrderTableModel(db)
    assert model.order_id_at(0) == _order_id(2)
    model.sort(Column.ORDER_ID, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data(KEY_ROLE) for r in range(2)] == [_order_id(1), _order_id(2)]
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            assert model.rowCount() == 2


def test_pending_buyer_is_hidden_and_late_orders_say_so(db, frozen_now):
    add_order(db, OrderSpec(order_id=_order_id(1), status=OrderStatus.PENDING))
    add_order(db, OrderSpec(order_id=_order_id(2), latest_ship_date=NOW - timedelta(days=2)))
    add_order(
        db,
        OrderSpec(
            order_id=_order_id(3),
            latest_ship_date=NOW - timedelta(days=5),
            purchase_date=NOW - timedelta(days=9),
        ),
    )
    model = OrderTableModel(db)
    cells = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(len(Column))]
        for r in range(model.rowCount())
    }
    assert cells[_order_id(1)][Column.BUYER] == "hidden until payment is verified"
    assert cells[_order_id(2)][Column.BUYER] == "Aurélien Garçon"
    assert "late by 2 days" in cells[_order_id(2)][Column.SHIP_BY]
    assert "auto-cancel in 2 days" in cells[_order_id(3)][Column.SHIP_BY]
    assert cells[_order_id(2)][Column.ITEMS] == "1 × MUG-CERAM-01"


def test_view_and_search_filter_in_the_database(db, frozen_now):
    add_order(db, OrderSpec(order_id=_order_id(1), status=OrderStatus.PENDING))
    add_order(db, OrderSpec(order_id=_order_id(2)))
    model = OrderTableModel(db)
    model.set_view(View.PENDING)
    assert [model.order_id_at(r) for r in range(model.rowCount())] == [_order_id(1)]
    model.set_view(View.ALL)
    model.set_search("0000002")
    assert [model.order_id_at(r) for r in range(model.rowCount())] == [_order_id(2)]

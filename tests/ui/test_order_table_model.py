from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from app.order_views import order_list
from app.order_views.order_list import PAGE_SIZE, Column, Interrupted, ListQuery, page, view_counts
from app.order_views.queries import View
from app.storage.models import OrderStatus
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
    assert cells[_order_id(1)][Column.BUYER] == "hidden until paid"
    assert cells[_order_id(2)][Column.BUYER] == "Aurélien Garçon"
    assert "late 2 d" in cells[_order_id(2)][Column.SHIP_BY]
    assert "auto-cancel in 2 d" in cells[_order_id(3)][Column.SHIP_BY]
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


def _orders(db, count: int) -> None:
    for number in range(count):
        add_order(
            db, OrderSpec(order_id=_order_id(number), purchase_date=NOW - timedelta(minutes=number))
        )


def _shown(model: OrderTableModel) -> list[str | None]:
    return [model.order_id_at(r) for r in range(model.rowCount())]


@pytest.fixture
def fine_steps(monkeypatch) -> int:
    """SQLite asks whether to stop every 100 steps, so a few hundred orders are "a lot"."""
    monkeypatch.setattr(order_list, "CHECK_EVERY", 100)
    return 100


def test_search_ignores_case_and_a_pasted_order_id_is_found(db, frozen_now):
    _orders(db, 3)
    model = OrderTableModel(db)
    model.set_search("mug CÉRAMIQUE")  # case and accents are folded (issue 12)
    assert len(_shown(model)) == 3
    model.set_search("mug ceramique")
    assert len(_shown(model)) == 3
    model.set_search(f"  {_order_id(1)} ")
    assert _shown(model) == [_order_id(1)]
    model.set_search("405-0000002-")
    assert _shown(model) == [_order_id(2)]
    model.set_search("0000001-1234")  # a middle part still matches anywhere in the id
    assert _shown(model) == [_order_id(1)]


def test_a_query_can_be_stopped_and_the_database_stays_usable(db, fine_steps, frozen_now):
    _orders(db, 300)
    with pytest.raises(Interrupted):
        page(db, ListQuery(search="nowhere"), stop=lambda: True)
    with pytest.raises(Interrupted):
        view_counts(db, "nowhere", stop=lambda: True)  # a count typed over stops too
    assert len(page(db, ListQuery(search="nowhere"), stop=lambda: False)) == 0
    assert len(page(db, ListQuery())) == PAGE_SIZE


def test_a_search_over_budget_runs_on_a_worker_while_the_list_answers(
    db, qtbot, fine_steps, frozen_now
):
    _orders(db, 300)
    model = OrderTableModel(db, budget_ms=None, budget_steps=10 * fine_steps)
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == PAGE_SIZE
    with qtbot.waitSignal(model.rows_arrived):
        model.set_search("nowhere")  # reads all 300 orders: more than the GUI thread's budget
        assert model.loading
        assert model.rowCount() == PAGE_SIZE  # the list answers at once, still showing its rows
        assert not model.canFetchMore()
    assert _shown(model) == []
    assert not model.loading
    model.set_search(_order_id(250))  # a pasted order id: its index answers within the budget
    assert not model.loading
    assert _shown(model) == [_order_id(250)]


def test_an_older_search_answering_late_is_dropped(db, qtbot, monkeypatch, frozen_now):
    _orders(db, 5)
    model = OrderTableModel(db, budget_ms=0)  # every page on a worker
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    release = threading.Event()
    mug_found = threading.Event()
    told_to_stop: list[bool] = []

    def slow_for_mug(db, query, offset, limit, *, as_of, stop):
        found = page(db, query, offset, limit, as_of=as_of, stop=stop)
        if query.search == "mug":
            mug_found.set()
            release.wait(5)
            told_to_stop.append(stop())
        return found

    monkeypatch.setattr("ui.models.order_table_model.page", slow_for_mug)
    arrived: list[list[str | None]] = []
    model.rows_arrived.connect(lambda: arrived.append(_shown(model)))
    model.set_search("mug")  # matches all five, but answers late
    # Typed over once the worker has found the rows and is about to answer: on a loaded
    # machine a search typed over before its worker starts stops at once, and there is
    # nothing late to drop.
    qtbot.waitUntil(mug_found.is_set)
    with qtbot.waitSignal(model.rows_arrived):
        model.set_search("0000003")
    release.set()
    model.wait()
    QCoreApplication.processEvents()  # deliver the late answer, if it were not dropped
    assert arrived == [[_order_id(3)]]
    assert _shown(model) == [_order_id(3)]
    assert told_to_stop == [True]


def test_pages_scrolled_into_view_arrive_from_a_worker(db, qtbot, qtmodeltester, frozen_now):
    _orders(db, PAGE_SIZE + 30)
    model = OrderTableModel(db, budget_ms=0)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE_SIZE)
    with qtbot.waitSignal(model.rows_arrived):
        model.fetchMore()
        assert model.loading and not model.canFetchMore()
        model.fetchMore()  # asked again while the page is on its way: one request only
    assert model.rowCount() == PAGE_SIZE + 30
    assert not model.canFetchMore()
    qtmodeltester.check(model)  # and it watches the signals of what follows
    with qtbot.waitSignal(model.rows_arrived):
        model.sort(Column.ORDER_ID, Qt.SortOrder.AscendingOrder)
    assert model.order_id_at(0) == _order_id(0)
    qtbot.waitUntil(lambda: not model.loading)

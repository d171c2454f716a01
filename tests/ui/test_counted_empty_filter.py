"""A filter the counts found empty opens at once, without a query; never a stale one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.order_views.order_list import view_counts
from app.order_views.queries import View
from app.storage.models import FulfilledBy
from tests.factories import NOW, OrderSpec, add_order
from ui.main_window import MainWindow
from ui.models import order_table_model
from ui.models.order_table_model import OrderTableModel


def pages_asked(monkeypatch) -> list[Any]:
    asked: list[Any] = []
    real_page = order_table_model.page

    def page(db: Any, query: Any, *args: Any, **options: Any) -> Any:
        asked.append(query.view)
        return real_page(db, query, *args, **options)

    monkeypatch.setattr(order_table_model, "page", page)
    return asked


def test_a_filter_counted_empty_opens_empty_without_asking_the_database(
    db, monkeypatch, frozen_now
):
    add_order(db, OrderSpec(order_id="405-1000000-0000001"))
    model = OrderTableModel(db)
    model.set_counts(view_counts(db))
    asked = pages_asked(monkeypatch)
    model.set_view(View.FULFILLED_BY_AMAZON)
    assert model.rowCount() == 0 and not model.canFetchMore() and not model.loading
    model.set_view(View.UNSHIPPED)  # one order there: asked for
    assert asked == [View.UNSHIPPED]
    assert model.rowCount() == 1


def test_after_a_change_the_same_filter_asks_again_and_shows_the_new_order(
    db, monkeypatch, frozen_now
):
    add_order(db, OrderSpec(order_id="405-1000000-0000001"))
    model = OrderTableModel(db)
    model.set_counts(view_counts(db))
    add_order(db, OrderSpec(order_id="405-1000000-0000002", fulfilled_by=FulfilledBy.MARKETPLACE))
    model.reload()  # what the window does after an import or an action
    asked = pages_asked(monkeypatch)
    model.set_view(View.FULFILLED_BY_AMAZON)
    assert asked == [View.FULFILLED_BY_AMAZON]
    assert model.order_id_at(0) == "405-1000000-0000002"


def test_counts_for_another_search_or_a_filter_that_moves_with_the_clock_are_not_trusted(
    db, monkeypatch, frozen_now
):
    add_order(
        db, OrderSpec(order_id="405-1000000-0000001", latest_ship_date=NOW + timedelta(hours=1))
    )
    model = OrderTableModel(db)
    model.set_counts(view_counts(db, "zzz"), "zzz")  # counted for a search not typed
    asked = pages_asked(monkeypatch)
    model.set_view(View.UNSHIPPED)
    assert model.rowCount() == 1
    model.set_counts(view_counts(db))  # nothing late now; an hour later there may be
    model.set_view(View.LATE)
    assert asked == [View.UNSHIPPED, View.LATE]


def test_the_window_hands_its_counts_to_the_list(db, qtbot, monkeypatch, frozen_now):
    add_order(db, OrderSpec(order_id="405-1000000-0000001"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    asked = pages_asked(monkeypatch)
    window.filters.choose(View.CANCELED)
    assert asked == []
    assert window.list_stack.currentWidget() is window.empty
    window.shutdown()

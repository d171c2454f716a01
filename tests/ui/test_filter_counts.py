"""Filter counts while the seller types: only the latest search is counted to the end."""

from __future__ import annotations

import threading

import pytest

from app.order_views.order_list import Interrupted
from app.order_views.queries import View
from tests.factories import ItemSpec, OrderSpec, add_order
from ui import main_window
from ui.main_window import MainWindow

LAMP = "405-0000001-0000001"
MUG = "405-0000002-0000002"


@pytest.fixture
def win(db, qtbot, frozen_now):
    add_order(
        db,
        OrderSpec(
            order_id=LAMP,
            items=[ItemSpec(sku="LAMP-9", title="Lampe de chevet", order_item_id="51")],
        ),
    )
    add_order(db, OrderSpec(order_id=MUG))
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.filters.count_text(View.ALL) == "2")
    yield window
    window.shutdown()


def search(win: MainWindow, words: str) -> None:
    win.search.setText(words)
    win._apply_search_now()  # what the typing pause or Return does


@pytest.mark.parametrize("stale_count", ["answers late", "stops when told"])
def test_a_new_search_stops_the_previous_count_and_ignores_its_answer(
    win, qtbot, monkeypatch, stale_count
):
    real_counts = main_window.view_counts
    asked: list = []  # the stop test the first search's count was given
    release = threading.Event()

    def counts(db, search="", as_of=None, *, stop=None):
        if search != "mug":
            return real_counts(db, search, as_of, stop=stop)
        asked.append(stop)
        release.wait(5)  # still counting a million orders when the seller types on
        if stale_count == "stops when told" and stop is not None and stop():
            raise Interrupted
        return dict.fromkeys(View, 99)  # the first search's figures, arriving too late

    monkeypatch.setattr(main_window, "view_counts", counts)
    reported: list[BaseException] = []
    monkeypatch.setattr(win, "_report", reported.append)

    search(win, "mug")
    qtbot.waitUntil(lambda: bool(asked))
    assert asked[0] is not None and asked[0]() is False  # still wanted while it is the latest

    with qtbot.waitSignal(win.counts_updated):
        search(win, "chevet")
    assert asked[0]() is True  # the first count is told to stop
    assert win.filters.count_text(View.ALL) == "1"

    release.set()
    qtbot.waitUntil(lambda: not win.tasks._running)  # its answer was delivered
    assert win.filters.count_text(View.ALL) == "1"  # and ignored: the latest search's counts
    assert reported == []  # a stopped count is no error for the seller

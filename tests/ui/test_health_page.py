"""The health page: figures shown, lists filled, rows open the order, chart with target."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt

from app.order_actions.orders import cancel
from app.order_views.order_list import ListQuery
from app.order_views.order_list import page as page_of
from app.order_views.queries import View
from tests.factories import NOW, OrderSpec, add_order
from ui.health_page import AT_RISK, COUNTED, LATE, NOT_COUNTED, PENDING, HealthPage
from ui.labels import view_label
from ui.main_window import MainWindow


def test_lists_show_what_the_core_computed_and_open_orders(qtbot, db):
    add_order(
        db, OrderSpec(order_id="405-0000001-0000001", latest_ship_date=NOW - timedelta(days=3))
    )
    add_order(db, OrderSpec(order_id="405-0000002-0000001"))
    add_order(db, OrderSpec(order_id="405-0000003-0000001", buyer_requested_cancel=True))
    add_order(
        db,
        OrderSpec(
            order_id="405-0000004-0000001",
            status="Pending",
            purchase_date=NOW - timedelta(days=22),
        ),
    )
    cancel(db, "405-0000002-0000001", "NoInventory", at=NOW - timedelta(hours=3))
    cancel(db, "405-0000003-0000001", "BuyerCanceled", at=NOW - timedelta(hours=2))
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh(NOW)

    assert page.order_ids(LATE) == ["405-0000001-0000001"]
    assert page.lists[LATE].topLevelItem(0).text(3) == "4"  # days left
    assert page.order_ids(AT_RISK) == []  # 3 days late: not yet within 3 days of it
    assert page.order_ids(COUNTED) == ["405-0000002-0000001"]
    assert page.order_ids(NOT_COUNTED) == ["405-0000003-0000001"]
    assert page.order_ids(PENDING) == ["405-0000004-0000001"]
    assert "33.33" in page.rate_label.text()
    assert "above the target" in page.rate_label.text()
    assert "Counted in the rate (1)" in [page.tabs.tabText(i) for i in range(page.tabs.count())]

    tree = page.lists[COUNTED]
    with qtbot.waitSignal(page.order_activated) as signal:
        tree.itemActivated.emit(tree.topLevelItem(0), 0)
    assert signal.args == ["405-0000002-0000001"]


def test_empty_lists_say_so_and_do_not_open_anything(qtbot, db):
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh(NOW)
    tree = page.lists[AT_RISK]
    placeholder = tree.topLevelItem(0)
    assert placeholder.text(0) == "No order is at risk of being cancelled automatically."
    assert not placeholder.flags() & Qt.ItemFlag.ItemIsEnabled
    with qtbot.assertNotEmitted(page.order_activated):
        tree.itemActivated.emit(placeholder, 0)
    assert page.order_ids(AT_RISK) == []


def test_chart_has_the_rolling_rate_and_the_target_line(qtbot, db):
    add_order(db, OrderSpec(order_id="405-0000002-0000001", purchase_date=NOW - timedelta(days=2)))
    cancel(db, "405-0000002-0000001", "NoInventory", at=NOW - timedelta(days=1))
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh(NOW)
    series = page.chart.chart().series()
    assert len(series) == 2 and all(isinstance(s, QLineSeries) for s in series)
    rate, target = page.chart.rate_series, page.chart.target_series
    # Issue 12 item 13: nothing drawn before the first order (0 of 0 is not 0 %); the
    # axis still spans the 60 days, so the empty start reads as "no orders yet".
    history = page.overview.history
    assert len(history) == 60 and history[56].orders == 0 and history[57].orders == 1
    assert rate.count() == 3
    assert rate.at(0).x() == history[57].as_of.timestamp() * 1000
    assert rate.at(2).y() == 100.0 and rate.at(0).y() == 0.0  # purchased, then cancelled
    assert [target.at(i).y() for i in range(target.count())] == [2.5, 2.5]
    assert target.at(0).x() == history[0].as_of.timestamp() * 1000
    assert target.at(1).x() == rate.at(2).x()


def test_an_order_past_its_seventh_late_day_says_it_may_be_cancelled_now(qtbot, db):
    add_order(
        db, OrderSpec(order_id="405-0000001-0000001", latest_ship_date=NOW - timedelta(days=9))
    )
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh(NOW)

    row = page.lists[AT_RISK].topLevelItem(0)
    assert row.text(2) == "9"  # days late
    assert row.text(3) == "none: may be cancelled now"


def test_the_late_groups_have_the_filters_names_and_counts(qtbot, db, qapp, frozen_now):
    """One meaning per word: "Late" and "At risk of auto-cancellation" on the health page
    are the order list's filters, with the same orders (issue 12, item 11)."""
    for days in range(10):  # ship-by 0 to 9 days ago, a few hours earlier
        add_order(
            db,
            OrderSpec(
                order_id=f"405-000000{days}-0000001",
                latest_ship_date=NOW - timedelta(days=days, hours=2),
            ),
        )
    add_order(db, OrderSpec(order_id="405-0000010-0000001"))  # on time
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    page = window.health
    with qtbot.waitSignal(page.shown):
        page.refresh(NOW)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    for key, view in ((LATE, View.LATE), (AT_RISK, View.AT_RISK)):
        shown = page_of(db, ListQuery(view), 0, 100)
        assert sorted(page.order_ids(key)) == sorted(row.order_id for row in shown)
        assert window._counts[view] == len(shown)
        assert window.filters.count_text(view).endswith(f" {len(shown)}")
        assert f"{view_label(view)} ({len(shown)})" in titles
    assert len(page.order_ids(LATE)) == 10 and len(page.order_ids(AT_RISK)) == 6
    window.shutdown()


def test_the_rate_s_sign_stays_with_its_words_in_french(qtbot, db, qapp):
    """At 1366×768 the French title wraps: "(✓" alone at a line's end and "dans l'objectif)"
    below read as two things. The sign is held to its first word by a no-break space."""
    from ui.translation import install_translators

    add_order(db, OrderSpec(order_id="405-0000001-0000001"))
    install_translators(qapp, "fr")
    try:
        page = HealthPage(db)
        qtbot.addWidget(page)
        page.refresh(NOW)
        assert "(✓\u00a0dans l'objectif)" in page.rate_label.text()
        cancel(db, "405-0000001-0000001", "NoInventory", at=NOW - timedelta(hours=1))
        page.refresh(NOW)
        assert "(⚠\u00a0au-dessus de l'objectif)" in page.rate_label.text()
    finally:
        install_translators(qapp, "en")


def test_a_long_list_shows_its_most_urgent_rows_and_says_where_the_rest_are(qtbot, db, monkeypatch):
    """100,000 late orders held the window 8 s while the page filled rows no one scrolls
    to: a list shows LIST_ROWS, the most late first, and a last row that sends the seller
    to the order list's filter; its tab still counts them all."""
    from ui import health_page

    monkeypatch.setattr(health_page, "LIST_ROWS", 4)
    for days in range(10):
        add_order(
            db,
            OrderSpec(
                order_id=f"405-000000{days}-0000001",
                latest_ship_date=NOW - timedelta(days=days, hours=2),
            ),
        )
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh(NOW)
    tree = page.lists[LATE]
    assert page.order_ids(LATE) == [f"405-000000{days}-0000001" for days in (9, 8, 7, 6)]
    more = tree.topLevelItem(4)
    assert more.text(0) == "…and 6 more: the order list's “Late” filter shows every one."
    assert more.flags() == Qt.ItemFlag.NoItemFlags
    assert tree.topLevelItemCount() == 5
    assert f"{view_label(View.LATE)} (10)" in [page.tabs.tabText(i) for i in range(8)]
    with qtbot.assertNotEmitted(page.order_activated):
        tree.itemActivated.emit(more, 0)


def test_the_window_computes_the_page_in_the_background_and_shows_the_latest(
    qtbot, db, monkeypatch, frozen_now
):
    """At 1M orders with 100,000 late the figures take 1.3 s: the window keeps answering
    meanwhile, and figures asked for before the latest refresh are never shown."""
    import threading

    from ui import health_page

    add_order(db, OrderSpec(order_id="405-0000001-0000001"))
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    real = health_page.overview
    first_asked, release = threading.Event(), threading.Event()

    def slow_then_quick(db, as_of=None):
        if not first_asked.is_set():
            first_asked.set()
            release.wait(10)  # the first refresh is still computing when the second comes
            return real(db, NOW - timedelta(days=30))
        return real(db, as_of)

    monkeypatch.setattr(health_page, "overview", slow_then_quick)
    window.filters.choose_health()  # returns at once
    assert first_asked.wait(5)
    page = window.health
    assert page.as_of_label.text() == "Updating the figures…"
    assert page.overview is None
    with qtbot.waitSignal(page.shown):
        page.refresh(NOW)  # the latest: shown
    latest = page.overview
    assert latest is not None and latest.report.rate.as_of == NOW
    release.set()
    window.tasks.wait(cancel=False)
    qtbot.wait(50)  # the first refresh's answer is delivered, and dropped
    assert page.overview is latest
    window.shutdown()

"""The health page: figures shown, lists filled, rows open the order, chart with target."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt

from app.orders import cancel
from tests.factories import NOW, OrderSpec, add_order
from ui.health_page import AT_RISK, COUNTED, NOT_COUNTED, PENDING, HealthPage


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

    assert page.order_ids(AT_RISK) == ["405-0000001-0000001"]
    assert page.lists[AT_RISK].topLevelItem(0).text(3) == "4"  # days left
    assert page.order_ids(COUNTED) == ["405-0000002-0000001"]
    assert page.order_ids(NOT_COUNTED) == ["405-0000003-0000001"]
    assert page.order_ids(PENDING) == ["405-0000004-0000001"]
    assert "33.33" in page.rate_label.text()
    assert "above the target" in page.rate_label.text()
    assert "Counted in the rate (1)" in [page.tabs.tabText(i) for i in range(page.tabs.count())]

    tree = page.lists[COUNTED]
    with qtbot.waitSignal(page.orderActivated) as signal:
        tree.itemActivated.emit(tree.topLevelItem(0), 0)
    assert signal.args == ["405-0000002-0000001"]


def test_empty_lists_say_so_and_do_not_open_anything(qtbot, db):
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh(NOW)
    tree = page.lists[AT_RISK]
    placeholder = tree.topLevelItem(0)
    assert "No order at risk" in placeholder.text(0)
    assert not placeholder.flags() & Qt.ItemFlag.ItemIsEnabled
    with qtbot.assertNotEmitted(page.orderActivated):
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
    assert rate.count() == 60
    assert rate.at(59).y() == 100.0 and rate.at(57).y() == 0.0
    assert [target.at(i).y() for i in range(target.count())] == [2.5, 2.5]
    assert target.at(0).x() == rate.at(0).x() and target.at(1).x() == rate.at(59).x()


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

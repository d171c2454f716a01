"""Late orders as of a past moment: units shipped or cancelled later were still open then.

Worked out by hand (DESIGN.md §4): the list of late orders at a moment must not
change because of what the seller did after it, and what was done at that very
moment already counts.
"""

from __future__ import annotations

from datetime import timedelta

from app import clock
from app.account_health.health import health
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import (
    ItemQuantity,
    ShipmentRequest,
    cancel,
    confirm_shipment,
    find_order,
)
from app.storage.models import OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

DAY = timedelta(days=1)
AS_OF = NOW - DAY


def late_order(db, n: int, *items: ItemSpec) -> str:
    """Bought five days before NOW, to ship two days before NOW: late at AS_OF."""
    order_id = f"405-{n:07d}-1234567"
    spec = OrderSpec(order_id=order_id, purchase_date=NOW - 5 * DAY, latest_ship_date=NOW - 2 * DAY)
    if items:
        spec.items = list(items)
    add_order(db, spec)
    return order_id


def late_at(db, moment) -> dict[str, int]:
    return {entry["order_id"]: entry["days_late"] for entry in health(db, moment).late}


def test_an_order_cancelled_after_the_moment_was_still_late_then(db):
    order = late_order(db, 1)
    cancel(db, order, "NoInventory", at=NOW)
    assert late_at(db, AS_OF) == {order: 1}
    assert late_at(db, NOW) == {}


def test_every_order_shipped_after_the_moment_was_late_then(db):
    first, second = late_order(db, 1), late_order(db, 2)
    confirm_shipment(db, first, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    confirm_shipment(db, second, ShipmentRequest(resolve_carrier("DHL")), at=NOW)
    assert late_at(db, AS_OF) == {first: 1, second: 1}


def test_one_order_shipped_and_another_cancelled_after_the_moment_were_both_late(db):
    shipped, cancelled = late_order(db, 1), late_order(db, 2)
    confirm_shipment(db, shipped, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    cancel(db, cancelled, "NoInventory", at=NOW)
    assert late_at(db, AS_OF) == {shipped: 1, cancelled: 1}


def test_what_was_shipped_or_cancelled_at_the_moment_itself_is_done(db):
    shipped, cancelled = late_order(db, 1), late_order(db, 2)
    confirm_shipment(db, shipped, ShipmentRequest(resolve_carrier("UPS")), at=AS_OF)
    cancel(db, cancelled, "NoInventory", at=AS_OF)
    assert late_at(db, AS_OF) == {}


def test_an_order_partly_shipped_then_finished_after_the_moment_was_late_then(db):
    order = late_order(
        db, 1, ItemSpec(sku="MUG", order_item_id="1"), ItemSpec(sku="TEA", order_item_id="2")
    )
    first = ShipmentRequest(resolve_carrier("UPS"), items=[ItemQuantity("MUG")])
    confirm_shipment(db, order, first, at=NOW - 3 * DAY)
    assert late_at(db, AS_OF) == {order: 1}  # the tea is still to ship
    confirm_shipment(db, order, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    assert late_at(db, AS_OF) == {order: 1}
    assert late_at(db, NOW) == {}


def test_every_order_cancelled_after_the_moment_was_late_then(db):
    first, second = late_order(db, 1), late_order(db, 2)
    cancel(db, first, "NoInventory", at=NOW)
    cancel(db, second, "NoInventory", at=NOW)
    assert late_at(db, AS_OF) == {first: 1, second: 1}


def test_an_unshipped_order_whose_report_gave_no_payment_date_is_late_all_the_same(db):
    # Only Pending waits for the payment; an Unshipped order without a payment date
    # (a report that left the column empty) is late like any other.
    order = late_order(db, 1)
    with db.transaction() as session:
        find_order(session, order).payment_date = None
    assert late_at(db, AS_OF) == {order: 1}
    assert late_at(db, NOW) == {order: 2}


def test_an_order_paid_at_the_moment_itself_was_known_and_late_then(db):
    order = late_order(db, 1)
    with db.transaction() as session:
        find_order(session, order).payment_date = AS_OF
    assert late_at(db, AS_OF) == {order: 1}


def test_late_orders_due_the_same_day_are_listed_by_order_id(db):
    # Entered and bought in the opposite order: the list still reads by order id.
    for n, bought in ((3, 6), (2, 5), (1, 4)):
        spec = OrderSpec(
            order_id=f"405-{n:07d}-1234567",
            purchase_date=NOW - bought * DAY,
            latest_ship_date=NOW - 2 * DAY,
        )
        add_order(db, spec)
    assert [entry["order_id"] for entry in health(db, NOW).late] == [
        "405-0000001-1234567",
        "405-0000002-1234567",
        "405-0000003-1234567",
    ]


def test_a_past_moment_lists_each_late_order_once_and_none_that_was_not_late_yet(db):
    # Half shipped since (still open now), wholly shipped since, and one due only after
    # the moment that was shipped since: the first two were late then, once each.
    half = late_order(db, 1, ItemSpec(sku="MUG", order_item_id="1", quantity=2))
    whole = late_order(db, 2)
    not_yet = "405-0000003-1234567"
    add_order(db, OrderSpec(order_id=not_yet, purchase_date=NOW - 5 * DAY, latest_ship_date=NOW))
    one_mug = ShipmentRequest(resolve_carrier("UPS"), items=[ItemQuantity("MUG", 1)])
    confirm_shipment(db, half, one_mug, at=NOW)
    for order in (whole, not_yet):
        confirm_shipment(db, order, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    late = [(entry["order_id"], entry["days_late"]) for entry in health(db, AS_OF).late]
    assert late == [("405-0000001-1234567", 1), ("405-0000002-1234567", 1)]


def pending_at(db, moment) -> dict[str, int]:
    return {
        entry["order_id"]: entry["age_days"] for entry in health(db, moment).pending_over_21_days
    }


def test_an_order_paid_after_the_moment_was_pending_too_long_then(db):
    order = "405-0000001-1234567"
    add_order(db, OrderSpec(order_id=order, purchase_date=NOW - 30 * DAY))
    with db.transaction() as session:
        find_order(session, order).payment_date = NOW - 2 * DAY
    assert pending_at(db, NOW - 3 * DAY) == {order: 27}
    assert pending_at(db, NOW) == {}


def test_an_order_cancelled_after_the_moment_was_still_pending_too_long_then(db):
    # Paid two days ago, then cancelled by the seller yesterday: three days ago it was
    # pending, bought 27 days before, and nothing had cancelled it yet.
    order = "405-0000001-1234567"
    add_order(db, OrderSpec(order_id=order, purchase_date=NOW - 30 * DAY))
    with db.transaction() as session:
        find_order(session, order).payment_date = NOW - 2 * DAY
    cancel(db, order, "NoInventory", at=NOW - DAY)
    assert pending_at(db, NOW - 3 * DAY) == {order: 27}


def test_late_orders_of_a_past_moment_read_by_ship_by_date_then_order_id(db):
    # Order 1 was due a day after order 2; order 2 was shipped since, order 1 not.
    first = late_order(db, 1)
    second = "405-0000002-1234567"
    add_order(
        db,
        OrderSpec(order_id=second, purchase_date=NOW - 6 * DAY, latest_ship_date=NOW - 3 * DAY),
    )
    confirm_shipment(db, second, ShipmentRequest(resolve_carrier("UPS")), at=NOW)
    late = [(entry["order_id"], entry["days_late"]) for entry in health(db, AS_OF).late]
    assert late == [(second, 2), (first, 1)]


def test_an_open_order_with_no_unit_left_to_ship_is_not_late(db):
    # The marketplace listed its only line with no units: nothing to ship, nothing late.
    order = late_order(db, 1, ItemSpec(order_item_id="1", quantity=0))
    assert late_at(db, NOW) == {}
    assert order not in late_at(db, AS_OF)


def test_an_order_paid_at_the_moment_itself_was_no_longer_pending_then(db):
    order = "405-0000001-1234567"
    add_order(db, OrderSpec(order_id=order, purchase_date=NOW - 30 * DAY))
    with db.transaction() as session:
        find_order(session, order).payment_date = AS_OF
    assert pending_at(db, AS_OF) == {}
    assert pending_at(db, AS_OF - timedelta(seconds=1)) == {order: 28}


def test_health_without_a_moment_is_health_now(db, monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)
    order = late_order(db, 1)
    assert {entry["order_id"]: entry["days_late"] for entry in health(db).late} == {order: 2}


def test_an_order_bought_at_the_moment_itself_and_cancelled_by_the_marketplace_counts_then(db):
    order = "405-0000001-1234567"
    add_order(db, OrderSpec(order_id=order, purchase_date=AS_OF, status=OrderStatus.CANCELED))
    with db.transaction() as session:
        find_order(session, order).canceled_on_marketplace = True
    listed = health(db, AS_OF).canceled_on_marketplace
    assert listed == [
        {"order_id": order, "purchase_date": "2026-11-19T12:00:00+00:00", "whole_order": True}
    ]
    assert health(db, AS_OF - timedelta(seconds=1)).canceled_on_marketplace == []

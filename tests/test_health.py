"""Account health computed by hand: the cancellation rate window, late orders, pending age."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.account_health.health import close_to_auto_cancel, days_before_auto_cancel, health
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import ItemQuantity, ShipmentRequest, cancel, confirm_shipment
from app.order_actions.reasons import BUYER_CANCELED
from app.order_actions.returns import receive_return
from app.storage.models import Order, OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order

DAY = timedelta(days=1)
SECOND = timedelta(seconds=1)


def order_id(n: int) -> str:
    return f"405-{n:07d}-1234567"


def add(db, n: int, **changes) -> str:
    return add_order(db, OrderSpec(order_id=order_id(n), **changes))


def test_window_is_purchases_in_the_last_seven_days_as_of_the_moment(db):
    add(db, 1, purchase_date=NOW - 7 * DAY)  # exactly 7 days before: outside
    add(db, 2, purchase_date=NOW - 7 * DAY + SECOND)  # inside
    add(db, 3, purchase_date=NOW)  # inside
    add(db, 4, purchase_date=NOW + SECOND)  # after as_of: not yet an order
    report = health(db, NOW)
    assert (report.rate.orders, report.rate.seller_cancellations) == (2, 0)
    assert report.to_json()["window_days"] == 7
    assert health(db, NOW, days=30).rate.orders == 3


def test_one_counting_cancellation_in_forty_orders_is_exactly_2_50_percent(db):
    for n in range(40):
        add(db, n, purchase_date=NOW - DAY)
    cancel(db, order_id(0), "NoInventory", at=NOW - DAY + SECOND)
    data = health(db, NOW).to_json()
    assert (data["orders"], data["seller_cancellations"]) == (40, 1)
    assert data["cancellation_rate"] == "2.50"
    assert data["above_target"] is True  # the target is below 2.50 %


def test_rate_rounds_half_up_to_two_decimals(db):
    for n in range(3):
        add(db, n, purchase_date=NOW - DAY)
    cancel(db, order_id(0), "NoInventory", at=NOW - DAY)
    assert health(db, NOW).to_json()["cancellation_rate"] == "33.33"
    cancel(db, order_id(1), "NoInventory", at=NOW - DAY)
    assert health(db, NOW).to_json()["cancellation_rate"] == "66.67"


def test_no_orders_is_a_zero_rate(db):
    assert health(db, NOW).to_json()["cancellation_rate"] == "0.00"


def test_a_cancellation_made_after_as_of_does_not_count_yet(db):
    add(db, 1, purchase_date=NOW - 2 * DAY)
    cancel(db, order_id(1), "NoInventory", at=NOW + SECOND)
    assert health(db, NOW).rate.seller_cancellations == 0
    assert health(db, NOW + SECOND).rate.seller_cancellations == 1


def test_an_order_counts_once_however_many_items_were_cancelled(db):
    items = [
        ItemSpec(sku="A", order_item_id="11111111111111", quantity=2),
        ItemSpec(sku="B", order_item_id="22222222222222"),
    ]
    add(db, 1, purchase_date=NOW - DAY, items=items)
    add(db, 2, purchase_date=NOW - DAY, items=[ItemSpec(sku="A", order_item_id="3" * 14)])
    cancel(db, order_id(1), "NoInventory", items=[ItemQuantity("A", 1)], at=NOW - DAY)
    cancel(db, order_id(1), "NoInventory", items=[ItemQuantity("B")], at=NOW - DAY)
    cancel(db, order_id(1), "NoInventory", at=NOW - DAY)
    report = health(db, NOW)
    assert (report.rate.orders, report.rate.seller_cancellations) == (2, 1)
    assert report.to_json()["cancellation_rate"] == "50.00"


def test_one_item_cancelled_counts_like_the_whole_order(db):
    items = [ItemSpec(sku="A", order_item_id="1" * 14), ItemSpec(sku="B", order_item_id="2" * 14)]
    add(db, 1, purchase_date=NOW - DAY, items=items)
    cancel(db, order_id(1), "NoInventory", items=[ItemQuantity("A")], at=NOW - DAY)
    assert health(db, NOW).rate.seller_cancellations == 1


def test_official_buyer_request_cancelled_as_buyer_canceled_is_left_out(db):
    add(db, 1, purchase_date=NOW - DAY, buyer_requested_cancel=True)
    add(db, 2, purchase_date=NOW - DAY, buyer_requested_cancel=False)  # asked by message only
    add(db, 3, purchase_date=NOW - DAY, buyer_requested_cancel=True)
    official = cancel(db, order_id(1), BUYER_CANCELED, at=NOW - DAY)
    by_message = cancel(db, order_id(2), BUYER_CANCELED, at=NOW - DAY)
    other_reason = cancel(db, order_id(3), "NoInventory", at=NOW - DAY)
    assert (official.effect.counts, by_message.effect.counts, other_reason.effect.counts) == (
        False,
        True,
        True,
    )
    assert by_message.effect.warn_s5 and not official.effect.warn_s5
    assert health(db, NOW).rate.seller_cancellations == 2


def test_days_late_and_days_left_before_the_auto_cancellation(db):
    add(db, 1, purchase_date=NOW - 5 * DAY, latest_ship_date=NOW - 3 * DAY - SECOND)
    add(db, 2, purchase_date=NOW - 9 * DAY, latest_ship_date=NOW - 7 * DAY)
    add(db, 3, purchase_date=NOW - 12 * DAY, latest_ship_date=NOW - 10 * DAY)
    add(db, 4, purchase_date=NOW - DAY, latest_ship_date=NOW)  # due now: not late yet
    add(db, 5, purchase_date=NOW - DAY, latest_ship_date=NOW - SECOND)  # just late
    data = health(db, NOW).to_json()
    late = {entry["order_id"]: entry["days_late"] for entry in data["late"]}
    assert late == {order_id(3): 10, order_id(2): 7, order_id(1): 3, order_id(5): 0}
    left = {entry["order_id"]: entry["days_left"] for entry in data["at_risk_of_auto_cancel"]}
    assert left == {order_id(3): -3, order_id(2): 0, order_id(1): 4, order_id(5): 7}
    first = data["at_risk_of_auto_cancel"][0]
    assert first["order_id"] == order_id(3)  # the most urgent first
    assert first["auto_cancel_from"] == (NOW - 3 * DAY).isoformat()


def test_pending_shipped_and_cancelled_orders_are_not_late(db):
    past = NOW - 3 * DAY
    add(db, 1, status=OrderStatus.PENDING, latest_ship_date=past, purchase_date=past - DAY)
    add(db, 2, latest_ship_date=past, purchase_date=past - DAY)
    confirm_shipment(
        db, order_id(2), ShipmentRequest(resolve_carrier("UPS")), at=past - DAY + SECOND
    )
    add(db, 3, latest_ship_date=past, purchase_date=past - DAY)
    cancel(db, order_id(3), "NoInventory", at=past - DAY + SECOND)
    assert health(db, NOW).late == []


def test_an_order_shipped_after_as_of_was_still_late_at_as_of(db):
    add(db, 1, purchase_date=NOW - 4 * DAY, latest_ship_date=NOW - 2 * DAY)
    confirm_shipment(db, order_id(1), ShipmentRequest(resolve_carrier("UPS")), at=NOW + DAY)
    assert [e["order_id"] for e in health(db, NOW).late] == [order_id(1)]
    assert health(db, NOW).late[0]["days_late"] == 2
    assert health(db, NOW + 2 * DAY).late == []


def test_pending_orders_older_than_21_days_with_their_age(db):
    pending = OrderStatus.PENDING
    add(db, 1, status=pending, purchase_date=NOW - 21 * DAY)  # exactly 21 days: not over
    add(db, 2, status=pending, purchase_date=NOW - 21 * DAY - SECOND)
    add(db, 3, status=pending, purchase_date=NOW - 30 * DAY)
    add(db, 4, status=pending, purchase_date=NOW - 3 * DAY)
    add(db, 5, status=OrderStatus.UNSHIPPED, purchase_date=NOW - 40 * DAY)  # payment verified
    data = health(db, NOW).to_json()
    ages = {entry["order_id"]: entry["age_days"] for entry in data["pending_over_21_days"]}
    assert ages == {order_id(3): 30, order_id(2): 21}
    assert data["pending_over_21_days"][0]["order_id"] == order_id(3)  # oldest first
    earlier = health(db, NOW - 8 * DAY).pending_over_21_days  # only order 3 was over 21 then
    assert [(entry["order_id"], entry["age_days"]) for entry in earlier] == [(order_id(3), 22)]


def test_health_json_on_a_shop_with_one_of_everything(db):
    """Every figure and list of the health JSON, written out for a shop with one of each case."""
    add(db, 1, purchase_date=NOW - 2 * DAY)
    cancel(db, order_id(1), "NoInventory", at=NOW - DAY)  # counts
    add(db, 2, purchase_date=NOW - 5 * DAY, latest_ship_date=NOW - 3 * DAY)  # late
    add(db, 3, status=OrderStatus.PENDING, purchase_date=NOW - 30 * DAY, latest_ship_date=None)
    for n, purchased in ((4, NOW - 3 * DAY), (6, NOW - 20 * DAY), (7, NOW + DAY)):
        add(db, n, status=OrderStatus.CANCELED, purchase_date=purchased, latest_ship_date=None,
            items=[ItemSpec(order_item_id=None, quantity_cancelled=1)])  # fmt: skip
    with db.transaction() as session:
        for order in session.scalars(select(Order).where(Order.order_id.in_(
            [order_id(4), order_id(6), order_id(7)]
        ))):  # fmt: skip
            order.canceled_on_marketplace = True
    add(db, 5, status=OrderStatus.SHIPPED, purchase_date=NOW - 10 * DAY,
        latest_ship_date=NOW - 9 * DAY,
        items=[ItemSpec(order_item_id="55555555555555", quantity_shipped=1)])  # fmt: skip
    receive_return(db, order_id(5), "used", at=NOW - 6 * DAY)  # a Saturday: due Tuesday
    late = {
        "order_id": order_id(2),
        "status": "Unshipped",
        "latest_ship_date": "2026-11-17T12:00:00+00:00",
        "days_late": 3,
    }
    assert health(db, NOW).to_json() == {
        "as_of": "2026-11-20T12:00:00+00:00",
        "window_days": 7,
        "orders": 3,  # orders 1, 2 and 4 were purchased in the 7 days
        "seller_cancellations": 1,
        "cancellation_rate": "33.33",
        "cancellation_rate_target": "2.50",
        "above_target": True,
        "late": [late],
        "at_risk_of_auto_cancel": [
            {**late, "days_left": 4, "auto_cancel_from": "2026-11-24T12:00:00+00:00"}
        ],
        "pending_over_21_days": [
            {
                "order_id": order_id(3),
                "purchase_date": "2026-10-21T12:00:00+00:00",
                "age_days": 30,
            }
        ],
        # oldest first; order 7 was bought after the moment asked about
        "canceled_on_marketplace": [
            {
                "order_id": order_id(6),
                "purchase_date": "2026-10-31T12:00:00+00:00",
                "whole_order": True,
            },
            {
                "order_id": order_id(4),
                "purchase_date": "2026-11-17T12:00:00+00:00",
                "whole_order": True,
            },
        ],
        "overdue_refunds": [
            {
                "order_id": order_id(5),
                "received_at": "2026-11-14T12:00:00+00:00",
                "due": "2026-11-17",
                "days_overdue": 3,
            }
        ],
    }


def test_a_late_order_is_at_risk_in_its_last_three_days_before_the_marketplace_may_cancel_it():
    # S11: the marketplace may cancel an order 7 days late; the warning starts 3 days before.
    at_risk = [days for days in range(10) if close_to_auto_cancel(days)]
    assert at_risk == [4, 5, 6, 7, 8, 9]
    assert [days_before_auto_cancel(days) for days in (4, 6, 7, 9)] == [3, 1, 0, -2]

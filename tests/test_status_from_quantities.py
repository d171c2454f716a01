"""What an order's unit counts imply, its status and the actions left, per case (no database)."""

from __future__ import annotations

import pytest

from app.order_actions.rules import (
    Action,
    Rule,
    decide,
    open_quantity,
    shipped_quantity,
    status_from_items,
)
from app.storage.models import Order, OrderItem, OrderStatus

P, U, PS, S, C = (
    OrderStatus.PENDING,
    OrderStatus.UNSHIPPED,
    OrderStatus.PARTIALLY_SHIPPED,
    OrderStatus.SHIPPED,
    OrderStatus.CANCELED,
)


def item(quantity: int, shipped: int = 0, cancelled: int = 0) -> OrderItem:
    return OrderItem(quantity=quantity, quantity_shipped=shipped, quantity_cancelled=cancelled)


@pytest.mark.parametrize(
    ("current", "items", "status"),
    [
        (P, [item(2)], P),  # pending stays pending until the payment is verified
        (P, [item(1, cancelled=1)], P),
        (P, [], P),
        (U, [], U),  # no item lines known (an order-id-only row): left as it is
        (S, [], S),
        (U, [item(2)], U),
        (U, [item(2, shipped=1)], PS),
        (U, [item(2, shipped=2)], S),
        (U, [item(2, shipped=1, cancelled=1)], S),  # the rest was cancelled: shipped
        (U, [item(2, cancelled=2)], C),
        (PS, [item(1, shipped=1), item(1)], PS),
        (PS, [item(1, shipped=1), item(1, cancelled=1)], S),
        (U, [item(1, cancelled=1), item(3)], U),
        (S, [item(1, shipped=1), item(1, cancelled=1)], S),
    ],
)
def test_the_units_shipped_and_cancelled_decide_the_status(current, items, status):
    assert status_from_items(current, items) is status


def test_open_and_shipped_units_are_counted_over_every_line():
    lines = [item(3, shipped=1, cancelled=1), item(2), item(4, shipped=4)]
    assert (open_quantity(lines), shipped_quantity(lines)) == (3, 5)
    assert (open_quantity([]), shipped_quantity([])) == (0, 0)


def order(status: OrderStatus, *items: OrderItem) -> Order:
    made = Order(order_id="405-1234567-1234567", status=status, buyer_requested_cancel=False)
    made.items.extend(items)
    return made


@pytest.mark.parametrize(
    ("made", "action", "rule"),
    [
        (order(U, item(1)), Action.CONFIRM_SHIPMENT, None),  # one unit left to ship
        (order(U, item(1)), Action.CANCEL_ORDER, None),
        (order(U, item(1)), Action.CANCEL_ITEMS, None),
        (order(PS, item(1, shipped=1), item(1)), Action.CONFIRM_SHIPMENT, None),
        # the units say everything went, whatever the status says
        (order(U, item(1, shipped=1)), Action.CONFIRM_SHIPMENT, Rule.ALL_SHIPPED),
        (order(U, item(2, shipped=1, cancelled=1)), Action.CANCEL_ORDER, Rule.SHIPPED_NO_CANCEL),
        (order(U, item(1, shipped=1)), Action.CANCEL_ITEMS, Rule.SHIPPED_NO_CANCEL),
        # the status says shipped, whatever units a report left open
        (order(S, item(2, shipped=1)), Action.CONFIRM_SHIPMENT, Rule.ALL_SHIPPED),
        (order(S, item(2, shipped=1)), Action.CANCEL_ORDER, Rule.SHIPPED_NO_CANCEL),
        (order(S, item(2, shipped=1)), Action.CANCEL_ITEMS, Rule.SHIPPED_NO_CANCEL),
        # a refund needs one unit shipped, the status aside
        (order(U, item(2, shipped=1)), Action.REFUND, None),
        (order(PS, item(1), item(1, cancelled=1)), Action.REFUND, Rule.NOTHING_SHIPPED),
    ],
)
def test_the_units_left_decide_whether_to_ship_cancel_or_refund(made, action, rule):
    assert decide(made, action).rule is rule

"""The late list read as runs of joined order ids (app/account_health/health.py): the
same orders, in the same order, as reading every order one by one would give."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from app.account_health.health import OPEN_STATUSES, LateOrder, late_orders
from app.clock import whole_days
from app.storage.models import FulfilledBy, Order, OrderStatus
from tests.factories import NOW
from tests.test_health_output import _cancel_unshipped, _shop

DAY = timedelta(days=1)


def _every_order_read(db: Any, as_of: datetime) -> list[LateOrder]:
    """The late list from each order and its items as objects: units open at ``as_of``
    are those open now plus those shipped or cancelled after it."""
    late = []
    with db.reading() as session:
        orders = session.scalars(
            select(Order).options(selectinload(Order.items), selectinload(Order.cancellations))
        )
        for order in orders:
            ship_by = order.latest_ship_date
            if (
                order.fulfilled_by is not FulfilledBy.SELLER
                or ship_by is None
                or ship_by >= as_of
                or order.purchase_date > as_of
                or (order.payment_date is not None and order.payment_date > as_of)
                or order.status is OrderStatus.PENDING
            ):
                continue
            open_now = sum(item.quantity_open for item in order.items)
            undone = sum(
                line.quantity
                for cancellation in order.cancellations
                if cancellation.created_at > as_of
                for line in cancellation.lines
            )
            if (order.status in OPEN_STATUSES and open_now > 0) or (
                undone and open_now + undone > 0
            ):
                late.append(
                    LateOrder(order.order_id, order.status, ship_by, whole_days(as_of, ship_by))
                )
    return sorted(late, key=lambda order: (order.latest_ship_date, order.order_id))


@pytest.mark.parametrize("spaced_ids", [False, True])
def test_late_orders_are_every_late_order_by_ship_by_date_then_id(db, spaced_ids):
    ids = _shop(db, 1_500)
    with db.transaction() as session:  # one ship-by moment shared by orders of every status
        session.execute(
            update(Order).where(Order.id % 4 == 1).values(latest_ship_date=NOW - 3 * DAY)
        )
        session.execute(  # and one by many orders of one status, not added in id order
            update(Order)
            .where(Order.id % 4 == 3, Order.status == OrderStatus.UNSHIPPED)
            .values(latest_ship_date=NOW - 5 * DAY)
        )
    _cancel_unshipped(db, ids, 30)
    if spaced_ids:  # an id holding the separator the database joins them with
        # (order ids are checked on the way in: never in practice)
        with db.transaction() as session:
            session.execute(
                update(Order)
                .where(Order.id % 3 == 0)
                .values(order_id=func.replace(Order.order_id, "-", " "))
            )
            ids = list(session.scalars(select(Order.order_id).order_by(Order.id)))
    for as_of in (NOW, NOW - timedelta(days=2), NOW + timedelta(days=30)):
        with db.reading() as session:
            found = late_orders(session, as_of)
        assert len(found) > 100  # a real comparison
        shared = {order.status for order in found if order.latest_ship_date == NOW - 3 * DAY}
        assert set(OPEN_STATUSES) <= shared  # their runs merged by order id
        assert any(" " in order.order_id for order in found) is spaced_ids
        assert found == _every_order_read(db, as_of)

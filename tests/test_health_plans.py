"""Health's queries walk a selective index even where no window has gathered statistics.

Nearly every order is the seller's own: an index on who fulfils it narrows nothing, and
SQLite without statistics took it for health's pending and cancellation-rate queries,
reading every order (seconds at 1M orders).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from app.account_health.health import health, late_orders
from tests.conftest import ON_POSTGRES
from tests.factories import NOW, OrderSpec, add_order

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="SQLite's query planner")


def test_no_health_query_walks_every_seller_order(db):
    add_order(db, OrderSpec())
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    health(db, NOW)
    event.remove(db.engine, "before_cursor_execute", seen)
    with db.engine.connect() as connection:
        assert (
            connection.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
            ).first()
            is None
        )
        plans = [
            detail
            for statement, parameters in statements
            if "orders" in statement
            for *_, detail in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters
            )
        ]
    assert plans
    assert not [
        detail for detail in plans if "(fulfilled_by=?)" in detail or "SCAN orders" in detail
    ]


def test_the_late_list_reads_open_orders_and_items_from_their_indexes(db):
    # 100,000 late orders at 1M: reading each order's row and its item's took 0.55 s,
    # the two partial indexes of migration 0017 a third of that. A partial index serves
    # a query only if the query holds its very condition (statuses, open units).
    add_order(db, OrderSpec(latest_ship_date=NOW - timedelta(days=2)))
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    with db.connected() as reading:
        late = late_orders(reading, NOW)
    event.remove(db.engine, "before_cursor_execute", seen)
    assert [order.order_id for order in late] == [OrderSpec().order_id]
    [(statement, parameters)] = [s for s in statements if "count(*)" in s[0]]
    with db.engine.connect() as connection:
        plan = " | ".join(
            detail
            for *_, detail in connection.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, parameters
            )
        )
    assert "COVERING INDEX ix_orders_open_late" in plan, plan
    assert "INDEX ix_order_items_open" in plan, plan

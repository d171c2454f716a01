"""Health's queries walk a selective index even where no window has gathered statistics.

Nearly every order is the seller's own: an index on who fulfils it narrows nothing, and
SQLite without statistics took it for health's pending and cancellation-rate queries,
reading every order (seconds at 1M orders).
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from app.account_health.health import health
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

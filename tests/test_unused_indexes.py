"""Issue 13: indexes no query reads are not built (migration 0021); an order's items are
still found through an index led by the order."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect, text

from app.storage.db import open_database
from tests.conftest import ON_POSTGRES
from tests.factories import OrderSpec, add_order
from tests.migrations import file_downgraded

UNUSED = {
    "orders": "ix_orders_buyer_requested_purchased",
    "order_items": "ix_order_items_order_pk",
}


def _indexes(db, table: str) -> set[str]:
    with db.engine.connect() as connection:
        return {index["name"] for index in inspect(connection).get_indexes(table)}


def test_indexes_no_query_reads_are_gone(db):
    for table, name in UNUSED.items():
        assert name not in _indexes(db, table)
    assert "ix_orders_cancel_requested_purchased" in _indexes(db, "orders")  # Buyer requested
    assert "ix_order_items_order_sku" in _indexes(db, "order_items")


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's query plans and its file downgrade")
def test_an_orders_items_are_found_by_an_index_and_a_downgrade_builds_both_again(db, db_path):
    add_order(db, OrderSpec())
    with db.reading() as session:
        plan = session.execute(
            text("EXPLAIN QUERY PLAN SELECT * FROM order_items WHERE order_pk = 1")
        ).all()
    assert "USING INDEX" in plan[0][-1]
    db.dispose()
    file_downgraded(db_path, "0020")
    with sqlite3.connect(db_path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert set(UNUSED.values()) <= names
    reopened = open_database(str(db_path))  # upgraded again
    try:
        for table, name in UNUSED.items():
            assert name not in _indexes(reopened, table)
    finally:
        reopened.dispose()

"""The order search's index on SQLite (migration 0015): many new orders at once.

Triggers keep the FTS5 index in step with every write of an order. Fired once per
inserted order they cost about five times what one statement adding all of an
import's new orders costs (measured: 58,881 orders, 5.7 s against 1.0 s of CPU), so
an import adds its new orders to the index that way, inside its own transaction.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

# As migration 0015 creates it (the migration keeps its own copy: it never changes).
INSERT_TRIGGER = (
    "CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN"
    " INSERT INTO orders_search (rowid, order_id, search_text)"
    " VALUES (new.id, new.order_id, new.search_text); END"
)


@contextmanager
def new_orders_indexed_at_end(connection: Connection, last_id: int) -> Iterator[None]:
    """Orders inserted inside (ids above ``last_id``, the largest before) enter the
    search index in one statement at the end, not one by one.

    Inside the caller's transaction: should it fail, the trigger is back as it was.
    Updates and deletions keep their triggers (few orders change at once).
    """
    if connection.dialect.name != "sqlite":
        yield  # PostgreSQL's trigram indexes are kept by the database itself
        return
    connection.exec_driver_sql("DROP TRIGGER orders_search_insert")
    yield
    connection.exec_driver_sql(INSERT_TRIGGER)
    connection.exec_driver_sql(
        "INSERT INTO orders_search (rowid, order_id, search_text)"
        " SELECT id, order_id, search_text FROM orders WHERE id > ?",
        (last_id,),
    )

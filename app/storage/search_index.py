"""The order search's index: many new orders at once.

SQLite (migration 0015): triggers keep the FTS5 index in step with every write of an
order. Fired once per inserted order they cost about five times what one statement
adding all of an import's new orders costs (measured: 58,881 orders, 5.7 s against
1.0 s of CPU), so an import adds its new orders to the index that way, inside its
own transaction.

PostgreSQL (migration 0019): the words of each order in a table of their own with the
trigram indexes, kept by triggers a statement at a time. A load much larger than what
the database holds builds those indexes once at the end instead of order by order.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, Text

from app.storage.bulk import dropped_meanwhile, rebuilding_pays

# PostgreSQL's table of searched words (migration 0019), one row per order, for queries.
# Apart from the models' metadata: on SQLite the table of that name is FTS5's.
search_words = Table(
    "orders_search",
    MetaData(),
    Column("order_pk", Integer(), primary_key=True),
    Column("order_id", String(19), nullable=False),
    Column("search_text", Text(), nullable=False),
)

# As migration 0015 creates it (the migration keeps its own copy: it never changes).
INSERT_TRIGGER = (
    "CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN"
    " INSERT INTO orders_search (rowid, order_id, search_text)"
    " VALUES (new.id, new.order_id, new.search_text); END"
)


@contextmanager
def new_orders_indexed_at_end(connection: Connection, last_id: int, rows: int) -> Iterator[None]:
    """Orders inserted inside (ids above ``last_id``, the largest before; ``rows``: the
    lines loaded) enter the search index in one statement at the end, not one by one.

    Inside the caller's transaction: should it fail, the trigger is back as it was.
    Updates and deletions keep their triggers (few orders change at once).
    """
    if connection.dialect.name == "postgresql":
        with _trigram_indexes_rebuilt(connection, rows, last_id):
            yield
        return
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("DROP TRIGGER orders_search_insert")
    yield
    connection.exec_driver_sql(INSERT_TRIGGER)
    connection.exec_driver_sql(
        "INSERT INTO orders_search (rowid, order_id, search_text)"
        " SELECT id, order_id, search_text FROM orders WHERE id > ?",
        (last_id,),
    )


@contextmanager
def _trigram_indexes_rebuilt(connection: Connection, rows: int, stored: int) -> Iterator[None]:
    """PostgreSQL: a load much larger than what orders hold (a first import) drops the
    search table's trigram indexes and builds them again at the end.

    A GIN index built in one pass costs a fraction of taking each order's trigrams one
    by one (a first import's 20,000 lines: 17 s of the server's 22.5 s went into them).
    Dropping them locks orders_search until the import commits: a search meanwhile
    waits, while the order list, its counts and every action go on (orders' own
    indexes stay, which is why bulk.indexes_rebuilt leaves PostgreSQL alone). Only
    a load at least twice what is stored does it, so a search waits only in a
    database still nearly empty. Inside the caller's transaction: should it fail,
    the indexes are back as they were.
    """
    if not rebuilding_pays(rows, stored):
        yield
        return
    # The lock the drops take anyway, taken before the definitions are read: another
    # first import dropping them meanwhile (a second shop computer) is waited for, not
    # read half-dropped ("cache lookup failed for attribute 1 of relation …").
    connection.exec_driver_sql("LOCK TABLE orders_search IN ACCESS EXCLUSIVE MODE")
    found = connection.exec_driver_sql(
        "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
        " FROM pg_index i WHERE i.indrelid = 'orders_search'::regclass AND NOT i.indisprimary"
    ).all()
    # regclass::text is the name as SQL must write it (quoted where it needs to be).
    with dropped_meanwhile(connection, [(name, definition) for name, definition in found]):
        yield

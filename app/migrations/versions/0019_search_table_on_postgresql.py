"""PostgreSQL: the order search's trigram indexes move to a table of their own (issue 13)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# On orders, the two GIN indexes took a new entry for every new version of an order's row,
# whatever changed: status is indexed, so no update of an order is HOT, and a bulk cancel
# of 5,000 orders spent most of its 0.67 s UPDATE in them; a first import's COPY of
# orders took 17.1 s of 22.5 s (3.7 s without them). Searched words change far less
# often than orders do: the words live in orders_search (what SQLite's FTS5 table of
# that name holds), written only when an order's id or search text changes.
UPGRADE = (
    "CREATE TABLE orders_search ("
    " order_pk INTEGER PRIMARY KEY,"
    " order_id VARCHAR(19) NOT NULL,"
    " search_text TEXT NOT NULL)",
    # New orders and deleted ones, a statement at a time (an import's COPY of 500
    # orders: one INSERT here, not 500).
    "CREATE FUNCTION orders_search_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " INSERT INTO orders_search (order_pk, order_id, search_text)"
    " SELECT id, order_id, search_text FROM new_orders; RETURN NULL; END $$",
    "CREATE TRIGGER orders_search_insert AFTER INSERT ON orders"
    " REFERENCING NEW TABLE AS new_orders FOR EACH STATEMENT"
    " EXECUTE FUNCTION orders_search_insert()",
    "CREATE FUNCTION orders_search_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " DELETE FROM orders_search WHERE order_pk IN (SELECT id FROM old_orders);"
    " RETURN NULL; END $$",
    "CREATE TRIGGER orders_search_delete AFTER DELETE ON orders"
    " REFERENCING OLD TABLE AS old_orders FOR EACH STATEMENT"
    " EXECUTE FUNCTION orders_search_delete()",
    # Only when a searched column really changes: most updates of an order leave both
    # (a cancellation too: a name is searchable from payment on, S9, and stays so).
    "CREATE FUNCTION orders_search_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " UPDATE orders_search SET order_id = new.order_id, search_text = new.search_text"
    " WHERE order_pk = new.id; RETURN NULL; END $$",
    "CREATE TRIGGER orders_search_update AFTER UPDATE OF order_id, search_text ON orders"
    " FOR EACH ROW WHEN (old.order_id IS DISTINCT FROM new.order_id"
    " OR old.search_text IS DISTINCT FROM new.search_text)"
    " EXECUTE FUNCTION orders_search_update()",
    "CREATE FUNCTION orders_search_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    " TRUNCATE orders_search; RETURN NULL; END $$",
    "CREATE TRIGGER orders_search_truncate AFTER TRUNCATE ON orders"
    " FOR EACH STATEMENT EXECUTE FUNCTION orders_search_truncate()",
    # The orders already there, in one pass; the indexes are built after, in one pass each.
    "INSERT INTO orders_search (order_pk, order_id, search_text)"
    " SELECT id, order_id, search_text FROM orders",
)
EVENTS = ("insert", "delete", "update", "truncate")
DOWNGRADE = (
    *(f"DROP TRIGGER orders_search_{event} ON orders" for event in EVENTS),
    *(f"DROP FUNCTION orders_search_{event}()" for event in EVENTS),
    "DROP TABLE orders_search",
)

# Migration 0015's indexes on orders (written directly, 0016) and their successors.
OLD_INDEXES = {
    "ix_orders_order_id_trigrams": "order_id",
    "ix_orders_search_text_trigrams": "search_text",
}
NEW_INDEXES = {
    "ix_orders_search_order_id_trigrams": "order_id",
    "ix_orders_search_search_text_trigrams": "search_text",
}


def _trigrams(connection: Connection) -> bool:
    """Whether pg_trgm is there (0015 added it where it could; without it a search reads
    orders_search whole, narrower than orders)."""
    found = connection.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    return found.first() is not None


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        return  # its FTS5 table (0015) is already apart from orders
    for statement in UPGRADE:
        connection.exec_driver_sql(statement)
    if not _trigrams(connection):
        return
    for name in OLD_INDEXES:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for name, column in NEW_INDEXES.items():
        # Written directly, as 0016 says why (a pending list flushed over and over).
        connection.exec_driver_sql(
            f"CREATE INDEX {name} ON orders_search USING gin ({column} gin_trgm_ops)"
            " WITH (fastupdate = off)"
        )
    # The planner knows the new table at once, not when autovacuum comes by.
    connection.exec_driver_sql("ANALYZE orders_search")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        return
    for statement in DOWNGRADE:
        connection.exec_driver_sql(statement)
    if not _trigrams(connection):
        return
    for name, column in OLD_INDEXES.items():
        connection.exec_driver_sql(
            f"CREATE INDEX {name} ON orders USING gin ({column} gin_trgm_ops)"
            " WITH (fastupdate = off)"
        )

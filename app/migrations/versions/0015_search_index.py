"""orders: an index that finds a searched word inside the order id and search text (issue 13)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

# SQLite: every run of three characters of each order's id and search text, pointing
# at the order (FTS5's trigram tokenizer; the text itself stays in orders only).
# Triggers keep it in step with every writer: the ORM, the importer's bulk
# statements, a script's raw inserts alike.
# An order is in the index: FTS5 keeps one row per indexed order in its docsize table.
INDEXED = "EXISTS (SELECT 1 FROM orders_search_docsize WHERE id = old.id)"
SQLITE_UPGRADE = (
    "CREATE VIRTUAL TABLE orders_search USING fts5("
    "order_id, search_text, content='orders', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN"
    " INSERT INTO orders_search (rowid, order_id, search_text)"
    " VALUES (new.id, new.order_id, new.search_text); END",
    # Only an order in the index leaves it: an import adds its new orders at the end
    # (app.storage.search_index), and may change or drop one before.
    "CREATE TRIGGER orders_search_delete AFTER DELETE ON orders"
    f" WHEN {INDEXED} BEGIN"
    " INSERT INTO orders_search (orders_search, rowid, order_id, search_text)"
    " VALUES ('delete', old.id, old.order_id, old.search_text); END",
    # Only when a searched column really changes: most updates of an order leave both.
    "CREATE TRIGGER orders_search_update AFTER UPDATE OF order_id, search_text ON orders"
    " WHEN (old.order_id IS NOT new.order_id OR old.search_text IS NOT new.search_text)"
    f" AND {INDEXED} BEGIN"
    " INSERT INTO orders_search (orders_search, rowid, order_id, search_text)"
    " VALUES ('delete', old.id, old.order_id, old.search_text);"
    " INSERT INTO orders_search (rowid, order_id, search_text)"
    " VALUES (new.id, new.order_id, new.search_text); END",
    # The orders already there, in one pass (inside the upgrade's transaction).
    "INSERT INTO orders_search (orders_search) VALUES ('rebuild')",
)
SQLITE_DOWNGRADE = (
    "DROP TRIGGER orders_search_update",
    "DROP TRIGGER orders_search_delete",
    "DROP TRIGGER orders_search_insert",
    "DROP TABLE orders_search",
)

# PostgreSQL: pg_trgm's GIN indexes answer the same LIKE '%word%' the search asks.
POSTGRES_INDEXES = {
    "ix_orders_order_id_trigrams": "order_id",
    "ix_orders_search_text_trigrams": "search_text",
}


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in SQLITE_UPGRADE:
            connection.exec_driver_sql(statement)
        return
    # pg_trgm ships with PostgreSQL (contrib) and a database's owner may add it; where it
    # cannot be added the search still works, by reading the orders as before.
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception:
        return
    for name, column in POSTGRES_INDEXES.items():
        connection.exec_driver_sql(
            f"CREATE INDEX {name} ON orders USING gin ({column} gin_trgm_ops)"
        )


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for statement in SQLITE_DOWNGRADE:
            connection.exec_driver_sql(statement)
        return
    for name in POSTGRES_INDEXES:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")

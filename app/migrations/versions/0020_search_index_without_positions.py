"""orders_search: the index keeps which orders hold a trigram, not where (issue 13)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import Connection

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# FTS5's default (detail=full) stores, for every trigram, the column and the position of
# each of its occurrences in every order: 27 MB of a fresh import of 58,881 orders
# (156 MB in all), 212 MB at 1M orders. The search never needs them: it asks the index
# for the orders holding every trigram of a word (app.order_views.queries), then checks
# each order found with LIKE, as before. detail=none keeps only the orders: 6.7 MB for
# those 58,881, written in 0.25 s of CPU instead of 0.38; 49 MB at 1M (a rebuild of 4 s).
# Phrases and column filters are then refused, which is why the question changed too.
CREATE = (
    "CREATE VIRTUAL TABLE orders_search USING fts5("
    "order_id, search_text, content='orders', content_rowid='id', tokenize='trigram'{detail})"
)
WITHOUT_POSITIONS = ", detail=none"
HASHSIZE = "SELECT v FROM orders_search_config WHERE k = 'hashsize'"
SET_HASHSIZE = "INSERT INTO orders_search (orders_search, rank) VALUES ('hashsize', ?)"


def _rebuilt(connection: Connection, detail: str) -> None:
    """orders_search made again with ``detail`` and filled from orders in one pass; the
    triggers of migration 0015 name the table, so they keep it in step as before."""
    # Migration 0018's setting (absent where that SQLite refused it) is kept.
    pending = connection.exec_driver_sql(HASHSIZE).scalar()
    connection.exec_driver_sql("DROP TABLE orders_search")
    connection.exec_driver_sql(CREATE.format(detail=detail))
    if pending is not None:
        connection.exec_driver_sql(SET_HASHSIZE, (pending,))
    connection.exec_driver_sql("INSERT INTO orders_search (orders_search) VALUES ('rebuild')")


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":  # PostgreSQL's trigram indexes hold no positions
        _rebuilt(connection, WITHOUT_POSITIONS)


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        _rebuilt(connection, "")

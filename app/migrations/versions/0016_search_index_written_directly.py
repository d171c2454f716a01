"""orders: PostgreSQL's trigram indexes take each order as it is written (issue 13)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# Migration 0015's GIN trigram indexes, where pg_trgm could be added (SQLite: FTS5).
POSTGRES_INDEXES = ("ix_orders_order_id_trigrams", "ix_orders_search_text_trigrams")


def upgrade() -> None:
    # With GIN's default pending list, an import of 20k lines (11,731 new orders) took
    # 106 s against 14.5 s without the indexes: the list is flushed into the index over
    # and over inside the import's one transaction, and each search has to read it too.
    # Written straight into the index the same import took 30 s; one order written by an
    # action costs a few trigrams either way.
    if op.get_bind().dialect.name == "sqlite":
        return
    for name in POSTGRES_INDEXES:
        op.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for name in POSTGRES_INDEXES:
        op.execute(f"ALTER INDEX IF EXISTS {name} RESET (fastupdate)")

"""order list at 1M: Fulfilled by Amazon's index, the search's narrow copy (issue 13)

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


# Only Amazon's orders are in it: no query about the seller's own orders can pick it.
MARKETPLACE_ONLY = "fulfilled_by = 'marketplace'"


def upgrade() -> None:
    # Without it a shop with no Amazon-fulfilled order reads all its orders (a
    # second at 1M) to show an empty first page; with it, the newest first at once.
    op.create_index(
        "ix_orders_marketplace_purchased",
        "orders",
        ["purchase_date"],
        unique=False,
        sqlite_where=sa.text(MARKETPLACE_ONLY),
        postgresql_where=sa.text(MARKETPLACE_ONLY),
    )
    if op.get_bind().dialect.name == "sqlite":
        # A rare word is looked for in this index (a tenth of the table's size) instead of
        # every order's row. Not on PostgreSQL: a B-tree refuses a long searched text.
        op.create_index("ix_orders_search", "orders", ["search_text", "order_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_orders_search", table_name="orders")
    op.drop_index("ix_orders_marketplace_purchased", table_name="orders")

"""order list at 1M: Fulfilled by Amazon's index, the search's narrow copy (issue 13)

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        # Without it a shop with no Amazon-fulfilled order reads all its orders (a
        # second at 1M) to show an empty first page; with it, the newest first at once.
        batch_op.create_index(
            "ix_orders_fulfilled_by_purchased", ["fulfilled_by", "purchase_date"], unique=False
        )
    if op.get_bind().dialect.name == "sqlite":
        # A rare word is looked for in this index (a tenth of the table's size) instead of
        # every order's row. Not on PostgreSQL: a B-tree refuses a long searched text.
        op.create_index("ix_orders_search", "orders", ["search_text", "order_id"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index("ix_orders_search", table_name="orders")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_fulfilled_by_purchased")

"""the Fulfilled by Amazon filter walks an index in its default sort (issue 13)

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


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_fulfilled_by_purchased")

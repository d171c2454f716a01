"""Drop the index on fulfilled_by: nearly every order has the same value.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every query about the seller's own orders says fulfilled_by = 'seller'. Without
    # statistics (a database no window has analysed) SQLite then walked this index
    # through every order instead of the selective one beside it: health's pending
    # and cancellation-rate queries read all 1M orders. Amazon's orders have their own
    # partial index (0010), which is all the Fulfilled by Amazon filter needs.
    op.drop_index("ix_orders_fulfilled_by", table_name="orders")


def downgrade() -> None:
    op.create_index("ix_orders_fulfilled_by", "orders", ["fulfilled_by"], unique=False)

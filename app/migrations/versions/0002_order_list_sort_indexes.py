"""order list: indexes so sorting by items or total stays fast on a million orders

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index("ix_orders_item_count", ["item_count"], unique=False)
        batch_op.create_index("ix_orders_total", ["total"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_total")
        batch_op.drop_index("ix_orders_item_count")

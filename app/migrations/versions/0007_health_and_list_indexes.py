"""indexes for health and the order list on a million orders (issue 13)

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        # health: orders paid only after the moment asked about (pending then, S12)
        batch_op.create_index("ix_orders_payment_date", ["payment_date"], unique=False)
        # the order list: each filter walks an index in its default sort, newest first
        batch_op.create_index(
            "ix_orders_status_purchased", ["status", "purchase_date"], unique=False
        )
        batch_op.create_index(
            "ix_orders_buyer_requested_purchased",
            ["buyer_requested_cancel", "purchase_date"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_buyer_requested_purchased")
        batch_op.drop_index("ix_orders_status_purchased")
        batch_op.drop_index("ix_orders_payment_date")

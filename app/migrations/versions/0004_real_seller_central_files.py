"""orders: who fulfils them; cancellations sent without reason; shipments sent as one order row

Revision ID: 0004
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every order stored before this came from reports read as the seller's own work.
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "fulfilled_by",
                sa.Enum("seller", "marketplace", name="fulfilledby", native_enum=False, length=32),
                nullable=False,
                server_default="seller",
            )
        )
        batch_op.create_index("ix_orders_fulfilled_by", ["fulfilled_by"], unique=False)
    with op.batch_alter_table("cancellations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "sent_without_reason", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )

    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sent_as_order_row", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("shipments", schema=None) as batch_op:
        batch_op.drop_column("sent_as_order_row")
    with op.batch_alter_table("cancellations", schema=None) as batch_op:
        batch_op.drop_column("sent_without_reason")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_fulfilled_by")
        batch_op.drop_column("fulfilled_by")

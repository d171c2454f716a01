"""health at 1M: the orders cancelled on the marketplace have an index of their own (issue 13)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Health lists the orders the marketplace cancelled, oldest first. Without an index
    # of their own it walked the purchase-date index through every order (2 s at 1M
    # orders for an empty list). Partial: only those orders are in it, a handful. The
    # condition is written as each database's query says it (`IS 1`, `IS true`), so
    # the planner sees at once that the query asks for these orders only.
    bind = op.get_bind()
    marked = (
        "canceled_on_marketplace IS 1"
        if bind.dialect.name == "sqlite"
        else ("canceled_on_marketplace IS true")
    )
    op.create_index(
        "ix_orders_marketplace_cancelled_purchased",
        "orders",
        ["purchase_date"],
        unique=False,
        sqlite_where=sa.text(marked),
        postgresql_where=sa.text(marked),
    )


def downgrade() -> None:
    op.drop_index("ix_orders_marketplace_cancelled_purchased", table_name="orders")

"""Drop two indexes no query reads: a first import no longer builds them (issue 13)

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# Every reading statement of the order list (each filter x each sort, paged, searched,
# counted), health and the notices, planned on SQLite (EXPLAIN QUERY PLAN, 58,881
# orders) and run on PostgreSQL (pg_stat_user_indexes): neither index was read once.
# - ix_orders_buyer_requested_purchased (0007): the Buyer requested filter walks
#   ix_orders_cancel_requested_purchased since requests by message count too (0008).
# - ix_order_items_order_pk: the items of an order are found by the unique index on
#   (order_pk, order_item_id) or ix_order_items_order_sku, both led by order_pk.
# A first import of 100k lines built them in 0.08 s of CPU, 3.2 MB of its file.
DROPPED = {
    "ix_orders_buyer_requested_purchased": ("orders", ["buyer_requested_cancel", "purchase_date"]),
    "ix_order_items_order_pk": ("order_items", ["order_pk"]),
}


def upgrade() -> None:
    for name, (table, _columns) in DROPPED.items():
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    for name, (table, columns) in DROPPED.items():
        op.create_index(name, table, columns, unique=False)
